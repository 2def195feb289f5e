// The analyst cookbook's example CSV (docs/guides/analyst-cookbook.md) gives what its text says, read
// by the CLI as an analyst would. Expected values from the statute, not from the code:
// - c1: a stranger's following and loitering (PHA 1997 s.2A(3)(a), (f)), each recorded as unwelcome and
//   known or ought to be known to be (SPA 2019 s.1(4)(b)), so "acts associated with stalking" (s.1(1)(a));
//   a risk of psychological harm that is ongoing (s.1(1)(b), s.1(4)(a)); other protection not adequate
//   (s.1(1)(c), necessity): an SPO is available.
// - c2: whether the risk is ongoing and other protection adequate are left empty: unknown, not "no"
//   (s.1(1)(b), (c)), so the SPO needs information.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJsonl } from "../cli/helpers.js";
import { cli } from "../cli/in-process.js";

const COOKBOOK = readFileSync(new URL("../../docs/guides/analyst-cookbook.md", import.meta.url), "utf8");

describe("the analyst cookbook's example CSV", () => {
  it("has an incident.unwelcome column, and its cases come out as the guide says", async () => {
    const csv = COOKBOOK.match(/```csv\n([\s\S]*?)```/)?.[1];
    expect(csv).toBeDefined();
    expect(csv?.split("\n")[0]).toContain("incident.unwelcome");
    const r = await cli(["assess", "--as-of", "2025-06-01", "-q"], { input: csv ?? "" });
    expect(r.code, r.stderr).toBe(0);
    const spo = Object.fromEntries(
      parseJsonl(r.stdout).map((x) => [x.id, (x.outcomes as Record<string, string>).spo]),
    );
    expect(spo).toEqual({ c1: "available", c2: "needs-information" });
  });
});
