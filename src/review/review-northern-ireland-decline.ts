import type { Assessment, Question } from "../assess/assessment.js";
import {
  defendantIsInOrComingToNorthernIreland,
  hasCarriedOutActsAssociatedWithStalkingInNorthernIreland,
  NORTHERN_IRELAND_POLICE_AREA,
} from "../facts/northern-ireland.js";
import { otherProtectionIsAdequate } from "../facts/risk.js";
import { citationFor } from "../law/citations.js";
import data from "../law/protection-from-stalking-act-northern-ireland-2022/decline-reasons.json";
import type { CaseFacts, SpoRequest } from "../model/case-facts.js";
import type { DeclineReasonCode } from "../model/decline-reason-code.js";
import type { IsoDate } from "../model/iso-date.js";
import { POLICE_FORCES, type PoliceForceId } from "../model/police-forces.js";
import { assembleDeclineReview } from "./assemble-decline-review.js";
import type { DeclineReview, DeclineVerdict, ReasonFinding, ReasonFindingKind } from "./decline-review.js";

// The review of a declined request for a Northern Ireland SPO: the reasons are classified with the
// shared taxonomy, but judged against the Protection from Stalking Act (Northern Ireland) 2022, its
// citations and its derived facts, and the assessment reviewed is `ni-spo`.

interface NorthernIrelandReason {
  readonly code: DeclineReasonCode;
  readonly test: "misstates-law" | "depends-on-facts" | "questionable" | "residence" | "unclassified";
  readonly why: string;
  readonly citations: readonly string[];
  readonly check?: string;
  readonly whenContradicted?: string;
  readonly whenLawful?: string;
  readonly whenUnknown?: string;
}

const REASONS = new Map(
  (data.reasons as readonly NorthernIrelandReason[]).map((reason) => [reason.code, reason]),
);

/**
 * The Northern Ireland reading of each decline-reason code (law data, citing the 2022 Act).
 *
 * @example
 * ```ts
 * import { NORTHERN_IRELAND_DECLINE_REASONS } from "protective-orders";
 * NORTHERN_IRELAND_DECLINE_REASONS.find((r) => r.code === "acts-before-commencement")?.citations; // ["pfsa-ni-2022:s8(7)", "pfsa-ni-2022:commencement"]
 * ```
 */
export const NORTHERN_IRELAND_DECLINE_REASONS: readonly {
  readonly code: DeclineReasonCode;
  readonly test: string;
  readonly why: string;
  readonly citations: readonly string[];
}[] = [...REASONS.values()];

type Judged = { outcome: "contradicted" | "supported" | "unknown"; question?: Omit<Question, "settles"> };

function ask(fact: string, question: string, citation: string): Judged {
  return { outcome: "unknown", question: { fact, question, citation: citationFor(citation) } };
}

function judge(
  check: string | undefined,
  facts: CaseFacts,
  decisionDate: IsoDate,
  requestedOn?: IsoDate,
): Judged {
  switch (check) {
    case "several-incidents": {
      const incidents = facts.incidents;
      if (!incidents || incidents.length === 0)
        return ask("incidents", "What incidents have been reported, and when?", "pfsa-ni-2022:s8(2)(a)");
      return incidents.length >= 2 ? { outcome: "contradicted" } : { outcome: "supported" };
    }
    case "ongoing-risk": {
      const risk = facts.risk;
      const after =
        requestedOn !== undefined &&
        (facts.incidents ?? []).some((i) => i.date !== undefined && i.date > requestedOn);
      if (risk?.ongoing === true || risk?.escalating === true || risk?.ongoingContact === true || after)
        return { outcome: "contradicted" };
      if (risk?.ongoing === false) return { outcome: "supported" };
      return ask(
        "risk.ongoing",
        "Does the suspect still pose a risk (is the conduct continuing, escalating, or likely to resume)?",
        "pfsa-ni-2022:s8(2)(b)",
      );
    }
    case "stalking-acts": {
      const acts = hasCarriedOutActsAssociatedWithStalkingInNorthernIreland(facts);
      if (acts === true) return { outcome: "contradicted" };
      if (acts === false) return { outcome: "supported" };
      return ask(
        "incidents",
        "What has the suspect done? Record each act and its kind.",
        "pfsa-ni-2022:s6(2)",
      );
    }
    case "other-protection": {
      const adequate = otherProtectionIsAdequate(facts, decisionDate);
      if (adequate === false) return { outcome: "contradicted" };
      if (adequate === true) return { outcome: "supported" };
      return ask(
        "protection",
        "What protection was in force on the decision date (bail conditions, orders), had it been breached, and was it adequate?",
        "pfsa-ni-2022:s8(2)(c)",
      );
    }
    case "victim-wants-protection": {
      const wants = facts.victimViews?.wantsProtection;
      if (wants === true) return { outcome: "contradicted" };
      if (wants === false) return { outcome: "supported" };
      return { outcome: "unknown" };
    }
    default:
      return { outcome: "unknown" };
  }
}

const FACT_FINDINGS: Record<string, Record<Judged["outcome"], ReasonFindingKind>> = {
  "several-incidents": {
    contradicted: "contradicted-by-facts",
    supported: "questionable",
    unknown: "needs-information",
  },
  "victim-wants-protection": {
    contradicted: "contradicted-by-facts",
    supported: "questionable",
    unknown: "questionable",
  },
};
const DEFAULT_FINDINGS: Record<Judged["outcome"], ReasonFindingKind> = {
  contradicted: "contradicted-by-facts",
  supported: "lawful-on-these-facts",
  unknown: "needs-information",
};

