import { addDaysToDate, addYearsToDate, daysBetweenDates } from "../dates/calendar.js";
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import type { Suspect } from "../model/case-facts.js";
import { type Order, OrderSchema, PoliceRankSchema } from "../model/order.js";
import { problemsFromZodError } from "../model/parse-case-facts.js";
import type { OrderInput, ReadonlyDeep } from "../model/readonly-input.js";
import { isNorthernIrelandOrder, northernIrelandOrderIssues } from "./northern-ireland.js";
import {
  classifyDomesticViolenceProtectionTerm,
  type DomesticViolenceProtectionTermKind,
} from "./premises-and-molestation-terms.js";

/**
 * One legal defect or warning found in an order.
 *
 * @example
 * ```ts
 * import { validateOrder, type OrderIssue } from "protective-orders";
 * const describe = (issue: OrderIssue) => `${issue.path || "(order)"}: ${issue.message} (${issue.citations[0]?.title})`;
 * const { defects } = validateOrder({
 *   kind: "dvpo",
 *   protectedPersons: ["v"],
 *   madeOn: "2025-03-03",
 *   duration: { type: "fixed", endsOn: "2025-05-02" },
 *   prohibitions: [{ text: "Not to molest V." }],
 * });
 * defects.map(describe); // ["duration.endsOn: A DVPO lasts between 14 and 28 days; … (Crime and Security Act 2010, s.28)"]
 * ```
 */
export interface OrderIssue {
  readonly code: string;
  /** Where in the order, e.g. `duration.endsOn` or `requirements.0`; empty for the order as a whole. */
  readonly path: string;
  readonly message: string;
  readonly citations: readonly Citation[];
  /** True when the issue rests on a point the law digest does not verify from the primary text, with its level. */
  readonly unverified?: true;
  /** The law digest's level for that point ("V2": a secondary source; "INF": inference; "UNVERIFIED"). */
  readonly confidence?: "V2" | "INF" | "UNVERIFIED";
}

/**
 * The result of checking an order.
 *
 * @example
 * ```ts
 * import { validateOrder, type OrderValidation } from "protective-orders";
 * const result: OrderValidation = validateOrder({
 *   kind: "spo",
 *   appliedForBy: { role: "chief-officer" },
 *   protectedPersons: ["v"],
 *   madeOn: "2025-01-10",
 *   duration: { type: "fixed", endsOn: "2026-01-10" },
 *   prohibitions: [{ text: "Not to contact V by any means." }],
 * });
 * result.defects.map((d) => d.code); // ["spo-term-under-two-years"] (s.3)
 * ```
 */
export interface OrderValidation {
  /** True when there are no defects (warnings do not make an order invalid). */
  readonly valid: boolean;
  readonly defects: readonly OrderIssue[];
  readonly warnings: readonly OrderIssue[];
  /** The parsed order, when it could be read. */
  readonly order?: Order;
}

// Orders that can only prohibit (FLA 1996 s.42; Sentencing Act 2020 s.359; PHA 1997 s.5A).
const PROHIBITION_ONLY: Readonly<Record<string, string>> = {
  nmo: "fla-1996:s42",
  "restraining-order-on-conviction": "sa-2020:s359",
  "restraining-order-on-acquittal": "pha-1997:s5A",
};

// Orders whose only positive requirement is to leave premises shared with the person protected
// (CSA 2010 s.24 and s.28(8); DAA 2021 s.23(2)(c): law digest §13, §C.6). A DAPO may impose any
// requirement the court considers necessary (DAA s.35), and a PHA s.3 injunction's terms are for
// the civil court: neither is listed, so no requirement on them is a defect.
const LEAVE_PREMISES_ONLY: Readonly<Record<string, string>> = {
  dvpn: "csa-2010:s24",
  dvpo: "csa-2010:s28",
  dapn: "daa-2021:s23",
};

/** What a requirement on a DVPN, DVPO or DAPN is: by its category, or by what its words require. */
function requirementKind(term: unknown): DomesticViolenceProtectionTermKind {
  const record = asRecord(term);
  return record ? classifyDomesticViolenceProtectionTerm(record, "requirement") : "outside";
}

