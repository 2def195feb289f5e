import pilot from "../law/domestic-abuse-act-2021/pilot-areas.json";
import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

interface PilotArea {
  readonly force: string;
  readonly localAuthorities?: readonly string[];
  readonly from: string;
  readonly uncertainFrom?: string;
  readonly to: string;
}

const AREAS: readonly PilotArea[] = pilot.areas;
const FIRST_DAY = AREAS.map((a) => a.from).sort()[0] ?? "9999-12-31";

function normaliseAuthority(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(the )?london borough of /, "")
    .trim();
}

/**
 * DAA 2021 Part 3 (DAPNs and DAPOs) is in force in the case's area on `asOf`, per the pilot
 * table in `law/domestic-abuse-act-2021/pilot-areas.json`. Unknown after the last day the law
 * digest has data for (31 March 2026), where the area or borough is not recorded but matters,
 * and in Cleveland's unsettled days.
 *
 * @example
 * ```ts
 * import { domesticAbuseProtectionPilotInForce } from "protective-orders/rule-authoring";
 * domesticAbuseProtectionPilotInForce({ id: "c", policeForceArea: "cleveland" }, "2025-06-01"); // true
 * domesticAbuseProtectionPilotInForce({ id: "c", policeForceArea: "kent" }, "2025-06-01"); // false
 * domesticAbuseProtectionPilotInForce({ id: "c", policeForceArea: "kent" }, "2026-06-01"); // undefined
 * ```
 */
export function domesticAbuseProtectionPilotInForce(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  if (asOf > pilot.noDataAfter) return undefined;
  if (asOf < FIRST_DAY) return false;
  const force = facts.policeForceArea;
  const running = AREAS.filter((a) => (a.uncertainFrom ?? a.from) <= asOf && asOf <= a.to);
  if (force === undefined) return running.length > 0 ? undefined : false;
  const area = running.find((a) => a.force === force);
  if (!area) return false;
  if (area.uncertainFrom !== undefined && asOf < area.from) return undefined;
  if (area.localAuthorities) {
    if (facts.localAuthority === undefined) return undefined;
    return area.localAuthorities.includes(normaliseAuthority(facts.localAuthority));
  }
  return true;
}
