import type { CaseFacts, Incident, IncidentKind } from "../model/case-facts.js";

/**
 * A paragraph of PHA 1997 s.2A(3), the examples of acts or omissions which, "in particular
 * circumstances", are associated with stalking (adopted for SPOs by SPA 2019 s.1(6)): (a) following,
 * (b) contacting or attempting to contact by any means, (c) publishing material relating or
 * purporting to relate to, or to originate from, a person, (d) monitoring electronic
 * communications, (e) loitering, (f) interfering with property, (g) watching or spying.
 *
 * @example
 * ```ts
 * import type { Pha2A3Example } from "protective-orders/rule-authoring";
 * const loitering: Pha2A3Example = "e";
 * ```
 */
export type Pha2A3Example = "a" | "b" | "c" | "d" | "e" | "f" | "g";

/**
 * The paragraph of PHA 1997 s.2A(3) that names an incident of this kind, or `undefined` for a kind
 * the England and Wales list does not name (entering premises, leaving items or gifts and
 * impersonation, which the Northern Ireland list names; violence, threats and other conduct).
 * Contact through a third party is contacting "by any means" (b).
 *
 * @example
 * ```ts
 * import { pha2A3ExampleFor } from "protective-orders/rule-authoring";
 * pha2A3ExampleFor("loitering"); // "e"
 * pha2A3ExampleFor("third-party-contact"); // "b"
 * pha2A3ExampleFor("entering-premises"); // undefined
 * ```
 */
export function pha2A3ExampleFor(kind: IncidentKind): Pha2A3Example | undefined {
  switch (kind) {
    case "following":
      return "a";
    case "contacting":
    case "third-party-contact":
      return "b";
    case "publishing":
      return "c";
    case "monitoring-electronic-communications":
      return "d";
    case "loitering":
      return "e";
    case "interfering-with-property":
      return "f";
    case "watching-or-spying":
      return "g";
    default:
      return undefined;
  }
}

/**
 * Whether a kind of conduct is one of the examples PHA 1997 s.2A(3) lists (adopted by SPA 2019
 * s.1(6)); `undefined` for the kinds it does not name. Being listed is not, by itself, proof that an
 * act is associated with stalking: s.2A(3) lists examples that are associated with stalking "in
 * particular circumstances", so a listed act counts when it was unwelcome and the suspect knew or
 * ought to have known it was (SPA 2019 s.1(4)(b)), or on the assessor's judgement (see
 * `stalkingActBasis`).
 *
 * @example
 * ```ts
 * import { incidentKindIsListedStalkingAct } from "protective-orders/rule-authoring";
 * incidentKindIsListedStalkingAct("loitering"); // true
 * incidentKindIsListedStalkingAct("contacting"); // true
 * incidentKindIsListedStalkingAct("entering-premises"); // undefined (not in the E&W list)
 * ```
 */
export function incidentKindIsListedStalkingAct(kind: IncidentKind): true | undefined {
  return pha2A3ExampleFor(kind) === undefined ? undefined : true;
}

/**
 * Kinds of conduct that are acts associated with stalking when the suspect knew or ought to have
 * known they were unwelcome: the listed examples, and the kinds of stalking conduct the England and
 * Wales list does not name. Violence, threats and other conduct need the assessor's judgement.
 */
function countsWhenUnwelcome(kind: IncidentKind): boolean {
  switch (kind) {
    case "entering-premises":
    case "leaving-items-or-gifts":
    case "impersonation":
      return true;
    default:
      return pha2A3ExampleFor(kind) !== undefined;
  }
}

/**
 * The basis on which an incident is (or is not) an act associated with stalking:
 * `assessor-judgement` (the incident's `associatedWithStalking`, which decides either way),
 * `listed-example-unwelcome` (a PHA 1997 s.2A(3) example that the suspect knew or ought to have
 * known was unwelcome, SPA 2019 s.1(4)(b)), or `unwelcome-act` (an act of a stalking kind the list
 * does not name, such as entering premises, that the suspect knew or ought to have known was
 * unwelcome).
 *
 * @example
 * ```ts
 * import type { StalkingActBasis } from "protective-orders/rule-authoring";
 * const basis: StalkingActBasis = "listed-example-unwelcome";
 * ```
 */
export type StalkingActBasis = "assessor-judgement" | "listed-example-unwelcome" | "unwelcome-act";

/**
 * On what basis one incident is (or is not) read as an act associated with stalking (see
 * {@link StalkingActBasis}), or `undefined` when the record does not settle it. PHA 1997 s.2A(3)
 * lists examples of acts associated with stalking "in particular circumstances": a listed kind with
 * nothing else recorded is not proof, so it is unknown (never "no") until the record says whether
 * it was unwelcome and the suspect knew or ought to have known it was, or the assessor judges it.
 *
 * @example
 * ```ts
 * import { stalkingActBasis } from "protective-orders/rule-authoring";
 * stalkingActBasis({ kind: "following" }); // undefined
 * stalkingActBasis({ kind: "following", suspectKnewOrOughtToKnowUnwelcome: true }); // { associated: true, basis: "listed-example-unwelcome" }
 * stalkingActBasis({ kind: "entering-premises", suspectKnewOrOughtToKnowUnwelcome: true }); // { associated: true, basis: "unwelcome-act" }
 * stalkingActBasis({ kind: "contacting", associatedWithStalking: false }); // { associated: false, basis: "assessor-judgement" }
 * ```
 */
