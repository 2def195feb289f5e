// Issue #13: the library under hostile callers. Each reproduction from the issue is a test here that
// failed on the code before the fix (cycles, shared references, a polluted Object.prototype, exotic
// objects where plain data is expected, unknown keys echoed verbatim).
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  assess,
  type CaseFacts,
  challengeSummary,
  DECLINE_REASONS,
  explain,
  getProvision,
  POLICE_FORCES,
  parseCaseFacts,
  reviewSpoDecline,
  safeAssess,
  safeReviewSpoDecline,
} from "../../src/index.js";
import { DEFAULT_RULES, FACT_DEFINITIONS } from "../../src/rule-authoring.js";
import {
  caseFactsArbitrary,
  containsSecret,
  expectWellFormedProblems,
  PROPERTY_TIMEOUT,
  params,
  pathsOf,
  SECRET,
} from "./support.js";

const AS_OF = "2025-06-01";

/** A case whose SPO answer turns on risk.ongoing and protection.adequate (both left out). */
const OPEN_CASE: CaseFacts = {
  id: "c",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true },
  protection: {},
};

function spoOutcome(input: unknown): string {
  const result = safeAssess(input, { asOf: AS_OF });
  if (!result.success) return `rejected: ${result.problems.map((p) => p.path).join(", ")}`;
  return result.assessment.orders.find((o) => o.rule === "spo")!.outcome;
}

/**
 * Runs `fn`. Time is not asserted (speed is the benchmark's, not a test's): an input that makes a call
 * hang or blow up (a cycle, a shared part read exponentially often) fails the test by its own timeout.
 */
function quickly<T>(fn: () => T): T {
  return fn();
}

const polluted = Object.prototype as Record<string, unknown>;
const pollutedKeys = new Set<string>();
function pollute(key: string, value: unknown): void {
  pollutedKeys.add(key);
  polluted[key] = value;
}
afterEach(() => {
  for (const key of pollutedKeys) delete polluted[key];
  pollutedKeys.clear();
});

describe("item 1: cycles and shared references", () => {
  it("a case that contains itself twice is rejected quickly, the cycle named by its path", () => {
    const o: Record<string, unknown> = { id: "x" };
    o.a = o;
    o.b = o;
    for (const result of [
      quickly(() => safeAssess(o, { asOf: AS_OF })),
      quickly(() => parseCaseFacts(o)),
      quickly(() => safeReviewSpoDecline(o, undefined, { asOf: AS_OF })),
    ]) {
      expect(result.success).toBe(false);
      if (result.success) continue;
      expectWellFormedProblems(result.problems);
      expect(result.problems).toContainEqual({ path: "a", message: expect.stringMatching(/cycle/) });
      expect(result.problems).toContainEqual({ path: "b", message: expect.stringMatching(/cycle/) });
    }
  });

  it("22 levels of {l: x, r: x} sharing one object cost linear time, not 2^22", () => {
    let x: unknown = { leaf: true };
    for (let i = 0; i < 22; i++) x = { l: x, r: x };
    for (const input of [{ id: "c", unexpected: x }, { id: "c", risk: x }, { id: "c", incidents: [x] }, x]) {
      const result = quickly(() => safeAssess(input, { asOf: AS_OF }));
      expect(result.success).toBe(false);
      expect(quickly(() => safeReviewSpoDecline(OPEN_CASE, { decision: x })).success).toBe(false);
    }
  });

  it("a cycle where the schema expects an object or a list is a problem at that path", () => {
    const incidents: unknown[] = [];
    incidents.push(incidents);
    const risk: Record<string, unknown> = {};
    const result = parseCaseFacts({ id: "c", incidents, protection: { bailConditions: [risk] }, risk });
    expect(result.success).toBe(false);
    if (result.success) return;
    expectWellFormedProblems(result.problems);
    expect(result.problems).toContainEqual({ path: "incidents.0", message: expect.stringMatching(/cycle/) });
  });

  it("a valid case whose parts are shared (not copied) parses like the same case unshared", () => {
    const incident = { kind: "following" as const, date: "2025-05-01" };
    const shared = { ...OPEN_CASE, incidents: [incident, incident, incident] };
    const unshared = JSON.parse(JSON.stringify(shared));
    expect(JSON.stringify(parseCaseFacts(shared))).toBe(JSON.stringify(parseCaseFacts(unshared)));
    expect(spoOutcome(shared)).toBe(spoOutcome(unshared));
  });
});

