import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  assess,
  type CaseFacts,
  INTERVIEW_ACT_KINDS,
  type InterviewAct,
  type InterviewAnswer,
  InterviewAnswerError,
  type InterviewQuestion,
  nextQuestion,
  safeAssess,
} from "../../src/index.js";
import { interviewQuestionFor } from "../../src/interview/interview.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** An answerer: picks one answer for each question from what the generator drew. */
interface Answerer {
  readonly picks: readonly number[];
  readonly acts: readonly InterviewAct[];
  readonly ages: readonly number[];
  readonly dates: readonly string[];
}

const actArb: fc.Arbitrary<InterviewAct> = fc.record({
  kind: fc.constantFrom(...INTERVIEW_ACT_KINDS),
  date: fc.option(fc.constantFrom("2019-06-01", "2020-04-19", "2024-05-01", "2025-05-01"), {
    nil: undefined,
  }),
  unwelcome: fc.boolean(),
});

const answererArb: fc.Arbitrary<Answerer> = fc.record({
  picks: fc.array(fc.nat(20), { minLength: 40, maxLength: 40 }),
  acts: fc.array(actArb, { maxLength: 4 }),
  ages: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 40, maxLength: 40 }),
  dates: fc.array(fc.constantFrom("2012-11-25", "2020-01-20", "2024-03-01"), {
    minLength: 40,
    maxLength: 40,
  }),
});

const ASOF = ["2019-06-01", "2020-01-20", "2025-06-01", "2026-12-07"] as const;

function answerFor(question: InterviewQuestion, answerer: Answerer, step: number): InterviewAnswer {
  switch (question.answerType) {
    case "acts":
      return answerer.acts;
    case "age":
      return answerer.ages[step]!;
    case "date":
      return answerer.dates[step]!;
    default:
      return question.answers[answerer.picks[step]! % question.answers.length]!.value;
  }
}

type Strategy = (facts: CaseFacts, asOf: string) => InterviewQuestion | null;

const interview: Strategy = (facts, asOf) => nextQuestion(facts, { asOf });
/** The ranked list as `assess` gives it: its first question the interview can record, whatever it settles. */
const rankedList: Strategy = (facts, asOf) => {
  for (const q of assess(facts, { asOf }).questions) {
    const asked = interviewQuestionFor(facts, q.fact, { asOf });
    if (asked) return asked;
  }
  return null;
};

function walk(
  strategy: Strategy,
  answerer: Answerer,
  asOf: string,
  check?: (facts: CaseFacts, q: InterviewQuestion) => void,
) {
  let facts: CaseFacts = { id: "c" };
  let asked = 0;
  for (;;) {
    const question = strategy(facts, asOf);
    if (question === null) return { facts, asked };
    check?.(facts, question);
    facts = answerQuestion(facts, question.id, answerFor(question, answerer, asked));
    asked += 1;
    if (asked > 40) throw new Error("the interview did not end");
  }
}

