import { deepFreezeData } from "./plain-data.js";
import { POLICE_FORCES, type PoliceForceId } from "./police-forces.js";

/**
 * Names people write for a police force, beside its id in {@link POLICE_FORCES}: the official
 * name there, and these common forms (short names, initials, Welsh names). A name is matched
 * ignoring case, spaces, hyphens, "&"/"and" and a trailing "Police", "Constabulary" or "Police
 * Service", so "Kent Police", "kent" and "KENT CONSTABULARY" all read as `kent`.
 *
 * Source: the forces' own published names. The police areas and their forces are those of the
 * Police Act 1996 s.1 and Sch.1 (England and Wales, legal-basis.md names "a Police Act 1996 s.2
 * force"); the Police Service of Northern Ireland is so styled by the Police (Northern Ireland) Act
 * 2000 s.1. UNVERIFIED: the digest does not list forces' names; these are names, not law, and no
 * rule reads them.
 *
 * @example
 * ```ts
 * import { POLICE_FORCE_NAMES } from "protective-orders";
 * POLICE_FORCE_NAMES.find((f) => f.id === "metropolitan")?.names; // ["Met", "MPS", "Met Police", ...]
 * ```
 */
export const POLICE_FORCE_NAMES: readonly {
  readonly id: PoliceForceId;
  readonly names: readonly string[];
  readonly unverified: true;
}[] = [
  {
    id: "metropolitan",
    names: ["Met", "MPS", "Met Police", "Metropolitan Police", "The Met"],
    unverified: true,
  },
  { id: "city-of-london", names: ["City of London", "COLP"], unverified: true },
  { id: "dyfed-powys", names: ["Heddlu Dyfed-Powys", "Dyfed Powys"], unverified: true },
  { id: "gwent", names: ["Heddlu Gwent"], unverified: true },
  { id: "north-wales", names: ["Heddlu Gogledd Cymru"], unverified: true },
  { id: "south-wales", names: ["Heddlu De Cymru"], unverified: true },
  { id: "greater-manchester", names: ["GMP"], unverified: true },
  { id: "hampshire", names: ["Hampshire Constabulary", "Hampshire and Isle of Wight"], unverified: true },
  { id: "devon-and-cornwall", names: ["Devon & Cornwall"], unverified: true },
  { id: "avon-and-somerset", names: ["Avon & Somerset"], unverified: true },
  { id: "psni", names: ["PSNI", "Police Service of Northern Ireland"], unverified: true },
  { id: "british-transport-police", names: ["BTP"], unverified: true },
  { id: "ministry-of-defence-police", names: ["MDP", "MoD Police"], unverified: true },
];
deepFreezeData(POLICE_FORCE_NAMES);

/**
 * Names of forces outside {@link POLICE_FORCES} that still say the jurisdiction: Police Scotland
 * (the Police Service of Scotland, Police and Fire Reform (Scotland) Act 2012 s.6; UNVERIFIED, not in
 * the digest) applies for no SPO, but a case it records is a Scottish case.
 *
 * @example
 * ```ts
 * import { JURISDICTION_ONLY_FORCE_NAMES } from "protective-orders";
 * JURISDICTION_ONLY_FORCE_NAMES[0]?.jurisdiction; // "scotland"
 * ```
 */
export const JURISDICTION_ONLY_FORCE_NAMES: readonly {
  readonly names: readonly string[];
  readonly jurisdiction: "scotland";
  readonly unverified: true;
}[] = [
  { names: ["Police Scotland", "Police Service of Scotland"], jurisdiction: "scotland", unverified: true },
];
deepFreezeData(JURISDICTION_ONLY_FORCE_NAMES);

function squashForceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/ (police service|police|constabulary)$/, "")
    .replace(/ /g, "");
}

let byName: Map<string, PoliceForceId> | undefined;

/**
 * The force id a written name stands for (its id, official name or a common form in
 * {@link POLICE_FORCE_NAMES}), or undefined.
 *
 * @example
 * ```ts
 * import { policeForceIdOfName } from "protective-orders";
 * policeForceIdOfName("Metropolitan Police Service"); // "metropolitan"
 * policeForceIdOfName("Heddlu Gwent"); // "gwent"
 * ```
 */
export function policeForceIdOfName(name: string): PoliceForceId | undefined {
  if (!byName) {
    byName = new Map();
    for (const force of POLICE_FORCES) {
      byName.set(squashForceName(force.id), force.id);
      byName.set(squashForceName(force.name), force.id);
    }
    for (const force of POLICE_FORCE_NAMES)
      for (const n of force.names) byName.set(squashForceName(n), force.id);
  }
  return byName.get(squashForceName(name));
}

/**
 * The jurisdiction a force's area lies in: England and Wales for its 43 territorial forces,
 * Northern Ireland for the PSNI, Scotland for a name in {@link JURISDICTION_ONLY_FORCE_NAMES};
 * undefined for the British Transport Police and the Ministry of Defence Police (no territorial
 * area: SPA 2019 s.1(3)) and for a name not known.
 *
 * @example
 * ```ts
 * import { jurisdictionOfForceName } from "protective-orders";
 * jurisdictionOfForceName("PSNI"); // "northern-ireland"
 * ```
 */
export function jurisdictionOfForceName(
  name: string,
): "england-and-wales" | "northern-ireland" | "scotland" | undefined {
  const squashed = squashForceName(name);
  for (const entry of JURISDICTION_ONLY_FORCE_NAMES)
    if (entry.names.some((n) => squashForceName(n) === squashed)) return entry.jurisdiction;
  const id = policeForceIdOfName(name);
  if (id === undefined) return undefined;
  if (id === "psni") return "northern-ireland";
  const force = POLICE_FORCES.find((f) => f.id === id);
  return force?.territorial ? "england-and-wales" : undefined;
}
