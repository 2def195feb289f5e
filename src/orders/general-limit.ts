import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import table from "../law/sentencing-act-2020/general-limit.json";
import type { IsoDate } from "../model/iso-date.js";

/**
 * The summary maximum for an either-way offence, and why. `months` is `null` when the answer turns
 * on a date that was not given (the offence date, for a conviction while the general limit is 12
 * months): the reason then states both figures and the condition.
 *
 * @example
 * ```ts
 * import { generalLimitFor, type SummaryMaximum } from "protective-orders";
 * const max: SummaryMaximum = generalLimitFor({ convictedOn: "2025-01-10", offenceOn: "2024-12-01" });
 * `${max.months} months: ${max.reason}`;
 * ```
 */
export interface SummaryMaximum {
  readonly months: number | null;
  readonly reason: string;
  readonly citations: readonly Citation[];
  /** True when the figure rests on wording the law digest marks unverified. */
  readonly unverified: boolean;
}

/**
 * The magistrates' "general limit" for one either-way offence, in months. An offence committed
 * before 2 May 2022 has 6 months whenever it is convicted (CJA 2003 s.282(4), the saving in SPA
 * 2019 s.8(3) and DAA 2021 s.39(5)). For an offence committed on or after that day, the conviction
 * date decides (Sentencing Act 2020 Sch 23 para 14A(2)): 12 months for a conviction from 2 May 2022
 * to 29 March 2023, 6 to 17 November 2024, 12 from 18 November 2024. Without the offence date, a
 * conviction in a 12-month period gives `months: null` and says "12 months if the offence was
 * committed on or after 2 May 2022, otherwise 6". `offenceDateCutoff` is accepted for
 * compatibility and no longer changes the answer: the offence-date rule applies to every
 * either-way offence (law digest §13).
 *
 * @example
 * ```ts
 * import { generalLimitFor } from "protective-orders";
 * generalLimitFor({ convictedOn: "2025-01-10", offenceOn: "2024-12-01" }).months; // 12
 * generalLimitFor({ convictedOn: "2023-06-01" }).months; // 6
 * generalLimitFor({ convictedOn: "2022-06-01", offenceOn: "2022-04-01" }).months; // 6
 * generalLimitFor({ convictedOn: "2025-01-10" }).months; // null (turns on the offence date)
 * ```
 */
export function generalLimitFor(input: {
  readonly convictedOn: IsoDate;
  readonly offenceOn?: IsoDate | undefined;
  readonly offenceDateCutoff?: boolean | undefined;
}): SummaryMaximum {
  const cutoff = table.offenceDateCutoff;
  const offenceRule = citationFor(table.offenceDateCitation);
  if ((input.offenceOn !== undefined && input.offenceOn < cutoff) || input.convictedOn < cutoff) {
    return {
      months: 6,
      reason: `The offence was committed before ${cutoff}: the rise to 12 months does not apply to it (CJA 2003 s.282(4); the offence's own saving says the same where it has one), so the summary maximum is 6 months whenever the conviction.`,
      citations: [offenceRule, citationFor("sa-2020:s224")],
      unverified: false,
    };
  }
  const period = table.periods.find(
    (p) => (p.from === null || p.from <= input.convictedOn) && (p.to === null || input.convictedOn <= p.to),
  );
  const months = period?.months ?? 6;
  const citations = [
    citationFor(period?.citation ?? "sa-2020:s224"),
    citationFor("jrca-2022:s13"),
    offenceRule,
  ];
  if (months === 12 && input.offenceOn === undefined) {
    return {
      months: null,
      reason: `For a conviction on ${input.convictedOn}: 12 months if the offence was committed on or after ${cutoff}, 6 months if before (CJA 2003 s.282(4)). The offence date was not given.`,
      citations,
      unverified: false,
    };
  }
  return {
    months,
    reason: `The general limit for a conviction on ${input.convictedOn} is ${months} months (the offence was committed on or after ${cutoff}; from then the conviction date decides).`,
    citations,
    unverified: false,
  };
}
