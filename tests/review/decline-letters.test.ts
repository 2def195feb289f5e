// Decline letters in the words police write (issue 20): the six letters quoted in the issue, a
// letter giving several reasons in one sentence, and the digest §13 corrections to decline reasons
// (issue 12 item 5), each as the free text of a decision (`spoRequest.decision.freeText`) read
// against one case in which the SPO test is met. Expectations are in decline-letters.json, each with
// the provision it comes from. Before issue 20 every one of these came back "unclassified" with the
// verdict "needs information".
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  challengeSummary,
  type DeclineVerdict,
  type ReasonFindingKind,
  readDeclineText,
  reviewSpoDecline,
} from "../../src/index.js";

interface Letter {
  readonly name: string;
  readonly letter: string;
  readonly law: string;
  readonly facts?: Partial<CaseFacts>;
  readonly expected: {
    readonly verdict: DeclineVerdict;
    readonly findings: readonly { readonly classifiedAs: string; readonly finding: ReasonFindingKind }[];
    readonly notRecognised: readonly string[];
  };
}

const DATA = JSON.parse(readFileSync(new URL("./decline-letters.json", import.meta.url), "utf8")) as {
  readonly decidedOn: string;
  readonly requestedOn: string;
  readonly decidingForce: string;
  readonly baseFacts: CaseFacts;
  readonly letters: readonly Letter[];
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

describe("decline letters: each reason read, judged, and the verdict follows the facts", () => {
  it("has the six letters of the issue and more", () => {
    expect(DATA.letters.length).toBeGreaterThanOrEqual(7);
  });

  for (const l of DATA.letters) {
    it(`${l.name}`, () => {
      const review = reviewSpoDecline(caseWith(l.letter, l.facts));
      const read = review.findings
        .filter((f) => f.classifiedAs !== undefined)
        .map((f) => ({ classifiedAs: f.classifiedAs, finding: f.finding }));
      expect(read).toEqual(l.expected.findings);
      expect(review.verdict).toBe(l.expected.verdict);
      expect(review.decisionText?.notRecognised).toEqual(l.expected.notRecognised);
      // Free-text findings say where in the letter they were read.
      for (const f of review.findings.filter((x) => x.classifiedAs !== undefined))
        expect(f.positions?.length).toBeGreaterThan(0);
    });
  }

  it("a letter nothing in which can be read, with the SPO available, says why a review is recommended", () => {
    const l = DATA.letters.find((x) => x.expected.findings.length === 0)!;
    const review = reviewSpoDecline(caseWith(l.letter, l.facts));
    expect(review.spo.outcome).toBe("available");
    expect(review.verdict).toBe("review-recommended");
    expect(review.verdictText).toContain("no reason the library could read justifies the decline");
    expect(review.verdictText).toContain("sentence 1 of 2");
  });

  it("the criminal-standard finding carries the unverified flag (digest §13)", () => {
    const l = DATA.letters.find((x) => x.expected.findings[0]?.classifiedAs === "criminal-standard-not-met")!;
    const finding = reviewSpoDecline(caseWith(l.letter)).findings[0]!;
    expect(finding.finding).toBe("contrary-to-guidance");
    expect(finding.unverified).toBe(true);
    expect(finding.citations.map((c) => c.id)).toContain("malik-2023:standard-obiter");
  });

  it("the costs finding cites Malik's no-costs starting point", () => {
    const l = DATA.letters.find((x) => x.expected.findings[0]?.classifiedAs === "risk-of-costs")!;
    const finding = reviewSpoDecline(caseWith(l.letter)).findings[0]!;
    expect(finding.citations.map((c) => c.id)).toContain("malik-2023:costs");
  });

  it("the challenge summary names each reason read and each part not recognised, by position only", () => {
    const l = DATA.letters.find((x) => x.expected.notRecognised.length === 1)!;
    const review = reviewSpoDecline(caseWith(l.letter, l.facts));
    const summary = challengeSummary(review);
    expect(summary).toContain('read as "The suspect lives in another force area"');
    expect(summary).not.toContain("suspect-in-another-force-area");
    expect(summary).toContain("Not recognised: sentence 4 of 5");
    expect(summary).not.toContain("decent sort");
  });
});

describe("decision text is case data: copied only when asked", () => {
  const words = [
    "he",
    "sent",
    "flowers",
    "the",
    "victim",
    "lives",
    "in",
    "Spain",
    "not",
    "charged",
    "and",
    "but",
  ];
  const letterArb = fc
    .array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 5,
    })
    .map((sentences) => sentences.map((s) => `${s.join(" ")} Zyxwvut.`).join(" "));

  it("no review, reading or summary contains the letter's words unless includeDecisionText is set", () => {
    fc.assert(
      fc.property(letterArb, (letter) => {
        const review = reviewSpoDecline(caseWith(letter));
        expect(JSON.stringify(review)).not.toContain("Zyxwvut");
        expect(challengeSummary(review)).not.toContain("Zyxwvut");
        expect(JSON.stringify(readDeclineText(letter))).not.toContain("Zyxwvut");
        const shown = reviewSpoDecline(caseWith(letter), undefined, { includeDecisionText: true });
        expect(JSON.stringify(shown.decisionText)).toContain("Zyxwvut");
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("every sentence of any text is accounted for exactly once, by position", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const reading = readDeclineText(text);
        const sentences = new Set(reading.parts.map((p) => p.sentence));
        expect(sentences.size).toBe(reading.sentences);
        for (const p of reading.parts) {
          expect(p.position.startsWith(`sentence ${p.sentence} of ${reading.sentences}`)).toBe(true);
          expect(p.clause).toBeLessThanOrEqual(p.clauses);
          expect(p.status === "reason").toBe(p.codes.length > 0);
          expect(p.text).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
