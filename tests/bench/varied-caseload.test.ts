// The benchmark's varied caseload (bench/generate-varied-cases.mjs) must be what the README says:
// seeded (the same cases every run), valid, and varied (almost no two cases alike in what the rules
// read), with fields present in the proportions the generator documents.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { generateVariedCases, PROPORTIONS } from "../../bench/generate-varied-cases.mjs";
import { assess, parseCaseFacts } from "../../src/index.js";

const take = (n: number, seed?: number): Record<string, unknown>[] => [
  ...(generateVariedCases(n, seed) as Iterable<Record<string, unknown>>),
];

describe("the benchmark's varied caseload", () => {
  const cases = take(3000);

  it("is the same for the same seed, and different for another", () => {
    expect(JSON.stringify(take(200))).toBe(JSON.stringify(cases.slice(0, 200)));
    expect(JSON.stringify(take(200, 7))).not.toBe(JSON.stringify(cases.slice(0, 200)));
  });

  it("is valid case facts, every case", () => {
    const invalid = cases.filter((c) => !parseCaseFacts(c).success).map((c) => c.id);
    expect(invalid).toEqual([]);
  });

  it("varies: almost every case is assessed differently from the others (ids aside)", () => {
    const distinct = new Set(
      cases.slice(0, 600).map((c) => {
        const { caseId: _, ...rest } = assess(c as { id: string }, { asOf: "2025-06-01" });
        return JSON.stringify(rest);
      }),
    );
    expect(distinct.size / 600).toBeGreaterThan(0.5);
  }, 60_000);

  it("has fields present in about the documented proportions", () => {
    const share = (p: (c: Record<string, unknown>) => boolean) => cases.filter(p).length / cases.length;
    expect(share((c) => c.spoRequest !== undefined)).toBeCloseTo(PROPORTIONS.spoRequest, 1);
    expect(share((c) => c.criminal !== undefined)).toBeCloseTo(PROPORTIONS.criminal, 1);
    expect(share((c) => c.jurisdiction === "england-and-wales")).toBeCloseTo(
      PROPORTIONS.jurisdiction["england-and-wales"],
      1,
    );
    const domestic = share((c) =>
      ["ex-partner", "partner", "family"].includes((c.relationship as { summary?: string }).summary ?? ""),
    );
    expect(domestic).toBeGreaterThan(0.4);
    expect(domestic).toBeLessThan(0.5);
  });
});
