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
  // Not known (left out) is an answer too: it stays unknown, never "no".
  unwelcome: fc.option(fc.boolean(), { nil: undefined }),
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

/**
 * The questions about where the suspect lives (SPA 2019 s.1(3), 2022 Act s.7(3)). The ranked list
 * never reaches them (an unrecorded residence is not a "no", so no order waits on it); the interview
 * asks them last, because the answer says who may apply and can make the SPO unavailable.
 */
const RESIDENCE_IDS = new Set(["suspect.livesIn", "spa.suspectWithinAreaLimit", "ni.suspectWithinAreaLimit"]);

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
  let aboutResidence = 0;
  for (;;) {
    const question = strategy(facts, asOf);
    if (question === null) return { facts, asked, aboutResidence };
    check?.(facts, question);
    facts = answerQuestion(facts, question.id, answerFor(question, answerer, asked));
    asked += 1;
    if (RESIDENCE_IDS.has(question.id)) aboutResidence += 1;
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
          // the acts, then a judgement on those not settled), a connection at most three times (the
          // relationship summary, then whether there is any connection, then that connection itself).
          times.set(question.id, (times.get(question.id) ?? 0) + 1);
          expect(times.get(question.id)).toBeLessThanOrEqual(question.id.startsWith("relationship.") ? 3 : 2);
          const before = assess(facts, { asOf });
          if (question.id === "suspect.livesIn") {
            // Asked last, while the SPO may still be made: some answer changes an SPO outcome.
            const spo = facts.jurisdiction === "northern-ireland" ? "ni-spo" : "spo";
            expect(before.orders.find((o) => o.rule === spo)?.outcome).not.toBe("not-available");
            expect(
              question.answers.some(
                (option) =>
                  assess(answerQuestion(facts, question.id, option.value), { asOf }).orders.find(
                    (o) => o.rule === spo,
                  )?.outcome !== before.orders.find((o) => o.rule === spo)?.outcome,
              ),
            ).toBe(true);
            return;
          }
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
        expect(byInterview.asked - byInterview.aboutResidence).toBeLessThanOrEqual(byList.asked);
        expect(byInterview.aboutResidence).toBeLessThanOrEqual(2);
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
    const asOf = "2025-06-01";
    let facts: CaseFacts = { id: "c", jurisdiction: "england-and-wales" };
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      const q = nextQuestion(facts, { asOf });
      if (q === null) break;
      if (q.id === "area.domesticAbuseProtectionPilot") {
        reached = true;
        for (const option of q.answers) {
          const after = answerQuestion(facts, q.id, option.value);
          expect(nextQuestion(after, { asOf })?.id).not.toBe("area.domesticAbuseProtectionPilot");
        }
        break;
      }
      const answer =
        q.answerType === "age"
          ? 30
          : q.answerType === "acts"
            ? [{ kind: "following", date: "2025-05-01", unwelcome: true }]
            : q.question === "How does the victim know the suspect?"
              ? "ex-partner"
              : q.answers[0]!.value;
      facts = answerQuestion(facts, q.id, answer as InterviewAnswer);
    }
    // The walk must reach the question, or the test above proves nothing.
    expect(reached).toBe(true);
  });

  it("rejects an answer that does not fit, naming what was expected and never the value", () => {
    expect(() => answerQuestion({ id: "c" }, "risk.ongoing", "secret-text")).toThrow(InterviewAnswerError);
    const error = (() => {
      try {
        answerQuestion({ id: "c" }, "suspect.aged18OrOver", "Alex Smith");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InterviewAnswerError);
    expect(String(error)).not.toContain("Alex");
    expect((error as InterviewAnswerError).path).toBe("answer");
    expect(() => answerQuestion({ id: "c" }, "no.such.question", true)).toThrow(InterviewAnswerError);
    expect(() =>
      answerQuestion({ id: "c" }, "risk.harm", [{ kind: "other", unwelcome: true }] as never),
    ).toThrow(InterviewAnswerError);
  });

  it("records strangers as having no connection, but asks an acquaintance, colleague or neighbour about connections (FLA 1996 s.62(3))", () => {
    const asOf = "2025-06-01";
    const base: CaseFacts = { id: "c", jurisdiction: "england-and-wales" };
    const stranger = answerQuestion(base, "relationship.married", "stranger");
    expect(stranger.relationship?.allConnectionsRecorded).toBe(true);
    for (const summary of ["acquaintance", "colleague", "neighbour", "online-only", "other"]) {
      const facts = answerQuestion(base, "relationship.married", summary);
      // A colleague may be a former partner: no connection is assumed absent.
      expect(facts.relationship?.allConnectionsRecorded).toBeUndefined();
      const nmo = assess(facts, { asOf }).orders.find((o) => o.rule === "nmo");
      expect(nmo?.outcome).toBe("needs-information");
      const connections = interviewQuestionFor(facts, "relationship.married", { asOf });
      expect(connections?.question).toMatch(/any of these connections/);
      // "None of these" records every connection as absent; a former intimate relationship is recorded as said.
      const none = answerQuestion(facts, "relationship.married", "none");
      expect(none.relationship?.allConnectionsRecorded).toBe(true);
      const intimate = answerQuestion(facts, "relationship.married", "intimate-before");
      expect(intimate.relationship?.intimateRelationship).toEqual({ status: "former" });
      expect(intimate.relationship?.allConnectionsRecorded).toBeUndefined();
      // With one connection recorded, the others are asked one at a time.
      expect(interviewQuestionFor(intimate, "relationship.married", { asOf })?.question).toMatch(/married/);
    }
  });

  it("the duration of an intimate relationship never invents one: a partner's is current, none recorded asks the relationship first", () => {
    const partner = answerQuestion(
      { id: "d", relationship: { summary: "partner" } },
      "relationship.intimateOfSignificantDuration",
      true,
    );
    expect(partner.relationship?.intimateRelationship).toEqual({
      status: "current",
      significantDuration: true,
    });
    const asOf = "2025-06-01";
    const unknown: CaseFacts = {
      id: "d",
      jurisdiction: "england-and-wales",
      relationship: { summary: "colleague", relatives: false },
    };
    expect(
      interviewQuestionFor(unknown, "relationship.intimateOfSignificantDuration", { asOf })?.question ?? "",
    ).not.toMatch(/significant time/);
    expect(
      answerQuestion(unknown, "relationship.intimateOfSignificantDuration", "former").relationship
        ?.intimateRelationship,
    ).toEqual({
      status: "former",
    });
  });

  it("asks for a conviction or acquittal date, or the offence, only once the proceedings' status says there were some", () => {
    const asOf = "2025-06-01";
    const facts: CaseFacts = { id: "c", jurisdiction: "england-and-wales" };
    for (const id of ["criminal.acquittedOn", "criminal.convictedOn", "criminal.offence"])
      expect(() => answerQuestion(facts, id, "2024-03-01")).toThrow(InterviewAnswerError);
    let walked = facts;
    for (let i = 0; i < 40; i++) {
      const q = nextQuestion(walked, { asOf, skip: ["criminal.status"] });
      if (q === null) break;
      expect(["criminal.acquittedOn", "criminal.convictedOn", "criminal.offence"]).not.toContain(q.id);
      walked = answerQuestion(
        walked,
        q.id,
        q.answerType === "age" ? 30 : q.answerType === "acts" ? [] : q.answers[0]!.value,
      );
    }
    const acquitted = answerQuestion(facts, "criminal.status", "acquitted");
    expect(answerQuestion(acquitted, "criminal.acquittedOn", "2024-03-01").criminal?.acquittedOn).toBe(
      "2024-03-01",
    );
  });
});

