import { describe, expect, it } from "vitest";
import { assess, type CaseFacts, explain } from "../../src/index.js";

// A stranger who follows and loiters, acts he knew or ought to have known were unwelcome (SPA 2019
// s.1(4)(b); PHA 1997 s.2A(3) examples count "in particular circumstances"), with an ongoing risk of
// psychological harm and no other protection: the SPO test of SPA 2019 ss.1–2 is met (digest §1.1, §1.2).
const stranger: CaseFacts = {
  id: "explain-1",
  jurisdiction: "england-and-wales",
  suspect: { name: "Zebedee Quillfeather", age: 40 },
  personsToProtect: [{ id: "v", role: "victim", name: "Ottoline Marchbank", age: 31 }],
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    {
      kind: "following",
      date: "2025-03-01",
      description: "Followed her from the Wexcombe tram stop",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
    { kind: "loitering", date: "2025-03-08", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: {},
  notes: "Confidential note about Wexcombe",
};

describe("explain", () => {
  const assessment = assess(stranger, { asOf: "2025-06-01" });

  it("states each order's outcome, its law and the limbs with their citations and links", () => {
    const text = explain(assessment);
    expect(text).toContain("Case explain-1: law as at 2025-06-01");
    expect(text).toContain("Stalking Protection Order: AVAILABLE");
    expect(text).toContain(
      "Stalking Protection Act 2019, s.1(1)(a) <https://www.legislation.gov.uk/ukpga/2019/9/section/1>",
    );
    expect(text).toContain("Court test: the magistrates' court may make the order");
    // A stranger is not an associated person: no NMO (FLA 1996 s.62(3)).
    expect(text).toContain("Non-molestation order: NOT AVAILABLE");
    expect(text).toContain("[x] The suspect has carried out acts associated with stalking: yes (needs yes)");
    // Which basis the acts rest on (PHA 1997 s.2A(3), SPA 2019 s.1(4)(b)).
    expect(text).toContain("that the suspect knew or ought to have known was unwelcome (SPA 2019 s.1(4)(b))");
    expect(text).toContain("following, s.2A(3)(a) (1 act), loitering, s.2A(3)(e) (1 act)");
    expect(text).toContain("RECOMMENDATION: Consider first: Stalking Protection Order.");
    expect(text).toContain("Not legal advice");
  });

  it("renders Markdown with headings and links", () => {
    const md = explain(assessment, { format: "markdown" });
    expect(md).toContain("## Case explain-1: law as at 2025-06-01");
    expect(md).toContain("### Stalking Protection Order: AVAILABLE");
    expect(md).toContain(
      "[Stalking Protection Act 2019, s.2](https://www.legislation.gov.uk/ukpga/2019/9/section/2)",
    );
    expect(md).toMatch(/- ✅ /);
  });

  it("uses no names, descriptions or notes from the case", () => {
    for (const format of ["text", "markdown"] as const) {
      const out = explain(assessment, { format });
      for (const secret of ["Zebedee", "Quillfeather", "Ottoline", "Marchbank", "Wexcombe"]) {
        expect(out).not.toContain(secret);
      }
    }
  });

  it("can leave out the orders that are not available", () => {
    const open = explain(assessment, { orders: "open" });
    expect(open).toContain("Stalking Protection Order: AVAILABLE");
    expect(open).not.toContain("Non-molestation order: NOT AVAILABLE");
  });

  it("lists the open questions, most decisive first, and marks unknown limbs", () => {
    const sparse = assess(
      {
        id: "explain-2",
        jurisdiction: "england-and-wales",
        incidents: [{ kind: "following" }, { kind: "contacting" }],
      },
      { asOf: "2025-06-01" },
    );
    const text = explain(sparse);
    expect(text).toContain("QUESTIONS TO ASK (most decisive first):");
    expect(text).toContain("Stalking Protection Order: NEEDS INFORMATION");
    expect(text).toContain("[?] The suspect still poses the risk now: unknown");
    expect(text).toMatch(/Missing: .*risk\.ongoing/);
  });

  it("flags unverified points: the Crime and Policing Act 2026 power, and a single act", () => {
    const convicted = assess(
      {
        ...stranger,
        criminal: {
          status: "convicted",
          convictedOn: "2026-10-01",
          courtCurrentlyDealing: true,
          offence: "pha-s2a",
        },
      },
      { asOf: "2026-10-02" },
    );
    const text = explain(convicted);
    expect(text).toContain(
      "SPO made by a criminal court on conviction or acquittal: NEEDS INFORMATION — rests on an UNVERIFIED point",
    );
    expect(text).toContain("Enacted, but not known to be in force");
    const oneAct = assess(
      {
        ...stranger,
        incidents: [{ kind: "following", date: "2025-03-01", suspectKnewOrOughtToKnowUnwelcome: true }],
      },
      { asOf: "2025-06-01" },
    );
    expect(explain(oneAct)).toContain("caveat: Stalking Protection Act 2019, s.1(1)(a) is UNVERIFIED");
  });

  it("says plainly that the England and Wales orders do not apply in Scotland or Northern Ireland", () => {
    const scotland = explain(assess({ id: "s", jurisdiction: "scotland" }, { asOf: "2025-06-01" }));
    expect(scotland).toContain("do not apply in Scotland");
    expect(scotland).toContain("Criminal Procedure (Scotland) Act 1995, s.234A");
    const ni = explain(assess({ id: "n", jurisdiction: "northern-ireland" }, { asOf: "2025-06-01" }), {
      format: "markdown",
    });
    expect(ni).toContain("do not apply in Northern Ireland");
  });

  it("says what would change where nothing is available", () => {
    const none = assess(
      { ...stranger, risk: { psychologicalHarm: true, ongoing: false } },
      { asOf: "2025-06-01" },
    );
    const text = explain(none);
    expect(none.recommendation.first).toBeNull();
    expect(text).toContain("Stalking Protection Order: not available because");
    expect(text).toMatch(/Non-molestation order: not available because .*associated with the respondent/i);
  });
});
