// Decline review for Northern Ireland requests: reasons that misstate the Protection from Stalking
// Act (Northern Ireland) 2022 are flagged with Northern Ireland citations, and the order reviewed is ni-spo.
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  challengeSummary,
  DeclineReasonCodeSchema,
  NORTHERN_IRELAND_DECLINE_REASONS,
  reviewSpoDecline,
} from "../../src/index.js";

const facts: CaseFacts = {
  id: "ni-review",
  jurisdiction: "northern-ireland",
  suspect: { homeForceArea: "psni" },
  incidents: [
    { kind: "following", date: "2023-01-05" },
    { kind: "entering-premises", date: "2024-01-09", place: "abroad" },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
};

describe("Northern Ireland decline review", () => {
  it("has a Northern Ireland reading, citing the 2022 Act, for every reason code", () => {
    expect(NORTHERN_IRELAND_DECLINE_REASONS.map((r) => r.code).sort()).toEqual(
      [...DeclineReasonCodeSchema.options].sort(),
    );
    for (const reason of NORTHERN_IRELAND_DECLINE_REASONS) {
      expect(reason.citations.length, reason.code).toBeGreaterThan(0);
      expect(
        reason.citations.every((c) => c.startsWith("pfsa-ni-2022:")),
        reason.code,
      ).toBe(true);
    }
  });

  it.each([
    ["no-conviction", "pfsa-ni-2022:s7"],
    ["no-charge-or-nfa", "pfsa-ni-2022:s8(2)"],
    ["acts-before-commencement", "pfsa-ni-2022:s8(7)"],
    ["acts-abroad", "pfsa-ni-2022:s8(7)"],
    ["acts-targeted-someone-else", "pfsa-ni-2022:s8(2)(c)"],
  ] as const)("%s misstates the 2022 Act, cited to %s", (code, citation) => {
    const review = reviewSpoDecline(facts, {
      requestedOn: "2025-01-06",
      decision: { decidedOn: "2025-02-03", outcome: "declined", reasons: [{ code }] },
    });
    expect(review.spo.rule).toBe("ni-spo");
    expect(review.spo.outcome).toBe("available");
    expect(review.findings[0]?.finding).toBe("misstates-the-law");
    expect(review.findings[0]?.citations.map((c) => c.id)).toContain(citation);
    for (const c of review.findings[0]?.citations ?? [])
      expect(c.url).toMatch(/legislation\.gov\.uk\/nia\/2022\/17/);
    expect(review.verdict).toBe("likely-wrongly-declined");
    expect(review.verdictText).toMatch(/Northern Ireland/);
  });

  it("a free-text 'no charge' reason is read with the shared classifier and judged under the 2022 Act", () => {
    const review = reviewSpoDecline(facts, {
      decision: {
        decidedOn: "2025-02-03",
        outcome: "declined",
        freeText: "No further action by the PPS, so no SPO.",
      },
    });
    expect(review.findings[0]?.classifiedAs).toBe("no-charge-or-nfa");
    expect(review.findings[0]?.finding).toBe("misstates-the-law");
    expect(review.findings[0]?.citations[0]?.id).toMatch(/^pfsa-ni-2022:/);
  });

  it("a letter with two reasons gets a finding for each, by position, judged under the 2022 Act (issue 20 item 2)", () => {
    // s.8(2): the court's test is acts, risk and necessity, with no criminal-proceedings condition; the
    // Explanatory Notes to s.7 describe the Chief Constable's test the same way. So neither "not charged"
    // nor "the victim does not want to go to court" is a condition of the 2022 Act.
    const letter =
      "He has not been charged so an SPO cannot be applied for. The victim does not want to go to court.";
    const review = reviewSpoDecline(facts, {
      decision: { decidedOn: "2025-02-03", outcome: "declined", freeText: letter },
    });
    expect(review.findings.map((f) => [f.classifiedAs, f.finding, f.positions])).toEqual([
      ["no-charge-or-nfa", "misstates-the-law", ["sentence 1 of 2, clause 1 of 2"]],
      ["victim-will-not-support-prosecution", "misstates-the-law", ["sentence 2 of 2"]],
    ]);
    for (const finding of review.findings)
      for (const c of finding.citations) expect(c.url).toMatch(/legislation\.gov\.uk\/nia\/2022\/17/);
    expect(review.decisionText?.notRecognised).toEqual([]);
    expect(review.verdict).toBe("likely-wrongly-declined");
    // Decision text is case data: no words of the letter in the review.
    expect(JSON.stringify(review)).not.toContain("charged");
    // The challenge summary states the 2022 Act's test, not the 2019 Act's.
    const summary = challengeSummary(review);
    expect(summary).toContain("Protection from Stalking Act (Northern Ireland) 2022");
    expect(summary).toContain("s.8(2)");
    expect(summary).not.toContain("Stalking Protection Act 2019");
  });

  it("a letter the library cannot read, with ni-spo available, is flagged for review, not needs-information (issue 20 item 3)", () => {
    const review = reviewSpoDecline(facts, {
      decision: { decidedOn: "2025-02-03", outcome: "declined", freeText: "Xylophone quartz. Blue." },
    });
    expect(review.spo.outcome).toBe("available");
    expect(review.decisionText?.notRecognised).toEqual(["sentence 1 of 2", "sentence 2 of 2"]);
    expect(review.verdict).toBe("review-recommended");
    expect(review.verdictText).toContain("sentence 1 of 2; sentence 2 of 2");
    expect(review.verdictText).toContain("2022 Act");
  });

  it("the standard of proof is questionable and flagged unverified (the 2022 Act says only 'satisfied')", () => {
    const review = reviewSpoDecline(facts, {
      decision: {
        decidedOn: "2025-02-03",
        outcome: "declined",
        reasons: [{ code: "criminal-standard-not-met" }],
      },
    });
    expect(review.findings[0]?.finding).toBe("questionable");
    expect(review.findings[0]?.unverified).toBe(true);
  });

  it("an England and Wales review is unchanged: it still reviews spo with SPA 2019 citations", () => {
    const review = reviewSpoDecline(
      { ...facts, jurisdiction: "england-and-wales", suspect: { homeForceArea: "kent" } },
      { decision: { decidedOn: "2025-02-03", outcome: "declined", reasons: [{ code: "acts-abroad" }] } },
    );
    expect(review.spo.rule).toBe("spo");
    expect(review.findings[0]?.citations.map((c) => c.id)).toEqual(["spa-2019:s1(5)"]);
  });

  // Issue 26 item 6; digest §13 table "NI s.6(2) list": VERIFIED (primary), "final words of (j) UNVERIFIED". A
  // finding whose text quotes s.6(2) item by item, down to (j)'s "substantial distress", must say so.
  it("a finding that quotes the s.6(2) list down to (j) is flagged unverified and cites (j)'s final words", () => {
    const reason = NORTHERN_IRELAND_DECLINE_REASONS.find((r) => r.code === "no-evidence-of-stalking-acts");
    expect(reason?.why).toMatch(/substantial distress/);
    const review = reviewSpoDecline(facts, {
      requestedOn: "2025-01-06",
      decision: {
        decidedOn: "2025-02-03",
        outcome: "declined",
        reasons: [{ code: "no-evidence-of-stalking-acts" }],
      },
    });
    const finding = review.findings[0];
    expect(finding?.citations.map((c) => c.id)).toContain("pfsa-ni-2022:s6(2)(j)-final-words");
    expect(finding?.unverified).toBe(true);
    expect(finding?.why).toMatch(/UNVERIFIED/);
  });
});
