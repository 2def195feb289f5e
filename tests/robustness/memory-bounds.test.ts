// Issue 13, item 4: in a long-running process nothing kept between calls may grow with the input.
// Before issue 14 a module-level table numbered every distinct `asOf` (never released) and the memo
// held up to 4,096 full assessments per table whatever their size; both made the heap grow with the
// dates and cases assessed. Now the only thing kept is the limb and rule statuses of recent dates,
// bounded by an estimate of its bytes.
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of the benchmark, without types
import { generateVariedCases } from "../../bench/generate-varied-cases.mjs";
import { STATUS_CACHE_BYTES, statusCacheSize } from "../../src/evaluate/evaluate.js";
import { addDaysToDate, safeAssess } from "../../src/index.js";
import { DEFAULT_RULES } from "../../src/rule-authoring.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("memory bounded by design", () => {
  it("assessing 4,000 varied cases, each on its own date, leaves the heap where it was", () => {
    const cases = [...(generateVariedCases(4000, 13) as Iterable<{ id: string }>)];
    // Warm up (code, the rule set's plan), then measure.
    for (const c of cases.slice(0, 200)) safeAssess(c, { asOf: "2025-06-01" });
    const before = heapAfterGc();
    cases.forEach((c, i) => {
      const result = safeAssess(c, { asOf: addDaysToDate("2015-01-01", i) });
      expect(result.success).toBe(true);
    });
    const grown = heapAfterGc() - before;
    // The old memo alone held thousands of full assessments (tens of kilobytes each) here.
    expect(grown).toBeLessThan(3 * 1024 * 1024);
  }, 120_000);

  it("the limb and rule statuses of past dates stay within their byte budget", () => {
    for (let i = 0; i < 3000; i++) safeAssess({ id: "c" }, { asOf: addDaysToDate("2000-01-01", i) });
    const size = statusCacheSize(DEFAULT_RULES);
    expect(size.bytes).toBeLessThanOrEqual(STATUS_CACHE_BYTES);
    expect(size.dates).toBeGreaterThan(0);
    expect(size.dates).toBeLessThan(3000);
  }, 60_000);
});
