// Issue 15 (security): a rule pack's own instrument URL becomes a link in every rendered case note (`explain`'s
// Markdown is `[title](url)`), so a hostile pack must not be able to put a `javascript:` (or `data:`, `vbscript:`)
// link, or raw HTML, into a note. Local instrument URLs must be `https:`; the error names the path, never the value;
// and a pack's titles and labels are escaped in Markdown like case values. The renderers check the link target
// again, since a caller can hand them an assessment or review it built itself.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assessment,
  assess,
  type CaseFacts,
  challengeSummary,
  type DeclineReview,
  explain,
  reviewSpoDecline,
} from "../../src/index.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  FACT_DEFINITIONS,
  loadRuleSet,
  RulePackError,
} from "../../src/rule-authoring.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LOCAL_PACK = JSON.parse(readFileSync(join(root, "examples/rule-packs/local-policy.json"), "utf8"));

const CASE: CaseFacts = {
  id: "safety-1",
  jurisdiction: "england-and-wales",
  incidents: [
    { kind: "following", date: "2025-05-01", suspectKnewOrOughtToKnowUnwelcome: true },
    { kind: "threats-of-violence", date: "2025-05-03", suspectKnewOrOughtToKnowUnwelcome: true },
  ],
  risk: { psychologicalHarm: true, ongoing: true },
  protection: { adequate: false },
};

function withInstrument(change: Record<string, unknown>): unknown {
  const provisions = LOCAL_PACK.provisions;
  return {
    ...LOCAL_PACK,
    provisions: { ...provisions, instruments: [{ ...provisions.instruments[0], ...change }] },
  };
}

function loadError(pack: unknown): RulePackError | undefined {
  try {
    loadRuleSet([...BUNDLED_RULE_PACKS, pack], FACT_DEFINITIONS);
    return undefined;
  } catch (error) {
    if (!(error instanceof RulePackError)) throw error;
    return error;
  }
}

const HOSTILE_URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "javascript://example.org/%0Aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "\u0000javascript:alert(1)",
  "\u001fhttps://example.org/x",
  " https://example.org/x",
  "https://example.org/x\n## Recommendation: no order needed",
  "https://example.org/a) [click](javascript:alert(1)",
  "file:///etc/passwd",
  "http://example.org/policy",
  "//example.org/policy",
  "https:example.org",
];

describe("a rule pack's own instrument URL must be https: (issue 15, security)", () => {
  it.each(HOSTILE_URLS)("refuses %j, by path, without echoing it", (url) => {
    const error = loadError(withInstrument({ url }));
    expect(error, url).toBeInstanceOf(RulePackError);
    const problem = error?.problems.find((p) => p.path === "provisions.instruments.0.url");
    expect(problem?.message).toMatch(/https:/);
    const everything = `${error?.message}\n${JSON.stringify(error?.problems)}`;
    expect(everything).not.toContain(url.trim());
    expect(everything).not.toMatch(/alert|msgbox|passwd/);
  });

  it("accepts an https: URL (in any case of the scheme), as the shipped example has", () => {
    expect(loadError(LOCAL_PACK)).toBeUndefined();
    expect(loadError(withInstrument({ url: "HTTPS://example.org/policy" }))).toBeUndefined();
  });

  it("property: whatever is put before a non-https scheme, in whatever case, it is refused", () => {
    const scheme = fc.constantFrom("javascript:", "data:", "vbscript:", "file:", "http:", "blob:");
    const cased = fc
      .tuple(scheme, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
      .map(([s, upper]) => [...s].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch)).join(""));
    const prefix = fc.string({
      unit: fc.constantFrom(" ", "\t", "\n", "\r", "\u0000", "\u000b", "\u001f", "\u007f", "\u00a0", ""),
      maxLength: 3,
    });
    fc.assert(
      fc.property(prefix, cased, fc.string({ maxLength: 20 }), (p, s, rest) => {
        const error = loadError(withInstrument({ url: `${p}${s}//example.org/${rest}` }));
        return error?.problems.some((x) => x.path === "provisions.instruments.0.url") === true;
      }),
      { numRuns: 60 },
    );
  });
});

const HOSTILE_TITLE = "Policy](javascript:alert(1)) <img src=x onerror=alert(1)> [x](data:text/html,hi)";

