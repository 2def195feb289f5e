// Northern Ireland (Protection from Stalking Act (Northern Ireland) 2022) in assessments: the NI
// orders for NI cases, the England and Wales answers unchanged, and the Scotland notices.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, IncidentKindSchema, type NoticeCode } from "../../src/index.js";
import notices from "../../src/law/outside-england-and-wales/notices.json";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  DEFAULT_RULES,
  defendantIsInOrComingToNorthernIreland,
  FACT_DEFINITIONS,
  hasCarriedOutActsAssociatedWithStalking,
  hasCarriedOutActsAssociatedWithStalkingInNorthernIreland,
  loadRuleSet,
  NORTHERN_IRELAND_FACT_DEFINITIONS,
  northernIrelandActsCaveat,
  northernIrelandListedActFor,
  rulesForJurisdiction,
} from "../../src/rule-authoring.js";
import { asOfArbitrary, caseFactsArbitrary, PROPERTY_TIMEOUT, params } from "../robustness/support.js";

// The rule set as it was before Northern Ireland was added: the England and Wales packs and facts.
const NI_FACTS = new Set(NORTHERN_IRELAND_FACT_DEFINITIONS.map((f) => f.id));
const ENGLAND_AND_WALES_ONLY = compileRuleSet(
  loadRuleSet(
    (BUNDLED_RULE_PACKS as readonly { instrument: string }[]).filter((p) => p.instrument !== "pfsa-ni-2022"),
    FACT_DEFINITIONS.filter((f) => !NI_FACTS.has(f.id)),
  ),
);

