import { describe, expect, it } from "vitest";
import { assess } from "../../src/index.js";

// Issue 31: "the ranked questions put a DAPO question (the suspect's age) ahead of the SPO's own
// protection question". SPA 2019 s.1(1)(c) (the order is necessary to protect the victim) is one of
// the SPO's three conditions, and the SPO is the order recommended first, so its questions come first.
describe("the ranked questions: SPO first", () => {
  it("on empty England and Wales facts, every SPO question comes before the suspect's age", () => {
    const facts: string[] = assess(
      { id: "c", jurisdiction: "england-and-wales" },
      { asOf: "2025-06-01" },
    ).questions.map((q) => q.fact);
    // The suspect's age is one question for both 16+ and 18+ (asked once, under either fact).
    const age = facts.findIndex((f) => f === "suspect.aged18OrOver" || f === "suspect.aged16OrOver");
    expect(age).toBeGreaterThan(-1);
    for (const spoFact of [
      "risk.ongoing",
      "conduct.actsAssociatedWithStalking",
      "risk.harm",
      "protection.otherProtectionAdequate",
    ]) {
      expect(facts.indexOf(spoFact)).toBeGreaterThan(-1);
      expect(facts.indexOf(spoFact)).toBeLessThan(age);
    }
  });

  it("every question that settles the SPO comes before every question that does not", () => {
    const questions = assess(
      { id: "c", jurisdiction: "england-and-wales" },
      { asOf: "2025-06-01" },
    ).questions;
    const settlesSpo = questions.map((q) => q.settles.includes("spo"));
    const lastSpo = settlesSpo.lastIndexOf(true);
    const firstOther = settlesSpo.indexOf(false);
    expect(lastSpo).toBeLessThan(firstOther);
  });
});
