// Issue #12 item 10: no outcome is `not-available` because of a relationship limb that the case's own
// summary contradicts (guide principle 2; law digest §13 "Relationships"). A summary of "partner" or
// "ex-partner" says they are or were in an intimate personal relationship (DAA 2021 s.2(1)(e); and,
// if it was of significant duration, FLA 1996 s.62(3)(ea)); a summary of "family" says they may be
// relatives (FLA s.62(3)(d), s.63(1); DAA s.2(1)(g)). Completing the record the way the summary
// points (an intimate relationship of significant duration; relatives) must never turn a
// `not-available` into anything else: if it could, the "no" rested on what the summary contradicts,
// and the honest answer was "needs information".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, type Relationship } from "../../src/index.js";

const period = fc.option(
  fc.record({ status: fc.constantFrom("current" as const, "former" as const, "never" as const) }),
  { nil: undefined },
);

const relationshipArb: fc.Arbitrary<Relationship> = fc
  .record({
    summary: fc.constantFrom(
      "partner" as const,
      "ex-partner" as const,
      "family" as const,
      "stranger" as const,
      "acquaintance" as const,
      "other" as const,
    ),
    marriage: period,
    cohabitation: period,
    intimate: fc.option(
      fc.record({
        status: fc.constantFrom("current" as const, "former" as const, "never" as const),
        significantDuration: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    relatives: fc.option(fc.boolean(), { nil: undefined }),
    agreementEnded: fc.option(fc.constantFrom("2015-01-01", "2024-01-01"), { nil: undefined }),
    allConnectionsRecorded: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((r) => {
    const relationship: Relationship = { summary: r.summary };
    if (r.marriage) relationship.marriage = r.marriage;
    if (r.cohabitation) relationship.cohabitation = r.cohabitation;
    if (r.intimate) {
      relationship.intimateRelationship =
        r.intimate.significantDuration === undefined
          ? { status: r.intimate.status }
          : { status: r.intimate.status, significantDuration: r.intimate.significantDuration };
    }
    if (r.relatives !== undefined) relationship.relatives = r.relatives;
    if (r.agreementEnded) relationship.agreementToMarry = { status: "ended", endedOn: r.agreementEnded };
    if (r.allConnectionsRecorded !== undefined)
      relationship.allConnectionsRecorded = r.allConnectionsRecorded;
    return relationship;
  });

const caseArb: fc.Arbitrary<CaseFacts> = fc
  .record({
    relationship: relationshipArb,
    area: fc.constantFrom("greater-manchester", "hampshire", "north-wales"),
    violence: fc.boolean(),
    suspectAge: fc.constantFrom(17, 30),
    ongoing: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ relationship, area, violence, suspectAge, ongoing }) => {
    const facts: CaseFacts = {
      id: "property",
      jurisdiction: "england-and-wales",
      policeForceArea: area as CaseFacts["policeForceArea"],
      suspect: { age: suspectAge },
      personsToProtect: [{ id: "v1", role: "victim", age: 29 }],
      relationship,
      incidents: [
        // Known to be unwelcome (SPA 2019 s.1(4)(b)), so the acts are settled and only the relationship
        // limbs decide (PHA 1997 s.2A(3) examples alone would leave every order needing information).
        {
          kind: "contacting",
          date: "2025-02-01",
          place: "uk",
          target: "victim",
          suspectKnewOrOughtToKnowUnwelcome: true,
        },
        {
          kind: violence ? "threats-of-violence" : "following",
          date: "2025-03-01",
          place: "uk",
          target: "victim",
          suspectKnewOrOughtToKnowUnwelcome: true,
        },
      ],
      risk: ongoing === undefined ? { psychologicalHarm: true } : { psychologicalHarm: true, ongoing },
      protection: {},
      criminal: { status: "under-investigation" },
    };
    if (area === "greater-manchester") facts.localAuthority = "Manchester";
    return facts;
  });

/** The record completed the way its summary points, where the record leaves it open or says no. */
function completedAsTheSummarySays(facts: CaseFacts): CaseFacts {
  const relationship: Relationship = { ...facts.relationship };
  const summary = relationship.summary;
  if (summary === "partner" || summary === "ex-partner") {
    const intimate = relationship.intimateRelationship;
    if (intimate === undefined || intimate.status === "never" || intimate.significantDuration === undefined) {
      relationship.intimateRelationship = {
        status: intimate?.status === "current" ? "current" : "former",
        significantDuration: true,
      };
    }
  }
  if (summary === "family" && relationship.relatives === undefined) relationship.relatives = true;
  return { ...facts, relationship };
}

describe("no not-available rests on a relationship limb the summary contradicts", () => {
  it("property: completing the record as its summary says never undoes a not-available", () => {
    let relationshipNotAvailable = 0;
    fc.assert(
      fc.property(caseArb, (facts) => {
        const before = assess(facts, { asOf: "2025-06-01" });
        const after = assess(completedAsTheSummarySays(facts), { asOf: "2025-06-01" });
        for (const order of before.orders) {
          if (order.outcome !== "not-available") continue;
          if (order.rule === "nmo" || order.rule === "dapo") relationshipNotAvailable++;
          const completed = after.orders.find((o) => o.rule === order.rule);
          expect(completed?.outcome, `${order.rule} for ${JSON.stringify(facts.relationship)}`).toBe(
            "not-available",
          );
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach orders that are not available for want of a connection, or the property
    // could not fail.
    expect(relationshipNotAvailable).toBeGreaterThan(0);
  });

  it("the reproduction from the issue: ex-partner summary, all connections recorded, nothing else", () => {
    const facts: CaseFacts = {
      id: "issue-12-ex-partner",
      jurisdiction: "england-and-wales",
      policeForceArea: "greater-manchester",
      localAuthority: "Manchester",
      suspect: { age: 30 },
      personsToProtect: [{ id: "v1", role: "victim", age: 29 }],
      relationship: { summary: "ex-partner", allConnectionsRecorded: true },
      incidents: [
        { kind: "contacting", date: "2025-02-01", place: "uk", target: "victim" },
        { kind: "threats-of-violence", date: "2025-03-01", place: "uk", target: "victim" },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
    };
    const outcomes = Object.fromEntries(
      assess(facts, { asOf: "2025-06-01" }).orders.map((o) => [o.rule, o.outcome]),
    );
    expect(outcomes.nmo).toBe("needs-information");
    expect(outcomes.dvpn).toBe("needs-information");
    expect(outcomes.dapo).toBe("available");
  });
});
