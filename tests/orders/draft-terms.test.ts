// draftSpoTerms (issue part 1). Expected values come from the law digest:
// - SPA 2019 s.1(2) (§1.1): an SPO may prohibit or require; positive requirements are available.
// - s.2(2) (§1.2): each term only if itself necessary to protect the person from a risk associated with
//   stalking, so each proposed term must say which recorded conduct it answers.
// - s.2(3) (§1.2): terms must, so far as practicable, avoid conflict with religious beliefs and
//   interference with work or education times: checked where those facts are recorded.
// - §2.4: example prohibitions (no contact by any means or through third parties; exclusion zones around
//   home and work; any form of surveillance) and requirements (perpetrator programme, mental-health
//   assessment, drug and alcohol programme, device surrender, access to devices and accounts, signing on).
// - s.1(1)(c) (§1.1): stalking by proxy; s.2(4): UK-wide unless limited to a locality.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  type DraftTerm,
  draftSpoTerms,
  IncidentKindSchema,
  type Order,
  validateOrder,
} from "../../src/index.js";

const byId = (terms: readonly DraftTerm[]) => new Map(terms.map((t) => [t.id, t]));
const TIME_BOUND = new Set(["exclusion-zone", "programme", "assessment", "sign-on"]);

describe("terms answer the recorded conduct", () => {
  it("online monitoring → no contact by any electronic means, disclosure of devices and accounts, device surrender", () => {
    const draft = draftSpoTerms({
      id: "c1",
      incidents: [{ id: "i1", kind: "monitoring-electronic-communications" }],
    });
    const terms = byId(draft.terms);
    for (const id of ["no-electronic-contact", "disclose-devices-and-accounts", "surrender-devices"]) {
      expect(terms.get(id), id).toBeDefined();
      expect(terms.get(id)!.answers).toEqual(["i1"]);
    }
    expect(terms.get("no-electronic-contact")).toMatchObject({ kind: "prohibition" });
    expect(terms.get("no-electronic-contact")!.text).toMatch(/electronic/);
    expect(terms.get("disclose-devices-and-accounts")).toMatchObject({ kind: "requirement" });
    expect(terms.get("disclose-devices-and-accounts")!.text).toMatch(/device/);
    expect(terms.get("disclose-devices-and-accounts")!.text).toMatch(/account/);
    expect(terms.get("surrender-devices")).toMatchObject({
      kind: "requirement",
      category: "device-surrender",
    });
    // One incident is not a pattern: no programme is proposed on it alone.
    expect(terms.has("perpetrator-programme")).toBe(false);
  });

  it("loitering near home or work → an exclusion zone tied to that incident", () => {
    const draft = draftSpoTerms({ id: "c2", incidents: [{ id: "loiter-1", kind: "loitering" }] });
    const zone = byId(draft.terms).get("exclusion-zone");
    expect(zone).toMatchObject({ kind: "prohibition", category: "exclusion-zone", answers: ["loiter-1"] });
    expect(zone!.text).toMatch(/home/);
    expect(zone!.text).toMatch(/work/);
    expect(zone!.citations.map((c) => c.id)).toContain("spa-2019:s2(4)");
  });

  it("contact through others → no third-party contact", () => {
    const draft = draftSpoTerms({ id: "c3", incidents: [{ id: "tp", kind: "third-party-contact" }] });
    expect(byId(draft.terms).get("no-third-party-contact")).toMatchObject({
      kind: "prohibition",
      answers: ["tp"],
    });
    expect(byId(draft.terms).get("no-third-party-contact")!.text).toMatch(/third part/i);
  });

  it("a pattern of conduct → perpetrator programme; mental-health assessment and drug and alcohol programme to consider", () => {
    const draft = draftSpoTerms({
      id: "c4",
      incidents: [
        { id: "a", kind: "following" },
        { id: "b", kind: "contacting" },
      ],
    });
    const terms = byId(draft.terms);
    expect(terms.get("perpetrator-programme")).toMatchObject({ kind: "requirement", considerOnly: false });
    expect(terms.get("perpetrator-programme")!.answers).toEqual(["a", "b"]);
    expect(terms.get("mental-health-assessment")).toMatchObject({ kind: "requirement", considerOnly: true });
    expect(terms.get("drug-and-alcohol-programme")).toMatchObject({
      kind: "requirement",
      considerOnly: true,
    });
  });

  it("escalating conduct → signing on at a police station", () => {
    const draft = draftSpoTerms({
      id: "c5",
      risk: { escalating: true },
      incidents: [{ id: "a", kind: "following" }],
    });
    expect(byId(draft.terms).get("sign-on")).toMatchObject({ kind: "requirement", category: "sign-on" });
    expect(byId(draft.terms).get("sign-on")!.necessity).toMatch(/escalat/);
  });

  it("no sign-on requirement without escalation; no terms at all without recorded conduct", () => {
    expect(byId(draftSpoTerms({ id: "c6", incidents: [{ kind: "following" }] }).terms).has("sign-on")).toBe(
      false,
    );
    const empty = draftSpoTerms({ id: "c7" });
    expect(empty.terms).toEqual([]);
    expect(empty.notes.join(" ")).toMatch(/no conduct is recorded/i);
  });

  // BUG (src/orders/draft-spo-terms.ts): with `risk.escalating: true` and NO recorded incidents the draft
  // still proposes a sign-on requirement (answers: []), next to its own note "No conduct is recorded, so
  // no term can be tied to it". An SPO needs acts associated with stalking (s.2(1)(a)) and each term must
  // answer them (s.2(2)); a term tied to no conduct should not be proposed.
  // Repro: draftSpoTerms({ id: "x", risk: { escalating: true } }).terms → [{ id: "sign-on", answers: [] }].
  it("no recorded conduct → no terms, even if the risk is marked escalating", () => {
    expect(draftSpoTerms({ id: "c7b", risk: { escalating: true } }).terms).toEqual([]);
  });

  it("incidents without ids are referred to by position", () => {
    const draft = draftSpoTerms({ id: "c8", incidents: [{ kind: "following" }, { kind: "loitering" }] });
    expect([...byId(draft.terms).get("exclusion-zone")!.answers].sort()).toEqual([
      "incidents.0",
      "incidents.1",
    ]);
  });

  it("stalking by proxy: the terms protect 'the protected persons', and the notes say to name each (s.1(1)(c))", () => {
    const draft = draftSpoTerms({
      id: "c9",
      incidents: [{ id: "p1", kind: "contacting", target: "connected-person" }],
    });
    expect(byId(draft.terms).get("no-contact-any-means")!.text).toMatch(/the protected persons/);
    expect(draft.notes.join(" ")).toMatch(/proxy/);
  });

  it("notes say terms are UK-wide unless limited to a locality (s.2(4))", () => {
    expect(draftSpoTerms({ id: "c10", incidents: [{ kind: "following" }] }).notes.join(" ")).toMatch(
      /United Kingdom/,
    );
  });

  // BUG (src/orders/draft-spo-terms.ts): a term proposed because the conduct is escalating (sign-on) has
  // `answers: []`: it is tied to no recorded conduct, although the issue asks that each term be "tied to the
  // conduct it answers" and s.2(2) makes each term answer for its own necessity. The escalating conduct is
  // the recorded incidents, so their ids belong in `answers`.
  it("every proposed term answers at least one recorded incident (including sign-on)", () => {
    const draft = draftSpoTerms({
      id: "c11",
      risk: { escalating: true },
      incidents: [{ id: "a", kind: "following" }],
    });
    for (const term of draft.terms) expect(term.answers.length, term.id).toBeGreaterThan(0);
  });
});

