// The decline reader compiles the taxonomy's patterns on first use, not when the package is
// imported (issue 14: cold import time). An error in the bundled taxonomy must still fail the
// tests: every pattern of decline-reasons.json compiles here, and a pattern naming a word class the
// taxonomy lacks is an error, not a pattern that silently matches nothing.
import { describe, expect, it } from "vitest";
import data from "../../src/law/stalking-protection-act-2019/decline-reasons.json";
import { compileDeclinePattern, readDeclineText } from "../../src/review/read-decline-text.js";

const patterns: readonly string[] = [
  ...data.reasons.flatMap((r) => ("patterns" in r ? (r.patterns as readonly string[]) : [])),
  ...data.reading.decisionPatterns,
  ...data.reading.courtesyPatterns,
];

describe("the bundled decline taxonomy", () => {
  it("has patterns, and every one compiles to at least one step", () => {
    expect(patterns.length).toBeGreaterThan(50);
    for (const source of patterns)
      expect(compileDeclinePattern(source).steps.length, source).toBeGreaterThan(0);
  });

  it("an unknown word class is an error", () => {
    expect(() => compileDeclinePattern("@no-such-class refused")).toThrow(
      /unknown word class @no-such-class/,
    );
  });

  it("reads a letter once compiled on first use, the same on every later use", () => {
    const text = "NFA. Victim does not support a prosecution. We are sorry.";
    const first = readDeclineText(text);
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(readDeclineText(text)).toEqual(first);
  });
});
