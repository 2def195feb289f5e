// The officer's application pack and the advocate's request letter (issue 31): every statement
// cites, needs-information points are questions, unverified points say so, no one is named unless
// asked and no sex is assumed, values are escaped, and the sentences are short enough to read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assess,
  type CaseFacts,
  challengeSummary,
  reviewSpoDecline,
  spoApplicationPack,
  spoRequestLetter,
} from "../../src/index.js";

const ASOF = "2025-06-01";
const STRANGER: CaseFacts = {
  id: "stranger-1",
  jurisdiction: "england-and-wales",
  policeForceArea: "kent",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  personsToProtect: [{ id: "v", name: "Alex Doe", role: "victim" }],
  suspect: { name: "Sam Roe" },
  incidents: [
    { kind: "following", date: "2019-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true, place: "abroad" },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: { adequate: false },
};
const NI: CaseFacts = {
  ...STRANGER,
  id: "ni-1",
  jurisdiction: "northern-ireland",
  suspect: { homeForceArea: "psni" },
};
const EMPTY: CaseFacts = { id: "empty", jurisdiction: "england-and-wales" };

const DOCUMENTS = [
  ["pack", spoApplicationPack],
  ["letter", spoRequestLetter],
] as const;

/** The statements of a Markdown document: its list items. */
const items = (md: string) => md.split("\n").filter((l) => l.startsWith("- "));

/** Average words per sentence of the statements' own words (citations and marks left out). */
function averageSentenceLength(md: string): number {
  const text = items(md)
    .map((l) =>
      l
        .slice(2)
        .replace(/ \(\[.*\)$/, "")
        .replace(/\*\*[A-Za-z]+:\*\* /, ""),
    )
    .join(" ");
  // A sentence ends at a full stop, question mark or exclamation mark followed by a space or the
  // end: "s.1(1)" and "2019-05-01" are not ends.
  const sentences = text.match(/[.?!](?=\s|$)/g)?.length ?? 1;
  const words = text.split(/\s+/).filter(Boolean).length;
  return words / sentences;
}

describe("spoApplicationPack and spoRequestLetter", () => {
  for (const [name, render] of DOCUMENTS) {
    for (const [caseName, facts] of [
      ["stranger", STRANGER],
      ["NI", NI],
      ["empty", EMPTY],
    ] as const) {
      it(`${name}, ${caseName}: every statement cites a provision`, () => {
        const md = render(facts, { asOf: ASOF });
        const lines = items(md);
        expect(lines.length).toBeGreaterThan(3);
        for (const line of lines)
          expect(line, line).toMatch(
            /\(\[[^\]]+\]\(https:\/\/www\.legislation\.gov\.uk\/[^)]+\)(; \[[^\]]+\]\(https:[^)]+\))*\)$/,
          );
      });

      it(`${name}, ${caseName}: reads easily (under 30 words a sentence on average) and assumes no sex`, () => {
        const md = render(facts, { asOf: ASOF });
        expect(averageSentenceLength(md)).toBeLessThan(30);
        expect(md).not.toMatch(/\b(he|she|him|his|her|hers|himself|herself)\b/i);
        // Names only when asked.
        expect(md).not.toContain("Alex");
        expect(md).not.toContain("Sam Roe");
      });
    }
  }

  it("uses the names given when asked", () => {
    const letter = spoRequestLetter(STRANGER, { asOf: ASOF, useNames: true });
    expect(letter).toContain("to protect Alex Doe from Sam Roe");
  });

  it("asks what is unknown as questions (SPA 2019 s.1(1): each condition needs facts)", () => {
    const md = spoApplicationPack(EMPTY, { asOf: ASOF });
    expect(md).toContain("**Question:** Does the suspect still pose that risk now?");
    expect(md).toContain("**Question:** Is the victim already protected well enough without a new order?");
    expect(md).toContain("cannot be judged yet");
    expect(md).not.toContain("this condition is met");
  });

  it("marks what the law digest could not verify (NI: the words of s.7, the length of an interim order)", () => {
    const md = spoApplicationPack(NI, { asOf: ASOF });
    expect(md).toContain(
      "**Unverified:** The exact words of the Chief Constable's test in s.7 were not seen",
    );
    expect(md).toContain("**Unverified:** How long an interim order lasts is not known.");
    const letter = spoRequestLetter(NI, { asOf: ASOF });
    expect(letter).toContain("Chief Constable of the Police Service of Northern Ireland");
    expect(letter).toContain("Protection from Stalking Act (Northern Ireland) 2022, s.8(7)");
  });

  it("the stranger case: the pack says the test is met, drafts terms with their necessity, and seeks an interim order", () => {
    const md = spoApplicationPack(STRANGER, { asOf: ASOF });
    expect(md).toContain(
      "the test for a Stalking Protection Order to protect the victim from the suspect is met",
    );
    expect(md).toContain("Why: Answers recorded");
    // s.1(5): acts abroad and before the Act count.
    expect(md).toContain("It happened abroad, which still counts.");
    expect(md).toContain("It happened before the Act came into force, which still counts.");
    expect(md).toContain("Seek an interim order with the main application");
    // s.9(1): 3 days beginning with the day of service.
    expect(md).toContain("Within 3 days beginning with the day the order is served");
  });

  it("the letter asks the chief officer to apply, and an interim order where the facts support one, and says by when", () => {
    const md = spoRequestLetter(STRANGER, { asOf: ASOF });
    expect(md).toContain("This letter is to the chief officer of Kent Police.");
    expect(md).toContain("We also ask you to apply for an interim order with it");
    expect(md).toContain("by 2025-06-15");
    expect(md).toContain("No conviction, charge or prosecution is needed");
    expect(md).toContain("the order may require as well as prohibit");
  });

  it("shares the law's wording and the closing line with the challenge summary", () => {
    const review = reviewSpoDecline(
      STRANGER,
      { decision: { outcome: "declined", reasons: [{ code: "no-conviction" }] } },
      { asOf: ASOF },
    );
    const summary = challengeSummary(review, { format: "markdown" });
    const letter = spoRequestLetter(STRANGER, { asOf: ASOF });
    const sentence =
      "No conviction, charge or prosecution is needed: the test is what appears to the chief officer";
    expect(summary).toContain(sentence);
    expect(letter).toContain(sentence);
    expect(summary.trimEnd().endsWith("_This is a prompt for review, not legal advice._")).toBe(true);
    expect(letter.trimEnd().endsWith("_This is a prompt for review, not legal advice._")).toBe(true);
  });

  it("print-ready HTML: an A4 page, every value escaped", () => {
    const hostile: CaseFacts = {
      ...STRANGER,
      id: '<script>alert(1)</script>"',
      suspect: { name: "<img src=x onerror=alert(1)>" },
    };
    for (const [, render] of DOCUMENTS) {
      const page = render(hostile, { asOf: ASOF, format: "html", useNames: true });
      expect(page.startsWith("<!doctype html>")).toBe(true);
      expect(page).toContain("@page{size:A4");
      expect(page).not.toContain("<script>");
      expect(page).not.toContain("<img");
      expect(page).toContain("&lt;script&gt;");
    }
  });

  it("never throws and always cites, on generated case facts", () => {
    const arb = fc.record({
      jurisdiction: fc.constantFrom("england-and-wales" as const, "northern-ireland" as const),
      ongoing: fc.option(fc.boolean(), { nil: undefined }),
      harm: fc.option(fc.boolean(), { nil: undefined }),
      adequate: fc.option(fc.boolean(), { nil: undefined }),
      acts: fc.option(
        fc.array(
          fc.record({
            kind: fc.constantFrom(
              "following" as const,
              "contacting" as const,
              "violence" as const,
              "other" as const,
            ),
            suspectKnewOrOughtToKnowUnwelcome: fc.option(fc.boolean(), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(arb, (g) => {
        const facts: CaseFacts = {
          id: "g",
          jurisdiction: g.jurisdiction,
          ...(g.acts
            ? {
                incidents: g.acts.map((a) =>
                  a.suspectKnewOrOughtToKnowUnwelcome === undefined ? { kind: a.kind } : a,
                ) as never,
              }
            : {}),
          risk: {
            ...(g.ongoing === undefined ? {} : { ongoing: g.ongoing }),
            ...(g.harm === undefined ? {} : { psychologicalHarm: g.harm, physicalHarm: g.harm }),
          },
          ...(g.adequate === undefined ? {} : { protection: { adequate: g.adequate } }),
        };
        for (const [, render] of DOCUMENTS) {
          const md = render(facts, { asOf: ASOF });
          for (const line of items(md))
            expect(line).toMatch(/\(\[[^\]]+\]\(https:[^)]+\)(; \[[^\]]+\]\(https:[^)]+\))*\)$/);
          expect(averageSentenceLength(md)).toBeLessThan(30);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("the documents say no more than the assessment knows (issue 31 review)", () => {
  it("a limb resting on an unverified point is marked Unverified (NI: the words of s.7 were not seen)", () => {
    const pack = spoApplicationPack(NI, { asOf: ASOF });
    const conditionLines = items(pack).filter((l) => l.includes("On the facts recorded, this condition"));
    expect(conditionLines.some((l) => l.startsWith("- **Unverified:** "))).toBe(true);
    // The documents speak of "the suspect", never the statute's "defendant".
    expect(pack).not.toMatch(/defendant/i);
    const spo = assess(NI, { asOf: ASOF }).orders.find((o) => o.rule === "ni-spo")!;
    expect(spo.unverified).toBe(true);
    // The summary's verdict rests on the same unverified point.
    const summary = items(pack).find((l) => l.includes("the test for a Stalking Protection Order"))!;
    expect(summary).toMatch(/^- \*\*Unverified:\*\* /);
    const letterClosing = items(spoRequestLetter(NI, { asOf: ASOF })).find((l) =>
      l.includes("every condition of the test is met"),
    )!;
    expect(letterClosing).toMatch(/^- \*\*Unverified:\*\* /);
  });

  it("an unrecorded residence is asked, never stated as meeting s.1(3), and the pack and letter say who may apply", () => {
    const facts: CaseFacts = { ...STRANGER, suspect: {} };
    for (const [name, document] of DOCUMENTS) {
      const md = document(facts, { asOf: ASOF });
      // SPA 2019 s.1(3): a chief officer may apply about a person who lives in the area or is believed to be in or coming to it.
      expect(md, name).not.toMatch(/this condition is met: the (suspect|defendant) lives/i);
      expect(md, name).toMatch(/Where the suspect lives is not recorded/);
      expect(md, name).toMatch(/\*\*Question:\*\* Where does the suspect live/);
      expect(md, name).toMatch(/Who may apply \(SPA 2019 s\.1\(3\)\)/);
      expect(md, name).not.toMatch(/\b(he|she|him|his|her|hers|himself|herself)\b/i);
    }
  });

  it("a suspect under sex offender notification is not told they must notify (SPA 2019 s.9(5))", () => {
    const exempt: CaseFacts = { ...STRANGER, suspect: { subjectToSexOffenderNotification: true } };
    const section = (md: string) => md.slice(md.indexOf("### Notification"), md.indexOf("### Dates"));
    expect(section(spoApplicationPack(exempt, { asOf: ASOF }))).not.toMatch(/must tell the police/);
    expect(section(spoApplicationPack(exempt, { asOf: ASOF }))).toMatch(/do not apply/);
    const unknown = section(spoApplicationPack({ ...STRANGER, suspect: {} }, { asOf: ASOF }));
    expect(unknown).not.toMatch(/must tell the police their name/);
    expect(unknown).toMatch(
      /\*\*Question:\*\* Is the suspect already under the sex offender notification rules/,
    );
    const notExempt = section(
      spoApplicationPack(
        { ...STRANGER, suspect: { subjectToSexOffenderNotification: false } },
        { asOf: ASOF },
      ),
    );
    expect(notExempt).toMatch(/must tell the police their name/);
  });

  it("the letter claims nothing the Act does not say: no 'every reason', no 'the Act sets no time limit'", () => {
    const letter = spoRequestLetter(STRANGER, { asOf: ASOF });
    expect(letter).not.toMatch(/every reason/);
    expect(letter).not.toMatch(/The Act sets no time limit/);
    expect(letter).toMatch(/a date we ask for, not one set by law/);
  });

  it("HTML escapes the apostrophe too", () => {
    const html = spoApplicationPack({ ...STRANGER, id: "o'brien" }, { asOf: ASOF, format: "html" });
    expect(html).not.toContain("o'brien");
    expect(html).toContain("o&#39;brien");
  });
});

describe("the documents say no more than the assessment knows (issue 31, second review)", () => {
  const section = (md: string, heading: string) => {
    const start = md.indexOf(`### ${heading}`);
    const end = md.indexOf("\n### ", start + 1);
    return md.slice(start, end === -1 ? undefined : end);
  };

  it("s.1(3) is not said to be met where the suspect's police area is not known; which area is asked", () => {
    const facts: CaseFacts = {
      ...STRANGER,
      policeForceArea: "avon-and-somerset",
      suspect: { livesIn: "england-and-wales" },
    };
    for (const [name, document] of DOCUMENTS) {
      const md = document(facts, { asOf: ASOF });
      const residence = section(md, "Who may apply: where the suspect lives, or is in or coming to");
      expect(residence, name).not.toMatch(/is met/);
      expect(residence, name).toMatch(/\*\*Question:\*\* Which police area does the suspect live in\?/);
    }
    // Recorded home area: its chief officer may apply.
    const kent = spoRequestLetter({ ...STRANGER, suspect: { homeForceArea: "kent" } }, { asOf: ASOF });
    expect(kent).toMatch(/The suspect lives in the Kent Police area, so its chief officer may apply/);
  });

  it("an unrecorded residence in Northern Ireland names the Chief Constable, not 'which chief officer'; abroad and not coming: no one may apply", () => {
    const ni: CaseFacts = { ...NI, suspect: {} };
    const md = spoApplicationPack(ni, { asOf: ASOF });
    expect(md).not.toMatch(/which chief officer/);
    expect(md).toMatch(/The Chief Constable may apply only if the suspect lives in Northern Ireland/);
    const abroad = spoApplicationPack(
      { ...STRANGER, suspect: { livesIn: "outside-the-uk", believedInOrComingTo: [] } },
      { asOf: ASOF },
    );
    // SPA 2019 s.1(3), digest §14: no territorial force may apply.
    expect(abroad).toMatch(/no territorial police force may apply/);
    expect(abroad).not.toMatch(/outside and not coming|lives in territory/);
  });

  it("notification: the interim-replacement exception is said, and no duty is an unconditional 'must' while the exemption is unknown (s.9(1)-(2), s.9(5))", () => {
    for (const facts of [STRANGER, NI]) {
      const notification = section(
        spoApplicationPack(facts, { asOf: ASOF }),
        "Notification requirements the order will carry",
      );
      expect(notification).toMatch(
        /If the full order replaces an interim order, no new first notification is due/,
      );
      expect(notification).not.toMatch(/\bmust\b/);
    }
  });

  it("the Northern Ireland two-year minimum is marked Unverified (digest §14: a press release)", () => {
    expect(spoApplicationPack(NI, { asOf: ASOF })).toMatch(
      /- \*\*Unverified:\*\* A full order lasts at least 2 years/,
    );
  });

  it("an act not known to be unwelcome is asked about, by number and kind (SPA 2019 s.1(4)(b))", () => {
    const facts: CaseFacts = { ...STRANGER, incidents: [{ kind: "contacting", date: "2025-05-01" }] };
    for (const [name, document] of DOCUMENTS)
      expect(document(facts, { asOf: ASOF }), name).toMatch(
        /\*\*Question:\*\* Act 1 \(contacting\): was it unwelcome to the victim, and did the suspect know/,
      );
  });

  it("says nothing is missing for the outcome without hiding the questions asked", () => {
    const md = spoApplicationPack({ ...STRANGER, suspect: {} }, { asOf: ASOF });
    expect(md).not.toMatch(/Nothing the SPO test needs is missing/);
    const letter = spoRequestLetter({ ...STRANGER, suspect: {} }, { asOf: ASOF });
    expect(letter).toMatch(/Where a question is asked above, we will send the answer/);
  });

  it("BTP and MoD Police: not limited by area, and whether they would act is said to be a practical question (digest §14)", () => {
    expect(spoRequestLetter({ ...STRANGER, suspect: {} }, { asOf: ASOF })).toMatch(
      /not limited by area \(whether they would act on a case like this is a practical question/,
    );
  });
});
