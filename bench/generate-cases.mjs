// Generates varied, valid, fictional cases from the bundled caseload: each is a bundled case with
// its dates, ages, incidents and risk answers varied by a seeded generator, so runs are repeatable.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("../examples/caseload.json", import.meta.url), "utf8"));

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The incident kinds, from the built package: one list, in src/model/case-facts.ts.
const { IncidentKindSchema } = await import(new URL("../dist/index.js", import.meta.url).href);
const KINDS = IncidentKindSchema.options;
const pad = (n) => String(n).padStart(2, "0");
const date = (r, from = 2015, span = 11) =>
  `${from + Math.floor(r() * span)}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
const maybe = (r, v) => (r() < 0.8 ? v : undefined);

/** Yields `count` cases as plain objects. */
export function* generateCases(count, seed = 20260101) {
  const r = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const c = structuredClone(base[i % base.length]);
    c.id = `gen-${i + 1}`;
    const n = Math.floor(r() * 6);
    c.incidents = Array.from({ length: n }, () => {
      const inc = {
        kind: KINDS[Math.floor(r() * KINDS.length)],
        date: date(r),
        place: r() < 0.9 ? "uk" : "abroad",
      };
      if (r() < 0.5) inc.suspectKnewOrOughtToKnowUnwelcome = r() < 0.7;
      return inc;
    });
    const risk = {};
    for (const k of ["physicalHarm", "psychologicalHarm", "ongoing", "escalating"]) {
      const v = maybe(r, r() < 0.6);
      if (v !== undefined) risk[k] = v;
    }
    c.risk = risk;
    if (c.suspect) {
      delete c.suspect.dateOfBirth;
      c.suspect.age = 14 + Math.floor(r() * 50);
    }
    if (r() < 0.3) c.protection = {};
    yield c;
  }
}
