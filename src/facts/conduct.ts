import type { CaseFacts, Incident, IncidentKind } from "../model/case-facts.js";

/**
 * Whether a kind of conduct is, without more, read as an act associated with stalking. PHA 1997
 * s.2A(3) (adopted by SPA 2019 s.1(6)) lists *examples* of acts that may be associated with stalking
 * "in particular circumstances". The library reads the listed kinds that are not ordinary in
 * themselves (following, publishing material relating to or purporting to come from a person,
 * monitoring electronic communications, loitering, interfering with property, watching or spying)
 * as such acts unless the assessor judges otherwise. Contacting (s.2A(3)(b)), in person or through
 * others, is everyday conduct unless unwelcome: it, and entering premises, leaving items and
 * impersonation (which the England and Wales list does not name: they are in the Northern Ireland
 * list), need an unwelcome-act basis or the assessor's judgement (see `stalkingActBasis`).
 * `undefined` for those kinds and for violence, threats and other conduct.
 *
 * @example
 * ```ts
 * import { incidentKindIsListedStalkingAct } from "protective-orders/rule-authoring";
 * incidentKindIsListedStalkingAct("loitering"); // true
 * incidentKindIsListedStalkingAct("contacting"); // undefined (needs an unwelcome basis)
 * incidentKindIsListedStalkingAct("entering-premises"); // undefined (not in the E&W list)
 * ```
 */
export function incidentKindIsListedStalkingAct(kind: IncidentKind): true | undefined {
  switch (kind) {
    case "following":
    case "publishing":
    case "monitoring-electronic-communications":
    case "loitering":
    case "interfering-with-property":
    case "watching-or-spying":
      return true;
    default:
      return undefined;
  }
}

/** Kinds that count as acts associated with stalking when unwelcome and known (or knowable) to be. */
function countsWhenUnwelcome(kind: IncidentKind): boolean {
  switch (kind) {
    case "contacting":
    case "third-party-contact":
    case "entering-premises":
    case "leaving-items-or-gifts":
    case "impersonation":
      return true;
    default:
      return incidentKindIsListedStalkingAct(kind) === true;
  }
}

/**
 * On what basis one incident is (or is not) read as an act associated with stalking:
 * `assessor-judgement` (the incident's `associatedWithStalking`, which decides either way),
 * `unwelcome-act` (an act of a stalking kind that the suspect knew or ought to have known was
 * unwelcome: the clear case, SPA 2019 s.1(4)(b)), `listed-example` (a PHA 1997 s.2A(3) kind not
 * ordinary in itself), or `undefined` when the record does not settle it (an ordinary contact,
 * or a kind outside the England and Wales list, with nothing else recorded).
 *
 * @example
 * ```ts
 * import { stalkingActBasis } from "protective-orders/rule-authoring";
 * stalkingActBasis({ kind: "contacting" }); // undefined
 * stalkingActBasis({ kind: "contacting", suspectKnewOrOughtToKnowUnwelcome: true }); // { associated: true, basis: "unwelcome-act" }
 * stalkingActBasis({ kind: "entering-premises", associatedWithStalking: true }); // { associated: true, basis: "assessor-judgement" }
 * ```
 */
export function stalkingActBasis(incident: Incident):
  | {
      readonly associated: boolean;
      readonly basis: "assessor-judgement" | "unwelcome-act" | "listed-example";
    }
  | undefined {
  if (incident.associatedWithStalking !== undefined)
    return { associated: incident.associatedWithStalking, basis: "assessor-judgement" };
  if (incident.suspectKnewOrOughtToKnowUnwelcome === true && countsWhenUnwelcome(incident.kind))
    return { associated: true, basis: "unwelcome-act" };
  if (incidentKindIsListedStalkingAct(incident.kind)) return { associated: true, basis: "listed-example" };
  return undefined;
}

function isStalkingAct(incident: Incident): boolean | undefined {
  return stalkingActBasis(incident)?.associated;
}

/**
 * The number of recorded acts associated with stalking, and whether any recorded incident is
 * of a kind whose association is unknown.
 */
function countStalkingActs(incidents: readonly Incident[]): { acts: number; unknown: number } {
  let acts = 0;
  let unknown = 0;
  for (const incident of incidents) {
    const value = isStalkingAct(incident);
    if (value === true) acts += 1;
    else if (value === undefined) unknown += 1;
  }
  return { acts, unknown };
}