describe("nextQuestion / answerQuestion: the interview", () => {
  it("from empty facts, every question asked could change an outcome, and every answer keeps the facts valid", () => {
    fc.assert(
      fc.property(answererArb, fc.constantFrom(...ASOF), (answerer, asOf) => {
        const times = new Map<string, number>();
        walk(interview, answerer, asOf, (facts, question) => {
          // A question is asked at most twice (once more when its first answer left a follow-up:
          // the acts, then a judgement on those not settled; the relationship, then one connection).
          times.set(question.id, (times.get(question.id) ?? 0) + 1);
          expect(times.get(question.id)).toBeLessThanOrEqual(2);
          const before = assess(facts, { asOf });
          // Its fact is one still unknown that could change some outcome, and some order waits on it.
          expect(before.missingFacts as readonly string[]).toContain(question.id);
          expect(question.settles.length).toBeGreaterThan(0);
          for (const rule of question.settles)
            expect(before.orders.find((o) => o.rule === rule)?.outcome).toBe("needs-information");
          // Each answer's claimed effect is what answering does.
          for (const option of question.answers) {
            const after = assess(answerQuestion(facts, question.id, option.value), { asOf });
            for (const { rule, outcome } of option.settles)
              expect(after.orders.find((o) => o.rule === rule)?.outcome).toBe(outcome);
          }
          expect(question.citation.title.length).toBeGreaterThan(0);
          expect(question.help.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("ends with every SPO condition settled (E&W SPO and interim SPO; NI SPO under the 2022 Act)", () => {
    fc.assert(
      fc.property(answererArb, fc.constantFrom(...ASOF), (answerer, asOf) => {
        const { facts } = walk(interview, answerer, asOf);
        const parsed = safeAssess(facts, { asOf });
        expect(parsed.success).toBe(true);
        const orders = assess(facts, { asOf }).orders;
        const spoRules =
          facts.jurisdiction === "northern-ireland"
            ? ["ni-spo", "ni-interim-spo"]
            : facts.jurisdiction === "england-and-wales"
              ? ["spo", "interim-spo"]
              : [];
        for (const rule of spoRules)
          expect(orders.find((o) => o.rule === rule)?.outcome).not.toBe("needs-information");
      }),
      { numRuns: RUNS },
    );
  });

  it("ends where no recordable answer could settle anything more, in no more questions than the ranked list needs", () => {
    fc.assert(
      fc.property(answererArb, fc.constantFrom(...ASOF), (answerer, asOf) => {
        const byInterview = walk(interview, answerer, asOf);
        const byList = walk(rankedList, answerer, asOf);
        expect(byInterview.asked).toBeLessThanOrEqual(byList.asked);
        // At the end, no question the interview can record would settle any order still open.
        const end = assess(byInterview.facts, { asOf });
        for (const q of end.questions) {
          const asked = interviewQuestionFor(byInterview.facts, q.fact, { asOf });
          if (asked) expect(asked.settles).toEqual([]);
        }
        // The ranked list settles nothing the interview leaves open.
        const listEnd = new Map(assess(byList.facts, { asOf }).orders.map((o) => [o.rule, o.outcome]));
        for (const order of end.orders)
          if (order.outcome === "needs-information" && listEnd.get(order.rule) !== "needs-information")
            expect.fail(`${order.rule} settled by the ranked list but not the interview`);
      }),
      { numRuns: RUNS },
    );
  });

  it("is pure: answering returns new facts and leaves the given ones alone", () => {
    const facts: CaseFacts = Object.freeze({ id: "c", jurisdiction: "england-and-wales" as const });
    const next = answerQuestion(facts, "risk.ongoing", true);
    expect(next).toEqual({ id: "c", jurisdiction: "england-and-wales", risk: { ongoing: true } });
    expect(facts).toEqual({ id: "c", jurisdiction: "england-and-wales" });
    expect(nextQuestion(facts, { asOf: "2025-06-01" })).toEqual(nextQuestion(facts, { asOf: "2025-06-01" }));
  });

  it("asks the SPO's questions first: jurisdiction, then the s.1(1) conditions", () => {
    let facts: CaseFacts = { id: "c" };
    expect(nextQuestion(facts, { asOf: "2025-06-01" })?.id).toBe("case.jurisdiction");
    facts = answerQuestion(facts, "case.jurisdiction", "england-and-wales");
    const ids: string[] = [];
    for (const answer of [
      true,
      [
        { kind: "following", unwelcome: true },
        { kind: "loitering", unwelcome: true },
      ],
      "psychological",
      false,
    ] as const) {
      const q = nextQuestion(facts, { asOf: "2025-06-01" })!;
      ids.push(q.id);
      facts = answerQuestion(facts, q.id, answer as InterviewAnswer);
    }
    expect(ids).toEqual([
      "risk.ongoing",
      "conduct.actsAssociatedWithStalking",
      "risk.harm",
      "protection.otherProtectionAdequate",
    ]);
    // SPA 2019 s.1(1): acts associated with stalking, a risk of harm, an order necessary to protect: all met.
    expect(assess(facts, { asOf: "2025-06-01" }).orders.find((o) => o.rule === "spo")?.outcome).toBe(
      "available",
    );
  });

  it("does not ask the police force area again once answered (the DAPO pilot also needing the local authority)", () => {
    const asOf = "2026-12-07";
    let facts: CaseFacts = { id: "c", jurisdiction: "england-and-wales" };
    for (let i = 0; i < 30; i++) {
      const q = nextQuestion(facts, { asOf });
      if (q === null) break;
      if (q.id === "area.domesticAbuseProtectionPilot") {
        for (const option of q.answers) {
          const after = answerQuestion(facts, q.id, option.value);
          expect(nextQuestion(after, { asOf })?.id).not.toBe("area.domesticAbuseProtectionPilot");
        }
        return;
      }
      facts = answerQuestion(
        facts,
        q.id,
        q.answerType === "age" ? 30 : q.answerType === "acts" ? [] : q.answers[0]!.value,
      );
    }
  });

  it("rejects an answer that does not fit, naming what was expected and never the value", () => {
    expect(() => answerQuestion({ id: "c" }, "risk.ongoing", "secret-text")).toThrow(InterviewAnswerError);
    try {
      answerQuestion({ id: "c" }, "suspect.aged18OrOver", "Alex Smith");
    } catch (error) {
      expect(String(error)).not.toContain("Alex");
      expect((error as InterviewAnswerError).path).toBe("answer");
    }
    expect(() => answerQuestion({ id: "c" }, "no.such.question", true)).toThrow(InterviewAnswerError);
    expect(() =>
      answerQuestion({ id: "c" }, "risk.harm", [{ kind: "other", unwelcome: true }] as never),
    ).toThrow(InterviewAnswerError);
  });
});

describe("nextQuestion: skip", () => {
  it("does not ask a skipped question, and the skipped fact stays unknown (needs information, not 'no')", () => {
    const facts = answerQuestion({ id: "c" }, "case.jurisdiction", "england-and-wales");
    const skipped = nextQuestion(facts, { asOf: "2025-06-01", skip: ["risk.ongoing"] });
    expect(skipped?.id).not.toBe("risk.ongoing");
    expect(skipped?.id).toBe("conduct.actsAssociatedWithStalking");
    expect(assess(facts, { asOf: "2025-06-01" }).orders.find((o) => o.rule === "spo")?.outcome).toBe(
      "needs-information",
    );
  });
});
