import type { CaseFacts, Incident, IncidentKind } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";
import type { FactDefinition } from "./fact-definition.js";
import { suspectTerritorialReach, TERRITORIAL_REACHES } from "./residence.js";
import { otherProtectionIsAdequate, posesRiskOfHarm, riskIsOngoing } from "./risk.js";

// Northern Ireland's derived facts: the Protection from Stalking Act (Northern Ireland) 2022 is a
// different statute from the England and Wales Act, so where its law differs it has its own facts,
// each citing the 2022 Act, rather than a flag inside the England and Wales ones.

/**
 * A paragraph of s.6(2) of the Protection from Stalking Act (Northern Ireland) 2022: the closed
 * list of acts associated with stalking, (a) following … (j) acting in any other way likely to
 * cause a reasonable person fear, alarm or substantial distress.
 *
 * @example
 * ```ts
 * import type { NorthernIrelandListedAct } from "protective-orders/rule-authoring";
 * const enteringPremises: NorthernIrelandListedAct = "e";
 * ```
 */
export type NorthernIrelandListedAct = "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j";

/**
 * The paragraph of the 2022 Act's s.6(2) that an incident of this kind falls under, or `undefined`
 * when the kind alone does not say (`other`: whether it is within (j), or another paragraph, is a
 * judgement about the act). Unlike England and Wales, the list is the definition ("any of the
 * following"), and it names entering premises (e), giving or leaving anything (h) and a general
 * limb (j). Contact through a third party is contacting "by any means" (b); impersonation is
 * publishing material purporting to come from the person (c); violence and threats of violence
 * are acts it would be reasonable to expect to cause a reasonable person fear or alarm (j).
 *
 * @example
 * ```ts
 * import { northernIrelandListedActFor } from "protective-orders/rule-authoring";
 * northernIrelandListedActFor("entering-premises"); // "e"
 * northernIrelandListedActFor("leaving-items-or-gifts"); // "h"
 * northernIrelandListedActFor("other"); // undefined
 * ```
 */
export function northernIrelandListedActFor(kind: IncidentKind): NorthernIrelandListedAct | undefined {
  switch (kind) {
    case "following":
      return "a";
    case "contacting":
    case "third-party-contact":
      return "b";
    case "publishing":
    case "impersonation":
      return "c";
    case "monitoring-electronic-communications":
      return "d";
    case "entering-premises":
      return "e";
    case "loitering":
      return "f";
    case "interfering-with-property":
      return "g";
    case "leaving-items-or-gifts":
      return "h";
    case "watching-or-spying":
      return "i";
    case "threats-of-violence":
    case "violence":
      return "j";
    default:
      return undefined;
  }
}

/** An incident is a listed act if the assessor says so; otherwise its kind decides. */
function isListedAct(incident: Incident): boolean | undefined {
  if (incident.associatedWithStalking !== undefined) return incident.associatedWithStalking;
  return northernIrelandListedActFor(incident.kind) !== undefined ? true : undefined;
}

/**
 * Protection from Stalking Act (Northern Ireland) 2022 s.8(2)(a) (and the s.7 application test):
 * the defendant has carried out acts associated with stalking, that is, acts in the closed list of
 * s.6(2). Where and when they took place does not matter (s.8(7)): acts abroad and acts before
 * 19 October 2023 count. An assessor's `associatedWithStalking` judgement on an incident decides
 * for it; otherwise its kind does. Unknown when no incidents are recorded, or only incidents
 * whose kind does not say.
 *
 * @example
 * ```ts
 * import { hasCarriedOutActsAssociatedWithStalkingInNorthernIreland as acts } from "protective-orders/rule-authoring";
 * acts({ id: "c", incidents: [{ kind: "entering-premises", date: "2021-05-01" }] }); // true
 * acts({ id: "c", incidents: [{ kind: "other" }] }); // undefined
 * acts({ id: "c", incidents: [] }); // false
 * ```
 */
