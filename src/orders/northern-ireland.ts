import { addDaysToDate, addYearsToDate } from "../dates/calendar.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import type { Suspect } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import type { Order } from "../model/order.js";
import { replacementUnknown } from "./interim-replacement.js";
import type { NotificationDuty } from "./notification-duty.js";

// Orders in practice under the Protection from Stalking Act (Northern Ireland) 2022: validity,
// dates and notification. The points the law digest marks UNVERIFIED (maximum duration, early
// discharge, interim duration, appeals) are said to be unverified, never guessed.

/**
 * A Northern Ireland stalking protection order or interim order.
 *
 * @example
 * ```ts
 * import type { NorthernIrelandOrder } from "protective-orders";
 * const order: NorthernIrelandOrder = {
 *   kind: "ni-spo",
 *   appliedForBy: { role: "chief-constable", force: "psni" },
 *   protectedPersons: ["v"],
 *   madeOn: "2024-03-01",
 *   prohibitions: [{ text: "Not to contact V by any means." }],
 * };
 * ```
 */
export type NorthernIrelandOrder = Extract<Order, { kind: "ni-spo" | "ni-interim-spo" }>;

/**
 * Whether an order is a Northern Ireland SPO or interim SPO.
 *
 * @example
 * ```ts
 * import { isNorthernIrelandOrder } from "protective-orders";
 * isNorthernIrelandOrder({ kind: "ni-spo", appliedForBy: { role: "chief-constable" }, protectedPersons: ["v"], prohibitions: [] }); // true
 * ```
 */
export function isNorthernIrelandOrder(order: Order): order is NorthernIrelandOrder {
  return order.kind === "ni-spo" || order.kind === "ni-interim-spo";
}

interface Issue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly citations: readonly Citation[];
  readonly unverified?: true;
  readonly confidence?: "V2" | "INF" | "UNVERIFIED";
}

const TIME_BOUND_CATEGORIES = /exclusion|curfew|programme|sign|assessment|attend|zone|treatment/i;

/**
 * The Northern Ireland checks of {@link validateOrder}: a fixed term under the 2-year minimum
 * (s.9, from secondary sources); the maximum duration and an interim order's duration, which are
 * UNVERIFIED, as warnings; a missing date made (s.12); requirements that conflict with an
 * existing Northern Ireland SPO's (s.8(5)); terms to check against the suspect's work, education
 * or religion (s.8(4), s.11(4)).
 */
export function northernIrelandOrderIssues(
  order: NorthernIrelandOrder,
  context: { readonly existingOrders?: readonly Order[] | undefined; readonly suspect?: Suspect | undefined },
): { defects: Issue[]; warnings: Issue[] } {
  const defects: Issue[] = [];
  const warnings: Issue[] = [];
  const interim = order.kind === "ni-interim-spo";
  if (order.madeOn === undefined) {
    warnings.push({
      code: "ni-order-date-not-stated",
      path: "madeOn",
      message: "Every SPO and interim SPO must state the date on which it was made: it is not recorded here.",
      citations: [citationFor("pfsa-ni-2022:s12")],
    });
  }
  const duration = order.duration;
  if (!interim && duration?.type === "fixed" && order.madeOn !== undefined) {
    const minimumLastDay = addDaysToDate(addYearsToDate(order.madeOn, 2), -1);
    if (duration.endsOn < minimumLastDay) {
      defects.push({
        code: "ni-spo-term-under-two-years",
        path: "duration.endsOn",
        message: `A Northern Ireland SPO lasts at least 2 years (s.9, as the Department of Justice describes it; the s.9 text was not seen, so this is flagged): here, to ${minimumLastDay} at the earliest.`,
        citations: [citationFor("pfsa-ni-2022:s9")],
        // Sourced from a Department of Justice announcement ([V2], digest Part A.4, §14).
        unverified: true,
        confidence: "V2",
      });
    }
  }
  if (!interim && duration !== undefined) {
    warnings.push({
      code: "ni-spo-maximum-duration-unverified",
      path: "duration",
      message:
        "Whether a Northern Ireland SPO has a maximum duration, and whether it may be made until further order, is unverified: NI Direct says two to five years, a solicitors' article two to three, and the s.9 text was not seen. Check s.9 before relying on this duration.",
      citations: [citationFor("pfsa-ni-2022:s9-maximum")],
    });
  }
  if (interim && duration !== undefined) {
    warnings.push({
      code: "ni-interim-spo-duration-unverified",
      path: "duration",
      message:
        "How long an interim SPO lasts under s.11 is unverified (the law digest does not have it): check s.11 before relying on this duration.",
      citations: [citationFor("pfsa-ni-2022:s11-duration")],
    });
  }
  // s.8(5): no term incompatible with another SPO the defendant is already subject to. Two
  // prohibitions can both be obeyed; two requirements of the same kind worded differently cannot.
  const citations = [citationFor("pfsa-ni-2022:s8(5)")];
  for (const earlier of context.existingOrders ?? []) {
    const sameAct = earlier.kind === "ni-spo" || earlier.kind === "ni-interim-spo";
    const englandAndWales = earlier.kind === "spo" || earlier.kind === "interim-spo";
    if (!sameAct && !englandAndWales) continue;
    const earlierRequirements = "requirements" in earlier ? (earlier.requirements ?? []) : [];
    (order.requirements ?? []).forEach((term, i) => {
      const clash = earlierRequirements.find(
        (t) => t.category !== undefined && t.category === term.category && t.text !== term.text,
      );
      if (!clash) return;
      const issue = {
        path: `requirements.${i}`,
        citations,
      };
      if (sameAct)
        defects.push({
          code: "incompatible-with-existing-spo",
          message: `This requirement and one in the existing SPO both govern "${term.category}" with different demands: no term may be incompatible with another SPO the defendant is subject to (s.8(5)).`,
          ...issue,
        });
      else
        warnings.push({
          code: "check-compatibility-with-england-and-wales-spo",
          message: `This requirement and one in an England and Wales SPO both govern "${term.category}" with different demands. Whether s.8(5) reaches an order under the Stalking Protection Act 2019 is not in the law digest: align them.`,
          ...issue,
        });
    });
  }
  const suspect = context.suspect;
  if (suspect) {
    const interests = (["work", "education", "religion"] as const).filter(
      (k) => suspect[k] !== undefined && suspect[k] !== "",
    );
    const terms = [
      ...order.prohibitions.map((t, i) => ({ t, path: `prohibitions.${i}` })),
      ...(order.requirements ?? []).map((t, i) => ({ t, path: `requirements.${i}` })),
    ];
    for (const { t, path } of terms) {
      if (interests.length > 0 && TIME_BOUND_CATEGORIES.test(`${t.category ?? ""} ${t.text}`)) {
        warnings.push({
          code: "possible-conflict-with-work-education-or-religion",
          path,
          message: `Check this term against the suspect's ${interests.join(", ")}: so far as practicable, terms must avoid conflict with religious beliefs and interference with the times the suspect normally works or attends an educational establishment.`,
          citations: [citationFor(interim ? "pfsa-ni-2022:s11(4)" : "pfsa-ni-2022:s8(4)")],
        });
      }
    }
  }
  return { defects, warnings };
}