const niCase = (extra: Partial<CaseFacts> = {}): CaseFacts => ({
  id: "ni",
  jurisdiction: "northern-ireland",
  suspect: { homeForceArea: "psni" },
  incidents: [
    { kind: "following", date: "2024-01-05" },
    { kind: "entering-premises", date: "2024-01-09" },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
  ...extra,
});

describe("England and Wales, Scotland and unrecorded-jurisdiction cases: England and Wales answers unchanged by the NI orders", () => {
  it(
    "every order, limb, question and recommendation is as with the England and Wales rules alone",
    () => {
      fc.assert(
        fc.property(
          caseFactsArbitrary,
          fc.constantFrom("england-and-wales", "scotland", undefined),
          asOfArbitrary,
          (facts, jurisdiction, asOf) => {
            const { jurisdiction: _drop, policeForceArea, ...others } = facts;
            // Unrecorded means unrecorded: a police force area would say the jurisdiction (tests/assess/jurisdiction-inferred.test.ts).
            const rest =
              policeForceArea === undefined || jurisdiction === undefined
                ? others
                : { ...others, policeForceArea };
            const input: CaseFacts = jurisdiction === undefined ? rest : { ...rest, jurisdiction };
            const now = assess(input, { asOf });
            const before = assess(input, { asOf, rules: ENGLAND_AND_WALES_ONLY });
            if (jurisdiction !== undefined) {
              expect(JSON.stringify(now)).toBe(JSON.stringify(before));
              return;
            }
            // Unrecorded: the England and Wales orders are exactly as before; the Northern Ireland orders
            // are listed too (unknown is not false), never available, and turn on the jurisdiction.
            const ew = now.orders.filter((o) => !o.rule.startsWith("ni-"));
            expect(JSON.stringify(ew)).toBe(JSON.stringify(before.orders));
            for (const order of now.orders.filter((o) => o.rule.startsWith("ni-"))) {
              expect(order.outcome, order.rule).not.toBe("available");
              if (order.outcome === "needs-information")
                expect(order.missingFacts, order.rule).toContain("case.jurisdiction");
            }
            expect(now.orders.map((o) => o.rule)).toEqual(
              expect.arrayContaining(["ni-spo", "ni-interim-spo"]),
            );
          },
        ),
        params(0.5),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("rulesForJurisdiction: NI rules only in the NI view; a rule set without jurisdiction lists is returned as is", () => {
    const names = (j: Parameters<typeof rulesForJurisdiction>[1]) =>
      rulesForJurisdiction(DEFAULT_RULES, j).rules.map((r) => r.rule.name);
    expect(names("northern-ireland")).toContain("ni-spo");
    expect(names("northern-ireland")).toContain("spo");
    for (const j of ["england-and-wales", "scotland"] as const) {
      expect(names(j)).not.toContain("ni-spo");
      expect(names(j)).not.toContain("ni-interim-spo");
    }
    // An unrecorded jurisdiction could be Northern Ireland: its orders are listed (needs information).
    expect(names(undefined)).toContain("ni-spo");
    expect(names(undefined)).toContain("spo");
    expect(rulesForJurisdiction(ENGLAND_AND_WALES_ONLY, "northern-ireland")).toBe(ENGLAND_AND_WALES_ONLY);
    expect(rulesForJurisdiction(DEFAULT_RULES, "scotland")).toBe(
      rulesForJurisdiction(DEFAULT_RULES, "scotland"),
    );
  });
});

describe("a Northern Ireland case", () => {
  it("gets ni-spo and ni-interim-spo with a recommendation; the England and Wales orders fail on extent", () => {
    const a = assess(niCase(), { asOf: "2025-06-01" });
    const outcome = (rule: string) => a.orders.find((o) => o.rule === rule)?.outcome;
    expect(outcome("ni-spo")).toBe("available");
    expect(outcome("ni-interim-spo")).toBe("available");
    expect(a.recommendation.first).toBe("ni-spo");
    expect(a.recommendation.summary).toMatch(/Stalking Protection Order \(Northern Ireland\)/);
    for (const order of a.orders.filter((o) => !o.rule.startsWith("ni-"))) {
      expect(order.outcome, order.rule).toBe("not-available");
      expect(JSON.stringify(order.conditions), order.rule).toMatch(/The case is in England and Wales/);
    }
    expect(a.notices.map((n) => n.code)).toEqual(["outside-england-and-wales", "who-may-apply-for-spo"]);
    expect(a.notices[0]?.text).toMatch(/do not apply in Northern Ireland/);
    expect(a.notices[0]?.citations.map((c) => c.id)).toContain("pfsa-ni-2022:ss6-17");
  });

  it("every NI limb cites the 2022 Act on legislation.gov.uk (nia/2022/17), and the answer is flagged unverified (s.6(3), s.7)", () => {
    const spo = assess(niCase(), { asOf: "2025-06-01" }).orders.find((o) => o.rule === "ni-spo")!;
    expect(spo.citation.url).toBe("https://www.legislation.gov.uk/nia/2022/17/section/8");
    expect(spo.unverified).toBe(true);
    const limbs: { id: string; url: string; unverified: boolean }[] = [];
    const visit = (c: (typeof spo)["conditions"]): void => {
      if (c.type === "limb") {
        limbs.push({ id: c.id, url: c.citation.url, unverified: c.unverified });
        visit(c.condition);
      } else if (c.type !== "fact") c.conditions.forEach(visit);
    };
    visit(spo.conditions);
    expect(limbs.length).toBeGreaterThanOrEqual(9);
    for (const limb of limbs)
      expect(limb.url, limb.id).toMatch(/^https:\/\/www\.legislation\.gov\.uk\/nia\/2022\/17/);
    expect(limbs.find((l) => l.id === "pfsa-ni-2022.s8(2)(b)")?.unverified).toBe(true);
  });

  it("the questions for an empty NI case cite the 2022 Act", () => {
    const a = assess({ id: "q", jurisdiction: "northern-ireland" }, { asOf: "2025-06-01" });
    expect(a.orders.find((o) => o.rule === "ni-spo")?.outcome).toBe("needs-information");
    expect(a.questions.length).toBeGreaterThan(0);
    for (const q of a.questions) expect(q.citation.id, q.fact).toMatch(/^pfsa-ni-2022:/);
  });
});

describe("Scotland and unrecorded jurisdictions: notices", () => {
  it("every notice code in notices.json is a NoticeCode", () => {
    const known: readonly NoticeCode[] = [
      "outside-england-and-wales",
      "scotland-civil-non-harassment-order",
      "scotland-criminal-non-harassment-order",
      "scotland-domestic-abuse-protection-orders-not-in-force",
      "jurisdiction-not-recorded",
    ];
    const codes = [...notices["northern-ireland"], ...notices.scotland, ...notices.unknown].map(
      (n) => n.code,
    );
    for (const code of codes) expect(known, code).toContain(code);
  });

  it("a Scotland case names the civil and criminal non-harassment orders with citations, and says no SPO exists", () => {
    const a = assess({ id: "s", jurisdiction: "scotland" }, { asOf: "2025-06-01" });
    const codes = a.notices.map((n) => n.code);
    expect(codes).toEqual([
      "outside-england-and-wales",
      "scotland-civil-non-harassment-order",
      "scotland-criminal-non-harassment-order",
      "scotland-domestic-abuse-protection-orders-not-in-force",
    ]);
    const byCode = new Map(a.notices.map((n) => [n.code, n]));
    expect(byCode.get("outside-england-and-wales")?.text).toMatch(
      /Scotland has no stalking protection order/,
    );
    expect(byCode.get("outside-england-and-wales")?.citations.some((c) => c.unverified)).toBe(true);
    expect(byCode.get("scotland-civil-non-harassment-order")?.citations.map((c) => c.title)).toEqual([
      "Protection from Harassment Act 1997, s.8 (Scotland)",
      "Protection from Harassment Act 1997, s.8A (Scotland)",
    ]);
    expect(byCode.get("scotland-criminal-non-harassment-order")?.citations.map((c) => c.title)).toEqual([
      "Criminal Procedure (Scotland) Act 1995, s.234A",
    ]);
    expect(a.orders.every((o) => o.outcome === "not-available")).toBe(true);
  });

  it("an England and Wales case has no jurisdiction notice", () => {
    // Only the s.1(3) notice on who may apply (residence not recorded): no jurisdiction notice.
    expect(
      assess({ id: "e", jurisdiction: "england-and-wales" }, { asOf: "2025-06-01" }).notices.map(
        (n) => n.code,
      ),
    ).toEqual(["who-may-apply-for-spo"]);
  });
});

describe("the Northern Ireland derived facts (s.6(2), s.7(3))", () => {
  it("s.6(2) is a closed list: every listed kind maps to its paragraph, 'other' to none", () => {
    const expected: Record<string, string | undefined> = {
      following: "a",
      contacting: "b",
      "third-party-contact": "b",
      publishing: "c",
      impersonation: "c",
      "monitoring-electronic-communications": "d",
      "entering-premises": "e",
      loitering: "f",
      "interfering-with-property": "g",
      "leaving-items-or-gifts": "h",
      "watching-or-spying": "i",
      "threats-of-violence": "j",
      violence: "j",
      other: undefined,
    };
    for (const kind of IncidentKindSchema.options)
      expect(northernIrelandListedActFor(kind), kind).toBe(expected[kind]);
  });

  it("differs from England and Wales where the Acts differ: threats alone are acts in NI (s.6(2)(j)), not by kind in E&W", () => {
    const facts: CaseFacts = { id: "t", incidents: [{ kind: "threats-of-violence" }, { kind: "violence" }] };
    expect(hasCarriedOutActsAssociatedWithStalkingInNorthernIreland(facts)).toBe(true);
    expect(hasCarriedOutActsAssociatedWithStalking(facts)).toBeUndefined();
  });

  it("unknown is not false: no incidents recorded, or only unclassified ones, is unknown; none at all is false", () => {
    expect(hasCarriedOutActsAssociatedWithStalkingInNorthernIreland({ id: "c" })).toBeUndefined();
    expect(
      hasCarriedOutActsAssociatedWithStalkingInNorthernIreland({ id: "c", incidents: [{ kind: "other" }] }),
    ).toBeUndefined();
    expect(hasCarriedOutActsAssociatedWithStalkingInNorthernIreland({ id: "c", incidents: [] })).toBe(false);
    expect(
      hasCarriedOutActsAssociatedWithStalkingInNorthernIreland({
        id: "c",
        incidents: [{ kind: "other", associatedWithStalking: false }],
      }),
    ).toBe(false);
  });

  it("a single act, and acts resting only on an assessor's judgement, carry unverified caveats", () => {
    expect(northernIrelandActsCaveat({ id: "c", incidents: [{ kind: "entering-premises" }] })).toBe(
      "pfsa-ni-2022:one-act",
    );
    expect(
      northernIrelandActsCaveat({
        id: "c",
        incidents: [
          { kind: "other", associatedWithStalking: true },
          { kind: "other", associatedWithStalking: true },
        ],
      }),
    ).toBe("pfsa-ni-2022:s6(2)(j)-final-words");
  });

  it("s.7(3): lives in NI, or believed in or coming to it; false only when both are recorded without NI", () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.constantFrom("psni", "kent", "merseyside") as fc.Arbitrary<"psni" | "kent" | "merseyside">,
          {
            nil: undefined,
          },
        ),
        fc.option(fc.subarray(["psni", "kent", "cumbria"] as ("psni" | "kent" | "cumbria")[]), {
          nil: undefined,
        }),
        (home, coming) => {
          const suspect = {
            ...(home !== undefined ? { homeForceArea: home } : {}),
            ...(coming !== undefined ? { believedInOrComingTo: coming } : {}),
          };
          const value = defendantIsInOrComingToNorthernIreland({ id: "c", suspect });
          if (home === "psni" || coming?.includes("psni")) expect(value).toBe(true);
          else if (home !== undefined && coming !== undefined) expect(value).toBe(false);
          else expect(value).toBeUndefined();
        },
      ),
    );
  });
});
