import * as z from "zod";
import { deepFreezeData } from "./plain-data.js";

/**
 * The police forces that may apply for a Stalking Protection Order: the 43 territorial forces of
 * England and Wales, the British Transport Police and the Ministry of Defence Police
 * (SPA 2019 s.1(1), s.14; the last two have no territorial area: s.1(3) and the explanatory notes),
 * and the Police Service of Northern Ireland (`psni`), whose Chief Constable applies for Northern
 * Ireland SPOs (Protection from Stalking Act (Northern Ireland) 2022 s.7).
 *
 * @example
 * ```ts
 * import { POLICE_FORCES } from "protective-orders";
 * POLICE_FORCES.find((f) => f.id === "cleveland")?.name; // "Cleveland Police"
 * ```
 */
export const POLICE_FORCES = [
  { id: "avon-and-somerset", name: "Avon and Somerset Constabulary", territorial: true },
  { id: "bedfordshire", name: "Bedfordshire Police", territorial: true },
  { id: "cambridgeshire", name: "Cambridgeshire Constabulary", territorial: true },
  { id: "cheshire", name: "Cheshire Constabulary", territorial: true },
  { id: "city-of-london", name: "City of London Police", territorial: true },
  { id: "cleveland", name: "Cleveland Police", territorial: true },
  { id: "cumbria", name: "Cumbria Constabulary", territorial: true },
  { id: "derbyshire", name: "Derbyshire Constabulary", territorial: true },
  { id: "devon-and-cornwall", name: "Devon and Cornwall Police", territorial: true },
  { id: "dorset", name: "Dorset Police", territorial: true },
  { id: "durham", name: "Durham Constabulary", territorial: true },
  { id: "dyfed-powys", name: "Dyfed-Powys Police", territorial: true },
  { id: "essex", name: "Essex Police", territorial: true },
  { id: "gloucestershire", name: "Gloucestershire Constabulary", territorial: true },
  { id: "greater-manchester", name: "Greater Manchester Police", territorial: true },
  { id: "gwent", name: "Gwent Police", territorial: true },
  { id: "hampshire", name: "Hampshire and Isle of Wight Constabulary", territorial: true },
  { id: "hertfordshire", name: "Hertfordshire Constabulary", territorial: true },
  { id: "humberside", name: "Humberside Police", territorial: true },
  { id: "kent", name: "Kent Police", territorial: true },
  { id: "lancashire", name: "Lancashire Constabulary", territorial: true },
  { id: "leicestershire", name: "Leicestershire Police", territorial: true },
  { id: "lincolnshire", name: "Lincolnshire Police", territorial: true },
  { id: "merseyside", name: "Merseyside Police", territorial: true },
  { id: "metropolitan", name: "Metropolitan Police Service", territorial: true },
  { id: "norfolk", name: "Norfolk Constabulary", territorial: true },
  { id: "north-wales", name: "North Wales Police", territorial: true },
  { id: "north-yorkshire", name: "North Yorkshire Police", territorial: true },
  { id: "northamptonshire", name: "Northamptonshire Police", territorial: true },
  { id: "northumbria", name: "Northumbria Police", territorial: true },
  { id: "nottinghamshire", name: "Nottinghamshire Police", territorial: true },
  { id: "south-wales", name: "South Wales Police", territorial: true },
  { id: "south-yorkshire", name: "South Yorkshire Police", territorial: true },
  { id: "staffordshire", name: "Staffordshire Police", territorial: true },
  { id: "suffolk", name: "Suffolk Constabulary", territorial: true },
  { id: "surrey", name: "Surrey Police", territorial: true },
  { id: "sussex", name: "Sussex Police", territorial: true },
  { id: "thames-valley", name: "Thames Valley Police", territorial: true },
  { id: "warwickshire", name: "Warwickshire Police", territorial: true },
  { id: "west-mercia", name: "West Mercia Police", territorial: true },
  { id: "west-midlands", name: "West Midlands Police", territorial: true },
  { id: "west-yorkshire", name: "West Yorkshire Police", territorial: true },
  { id: "wiltshire", name: "Wiltshire Police", territorial: true },
  { id: "british-transport-police", name: "British Transport Police", territorial: false },
  { id: "ministry-of-defence-police", name: "Ministry of Defence Police", territorial: false },
  // Northern Ireland: the Chief Constable of the PSNI applies for Northern Ireland SPOs
  // (Protection from Stalking Act (Northern Ireland) 2022 s.7); the police area is Northern Ireland.
  { id: "psni", name: "Police Service of Northern Ireland", territorial: true },
] as const;
// Frozen (issue #13): an edit by one caller must not change another's answer.
deepFreezeData(POLICE_FORCES);

/**
 * The id of a police force in {@link POLICE_FORCES}.
 *
 * @example
 * ```ts
 * import { POLICE_FORCES, type PoliceForceId } from "protective-orders";
 * const force: PoliceForceId = "west-yorkshire";
 * POLICE_FORCES.find((f) => f.id === force)?.name; // "West Yorkshire Police"
 * ```
 */
export type PoliceForceId = (typeof POLICE_FORCES)[number]["id"];

/**
 * Schema for a police force id from {@link POLICE_FORCES}.
 *
 * @example
 * ```ts
 * import { PoliceForceIdSchema } from "protective-orders";
 * PoliceForceIdSchema.safeParse("metropolitan").success; // true
 * ```
 */
export const PoliceForceIdSchema = z.enum(
  POLICE_FORCES.map((force) => force.id) as [PoliceForceId, ...PoliceForceId[]],
  { message: 'expected a police force id from POLICE_FORCES (for example "metropolitan")' },
);