/**
 * The dates of a Northern Ireland order, for {@link orderDates}: the last day from its stated
 * duration; the 2-year minimum (s.9); and, marked unverified, the maximum duration, early
 * discharge (s.10), an interim order's duration (s.11) and appeals, which the law digest does
 * not have.
 */
export function northernIrelandOrderDates(
  order: NorthernIrelandOrder,
  renewalNoticeDays: number,
): {
  lastDay: IsoDate | null;
  ends: string;
  applyToRenewBy: IsoDate | null;
  notes: string[];
  citations: Citation[];
  unverified: boolean;
} {
  const duration = order.duration;
  let lastDay: IsoDate | null = null;
  let ends = "The order has no recorded end.";
  if (duration?.type === "fixed") {
    lastDay = duration.endsOn;
    ends = `Fixed term ending on ${duration.endsOn}.`;
  } else if (duration?.type === "until-further-order") {
    ends =
      "Until further order: it ends only when varied or discharged (whether s.9 allows this is unverified).";
  } else if (duration?.type === "until-event") {
    ends = `Until an event: ${duration.event}.`;
  }
  const notes: string[] = [];
  const citations: Citation[] = [];
  if (order.kind === "ni-interim-spo") {
    citations.push(citationFor("pfsa-ni-2022:s11"), citationFor("pfsa-ni-2022:s11-duration"));
    notes.push(
      "How long an interim SPO lasts, and whether it ends when the main application is determined, is UNVERIFIED (s.11 as the law digest has it does not say): no end is inferred.",
    );
  } else {
    citations.push(
      citationFor("pfsa-ni-2022:s9"),
      citationFor("pfsa-ni-2022:s9-maximum"),
      citationFor("pfsa-ni-2022:s10"),
      citationFor("pfsa-ni-2022:s10-early-discharge"),
    );
    notes.push(
      "At least 2 years (s.9, per the Department of Justice); any maximum is UNVERIFIED (sources say five years, or three).",
      "The Chief Constable or the defendant may apply to vary, renew or discharge it (s.10); whether it may be discharged within 2 years without both consenting is UNVERIFIED.",
    );
  }
  citations.push(citationFor("pfsa-ni-2022:appeals"));
  notes.push(
    "Appeals against the order: the provision and the court are UNVERIFIED (not in the law digest).",
  );
  return {
    lastDay,
    ends,
    applyToRenewBy:
      lastDay === null || order.kind === "ni-interim-spo" ? null : addDaysToDate(lastDay, -renewalNoticeDays),
    notes,
    citations,
    unverified: true,
  };
}