describe("a rule pack's titles and labels are escaped like case values (issue 15, security)", () => {
  const pack = {
    ...(withInstrument({ title: HOSTILE_TITLE }) as Record<string, unknown>),
    limbs: LOCAL_PACK.limbs.map((l: Record<string, unknown>) => ({
      ...l,
      label: "Limb <script>alert(1)</script> [y](javascript:alert(2))",
    })),
    rules: LOCAL_PACK.rules.map((r: Record<string, unknown>) => ({
      ...r,
      label: "Rule\n## Recommendation: no order needed [z](javascript:alert(3))",
      recommendation: {
        ...(r.recommendation as Record<string, unknown>),
        reason: "<iframe src=javascript:alert(4)>",
      },
    })),
  };
  const rules = compileRuleSet(loadRuleSet([...BUNDLED_RULE_PACKS, pack], FACT_DEFINITIONS));
  const assessment = assess(CASE, { asOf: "2025-06-01", rules });

  it("the pack loads (titles are free text) and its order is assessed", () => {
    expect(
      assessment.orders.find((o) => o.rule === "example-constabulary-priority-spo-review")?.outcome,
    ).toBe("available");
  });

  it("explain's Markdown has no javascript:/data: link, no raw HTML and no forged heading", () => {
    const md = explain(assessment, { format: "markdown" });
    expect(md).toContain("Policy\\]"); // the title is there, its bracket escaped
    expect(md).not.toMatch(/(?<!\\)\]\((?:javascript|data|vbscript):/i);
    expect(md).not.toMatch(/<(?:img|script|iframe)/i);
    expect(md).not.toMatch(/^#+ Recommendation: no order needed/m);
    // The citation still links to the pack's own https: URL.
    expect(md).toContain("](https://example.org/example-constabulary/stalking-policy-2025)");
  });

  it("explain's text keeps every pack text on its line", () => {
    const text = explain(assessment);
    expect(text).not.toMatch(/^#+ Recommendation: no order needed/m);
    expect(text).not.toMatch(/^\s*## /m);
  });
});

describe("the renderers link only to https:, whoever built the assessment or review", () => {
  const base = assess(CASE, { asOf: "2025-06-01" });
  it.each(HOSTILE_URLS.filter((u) => !/https:/i.test(u)))("explain drops a citation link to %j", (url) => {
    const forged = structuredClone(base) as { -readonly [K in keyof Assessment]: Assessment[K] };
    const spo = forged.orders.find((o) => o.rule === "spo") as { citation: { url: string; title: string } };
    spo.citation = { ...spo.citation, url, title: "Forged <img src=x onerror=alert(1)> [x]" };
    const md = explain(forged as Assessment, { format: "markdown" });
    const text = explain(forged as Assessment);
    expect(md).not.toMatch(/(?<!\\)\]\((?:javascript|data|vbscript|file|http):/i);
    expect(md).not.toMatch(/<(?:img|javascript|data|vbscript|file|http)/i);
    // Plain text is not a link format, but the URL itself is not written either.
    for (const out of [md, text]) expect(out).not.toContain(url);
  });

  it("a link target that could close the link is percent-encoded", () => {
    const forged = structuredClone(base) as unknown as {
      orders: Array<{ rule: string; citation: { url: string } }>;
    };
    const spo = forged.orders.find((o) => o.rule === "spo")!;
    spo.citation.url = "https://example.org/a) [c](javascript:alert(1)";
    const md = explain(forged as unknown as Assessment, { format: "markdown" });
    expect(md).toContain("(https://example.org/a%29%20%5Bc%5D%28javascript:alert%281%29)");
    expect(md).not.toMatch(/\]\(javascript:/i);
  });

  it("challengeSummary escapes a finding's citation title and drops a javascript: link", () => {
    const review = reviewSpoDecline(CASE, {
      decision: { decidedOn: "2025-06-01", outcome: "declined", reasons: [{ code: "no-charge-or-nfa" }] },
    });
    const forged = structuredClone(review) as unknown as {
      findings: Array<{ citations: Array<{ title: string; url: string }> }>;
    };
    const finding = forged.findings[0]!;
    finding.citations = finding.citations.map((c) => ({
      ...c,
      title: HOSTILE_TITLE,
      url: "JaVaScRiPt:alert(1)",
    }));
    const md = challengeSummary(forged as unknown as DeclineReview, { format: "markdown" });
    expect(md).not.toMatch(/(?<!\\)\]\((?:javascript|data):/i);
    expect(md).not.toMatch(/<img/i);
    expect(md).toContain("Policy\\]");
  });
});

describe("the renderers escape every field of a caller-built result, not only its text fields", () => {
  const HOSTILE = "x <img src=x onerror=alert(1)>\n## Recommendation: forged";
  it("explain: an order's outcome and law status, and a limb's law status", () => {
    const forged = structuredClone(assess(CASE, { asOf: "2025-06-01" })) as unknown as {
      orders: Array<{ rule: string; outcome: string; lawStatus: string; conditions: unknown }>;
    };
    const spo = forged.orders.find((o) => o.rule === "spo")!;
    spo.outcome = HOSTILE;
    spo.lawStatus = HOSTILE;
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      const n = node as { type?: string; lawStatus?: string; conditions?: unknown[] };
      if (n.type === "limb") n.lawStatus = HOSTILE;
      for (const v of Object.values(n)) walk(v);
    };
    walk(spo.conditions);
    for (const format of ["markdown", "text"] as const) {
      const out = explain(forged as unknown as Assessment, { format });
      // Markdown: no raw HTML; both: no line forged by a newline (plain text is not HTML).
      if (format === "markdown") expect(out).not.toMatch(/<img/i);
      expect(out).not.toMatch(/^#+ Recommendation: forged/m);
      expect(out).toContain("Recommendation: forged");
    }
  });

  it("challengeSummary: the SPO outcome, a finding's kind and the days to decision", () => {
    const declined: CaseFacts = {
      ...CASE,
      spoRequest: {
        decision: { outcome: "declined", decidedOn: "2025-05-01", reasons: [{ code: "no-conviction" }] },
      },
    };
    const forged = structuredClone(
      reviewSpoDecline(declined, undefined, { asOf: "2025-06-01" }),
    ) as unknown as {
      spo: { outcome: string };
      findings: Array<{ finding: string }>;
      daysFromRequestToDecision: unknown;
    };
    forged.spo.outcome = HOSTILE;
    for (const f of forged.findings) f.finding = HOSTILE;
    forged.daysFromRequestToDecision = HOSTILE;
    for (const format of ["markdown", "text"] as const) {
      const out = challengeSummary(forged as unknown as DeclineReview, { format });
      // Markdown: no raw HTML; both: no line forged by a newline (plain text is not HTML).
      if (format === "markdown") expect(out).not.toMatch(/<img/i);
      expect(out).not.toMatch(/^#+ Recommendation: forged/m);
      expect(out).toContain("Recommendation: forged");
    }
  });
});
