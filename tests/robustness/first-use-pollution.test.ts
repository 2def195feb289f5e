// Issue 14 (cold import): the citation registry, the bundled rules and the decline reader's
// patterns are built on their first use, not at import. Built at import they could not see what
// the host later added to Object.prototype (issue #13: such additions change no answer); built on
// first use they must not either. Here a fresh copy of the library is imported, Object.prototype
// is polluted with keys the bundled data leaves out (a provision's note and section, a reason's
// patterns and overrides, a rule's optional fields) before anything is used, and every answer must
// be what a clean copy gives.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseFacts } from "../../src/index.js";

const proto = Object.prototype as Record<string, unknown>;
const ownBefore = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(ownBefore);
});

const POLLUTION: Readonly<Record<string, unknown>> = {
  note: "planted note",
  section: "99",
  schedule: "9",
  legislationPath: "ukpga/1999/1",
  patterns: ["nice man"],
  overrides: ["no-charge-or-nfa"],
  unverified: true,
  dateConfidence: "UNVERIFIED",
  to: "2021-01-01",
  noDataAfter: "2020-02-01",
};

const CASE: CaseFacts & { spoRequest: { decision: { freeText: string } } } = {
  id: "first-use",
  jurisdiction: "england-and-wales",
  relationship: { summary: "stranger", allConnectionsRecorded: true },
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "loitering", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  spoRequest: {
    requestedOn: "2025-05-05",
    decision: {
      decidedOn: "2025-05-10",
      outcome: "declined",
      freeText: "NFA so an SPO cannot be applied for. He is a nice man.",
    },
  },
};

/** Every answer that reads the lazily built tables, as JSON, from one copy of the library. */
function answers(
  lib: typeof import("../../src/index.js"),
  authoring: typeof import("../../src/rule-authoring.js"),
): string {
  return JSON.stringify([
    lib.assess(CASE, { asOf: "2025-06-01" }),
    lib.reviewSpoDecline(CASE, undefined, { asOf: "2025-06-01" }),
    lib.readDeclineText(CASE.spoRequest.decision.freeText),
    lib.listProvisions(),
    lib.listProvisions().map((p) => lib.citationFor(p.id)),
    authoring.DEFAULT_RULES.rules.map((r) => r.rule),
  ]);
}

/**
 * The answers of a fresh copy of the library with Object.prototype polluted, either from its very
 * first use (`warm: false`) or only after the tables are built (`warm: true`, which is what
 * building them at import gave: built before the host could add anything).
 */
async function pollutedAnswers(warm: boolean): Promise<string> {
  vi.resetModules();
  const lib = await import("../../src/index.js");
  const authoring = await import("../../src/rule-authoring.js");
  if (warm) {
    // Only what is built on first use (what used to be built at import), not any answer: an
    // answer would fill per-call caches that the polluted answers below would then read.
    const { bundledRules } = await import("../../src/assess/bundled-rules.js");
    bundledRules();
    lib.citationFor("spa-2019:s2");
    lib.readDeclineText("x");
  }
  const added: string[] = [];
  try {
    for (const [key, value] of Object.entries(POLLUTION)) {
      if (Object.hasOwn(proto, key)) continue;
      proto[key] = value;
      added.push(key);
    }
    return answers(lib, authoring);
  } finally {
    for (const key of added) delete proto[key];
  }
}

describe("what is built on first use sees Object.prototype as it was at import", () => {
  it("a copy polluted before its first use answers as one polluted after it does", async () => {
    const builtBeforePollution = await pollutedAnswers(true);
    expect(await pollutedAnswers(false)).toBe(builtBeforePollution);
  }, 60_000);
});
