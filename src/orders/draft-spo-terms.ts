import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";
import templates from "../law/stalking-protection-act-2019/term-templates.json";
import type { CaseFacts, IncidentKind } from "../model/case-facts.js";
import { CaseFactsError } from "../model/errors.js";
import { type ParseResult, parseCaseFacts } from "../model/parse-case-facts.js";
import type { CaseFactsInput } from "../model/readonly-input.js";

/**
 * A proposed SPO term, tied to the conduct it answers.
 *
 * @example
 * ```ts
 * import { draftSpoTerms, type DraftTerm } from "protective-orders";
 * const terms: readonly DraftTerm[] = draftSpoTerms({ id: "c", incidents: [{ id: "i1", kind: "contacting" }] }).terms;
 * terms.find((t) => t.id === "no-contact-any-means")?.answers; // ["i1"]
 * ```
 */
export interface DraftTerm {
  readonly id: string;
  readonly kind: "prohibition" | "requirement";
  readonly category: string;
  readonly text: string;
  /** The recorded conduct the term answers: incident ids where given, else the kinds. */
  readonly answers: readonly string[];
  /** Why it may be necessary (s.2(2)): what in the facts it answers. */
  readonly necessity: string;
  /** True for a term to consider only if the facts show a need the case facts do not record. */
  readonly considerOnly: boolean;
  /** Possible conflicts with the suspect's work, education or religion (s.2(3)), to check. */
  readonly conflicts: readonly string[];
  readonly citations: readonly Citation[];
}

/**
 * The proposal.
 *
 * @example
 * ```ts
 * import { draftSpoTerms, type DraftSpoTerms } from "protective-orders";
 * const draft: DraftSpoTerms = draftSpoTerms({ id: "c", incidents: [{ kind: "following" }, { kind: "contacting" }] });
 * draft.terms.filter((t) => t.kind === "requirement").map((t) => t.text);
 * ```
 */
export interface DraftSpoTerms {
  readonly terms: readonly DraftTerm[];
  readonly notes: readonly string[];
}

interface Template {
  readonly id: string;
  readonly kind: "prohibition" | "requirement";
  readonly category: string;
  readonly text: string;
  readonly answers: readonly string[];
  readonly citations: readonly string[];
  readonly consider?: boolean;
}

const TEMPLATES: readonly Template[] = templates.templates as readonly Template[];

/** The sections the drafting cites: the England and Wales Act's, or Northern Ireland's 2022 Act's. */
interface DraftingLaw {
  readonly necessity: string;
  readonly necessityCitation: string;
  readonly limits: string;
  readonly proxy: string;
  readonly notes: readonly string[];
  readonly citation: (id: string) => string;
}

const ENGLAND_AND_WALES: DraftingLaw = {
  necessity: "s.2(2)",
  necessityCitation: "spa-2019:s2(2)",
  limits: "s.2(3)",
  proxy: "s.1(1)(c)",
  notes: ["Terms apply throughout the United Kingdom unless expressly limited to a locality (s.2(4))."],
  citation: (id) => id,
};

// Protection from Stalking Act (Northern Ireland) 2022: each term necessary (s.8(3)); religion,
// work and education (s.8(4)); no conflict with another SPO (s.8(5)); UK-wide reach (s.8(6)); the
// order may prohibit and require (s.7, per the Explanatory Notes); the acts are those of s.6(2).
const NORTHERN_IRELAND_CITATIONS: Readonly<Record<string, string>> = {
  "spa-2019:s1(2)": "pfsa-ni-2022:s7",
  "spa-2019:s2(4)": "pfsa-ni-2022:s8(6)",
  "pha-1997:s2A(3)": "pfsa-ni-2022:s6(2)",
};
const NORTHERN_IRELAND: DraftingLaw = {
  necessity: "s.8(3)",
  necessityCitation: "pfsa-ni-2022:s8(3)",
  limits: "s.8(4)",
  proxy: "s.8(2)(c)",
  notes: [
    "No term may be incompatible with a term of another stalking protection order the suspect is already subject to, whichever court made it (s.8(5)): check with validateOrder and the existing orders.",
    "Terms apply throughout the United Kingdom unless expressly limited to a locality, and outside it if the suspect lives in Northern Ireland, lived there when the application was made, or is a UK national (s.8(6)).",
  ],
  citation: (id) => NORTHERN_IRELAND_CITATIONS[id] ?? id,
};
const TIME_BOUND = new Set(["exclusion-zone", "programme", "assessment", "sign-on"]);

