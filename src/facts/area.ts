import pilot from "../law/domestic-abuse-act-2021/pilot-areas.json";
import { type LocalTables, normaliseAuthority } from "../law/local-tables.js";
import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import type { FactDefinition } from "./fact-definition.js";

interface PilotArea {
  readonly force: string;
  readonly localAuthorities?: readonly string[];
  readonly from: string;
  readonly uncertainFrom?: string;
  readonly to: string;
}

const AREAS: readonly PilotArea[] = pilot.areas;
const FIRST_DAY = AREAS.map((a) => a.from).sort()[0] ?? "9999-12-31";

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

/** The local pilot area (from a rule pack) a case is in on `asOf`, if any: an entry says only where Part 3 is in force. */
function localPilotAreaFor(
  facts: CaseFacts,
  asOf: IsoDate,
  areas: LocalTables["pilotAreas"],
): LocalTables["pilotAreas"][number] | undefined {
  const force = facts.policeForceArea;
  if (force === undefined) return undefined;
  const area = areas.find((a) => a.force === force && a.from <= asOf && asOf <= a.to);
  if (!area) return undefined;
  if (area.localAuthorities === undefined) return area;
  if (facts.localAuthority === undefined) return undefined;
  return area.localAuthorities.includes(normaliseAuthority(facts.localAuthority)) ? area : undefined;
}

/**
 * The `area.domesticAbuseProtectionPilot` fact of a rule set whose packs supply pilot areas: the bundled table up
 * to its last day of data, then the packs' areas. A case in one of them is in the pilot, and the fact carries the
 * pack's citation (`local: true`) as its caveat, so every output that used it shows it rests on local data; any
 * other case after the bundled data ends stays unknown, as without the pack. Internal: loadRuleSet builds it; the
 * table is the rule set's own, never a module-level one.
 */
export function pilotFactWithLocalAreas(definition: FactDefinition, tables: LocalTables): FactDefinition {
  const areas = tables.pilotAreas;
  const lastBundledDay: string = pilot.noDataAfter;
  return {
    ...definition,
    derive: (facts, asOf) => {
      if (asOf <= lastBundledDay) return definition.derive(facts, asOf);
      return localPilotAreaFor(facts, asOf, areas) ? true : undefined;
    },
    caveat: (facts, asOf) => {
      if (asOf <= lastBundledDay) return definition.caveat?.(facts, asOf);
      return localPilotAreaFor(facts, asOf, areas)?.citation.id;
    },
  };
}