/**
 * Who is already on a register that exempts them from the Northern Ireland notification duty
 * (2022 Act s.14(5)).
 *
 * @example
 * ```ts
 * import type { NorthernIrelandNotificationStatus } from "protective-orders";
 * const none: NorthernIrelandNotificationStatus = {
 *   subjectToSexOffenderNotification: false,
 *   subjectToViolentOffenderNotification: false,
 *   subjectToTraffickingNotification: false,
 * };
 * ```
 */
export interface NorthernIrelandNotificationStatus {
  /** Part 2 of the Sexual Offences Act 2003. */
  readonly subjectToSexOffenderNotification?: boolean | undefined;
  /** Part 8 of the Justice Act (Northern Ireland) 2015 (violent offenders). */
  readonly subjectToViolentOffenderNotification?: boolean | undefined;
  /** Schedule 3 to the Human Trafficking and Exploitation (Criminal Justice and Support) Act (NI) 2015. */
  readonly subjectToTraffickingNotification?: boolean | undefined;
  /** The SPO replaces an interim SPO (the duty ran from the interim order, s.14(1)–(2)). */
  readonly replacesInterimSpo?: boolean | undefined;
}

const REGISTERS = [
  ["subjectToSexOffenderNotification", "Part 2 of the Sexual Offences Act 2003"],
  ["subjectToViolentOffenderNotification", "Part 8 of the Justice Act (Northern Ireland) 2015"],
  [
    "subjectToTraffickingNotification",
    "Schedule 3 to the Human Trafficking and Exploitation (Criminal Justice and Support) Act (Northern Ireland) 2015",
  ],
] as const;

/**
 * The Northern Ireland notification duty, for {@link notificationDuty}: 2022 Act s.14. Within
 * the period of 3 days beginning with the date the order comes into force (so that day is day 1),
 * each name used and the home address, and any prescribed information; not for an SPO replacing
 * an interim SPO; not for a person already subject to notification under any of the three
 * registers of s.14(5). The offence of failing to notify, and how notice is given, are unverified.
 */
export function northernIrelandNotificationDuty(
  order: NorthernIrelandOrder,
  person: NorthernIrelandNotificationStatus,
):
  | {
      applies: true;
      notifyBy: IsoDate;
      what: string;
      changes: string;
      citations: Citation[];
      note: string;
      unverified: boolean;
    }
  | { applies: false; reason: string; citations: Citation[] }
  | NotificationDuty {
  const citations = [
    citationFor("pfsa-ni-2022:s14(1)-(2)"),
    citationFor("pfsa-ni-2022:s14(5)"),
    citationFor("pfsa-ni-2022:s14-offence"),
  ];
  const on = REGISTERS.filter(([key]) => person[key] === true);
  if (on.length > 0) {
    return {
      applies: false,
      reason: `Already subject to notification under ${on.map(([, name]) => name).join("; ")}: the s.14 duties do not apply (s.14(5)).`,
      citations,
    };
  }
  if (order.kind === "ni-spo" && person.replacesInterimSpo === true) {
    return {
      applies: false,
      reason:
        "An SPO that replaces an interim SPO: s.14 applies to the interim order, not to the SPO replacing it.",
      citations,
    };
  }
  if (order.comesIntoForceOn === undefined) {
    return {
      applies: "unknown",
      reason:
        "The day the order came into force is not recorded: the 3 days run from it (s.14(1)), not from service. Whether an order comes into force when made or when served is not in the law digest.",
      citations,
    };
  }
  const unknown = REGISTERS.filter(([key]) => person[key] === undefined);
  if (order.kind === "ni-spo" && person.replacesInterimSpo === undefined) {
    return replacementUnknown(
      addDaysToDate(order.comesIntoForceOn, 2),
      "the day the order came into force",
      unknown.length > 0
        ? `unless subject to notification under ${unknown.map(([, name]) => name).join("; ")} (s.14(5))`
        : undefined,
      citations,
    );
  }
  if (unknown.length > 0) {
    const names = unknown.map(([, name]) => name).join("; ");
    const notifyBy = addDaysToDate(order.comesIntoForceOn, 2);
    return {
      applies: "unknown",
      reason: `Whether the person is already subject to notification under ${names} is not recorded (s.14(5)).`,
      notifyBy,
      condition: `by ${notifyBy}, unless subject to notification under ${names} (s.14(5))`,
      citations,
    };
  }
  return {
    applies: true,
    notifyBy: addDaysToDate(order.comesIntoForceOn, 2),
    what: "each name used and the home address, and any other information prescribed by Department of Justice regulations (s.14(1)–(2))",
    changes: "a new name, or a change of home address, within 3 days (s.14(3)–(4))",
    citations: [...citations.slice(0, 2), citationFor("pfsa-ni-2022:s14(3)-(4)"), citations[2]!],
    note: "The offence of failing to notify, and how notification is given, are UNVERIFIED (not in the law digest).",
    unverified: true,
  };
}
