import { DEFAULT_RULES } from "../assess/default-rules.js";
import type { Citation, InForcePeriod, Provision } from "../law/citation.js";
import { citationFor, listInstruments, listProvisions, provisionUrl } from "../law/registry.js";

/** One rule or statutory limb, as `GET /v1/rules` lists it (the same entries as `protective-orders rules`). */
export interface RuleEntry {
  readonly type: "rule" | "limb";
  readonly id: string;
  readonly label: string;
  readonly citation: Citation;
  readonly inForce: InForcePeriod;
  readonly unverified: boolean;
}

/** A provision of the citation registry with its public link. */
export interface ProvisionEntry extends Provision {
  readonly url: string;
}

/** Every rule and limb of the bundled rule set, with its citation, link and in-force period. */
export function ruleEntries(): RuleEntry[] {
  return [
    ...DEFAULT_RULES.rules.map(
      (r): RuleEntry => ({
        type: "rule",
        id: r.rule.name,
        label: r.rule.label,
        citation: r.citation,
        inForce: r.rule.inForce,
        unverified: r.unverified,
      }),
    ),
    ...DEFAULT_RULES.limbs.map(
      (l): RuleEntry => ({
        type: "limb",
        id: l.limb.id,
        label: l.limb.label,
        citation: citationFor(l.limb.citation),
        inForce: l.limb.inForce,
        unverified: l.unverified,
      }),
    ),
  ];
}

/** Every provision of the registry, each with its link. */
export function provisionEntries(): ProvisionEntry[] {
  return listProvisions().map((p) => ({ ...p, url: provisionUrl(p) }));
}

/** Every instrument of the registry. */
export function instrumentEntries(): ReturnType<typeof listInstruments> {
  return listInstruments();
}
