// `review` reads a decline letter from the `spoRequest.decision.freeText` CSV column (issue 20): a
// finding for each reason the letter gives, the parts not recognised named by position, and never the
// letter's words in the output.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assertBuilt, parseJsonl, run, SERIAL, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
const t = tempDir();
beforeAll(assertBuilt);
afterAll(t.cleanup);

describe("review: the decision's free text", () => {
  it("gives a finding per reason read and names unread parts by position only", async () => {
    const letter =
      "Not charged or convicted, and the victim does not want to go to court. He seems a decent sort.";
    const file = t.file(
      "letters.csv",
      [
        "id,jurisdiction,relationship.summary,relationship.allConnectionsRecorded,incident.kinds,incident.dates,incident.unwelcome,risk.psychologicalHarm,risk.ongoing,protection.adequate,spoRequest.requestedOn,spoRequest.decision.decidedOn,spoRequest.decision.outcome,spoRequest.decision.freeText",
        `cli-letter,england-and-wales,stranger,yes,following;loitering,2025-03-01;2025-03-08,yes;yes,yes,yes,no,2025-04-25,2025-05-06,declined,"${letter}"`,
      ].join("\n"),
    );
    const r = await run(["review", file, "--as-of", "2025-06-01", ...SERIAL]);
    expect(r.code, r.stderr).toBe(0);
    // The acts were known to be unwelcome (SPA 2019 s.1(4)(b)): PHA s.2A(3)'s examples count "in particular
    // circumstances". SPA 2019 s.1: no charge, no conviction and no prosecution the victim supports are needed.
    expect(parseJsonl(r.stdout)).toEqual([
      expect.objectContaining({
        id: "cli-letter",
        verdict: "likely-wrongly-declined",
        findings: [
          expect.objectContaining({ classifiedAs: "no-charge-or-nfa", finding: "misstates-the-law" }),
          expect.objectContaining({ classifiedAs: "no-conviction", finding: "misstates-the-law" }),
          expect.objectContaining({
            classifiedAs: "victim-will-not-support-prosecution",
            finding: "misstates-the-law",
          }),
        ],
        notRecognised: ["sentence 2 of 2"],
      }),
    ]);
    expect(r.stdout).not.toContain("decent sort");
    const csv = await run(["review", file, "--as-of", "2025-06-01", "--format", "csv", ...SERIAL]);
    expect(csv.stdout).toContain("unclassified(no-conviction)=misstates-the-law");
    expect(csv.stdout).not.toContain("decent sort");
  });
});
