// What a DVPN or DVPO may contain (Crime and Security Act 2010 s.24 and s.28; law digest §6.5,
// §14): a provision prohibiting P from molesting the person protected (it must contain one), and
// the premises provisions (not to evict or exclude the person protected from premises, not to
// enter them, to leave them, not to come within a distance of them). Anything else (surrender a
// passport, stay in a county, attend a programme) is outside what the sections provide. A DAPN's
// only positive requirement is likewise to leave premises (DAA 2021 s.23(2)(c), digest §13).
//
// Each term is read by its category where one is given, else by what its words require (the thing
// to be left, entered or approached), never by a single word: "Leave your passport at the police
// station" and "Do not leave the county" are not requirements to leave premises. Where the words
// cannot settle it, the term is "unclear" and the caller gets a warning saying what to check.

/**
 * What a DVPN or DVPO term is, under CSA 2010 s.24 and s.28:
 * - `molestation`: the provision prohibiting P from molesting the person protected;
 * - `molestation-like`: a prohibition on conduct that is molestation (contact, harassment,
 *   violence…), which the sections allow, but which does not itself say it prohibits molestation;
 * - `premises`: a premises provision (to leave, not to enter, not to evict or exclude, not to come
 *   within a distance);
 * - `outside`: a term the sections do not provide for;
 * - `unclear`: the words alone cannot tell.
 *
 * @example
 * ```ts
 * import type { DomesticViolenceProtectionTermKind } from "protective-orders";
 * const kind: DomesticViolenceProtectionTermKind = "premises";
 * ```
 */
export type DomesticViolenceProtectionTermKind =
  | "molestation"
  | "molestation-like"
  | "premises"
  | "outside"
  | "unclear";

const MOLESTATION_CATEGORIES = new Set(["molestation", "non-molestation"]);
const MOLESTATION_LIKE_CATEGORIES = new Set([
  "contact",
  "no-contact",
  "harassment",
  "approach",
  "violence",
  "communication",
]);
const PREMISES_CATEGORIES = new Set([
  "leave-premises",
  "premises",
  "enter-premises",
  "not-to-enter-premises",
  "exclusion-from-premises",
  "not-to-evict",
  "eviction",
  "occupation",
  "distance-from-premises",
]);
// A category that may or may not be about the shared premises.
const UNCLEAR_CATEGORIES = new Set(["exclusion-zone", "exclusion", "zone", "other"]);

// The places a premises provision is about: the premises P shares with the person protected.
const PREMISES_NOUN =
  /\b(?:premises|home|house|flat|dwelling|dwelling-house|residence|address|property|bungalow|maisonette)\b/i;