describe("necessity (s.2(2)) and conflicts (s.2(3))", () => {
  const facts: CaseFacts = {
    id: "c20",
    risk: { escalating: true },
    suspect: { work: "Warehouse shifts Mon–Fri 06:00–14:00", religion: "Attends mosque for Friday prayers" },
    incidents: [
      { id: "i1", kind: "monitoring-electronic-communications" },
      { id: "i2", kind: "loitering" },
      { id: "i3", kind: "third-party-contact" },
    ],
  };

  it("every term states its necessity and cites s.2(2)", () => {
    for (const term of draftSpoTerms(facts).terms) {
      expect(term.necessity, term.id).toMatch(/necessary/);
      expect(term.necessity, term.id).toMatch(/s\.2\(2\)/);
      expect(
        term.citations.map((c) => c.id),
        term.id,
      ).toContain("spa-2019:s2(2)");
    }
  });

  it("time-bound terms are checked against the recorded work and religion; others are not", () => {
    const terms = draftSpoTerms(facts).terms;
    for (const term of terms) {
      if (TIME_BOUND.has(term.category)) {
        expect(term.conflicts.length, term.id).toBe(2);
        expect(term.conflicts.join(" "), term.id).toMatch(/work/);
        expect(term.conflicts.join(" "), term.id).toMatch(/religi/);
        expect(term.conflicts.join(" "), term.id).toMatch(/s\.2\(3\)/);
      } else {
        expect(term.conflicts, term.id).toEqual([]);
      }
    }
    expect(terms.filter((t) => t.conflicts.length > 0).map((t) => t.id)).toEqual(
      expect.arrayContaining(["exclusion-zone", "perpetrator-programme", "sign-on"]),
    );
  });

  it("education recorded → the check mentions education", () => {
    const draft = draftSpoTerms({
      id: "c21",
      suspect: { education: "College Tue/Thu" },
      incidents: [{ id: "i", kind: "loitering" }],
    });
    expect(byId(draft.terms).get("exclusion-zone")!.conflicts).toEqual([expect.stringMatching(/education/)]);
  });

  it("nothing recorded about work, education or religion → no conflicts listed, and a note to check them", () => {
    const draft = draftSpoTerms({ id: "c22", incidents: [{ id: "i", kind: "loitering" }] });
    expect(byId(draft.terms).get("exclusion-zone")!.conflicts).toEqual([]);
    expect(draft.notes.join(" ")).toMatch(/not recorded/);
  });

  it("the draft, made into an SPO, passes validateOrder; with the suspect's facts it warns on time-bound terms", () => {
    const draft = draftSpoTerms(facts);
    const order: Order = {
      kind: "spo",
      appliedForBy: { role: "chief-officer", force: "kent" },
      protectedPersons: ["v1"],
      madeOn: "2025-06-01",
      duration: { type: "fixed", endsOn: "2027-05-31" },
      prohibitions: draft.terms
        .filter((t) => t.kind === "prohibition")
        .map((t) => ({ id: t.id, text: t.text, category: t.category, answers: [...t.answers] })),
      requirements: draft.terms
        .filter((t) => t.kind === "requirement")
        .map((t) => ({ id: t.id, text: t.text, category: t.category, answers: [...t.answers] })),
    };
    const result = validateOrder(order, { suspect: facts.suspect });
    expect(result.defects).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings.every((w) => w.code === "possible-conflict-with-work-education-or-religion")).toBe(
      true,
    );
  });
});

