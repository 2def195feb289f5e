/**
 * Disclosure control for the caseload report, as official statistics do it: a count from 1 up to
 * `below - 1` in any breakdown could point at a few identifiable people, so it is not shown.
 *
 * Primary suppression hides each such count. Secondary suppression: where one count in a row of a
 * breakdown is hidden and the row has others, the smallest other non-zero count is hidden too, so the
 * hidden one cannot be worked out by subtraction from the row's total. Zeros are shown: a true zero
 * identifies nobody. Headline totals (rows read, valid, invalid) are not a breakdown and are shown.
 */

/** A count as shown: the number, or `null` where it is suppressed. */
export type ShownCount = number | null;

/**
 * Applies primary and secondary suppression to one row of counts.
 */
export function suppressRow(counts: readonly number[], below: number): ShownCount[] {
  if (below <= 1) return [...counts];
  const shown: ShownCount[] = counts.map((n) => (n > 0 && n < below ? null : n));
  const hidden = shown.filter((n) => n === null).length;
  if (hidden === 1 && counts.length > 1) {
    let smallest = -1;
    shown.forEach((n, i) => {
      if (n !== null && n > 0 && (smallest < 0 || n < (shown[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) shown[smallest] = null;
  }
  return shown;
}

/**
 * Applies suppression to a single count that stands alone (a list of categories where each row is
 * one count): no secondary suppression is possible within a one-cell row.
 */
export function suppressCount(count: number, below: number): ShownCount {
  return below > 1 && count > 0 && count < below ? null : count;
}
