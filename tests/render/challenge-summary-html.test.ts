// Issue 31 item 4: the decline challenge shares the application pack's and request letter's layout: as HTML it is
// the same A4 page (one stylesheet), every line of the text form is in it, and nothing from the case is unescaped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { challengeSummary, reviewSpoDecline, SPO_DOCUMENT_CSS, spoRequestLetter } from "../../src/index.js";

const facts = {
  id: "c<1>&",
  jurisdiction: "england-and-wales",
  personsToProtect: [{ name: "Zoë <b>", role: "victim" }],
  incidents: [{ kind: "following", date: "2025-01-05" }],
} as const;

function htmlText(html: string): string {
  return html
    .replace(/<style>[^<]*<\/style>/, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("challengeSummary as HTML", () => {
  it("is the documents' A4 page, with every line of the text form and the case's words escaped", () => {
    const review = reviewSpoDecline(
      facts,
      { decision: { decidedOn: "2025-02-01", outcome: "declined", reasons: [{ code: "no-conviction" }] } },
      { asOf: "2025-06-01" },
    );
    const html = challengeSummary(review, { format: "html", facts });
    const text = challengeSummary(review, { facts });
    expect(html).toContain(`<style>${SPO_DOCUMENT_CSS}</style>`);
    // The same shell as the request letter: everything up to the body is the same but the title.
    const letter = spoRequestLetter(facts, { asOf: "2025-06-01", format: "html" });
    expect(html.slice(0, html.indexOf("<title>"))).toBe(letter.slice(0, letter.indexOf("<title>")));
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/c<1>/);
    const shown = htmlText(html);
    for (const line of text.split("\n").filter((l) => l.trim() !== ""))
      expect(shown).toContain(line.startsWith("- ") ? line.slice(2) : line);
  });

  it("never lets a decline letter's text open markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (words) => {
        const review = reviewSpoDecline(
          { id: "c", jurisdiction: "england-and-wales" },
          {
            decision: {
              decidedOn: "2025-02-01",
              outcome: "declined",
              reasons: [{ code: "unclassified", text: `<img src=x onerror=1>${words}` }],
            },
          },
          { asOf: "2025-06-01", includeDecisionText: true },
        );
        const html = challengeSummary(review, { format: "html" });
        expect(html).not.toContain("<img");
      }),
      { numRuns: 50 },
    );
  });
});
