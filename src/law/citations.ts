import type { Citation, Confidence } from "./citation.js";
import index from "./citation-index.json";

// The bundled citations, built from the citation index (src/law/citation-index.json, written by
// scripts/write-citation-index.mjs from the provision files): what a citation needs of each instrument and
// provision and nothing else, so that `assess` and the other functions that cite do not carry the provisions'
// summaries and digests. The provision files themselves are read (and validated) by registry.ts, for
// getProvision and listProvisions; tests/law/citation-index.test.ts checks both give the same citations.

type InstrumentEntry = readonly [title: string, legislationPath: string | null, url: string | null];
type ProvisionEntry = readonly [
  instrument: string,
  provision: string,
  section: string | null,
  schedule: string | null,
  confidence: Confidence,
];

const INSTRUMENTS = index.instruments as unknown as Readonly<Record<string, InstrumentEntry>>;
const PROVISIONS = index.provisions as unknown as Readonly<Record<string, ProvisionEntry>>;

let built: Map<string, Citation> | undefined;

function citations(): Map<string, Citation> {
  if (built !== undefined) return built;
  const map = new Map<string, Citation>();
  for (const [id, [instrumentId, provision, section, schedule, confidence]] of Object.entries(PROVISIONS)) {
    const [title, legislationPath, url] = INSTRUMENTS[instrumentId]!;
    let link = url ?? "";
    if (legislationPath) {
      const base = `https://www.legislation.gov.uk/${legislationPath}`;
      link = schedule ? `${base}/schedule/${schedule}` : section ? `${base}/section/${section}` : base;
    }
    map.set(
      id,
      Object.freeze({
        id,
        title: provision ? `${title}, ${provision}` : title,
        url: link,
        confidence,
        unverified: confidence === "UNVERIFIED",
      }),
    );
  }
  built = map;
  return map;
}

/**
 * The citation for a provision id, as it appears in outputs. Throws for an unknown id: every
 * rule's citation is checked when the rules load, so this cannot fail at run time for them.
 *
 * @example
 * ```ts
 * import { citationFor } from "protective-orders";
 * citationFor("spa-2019:s1(5)").title; // "Stalking Protection Act 2019, s.1(5)"
 * ```
 */
export function citationFor(id: string): Citation {
  const citation = Object.hasOwn(PROVISIONS, id) ? citations().get(id) : undefined;
  if (!citation) throw new Error(`unknown citation ${id}`);
  return citation;
}

/** Whether a provision id is one of the bundled law's. Internal: rule-pack loading uses it. */
export function isBundledProvision(id: string): boolean {
  return Object.hasOwn(PROVISIONS, id);
}

/** Whether an instrument id is one of the bundled law's. Internal: rule-pack loading uses it. */
export function isBundledInstrument(id: string): boolean {
  return Object.hasOwn(INSTRUMENTS, id);
}
