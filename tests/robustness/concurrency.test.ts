// Concurrency: assessments and reviews started together (Promise.all over async wrappers that yield to the
// event loop at random points), on the shared default rules, give exactly the results of running them
// one by one (on a rule set of their own), including when the same cases are assessed on different
// dates interleaved.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseFacts, safeAssess, safeReviewSpoDecline } from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  loadRuleSet,
} from "../../src/rule-authoring.js";
import { caseFactsArbitrary, leaningCaseArbitrary } from "./support.js";

const AS_OF_DATES = ["2019-06-01", "2020-01-20", "2024-12-01", "2025-06-01", "2026-06-01"];

/** A rule set of its own (own memo), compiled from the same bundled packs. */
const FRESH_RULES = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));

/** The answer with no memo in play: a separate rule set, its memo emptied before the call. */
function assessWithoutMemo(facts: unknown, asOf: string): string {
  return JSON.stringify(safeAssess(facts, { asOf, rules: FRESH_RULES }));
}

/** A review with an empty shared memo (reviews always use the default rules). */
function reviewWithoutMemo(facts: unknown, asOf: string): string {
  return JSON.stringify(safeReviewSpoDecline(facts, undefined, { asOf }));
}

/** A seeded pseudo-random generator (mulberry32), so every run interleaves the same way for a seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields to the event loop a random number of times, by microtask, setImmediate or a zero timeout. */
async function yieldRandomly(next: () => number): Promise<void> {
  const hops = Math.floor(next() * 4);
  for (let i = 0; i < hops; i++) {
    const kind = next();
    if (kind < 0.4) await Promise.resolve();
    else if (kind < 0.8) await new Promise<void>((resolve) => setImmediate(resolve));
    else await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

interface Task {
  readonly kind: "assess" | "review";
  readonly facts: CaseFacts;
  readonly asOf: string;
}

async function runConcurrently(tasks: readonly Task[], seed: number): Promise<string[]> {
  const next = random(seed);
  // Start in a shuffled order; each task yields before and after its work.
  const order = tasks.map((_, i) => i).sort(() => next() - 0.5);
  const results = new Array<string>(tasks.length);
  await Promise.all(
    order.map(async (i) => {
      await yieldRandomly(next);
      const task = tasks[i]!;
      const text =
        task.kind === "assess"
          ? JSON.stringify(safeAssess(task.facts, { asOf: task.asOf }))
          : JSON.stringify(safeReviewSpoDecline(task.facts, undefined, { asOf: task.asOf }));
      await yieldRandomly(next);
      results[i] = text;
    }),
  );
  return results;
}

/**
 * The sequential results: one task after another, assessments on a separate rule set (its own memo),
 * reviews on the default rules; then, for a sample of tasks, the same with no memo at all (an
 * uncached assessment costs a few ms, too much to do for every task in CI).
 */
function expected(tasks: readonly Task[], sample = 60): string[] {
  const results = tasks.map((t) =>
    t.kind === "assess"
      ? JSON.stringify(safeAssess(t.facts, { asOf: t.asOf, rules: FRESH_RULES }))
      : JSON.stringify(safeReviewSpoDecline(t.facts, undefined, { asOf: t.asOf })),
  );
  const step = Math.max(1, Math.floor(tasks.length / sample));
  for (let i = 0; i < tasks.length; i += step) {
    const t = tasks[i]!;
    const memoFree =
      t.kind === "assess" ? assessWithoutMemo(t.facts, t.asOf) : reviewWithoutMemo(t.facts, t.asOf);
    expect(results[i], `task ${i} without memo`).toBe(memoFree);
  }
  return results;
}

function expectSameResults(
  actual: readonly string[],
  wanted: readonly string[],
  tasks: readonly Task[],
): void {
  expect(actual).toHaveLength(wanted.length);
  const mismatches = actual.flatMap((text, i) =>
    text === wanted[i] ? [] : [`task ${i} (${tasks[i]!.kind} ${tasks[i]!.facts.id} on ${tasks[i]!.asOf})`],
  );
  expect(mismatches).toEqual([]);
}

describe("concurrency on the shared default rules", () => {
  const cases = fc.sample(fc.oneof(leaningCaseArbitrary, caseFactsArbitrary), {
    numRuns: 50,
    seed: 20_250_601,
  });
  // 50 cases × 5 dates × (assessment + review), each twice (the second time a fresh copy of the facts,
  // so that memo hits and misses interleave) = 1,000 tasks.
  const tasks: Task[] = [];
  for (let copy = 0; copy < 2; copy++) {
    cases.forEach((original, i) => {
      const facts = copy === 0 ? original : (JSON.parse(JSON.stringify(original)) as CaseFacts);
      for (let k = 0; k < AS_OF_DATES.length; k++) {
        const asOf = AS_OF_DATES[(i + k) % AS_OF_DATES.length]!;
        tasks.push({ kind: "assess", facts, asOf }, { kind: "review", facts, asOf });
      }
    });
  }
  let wanted: string[] = [];

  it("1,000 concurrent assessments and reviews give exactly the sequential (and memo-free) results", async () => {
    expect(tasks).toHaveLength(1000);
    wanted = expected(tasks);
    // From an empty memo: the second copy of each task meets the first one's memo entries mid-run.
    expectSameResults(await runConcurrently(tasks, 1), wanted, tasks);
  }, 60_000);

  it("the same results interleaved another way (five at a time)", async () => {
    if (wanted.length === 0) wanted = expected(tasks);
    expectSameResults(await runConcurrently(tasks, 5), wanted, tasks);
  }, 60_000);

  it("the same cases assessed on different dates, interleaved, never see each other's dates or ids", async () => {
    // Few cases, many dates each, so that memo keys differ only by the date (or only by the case id).
    const interleaved: Task[] = [];
    for (let round = 0; round < 50; round++) {
      for (const facts of cases.slice(0, 5)) {
        interleaved.push({
          kind: round % 2 === 0 ? "assess" : "review",
          facts,
          asOf: AS_OF_DATES[(round * 3) % 5]!,
        });
        interleaved.push({
          kind: "assess",
          facts: { ...facts, id: `${facts.id}-copy` },
          asOf: AS_OF_DATES[round % 5]!,
        });
      }
    }
    const results = expected(interleaved);
    const actual = await runConcurrently(interleaved, 3);
    expectSameResults(actual, results, interleaved);
    for (let i = 0; i < interleaved.length; i++) {
      const parsed = JSON.parse(actual[i]!) as { assessment?: { asOf: string; caseId: string } };
      if (parsed.assessment) {
        expect(parsed.assessment.asOf).toBe(interleaved[i]!.asOf);
        expect(parsed.assessment.caseId).toBe(interleaved[i]!.facts.id);
      }
    }
  }, 60_000);
});