function forceName(id: PoliceForceId): string {
  return POLICE_FORCES.find((f) => f.id === id)?.name ?? id;
}

function findingFor(
  reason: NorthernIrelandReason,
  facts: CaseFacts,
  decisionDate: IsoDate,
  requestedOn: IsoDate | undefined,
  questions: Question[],
): Omit<ReasonFinding, "code" | "label" | "classifiedAs"> {
  const citations = reason.citations.map(citationFor);
  const unverified = citations.some((c) => c.unverified);
  switch (reason.test) {
    case "misstates-law":
      return { finding: "misstates-the-law", why: reason.why, citations, unverified };
    case "questionable":
      return { finding: "questionable", why: reason.why, citations, unverified };
    case "residence": {
      const inNorthernIreland = defendantIsInOrComingToNorthernIreland(facts);
      if (inNorthernIreland === true) {
        return {
          finding: "misstates-the-law",
          why: reason.why,
          onTheFacts:
            "The suspect is recorded as living in Northern Ireland, or as believed to be in or coming to it, so the Chief Constable may apply.",
          citations,
          unverified,
        };
      }
      if (inNorthernIreland === false) {
        const home = facts.suspect?.homeForceArea;
        const referTo = home !== undefined && home !== NORTHERN_IRELAND_POLICE_AREA ? [home] : [];
        return {
          finding: "misdirected",
          why: reason.why,
          onTheFacts: `The suspect is not recorded as living in, or being in or coming to, Northern Ireland, so s.7(3) is not met.${
            referTo.length > 0
              ? ` Refer to ${referTo.map(forceName).join(", ")}, whose chief officer may consider an SPO under the Stalking Protection Act 2019 (s.1(3)).`
              : ""
          }`,
          ...(referTo.length > 0 ? { referTo } : {}),
          citations: referTo.length > 0 ? [...citations, citationFor("spa-2019:s1(3)")] : citations,
          unverified,
        };
      }
      questions.push({
        fact: "suspect.homeForceArea",
        question:
          "Where does the suspect live (police area), and is the suspect believed to be in, or to intend to come to, Northern Ireland?",
        settles: [],
        citation: citationFor("pfsa-ni-2022:s7(3)"),
      });
      return { finding: "needs-information", why: reason.why, citations, unverified };
    }
    case "depends-on-facts": {
      const judged = judge(reason.check, facts, decisionDate, requestedOn);
      const kinds = FACT_FINDINGS[reason.check ?? ""] ?? DEFAULT_FINDINGS;
      const onTheFacts =
        judged.outcome === "contradicted"
          ? reason.whenContradicted
          : judged.outcome === "supported"
            ? reason.whenLawful
            : reason.whenUnknown;
      if (judged.question) questions.push({ ...judged.question, settles: [] });
      // One recorded act is "questionable" because whether one act suffices is unverified.
      const rests = reason.check !== "several-incidents" || judged.outcome === "supported";
      return {
        finding: kinds[judged.outcome],
        why: reason.why,
        ...(onTheFacts ? { onTheFacts } : {}),
        citations,
        unverified: unverified && rests,
      };
    }
    default:
      return { finding: "needs-information", why: reason.why, citations, unverified };
  }
}

const VERDICT_TEXT: Record<DeclineVerdict, string> = {
  "likely-wrongly-declined":
    "Likely wrongly declined: at least one reason misstates the Protection from Stalking Act (Northern Ireland) 2022 or is contradicted by the facts, no reason given is a lawful ground on these facts, and the Northern Ireland SPO test appears to be met. Ask the PSNI to reconsider.",
  "review-recommended":
    "Review recommended: some reasons do not hold under the 2022 Act, or are doubtful, but the decision may rest on another ground or on facts not recorded. Ask the PSNI to explain or reconsider.",
  "consistent-with-the-law":
    "Consistent with the 2022 Act on these facts: the decision rests on a lawful ground that the recorded facts support.",
  "needs-information": "Needs information: the facts recorded are not enough to judge the reasons given.",
};

function unjustifiedText(unread: readonly string[]): string {
  const parts =
    unread.length === 0
      ? "No reason was given that the library could read."
      : `The library could not read ${unread.length === 1 ? "one part" : `${unread.length} parts`} of the decision (${unread.join("; ")}): read ${unread.length === 1 ? "it" : "them"} against the conditions of the 2022 Act (s.7, and the court's test in s.8(2)): acts associated with stalking, a risk associated with stalking, and necessity.`;
  return `Review recommended: the Northern Ireland SPO test appears to be met on the recorded facts, and no reason the library could read justifies the decline. ${parts} Ask the PSNI to explain which condition it says is not met.`;
}

/**
 * Internal, for {@link reviewSpoDecline}: the review of a declined Northern Ireland SPO request,
 * given the case's assessment (which holds `ni-spo`). `undefined` if the rule set has no `ni-spo`.
 */
export function reviewNorthernIrelandDecline(
  facts: CaseFacts,
  request: SpoRequest | undefined,
  asOf: IsoDate,
  assessment: Assessment,
  includeDecisionText: boolean,
): DeclineReview | undefined {
  const decisionDate = request?.decision?.decidedOn ?? asOf;
  const reasonFor = (code: DeclineReasonCode) => REASONS.get(code) ?? REASONS.get("unclassified")!;
  return assembleDeclineReview(
    facts,
    request,
    asOf,
    assessment,
    {
      rule: "ni-spo",
      findingFor: (code, questions) =>
        findingFor(reasonFor(code), facts, decisionDate, request?.requestedOn, questions),
      verdictText: VERDICT_TEXT,
      unjustifiedText,
    },
    includeDecisionText,
  );
}