// A street address ("12 Example Road"): the premises named by their address.
const STREET_ADDRESS =
  /\b\d+[a-z]?,?\s+(?:[A-Za-z'’-]+\s+){1,3}(?:road|street|avenue|lane|close|drive|way|court|crescent|place|terrace|gardens|grove|hill|square|walk|row|mews|park|rise|view)\b/i;
// Places too wide to be premises: leaving (or not leaving) them is a restriction on movement.
const WIDE_AREA =
  /\b(?:county|country|area|town|city|district|region|borough|village|jurisdiction|england|wales|scotland|united kingdom|uk|britain)\b/i;
// "leave" or "vacate" with what is left: the words after the verb up to a preposition that starts a
// second place ("at the police station") or the clause's end.
const LEAVE_OBJECT =
  /\b(?:leave|vacate)\b((?:\s+(?:and\s+not\s+return\s+to|and\s+stay\s+away\s+from))?[^,.;:]*)/i;
const NEGATED_LEAVE = /\b(?:not|never|n't|nor)\s+(?:to\s+)?(?:leave|vacate)\b/i;
const MOLEST = /\bmolest/i;
const MOLESTATION_LIKE =
  /\b(?:contact\w*|communicat\w*|harass\w*|pester\w*|intimidat\w*|violen\w*|threat\w*|assault\w*|approach\w*|abus\w*|follow\w*|watch\w*|come\s+within)\b/i;
const PREMISES_PROHIBITION =
  /\b(?:enter\w*|evict\w*|exclud\w*|return\w*\s+to|within\s+\d+\s*(?:m|metres?|meters?|yards?|miles?|km)\b)/i;

/** The words of a "leave …" requirement that name what is left, before any second place. */
function whatIsLeft(text: string): string | undefined {
  const match = LEAVE_OBJECT.exec(text);
  if (!match) return undefined;
  // "Leave your passport at the police station": the thing left is before "at".
  const object = (match[1] ?? "").split(/\s(?:at|with|in|to|for|on|by|until|before|after)\s/i)[0] ?? "";
  const tail = match[1] ?? "";
  return /^\s+and\s+(?:not\s+return\s+to|stay\s+away\s+from)/i.test(tail) ? tail : object;
}

/**
 * What a DVPN, DVPO or DAPN term is (see {@link DomesticViolenceProtectionTermKind}): by its
 * category where it has one the sections name, else by what its words require. `side` says whether
 * it is one of the order's prohibitions or one of its requirements.
 *
 * @example
 * ```ts
 * import { classifyDomesticViolenceProtectionTerm as classify } from "protective-orders";
 * classify({ text: "To leave 12 Example Road, the home P shares with V." }, "requirement"); // "premises"
 * classify({ text: "Leave your passport at the police station." }, "requirement"); // "outside"
 * classify({ text: "Do not leave the county." }, "prohibition"); // "outside"
 * classify({ text: "Not to molest V." }, "prohibition"); // "molestation"
 * ```
 */
export function classifyDomesticViolenceProtectionTerm(
  term: { readonly text?: unknown; readonly category?: unknown },
  side: "prohibition" | "requirement",
): DomesticViolenceProtectionTermKind {
  const category = typeof term.category === "string" ? term.category.trim().toLowerCase() : undefined;
  if (category !== undefined && category !== "") {
    if (PREMISES_CATEGORIES.has(category)) {
      // A positive requirement can only be to leave; the other premises provisions are prohibitions.
      return side === "requirement" && category !== "leave-premises" && category !== "premises"
        ? "unclear"
        : "premises";
    }
    if (side === "prohibition" && MOLESTATION_CATEGORIES.has(category)) return "molestation";
    if (side === "prohibition" && MOLESTATION_LIKE_CATEGORIES.has(category)) return "molestation-like";
    if (!UNCLEAR_CATEGORIES.has(category)) return "outside";
  }
  const text = typeof term.text === "string" ? term.text : "";
  if (side === "requirement") {
    if (NEGATED_LEAVE.test(text)) return "outside";
    const left = whatIsLeft(text);
    if (left === undefined) return category !== undefined ? "unclear" : "outside";
    if (WIDE_AREA.test(left) && !PREMISES_NOUN.test(left) && !STREET_ADDRESS.test(left)) return "outside";
    if (PREMISES_NOUN.test(left) || STREET_ADDRESS.test(left)) return "premises";
    // "Leave the hostel", "Vacate number 12": it may be the shared premises; the words do not say.
    return /^\s*(?:the|your|his|her|their)?\s*[a-z'’-]+\s*$/i.test(left) &&
      !/\b(?:passport|keys?|phone|car|vehicle|items?|belongings|documents?|firearms?|weapons?)\b/i.test(left)
      ? "unclear"
      : "outside";
  }
  if (MOLEST.test(text)) return "molestation";
  // "Do not leave the county": a restriction on movement, not a premises provision.
  if (NEGATED_LEAVE.test(text) || /\b(?:stay|remain)\s+(?:in|within)\b/i.test(text)) {
    const left = whatIsLeft(text) ?? text;
    return PREMISES_NOUN.test(left) || STREET_ADDRESS.test(left) ? "unclear" : "outside";
  }
  if (PREMISES_PROHIBITION.test(text) && (PREMISES_NOUN.test(text) || STREET_ADDRESS.test(text)))
    return "premises";
  if (MOLESTATION_LIKE.test(text)) return "molestation-like";
  if (PREMISES_PROHIBITION.test(text)) return "unclear";
  return "unclear";
}
