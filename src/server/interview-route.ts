// `POST /v1/interview`: the interview of issue 31 over HTTP. The body is the case facts so far and,
// optionally, an answer to record first; the reply is the facts (with the answer recorded) and the
// next question, or `null` when no open question could change an outcome. The service keeps no
// state between requests: the client sends the facts each time, as a case system would.
import { z } from "zod";
import {
  answerQuestion,
  type InterviewAnswer,
  InterviewAnswerError,
  type InterviewQuestion,
  nextQuestion,
} from "../interview/interview.js";
import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import { type InputProblem, problemsFromZodError } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";

/** The URL of the route. */
export const INTERVIEW_PATH = "/v1/interview";

/** The request body. `facts` is case facts (validated as such, its problems by path). */
export const InterviewRequestSchema = z.strictObject({
  facts: z.unknown().meta({ description: 'The case facts so far (CaseFacts); `{ "id": "…" }` to start.' }),
  answer: z
    .strictObject({
      questionId: z
        .string()
        .max(200)
        .meta({ description: "The id of the question answered (`question.id`)." }),
      value: z.unknown().meta({
        description:
          "The answer: true/false (yes-no), a string (choice, date YYYY-MM-DD), a whole number (age), or a list of acts { kind, date?, unwelcome? } (acts; unwelcome left out when not known).",
      }),
    })
    .optional()
    .meta({ description: "An answer to record before asking the next question." }),
  skip: z
    .array(z.string().max(200))
    .max(200)
    .optional()
    .meta({ description: "Question ids not to ask (the person does not know): their facts stay unknown." }),
});

const CitationSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  unverified: z.boolean(),
});
const InterviewQuestionSchema = z.looseObject({
  id: z.string(),
  question: z.string(),
  help: z.string(),
  answerType: z.enum(["yes-no", "choice", "age", "date", "acts"]),
  answers: z.array(
    z.looseObject({
      value: z.unknown(),
      label: z.string(),
      settles: z.array(z.looseObject({ rule: z.string(), outcome: z.enum(["available", "not-available"]) })),
    }),
  ),
  settles: z.array(z.string()),
  citation: CitationSchema,
});

/** The response body. */
export const InterviewResponseSchema = z
  .looseObject({
    facts: z.looseObject({ id: z.string() }),
    question: InterviewQuestionSchema.nullable(),
  })
  .meta({
    description:
      "The case facts with the answer recorded, and the next question (null: the interview is over).",
  });

/**
 * The route's work: the facts with the answer recorded and the next question, or the problems by
 * path (never quoting a value).
 */
export function runInterview(
  body: unknown,
  asOf: string,
):
  | { readonly ok: true; readonly body: { facts: CaseFacts; question: InterviewQuestion | null } }
  | { readonly ok: false; readonly problems: readonly InputProblem[] } {
  const request = InterviewRequestSchema.safeParse(body);
  if (!request.success) return { ok: false, problems: problemsFromZodError(request.error, body) };
  const parsed = parseCaseFactsFromJson(request.data.facts);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.problems.map((p) => ({ ...p, path: p.path ? `facts.${p.path}` : "facts" })),
    };
  let facts = parsed.data;
  const answer = request.data.answer;
  if (answer) {
    try {
      facts = answerQuestion(facts, answer.questionId, answer.value as InterviewAnswer);
    } catch (error) {
      if (!(error instanceof InterviewAnswerError)) throw error;
      const path =
        error.path === "questionId"
          ? "answer.questionId"
          : `answer.value${error.path.slice("answer".length)}`;
      return { ok: false, problems: [{ path, message: error.message.slice(error.path.length + 2) }] };
    }
  }
  return {
    ok: true,
    body: { facts, question: nextQuestion(facts, { asOf: asOf as IsoDate, skip: request.data.skip }) },
  };
}
