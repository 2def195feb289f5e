import * as z from "zod";
import { IsoDateSchema } from "./iso-date.js";
import { OrderKindSchema } from "./order-kind.js";

/**
 * An order already made, as recorded in a case: enough to know whether it is in force, whether it
 * protects the victim, and whether it has been breached.
 *
 * @example
 * ```ts
 * import { ExistingOrderSchema } from "protective-orders";
 * ExistingOrderSchema.parse({ kind: "nmo", madeOn: "2025-01-10", expiresOn: "2025-07-10" });
 * ```
 */
export const ExistingOrderSchema = z.strictObject({
  kind: OrderKindSchema,
  madeOn: IsoDateSchema.optional(),
  expiresOn: IsoDateSchema.optional(),
  /** Made until further order (no expiry date). */
  untilFurtherOrder: z.boolean().optional(),
  protectsVictim: z.boolean().optional(),
  breached: z.boolean().optional(),
});
/**
 * An order already made.
 *
 * @example
 * ```ts
 * import type { ExistingOrder } from "protective-orders";
 * const nmo: ExistingOrder = { kind: "nmo", madeOn: "2025-01-10", expiresOn: "2025-07-10", protectsVictim: true };
 * ```
 */
export type ExistingOrder = z.infer<typeof ExistingOrderSchema>;