describe("properties", () => {
  const kinds = IncidentKindSchema.options;
  const arbFacts = fc.record({
    incidents: fc.array(
      fc.record({
        id: fc.option(fc.stringMatching(/^[a-z]{1,6}$/), { nil: undefined }),
        kind: fc.constantFrom(...kinds),
      }),
      { maxLength: 6 },
    ),
    escalating: fc.boolean(),
    work: fc.option(fc.constantFrom("Mon–Fri", ""), { nil: undefined }),
    religion: fc.option(fc.constant("Sunday service"), { nil: undefined }),
  });

  it("ids are unique; answers are recorded incidents; conflicts only on time-bound terms when facts are given", () => {
    fc.assert(
      fc.property(arbFacts, ({ incidents, escalating, work, religion }) => {
        const facts: CaseFacts = {
          id: "p",
          risk: { escalating },
          suspect: {
            ...(work !== undefined ? { work } : {}),
            ...(religion !== undefined ? { religion } : {}),
          },
          incidents: incidents.map((i) =>
            i.id === undefined ? { kind: i.kind } : { id: i.id, kind: i.kind },
          ),
        };
        const refs = new Set(incidents.map((inc, i) => inc.id ?? `incidents.${i}`));
        const draft = draftSpoTerms(facts);
        const interests = (work ? 1 : 0) + (religion ? 1 : 0);
        // (No incidents + escalating is the sign-on bug above, tested there.)
        if (incidents.length === 0 && draft.terms.some((t) => t.id !== "sign-on")) return false;
        if (new Set(draft.terms.map((t) => t.id)).size !== draft.terms.length) return false;
        return draft.terms.every(
          (t) =>
            t.answers.every((a) => refs.has(a)) &&
            t.conflicts.length === (TIME_BOUND.has(t.category) ? interests : 0) &&
            (t.kind === "prohibition" || t.kind === "requirement"),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe("SPO term templates (issue #12 item 9)", () => {
  it("no SPO term mentions a named supervisor: that is a DAPO concept (DAA 2021 s.36), not SPA 2019", () => {
    const draft = draftSpoTerms({
      id: "named-supervisor",
      risk: { escalating: true },
      incidents: [
        { id: "a", kind: "following" },
        { id: "b", kind: "contacting" },
        { id: "c", kind: "monitoring-electronic-communications" },
      ],
    });
    expect(draft.terms.some((t) => t.id === "perpetrator-programme")).toBe(true);
    for (const term of draft.terms) expect(term.text, term.id).not.toMatch(/supervisor/i);
  });
});
