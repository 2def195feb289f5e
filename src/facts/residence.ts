import type { CaseFacts } from "../model/case-facts.js";
import { POLICE_FORCES, type PoliceForceId } from "../model/police-forces.js";

// Where the suspect lives, and which chief officers may therefore apply: SPA 2019 s.1(3) (a chief
// officer for a police area in England and Wales may apply only about a person who lives in that
// area, or whom the chief officer believes is in, or intends to come to, it; BTP and MoD Police are
// not limited by area, explanatory notes) and the Protection from Stalking Act (Northern Ireland)
// 2022 s.7(3) (the same shape for the Chief Constable of the PSNI and Northern Ireland). One
// mechanism serves both (law digest §14).

/**
 * The territory a chief officer's area limit is read against: England and Wales (SPA 2019 s.1(3))
 * or Northern Ireland (2022 Act s.7(3)).
 *
 * @example
 * ```ts
 * import type { ApplicationTerritory } from "protective-orders/rule-authoring";
 * const territory: ApplicationTerritory = "england-and-wales";
 * ```
 */
export type ApplicationTerritory = "england-and-wales" | "northern-ireland";

/**
 * How the suspect stands to a territory's area limit:
 * - `lives-in-territory`: the suspect lives there (a home area in it, or `livesIn` naming it);
 * - `believed-in-or-coming-to-territory`: lives elsewhere (or where is not recorded), but is believed
 *   to be in, or to intend to come to, an area in it;
 * - `residence-not-recorded`: nothing says where the suspect lives, nor that he is believed to be in
 *   or coming to an area of the territory. The area limit settles *who* applies, not whether the
 *   order exists (digest §14), so this does not make the order unavailable: the assessment names
 *   who may apply instead;
 * - `outside-and-not-coming`: recorded as living outside the territory, and the places he is believed
 *   to be in or coming to are recorded without any area of it: no chief officer for an area there
 *   may apply.
 *
 * @example
 * ```ts
 * import type { TerritorialReach } from "protective-orders/rule-authoring";
 * const reach: TerritorialReach = "residence-not-recorded";
 * ```
 */
export type TerritorialReach =
  | "lives-in-territory"
  | "believed-in-or-coming-to-territory"
  | "residence-not-recorded"
  | "outside-and-not-coming";

/**
 * Every {@link TerritorialReach}, in the order the type lists them (the values of the area-limit facts).
 *
 * @example
 * ```ts
 * import { TERRITORIAL_REACHES } from "protective-orders/rule-authoring";
 * TERRITORIAL_REACHES.includes("residence-not-recorded"); // true
 * ```
 */
export const TERRITORIAL_REACHES: readonly TerritorialReach[] = [
  "lives-in-territory",
  "believed-in-or-coming-to-territory",
  "residence-not-recorded",
  "outside-and-not-coming",
];

type Place = "england-and-wales" | "scotland" | "northern-ireland" | "outside-the-uk";

const NORTHERN_IRELAND_FORCE: PoliceForceId = "psni";

/** The territory of a territorial force's area, or undefined for BTP and MoD Police (no area). */
function territoryOfForce(force: PoliceForceId): ApplicationTerritory | undefined {
  if (force === NORTHERN_IRELAND_FORCE) return "northern-ireland";
  const entry = POLICE_FORCES.find((f) => f.id === force);
  return entry?.territorial === true ? "england-and-wales" : undefined;
}

/**
 * Where the suspect lives: the place of `homeForceArea` (BTP and MoD Police have no area, so they
 * say nothing), else `livesIn`; "conflict" where both are recorded and disagree; undefined where
 * neither says.
 */
function suspectResidence(facts: CaseFacts): Place | "conflict" | undefined {
  const home = facts.suspect?.homeForceArea;
  const fromArea = home === undefined ? undefined : territoryOfForce(home);
  const livesIn = facts.suspect?.livesIn;
  if (fromArea !== undefined && livesIn !== undefined && fromArea !== livesIn) return "conflict";
  return fromArea ?? livesIn;
}

/**
 * How the suspect stands to the area limit of `territory` (SPA 2019 s.1(3); NI 2022 Act s.7(3)):
 * see {@link TerritorialReach}. Unknown (`undefined`) where the suspect is recorded as living
 * outside the territory but where he is believed to be is not recorded (the question decides
 * whether any chief officer there may apply), or where the home area and `livesIn` disagree.
 *
 * @example
 * ```ts
 * import { suspectTerritorialReach as reach } from "protective-orders/rule-authoring";
 * reach({ id: "c", suspect: { homeForceArea: "kent" } }, "england-and-wales"); // "lives-in-territory"
 * reach({ id: "c", suspect: { livesIn: "outside-the-uk", believedInOrComingTo: [] } }, "england-and-wales"); // "outside-and-not-coming"
 * reach({ id: "c", suspect: { livesIn: "outside-the-uk" } }, "england-and-wales"); // undefined
 * reach({ id: "c" }, "england-and-wales"); // "residence-not-recorded"
 * ```
 */