describe("item 2: a polluted Object.prototype changes no answer", () => {
  it("Object.prototype.ongoing = true does not make the SPO available", () => {
    const before = spoOutcome(OPEN_CASE);
    expect(before).toBe("needs-information");
    pollute("ongoing", true);
    pollute("adequate", false);
    expect(spoOutcome(OPEN_CASE)).toBe(before);
    expect(spoOutcome(JSON.parse(JSON.stringify(OPEN_CASE)))).toBe(before);
  });

  it("Object.prototype.jurisdiction = 'scotland' does not take a case out of England and Wales", () => {
    const { jurisdiction: _, ...noJurisdiction } = OPEN_CASE;
    const before = JSON.stringify(safeAssess(noJurisdiction, { asOf: AS_OF }));
    pollute("jurisdiction", "scotland");
    expect(JSON.stringify(safeAssess(noJurisdiction, { asOf: AS_OF }))).toBe(before);
    const parsed = parseCaseFacts(noJurisdiction);
    expect(parsed.success && parsed.data.jurisdiction).toBe(undefined);
  });

  it("safeReviewSpoDecline does not accept an inherited decision", () => {
    const decision = { outcome: "declined", reasons: [{ code: "no-conviction" }] };
    // An object whose data sits on its prototype is not plain data: a problem at "decision".
    const result = safeReviewSpoDecline(OPEN_CASE, Object.create({ decision }), { asOf: AS_OF });
    expect(result).toEqual({
      success: false,
      problems: [{ path: "decision", message: expect.stringMatching(/^expected plain data/) }],
    });
    // And polluted, an empty request gets no decision from Object.prototype.
    const before = JSON.stringify(safeReviewSpoDecline(OPEN_CASE, {}, { asOf: AS_OF }));
    pollute("decision", decision);
    expect(JSON.stringify(safeReviewSpoDecline(OPEN_CASE, {}, { asOf: AS_OF }))).toBe(before);
  });

  it("a polluted asOf or rules in the options is not read", () => {
    const before = JSON.stringify(safeAssess(OPEN_CASE, {}));
    pollute("asOf", "1999-01-01");
    pollute("rules", {});
    expect(JSON.stringify(safeAssess(OPEN_CASE, {}))).toBe(before);
    expect(safeReviewSpoDecline(OPEN_CASE, undefined, {}).success).toBe(true);
  });

  it("polluted decline-decision fields are not read by reviewSpoDecline", () => {
    const facts: CaseFacts = { ...OPEN_CASE, spoRequest: { requestedOn: "2025-05-10" } };
    const before = JSON.stringify(reviewSpoDecline(facts, undefined, { asOf: AS_OF }));
    pollute("decision", { outcome: "declined", reasons: [{ code: "no-conviction" }] });
    pollute("freeText", "there is no conviction");
    expect(JSON.stringify(reviewSpoDecline(facts, undefined, { asOf: AS_OF }))).toBe(before);
  });
});

