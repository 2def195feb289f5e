/**
 * Disclosure control for the caseload report, over everything the report publishes together.
 *
 * Every figure the report prints is a {@link Figure}: an id and its true count. The published
 * figures are linked by {@link Line}s: a line says that its members add up to its total (an
 * order's outcomes add up to the cases assessed; the areas' cases add up to the same). Lines may
 * share totals (one figure, such as the cases assessed, can total many lines) but never members,
 * so the lines form a tree and each line can be protected on its own.
 *
 * - Primary suppression: a count from 1 to `threshold - 1` is hidden ("[c]").
 * - Secondary suppression, line by line until nothing changes: where a line's total is shown, its
 *   hidden members must be at least two and add up to more than `threshold + hidden + 1`, so each
 *   lies somewhere in a range wider than the threshold; the smallest shown non-zero members are
 *   hidden until they do ("[c] (secondary)"). Where that cannot be done, every member of the line
 *   is hidden, zeros too, and so is its total. Where a line's total is hidden, every member is.
 * - Bounds (members add up to no more than the total: a missing fact is missing in no more cases
 *   than were assessed): where a hidden member's room under a shown total is no wider than the
 *   threshold, the total is hidden too (a caseload of a handful of cases shows no count of cases);
 *   where the total is hidden, so are its members.
 *
 * The test suite's audit (tests/report/disclosure-audit.test.ts) solves, with a linear-programming
 * solver, for the range of every hidden figure from every shown figure and every line, and checks
 * it is wider than the threshold.
 */

/** A count as shown: the number, or `null` where it is suppressed. */
export type ShownCount = number | null;

/** Why a figure is hidden: below the threshold, or to protect another hidden figure. */
export type HiddenMark = "primary" | "secondary";

/** One figure the report may publish. */
export interface Figure {
  readonly id: string;
  readonly value: number;
  /**
   * Not hidden for being small: a count of input rows (read, valid, invalid) says nothing about
   * any person's case. It is still hidden where it would let another count be worked out.
   */
  readonly notPrimary?: boolean;
}

/** The members of a line add up to its total. */
export interface Line {
  readonly total: string;
  readonly members: readonly string[];
}

/** The outcome of disclosure control: the figures hidden and why. */
export interface Disclosure {
  readonly threshold: number;
  readonly hidden: ReadonlyMap<string, HiddenMark>;
}

/**
 * Chooses which figures to hide. `threshold` of 0 or 1 hides nothing (internal use only).
 */
export function controlDisclosure(
  figures: readonly Figure[],
  lines: readonly Line[],
  threshold: number,
  bounds: readonly Line[] = [],
): Disclosure {
  const value = new Map(figures.map((f) => [f.id, f.value]));
  const hidden = new Map<string, HiddenMark>();
  if (threshold <= 1) return { threshold, hidden };
  for (const f of figures)
    if (!f.notPrimary && f.value > 0 && f.value < threshold) hidden.set(f.id, "primary");
  const hide = (id: string) => {
    if (!hidden.has(id)) hidden.set(id, "secondary");
  };
  const v = (id: string) => value.get(id) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const before = hidden.size;
      if (hidden.has(line.total)) {
        for (const m of line.members) hide(m);
      } else {
        const isSafe = () => {
          const h = line.members.filter((m) => hidden.has(m));
          if (h.length === 0) return true;
          const sum = h.reduce((n, m) => n + v(m), 0);
          return h.length >= 2 && sum >= threshold + h.length + 1;
        };
        while (!isSafe()) {
          const candidates = line.members
            .filter((m) => !hidden.has(m) && v(m) > 0)
            .sort((a, b) => v(a) - v(b) || (a < b ? -1 : 1));
          const next = candidates[0];
          if (next === undefined) {
            for (const m of line.members) hide(m);
            hide(line.total);
            break;
          }
          hide(next);
        }
      }
      if (hidden.size !== before) changed = true;
    }
    // A bound (members add up to no more than its total): a hidden member lies between 0 and the
    // total less the members shown; where that is no wider than the threshold, the total is hidden.
    for (const bound of bounds) {
      if (hidden.has(bound.total)) {
        // A member shown would set a floor under the hidden total: hidden with it.
        for (const m of bound.members)
          if (!hidden.has(m)) {
            hide(m);
            changed = true;
          }
        continue;
      }
      if (!bound.members.some((m) => hidden.has(m))) continue;
      const room = v(bound.total) - bound.members.filter((m) => !hidden.has(m)).reduce((n, m) => n + v(m), 0);
      if (room <= threshold) {
        hide(bound.total);
        changed = true;
      }
    }
  }
  return { threshold, hidden };
}