export function suspectTerritorialReach(
  facts: CaseFacts,
  territory: ApplicationTerritory,
): TerritorialReach | undefined {
  const residence = suspectResidence(facts);
  if (residence === territory) return "lives-in-territory";
  const believed = facts.suspect?.believedInOrComingTo;
  if (believed?.some((force) => territoryOfForce(force) === territory)) {
    return "believed-in-or-coming-to-territory";
  }
  if (residence === "conflict") return undefined;
  if (residence === undefined) return "residence-not-recorded";
  return believed === undefined ? undefined : "outside-and-not-coming";
}

function forceName(force: PoliceForceId): string {
  return POLICE_FORCES.find((f) => f.id === force)?.name ?? force;
}

/**
 * Plain words naming who may apply for an England and Wales SPO under SPA 2019 s.1(3), from what the
 * case records: the chief officer of the suspect's home area, of any area he is believed to be in or
 * coming to, the force recording the case only where it believes he is in or coming to its area,
 * and BTP and MoD Police (not limited by area). Undefined for a case outside England and Wales.
 *
 * @example
 * ```ts
 * import { whoMayApplyForAStalkingProtectionOrder as whoMayApply } from "protective-orders/rule-authoring";
 * whoMayApply({ id: "c", jurisdiction: "england-and-wales", policeForceArea: "kent", suspect: { homeForceArea: "essex", believedInOrComingTo: [] } });
 * // "Who may apply (SPA 2019 s.1(3)): the suspect lives in the Essex Police area, so its chief officer may apply. …"
 * ```
 */
export function whoMayApplyForAStalkingProtectionOrder(facts: CaseFacts): string | undefined {
  const ni = facts.jurisdiction === "northern-ireland";
  if (!ni && facts.jurisdiction !== "england-and-wales") return undefined;
  const reach = suspectTerritorialReach(facts, ni ? "northern-ireland" : "england-and-wales");
  const where = ni ? "Northern Ireland" : "England and Wales";
  const unsettled = reach === undefined || reach === "residence-not-recorded";
  let text = `Who may apply (${ni ? "2022 Act s.7(3)" : "SPA 2019 s.1(3)"}): `;
  if (ni) {
    text +=
      reach === "outside-and-not-coming"
        ? "the suspect lives outside Northern Ireland and is not believed to be in or coming to it, so the Chief Constable may not apply."
        : unsettled
          ? "where the suspect lives is not settled; the Chief Constable may apply only about a person who resides in Northern Ireland or is believed to be in or coming to it."
          : "the suspect resides in, or is believed to be in or coming to, Northern Ireland, so the Chief Constable may apply.";
    return text;
  }
  const home = facts.suspect?.homeForceArea;
  const homeArea = home !== undefined && territoryOfForce(home) === "england-and-wales" ? home : undefined;
  const believed = (facts.suspect?.believedInOrComingTo ?? []).filter(
    (force) => territoryOfForce(force) === "england-and-wales" && force !== homeArea,
  );
  if (reach === "outside-and-not-coming") {
    text += `the suspect lives outside ${where} and is not believed to be in or coming to any police area there, so no territorial force may apply.`;
  } else if (homeArea !== undefined) {
    text += `the suspect lives in the ${forceName(homeArea)} area, so its chief officer may apply.`;
  } else if (reach === "lives-in-territory") {
    text += `the suspect lives in ${where}: the chief officer of that area (not recorded) may apply.`;
  } else if (unsettled) {
    text += `where the suspect lives is not settled: the chief officer of the area where the suspect lives may apply, or one who believes the suspect is in or coming to its area.`;
  } else {
    text += `the suspect lives outside ${where}, so only a chief officer who believes the suspect is in or coming to its area may apply.`;
  }
  if (believed.length > 0) {
    text += ` The suspect is believed to be in or coming to the area of ${believed.map(forceName).join(", ")}: that chief officer may apply.`;
  }
  const recording = facts.policeForceArea;
  if (
    reach !== "outside-and-not-coming" &&
    recording !== undefined &&
    territoryOfForce(recording) === "england-and-wales" &&
    recording !== homeArea &&
    !believed.includes(recording)
  ) {
    text += ` ${forceName(recording)}, where the case is recorded, may apply only if it believes the suspect is in or coming to its area.`;
  }
  // Digest §14: BTP and MoD Police are named as not area-limited; whether they would act is not in the digest.
  return `${text} British Transport Police and the Ministry of Defence Police are not limited by area (whether they would act on a case like this is a practical question this library does not answer).`;
}
