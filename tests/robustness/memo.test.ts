// The memo is invisible: answers do not depend on what was asked before, and an answer handed to one
// caller cannot be changed (by that caller) into a different answer for another. Mutating a returned
// nested object either throws (strict mode: it is frozen) or has no effect on a fresh assessment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assessment,
  type CaseFacts,
  type CompiledRuleSet,
  type DeclineReview,
  reviewSpoDecline,
  safeAssess,
} from "../../src/index.js";
import phaRules from "../../src/law/protection-from-harassment-act-1997/rules.json";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  loadRuleSet,
} from "../../src/rule-authoring.js";
import {
  asOfArbitrary,
  caseFactsArbitrary,
  leaningCaseArbitrary,
  PROPERTY_TIMEOUT,
  params,
} from "./support.js";

const AS_OF = "2025-06-01";
const anyCase = fc.oneof(leaningCaseArbitrary, caseFactsArbitrary);

const FRESH_RULES = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));

function json(facts: unknown, asOf: string, rules?: CompiledRuleSet): string {
  return JSON.stringify(safeAssess(facts, { asOf, ...(rules ? { rules } : {}) }));
}

function assessment(facts: CaseFacts, asOf = AS_OF): Assessment {
  const result = safeAssess(facts, { asOf });
  if (!result.success) throw new Error(JSON.stringify(result.problems));
  return result.assessment;
}

type Node = Record<string | number, unknown>;

/** The node at a path (objects and arrays alike). */
function at(root: unknown, path: readonly (string | number)[]): Node {
  let node = root as Node;
  for (const key of path) node = node[key] as Node;
  return node;
}

/**
 * Attempts one mutation in strict mode. Returns "threw" (a TypeError, as for a frozen object) or
 * "applied"; any other error fails the test.
 */
function attempt(mutation: () => void): "threw" | "applied" {
  try {
    mutation();
    return "applied";
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return "threw";
  }
}

/** Every way a caller might try to change a returned assessment, nested objects first. */
function mutationsOf(a: Assessment): (() => void)[] {
  const out: (() => void)[] = [
    () => {
      at(a, ["orders", 0]).outcome = "available";
    },
    () => {
      at(a, ["orders", 0]).missingFacts = [];
    },
    () => {
      (at(a, ["orders"]) as unknown as unknown[]).push({ rule: "fake" });
    },
    () => {
      (at(a, ["orders"]) as unknown as unknown[]).reverse();
    },
    () => {
      at(a, ["orders", 0, "conditions"]).result = "holds";
    },
    () => {
      (at(a, ["orders", 0, "notes"]) as unknown as unknown[]).push("tampered");
    },
    () => {
      at(a, ["orders", 0, "citation"]).title = "tampered";
    },
    () => {
      delete at(a, ["orders", 0]).label;
    },
    () => {
      Object.defineProperty(at(a, ["recommendation"]), "summary", { value: "tampered" });
    },
    () => {
      at(a, ["recommendation"]).first = "dvpo";
    },
    () => {
      (at(a, ["missingFacts"]) as unknown as unknown[]).sort().reverse();
    },
    () => {
      (at(a, ["notices"]) as unknown as unknown[]).push({ code: "tampered", text: "", citations: [] });
    },
    () => {
      Object.setPrototypeOf(at(a, ["orders", 0]), { tampered: true });
    },
  ];
  if (a.recommendation.ranked.length > 0) {
    out.push(() => {
      at(a, ["recommendation", "ranked", 0]).label = "tampered";
    });
    out.push(() => {
      (at(a, ["recommendation", "ranked"]) as unknown as unknown[]).length = 0;
    });
  }
  if (a.questions.length > 0) {
    out.push(() => {
      (at(a, ["questions", 0, "settles"]) as unknown as unknown[]).push("tampered");
    });
    out.push(() => {
      at(a, ["questions", 0]).question = "tampered";
    });
  }
  // Last, the top level (a fresh object per call: changing it is the caller's own business).
  out.push(() => {
    (a as unknown as Node).caseId = "tampered";
    (a as unknown as Node).orders = [];
  });
  return out;
}