const RANKS: readonly string[] = PoliceRankSchema.options;
const TIME_BOUND_CATEGORIES = /exclusion|curfew|programme|sign|assessment|attend|zone|treatment/i;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Checks a drafted or made order against the law and returns every defect and warning with its
 * citation: an SPO fixed term under 2 years (s.3); an interim SPO not for a fixed period (s.5(6));
 * positive requirements on an order that allows none (NMO, restraining orders) and any requirement
 * other than leaving shared premises on a DVPN, DVPO or DAPN (CSA 2010 s.24, s.28(8); DAA 2021
 * s.23); a DAPO (s.35) and a PHA s.3 injunction may carry requirements; an NMO applied for by the police (FLA 1996 s.42(2)); a DVPO outside 14–28 days
 * (CSA 2010 s.28); a DAPN given by an officer below inspector or to someone under 18 (DAA 2021
 * s.22(6), (8)); a DVPN below superintendent or to someone under 18 (CSA 2010 s.24); terms with no
 * person to protect; a new SPO requirement whose demand differs from an existing SPO's requirement of
 * the same kind (s.2(6)–(7): two prohibitions never conflict); and, as warnings, terms that may
 * conflict with the suspect's work, education or religion (s.2(3)) or with an existing SPO.
 * Never throws: input that is not an order is reported by path.
 *
 * @example
 * ```ts
 * import { validateOrder } from "protective-orders";
 * const result = validateOrder({
 *   kind: "nmo",
 *   appliedForBy: { role: "person-to-be-protected" },
 *   protectedPersons: ["v"],
 *   prohibitions: [{ text: "Not to contact V." }],
 *   requirements: [{ text: "Attend a perpetrator programme." }],
 * });
 * result.defects.map((d) => d.code); // ["positive-requirements-not-allowed"]
 * ```
 */