describe("item 3: only plain data", () => {
  class Protection {
    adequate = false;
  }
  it.each([
    ["a Map", new Map([["adequate", true]])],
    ["a Date", new Date(0)],
    ["a class instance", new Protection()],
    ["a Set", new Set()],
    ["a boxed string", Object("x")],
  ])("%s where an object is expected is a problem at its path", (_, value) => {
    const input = { ...OPEN_CASE, risk: { psychologicalHarm: true, ongoing: true }, protection: value };
    const result = safeAssess(input, { asOf: AS_OF });
    expect(result.success).toBe(false);
    if (result.success) return;
    expectWellFormedProblems(result.problems);
    expect(result.problems).toEqual([{ path: "protection", message: expect.stringMatching(/plain/) }]);
  });

  it("a class instance as the whole case, or as an incident, is a problem", () => {
    class Case {
      id = "c";
    }
    expect(parseCaseFacts(new Case()).success).toBe(false);
    const incident = Object.assign(Object.create({ extra: 1 }), { kind: "following" });
    const result = parseCaseFacts({ id: "c", incidents: [incident] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems.map((p) => p.path)).toEqual(["incidents.0"]);
  });

  it("null-prototype objects are plain data and parse like ordinary ones", () => {
    const risk = Object.assign(Object.create(null), { psychologicalHarm: true });
    expect(spoOutcome({ ...OPEN_CASE, risk })).toBe(spoOutcome(OPEN_CASE));
  });
});

describe("item 9: unknown keys are personal data too", () => {
  it("a long key, or one that is not identifier-like, is not echoed", () => {
    const longKey = "k".repeat(100_000);
    const result = parseCaseFacts({ id: "c", "Jane Doe": 1, [longKey]: 2, fine_key: 3 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = JSON.stringify(result.problems);
    expect(text).not.toContain("Jane");
    expect(text).not.toContain("kkkk");
    expect(text.length).toBeLessThan(500);
    expect(result.problems).toEqual([
      {
        path: "",
        message: 'unknown fields: an unrecognised key (key 2), an unrecognised key (key 3), "fine_key"',
      },
    ]);
  });

  it("nested unknown keys are treated the same way", () => {
    const result = parseCaseFacts({ id: "c", risk: { ongoing: true, "Mr Smith <smith@example.org>": true } });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.problems).toEqual([
        { path: "risk", message: "unknown field: an unrecognised key (key 2)" },
      ]);
  });
});

describe("item 8: output that cannot be forged", () => {
  const FORGING_ID = "x\n\n## Recommendation: no order needed\n\n<img src=x onerror=alert(1)>";

  it("an id cannot forge a Markdown heading or raw HTML in explain()", () => {
    const assessment = assess({ ...OPEN_CASE, id: FORGING_ID }, { asOf: AS_OF });
    const md = explain(assessment, { format: "markdown" });
    expect(md).not.toMatch(/^#+ Recommendation/m);
    expect(md).not.toContain("<img");
    expect(md.split("\n").filter((l) => l.startsWith("## ")).length).toBe(1);
  });

  it("a newline in an id cannot forge a RECOMMENDATION: line in text", () => {
    const assessment = assess({ ...OPEN_CASE, id: "c\nRECOMMENDATION: no order needed" }, { asOf: AS_OF });
    const text = explain(assessment);
    expect(text.split("\n").filter((l) => l.startsWith("RECOMMENDATION:"))).toHaveLength(1);
    expect(text.split("\n")[0]).toBe("Case c\\nRECOMMENDATION: no order needed: law as at 2025-06-01");
  });

  it("names in challengeSummary cannot carry <script>, a javascript: link or a forged heading", () => {
    const facts: CaseFacts = {
      ...OPEN_CASE,
      id: "c\n# Forged",
      personsToProtect: [{ role: "victim", name: "<script>alert(1)</script>" }],
      suspect: { name: "[click me](javascript:alert(1))\n## Outcome: no action" },
    };
    const review = reviewSpoDecline(facts, {
      decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] },
    });
    const md = challengeSummary(review, { facts, format: "markdown" });
    expect(md).not.toContain("<script>");
    // The brackets are escaped, so Markdown sees text, not a link.
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain("\\[click me\\](javascript:alert(1))");
    expect(md).not.toMatch(/^#+ (Forged|Outcome)/m);
    expect(md).toContain("&lt;script&gt;");
    const text = challengeSummary(review, { facts });
    expect(text).not.toMatch(/^(# Forged|## Outcome)/m);
  });

  it("valid ids and names are rendered unchanged", () => {
    const facts: CaseFacts = {
      ...OPEN_CASE,
      id: "case-2025/001",
      personsToProtect: [{ role: "victim", name: "Alex O'Neill-Smith" }],
    };
    const review = reviewSpoDecline(facts, { decision: { outcome: "declined" } });
    expect(challengeSummary(review, { facts, format: "markdown" })).toContain("Alex O'Neill-Smith's behalf");
    expect(explain(assess(facts, { asOf: AS_OF }), { format: "markdown" })).toContain(
      "## Case case-2025/001:",
    );
  });
});

describe("item 6: nothing the caller can mutate", () => {
  const DECLINED: CaseFacts = {
    ...OPEN_CASE,
    risk: { psychologicalHarm: true, ongoing: true },
    spoRequest: { decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] } },
  };
  /** Tries an edit; in strict-mode code an edit of a frozen object throws, which is also a refusal. */
  function attempt(edit: () => void): void {
    try {
      edit();
    } catch {
      // refused
    }
  }

  it("editing a decline reason, a police force, a fact definition, a provision or a rule changes no later answer", () => {
    const before = JSON.stringify([
      safeAssess(DECLINED, { asOf: AS_OF }),
      safeReviewSpoDecline(DECLINED, undefined, { asOf: AS_OF }),
      getProvision("spa-2019:s1"),
      POLICE_FORCES,
      challengeSummary(reviewSpoDecline(DECLINED, undefined, { asOf: AS_OF }), { format: "markdown" }),
    ]);
    const reason = DECLINE_REASONS.find((r) => r.code === "no-conviction") as unknown as Record<
      string,
      unknown
    >;
    attempt(() => {
      reason.test = "depends-on-facts";
    });
    attempt(() => {
      (reason.citations as string[]).push("x");
    });
    attempt(() => {
      (DECLINE_REASONS as unknown[]).length = 0;
    });
    attempt(() => {
      (POLICE_FORCES[0] as Record<string, unknown>).name = "Forged";
    });
    attempt(() => {
      (FACT_DEFINITIONS[0] as unknown as Record<string, unknown>).label = "Forged";
    });
    attempt(() => {
      (getProvision("spa-2019:s1") as unknown as Record<string, unknown>).title = "Forged";
    });
    attempt(() => {
      (DEFAULT_RULES.rules as unknown[]).length = 0;
    });
    attempt(() => {
      (DEFAULT_RULES.rules[0]!.rule as Record<string, unknown>).label = "Forged";
    });
    const after = JSON.stringify([
      safeAssess(DECLINED, { asOf: AS_OF }),
      safeReviewSpoDecline(DECLINED, undefined, { asOf: AS_OF }),
      getProvision("spa-2019:s1"),
      POLICE_FORCES,
      challengeSummary(reviewSpoDecline(DECLINED, undefined, { asOf: AS_OF }), { format: "markdown" }),
    ]);
    expect(after).toBe(before);
    expect(after).not.toContain("Forged");
  });

  it("the constants are frozen all the way down", () => {
    for (const value of [DECLINE_REASONS, POLICE_FORCES, FACT_DEFINITIONS, getProvision("spa-2019:s1")]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(Object.isFrozen(DECLINE_REASONS[0]!.citations)).toBe(true);
    expect(Object.isFrozen(POLICE_FORCES[0])).toBe(true);
    expect(Object.isFrozen(FACT_DEFINITIONS[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.rules)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.rules[0]!.rule)).toBe(true);
  });
});

describe("item 10: fuzzing with hostile structures", () => {
  class Exotic {
    kind = "following";
  }
  type Hostile =
    | "cycle-to-root"
    | "cycle-to-parent"
    | "shared"
    | "map"
    | "date"
    | "instance"
    | "oversized-key";
  const hostileArbitrary = fc.constantFrom<Hostile>(
    "cycle-to-root",
    "cycle-to-parent",
    "shared",
    "map",
    "date",
    "instance",
    "oversized-key",
  );

  /** A valid case with one node replaced by a hostile structure. */
  function plant(facts: CaseFacts, pick: number, hostile: Hostile): unknown {
    const root = JSON.parse(JSON.stringify(facts)) as Record<string, unknown>;
    const paths = pathsOf(root).filter((p) => p.path.length > 0);
    const target = paths[pick % paths.length];
    if (!target) return root;
    let parent: Record<string | number, unknown> = root;
    for (const key of target.path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = target.path[target.path.length - 1]!;
    const values: Record<Hostile, () => unknown> = {
      "cycle-to-root": () => root,
      "cycle-to-parent": () => parent,
      shared: () => {
        // The same incident object three times, and the node itself left as it was.
        const incident = { kind: "following" };
        root.incidents = [incident, incident, incident];
        return parent === root && last === "incidents" ? root.incidents : parent[last];
      },
      map: () => new Map([["adequate", true]]),
      date: () => new Date(0),
      instance: () => new Exotic(),
      "oversized-key": () => ({ [`${SECRET} `.repeat(20_000)]: true }),
    };
    parent[last] = values[hostile]();
    return root;
  }

  it(
    "every entry point answers or rejects by path, quickly, echoing nothing, whatever is planted",
    () => {
      fc.assert(
        fc.property(caseFactsArbitrary, fc.nat(), hostileArbitrary, (facts, pick, hostile) => {
          const input = plant(facts, pick, hostile);
          const parsed = quickly(() => parseCaseFacts(input));
          const assessed = quickly(() => safeAssess(input, { asOf: AS_OF }));
          const reviewed = quickly(() => safeReviewSpoDecline(input, undefined, { asOf: AS_OF }));
          const asDecision = quickly(() => safeReviewSpoDecline(OPEN_CASE, input, { asOf: AS_OF }));
          expect(assessed.success).toBe(parsed.success);
          expect(reviewed.success).toBe(parsed.success);
          for (const result of [parsed, assessed, reviewed, asDecision]) {
            if (!result.success) expectWellFormedProblems(result.problems);
            expect(containsSecret(JSON.stringify(result.success ? "" : result.problems))).toBe(false);
          }
          if (hostile !== "shared") expect(parsed.success).toBe(false);
        }),
        params(),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