export function hasCarriedOutActsAssociatedWithStalkingInNorthernIreland(
  facts: CaseFacts,
): boolean | undefined {
  if (!facts.incidents) return undefined;
  let unknown = false;
  for (const incident of facts.incidents) {
    const listed = isListedAct(incident);
    if (listed === true) return true;
    if (listed === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/**
 * The caveat on the Northern Ireland acts, when the answer rests on a point the law digest could
 * not settle: a single recorded act (whether one act is enough for "acts" in s.8(2)(a) is not in
 * the digest), or acts that count only on the assessor's judgement about an incident the list
 * does not name (so, most likely, s.6(2)(j), whose final words the digest could not read in full).
 *
 * @example
 * ```ts
 * import { northernIrelandActsCaveat } from "protective-orders/rule-authoring";
 * northernIrelandActsCaveat({ id: "c", incidents: [{ kind: "following" }] }); // "pfsa-ni-2022:one-act"
 * northernIrelandActsCaveat({ id: "c", incidents: [{ kind: "other", associatedWithStalking: true }, { kind: "other", associatedWithStalking: true }] }); // "pfsa-ni-2022:s6(2)(j)-final-words"
 * northernIrelandActsCaveat({ id: "c", incidents: [{ kind: "following" }, { kind: "loitering" }] }); // undefined
 * ```
 */
export function northernIrelandActsCaveat(facts: CaseFacts): string | undefined {
  if (!facts.incidents) return undefined;
  let acts = 0;
  let named = false;
  for (const incident of facts.incidents) {
    if (isListedAct(incident) !== true) continue;
    acts += 1;
    if (northernIrelandListedActFor(incident.kind) !== undefined) named = true;
  }
  if (acts === 1) return "pfsa-ni-2022:one-act";
  return acts > 1 && !named ? "pfsa-ni-2022:s6(2)(j)-final-words" : undefined;
}

/**
 * The police area id of the Police Service of Northern Ireland (see `POLICE_FORCES`): its area is
 * Northern Ireland.
 *
 * @example
 * ```ts
 * import { POLICE_FORCES } from "protective-orders";
 * import { NORTHERN_IRELAND_POLICE_AREA } from "protective-orders/rule-authoring";
 * POLICE_FORCES.find((f) => f.id === NORTHERN_IRELAND_POLICE_AREA)?.name; // "Police Service of Northern Ireland"
 * ```
 */
export const NORTHERN_IRELAND_POLICE_AREA = "psni";

/**
 * Protection from Stalking Act (Northern Ireland) 2022 s.7(3), as the Explanatory Notes describe
 * it: the defendant resides in Northern Ireland, or is believed to be in or to intend to come to
 * it. Read, by the same mechanism as England and Wales's s.1(3) ({@link suspectTerritorialReach}),
 * from `suspect.homeForceArea`, `suspect.livesIn` and `suspect.believedInOrComingTo` (the PSNI's area
 * is Northern Ireland): true if he lives there or is believed to be in or coming to it; false only
 * when he is recorded as living elsewhere and the places he is believed to be in or coming to are
 * recorded without Northern Ireland; otherwise unknown. The rules read `ni.suspectWithinAreaLimit`,
 * which keeps "residence not recorded" apart from "no"; this boolean stays for rule packs.
 *
 * @example
 * ```ts
 * import { defendantIsInOrComingToNorthernIreland as inNi } from "protective-orders/rule-authoring";
 * inNi({ id: "c", suspect: { homeForceArea: "psni" } }); // true
 * inNi({ id: "c", suspect: { homeForceArea: "merseyside", believedInOrComingTo: [] } }); // false
 * inNi({ id: "c", suspect: { homeForceArea: "merseyside" } }); // undefined
 * ```
 */
export function defendantIsInOrComingToNorthernIreland(facts: CaseFacts): boolean | undefined {
  const reach = suspectTerritorialReach(facts, "northern-ireland");
  if (reach === "lives-in-territory" || reach === "believed-in-or-coming-to-territory") return true;
  if (reach === "outside-and-not-coming") return false;
  return undefined;
}

const boolean = "boolean" as const;

/**
 * The derived facts the Northern Ireland rules read, each citing the 2022 Act.
 *
 * @example
 * ```ts
 * import { NORTHERN_IRELAND_FACT_DEFINITIONS } from "protective-orders/rule-authoring";
 * NORTHERN_IRELAND_FACT_DEFINITIONS.map((f) => f.id).includes("ni.actsAssociatedWithStalking"); // true
 * ```
 */
export const NORTHERN_IRELAND_FACT_DEFINITIONS: readonly FactDefinition[] = [
  {
    id: "ni.defendantInOrComingToNorthernIreland",
    type: boolean,
    label: "The suspect resides in Northern Ireland, or is believed to be in or coming to it",
    question:
      "Where does the suspect live (police area), and is the suspect believed to be in, or to intend to come to, Northern Ireland?",
    citation: "pfsa-ni-2022:s7(3)",
    reads: ["suspect.homeForceArea", "suspect.livesIn", "suspect.believedInOrComingTo"],
    derive: defendantIsInOrComingToNorthernIreland,
  },
  {
    id: "ni.suspectWithinAreaLimit",
    type: "enum",
    values: TERRITORIAL_REACHES,
    label: "The suspect resides in, or is believed to be in or coming to, Northern Ireland",
    question:
      "Where does the suspect live, and if outside Northern Ireland, is the suspect believed to be in, or to intend to come to, it?",
    citation: "pfsa-ni-2022:s7(3)",
    reads: ["suspect.homeForceArea", "suspect.livesIn", "suspect.believedInOrComingTo"],
    derive: (f) => suspectTerritorialReach(f, "northern-ireland"),
  },
  {
    id: "ni.actsAssociatedWithStalking",
    type: boolean,
    label: "The suspect has carried out acts associated with stalking (2022 Act, s.6(2))",
    question:
      "What has the suspect done? Record each act (following, contact, entering premises, giving or leaving things, watching, …), wherever and whenever it happened, including before 19 October 2023.",
    citation: "pfsa-ni-2022:s6(2)",
    reads: ["incidents"],
    derive: hasCarriedOutActsAssociatedWithStalkingInNorthernIreland,
    caveat: northernIrelandActsCaveat,
  },
  {
    id: "ni.riskOfHarm",
    type: boolean,
    label:
      "The suspect poses a risk associated with stalking (read as a risk of physical or psychological harm)",
    question:
      "Does the suspect pose a risk associated with stalking to the victim or another person: a risk of physical or psychological harm?",
    citation: "pfsa-ni-2022:s6(3)",
    reads: ["risk.physicalHarm", "risk.psychologicalHarm"],
    derive: posesRiskOfHarm,
  },
  {
    id: "ni.riskOngoing",
    type: boolean,
    label: "The suspect still poses the risk now",
    // The same words as the England and Wales question, so that a case asked both is asked once.
    question: "Does the suspect still pose that risk now (is the conduct continuing, or likely to resume)?",
    citation: "pfsa-ni-2022:s8(2)(b)",
    reads: ["risk.ongoing"],
    derive: riskIsOngoing,
  },
  {
    id: "ni.otherProtectionAdequate",
    type: boolean,
    label: "Protection already in place is adequate",
    question:
      "What protection is already in place (bail conditions, other orders), is it still in force and unbreached, and is it adequate to the risk?",
    citation: "pfsa-ni-2022:s8(2)(c)",
    reads: ["protection"],
    derive: (facts: CaseFacts, asOf: IsoDate) => otherProtectionIsAdequate(facts, asOf),
  },
];
