import * as z from "zod";
import { IsoDateSchema } from "../model/iso-date.js";
import { onFirstUse } from "../model/on-first-use.js";
import { deepFreezeData } from "../model/plain-data.js";
import type { Citation, Instrument, Provision } from "./citation.js";
import crimeAndPolicingAct2026 from "./crime-and-policing-act-2026/provisions.json";
import crimeAndSecurityAct2010 from "./crime-and-security-act-2010/provisions.json";
import domesticAbuseAct2021 from "./domestic-abuse-act-2021/provisions.json";
import familyLawAct1996 from "./family-law-act-1996/provisions.json";
import guidanceAndCaseLaw from "./guidance-and-case-law/provisions.json";
import outsideEnglandAndWales from "./outside-england-and-wales/provisions.json";
import protectionFromHarassmentAct1997 from "./protection-from-harassment-act-1997/provisions.json";
import protectionFromStalkingActNorthernIreland2022 from "./protection-from-stalking-act-northern-ireland-2022/provisions.json";
import sentencingAct2020 from "./sentencing-act-2020/provisions.json";
import stalkingProtectionAct2019 from "./stalking-protection-act-2019/provisions.json";

/**
 * Whether a string is a safe link target for a citation: an absolute `https:` URL with a host, written with no
 * whitespace or control character anywhere (a leading space or tab must not hide a `javascript:` scheme from a
 * renderer that trims). Rendered citations are links in Markdown (`[title](url)`), so a rule pack from outside
 * must not be able to make one run code (`javascript:`, `data:`, `vbscript:` in any case) or point at a file.
 */
function isHttpsUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: whitespace and controls are what is refused
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(value)) return false;
  // A host name (no user:password@, which can disguise the host), an optional port, then a path, query or fragment.
  return /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?$/i.test(value);
}

// The message names what is expected, never the value (which may be hostile).
const httpsUrl = z.string().refine(isHttpsUrl, {
  message: "must be an https: URL (https://…, no spaces); javascript:, data: and other schemes are refused",
});

const confidence = z.enum(["V1", "V2", "INF", "UNVERIFIED"]);
const inForce = z.strictObject({
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable().optional(),
  noDataAfter: IsoDateSchema.optional(),
  notBefore: IsoDateSchema.optional(),
  dateConfidence: confidence.optional(),
  note: z.string().optional(),
});
/**
 * The schema of a provision file (`law/<instrument>/provisions.json`): its instruments and provisions. A rule
 * pack's own `provisions` are validated by the same schema (see `localCitations`).
 *
 * @example
 * ```ts
 * import { ProvisionFileSchema } from "protective-orders/rule-authoring";
 * ProvisionFileSchema.safeParse({ instruments: [], provisions: [] }).success; // true
 * ```
 */
export const ProvisionFileSchema = z.strictObject({
  instruments: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      legislationPath: z
        .string()
        .regex(/^[a-z]+\/\d{4}\/\d+$/)
        .optional(),
      url: httpsUrl.optional(),
      extent: z.string().min(1),
    }),
  ),
  provisions: z.array(
    z.strictObject({
      id: z.string().min(1),
      instrument: z.string().min(1),
      provision: z.string(),
      section: z.string().optional(),
      schedule: z.string().optional(),
      summary: z.string().min(1),
      inForce,
      confidence,
      digest: z.string().min(1),
      note: z.string().optional(),
    }),
  ),
});

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
 * took about a tenth of `import "protective-orders"`. The bundled files are validated the same way
 * whenever the tests or the build look a citation up, so an invalid file still fails them.
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
  const citation = citations().get(id);
  if (!citation) throw new Error(`unknown citation ${id}`);
  return citation;
}

function buildCitation(provision: Provision): Citation {
  const instrument = registry().instruments.get(provision.instrument)!;
  return Object.freeze({
    id: provision.id,
    title: provision.provision ? `${instrument.title}, ${provision.provision}` : instrument.title,
    url: provisionUrl(provision),
    confidence: provision.confidence,
    unverified: provision.confidence === "UNVERIFIED",
  });
}

// Built once from the registry (on first use) and never changed: derived data, not state.
const citations = onFirstUse(
  (): ReadonlyMap<string, Citation> =>
    new Map([...registry().provisions.values()].map((provision) => [provision.id, buildCitation(provision)])),
);
