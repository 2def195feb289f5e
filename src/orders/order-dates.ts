import * as z from "zod";
import { addDaysToDate, addYearsToDate } from "../dates/calendar.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import { CaseFactsError } from "../model/errors.js";
import type { IsoDate } from "../model/iso-date.js";
import type { Order } from "../model/order.js";
import { parseOrder, readOptions, underPath } from "../model/parse-arguments.js";
import type { InputProblem, ParseResult } from "../model/parse-case-facts.js";
import type { OrderInput } from "../model/readonly-input.js";
import { isNorthernIrelandOrder, northernIrelandOrderDates } from "./northern-ireland.js";

/**
 * An order's key dates.
 *
 * @example
 * ```ts
 * import { orderDates, type OrderDates } from "protective-orders";
 * const dates: OrderDates = orderDates({
 *   kind: "spo",
 *   appliedForBy: { role: "chief-officer" },
 *   protectedPersons: ["v"],
 *   madeOn: "2025-01-10",
 *   duration: { type: "fixed", endsOn: "2027-01-10" },
 *   prohibitions: [{ text: "Not to contact V by any means." }],
 * });
 * dates.applyToRenewBy; // "2026-12-13" (28 days before the last day)
 * ```
 */
export interface OrderDates {
  /** The last day the order is in force, if it is known; `null` for an order until further order. */
  readonly lastDay: IsoDate | null;
  /** Why it ends then (or does not end). */
  readonly ends: string;
  /** A suggested day by which to apply to renew (not law: `renewalNoticeDays` before the last day). */
  readonly applyToRenewBy: IsoDate | null;
  readonly notes: readonly string[];
  readonly citations: readonly Citation[];
  /** True when a date or note rests on a point the law digest marks unverified (e.g. SPA s.4 discharge within 2 years; Northern Ireland orders). */
  readonly unverified?: boolean;
}

/**
 * When an order ends, and when to think about renewing it. A fixed-term SPO ends on its stated day
 * (at least 2 years after it was made, s.3); an SPO until further order has no end date; an interim
 * SPO ends at the end of its fixed period or, if sooner, when the main application is determined
 * (s.5(6)). Whether s.4 bars discharging an SPO within 2 years without consent is unverified: the
 * notes say so, with its flagged citation, and no rule either way is applied.
 * `renewalNoticeDays` (default 28) is a working margin, not law: a whole number of days, 0 to 3,650.
 * Validates its input like `assess`: throws {@link CaseFactsError} listing every problem by path
 * (never a value); {@link safeOrderDates} returns them instead.
 *
 * @example
 * ```ts
 * import { orderDates } from "protective-orders";
 * const dates = orderDates({
 *   kind: "interim-spo",
 *   appliedForBy: { role: "chief-officer" },
 *   protectedPersons: ["v"],
 *   madeOn: "2025-01-10",
 *   duration: { type: "fixed", endsOn: "2025-04-10" },
 *   mainApplicationDeterminedOn: "2025-03-01",
 *   prohibitions: [{ text: "No contact." }],
 * });
 * dates.lastDay; // "2025-03-01"
 * ```
 */
export function orderDates(
  order: OrderInput,
  options: { readonly renewalNoticeDays?: number } = {},
): OrderDates {
  const result = safeOrderDates(order, options);
  if (!result.success) throw new CaseFactsError(result.problems, "input");
  return result.data;
}

const ORDER_DATES_OPTIONS = {
  renewalNoticeDays: {
    schema: z.number().int().min(0).max(3650),
    expected: "expected a whole number of days from 0 to 3650",
  },
};

/**
 * Like {@link orderDates}, but never throws: returns the dates, or every problem with the order
 * (paths under `order`) or the options by path.
 *
 * @example
 * ```ts
 * import { safeOrderDates } from "protective-orders";
 * const result = safeOrderDates({ kind: "spo", madeOn: "not-a-date" });
 * result.success; // false
 * ```
 */
export function safeOrderDates(order: unknown, options?: unknown): ParseResult<OrderDates> {
  const problems: InputProblem[] = [];
  const parsed = parseOrder(order);
  if (!parsed.success) problems.push(...underPath(parsed.problems, "order"));
  const read = readOptions(options, ORDER_DATES_OPTIONS, problems);
  if (!parsed.success || problems.length > 0) return { success: false, problems };
  return { success: true, data: datesOf(parsed.data, (read.renewalNoticeDays as number | undefined) ?? 28) };
}

/** {@link orderDates} of a parsed order. Internal: for assessBreaches, which has parsed it. */
export function datesOf(order: Order, notice: number): OrderDates {
  if (isNorthernIrelandOrder(order)) return northernIrelandOrderDates(order, notice);
  const notes: string[] = [];
  const citations: Citation[] = [];
  let lastDay: IsoDate | null = null;
  let ends = "The order has no recorded end.";
  const duration = order.duration;
  if (duration?.type === "fixed") {
    lastDay = duration.endsOn;
    ends = `Fixed term ending on ${duration.endsOn}.`;
  } else if (duration?.type === "until-further-order") {
    ends = "Until further order: it ends only when varied or discharged.";
  } else if (duration?.type === "until-event") {
    ends = `Until an event: ${duration.event}.`;
  }
  if (order.kind === "interim-spo") {
    citations.push(citationFor("spa-2019:s5(6)"));
    if (
      order.mainApplicationDeterminedOn !== undefined &&
      (lastDay === null || order.mainApplicationDeterminedOn < lastDay)
    ) {
      lastDay = order.mainApplicationDeterminedOn;
      ends = `Ended when the main application was determined on ${order.mainApplicationDeterminedOn} (s.5(6)).`;
    } else {
      notes.push(
        "An interim SPO also ends when the main application is determined, if that is sooner (s.5(6)).",
      );
    }
  }
  if (order.kind === "spo") {
    citations.push(
      citationFor("spa-2019:s3"),
      citationFor("spa-2019:s4"),
      citationFor("spa-2019:s4-discharge-within-two-years"),
    );
    notes.push(
      "An SPO may be varied, renewed or discharged under s.4. Whether it may be discharged within 2 years without the consent of the defendant and the chief officer is unverified: check s.4 before relying on either answer.",
    );
    if (
      duration?.type === "fixed" &&
      order.madeOn !== undefined &&
      duration.endsOn < addDaysToDate(addYearsToDate(order.madeOn, 2), -1)
    ) {
      notes.push("The fixed term is shorter than the 2-year minimum (s.3): see validateOrder.");
    }
  }
  return {
    lastDay,
    ends,
    applyToRenewBy: lastDay === null || order.kind === "interim-spo" ? null : addDaysToDate(lastDay, -notice),
    notes,
    citations,
    // A top-level flag whenever anything inside rests on a point the digest marks unverified (§0, §14).
    ...(citations.some((c) => c.unverified) ? { unverified: true } : {}),
  };
}
