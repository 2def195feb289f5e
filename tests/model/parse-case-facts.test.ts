// parseCaseFacts: never throws; reports every problem by path with a message that never echoes the value
// (case data is sensitive personal data); refuses prototype-polluting keys; round-trips valid cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCaseFacts } from "../../src/index.js";
// One generator of valid case facts, shared with the robustness suite.
import { caseFactsArbitrary } from "../robustness/support.js";

const SECRET = "SECRET-NAME-123";

function problemsOf(input: unknown) {
  const result = parseCaseFacts(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.problems;
}

describe("parseCaseFacts: results", () => {
  it("returns the parsed facts for valid input", () => {
    const input = { id: "c1", jurisdiction: "england-and-wales", incidents: [{ kind: "following" }] };
    const result = parseCaseFacts(input);
    expect(result).toEqual({ success: true, data: input });
  });

  it("reports every problem, each with its path", () => {
    const problems = problemsOf({
      id: "c1",
      jurisdiction: "wales",
      suspect: { age: 200 },
      incidents: [{ kind: "following" }, { kind: "following", date: "2025-02-30" }],
      risk: { ongoing: "yes" },
    });
    expect(problems.map((p) => p.path).sort()).toEqual([
      "incidents.1.date",
      "jurisdiction",
      "risk.ongoing",
      "suspect.age",
    ]);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  });

  it("names a missing required id at path 'id'", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("id");
  });

  it("reports an input that is not an object at the root path", () => {
    for (const input of [null, undefined, 42, "case", [], true]) {
      const problems = problemsOf(input);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]?.path).toBe("");
    }
  });

  it("never echoes the offending value in a message (wrong-typed and invalid fields)", () => {
    const input = {
      id: "c1",
      jurisdiction: SECRET,
      policeForceArea: SECRET,
      suspect: { age: SECRET, dateOfBirth: SECRET, homeForceArea: SECRET },
      personsToProtect: [{ role: SECRET }],
      relationship: { summary: SECRET, relatives: SECRET, marriage: { status: SECRET } },
      incidents: [{ kind: SECRET }, { kind: "following", date: SECRET, place: SECRET }],
      risk: { ongoing: SECRET },
      protection: { bailConditions: SECRET },
      criminal: { status: SECRET, convictedOn: SECRET },
      spoRequest: { decision: { reasons: [{ code: SECRET }] } },
    };
    const problems = problemsOf(input);
    expect(problems.length).toBeGreaterThanOrEqual(15);
    const paths = problems.map((p) => p.path);
    expect(paths).toContain("suspect.age");
    expect(paths).toContain("incidents.1.date");
    expect(paths).toContain("spoRequest.decision.reasons.0.code");
    expect(JSON.stringify(problems)).not.toContain(SECRET);
    expect(JSON.stringify(problems)).not.toContain("SECRET");
  });

  it("never echoes a non-string offending value either", () => {
    const problems = problemsOf({ id: 123456789, suspect: { name: 987654321 }, notes: { secret: SECRET } });
    const text = JSON.stringify(problems);
    expect(text).not.toContain("123456789");
    expect(text).not.toContain("987654321");
    expect(text).not.toContain(SECRET);
  });

  // The JSDoc of problemsFromZodError documents `{ id: 1 }` → `[{ path: "id", message: "expected string" }]`.
  // describeExpected prefixes "required:" whenever zod's issue.input is undefined, and zod 4 leaves `input` out
  // of issues by default, so a present-but-wrong-typed value is reported as missing ("required: expected string").
  it("a wrong-typed value that is present is not reported as 'required' (documented example)", () => {
    const problems = problemsOf({ id: 1 });
    expect(problems).toEqual([{ path: "id", message: "expected string" }]);
  });

  it("a missing required field is reported as required", () => {
    const problems = problemsOf({ id: "c", incidents: [{}] });
    expect(problems.map((p) => p.path)).toEqual(["incidents.0.kind"]);
  });
});

describe("parseCaseFacts: prototype pollution", () => {
  it.each([
    ['{"id":"c","__proto__":{"polluted":"yes"}}', ""],
    ['{"id":"c","constructor":{"prototype":{"polluted":"yes"}}}', ""],
    ['{"id":"c","prototype":{"polluted":"yes"}}', ""],
    ['{"id":"c","relationship":{"__proto__":{"polluted":"yes"}}}', "relationship"],
    ['{"id":"c","incidents":[{"kind":"following","__proto__":{"polluted":"yes"}}]}', "incidents.0"],
    ['{"id":"c","suspect":{"constructor":{"prototype":{"polluted":"yes"}}}}', "suspect"],
  ])("rejects %s without polluting Object.prototype", (json, path) => {
    const input = JSON.parse(json);
    const result = parseCaseFacts(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.problems.map((p) => p.path)).toContain(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseCaseFacts: properties", () => {
  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseCaseFacts(value);
        expect(typeof result.success).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary JSON placed under case-facts keys", () => {
    const keys = [
      "id",
      "jurisdiction",
      "suspect",
      "personsToProtect",
      "relationship",
      "incidents",
      "risk",
      "protection",
      "criminal",
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 })), (value) => {
        const result = parseCaseFacts(value);
        if (!result.success) for (const p of result.problems) expect(typeof p.path).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary JavaScript values", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withBigInt: true,
        }),
        (value) => {
          parseCaseFacts(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on a hostile object (throwing getter, proxy)", () => {
    const getter = { id: "c" };
    Object.defineProperty(getter, "jurisdiction", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(() => parseCaseFacts(getter)).not.toThrow();
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    expect(() => parseCaseFacts(proxy)).not.toThrow();
    expect(parseCaseFacts(proxy).success).toBe(false);
  });

  it("round-trips a generated valid case through JSON", () => {
    fc.assert(
      fc.property(caseFactsArbitrary, (facts) => {
        const result = parseCaseFacts(JSON.parse(JSON.stringify(facts)));
        if (!result.success) throw new Error(JSON.stringify(result.problems));
        expect(result.data).toEqual(facts);
      }),
      { numRuns: 200 },
    );
  });
});
