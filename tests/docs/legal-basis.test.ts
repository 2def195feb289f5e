// The site's legal-basis page is generated from the rules by scripts/write-legal-basis.mjs (from dist/ when
// the site is built). Here the same generator runs on src/, so a change to the rules that the page cannot
// show fails in `npm test`, without building the site.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import { getProvision, listProvisions, OrderKindSchema } from "../../src/index.js";
import * as ruleAuthoring from "../../src/rule-authoring.js";
import { DEFAULT_RULES } from "../../src/rule-authoring.js";

// The generator reads both entry points, as it does from the built package.
const pkg = { ...root, ...ruleAuthoring };

import { ROOT } from "./examples.js";

type Generator = { legalBasisMarkdown(pkg: unknown, version: string): string };

let page = "";
beforeAll(async () => {
  const script = pathToFileURL(join(ROOT, "scripts", "write-legal-basis.mjs")).href;
  const { legalBasisMarkdown } = (await import(script)) as Generator;
  page = legalBasisMarkdown(pkg, "0.0.0-test");
});

/** The table row of the "Every limb" section for a limb. */
function limbRow(id: string): string[] {
  const section = page.slice(page.indexOf("## Every limb"));
  const row = section.split("\n").find((line) => line.startsWith("| ") && line.includes(`(\`${id}\`) |`));
  if (!row) throw new Error(`no row for limb ${id}`);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

describe("the legal-basis page", () => {
  it("is a guide in the site, marked as generated", () => {
    expect(page).toMatch(/^---\ntitle: The legal basis\ngroup: Guides\n---\n/);
    expect(page).toContain("Do not edit it");
    expect(page).toContain("not legal advice");
  });

  it("has every order, and a section for every rule with its citation, link, in-force period and flag", () => {
    for (const order of OrderKindSchema.options) expect(page).toContain(`| \`${order}\` |`);
    for (const { rule, citation, unverified } of DEFAULT_RULES.rules) {
      const start = page.indexOf(`### ${rule.label} (${rule.name})`);
      expect(start, rule.name).toBeGreaterThan(0);
      const section = page.slice(start, page.indexOf("\n### ", start + 1));
      expect(section).toContain(`[${citation.title}](${citation.url})`);
      expect(section).toContain(`**Unverified:** ${unverified ? "**UNVERIFIED**" : "no"}`);
      expect(section).toMatch(/\*\*In force:\*\* (from|enacted|\d)/);
      expect(section).toContain("The test:");
    }
  });

  it("lists every limb with its citation, link, in-force period and unverified flag", () => {
    for (const { limb, citation, unverified } of DEFAULT_RULES.limbs) {
      const [, , cite, inForce, flag] = limbRow(limb.id);
      expect(cite, limb.id).toBe(`[${citation.title}](${citation.url})`);
      expect(inForce, limb.id).not.toBe("");
      expect(flag, limb.id).toBe(unverified ? "**UNVERIFIED**" : "no");
    }
  });

  it("gives in-force periods in words, with the digest's limits", () => {
    const spo = DEFAULT_RULES.rules.find((r) => r.rule.name === "spo")!;
    expect(spo.rule.inForce.from).toBe("2020-01-20");
    expect(page).toContain("**In force:** from 20 January 2020");
    for (const { rule } of DEFAULT_RULES.rules) {
      const section = page.slice(page.indexOf(`### ${rule.label} (${rule.name})`));
      const inForce = section.slice(
        section.indexOf("**In force:**"),
        section.indexOf("\n", section.indexOf("**In force:**")),
      );
      if (rule.inForce.to) expect(inForce, rule.name).toMatch(/\d{4} to \d{1,2} \w+ \d{4}/);
      if (rule.inForce.noDataAfter) expect(inForce, rule.name).toContain("the law digest has no data after");
      if (rule.inForce.from === null) expect(inForce, rule.name).toContain("commencement unknown");
    }
    const startUnverified = listProvisions().find((p) => p.inForce.dateConfidence === "UNVERIFIED");
    if (startUnverified) expect(page).toContain("start date unverified");
  });

  it("lists every provision the law digest could not confirm", () => {
    const unverified = listProvisions().filter((p) => p.confidence === "UNVERIFIED");
    expect(unverified.length).toBeGreaterThan(0);
    const section = page.slice(
      page.indexOf("## Provisions marked unverified"),
      page.indexOf("## Every provision"),
    );
    for (const p of unverified) expect(section, p.id).toContain(`(\`${p.id}\`)`);
  });

  it("cites every provision in the registry", () => {
    for (const p of listProvisions()) expect(page, p.id).toContain(`(\`${p.id}\`)`);
    expect(getProvision("spa-2019:s1(5)")).toBeDefined();
  });
});
