// What a notification duty is, as a type: its own module, so the rules for England and Wales
// (notification-deadlines), Northern Ireland and interim replacements share it without an import circle.
import type { Citation } from "../law/citation.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * The notification duty an order puts on the person it binds.
 *
 * @example
 * ```ts
 * import { notificationDuty, type NotificationDuty } from "protective-orders";
 * const duty: NotificationDuty = notificationDuty({
 *   kind: "nmo",
 *   appliedForBy: { role: "person-to-be-protected" },
 *   protectedPersons: ["v"],
 *   prohibitions: [{ text: "Not to contact V." }],
 * });
 * duty.applies; // false: an NMO carries no notification duty
 * ```
 */
export type NotificationDuty =
  | {
      readonly applies: true;
      /** The last day to notify names and home address. */
      readonly notifyBy: IsoDate;
      readonly what: string;
      readonly changes: string;
      readonly citations: readonly Citation[];
      /** What the law digest could not confirm (Northern Ireland: the failure-to-notify offence). */
      readonly note?: string;
      readonly unverified?: boolean;
    }
  | { readonly applies: false; readonly reason: string; readonly citations: readonly Citation[] }
  | {
      readonly applies: "unknown";
      readonly reason: string;
      /**
       * The deadline if the duty applies, when only whether it applies is unknown (for example,
       * sex-offender status not recorded); `condition` says what it depends on.
       */
      readonly notifyBy?: IsoDate;
      readonly condition?: string;
      /** The question whose answer settles it, where one fact decides (e.g. whether the SPO replaces an interim SPO). */
      readonly question?: string;
      /** The answer in each case, where a fact not recorded decides between them. */
      readonly cases?: readonly NotificationCase[];
      readonly citations: readonly Citation[];
    };

/**
 * One case of a notification duty that turns on a fact not recorded: when it holds, whether the duty
 * applies and by when.
 *
 * @example
 * ```ts
 * import type { NotificationCase } from "protective-orders";
 * const c: NotificationCase = { when: "the SPO does not replace an interim SPO", applies: true, notifyBy: "2025-03-01" };
 * ```
 */
export interface NotificationCase {
  readonly when: string;
  readonly applies: boolean;
  readonly notifyBy?: IsoDate;
}
