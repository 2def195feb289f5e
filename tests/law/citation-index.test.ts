// The citations `assess` gives come from the citation index (src/law/citation-index.json, written by
// scripts/write-citation-index.mjs), so the browser bundle does not carry the provisions' summaries (issue 15
// item 4). The index must say exactly what the provision files say: the committed file is what the script
// writes, and every citation equals the one built from the validated registry (title, link, confidence).
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { citationFor, listInstruments, listProvisions, provisionUrl } from "../../src/index.js";
import { isBundledInstrument, isBundledProvision } from "../../src/law/citations.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("the citation index", () => {
  it("is what scripts/write-citation-index.mjs writes from the provision files (npm run build)", async () => {
    const { renderCitationIndex } = await import(join(root, "scripts/write-citation-index.mjs"));
    expect(readFileSync(join(root, "src/law/citation-index.json"), "utf8")).toBe(renderCitationIndex());
  });

  it("gives every provision of the registry the citation the registry's own data gives", () => {
    const instruments = new Map(listInstruments().map((i) => [i.id, i]));
    const provisions = listProvisions();
    expect(provisions.length).toBeGreaterThan(100);
    for (const p of provisions) {
      const instrument = instruments.get(p.instrument)!;
      expect(citationFor(p.id), p.id).toEqual({
        id: p.id,
        title: p.provision ? `${instrument.title}, ${p.provision}` : instrument.title,
        url: provisionUrl(p),
        confidence: p.confidence,
        unverified: p.confidence === "UNVERIFIED",
      });
      expect(isBundledProvision(p.id)).toBe(true);
    }
    for (const i of instruments.keys()) expect(isBundledInstrument(i)).toBe(true);
  });

  it("knows nothing the registry does not", () => {
    expect(isBundledProvision("spa-2019:s99")).toBe(false);
    expect(isBundledProvision("toString")).toBe(false);
    expect(isBundledInstrument("__proto__")).toBe(false);
    expect(() => citationFor("constructor")).toThrow("unknown citation");
  });
});
