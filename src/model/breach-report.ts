import * as z from "zod";
import { IncidentKindSchema } from "./case-facts.js";
import { IsoDateSchema } from "./iso-date.js";

const wallTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "expected a UK time written YYYY-MM-DDTHH:MM" });

/**
 * A reported incident that may breach an order: what happened and when, and when the police were
 * told and responded (UK wall-clock times).
 *
 * @example
 * ```ts
 * import { BreachReportSchema } from "protective-orders";
 * BreachReportSchema.parse({ date: "2025-05-02", kind: "contacting", reportedAt: "2025-05-02T09:10", respondedAt: "2025-05-03T15:00" });
 * ```
 */
export const BreachReportSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  /** The day of the conduct (the offence date). */
  date: IsoDateSchema,
  kind: z.union([IncidentKindSchema, z.literal("missed-requirement")]),
  /** For a missed requirement: the id of the requirement missed. */
  termId: z.string().min(1).max(200).optional(),
  reportedAt: wallTime.optional(),
  respondedAt: wallTime.optional(),
});
/**
 * A reported incident that may breach an order.
 *
 * @example
 * ```ts
 * import type { BreachReport } from "protective-orders";
 * const report: BreachReport = { id: "b1", date: "2025-05-02", kind: "contacting", reportedAt: "2025-05-02T09:10" };
 * ```
 */
export type BreachReport = z.infer<typeof BreachReportSchema>;
