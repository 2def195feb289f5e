// Ages on the assessment date (DAA 2021 s.1(2)(a): 16 or over; s.22(6) and CSA 2010 s.24(2): 18 or over) and the
// DAA 2021 Part 3 pilot table (digest §6.4).
import { describe, expect, it } from "vitest";
import { ageOnDate, type CaseFacts, type PoliceForceId } from "../../src/index.js";
import {
  ageOf,
  domesticAbuseProtectionPilotInForce,
  suspectIsAdult,
  suspectIsAged16OrOver,
  victimIsAged16OrOver,
  victimOf,
} from "../../src/rule-authoring.js";

describe("ages from the date of birth on the assessment date", () => {
  const suspectBorn = (dateOfBirth: string): CaseFacts => ({ id: "c", suspect: { dateOfBirth } });

  it("the 18th birthday is the first day the suspect is 18", () => {
    expect(suspectIsAdult(suspectBorn("2008-06-15"), "2026-06-14")).toBe(false);
    expect(suspectIsAdult(suspectBorn("2008-06-15"), "2026-06-15")).toBe(true);
    expect(suspectIsAdult(suspectBorn("2008-06-15"), "2026-06-16")).toBe(true);
  });

  it("the 16th birthday is the first day the suspect is 16", () => {
    expect(suspectIsAged16OrOver(suspectBorn("2010-01-01"), "2025-12-31")).toBe(false);
    expect(suspectIsAged16OrOver(suspectBorn("2010-01-01"), "2026-01-01")).toBe(true);
  });

  it("the victim's age is worked out the same way", () => {
    const facts = (dateOfBirth: string): CaseFacts => ({
      id: "c",
      personsToProtect: [{ role: "victim", dateOfBirth }],
    });
    expect(victimIsAged16OrOver(facts("2009-11-27"), "2025-11-26")).toBe(false);
    expect(victimIsAged16OrOver(facts("2009-11-27"), "2025-11-27")).toBe(true);
  });

  it("the same person is 17 one day and 18 the next: the answer depends on asOf, not on today", () => {
    const facts = suspectBorn("1990-03-10");
    expect(suspectIsAdult(facts, "2008-03-09")).toBe(false);
    expect(suspectIsAdult(facts, "2008-03-10")).toBe(true);
  });

  it("a birthday on 29 February is reached on 1 March in a common year (documented in ageOnDate)", () => {
    expect(ageOnDate("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOnDate("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOnDate("2008-02-29", "2028-02-29")).toBe(20);
  });

  it("the date of birth wins over a recorded age; the age is used when there is no date of birth", () => {
    expect(ageOf({ dateOfBirth: "2008-06-15", age: 30 }, "2026-06-14")).toBe(17);
    expect(suspectIsAdult({ id: "c", suspect: { dateOfBirth: "2008-06-15", age: 30 } }, "2026-06-14")).toBe(
      false,
    );
    expect(suspectIsAdult({ id: "c", suspect: { age: 17 } }, "2026-06-14")).toBe(false);
    expect(suspectIsAdult({ id: "c", suspect: { age: 18 } }, "2026-06-14")).toBe(true);
  });

  it("no date of birth and no age: unknown", () => {
    expect(suspectIsAdult({ id: "c" }, "2025-01-01")).toBeUndefined();
    expect(suspectIsAdult({ id: "c", suspect: {} }, "2025-01-01")).toBeUndefined();
    expect(victimIsAged16OrOver({ id: "c" }, "2025-01-01")).toBeUndefined();
    expect(victimIsAged16OrOver({ id: "c", personsToProtect: [] }, "2025-01-01")).toBeUndefined();
  });

  it("the victim is the first person with role victim, else the first person listed", () => {
    const facts: CaseFacts = {
      id: "c",
      personsToProtect: [
        { id: "p1", role: "connected-person", age: 10 },
        { id: "v", role: "victim", age: 40 },
      ],
    };
    expect(victimOf(facts)?.id).toBe("v");
    expect(victimIsAged16OrOver(facts, "2025-01-01")).toBe(true);
    expect(victimOf({ id: "c", personsToProtect: [{ id: "p1" }, { id: "p2" }] })?.id).toBe("p1");
  });
});

describe("DAA 2021 Part 3 pilot: in force in the case's area on the date (digest §6.4)", () => {
  const inForce = (force: PoliceForceId | undefined, asOf: string, localAuthority?: string) => {
    const facts: CaseFacts = { id: "c" };
    const withForce = force === undefined ? facts : { ...facts, policeForceArea: force };
    return domesticAbuseProtectionPilotInForce(
      localAuthority === undefined ? withForce : { ...withForce, localAuthority },
      asOf,
    );
  };

  it("before 27 November 2024 Part 3 is in force nowhere", () => {
    for (const force of [
      "greater-manchester",
      "metropolitan",
      "british-transport-police",
      "cleveland",
      "north-wales",
      "kent",
    ] as const) {
      expect(inForce(force, "2024-11-26", "Croydon"), force).toBe(false);
    }
    expect(inForce(undefined, "2024-11-26")).toBe(false);
    expect(inForce(undefined, "2021-10-01")).toBe(false);
  });

  it("Greater Manchester: from 27 November 2024 to 31 March 2026", () => {
    expect(inForce("greater-manchester", "2024-11-27")).toBe(true);
    expect(inForce("greater-manchester", "2025-06-01")).toBe(true);
    // The original end date, 26 Nov 2025, was extended before it passed (S.I. 2025/1222).
    expect(inForce("greater-manchester", "2025-11-27")).toBe(true);
    expect(inForce("greater-manchester", "2026-03-31")).toBe(true);
  });

  it("British Transport Police: from 27 November 2024", () => {
    expect(inForce("british-transport-police", "2024-11-27")).toBe(true);
  });

  it("Metropolitan Police: only the London Boroughs of Croydon, Bromley and Sutton", () => {
    expect(inForce("metropolitan", "2025-01-15", "Croydon")).toBe(true);
    expect(inForce("metropolitan", "2025-01-15", "Bromley")).toBe(true);
    expect(inForce("metropolitan", "2025-01-15", "sutton")).toBe(true);
    expect(inForce("metropolitan", "2025-01-15", "London Borough of Croydon")).toBe(true);
    expect(inForce("metropolitan", "2025-01-15", "Camden")).toBe(false);
    expect(inForce("metropolitan", "2025-01-15", "Westminster")).toBe(false);
    expect(inForce("metropolitan", "2025-01-15")).toBeUndefined();
  });

  it("Cleveland: 5–10 March 2025 is unsettled (S.I. 2025/261 vs 2025/319); in force from 11 March 2025", () => {
    expect(inForce("cleveland", "2025-03-04")).toBe(false);
    expect(inForce("cleveland", "2025-03-05")).toBeUndefined();
    expect(inForce("cleveland", "2025-03-07")).toBeUndefined();
    expect(inForce("cleveland", "2025-03-10")).toBeUndefined();
    expect(inForce("cleveland", "2025-03-11")).toBe(true);
    expect(inForce("cleveland", "2026-03-31")).toBe(true);
  });

  it("North Wales: from 28 April 2025 (S.I. 2025/515)", () => {
    expect(inForce("north-wales", "2025-04-27")).toBe(false);
    expect(inForce("north-wales", "2025-04-28")).toBe(true);
  });

  it("areas outside the pilot (e.g. Kent; Gwent was announced but never commenced) are out during the pilot", () => {
    expect(inForce("kent", "2024-11-27")).toBe(false);
    expect(inForce("kent", "2025-06-01")).toBe(false);
    expect(inForce("kent", "2026-03-31")).toBe(false);
    expect(inForce("gwent", "2025-06-01")).toBe(false);
    expect(inForce("south-wales", "2025-06-01")).toBe(false);
  });

  it("after 31 March 2026 the digest has no data: unknown everywhere", () => {
    for (const force of [
      "greater-manchester",
      "metropolitan",
      "british-transport-police",
      "cleveland",
      "north-wales",
      "kent",
    ] as const) {
      expect(inForce(force, "2026-04-01", "Croydon"), force).toBeUndefined();
      expect(inForce(force, "2027-01-01", "Camden"), force).toBeUndefined();
    }
    expect(inForce(undefined, "2026-04-01")).toBeUndefined();
  });

  it("during the pilot, an unrecorded force area is unknown", () => {
    expect(inForce(undefined, "2025-06-01")).toBeUndefined();
  });
});
