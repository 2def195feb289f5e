// The bodies of the service's requests that are not plain case facts, as zod schemas: the routes
// parse with them and the OpenAPI document is generated from them (one source of truth).
import { z } from "zod";
import { BreachReportSchema } from "../model/breach-report.js";
import { SuspectSchema } from "../model/case-facts.js";
import { IsoDateSchema } from "../model/iso-date.js";
import { OrderSchema } from "../model/order.js";

/** Most breach reports in one request. */
export const MAX_BREACH_REPORTS = 10_000;
/** Most existing orders given as context in one request. */
export const MAX_EXISTING_ORDERS = 1_000;

/** `POST /v1/validate-order`: an order (checked by validateOrder itself, so any value), and its context. */
export const ValidateOrderRequestSchema = z.strictObject({
  order: z
    .unknown()
    .meta({ description: "The order to check (an Order; anything else is reported as a defect)." }),
  existingOrders: z
    .array(OrderSchema)
    .max(MAX_EXISTING_ORDERS)
    .optional()
    .meta({ description: "Orders already in force against the same suspect." }),
  suspect: SuspectSchema.optional().meta({
    description: "The suspect, for checks that depend on them (age).",
  }),
});

/** `POST /v1/assess-breaches`: an order and the breach reports to assess against it. */
export const AssessBreachesRequestSchema = z.strictObject({
  order: OrderSchema,
  reports: z.array(BreachReportSchema).max(MAX_BREACH_REPORTS),
  convictedOn: IsoDateSchema.optional().meta({
    description: "The date of a conviction for the breach, if any (YYYY-MM-DD).",
  }),
  responseThresholdHours: z
    .number()
    .positive()
    .max(24 * 366)
    .optional()
    .meta({
      description:
        "Hours after which a police response is flagged as slow (default 24: a working standard, not law).",
    }),
});
