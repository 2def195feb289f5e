import * as z from "zod";
import { IsoDateSchema } from "./iso-date.js";
import { PoliceForceIdSchema } from "./police-forces.js";

/**
 * One term of an order: a prohibition or a positive requirement, in the words the order uses.
 *
 * @example
 * ```ts
 * import { OrderTermSchema } from "protective-orders";
 * OrderTermSchema.parse({ text: "Not to contact the victim by any means, directly or through others." });
 * ```
 */
export const OrderTermSchema = z.strictObject({
  id: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(5000),
  /** A machine-readable category (contact, exclusion-zone, programme, device-surrender, …). */
  category: z.string().min(1).max(100).optional(),
  /** The term is expressly limited to a locality (SPA 2019 s.2(4)). */
  locality: z.string().max(1000).optional(),
  /** Ids of the incidents this term answers. */
  answers: z.array(z.string().min(1).max(200)).max(1000).optional(),
});
/**
 * One term of an order.
 *
 * @example
 * ```ts
 * import type { OrderTerm } from "protective-orders";
 * const term: OrderTerm = { id: "t1", text: "Not to contact V by any means.", category: "contact", answers: ["i1"] };
 * ```
 */
export type OrderTerm = z.infer<typeof OrderTermSchema>;

/**
 * How long an order lasts: a fixed period ending on a day, until further order, or until an event.
 *
 * @example
 * ```ts
 * import { OrderDurationSchema } from "protective-orders";
 * OrderDurationSchema.parse({ type: "fixed", endsOn: "2027-05-01" });
 * ```
 */
export const OrderDurationSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), endsOn: IsoDateSchema }),
  z.strictObject({ type: z.literal("until-further-order") }),
  z.strictObject({ type: z.literal("until-event"), event: z.string().min(1).max(1000) }),
]);
/**
 * How long an order lasts.
 *
 * @example
 * ```ts
 * import type { OrderDuration } from "protective-orders";
 * const duration: OrderDuration = { type: "until-further-order" };
 * ```
 */
export type OrderDuration = z.infer<typeof OrderDurationSchema>;

/**
 * Police ranks, lowest first, as far as the notices care: a DAPN needs an inspector or above (DAA
 * 2021 s.22(8)), a DVPN a superintendent or above (CSA 2010 s.24(1)).
 *
 * @example
 * ```ts
 * import { PoliceRankSchema } from "protective-orders";
 * PoliceRankSchema.options.indexOf("inspector") < PoliceRankSchema.options.indexOf("superintendent"); // true
 * ```
 */
export const PoliceRankSchema = z.enum([
  "constable",
  "sergeant",
  "inspector",
  "chief-inspector",
  "superintendent",
  "chief-superintendent",
  "chief-officer",
]);

const orderBase = {
  id: z.string().min(1).max(200).optional(),
  /** Ids of the people the order protects (from the case's `personsToProtect`). */
  protectedPersons: z.array(z.string().min(1).max(200)).max(100),
  madeOn: IsoDateSchema.optional(),
  servedOn: IsoDateSchema.optional(),
  /** Made without notice to the person it binds. */
  withoutNotice: z.boolean().optional(),
  duration: OrderDurationSchema.optional(),
  prohibitions: z.array(OrderTermSchema).max(500),
};
const requirements = { requirements: z.array(OrderTermSchema).max(500).optional() };
const policeApplicant = z.strictObject({
  role: z.literal("chief-officer"),
  force: PoliceForceIdSchema.optional(),
});
// Northern Ireland: the Chief Constable of the PSNI applies (Protection from Stalking Act (NI) 2022 s.7, s.11).
const northernIrelandApplicant = z.strictObject({
  role: z.literal("chief-constable"),
  force: z.literal("psni").optional(),
});
const northernIrelandOrder = {
  appliedForBy: northernIrelandApplicant,
  ...orderBase,
  ...requirements,
  /**
   * The day the order came into force: the 3 days to notify run from it (2022 Act s.14(1)), not
   * from service. Whether an order comes into force when made or when served is not in the law digest.
   */
  comesIntoForceOn: IsoDateSchema.optional(),
};

