/**
 * What the library's entry points accept: the model's types with every array and object readonly, all the
 * way down, so that `as const` literals and `Object.freeze`d data type-check (issue 29). A mutable value is
 * assignable to its readonly form, so nothing that type-checked before stops doing so. The library never
 * writes to its input; this type says so.
 */

import type { BreachReport } from "./breach-report.js";
import type { CaseFacts, SpoRequest } from "./case-facts.js";
import type { Order } from "./order.js";

/**
 * `T` with every array readonly and every property readonly, recursively; functions and primitives as they are.
 *
 * @example
 * ```ts
 * import type { ReadonlyDeep } from "protective-orders";
 * const incidents: ReadonlyDeep<{ kind: string }[]> = Object.freeze([Object.freeze({ kind: "following" })]);
 * ```
 */
export type ReadonlyDeep<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? readonly ReadonlyDeep<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: ReadonlyDeep<T[Key]> }
      : T;

/**
 * Case facts as an entry point accepts them: {@link CaseFacts}, readonly all the way down.
 *
 * @example
 * ```ts
 * import { assess, type CaseFactsInput } from "protective-orders";
 * const facts = {
 *   id: "case-1",
 *   jurisdiction: "england-and-wales",
 *   incidents: [{ kind: "following", date: "2025-05-01" }],
 * } as const satisfies CaseFactsInput;
 * assess(facts, { asOf: "2025-06-01" }).orders.length > 0; // true
 * ```
 */
export type CaseFactsInput = ReadonlyDeep<CaseFacts>;

/**
 * An order as an entry point accepts it: {@link Order}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { OrderInput } from "protective-orders";
 * const order = { madeOn: "2025-06-01", protectedPersons: ["v1"] } as const satisfies Partial<OrderInput>;
 * ```
 */
export type OrderInput = ReadonlyDeep<Order>;

/**
 * A reported breach as {@link assessBreaches} accepts it: {@link BreachReport}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { BreachReportInput } from "protective-orders";
 * const report = { date: "2025-07-01", kind: "contacting" } as const satisfies BreachReportInput;
 * ```
 */
export type BreachReportInput = ReadonlyDeep<BreachReport>;

/**
 * A request for an SPO and the force's decision as {@link reviewSpoDecline} accepts them: {@link SpoRequest},
 * readonly all the way down.
 *
 * @example
 * ```ts
 * import type { SpoRequestInput } from "protective-orders";
 * const request = { requestedOn: "2025-01-10" } as const satisfies Partial<SpoRequestInput>;
 * ```
 */
export type SpoRequestInput = ReadonlyDeep<SpoRequest>;
