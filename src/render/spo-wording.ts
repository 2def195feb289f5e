// The wording the SPO documents share (the decline challenge summary, the officer's application
// pack and the advocate's request letter, issue 31): the law in plain words, one statement at a time,
// each with its citations. The challenge summary joins the texts into its paragraph; the pack and
// the letter list them, each with its citation.
import type { Citation } from "../law/citation.js";
import { citationFor } from "../law/citations.js";

/** One statement of a document: its words, its citations, and whether it is a question or unverified. */
export interface DocumentStatement {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** `question`: information still needed, asked as a question; `unverified`: rests on an unverified point. */
  readonly mark?: "question" | "unverified" | undefined;
}

/** A statement that cites: a statement without a citation is a bug in the document, not in the case. */
export function statement(
  text: string,
  citationIds: readonly string[] | readonly Citation[],
  mark?: DocumentStatement["mark"],
): DocumentStatement {
  const citations = citationIds.map((c) => (typeof c === "string" ? citationFor(c) : c));
  if (citations.length === 0) throw new Error("every statement of a document cites");
  const unverified = citations.some((c) => c.unverified);
  return { text, citations, mark: mark ?? (unverified ? "unverified" : undefined) };
}

/** The SPA 2019 test in plain words (England and Wales). */
export function englandAndWalesLaw(): readonly DocumentStatement[] {
  return [
    statement(
      "Under the Stalking Protection Act 2019 s.1(1), a chief officer may apply if it appears that (a) the person has carried out acts associated with stalking, (b) poses a risk associated with stalking to another person, and (c) there is reasonable cause to believe the order is necessary to protect that person.",
      ["spa-2019:s1"],
    ),
    statement(
      "No conviction, charge or prosecution is needed: the test is what appears to the chief officer, and whether the order is necessary.",
      ["spa-2019:s1"],
    ),
    statement(
      "The acts may have happened abroad or before 2020 (s.1(5)), and the order may require as well as prohibit (s.1(2)).",
      ["spa-2019:s1(5)", "spa-2019:s1(2)"],
    ),
  ];
}

// Digest §13 / second verification pass, Part A.2–A.3: s.8(2) and s.8(7) were seen; the words of
// the s.7 test were not, so they are described as the Explanatory Notes describe them and flagged.
/** The 2022 Act's test in plain words (Northern Ireland). */
export function northernIrelandLaw(): readonly DocumentStatement[] {
  return [
    statement(
      "Under the Protection from Stalking Act (Northern Ireland) 2022, the Chief Constable of the PSNI may apply to a court of summary jurisdiction (s.7), which may make the order if satisfied that (a) the suspect has carried out acts associated with stalking, (b) poses a risk associated with stalking to another person, and (c) the order is necessary to protect another person from that risk (s.8(2)).",
      ["pfsa-ni-2022:s7", "pfsa-ni-2022:s8(2)"],
      // The statement rests on s.7 as the Explanatory Notes describe it: the last statement says so.
      undefined,
    ),
    statement(
      "No conviction, charge or prosecution is needed: the court decides on the acts, the risk and whether the order is necessary (s.8(2)).",
      ["pfsa-ni-2022:s8(2)"],
    ),
    statement(
      "It does not matter whether the acts took place in the UK or elsewhere, or before or after s.8 came into operation on 19 October 2023 (s.8(7)).",
      ["pfsa-ni-2022:s8(7)"],
    ),
    statement(
      "The exact words of the Chief Constable's test in s.7 were not seen: that point is unverified.",
      ["pfsa-ni-2022:s7-wording"],
    ),
  ];
}

/** The closing line every SPO document ends with (the challenge summary's own words). */
export const NOT_LEGAL_ADVICE = "This is a prompt for review, not legal advice.";