/**
 * Any protective order, discriminated by `kind`. Positive requirements (`requirements`) exist on
 * the kinds whose law allows some: SPO and interim SPO (SPA 2019 s.2, s.5), DAPO (any requirement
 * the court considers necessary, DAA 2021 s.35), a PHA 1997 s.3 injunction (its terms are for the
 * civil court), and DVPN, DVPO and DAPN (a requirement to leave premises shared with the person
 * protected: CSA 2010 s.24, s.28(8); DAA 2021 s.23). Northern Ireland's SPO and
 * interim SPO (`ni-spo` / `ni-interim-spo`, applied for by the PSNI's Chief Constable) may
 * prohibit and require. NMOs and restraining orders prohibit only.
 *
 * @example
 * ```ts
 * import { OrderSchema } from "protective-orders";
 * OrderSchema.parse({
 *   kind: "spo",
 *   appliedForBy: { role: "chief-officer", force: "kent" },
 *   protectedPersons: ["v1"],
 *   madeOn: "2025-04-01",
 *   duration: { type: "fixed", endsOn: "2027-04-01" },
 *   prohibitions: [{ text: "Not to contact V by any means." }],
 *   requirements: [{ text: "Attend a stalking perpetrator programme." }],
 * });
 * ```
 */
export const OrderSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("spo"), appliedForBy: policeApplicant, ...orderBase, ...requirements }),
  z.strictObject({
    kind: z.literal("interim-spo"),
    appliedForBy: policeApplicant,
    ...orderBase,
    ...requirements,
    /** The day the main SPO application was determined, which ends an interim SPO (s.5(6)). */
    mainApplicationDeterminedOn: IsoDateSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("spo-on-conviction-or-acquittal"),
    madeBy: z.enum(["magistrates-court", "crown-court"]).optional(),
    ...orderBase,
    ...requirements,
  }),
  z.strictObject({
    kind: z.literal("nmo"),
    appliedForBy: z.strictObject({
      // The victim applies (with leave if under 16, s.43), or the court acts of its own motion
      // (s.42(2)); the police cannot apply for an NMO.
      role: z.enum(["person-to-be-protected", "court-own-motion"]),
    }),
    ...orderBase,
  }),
  z.strictObject({
    kind: z.literal("restraining-order-on-conviction"),
    convictedOn: IsoDateSchema.optional(),
    ...orderBase,
  }),
  z.strictObject({
    kind: z.literal("restraining-order-on-acquittal"),
    acquittedOn: IsoDateSchema.optional(),
    ...orderBase,
  }),
  z.strictObject({ kind: z.literal("pha-s3-injunction"), ...orderBase, ...requirements }),
  z.strictObject({
    kind: z.literal("dapn"),
    givenBy: z.strictObject({
      rank: PoliceRankSchema,
      force: PoliceForceIdSchema.optional(),
    }),
    recipientAge: z.number().int().min(0).max(130).optional(),
    givenAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional(),
    ...orderBase,
    ...requirements,
  }),
  z.strictObject({
    kind: z.literal("dapo"),
    appliedForBy: z.strictObject({
      role: z.enum(["person-to-be-protected", "chief-officer", "relevant-third-party", "other-with-leave"]),
    }),
    ...orderBase,
    ...requirements,
  }),
  z.strictObject({
    kind: z.literal("dapo-in-criminal-proceedings"),
    ...orderBase,
    ...requirements,
  }),
  z.strictObject({
    kind: z.literal("dvpn"),
    issuedBy: z.strictObject({
      rank: PoliceRankSchema,
    }),
    recipientAge: z.number().int().min(0).max(130).optional(),
    ...orderBase,
    ...requirements,
  }),
  z.strictObject({ kind: z.literal("dvpo"), ...orderBase, ...requirements }),
  z.strictObject({ kind: z.literal("ni-spo"), ...northernIrelandOrder }),
  z.strictObject({ kind: z.literal("ni-interim-spo"), ...northernIrelandOrder }),
]);
/**
 * Any protective order.
 *
 * @example
 * ```ts
 * import type { Order } from "protective-orders";
 * const order: Order = {
 *   kind: "nmo",
 *   appliedForBy: { role: "person-to-be-protected" },
 *   protectedPersons: ["v1"],
 *   madeOn: "2025-03-03",
 *   duration: { type: "fixed", endsOn: "2025-09-03" },
 *   prohibitions: [{ text: "Not to use or threaten violence against V, or intimidate, harass or pester V." }],
 * };
 * ```
 */
export type Order = z.infer<typeof OrderSchema>;