describe("nextQuestion: skip", () => {
  it("does not ask a skipped question, and the skipped fact stays unknown (needs information, not 'no')", () => {
    const asOf = "2025-06-01";
    const facts = answerQuestion({ id: "c" }, "case.jurisdiction", "england-and-wales");
    expect(nextQuestion(facts, { asOf })?.id).toBe("risk.ongoing");
    const skipped = nextQuestion(facts, { asOf, skip: ["risk.ongoing"] });
    expect(skipped?.id).toBe("conduct.actsAssociatedWithStalking");
    const spo = (f: CaseFacts) => assess(f, { asOf }).orders.find((o) => o.rule === "spo");
    expect(spo(facts)?.outcome).toBe("needs-information");
    expect(spo(facts)?.missingFacts).toContain("risk.ongoing");
    expect(facts.risk?.ongoing).toBeUndefined();
  });

  it("skipping the relationship question under one fact's id skips it for every connection it stands for", () => {
    const asOf = "2025-06-01";
    let facts: CaseFacts = { id: "c", jurisdiction: "england-and-wales" };
    const skip: string[] = [];
    const asked: string[] = [];
    for (let i = 0; i < 40; i++) {
      const q = nextQuestion(facts, { asOf, skip });
      if (q === null) break;
      asked.push(q.question);
      if (q.id.startsWith("relationship.")) {
        skip.push(q.id);
        continue;
      }
      const act: InterviewAct = { kind: "following", date: "2025-05-01", unwelcome: true };
      facts = answerQuestion(
        facts,
        q.id,
        q.answerType === "age" ? 30 : q.answerType === "acts" ? [act] : q.answers[0]!.value,
      );
    }
    expect(asked.filter((q) => q === "How does the victim know the suspect?")).toHaveLength(1);
    expect(facts.relationship).toBeUndefined();
  });
});

