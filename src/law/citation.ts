import type { IsoDate } from "../model/iso-date.js";

/**
 * How sure the law digest is of a point: `V1` verified against primary or official text, `V2`
 * through a reputable secondary source, `INF` inferred from verified text, `UNVERIFIED` not
 * confirmed. Points marked `UNVERIFIED` carry `unverified: true` wherever they reach a user.
 *
 * @example
 * ```ts
 * import { citationFor, type Confidence } from "protective-orders";
 * const confidence: Confidence = citationFor("spa-2019:s1(5)").confidence; // "V1"
 * ```
 */
export type Confidence = "V1" | "V2" | "INF" | "UNVERIFIED";

/**
 * When a provision is in force: from a day (inclusive) to a day (inclusive), or open-ended.
 * `from: null` means the provision is enacted but its commencement is unknown; `to: null` (or
 * absent) means no end is known; `noDataAfter` marks the last day the law digest has data for.
 *
 * @example
 * ```ts
 * import { type InForcePeriod } from "protective-orders";
 * import { lawStatusOn } from "protective-orders/rule-authoring";
 * const spa2019: InForcePeriod = { from: "2020-01-20" };
 * lawStatusOn(spa2019, "2025-06-01"); // "in-force"
 * ```
 */
export interface InForcePeriod {
  readonly from: IsoDate | null;
  readonly to?: IsoDate | null | undefined;
  /** The last day for which the law digest has data; later dates get "no data" rather than a guess. */
  readonly noDataAfter?: IsoDate | undefined;
  /** With `from: null`: the provision cannot be in force before this day (e.g. before Royal Assent). */
  readonly notBefore?: IsoDate | undefined;
  /** `UNVERIFIED` when the start date is not in the law digest (shown in the legal-basis docs). */
  readonly dateConfidence?: Confidence | undefined;
  readonly note?: string | undefined;
}

/**
 * A statute, statutory instrument, piece of guidance or judgment.
 *
 * @example
 * ```ts
 * import { listInstruments, type Instrument } from "protective-orders";
 * const spa: Instrument | undefined = listInstruments().find((i) => i.id === "spa-2019");
 * spa?.legislationPath; // "ukpga/2019/9"
 * ```
 */
export interface Instrument {
  readonly id: string;
  readonly title: string;
  /** The legislation.gov.uk path, e.g. `ukpga/2019/9`, from which section URLs are built. */
  readonly legislationPath?: string;
  /** For instruments not on legislation.gov.uk (guidance, judgments): their public URL. */
  readonly url?: string;
  readonly extent: string;
}

/**
 * A cited provision: one section (or subsection) of one instrument.
 *
 * @example
 * ```ts
 * import { getProvision, type Provision } from "protective-orders";
 * const provision: Provision | undefined = getProvision("spa-2019:s1(1)(a)");
 * provision?.inForce.from; // "2020-01-20"
 * ```
 */
export interface Provision {
  readonly id: string;
  readonly instrument: string;
  /** As written in citations: `s.1(1)(a)`, `reg. 2`, `para 14A`. For judgments, a paragraph or "". */
  readonly provision: string;
  /** The section number used to build the legislation.gov.uk URL (e.g. `1`, `5A`). */
  readonly section?: string;
  /** The schedule number, for provisions in a schedule. */
  readonly schedule?: string;
  /** A short paraphrase of what the provision says (never a long quotation). */
  readonly summary: string;
  readonly inForce: InForcePeriod;
  readonly confidence: Confidence;
  /** Where in the law digest (shared/law/legal-basis.md) this comes from. */
  readonly digest: string;
  readonly note?: string;
}

/**
 * A citation as it appears in outputs: the provision's id, a human title built from the
 * instrument and provision, a URL built from the same, and whether it is unverified.
 *
 * @example
 * ```ts
 * import { citationFor, type Citation } from "protective-orders";
 * const citation: Citation = citationFor("spa-2019:s1(5)");
 * citation.url; // "https://www.legislation.gov.uk/ukpga/2019/9/section/1"
 * ```
 */
export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly confidence: Confidence;
  readonly unverified: boolean;
  /**
   * `true` for a provision a rule pack brought with it (a force's local policy): not part of the bundled law.
   * Its title then ends with "(local policy)", so every output that shows the citation says so.
   */
  readonly local?: true;
}