export function validateOrder(
  input: unknown,
  context: {
    readonly existingOrders?: readonly OrderInput[] | undefined;
    readonly suspect?: ReadonlyDeep<Suspect> | undefined;
  } = {},
): OrderValidation {
  const defects: OrderIssue[] = [];
  const warnings: OrderIssue[] = [];
  let raw: Record<string, unknown> | undefined;
  try {
    raw = asRecord(input);
  } catch {
    raw = undefined;
  }
  if (!raw)
    return {
      valid: false,
      defects: [{ code: "not-an-order", path: "", message: "expected an order object", citations: [] }],
      warnings,
    };

  // Defects the schema would reject without saying why in law: report them with their citation,
  // then check the rest of the order without them.
  let candidate: Record<string, unknown> = raw;
  try {
    const kind = typeof raw.kind === "string" ? raw.kind : undefined;
    const reqs = raw.requirements;
    if (kind !== undefined && PROHIBITION_ONLY[kind] && Array.isArray(reqs) && reqs.length > 0) {
      defects.push({
        code: "positive-requirements-not-allowed",
        path: "requirements",
        message: `A ${kind} can only prohibit: it cannot impose positive requirements.`,
        citations: [citationFor(PROHIBITION_ONLY[kind]!)],
      });
      const { requirements: _dropped, ...rest } = raw;
      candidate = rest;
    }
    if (kind !== undefined && LEAVE_PREMISES_ONLY[kind] && Array.isArray(reqs)) {
      const kinds = reqs.map(requirementKind);
      const others = kinds.flatMap((k, i) => (k === "outside" ? [i] : []));
      for (const i of others) {
        defects.push({
          code: "positive-requirements-not-allowed",
          path: `requirements.${i}`,
          message: `A ${kind} may require the person to leave premises shared with the person protected, and can otherwise only prohibit: this requirement is not one to leave premises.`,
          citations: [citationFor(LEAVE_PREMISES_ONLY[kind]!)],
        });
      }
      kinds.forEach((k, i) => {
        if (k !== "unclear") return;
        warnings.push({
          code: "leave-premises-requirement-unclear",
          path: `requirements.${i}`,
          message: `A ${kind} may require only that the person leave premises shared with the person protected: check that this requirement is to leave those premises (the words do not say what is to be left), or give it the category "leave-premises".`,
          citations: [citationFor(LEAVE_PREMISES_ONLY[kind]!)],
        });
      });
      if (others.length > 0) {
        candidate = { ...candidate, requirements: reqs.filter((_, i) => !others.includes(i)) };
      }
    }
    const applicant = asRecord(raw.appliedForBy);
    if (kind === "nmo" && (applicant?.role === "police" || applicant?.role === "chief-officer")) {
      defects.push({
        code: "nmo-applied-for-by-police",
        path: "appliedForBy.role",
        message:
          "The police cannot apply for a non-molestation order: the associated person applies, or the court acts of its own motion.",
        citations: [citationFor("fla-1996:s42(2)(a)"), citationFor("fla-1996:s42(2)(b)")],
      });
      candidate = { ...candidate, appliedForBy: { role: "person-to-be-protected" } };
    }
    // Northern Ireland: only the Chief Constable of the PSNI applies (2022 Act s.7, s.11).
    if (
      (kind === "ni-spo" || kind === "ni-interim-spo") &&
      applicant !== undefined &&
      (applicant.role !== "chief-constable" || (applicant.force !== undefined && applicant.force !== "psni"))
    ) {
      defects.push({
        code: "ni-spo-applicant-not-chief-constable",
        path: "appliedForBy",
        message:
          "Only the Chief Constable of the Police Service of Northern Ireland may apply for a Northern Ireland SPO or interim SPO.",
        citations: [citationFor(kind === "ni-spo" ? "pfsa-ni-2022:s7" : "pfsa-ni-2022:s11")],
      });
      candidate = { ...candidate, appliedForBy: { role: "chief-constable" } };
    }
  } catch {
    return {
      valid: false,
      defects: [{ code: "not-an-order", path: "", message: "could not be read as an order", citations: [] }],
      warnings,
    };
  }

  let parsed: ReturnType<typeof OrderSchema.safeParse>;
  try {
    parsed = OrderSchema.safeParse(candidate);
  } catch {
    return {
      valid: false,
      defects: [{ code: "not-an-order", path: "", message: "could not be read as an order", citations: [] }],
      warnings,
    };
  }
  if (!parsed.success) {
    for (const p of problemsFromZodError(parsed.error, candidate)) {
      defects.push({ code: "invalid-field", path: p.path, message: p.message, citations: [] });
    }
    return { valid: false, defects, warnings };
  }
  const order = parsed.data;

  if (order.protectedPersons.length === 0) {
    defects.push({
      code: "no-person-to-protect",
      path: "protectedPersons",
      message: "The order names no person to protect: its terms protect no one.",
      citations: [
        citationFor(
          order.kind === "spo" || order.kind === "interim-spo"
            ? "spa-2019:s2(1)(c)"
            : isNorthernIrelandOrder(order)
              ? "pfsa-ni-2022:s8(2)(c)"
              : "fla-1996:s42",
        ),
      ],
    });
  }
  if (order.kind === "spo" && order.duration?.type === "fixed" && order.madeOn !== undefined) {
    // The 29 February convention is the corresponding-date one (see addYearsToDate): the digest is silent.
    const minimumLastDay = addDaysToDate(addYearsToDate(order.madeOn, 2), -1);
    if (order.duration.endsOn < minimumLastDay) {
      defects.push({
        code: "spo-term-under-two-years",
        path: "duration.endsOn",
        message: `A fixed-term SPO must last at least 2 years beginning with the day it is made: here, to ${minimumLastDay} at the earliest.`,
        citations: [citationFor("spa-2019:s3")],
      });
    }
  }
  if (order.kind === "interim-spo" && order.duration !== undefined && order.duration.type !== "fixed") {
    defects.push({
      code: "interim-spo-not-fixed-period",
      path: "duration",
      message: "An interim SPO has effect only for a fixed period stated in it.",
      citations: [citationFor("spa-2019:s5(6)")],
    });
  }
  if (order.kind === "dvpo") {
    if (order.duration?.type === "fixed" && order.madeOn !== undefined) {
      // Counting the day it is made as the first day (CSA 2010 s.28(10): from the day the order is made).
      const days = daysBetweenDates(order.madeOn, order.duration.endsOn) + 1;
      if (days < 14 || days > 28) {
        defects.push({
          code: "dvpo-duration-outside-14-28-days",
          path: "duration.endsOn",
          message: `A DVPO lasts between 14 and 28 days; this one runs ${days} days, counting the day it was made.`,
          citations: [citationFor("csa-2010:s28")],
        });
      }
    } else if (order.duration !== undefined && order.duration.type !== "fixed") {
      defects.push({
        code: "dvpo-duration-outside-14-28-days",
        path: "duration",
        message: "A DVPO lasts between 14 and 28 days: it needs a fixed end.",
        citations: [citationFor("csa-2010:s28")],
      });
    }
  }
  if (order.kind === "dapn") {
    if (RANKS.indexOf(order.givenBy.rank) < RANKS.indexOf("inspector")) {
      defects.push({
        code: "dapn-rank-below-inspector",
        path: "givenBy.rank",
        message: "A DAPN must be given by a police officer of at least the rank of inspector.",
        citations: [citationFor("daa-2021:s22(8)")],
      });
    }
    if (order.recipientAge !== undefined && order.recipientAge < 18) {
      defects.push({
        code: "dapn-recipient-under-18",
        path: "recipientAge",
        message: "A DAPN may not be given to a person under 18.",
        citations: [citationFor("daa-2021:s22(6)")],
      });
    }
  }
  if (order.kind === "dvpn" || order.kind === "dvpo") molestationAndPremisesIssues(order, defects, warnings);
  if (order.kind === "dvpn") {
    if (RANKS.indexOf(order.issuedBy.rank) < RANKS.indexOf("superintendent")) {
      defects.push({
        code: "dvpn-rank-below-superintendent",
        path: "issuedBy.rank",
        message: "A DVPN must be issued by an officer not below the rank of superintendent.",
        citations: [citationFor("csa-2010:s24")],
      });
    }
    if (order.recipientAge !== undefined && order.recipientAge < 18) {
      defects.push({
        code: "dvpn-recipient-under-18",
        path: "recipientAge",
        message: "A DVPN may be issued only to a person aged 18 or over.",
        citations: [citationFor("csa-2010:s24")],
      });
    }
  }
  if (order.kind === "spo") {
    // Two prohibitions can always both be obeyed (by doing neither thing), so they are never
    // incompatible. Two positive requirements of the same kind worded differently (report at one
    // station and at another) make demands that may not both be met: a defect. A requirement beside
    // a prohibition may clash (a sign-on station inside an exclusion zone): a warning to check.
    const existing = (context.existingOrders ?? []).filter(
      (o) => o.kind === "spo" || o.kind === "interim-spo",
    );
    const citations = [citationFor("spa-2019:s2(6)-(7)")];
    for (const earlier of existing) {
      const earlierRequirements = "requirements" in earlier ? (earlier.requirements ?? []) : [];
      (order.requirements ?? []).forEach((term, i) => {
        const clash = earlierRequirements.find(
          (t) => t.category !== undefined && t.category === term.category && t.text !== term.text,
        );
        if (clash) {
          defects.push({
            code: "incompatible-with-existing-spo",
            path: `requirements.${i}`,
            message: `This requirement and one in the existing SPO both govern "${term.category}" with different demands: a new SPO must not contain terms incompatible with an existing one. Align them, or vary the existing order.`,
            citations,
          });
        }
      });
      const earlierProhibitions = earlier.prohibitions;
      const pairs: [string, string | undefined, string | undefined][] = [
        ...(order.requirements ?? []).flatMap((t, i) =>
          earlierProhibitions.map((p): [string, string | undefined, string | undefined] => [
            `requirements.${i}`,
            t.category,
            p.category,
          ]),
        ),
        ...order.prohibitions.flatMap((p, i) =>
          earlierRequirements.map((t): [string, string | undefined, string | undefined] => [
            `prohibitions.${i}`,
            t.category,
            p.category,
          ]),
        ),
      ];
      for (const [path, requirement, prohibition] of pairs) {
        if (requirement === "sign-on" && (prohibition === "exclusion-zone" || prohibition === "approach")) {
          warnings.push({
            code: "check-compatibility-with-existing-spo",
            path,
            message:
              "A requirement to go somewhere sits beside a prohibition on entering an area or approaching someone: check both can be obeyed (s.2(6)–(7)).",
            citations,
          });
        }
      }
    }
  }
  if (isNorthernIrelandOrder(order)) {
    // Read only: the readonly view of the caller's context is safe to pass on.
    const ni = northernIrelandOrderIssues(order, context as Parameters<typeof northernIrelandOrderIssues>[1]);
    defects.push(...ni.defects);
    warnings.push(...ni.warnings);
  }
  const suspect = context.suspect;
  const allows =
    order.kind === "spo" || order.kind === "interim-spo" || order.kind === "spo-on-conviction-or-acquittal";
  const daa = order.kind === "dapo" || order.kind === "dapo-in-criminal-proceedings";
  if (suspect && (allows || daa)) {
    const interests = (["work", "education", "religion"] as const).filter(
      (k) => suspect[k] !== undefined && suspect[k] !== "",
    );
    const terms = [
      ...order.prohibitions.map((t, i) => ({ t, path: `prohibitions.${i}` })),
      ...(("requirements" in order ? order.requirements : undefined) ?? []).map((t, i) => ({
        t,
        path: `requirements.${i}`,
      })),
    ];
    for (const { t, path } of terms) {
      if (interests.length > 0 && TIME_BOUND_CATEGORIES.test(`${t.category ?? ""} ${t.text}`)) {
        warnings.push({
          code: "possible-conflict-with-work-education-or-religion",
          path,
          message: `Check this term against the suspect's ${interests.join(", ")}: so far as practicable, terms must avoid conflict with religious beliefs and interference with work or education.`,
          citations: [citationFor(daa ? "daa-2021:s36" : "spa-2019:s2(3)")],
        });
      }
    }
  }
  return { valid: defects.length === 0, defects, warnings, order };
}

