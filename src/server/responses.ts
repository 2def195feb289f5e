// The bodies of the service's responses as zod schemas, for the OpenAPI document. The library's
// results are TypeScript types, not schemas: these describe their outer shape (loose objects, so
// fields added later still validate), and the server tests check every response against them.
import { z } from "zod";
import { IsoDateSchema } from "../model/iso-date.js";

const InputProblemSchema = z.object({
  path: z
    .string()
    .meta({ description: "Where the problem is, e.g. `incidents.2.date`; empty for the whole input." }),
  message: z.string().meta({ description: "What was expected: never the value given." }),
});

/** An RFC 9457 problem document. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({
      description: "A URN naming the kind of problem, e.g. `urn:protective-orders:problem:bad-json`.",
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    problems: z
      .array(InputProblemSchema)
      .optional()
      .meta({ description: "Every problem with the input, by path." }),
  })
  .meta({
    description: "An RFC 9457 problem document (application/problem+json). Never quotes the request.",
  });

const CitationSchema = z.looseObject({ id: z.string(), title: z.string(), url: z.string() });
const OutcomeSchema = z.enum(["available", "not-available", "needs-information"]);
const QuestionSchema = z.looseObject({
  fact: z.string(),
  question: z.string(),
  settles: z.array(z.string()),
  citation: CitationSchema,
});
const RuleEvaluationSchema = z.looseObject({ rule: z.string(), outcome: OutcomeSchema });

/** `assess`'s result. */
export const AssessmentSchema = z
  .looseObject({
    caseId: z.string(),
    asOf: IsoDateSchema.meta({ description: "The date whose law was applied." }),
    orders: z.array(RuleEvaluationSchema),
    recommendation: z.looseObject({
      first: z.string().nullable(),
      ranked: z.array(
        z.looseObject({ rule: z.string(), outcome: OutcomeSchema, citations: z.array(CitationSchema) }),
      ),
      summary: z.string(),
      whatWouldChange: z.array(z.string()),
    }),
    questions: z.array(QuestionSchema),
    missingFacts: z.array(z.string()),
    notices: z.array(
      z.looseObject({ code: z.string(), text: z.string(), citations: z.array(CitationSchema) }),
    ),
    exact: z.boolean(),
  })
  .meta({
    description: "An assessment: every order with its outcome, limbs and citations; which to consider first.",
  });

/** `POST /v1/assess?detail=summary`: the batch's compact record for one case. */
export const AssessmentSummarySchema = z
  .looseObject({
    id: z.string(),
    asOf: IsoDateSchema.meta({ description: "The date whose law was applied." }),
    first: z.string().nullable().meta({ description: "The order to consider first, if any." }),
    outcomes: z.record(z.string(), OutcomeSchema).meta({ description: "Each order's outcome, by rule." }),
    unverified: z
      .array(z.string())
      .meta({ description: "The orders whose answer rests on an unverified point." }),
    missingFacts: z.array(z.string()),
    missingInputs: z.array(z.string()).optional().meta({
      description:
        "The input fields (paths, or CSV columns) that would supply the missing facts: only when asked for (the CLI's `--fields missingInputs`).",
    }),
    questions: z.array(z.string()).meta({
      description:
        "The three most decisive facts to ask about, most decisive first (every question: the full assessment).",
    }),
  })
  .meta({
    description:
      "A compact assessment: the record `POST /v1/batch/assess` (and `protective-orders assess`) writes for the case, without `row`, `line`, `error` and `problems`. No limbs, citations or explanations: ask for the full assessment for those.",
  });

/** `reviewSpoDecline`'s result. */
export const DeclineReviewSchema = z
  .looseObject({
    caseId: z.string(),
    asOf: IsoDateSchema,
    decision: z.looseObject({ reasons: z.number().int() }),
    verdict: z.string(),
    verdictText: z.string(),
    findings: z.array(z.looseObject({ code: z.string(), finding: z.string() })),
    spo: RuleEvaluationSchema,
    daysFromRequestToDecision: z.number().int().nullable(),
    questions: z.array(QuestionSchema),
  })
  .meta({ description: "The review of a declined SPO request, reason by reason." });

/** `POST /v1/validate`'s result. */
export const ValidationSchema = z
  .object({
    valid: z.boolean(),
    id: z.string().optional(),
    problems: z.array(InputProblemSchema).optional(),
  })
  .meta({ description: "Whether the body is valid case facts, with every problem by path." });

/** `draftSpoTerms`'s result. */
export const DraftSpoTermsSchema = z
  .looseObject({ terms: z.array(z.looseObject({ id: z.string() })) })
  .meta({ description: "Draft prohibitions and requirements for an SPO, each with why and its citation." });

const OrderIssueSchema = z.looseObject({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  citations: z.array(CitationSchema),
});

/** `validateOrder`'s result. */
export const OrderValidationSchema = z
  .looseObject({
    valid: z.boolean(),
    defects: z.array(OrderIssueSchema),
    warnings: z.array(OrderIssueSchema),
  })
  .meta({ description: "An order's defects in law and warnings, each cited." });

/** `assessBreaches`'s result. */
export const BreachFindingsSchema = z
  .array(z.looseObject({ breach: z.union([z.boolean(), z.literal("unknown")]) }))
  .meta({ description: "One finding per breach report, in order." });

const InForceSchema = z.looseObject({
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
});

/** One rule or limb. */
export const RuleEntrySchema = z
  .object({
    type: z.enum(["rule", "limb"]),
    id: z.string(),
    label: z.string(),
    citation: CitationSchema,
    inForce: InForceSchema,
    unverified: z.boolean(),
  })
  .meta({ description: "A rule (an order) or a statutory limb, with its citation and in-force period." });

/** One provision of the citation registry. */
export const ProvisionEntrySchema = z
  .looseObject({
    id: z.string(),
    instrument: z.string(),
    provision: z.string(),
    summary: z.string(),
    url: z.string(),
  })
  .meta({ description: "A provision of the citation registry, with its link." });

/** `/healthz` and `/readyz`. */
export const HealthSchema = z.object({ status: z.enum(["ok", "ready"]) });

/** One line of a batch's output: a result, or an error record. */
export const BatchRecordSchema = z
  .union([
    z.looseObject({ row: z.number().int(), id: z.string() }),
    z.object({
      row: z.number().int(),
      line: z.number().int().optional(),
      id: z.string().optional(),
      error: z.enum(["invalid", "unreadable", "failed", "limit"]),
      problems: z.array(InputProblemSchema),
    }),
  ])
  .meta({
    description:
      "One output line per input row, in order: the command's record (as the CLI writes it), or an error record with the row, the line and every problem. A final `limit` record says a limit cut the batch short.",
  });
