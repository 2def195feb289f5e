import type * as z from "zod";
import type { Citation, Instrument, Provision } from "./citation.js";
import { citationFor, isBundledInstrument, isBundledProvision } from "./citations.js";
import type { ProvisionFileSchema } from "./provision-file-schema.js";

// A rule pack may bring its own provisions (issue 15): a force's local policy, cited by its own rules beside the
// statute's. They extend the citation registry for that rule set only (never the bundled registry: one caller's
// policy must not change another's citations), are validated by the same schema as the bundled provision files,
// and are marked in every output: the citation has `local: true` and its title ends with "(local policy)".

/**
 * What a rule pack's `provisions` holds: its own instruments (a policy document) and their provisions.
 *
 * @example
 * ```ts
 * import type { LocalProvisions } from "protective-orders/rule-authoring";
 * const policy: LocalProvisions = {
 *   instruments: [{ id: "my-force-policy", title: "My force's stalking policy", url: "https://example.org/policy", extent: "our cases" }],
 *   provisions: [{ id: "my-force-policy:para-1", instrument: "my-force-policy", provision: "para 1", summary: "What it says.", inForce: { from: "2025-01-01" }, confidence: "V1", digest: "the policy, para 1" }],
 * };
 * ```
 */
export type LocalProvisions = z.infer<typeof ProvisionFileSchema>;

/**
 * The words every local citation's title ends with.
 *
 * @example
 * ```ts
 * import { LOCAL_POLICY_MARK } from "protective-orders/rule-authoring";
 * LOCAL_POLICY_MARK; // "(local policy)"
 * ```
 */
export const LOCAL_POLICY_MARK = "(local policy)";

/**
 * A problem with a rule pack's own provisions, by path within the pack (e.g. `provisions.provisions.0.id`).
 * Internal: loadRuleSet reports these as RulePackProblems.
 */
export interface LocalProvisionProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The citations of the provisions rule packs bring with them, by id, and the problems with them: a provision or
 * instrument id that is already bundled (a local policy cannot stand in for the statute) or repeated, a provision
 * of an instrument the pack does not declare, an instrument with neither a URL nor a legislation.gov.uk path.
 * Internal to loadRuleSet.
 */
export function localCitations(
  packs: ReadonlyArray<{ readonly pack: string; readonly provisions: LocalProvisions | undefined }>,
): { citations: Map<string, Citation>; problems: Array<LocalProvisionProblem & { pack: string }> } {
  const citations = new Map<string, Citation>();
  const problems: Array<LocalProvisionProblem & { pack: string }> = [];
  const localInstrumentIds = new Set<string>();
  for (const { pack, provisions } of packs) {
    if (!provisions) continue;
    const instruments = new Map<string, Instrument>();
    provisions.instruments.forEach((instrument, i) => {
      const path = `provisions.instruments.${i}`;
      if (isBundledInstrument(instrument.id) || localInstrumentIds.has(instrument.id))
        problems.push({
          pack,
          path: `${path}.id`,
          message: `instrument id "${instrument.id}" is already in use`,
        });
      else if (!instrument.legislationPath && !instrument.url)
        problems.push({ pack, path, message: "an instrument needs a url (or a legislationPath)" });
      else {
        localInstrumentIds.add(instrument.id);
        instruments.set(instrument.id, instrument as Instrument);
      }
    });
    provisions.provisions.forEach((provision, i) => {
      const path = `provisions.provisions.${i}`;
      const instrument = instruments.get(provision.instrument);
      if (isBundledProvision(provision.id) || citations.has(provision.id))
        problems.push({
          pack,
          path: `${path}.id`,
          message: `provision id "${provision.id}" is already in use`,
        });
      else if (!instrument)
        problems.push({
          pack,
          path: `${path}.instrument`,
          message: `instrument "${provision.instrument}" is not one of this pack's own instruments`,
        });
      else citations.set(provision.id, localCitation(instrument, provision as Provision));
    });
  }
  return { citations, problems };
}

function localCitation(instrument: Instrument, provision: Provision): Citation {
  const base = instrument.legislationPath
    ? `https://www.legislation.gov.uk/${instrument.legislationPath}`
    : (instrument.url ?? "");
  const url = instrument.legislationPath && provision.section ? `${base}/section/${provision.section}` : base;
  const title = provision.provision ? `${instrument.title}, ${provision.provision}` : instrument.title;
  return Object.freeze({
    id: provision.id,
    title: `${title} ${LOCAL_POLICY_MARK}`,
    url,
    confidence: provision.confidence,
    unverified: provision.confidence === "UNVERIFIED",
    local: true as const,
  });
}

/**
 * The citation for an id: a rule set's own (local) provision if it has one by that id, else the bundled one.
 * Internal: the compiler and the assessment use it for rule sets with their own provisions.
 */
export function resolveCitation(local: ReadonlyMap<string, Citation> | undefined, id: string): Citation {
  return local?.get(id) ?? citationFor(id);
}
