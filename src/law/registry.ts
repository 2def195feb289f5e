import { onFirstUse } from "../model/on-first-use.js";
import { deepFreezeData } from "../model/plain-data.js";
import type { Instrument, Provision } from "./citation.js";
import crimeAndPolicingAct2026 from "./crime-and-policing-act-2026/provisions.json";
import crimeAndSecurityAct2010 from "./crime-and-security-act-2010/provisions.json";
import domesticAbuseAct2021 from "./domestic-abuse-act-2021/provisions.json";
import familyLawAct1996 from "./family-law-act-1996/provisions.json";
import guidanceAndCaseLaw from "./guidance-and-case-law/provisions.json";
import outsideEnglandAndWales from "./outside-england-and-wales/provisions.json";
import protectionFromHarassmentAct1997 from "./protection-from-harassment-act-1997/provisions.json";
import protectionFromStalkingActNorthernIreland2022 from "./protection-from-stalking-act-northern-ireland-2022/provisions.json";
import { ProvisionFileSchema } from "./provision-file-schema.js";
import sentencingAct2020 from "./sentencing-act-2020/provisions.json";
import stalkingProtectionAct2019 from "./stalking-protection-act-2019/provisions.json";

/** The provision files, one per instrument folder, in a fixed order. */
const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ["stalking-protection-act-2019", stalkingProtectionAct2019],
  ["family-law-act-1996", familyLawAct1996],
  ["protection-from-harassment-act-1997", protectionFromHarassmentAct1997],
  ["sentencing-act-2020", sentencingAct2020],
  ["domestic-abuse-act-2021", domesticAbuseAct2021],
  ["crime-and-security-act-2010", crimeAndSecurityAct2010],
  ["crime-and-policing-act-2026", crimeAndPolicingAct2026],
  ["protection-from-stalking-act-northern-ireland-2022", protectionFromStalkingActNorthernIreland2022],
  ["outside-england-and-wales", outsideEnglandAndWales],
  ["guidance-and-case-law", guidanceAndCaseLaw],
];

function buildRegistry(): { instruments: Map<string, Instrument>; provisions: Map<string, Provision> } {
  const instruments = new Map<string, Instrument>();
  const provisions = new Map<string, Provision>();
  for (const [folder, raw] of FILES) {
    const parsed = ProvisionFileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(
        `law/${folder}/provisions.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    }
    for (const instrument of parsed.data.instruments) {
      if (instruments.has(instrument.id))
        throw new Error(`duplicate instrument id ${instrument.id} in law/${folder}`);
      if (!instrument.legislationPath && !instrument.url)
        throw new Error(`instrument ${instrument.id} has neither legislationPath nor url`);
      instruments.set(instrument.id, stripUndefined(instrument) as Instrument);
    }
    for (const provision of parsed.data.provisions) {
      if (provisions.has(provision.id))
        throw new Error(`duplicate provision id ${provision.id} in law/${folder}`);
      provisions.set(provision.id, stripUndefined(provision) as Provision);
    }
  }
  for (const provision of provisions.values()) {
    if (!instruments.has(provision.instrument)) {
      throw new Error(`provision ${provision.id} names unknown instrument ${provision.instrument}`);
    }
  }
  // Frozen: an edit to an object from getProvision() must not change a later citation.
  for (const instrument of instruments.values()) deepFreezeData(instrument);
  for (const provision of provisions.values()) deepFreezeData(provision);
  return { instruments, provisions };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The registry, validated and built on first use, not at import: validating every provision file
 * took about a tenth of `import "protective-orders"`. Citations come from the citation index
 * (citations.ts), not from here; the bundled files are validated whenever getProvision, listProvisions
 * or listInstruments is first called (tests/law/registry.test.ts and citation-index.test.ts do), so an
 * invalid file still fails the tests. Built seeing Object.prototype as it was at import (`onFirstUse`).
 */
const registry = onFirstUse(buildRegistry);

/**
 * Every instrument (Act, statutory instrument, guidance, judgment) the library cites.
 *
 * @example
 * ```ts
 * import { listInstruments } from "protective-orders";
 * listInstruments().some((i) => i.id === "spa-2019"); // true
 * ```
 */
export function listInstruments(): readonly Instrument[] {
  return [...registry().instruments.values()];
}

/**
 * Every cited provision, in registry order.
 *
 * @example
 * ```ts
 * import { listProvisions } from "protective-orders";
 * listProvisions().filter((p) => p.confidence === "UNVERIFIED").length > 0; // true
 * ```
 */
export function listProvisions(): readonly Provision[] {
  return [...registry().provisions.values()];
}

/**
 * The provision with this id, or `undefined`.
 *
 * @example
 * ```ts
 * import { getProvision } from "protective-orders";
 * getProvision("spa-2019:s1(1)(a)")?.summary;
 * ```
 */
export function getProvision(id: string): Provision | undefined {
  return registry().provisions.get(id);
}

/**
 * The public URL of a provision, built from its instrument and section so that title and link
 * cannot drift: legislation.gov.uk for legislation, the instrument's own URL otherwise.
 *
 * @example
 * ```ts
 * import { getProvision, provisionUrl } from "protective-orders";
 * provisionUrl(getProvision("spa-2019:s1(1)(a)")!); // "https://www.legislation.gov.uk/ukpga/2019/9/section/1"
 * ```
 */
export function provisionUrl(provision: Provision): string {
  const instrument = registry().instruments.get(provision.instrument);
  if (!instrument) throw new Error(`unknown instrument ${provision.instrument}`);
  if (instrument.legislationPath) {
    const base = `https://www.legislation.gov.uk/${instrument.legislationPath}`;
    if (provision.schedule) return `${base}/schedule/${provision.schedule}`;
    return provision.section ? `${base}/section/${provision.section}` : base;
  }
  return instrument.url ?? "";
}

// The citations themselves are built from the citation index (citations.ts), not from these files: `assess` does
// not need the provisions' summaries. Re-exported here for callers that import them from the registry.
export { citationFor } from "./citations.js";
export { ProvisionFileSchema } from "./provision-file-schema.js";