export function stalkingActBasis(
  incident: Incident,
): { readonly associated: boolean; readonly basis: StalkingActBasis } | undefined {
  if (incident.associatedWithStalking !== undefined)
    return { associated: incident.associatedWithStalking, basis: "assessor-judgement" };
  if (incident.suspectKnewOrOughtToKnowUnwelcome === true && countsWhenUnwelcome(incident.kind))
    return {
      associated: true,
      basis: pha2A3ExampleFor(incident.kind) === undefined ? "unwelcome-act" : "listed-example-unwelcome",
    };
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
 * association is unknown: listed kinds with nothing else recorded are examples that count "in
 * particular circumstances" (PHA 1997 s.2A(3)), not proof, so they never make it true or false.
 *
 * @example
 * ```ts
 * import { hasCarriedOutActsAssociatedWithStalking } from "protective-orders/rule-authoring";
 * hasCarriedOutActsAssociatedWithStalking({ id: "c", incidents: [{ kind: "following", place: "abroad", suspectKnewOrOughtToKnowUnwelcome: true }] }); // true
 * hasCarriedOutActsAssociatedWithStalking({ id: "c", incidents: [{ kind: "following" }] }); // undefined
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
 * singleActCaveat({ id: "c", incidents: [{ kind: "following", associatedWithStalking: true }] }); // "spa-2019:one-act"
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
 * hasBehavedAbusively({ id: "c", incidents: [{ kind: "threats-of-violence" }] }); // true
 * hasBehavedAbusively({ id: "c", incidents: [{ kind: "monitoring-electronic-communications", suspectKnewOrOughtToKnowUnwelcome: true }] }); // true
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

const BASIS_WORDS: Record<StalkingActBasis | "unsettled", string> = {
  "listed-example-unwelcome":
    "a listed example (PHA 1997 s.2A(3)) that the suspect knew or ought to have known was unwelcome (SPA 2019 s.1(4)(b))",
  "unwelcome-act":
    "an act the England and Wales list does not name, counted because the suspect knew or ought to have known it was unwelcome (SPA 2019 s.1(4)(b))",
  "assessor-judgement": "the assessor's judgement (associatedWithStalking)",
  unsettled:
    "not settled: a listed kind counts only 'in particular circumstances' (PHA 1997 s.2A(3)); record whether the act was unwelcome and the suspect knew or ought to have known it was (SPA 2019 s.1(4)(b)), or the assessor's judgement",
};

/**
 * Says, basis by basis, on which basis the recorded acts count as acts associated with stalking for
 * SPA 2019 s.1(1)(a) and s.2(1)(a): a listed example the suspect knew or ought to have known was
 * unwelcome, an unwelcome act the England and Wales list does not name, the assessor's judgement,
 * or not settled. Acts are named by kind and counted, never by id or description (which may be
 * personal data), so the text does not depend on the order the incidents were recorded in.
 * `undefined` when no incidents are recorded.
 *
 * @example
 * ```ts
 * import { describeStalkingActBases } from "protective-orders/rule-authoring";
 * describeStalkingActBases({ id: "c", incidents: [{ kind: "following", suspectKnewOrOughtToKnowUnwelcome: true }] });
 * // "Acts associated with stalking, by basis: a listed example (PHA 1997 s.2A(3)) that … : following, s.2A(3)(a) (1 act)."
 * ```
 */
export function describeStalkingActBases(facts: CaseFacts): string | undefined {
  const incidents = facts.incidents;
  if (!incidents || incidents.length === 0) return undefined;
  const order = ["listed-example-unwelcome", "unwelcome-act", "assessor-judgement", "unsettled"] as const;
  const groups = new Map<(typeof order)[number], Map<string, number>>();
  for (const incident of incidents) {
    const reading = stalkingActBasis(incident);
    const key = reading?.basis ?? "unsettled";
    const paragraph = pha2A3ExampleFor(incident.kind);
    const kind = incident.kind.replace(/-/g, " ");
    const detail =
      reading?.basis === "assessor-judgement"
        ? `${kind}, ${reading.associated ? "associated" : "not associated"}`
        : paragraph === undefined
          ? kind
          : `${kind}, s.2A(3)(${paragraph})`;
    const counts = groups.get(key) ?? new Map<string, number>();
    counts.set(detail, (counts.get(detail) ?? 0) + 1);
    groups.set(key, counts);
  }
  const parts: string[] = [];
  for (const key of order) {
    const counts = groups.get(key);
    if (!counts) continue;
    const list = [...counts.keys()].sort().map((detail) => {
      const n = counts.get(detail) ?? 0;
      return `${detail} (${n} ${n === 1 ? "act" : "acts"})`;
    });
    parts.push(`${BASIS_WORDS[key]}: ${list.join(", ")}`);
  }
  return `Acts associated with stalking, by basis: ${parts.join("; ")}.`;
}
