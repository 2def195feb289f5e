import type { CaseFacts } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * SPA 2019 s.1(4)(a): the risk is of physical or psychological harm. True if either is assessed
 * present, false if both are assessed absent, otherwise unknown.
 *
 * @example
 * ```ts
 * import { posesRiskOfHarm } from "protective-orders/rule-authoring";
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
 * import { riskIsOngoing } from "protective-orders/rule-authoring";
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
 * Whether protection already in place makes a new order unnecessary, on `asOf`. Recorded dates
 * come first: when bail conditions or orders are recorded but none is in force on `asOf` (ended,
 * expired, not yet started) or every one in force has been breached, the answer is false whatever
 * else was said, since protection that has ended or failed protects no one. Otherwise the
 * assessor's judgement (`protection.adequate`) decides; without it, nothing recorded at all
 * (`protection: {}`) is false, and something unbreached in force is unknown (adequacy is a judgement).
 *
 * @example
 * ```ts
 * import { otherProtectionIsAdequate } from "protective-orders/rule-authoring";
 * otherProtectionIsAdequate({ id: "c", protection: { bailConditions: [{ to: "2025-01-31" }], adequate: true } }, "2025-03-01"); // false
 * otherProtectionIsAdequate({ id: "c", protection: {} }, "2025-03-01"); // false
 * ```
 */
export function otherProtectionIsAdequate(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  const protection = facts.protection;
  if (!protection) return undefined;
  const recorded = [...(protection.bailConditions ?? []), ...(protection.ordersInForce ?? [])];
  const bail = (protection.bailConditions ?? []).filter((b) => bailInForce(b, asOf));
  // An order that does not protect the victim is no protection for her.
  const orders = (protection.ordersInForce ?? []).filter(
    (o) =>
      o.protectsVictim !== false &&
      (o.madeOn === undefined || o.madeOn <= asOf) &&
      (o.expiresOn === undefined || o.expiresOn >= asOf),
  );
  const inForce = [...bail, ...orders];
  if (recorded.length > 0 && (inForce.length === 0 || inForce.every((p) => p.breached === true)))
    return false;
  if (protection.adequate !== undefined) return protection.adequate;
  return inForce.length === 0 ? false : undefined;
}
