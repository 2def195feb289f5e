// parseCaseFacts: never throws; reports every problem by path with a message that never echoes the value
// (case data is sensitive personal data); refuses prototype-polluting keys; round-trips valid cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  IncidentKindSchema,
  JurisdictionSchema,
  OffenceKindSchema,
  PoliceForceIdSchema,
  parseCaseFacts,
} from "../../src/index.js";

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

// ---------------------------------------------------------------------------------------------------------
// A generator of valid CaseFacts covering the main fields.

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

const isoDate = fc
  .date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);

const text = (max: number) => fc.string({ maxLength: Math.min(max, 40) });
const ident = fc.string({ minLength: 1, maxLength: 20 });
const opt = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

const period = fc.record(
  {
    status: fc.constantFrom("current" as const, "former" as const, "never" as const),
    startedOn: isoDate,
    endedOn: isoDate,
  },
  { requiredKeys: ["status"] },
);
const agreement = fc.record(
  {
    status: fc.constantFrom("current" as const, "ended" as const, "never" as const),
    agreedOn: isoDate,
    endedOn: isoDate,
  },
  { requiredKeys: ["status"] },
);
const force = fc.constantFrom(...PoliceForceIdSchema.options);

const person = {
  id: ident,
  name: text(500),
  dateOfBirth: isoDate,
  age: fc.integer({ min: 0, max: 130 }),
};

const caseFactsArbitrary: fc.Arbitrary<CaseFacts> = fc.record(
  {
    id: ident,
    jurisdiction: fc.constantFrom(...JurisdictionSchema.options),
    policeForceArea: force,
    localAuthority: fc.string({ minLength: 1, maxLength: 30 }),
    suspect: opt({
      ...person,
      homeForceArea: force,
      believedInOrComingTo: fc.array(force, { maxLength: 3 }),
      subjectToSexOffenderNotification: fc.boolean(),
      work: text(1000),
      education: text(1000),
      religion: text(1000),
    }),
    personsToProtect: fc.array(
      opt({
        ...person,
        role: fc.constantFrom("victim" as const, "connected-person" as const),
        connection: fc.constantFrom(
          "family" as const,
          "partner" as const,
          "friend" as const,
          "colleague" as const,
          "neighbour" as const,
          "other" as const,
        ),
      }),
      { maxLength: 3 },
    ),
    relationship: opt({
      summary: fc.constantFrom(
        "stranger" as const,
        "acquaintance" as const,
        "ex-partner" as const,
        "online-only" as const,
      ),
      marriage: period,
      civilPartnership: period,
      cohabitation: period,
      sameHousehold: fc.record(
        {
          status: fc.constantFrom("current" as const, "former" as const, "never" as const),
          startedOn: isoDate,
          endedOn: isoDate,
          merelyAs: fc.constantFrom(
            "employee" as const,
            "tenant" as const,
            "lodger" as const,
            "boarder" as const,
            "none" as const,
          ),
        },
        { requiredKeys: ["status"] },
      ),
      relatives: fc.boolean(),
      agreementToMarry: agreement,
      civilPartnershipAgreement: agreement,
      intimateRelationship: fc.record(
        {
          status: fc.constantFrom("current" as const, "former" as const, "never" as const),
          startedOn: isoDate,
          endedOn: isoDate,
          significantDuration: fc.boolean(),
        },
        { requiredKeys: ["status"] },
      ),
      parentsOfSameChild: fc.boolean(),
      partiesToSameFamilyProceedings: fc.boolean(),
      allConnectionsRecorded: fc.boolean(),
    }),
    incidents: fc.array(
      fc.record(
        {
          id: ident,
          kind: fc.constantFrom(...IncidentKindSchema.options),
          date: isoDate,
          place: fc.constantFrom("uk" as const, "abroad" as const),
          target: fc.constantFrom("victim" as const, "connected-person" as const),
          targetId: ident,
          suspectKnewOrOughtToKnowUnwelcome: fc.boolean(),
          associatedWithStalking: fc.boolean(),
          description: text(5000),
        },
        { requiredKeys: ["kind"] },
      ),
      { maxLength: 5 },
    ),
    risk: opt({
      physicalHarm: fc.boolean(),
      psychologicalHarm: fc.boolean(),
      fearOfViolence: fc.boolean(),
      seriousAlarmOrDistress: fc.boolean(),
      escalating: fc.boolean(),
      ongoing: fc.boolean(),
      ongoingContact: fc.boolean(),
      tool: fc.record(
        {
          tool: fc.string({ minLength: 1, maxLength: 10 }),
          version: text(50),
          level: text(100),
          assessedOn: isoDate,
        },
        { requiredKeys: ["tool"] },
      ),
    }),
    protection: opt({
      bailConditions: fc.array(opt({ from: isoDate, to: isoDate, breached: fc.boolean() }), { maxLength: 3 }),
      ordersInForce: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(
              "spo" as const,
              "nmo" as const,
              "restraining-order-on-conviction" as const,
              "dvpo" as const,
            ),
            madeOn: isoDate,
            expiresOn: isoDate,
            untilFurtherOrder: fc.boolean(),
            protectsVictim: fc.boolean(),
            breached: fc.boolean(),
          },
          { requiredKeys: ["kind"] },
        ),
        { maxLength: 3 },
      ),
      adequate: fc.boolean(),
    }),
    criminal: opt({
      status: fc.constantFrom(
        "none" as const,
        "under-investigation" as const,
        "no-further-action" as const,
        "charged" as const,
        "convicted" as const,
        "acquitted" as const,
      ),
      offence: fc.constantFrom(...OffenceKindSchema.options),
      chargedOn: isoDate,
      convictedOn: isoDate,
      acquittedOn: isoDate,
      courtCurrentlyDealing: fc.boolean(),
      courtOfAppeal: fc.boolean(),
    }),
    family: opt({ underWay: fc.boolean() }),
    victimViews: opt({
      wantsProtection: fc.boolean(),
      supportsProsecution: fc.boolean(),
      willingToApplyHerself: fc.boolean(),
    }),
    withoutNoticeGrounds: opt({
      riskOfSignificantHarmIfNotImmediate: fc.boolean(),
      applicantLikelyDeterred: fc.boolean(),
      respondentEvadingService: fc.boolean(),
    }),
    spoRequest: opt({
      requestedOn: isoDate,
      decision: opt({
        decidedOn: isoDate,
        outcome: fc.constantFrom("declined" as const, "application-made" as const, "pending" as const),
        decidingForce: force,
        reasons: fc.array(
          fc.record(
            {
              code: fc.constantFrom(
                "no-conviction" as const,
                "acts-abroad" as const,
                "unclassified" as const,
              ),
              text: text(5000),
            },
            { requiredKeys: ["code"] },
          ),
          { maxLength: 3 },
        ),
        freeText: text(20000),
      }),
    }),
    notes: text(20000),
  },
  { requiredKeys: ["id"] },
) as fc.Arbitrary<CaseFacts>;
