import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/registry.js";
import table from "../law/sentencing-act-2020/general-limit.json";
import type { IsoDate } from "../model/iso-date.js";

/**
 * The summary maximum for an either-way offence, and why.
 *
 * @example
 * ```ts
 * import { generalLimitFor, type SummaryMaximum } from "protective-orders";
 * const max: SummaryMaximum = generalLimitFor({ convictedOn: "2025-01-10" });
 * `${max.months} months: ${max.reason}`;
 * ```
 */
export interface SummaryMaximum {
  readonly months: number;
  readonly reason: string;
  readonly citations: readonly Citation[];
}

/**
 * The magistrates' "general limit" for one either-way offence, in months, for a conviction on
 * `convictedOn`: 6 before 2 May 2022; 12 to 29 March 2023; 6 to 17 November 2024; 12 from
 * 18 November 2024 (law digest §12.5; a change applies to convictions from its first day).
 * Where the offence's own statute reads the maximum as 6 months for offences committed before
 * 2 May 2022 (SPA 2019 s.8(3), DAA 2021 s.39(5)), pass `offenceDateCutoff: true` and the
 * offence date: that cut-off runs by offence date.
 *
 * @example
 * ```ts
 * import { generalLimitFor } from "protective-orders";
 * generalLimitFor({ convictedOn: "2025-01-10" }).months; // 12
 * generalLimitFor({ convictedOn: "2023-06-01" }).months; // 6
 * generalLimitFor({ convictedOn: "2025-01-10", offenceOn: "2022-04-30", offenceDateCutoff: true }).months; // 6
 * ```
 */
export function generalLimitFor(input: {
  readonly convictedOn: IsoDate;
  readonly offenceOn?: IsoDate | undefined;
  readonly offenceDateCutoff?: boolean | undefined;
}): SummaryMaximum {
  if (input.offenceDateCutoff && input.offenceOn !== undefined && input.offenceOn < table.offenceDateCutoff) {
    return {
      months: 6,
      reason: `The offence was committed before ${table.offenceDateCutoff}: the offence's own statute reads the summary maximum as 6 months.`,
      citations: [citationFor("sa-2020:s224")],
    };
  }
  const period = table.periods.find(
    (p) => (p.from === null || p.from <= input.convictedOn) && (p.to === null || input.convictedOn <= p.to),
  );
  const months = period?.months ?? 6;
  return {
    months,
    reason: `The general limit for a conviction on ${input.convictedOn} is ${months} months (it turns on the conviction date).`,
    citations: [citationFor(period?.citation ?? "sa-2020:s224"), citationFor("jrca-2022:s13")],
  };
}