describe("memo invisibility: answers do not depend on history", () => {
  it(
    "assessing A, then B, then A again gives identical JSON for A, equal to a memo-free answer",
    () => {
      fc.assert(
        fc.property(anyCase, anyCase, asOfArbitrary, asOfArbitrary, (a, b, asOfA, asOfB) => {
          const memoFree = json(a, asOfA, FRESH_RULES);
          const first = json(a, asOfA);
          json(b, asOfB);
          json(b, asOfA);
          json(a, asOfB);
          const again = json(a, asOfA);
          expect(first).toBe(memoFree);
          expect(again).toBe(first);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "two cases with the same facts but different ids (and free text) differ only in caseId",
    () => {
      fc.assert(
        fc.property(anyCase, (facts) => {
          const a = assessment({ ...facts, id: "first" });
          const b = assessment({ ...facts, id: "second", notes: "other notes" });
          expect(a.caseId).toBe("first");
          expect(b.caseId).toBe("second");
          expect(JSON.stringify({ ...a, caseId: "" })).toBe(JSON.stringify({ ...b, caseId: "" }));
        }),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("a cache miss and a cache hit look the same to the caller, down to which objects are frozen", () => {
    const facts: CaseFacts = {
      id: "c",
      jurisdiction: "england-and-wales",
      incidents: [
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
    };
    const miss = assessment(facts);
    const hit = assessment(facts);
    expect(JSON.stringify(hit)).toBe(JSON.stringify(miss));
    const frozenness = (value: unknown, path = ""): string[] => {
      if (typeof value !== "object" || value === null) return [];
      return [
        `${path}:${Object.isFrozen(value)}`,
        ...Object.entries(value).flatMap(([k, v]) => frozenness(v, `${path}.${k}`)),
      ];
    };
    expect(frozenness(hit)).toEqual(frozenness(miss));
    // Each call gets its own top-level object.
    expect(hit).not.toBe(miss);
  });

  // BUG (src/assess/assess.ts, assessParsed): the assessment memo key is the date plus the encoded derived
  // facts of the rule set, on the premise that everything but the case id is a function of them. But the
  // notices are computed from `facts.jurisdiction` directly (noticesFor). With a rule set whose facts do
  // not include "case.jurisdiction" (loadRuleSet takes the fact list as an argument; AssessOptions.rules
  // invites "your own rule files"), a Scotland case and an England case with otherwise equal facts share
  // a key: whichever is assessed first decides the other's notices. Here the England case is told
  // "outside-england-and-wales" because a Scotland case was assessed just before. Suggested fix: add the
  // jurisdiction (and anything else noticesFor reads) to the key, or compute the notices outside the
  // memoised body, as caseId and asOf already are.
  it("with a custom rule set that does not read the jurisdiction, notices still follow each case's own jurisdiction", () => {
    const pack = JSON.parse(JSON.stringify(phaRules)) as {
      limbs: { id: string }[];
      rules: { name: string; conditions: { all: { condition?: string }[] } }[];
    };
    pack.rules = pack.rules.filter((r) => r.name === "pha-s3-injunction");
    for (const rule of pack.rules)
      rule.conditions.all = rule.conditions.all.filter((c) => c.condition !== "pha-1997.extent");
    pack.limbs = pack.limbs.filter((l) => !JSON.stringify(l).includes("case.jurisdiction"));
    const facts = FACT_DEFINITIONS.filter((f) => f.id !== "case.jurisdiction");
    const rules = compileRuleSet(loadRuleSet([pack], facts));
    const base = {
      incidents: [{ kind: "following" as const }, { kind: "loitering" as const }],
      risk: { ongoing: true },
    };
    const fresh = compileRuleSet(loadRuleSet([pack], facts));
    const englandAlone = safeAssess(
      { id: "e", jurisdiction: "england-and-wales", ...base },
      { asOf: AS_OF, rules: fresh },
    );
    safeAssess({ id: "s", jurisdiction: "scotland", ...base }, { asOf: AS_OF, rules });
    const englandAfterScotland = safeAssess(
      { id: "e", jurisdiction: "england-and-wales", ...base },
      { asOf: AS_OF, rules },
    );
    // No jurisdiction notice for the England case (the stalking-acts-basis notice is about its acts).
    expect(
      englandAlone.success && englandAlone.assessment.notices.filter((n) => n.code !== "stalking-acts-basis"),
    ).toEqual([]);
    expect(JSON.stringify(englandAfterScotland)).toBe(JSON.stringify(englandAlone));
  });

  it("changing the input after assessing it changes neither the returned answer nor the next one", () => {
    const facts = {
      id: "c",
      jurisdiction: "england-and-wales",
      incidents: [
        { kind: "following", suspectKnewOrOughtToKnowUnwelcome: true },
        { kind: "loitering", suspectKnewOrOughtToKnowUnwelcome: true },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
    } satisfies CaseFacts;
    const before = assessment(facts);
    const beforeJson = JSON.stringify(before);
    expect(before.orders.find((o) => o.rule === "spo")?.outcome).toBe("available");
    facts.risk.ongoing = false as never;
    facts.incidents.push({ kind: "other" } as never);
    expect(JSON.stringify(before)).toBe(beforeJson);
    const after = assessment(facts);
    expect(after.orders.find((o) => o.rule === "spo")?.outcome).toBe("not-available");
  });
});

describe("memo invisibility: a returned answer cannot be changed for anyone else", () => {
  it(
    "every attempt to mutate an assessment throws or stays local; fresh assessments are unaffected",
    () => {
      fc.assert(
        fc.property(anyCase, asOfArbitrary, (facts, asOf) => {
          const result = safeAssess(facts, { asOf });
          if (!result.success) return;
          const other = safeAssess(JSON.parse(JSON.stringify(facts)), { asOf });
          const expectedJson = JSON.stringify(result.assessment);
          const otherJson = JSON.stringify(other);
          for (const mutation of mutationsOf(result.assessment)) attempt(mutation);
          // Another caller's earlier answer, and a fresh answer, are exactly as before.
          expect(JSON.stringify(other)).toBe(otherJson);
          expect(JSON.stringify(safeAssess(facts, { asOf }))).toBe(
            JSON.stringify({ success: true, assessment: JSON.parse(expectedJson) }),
          );
        }),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("the parts every assessment shares are frozen; each call's own objects are its own", () => {
    const facts: CaseFacts = {
      id: "c",
      jurisdiction: "england-and-wales",
      incidents: [{ kind: "following" }],
      risk: { ongoing: true },
    };
    const a = assessment(facts);
    const b = assessment(facts);
    // Shared between results, so frozen: citations, notes, recommendation entries, expected values.
    expect(Object.isFrozen(a.orders[0]!.citation)).toBe(true);
    expect(Object.isFrozen(a.orders[0]!.notes)).toBe(true);
    expect(a.recommendation.ranked.every((r) => Object.isFrozen(r) && Object.isFrozen(r.citations))).toBe(
      true,
    );
    expect(a.questions.every((q) => Object.isFrozen(q.citation))).toBe(true);
    // Made for this call: not shared with the next one.
    expect(a.orders).not.toBe(b.orders);
    expect(a.orders[0]).not.toBe(b.orders[0]);
    expect(a.orders[0]!.conditions).not.toBe(b.orders[0]!.conditions);
    expect(a.questions).not.toBe(b.questions);
    const bJson = JSON.stringify(b);
    for (const mutation of mutationsOf(a)) attempt(mutation);
    expect(JSON.stringify(b)).toBe(bJson);
    expect(JSON.stringify(assessment(facts))).toBe(bJson);
  });

  it("mutating a review (its shared SPO evaluation, findings, questions) affects no later review or assessment", () => {
    const facts: CaseFacts = {
      id: "c",
      jurisdiction: "england-and-wales",
      incidents: [{ kind: "following", date: "2025-01-05" }],
      risk: { psychologicalHarm: true },
      protection: {},
      spoRequest: {
        requestedOn: "2025-01-10",
        decision: {
          decidedOn: "2025-02-01",
          outcome: "declined",
          reasons: [
            { code: "no-conviction" },
            { code: "single-incident" },
            { code: "unclassified", text: "no ongoing risk" },
          ],
        },
      },
    };
    const reviewJson = JSON.stringify(reviewSpoDecline(facts, undefined, { asOf: AS_OF }));
    const assessJson = JSON.stringify(assessment(facts));
    const review = reviewSpoDecline(facts, undefined, { asOf: AS_OF });
    const r = review as unknown as Node;
    const attempts: (() => void)[] = [
      () => {
        at(r, ["spo"]).outcome = "available";
      },
      () => {
        at(r, ["spo", "conditions"]).result = "holds";
      },
      () => {
        (at(r, ["spo", "missingFacts"]) as unknown as unknown[]).length = 0;
      },
      () => {
        at(r, ["findings", 0]).finding = "lawful-on-these-facts";
      },
      () => {
        at(r, ["findings", 0, "citations", 0]).title = "tampered";
      },
      () => {
        (at(r, ["findings", 0, "citations"]) as unknown as unknown[]).push("tampered");
      },
      () => {
        at(r, ["questions", 0]).question = "tampered";
      },
      () => {
        (at(r, ["questions", 0, "settles"]) as unknown as unknown[]).push("tampered");
      },
      () => {
        at(r, ["decision"]).reasons = 99;
      },
      () => {
        r.verdict = "consistent-with-the-law";
      },
    ];
    expect((review as DeclineReview).questions.length).toBeGreaterThan(0);
    for (const mutation of attempts) attempt(mutation);
    expect(JSON.stringify(reviewSpoDecline(facts, undefined, { asOf: AS_OF }))).toBe(reviewJson);
    expect(JSON.stringify(assessment(facts))).toBe(assessJson);
  });
});
