import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/registry.js";
import templates from "../law/stalking-protection-act-2019/term-templates.json";
import type { CaseFacts, IncidentKind } from "../model/case-facts.js";

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
const TIME_BOUND = new Set(["exclusion-zone", "programme", "assessment", "sign-on"]);

/**
 * Proposes SPO prohibitions and positive requirements that answer the recorded conduct: no
 * contact (and no electronic contact and disclosure of devices and accounts, for online
 * monitoring); an exclusion zone for loitering near home or work; no third-party contact; and
 * programme attendance, assessments, device surrender and signing on where the facts point to
 * them. Each term says which conduct it answers, because each must itself be necessary (s.2(2)),
 * and lists possible conflicts with the suspect's recorded work, education or religion to check
 * (s.2(3)). It is a starting point for tailoring, not a finished order.
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
export function draftSpoTerms(facts: CaseFacts): DraftSpoTerms {
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
      necessity: `Answers ${reason}. Include it only if it is itself necessary to protect ${protectedWho} from a risk associated with stalking (s.2(2)).`,
      considerOnly: template.consider === true,
      conflicts: TIME_BOUND.has(template.category)
        ? interests.map(
            (k) =>
              `Check against the suspect's ${k} (recorded): avoid ${k === "religion" ? "conflict with religious beliefs" : `interfering with the times of ${k}`} so far as practicable (s.2(3)).`,
          )
        : [],
      citations: [...template.citations.map(citationFor), citationFor("spa-2019:s2(2)")],
    });
  }
  const notes: string[] = [];
  if (incidents.length === 0)
    notes.push("No conduct is recorded, so no term can be tied to it: record the incidents first.");
  if (proxy)
    notes.push(
      "Some acts targeted a connected person (stalking by proxy, s.1(1)(c)): name each person the order protects.",
    );
  if (interests.length === 0 && terms.some((t) => TIME_BOUND.has(t.category))) {
    notes.push(
      "The suspect's work, education and religion are not recorded: check time-bound terms against them before applying (s.2(3)).",
    );
  }
  notes.push("Terms apply throughout the United Kingdom unless expressly limited to a locality (s.2(4)).");
  return { terms, notes };
}