/**
 * SPA 2019 s.1(1)(a), s.2(1)(a): the suspect has carried out acts associated with stalking, read as
 * `stalkingActBasis` says for each incident. Where and when the acts happened does not matter
 * (s.1(5)). Unknown when no incidents are recorded (`incidents` absent) or only incidents whose
 * association is unknown: ordinary contacts with nothing else recorded are not enough.
 *
 * @example
 * ```ts
 * import { hasCarriedOutActsAssociatedWithStalking } from "protective-orders/rule-authoring";
 * hasCarriedOutActsAssociatedWithStalking({ id: "c", incidents: [{ kind: "following", place: "abroad" }] }); // true
 * hasCarriedOutActsAssociatedWithStalking({ id: "c", incidents: [] }); // false
 * hasCarriedOutActsAssociatedWithStalking({ id: "c" }); // undefined
 * ```
 */
export function hasCarriedOutActsAssociatedWithStalking(facts: CaseFacts): boolean | undefined {
  if (!facts.incidents) return undefined;
  const { acts, unknown } = countStalkingActs(facts.incidents);
  if (acts > 0) return true;
  return unknown > 0 ? undefined : false;
}

/**
 * The caveat for a single recorded act: whether one act is enough for "acts" in s.1(1)(a) is an
 * open question the law digest could not settle.
 *
 * @example
 * ```ts
 * import { singleActCaveat } from "protective-orders/rule-authoring";
 * singleActCaveat({ id: "c", incidents: [{ kind: "following" }] }); // "spa-2019:one-act"
 * ```
 */
export function singleActCaveat(facts: CaseFacts): string | undefined {
  if (!facts.incidents) return undefined;
  return countStalkingActs(facts.incidents).acts === 1 ? "spa-2019:one-act" : undefined;
}

/**
 * PHA 1997 s.7(3): a course of conduct, that is, conduct on at least two occasions.
 *
 * @example
 * ```ts
 * import { isCourseOfConduct } from "protective-orders/rule-authoring";
 * isCourseOfConduct({ id: "c", incidents: [{ kind: "contacting" }, { kind: "following" }] }); // true
 * ```
 */
export function isCourseOfConduct(facts: CaseFacts): boolean | undefined {
  if (!facts.incidents) return undefined;
  return facts.incidents.length >= 2;
}

/**
 * CSA 2010 s.24, s.28: the suspect has been violent towards, or threatened violence towards,
 * the person. Unknown when only unclassified ("other") incidents are recorded.
 *
 * @example
 * ```ts
 * import { hasUsedOrThreatenedViolence } from "protective-orders/rule-authoring";
 * hasUsedOrThreatenedViolence({ id: "c", incidents: [{ kind: "threats-of-violence" }] }); // true
 * ```
 */
export function hasUsedOrThreatenedViolence(facts: CaseFacts): boolean | undefined {
  if (!facts.incidents) return undefined;
  if (facts.incidents.some((i) => i.kind === "violence" || i.kind === "threats-of-violence")) return true;
  return facts.incidents.some((i) => i.kind === "other") ? undefined : false;
}

/**
 * DAA 2021 s.1(3): the behaviour is abusive. Violence is physical abuse, threats are threatening
 * behaviour, and the acts associated with stalking are psychological, emotional or other abuse
 * (DAPOs cover stalking: digest §6.1). Unknown when only unclassified incidents are recorded.
 *
 * @example
 * ```ts
 * import { hasBehavedAbusively } from "protective-orders/rule-authoring";
 * hasBehavedAbusively({ id: "c", incidents: [{ kind: "monitoring-electronic-communications" }] }); // true
 * ```
 */
export function hasBehavedAbusively(facts: CaseFacts): boolean | undefined {
  if (!facts.incidents) return undefined;
  let unknown = false;
  for (const incident of facts.incidents) {
    if (incident.kind === "violence" || incident.kind === "threats-of-violence") return true;
    const stalking = isStalkingAct(incident);
    if (stalking === true) return true;
    // An act the assessor judged not associated with stalking, or of an unlisted kind, may still
    // be abusive in other ways: unknown rather than yes or no.
    unknown = true;
  }
  return unknown ? undefined : false;
}
