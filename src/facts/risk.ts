import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * SPA 2019 s.1(4)(a): the risk is of physical or psychological harm. True if either is assessed
 * present, false if both are assessed absent, otherwise unknown.
 *
 * @example
 * ```ts
 * import { posesRiskOfHarm } from "protective-orders";
 * posesRiskOfHarm({ id: "c", risk: { psychologicalHarm: true } }); // true
 * posesRiskOfHarm({ id: "c", risk: { physicalHarm: false } }); // undefined
 * ```
 */
export function posesRiskOfHarm(facts: CaseFacts): boolean | undefined {
  const risk = facts.risk;
  if (risk?.physicalHarm === true || risk?.psychologicalHarm === true) return true;
  if (risk?.physicalHarm === false && risk?.psychologicalHarm === false) return false;
  return undefined;
}

/**
 * The suspect still poses the risk now (SPA 2019 s.1(1)(b): "poses"; the restraining-order
 * powers protect from future conduct).
 *
 * @example
 * ```ts
 * import { riskIsOngoing } from "protective-orders";
 * riskIsOngoing({ id: "c", risk: { ongoing: false } }); // false
 * ```
 */
export function riskIsOngoing(facts: CaseFacts): boolean | undefined {
  return facts.risk?.ongoing;
}

function bailInForce(bail: { from?: string | undefined; to?: string | undefined }, asOf: IsoDate): boolean {
  if (bail.from !== undefined && bail.from > asOf) return false;
  if (bail.to !== undefined && bail.to < asOf) return false;
  return true;
}

/**
 * Whether protection already in place makes a new order unnecessary. The assessor's own
 * judgement (`protection.adequate`) decides when given. Otherwise: false when nothing is in
 * force on `asOf` (bail ended, orders expired) or what is in force has been breached; unknown
 * when something unbreached is in force (adequacy is a judgement) or nothing is recorded.
 *
 * @example
 * ```ts
 * import { otherProtectionIsAdequate } from "protective-orders";
 * otherProtectionIsAdequate({ id: "c", protection: { bailConditions: [{ to: "2025-01-31" }] } }, "2025-03-01"); // false
 * ```
 */
export function otherProtectionIsAdequate(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  const protection = facts.protection;
  if (!protection) return undefined;
  if (protection.adequate !== undefined) return protection.adequate;
  const bail = (protection.bailConditions ?? []).filter((b) => bailInForce(b, asOf));
  const orders = (protection.ordersInForce ?? []).filter(
    (o) => (o.madeOn === undefined || o.madeOn <= asOf) && (o.expiresOn === undefined || o.expiresOn >= asOf),
  );
  if (bail.length === 0 && orders.length === 0) return false;
  if ([...bail, ...orders].every((p) => p.breached === true)) return false;
  return undefined;
}