/**
 * Proposes SPO prohibitions and positive requirements that answer the recorded conduct: no
 * contact (and no electronic contact and disclosure of devices and accounts, for online
 * monitoring); an exclusion zone for loitering near home or work; no third-party contact; and
 * programme attendance, assessments, device surrender and signing on where the facts point to
 * them. Each term says which conduct it answers, because each must itself be necessary (s.2(2)),
 * and lists possible conflicts with the suspect's recorded work, education or religion to check
 * (s.2(3)). It is a starting point for tailoring, not a finished order. For a Northern Ireland
 * case (`jurisdiction: "northern-ireland"`) it cites the Protection from Stalking Act (Northern
 * Ireland) 2022 instead: each term necessary (s.8(3)), religion, work and education (s.8(4)), no
 * conflict with another SPO (s.8(5)), reach (s.8(6)).
 * Validates its input like `assess`: throws {@link CaseFactsError} listing every problem by path
 * (never a value); {@link safeDraftSpoTerms} returns them instead.
 *
 * @example
 * ```ts
 * import { draftSpoTerms } from "protective-orders";
 * const draft = draftSpoTerms({
 *   id: "c",
 *   suspect: { work: "Night shifts at the depot, Mon–Fri" },
 *   incidents: [{ id: "i1", kind: "monitoring-electronic-communications" }, { id: "i2", kind: "loitering" }],
 * });
 * draft.terms.map((t) => t.id).includes("disclose-devices-and-accounts"); // true
 * ```
 */
export function draftSpoTerms(facts: CaseFactsInput): DraftSpoTerms {
  const result = safeDraftSpoTerms(facts);
  if (!result.success) throw new CaseFactsError(result.problems);
  return result.data;
}

/**
 * Like {@link draftSpoTerms}, but never throws: returns the draft, or every problem with the case
 * facts by path.
 *
 * @example
 * ```ts
 * import { safeDraftSpoTerms } from "protective-orders";
 * const result = safeDraftSpoTerms({ id: "c", incidents: "lots" });
 * result.success === false && result.problems[0]?.path; // "incidents"
 * ```
 */
export function safeDraftSpoTerms(input: unknown): ParseResult<DraftSpoTerms> {
  const parsed = parseCaseFacts(input);
  return parsed.success ? { success: true, data: draftTermsFor(parsed.data) } : parsed;
}

function draftTermsFor(facts: CaseFacts): DraftSpoTerms {
  const law = facts.jurisdiction === "northern-ireland" ? NORTHERN_IRELAND : ENGLAND_AND_WALES;
  const incidents = facts.incidents ?? [];
  const byKind = new Map<IncidentKind, string[]>();
  incidents.forEach((incident, i) => {
    const list = byKind.get(incident.kind) ?? [];
    list.push(incident.id ?? `incidents.${i}`);
    byKind.set(incident.kind, list);
  });
  const pattern = incidents.length >= 2;
  const escalating = facts.risk?.escalating === true;
  const proxy = incidents.some((i) => i.target === "connected-person");
  const protectedWho = proxy ? "the protected persons" : "the victim";
  const interests = (["work", "education", "religion"] as const).filter((k) => {
    const v = facts.suspect?.[k];
    return v !== undefined && v !== "";
  });
  const terms: DraftTerm[] = [];
  for (const template of TEMPLATES) {
    const answered: string[] = [];
    let reason = "";
    for (const answer of template.answers) {
      if (answer === "*pattern" && pattern) {
        answered.push(...incidents.map((inc, i) => inc.id ?? `incidents.${i}`));
        reason = `a pattern of ${incidents.length} recorded acts`;
      } else if (answer === "*escalating" && escalating && incidents.length > 0) {
        answered.push(...incidents.map((inc, i) => inc.id ?? `incidents.${i}`));
        reason = `conduct recorded as escalating (${incidents.length} acts)`;
      } else {
        const ids = byKind.get(answer as IncidentKind);
        if (ids) {
          answered.push(...ids);
          reason = reason
            ? `${reason}; ${answer.replace(/-/g, " ")}`
            : `recorded ${answer.replace(/-/g, " ")}`;
        }
      }
    }
    if (!reason) continue;
    terms.push({
      id: template.id,
      kind: template.kind,
      category: template.category,
      text: template.text.replace(/\{protected\}/g, protectedWho),
      answers: [...new Set(answered)],
      necessity: `Answers ${reason}. Include it only if it is itself necessary to protect ${protectedWho} from a risk associated with stalking (${law.necessity}).`,
      considerOnly: template.consider === true,
      conflicts: TIME_BOUND.has(template.category)
        ? interests.map(
            (k) =>
              `Check against the suspect's ${k} (recorded): avoid ${k === "religion" ? "conflict with religious beliefs" : `interfering with the times of ${k}`} so far as practicable (${law.limits}).`,
          )
        : [],
      citations: [
        ...template.citations.map((id) => citationFor(law.citation(id))),
        citationFor(law.necessityCitation),
      ],
    });
  }
  const notes: string[] = [];
  if (incidents.length === 0)
    notes.push("No conduct is recorded, so no term can be tied to it: record the incidents first.");
  if (proxy)
    notes.push(
      `Some acts targeted a connected person (stalking by proxy, ${law.proxy}): name each person the order protects.`,
    );
  if (interests.length === 0 && terms.some((t) => TIME_BOUND.has(t.category))) {
    notes.push(
      `The suspect's work, education and religion are not recorded: check time-bound terms against them before applying (${law.limits}).`,
    );
  }
  notes.push(...law.notes);
  return { terms, notes };
}
