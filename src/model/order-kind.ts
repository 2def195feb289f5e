import * as z from "zod";

/**
 * The protective orders this library knows, by stable id.
 *
 * - `spo`: Stalking Protection Order (SPA 2019 s.2)
 * - `interim-spo`: interim SPO (SPA 2019 s.5)
 * - `spo-on-conviction-or-acquittal`: an SPO a criminal court makes of its own motion (Crime and Policing Act 2026; in force: unknown)
 * - `nmo`: non-molestation order (FLA 1996 s.42)
 * - `restraining-order-on-conviction`: Sentencing Act 2020 s.360 / PHA 1997 s.5
 * - `restraining-order-on-acquittal`: PHA 1997 s.5A
 * - `pha-s3-injunction`: injunction in a civil harassment claim (PHA 1997 s.3)
 * - `dapn` / `dapo` / `dapo-in-criminal-proceedings`: DAA 2021 ss.22, 27–28, 31(3)–(6)
 * - `dvpn` / `dvpo`: Crime and Security Act 2010 ss.24, 28
 * - `ni-spo` / `ni-interim-spo`: Northern Ireland SPO and interim SPO (Protection from Stalking Act (Northern Ireland) 2022 ss.8, 11)
 *
 * @example
 * ```ts
 * import { OrderKindSchema } from "protective-orders";
 * OrderKindSchema.options.length; // 14
 * ```
 */
export const OrderKindSchema = z.enum([
  "spo",
  "interim-spo",
  "spo-on-conviction-or-acquittal",
  "nmo",
  "restraining-order-on-conviction",
  "restraining-order-on-acquittal",
  "pha-s3-injunction",
  "dapn",
  "dapo",
  "dapo-in-criminal-proceedings",
  "dvpn",
  "dvpo",
  "ni-spo",
  "ni-interim-spo",
]);
/**
 * A protective order's id.
 *
 * @example
 * ```ts
 * import type { OrderKind } from "protective-orders";
 * const policeApplications: OrderKind[] = ["spo", "interim-spo", "dvpo"];
 * ```
 */
export type OrderKind = z.infer<typeof OrderKindSchema>;