/**
 * CSA 2010 s.24 and s.28 (digest §6.5, §14): a DVPN and a DVPO must contain a provision prohibiting
 * P from molesting the person protected, and may otherwise contain only the premises provisions.
 */
function molestationAndPremisesIssues(order: Order, defects: OrderIssue[], warnings: OrderIssue[]): void {
  const citation = citationFor(order.kind === "dvpn" ? "csa-2010:s24" : "csa-2010:s28");
  const name = order.kind === "dvpn" ? "DVPN" : "DVPO";
  const kinds = order.prohibitions.map((t) => classifyDomesticViolenceProtectionTerm(t, "prohibition"));
  kinds.forEach((kind, i) => {
    if (kind === "outside") {
      defects.push({
        code: "dvp-term-not-provided-for",
        path: `prohibitions.${i}`,
        message: `A ${name} may prohibit molestation and contain premises provisions (not to evict or exclude the person protected, not to enter the premises, to leave them, not to come within a distance of them): this term is neither.`,
        citations: [citation],
      });
    } else if (kind === "unclear") {
      warnings.push({
        code: "dvp-term-unclear",
        path: `prohibitions.${i}`,
        message: `A ${name} may contain only a prohibition of molestation and premises provisions: check that this term is one of them (its words do not say), or give it the category "molestation" or a premises category.`,
        citations: [citation],
      });
    }
  });
  if (kinds.includes("molestation")) return;
  if (kinds.includes("molestation-like")) {
    warnings.push({
      code: "dvp-molestation-not-stated",
      path: "prohibitions",
      message: `A ${name} must contain a provision prohibiting the person from molesting the person protected: no term says so in terms. Check that one of the prohibitions (contact, harassment, violence…) is that provision, or add "Not to molest" the person protected.`,
      citations: [citation],
    });
    return;
  }
  defects.push({
    code: "dvp-no-molestation-prohibition",
    path: "prohibitions",
    message: `A ${name} must contain a provision prohibiting the person from molesting the person protected: this one has none.`,
    citations: [citation],
  });
}
