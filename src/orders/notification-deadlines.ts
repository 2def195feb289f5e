import { addDaysToDate } from "../dates/calendar.js";
import { citationFor } from "../law/citations.js";
import { CaseFactsError } from "../model/errors.js";
import type { Order } from "../model/order.js";
import { BOOLEAN_OPTION, parseOrder, readOptions, underPath } from "../model/parse-arguments.js";
import type { InputProblem, ParseResult } from "../model/parse-case-facts.js";
import type { OrderInput } from "../model/readonly-input.js";
import { replacementUnknown } from "./interim-replacement.js";
import {
  isNorthernIrelandOrder,
  type NorthernIrelandNotificationStatus,
  northernIrelandNotificationDuty,
} from "./northern-ireland.js";
import type { NotificationDuty } from "./notification-duty.js";

export type { NotificationCase, NotificationDuty } from "./notification-duty.js";

/**
 * The initial notification deadline. SPA 2019 s.9: names and home address within the period of
 * 3 days beginning with the day of service (so the day of service is day 1), not for someone
 * under sex-offender notification, and not for a full SPO replacing an interim one. DAA 2021 s.41
 * (DAPOs): within 3 days counted from the day the order is made, not for someone under
 * sex-offender notification or SPA s.9 duties. Northern Ireland SPOs (2022 Act s.14): within 3 days
 * beginning with the day the order comes into force (`comesIntoForceOn`), not for someone on the
 * sex-offender, violent-offender or trafficking registers of s.14(5). Other orders carry no
 * notification duty. When the
 * date is known but whether the person is exempt is not recorded, the answer is still "unknown",
 * with the deadline and its condition ("by 2025-03-12, unless subject to sex-offender notification").
 * Validates its input like `assess`: throws {@link CaseFactsError} listing every problem by path
 * (never a value); {@link safeNotificationDuty} returns them instead.
 *
 * @example
 * ```ts
 * import { notificationDuty } from "protective-orders";
 * const duty = notificationDuty(
 *   { kind: "spo", appliedForBy: { role: "chief-officer" }, protectedPersons: ["v"], servedOn: "2025-02-27", prohibitions: [{ text: "No contact." }] },
 *   { subjectToSexOffenderNotification: false },
 * );
 * duty.applies === true && duty.notifyBy; // "2025-03-01"
 * ```
 */
export function notificationDuty(
  order: OrderInput,
  person: {
    readonly subjectToSexOffenderNotification?: boolean | undefined;
    readonly replacesInterimSpo?: boolean | undefined;
    readonly subjectToSpoNotification?: boolean | undefined;
  } & NorthernIrelandNotificationStatus = {},
): NotificationDuty {
  const result = safeNotificationDuty(order, person);
  if (!result.success) throw new CaseFactsError(result.problems, "input");
  return result.data;
}

const PERSON_FIELDS = {
  subjectToSexOffenderNotification: BOOLEAN_OPTION,
  replacesInterimSpo: BOOLEAN_OPTION,
  subjectToSpoNotification: BOOLEAN_OPTION,
  subjectToViolentOffenderNotification: BOOLEAN_OPTION,
  subjectToTraffickingNotification: BOOLEAN_OPTION,
};

/**
 * Like {@link notificationDuty}, but never throws: returns the duty, or every problem by path (the
 * order's under `order`, the person's under `person`).
 *
 * @example
 * ```ts
 * import { safeNotificationDuty } from "protective-orders";
 * const result = safeNotificationDuty({ kind: "spo", servedOn: "2025-02-27" }, { subjectToSexOffenderNotification: "no" });
 * result.success === false && result.problems.map((p) => p.path).includes("person.subjectToSexOffenderNotification"); // true
 * ```
 */
export function safeNotificationDuty(order: unknown, person?: unknown): ParseResult<NotificationDuty> {
  const problems: InputProblem[] = [];
  const parsed = parseOrder(order);
  if (!parsed.success) problems.push(...underPath(parsed.problems, "order"));
  const read = readOptions(person, PERSON_FIELDS, problems, "person");
  if (!parsed.success || problems.length > 0) return { success: false, problems };
  return { success: true, data: dutyOf(parsed.data, read) };
}

function dutyOf(
  order: Order,
  person: {
    readonly subjectToSexOffenderNotification?: boolean | undefined;
    readonly replacesInterimSpo?: boolean | undefined;
    readonly subjectToSpoNotification?: boolean | undefined;
  } & NorthernIrelandNotificationStatus,
): NotificationDuty {
  if (isNorthernIrelandOrder(order)) return northernIrelandNotificationDuty(order, person);
  if (
    order.kind === "spo" ||
    order.kind === "interim-spo" ||
    order.kind === "spo-on-conviction-or-acquittal"
  ) {
    const citations = [citationFor("spa-2019:s9(1)"), citationFor("spa-2019:s9(5)")];
    if (person.subjectToSexOffenderNotification === true) {
      return {
        applies: false,
        reason: "Subject to sex-offender notification: s.9 does not apply while that lasts (s.9(5)–(7)).",
        citations,
      };
    }
    if (order.kind === "spo" && person.replacesInterimSpo === true) {
      return {
        applies: false,
        reason: "A full SPO replacing an interim SPO: the duty ran from service of the interim order.",
        citations,
      };
    }
    if (order.servedOn === undefined)
      return { applies: "unknown", reason: "The day of service is not recorded.", citations };
    if (order.kind === "spo" && person.replacesInterimSpo === undefined) {
      return replacementUnknown(
        addDaysToDate(order.servedOn, 2),
        "the day of service",
        person.subjectToSexOffenderNotification === undefined
          ? "unless subject to sex-offender notification (s.9(5))"
          : undefined,
        citations,
      );
    }
    if (person.subjectToSexOffenderNotification === undefined) {
      const notifyBy = addDaysToDate(order.servedOn, 2);
      const condition = "unless subject to sex-offender notification (s.9(5))";
      return {
        applies: "unknown",
        reason: `Notify by ${notifyBy}, ${condition}: whether the person is subject to sex-offender notification is not recorded.`,
        notifyBy,
        condition,
        citations,
      };
    }
    return {
      applies: true,
      notifyBy: addDaysToDate(order.servedOn, 2),
      what: "each name used and the home address, in person at a police station in the local police area (s.10)",
      changes: "a new name or a change of home address within 3 days of the change (s.9(3)–(4))",
      citations,
    };
  }
  if (order.kind === "dapo" || order.kind === "dapo-in-criminal-proceedings") {
    const citations = [citationFor("daa-2021:s41")];
    if (person.subjectToSexOffenderNotification === true || person.subjectToSpoNotification === true) {
      return {
        applies: false,
        reason: "Already under sex-offender or SPA s.9 notification duties (s.41).",
        citations,
      };
    }
    if (order.madeOn === undefined)
      return { applies: "unknown", reason: "The day the order was made is not recorded.", citations };
    if (
      person.subjectToSexOffenderNotification === undefined ||
      person.subjectToSpoNotification === undefined
    ) {
      const notifyBy = addDaysToDate(order.madeOn, 2);
      const condition = "unless already under sex-offender or SPA s.9 notification duties (s.41)";
      return {
        applies: "unknown",
        reason: `Notify by ${notifyBy}, ${condition}: whether the person is under those duties is not recorded.`,
        notifyBy,
        condition,
        citations,
      };
    }
    return {
      applies: true,
      notifyBy: addDaysToDate(order.madeOn, 2),
      what: "names and home address",
      changes: "changes within 3 days, including ceasing to have a home address",
      citations,
    };
  }
  return { applies: false, reason: "This order carries no notification duty.", citations: [] };
}
