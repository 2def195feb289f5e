// Issue 26 (items 1, 2, 3): the reproductions from the issue, each read as the statute reads it.
// Every expectation quotes the provision it comes from; none is the reader's own output.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  challengeSummary,
  declineReasonCodes,
  explain,
  readDeclineText,
  reviewSpoDecline,
} from "../../src/index.js";

const DATA = JSON.parse(readFileSync(new URL("./decline-letters.json", import.meta.url), "utf8")) as {
  readonly decidedOn: string;
  readonly requestedOn: string;
  readonly decidingForce: string;
  readonly baseFacts: CaseFacts;
};

function caseWith(letter: string, extra: Partial<CaseFacts> = {}): CaseFacts {
  return {
    ...DATA.baseFacts,
    ...extra,
    spoRequest: {
      requestedOn: DATA.requestedOn,
      decision: {
        decidedOn: DATA.decidedOn,
        decidingForce: DATA.decidingForce as never,
        outcome: "declined",
        freeText: letter,
      },
    },
  } as CaseFacts;
}

const RESIDENCE = "suspect-lives-outside-england-and-wales";

describe("item 1: where the suspect lives is not where the acts took place (SPA 2019 s.1(3), s.1(5))", () => {
  // s.1(5): "it does not matter whether the acts ... took place in the United Kingdom or elsewhere";
  // s.1(3): a chief officer may apply about a person who lives in the area, or is believed to be in or coming to it.
  for (const text of [
    "The suspect now lives in Spain.",
    "He has moved abroad.",
    "He has relocated to Scotland.",
    "The suspect resides overseas.",
    "He has emigrated to Australia and lives there now.",
  ]) {
    it(`"${text}" is about residence, not acts abroad`, () => {
      const codes = declineReasonCodes(text);
      expect(codes).toContain(RESIDENCE);
      expect(codes).not.toContain("acts-abroad");
    });
  }

  it('"The messages were sent from Spain." is still acts abroad (s.1(5))', () => {
    expect(declineReasonCodes("The messages were sent from Spain.")).toEqual(["acts-abroad"]);
  });

  it('"He lives in another force area." stays a referral to the home force (digest §10)', () => {
    expect(declineReasonCodes("He lives in another force area.")).toEqual(["suspect-in-another-force-area"]);
  });

  it("a residence reason is never called a misstatement of law; it needs the s.1(3)(b) fact when not recorded", () => {
    const review = reviewSpoDecline(caseWith("The suspect now lives in Spain.", { suspect: { age: 41 } }));
    const finding = review.findings.find((f) => f.classifiedAs === RESIDENCE);
    expect(finding?.finding).toBe("needs-information");
    expect(review.findings.some((f) => f.finding === "misstates-the-law")).toBe(false);
    expect(review.verdict).not.toBe("likely-wrongly-declined");
    expect(review.questions.map((q) => q.fact)).toContain("suspect.believedInOrComingTo");
  });

  it("lawful for a territorial force when the suspect is recorded as not believed to be in or coming to its area", () => {
    const review = reviewSpoDecline(
      caseWith("He has moved abroad.", { suspect: { age: 41, believedInOrComingTo: [] } }),
    );
    const finding = review.findings.find((f) => f.classifiedAs === RESIDENCE);
    expect(finding?.finding).toBe("lawful-on-these-facts");
    // BTP and MoD Police are not limited by area (SPA 2019 Explanatory Notes): the route is named.
    expect(finding?.onTheFacts).toMatch(/British Transport Police/);
  });

  it("contradicted when the deciding force believes the suspect is in or coming to its area (s.1(3)(b))", () => {
    const review = reviewSpoDecline(
      caseWith("He has relocated to Scotland.", { suspect: { age: 41, believedInOrComingTo: ["sussex"] } }),
    );
    expect(review.findings.find((f) => f.classifiedAs === RESIDENCE)?.finding).toBe("contradicted-by-facts");
  });
});

describe("item 2: numbers are not ages", () => {
  for (const text of [
    "Section 2A(3) does not list entering a garden.",
    "See section 5.",
    "Reference 12.",
    "The risk assessment scored 15.",
    "Page 2 of 3.",
    "-5",
    "The victim is aged 15.",
    "Her daughter is 12.",
    "The victim is a child.",
    "Youth offending team were informed.",
  ]) {
    it(`"${text}" says nothing about the suspect's age`, () => {
      expect(declineReasonCodes(text)).not.toContain("suspect-under-18");
    });
  }
  for (const text of [
    "He is 16.",
    "The suspect is aged 17.",
    "A juvenile suspect.",
    "The suspect is under 18.",
    "The suspect is 15 years old.",
  ]) {
    it(`"${text}" is the suspect's age`, () => {
      expect(declineReasonCodes(text)).toContain("suspect-under-18");
    });
  }

  it('"See section 5." appended to a letter does not make it likely-wrongly-declined', () => {
    const base = "There is no ongoing risk.";
    const before = reviewSpoDecline(caseWith(base, { risk: { ongoing: false } }));
    const after = reviewSpoDecline(caseWith(`${base} See section 5.`, { risk: { ongoing: false } }));
    expect(after.verdict).toBe(before.verdict);
    expect(after.verdict).not.toBe("likely-wrongly-declined");
  });
});

