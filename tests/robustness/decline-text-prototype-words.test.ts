// Decline text is case data: any words in it are read, never looked up on Object.prototype. The word
// "constructor" in a decision's free text made `safeReviewSpoDecline` (which never throws) throw a
// TypeError ("unmarked.split is not a function"): the contraction table was a plain object.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDeclineText, safeReviewSpoDecline } from "../../src/index.js";

const PROTOTYPE_WORDS = Object.getOwnPropertyNames(Object.prototype).map((w) => w.toLowerCase());
const declined = (freeText: string) => ({
  id: "c",
  jurisdiction: "england-and-wales" as const,
  spoRequest: { decision: { outcome: "declined" as const, decidedOn: "2025-05-01", freeText } },
});

describe("decline text and Object.prototype", () => {
  it('"constructor" in a decision letter is a word like any other', () => {
    expect(() => readDeclineText("The constructor of the fence said no.")).not.toThrow();
    const review = safeReviewSpoDecline(declined("constructor"), undefined, { asOf: "2025-06-01" });
    expect(review.success).toBe(true);
  });

  it("property: any sentence of ordinary and Object.prototype words is read without throwing", () => {
    const word = fc.oneof(
      fc.constantFrom(...PROTOTYPE_WORDS, "not", "dont", "victim", "support"),
      fc.stringMatching(/^[a-z]{1,8}$/),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        const text = words.join(" ");
        expect(() => readDeclineText(text)).not.toThrow();
        expect(safeReviewSpoDecline(declined(text), undefined, { asOf: "2025-06-01" }).success).toBe(true);
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it("a key added to Object.prototype does not change a reading", () => {
    const text = "The victim nope support a prosecution.";
    const before = JSON.stringify(readDeclineText(text));
    const proto = Object.prototype as Record<string, unknown>;
    proto.nope = "do not";
    try {
      expect(JSON.stringify(readDeclineText(text))).toBe(before);
    } finally {
      delete proto.nope;
    }
  });
});