describe("nextQuestion: where the suspect lives (SPA 2019 s.1(3); 2022 Act s.7(3))", () => {
  const asOf = "2025-06-01";
  const settled: CaseFacts = {
    id: "c",
    jurisdiction: "england-and-wales",
    relationship: { summary: "stranger", allConnectionsRecorded: true },
    incidents: [{ kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true }],
    risk: { psychologicalHarm: true, ongoing: true },
    protection: { adequate: false },
    suspect: { age: 30 },
    personsToProtect: [{ role: "victim", age: 30 }],
    criminal: { status: "none" },
    policeForceArea: "kent",
  };

  function walkToEnd(start: CaseFacts, answers: Record<string, InterviewAnswer>) {
    let facts = start;
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const q = nextQuestion(facts, { asOf });
      if (q === null) break;
      ids.push(q.id);
      const answer =
        answers[q.id] ?? (q.answerType === "age" ? 30 : q.answerType === "acts" ? [] : q.answers[0]!.value);
      facts = answerQuestion(facts, q.id, answer);
    }
    return { facts, ids };
  }

  it("asks where the suspect lives last, and a suspect abroad not coming here makes the SPO not available", () => {
    const { facts, ids } = walkToEnd(settled, {
      "suspect.livesIn": "outside-the-uk",
      "spa.suspectWithinAreaLimit": "none",
    });
    expect(ids.slice(-2)).toEqual(["suspect.livesIn", "spa.suspectWithinAreaLimit"]);
    // s.1(3): a chief officer may apply only about a person who lives in the area or is believed to be in or coming to it.
    expect(assess(facts, { asOf }).orders.find((o) => o.rule === "spo")?.outcome).toBe("not-available");
    const q = nextQuestion(settled, { asOf });
    expect(q?.citation.id).toBe("spa-2019:s1(3)");
  });

  it("a suspect abroad believed to be coming to Kent: the SPO stays available", () => {
    const { facts } = walkToEnd(settled, {
      "suspect.livesIn": "outside-the-uk",
      "spa.suspectWithinAreaLimit": "kent",
    });
    expect(facts.suspect?.believedInOrComingTo).toEqual(["kent"]);
    expect(assess(facts, { asOf }).orders.find((o) => o.rule === "spo")?.outcome).toBe("available");
  });

  it("in Northern Ireland asks the 2022 Act s.7(3) question, not a fact no rule reads", () => {
    const ni: CaseFacts = { ...settled, jurisdiction: "northern-ireland", policeForceArea: "psni" };
    const { facts, ids } = walkToEnd(ni, {
      "suspect.livesIn": "scotland",
      "ni.suspectWithinAreaLimit": false,
    });
    expect(ids).toContain("suspect.livesIn");
    expect(ids).toContain("ni.suspectWithinAreaLimit");
    expect(ids).not.toContain("ni.defendantInOrComingToNorthernIreland");
    expect(assess(facts, { asOf }).orders.find((o) => o.rule === "ni-spo")?.outcome).toBe("not-available");
  });

  it("is not asked when the residence is recorded, or once skipped", () => {
    expect(
      nextQuestion({ ...settled, suspect: { age: 30, livesIn: "england-and-wales" } }, { asOf }),
    ).toBeNull();
    expect(nextQuestion(settled, { asOf, skip: ["suspect.livesIn"] })).toBeNull();
  });
});