describe("item 3: other misreadings", () => {
  it("police bail while the investigation continues is one reason: other protection, judged on necessity", () => {
    expect(declineReasonCodes("He is on police bail while the investigation continues.")).toEqual([
      "other-protection-adequate",
    ]);
  });

  it('"reserved for high risk cases" misstates the threshold: s.1(1)(b) asks for "a risk"', () => {
    expect(declineReasonCodes("SPOs are reserved for high risk cases.")).toEqual([
      "risk-threshold-misstated",
    ]);
    const review = reviewSpoDecline(caseWith("SPOs are reserved for high risk cases."));
    expect(review.findings[0]?.finding).toBe("misstates-the-law");
  });

  it('"We could not be sure he is guilty." is the criminal-standard reason, flagged unverified', () => {
    expect(declineReasonCodes("We could not be sure he is guilty.")).toEqual(["criminal-standard-not-met"]);
    const review = reviewSpoDecline(caseWith("We could not be sure he is guilty."));
    expect(review.findings[0]?.finding).toBe("contrary-to-guidance");
    expect(review.findings[0]?.unverified).toBe(true);
  });

  it("the s.2A(3) list is examples, not exhaustive (s.1(6))", () => {
    for (const text of [
      "Sending flowers is not on the list of stalking behaviours.",
      "Section 2A(3) does not list entering a garden.",
    ]) {
      expect(declineReasonCodes(text)).toEqual(["acts-not-on-the-list"]);
    }
    const review = reviewSpoDecline(caseWith("Sending flowers is not on the list of stalking behaviours."));
    expect(review.findings[0]?.why).toMatch(/not exhaustive/);
    expect(review.findings[0]?.citations.map((c) => c.id)).toContain("spa-2019:s1(6)");
  });

  for (const text of [
    "We do not consider this a single incident.",
    "It is not the case that there is no ongoing risk.",
    "It is wrong to say costs are a risk.",
    "The victim's sister said that he is only 16.",
    "It is not true that the acts took place abroad.",
  ]) {
    it(`"${text}" denies or reports a reason: it is not that reason`, () => {
      expect(declineReasonCodes(text)).toEqual([]);
    });
  }

  it("reads the whole letter, past 20,000 characters", () => {
    const filler = "We have considered the request carefully. ".repeat(600);
    expect(filler.length).toBeGreaterThan(20_000);
    const reading = readDeclineText(`${filler}He has not been charged.`);
    expect(reading.reasons.map((r) => r.code)).toEqual(["no-charge-or-nfa"]);
  });

  it("explain({}) and challengeSummary({}) throw a clear error naming what was expected", () => {
    expect(() => explain({} as never)).toThrow(/expected an assessment/);
    expect(() => challengeSummary({} as never)).toThrow(/expected a decline review/);
    expect(() => explain({} as never)).not.toThrow(TypeError);
    expect(() => challengeSummary({} as never)).not.toThrow(TypeError);
  });

  for (const text of [
    "We have no budget for civil orders.",
    "Civil orders are a matter for the courts.",
    "The force does not fund civil orders in general.",
  ]) {
    it(`"${text}" is not a domestic-NMO reason`, () => {
      expect(declineReasonCodes(text)).not.toContain("domestic-use-nmo");
    });
  }
  for (const text of [
    "The victim should seek a non-molestation order herself.",
    "She can apply to the family court for an order.",
  ]) {
    it(`"${text}" is the domestic-NMO reason`, () => {
      expect(declineReasonCodes(text)).toContain("domestic-use-nmo");
    });
  }

  it("review outputs: no assumed sex, capitalised sentences, no 'Another reason (free text)', no slug", () => {
    const facts = caseWith("He is 16. The victim does not want an order. Reference 12. He is a nice man.", {
      victimViews: {},
    });
    const { spoRequest, ...rest } = facts;
    const review = reviewSpoDecline(
      rest as CaseFacts,
      {
        ...spoRequest!,
        decision: { ...spoRequest!.decision!, decidingForce: undefined as never },
      } as never,
    );
    const summary = challengeSummary(review);
    const texts = [
      summary,
      ...review.findings.flatMap((f) => [f.label, f.why, f.onTheFacts ?? ""]),
      ...review.questions.map((q) => q.question),
      review.verdictText,
    ].join("\n");
    expect(texts).not.toMatch(/\b(she|her|herself|he|him|his)\b/i);
    expect(summary).not.toMatch(/Another reason \(free text\)/);
    expect(summary).not.toMatch(/suspect-under-18|victim-does-not-want-order/);
    expect(summary).toMatch(/The force declined/);
    expect(summary).toMatch(/The suspect is under 18/);
    // Every line of prose starts with a capital.
    for (const line of summary.split("\n").filter((l) => /^[a-z]/.test(l))) expect(line).toBe("");
  });

  it("the summary shows the letter's words where the caller asked for them", () => {
    const review = reviewSpoDecline(caseWith("He is 16."), undefined, { includeDecisionText: true });
    expect(challengeSummary(review)).toContain('"He is 16."');
  });
});

describe("item 1 in Northern Ireland: one mechanism with s.7(3)", () => {
  it("residence abroad is judged on where the defendant lives or is believed to be, never as acts abroad", () => {
    const facts = {
      id: "ni-residence",
      jurisdiction: "northern-ireland",
      incidents: [
        { kind: "following", date: "2024-12-01" },
        { kind: "contacting", date: "2024-12-19" },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
      spoRequest: {
        requestedOn: "2025-01-27",
        decision: { decidedOn: "2025-02-24", outcome: "declined", freeText: "He has moved abroad." },
      },
    } as unknown as CaseFacts;
    const review = reviewSpoDecline(facts);
    const finding = review.findings.find((f) => f.classifiedAs === RESIDENCE);
    expect(finding).toBeDefined();
    expect(finding?.citations.map((c) => c.id)).toContain("pfsa-ni-2022:s7(3)");
    expect(review.findings.some((f) => f.classifiedAs === "acts-abroad")).toBe(false);
  });
});
