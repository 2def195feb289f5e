import type { Citation } from "../law/citation.js";
import type { IsoDate } from "../model/iso-date.js";
import type { NotificationDuty } from "./notification-duty.js";

/**
 * SPA 2019 s.9(1)–(2) and NI 2022 Act s.14(1)–(2): the initial duty does not apply to a full SPO
 * that replaces an interim one (the duty ran from the interim order). Where that is not recorded,
 * the answer is not "no" (digest §14): it gives the deadline in each case and asks. Internal.
 */
export function replacementUnknown(
  notifyBy: IsoDate,
  startsFrom: string,
  otherCondition: string | undefined,
  citations: Citation[],
): NotificationDuty {
  const question = "Does this SPO replace an interim SPO made in the same proceedings?";
  const condition = `unless this SPO replaces an interim SPO${otherCondition === undefined ? "" : `, and ${otherCondition}`}`;
  return {
    applies: "unknown",
    reason: `Whether this SPO replaces an interim SPO is not recorded. If it does not, notify by ${notifyBy} (3 days beginning with ${startsFrom})${otherCondition === undefined ? "" : `, ${otherCondition}`}. If it does, no new initial notification is due: the duty ran from the interim SPO.`,
    notifyBy,
    condition,
    question,
    cases: [
      { when: "the SPO does not replace an interim SPO", applies: true, notifyBy },
      { when: "the SPO replaces an interim SPO", applies: false },
    ],
    citations,
  };
}
