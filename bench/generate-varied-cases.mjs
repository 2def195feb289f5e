// The benchmark's second caseload: cases whose fields vary independently of one another, drawn by a
// seeded generator (repeatable), every one valid against CaseFactsSchema and fictional.
//
// Why: the first caseload (generate-cases.mjs) varies a few fields of the 30 bundled cases, so a
// million of its cases have only a few thousand distinct derived-fact combinations and any memo
// keyed on them answers almost every case. Real caseloads repeat less than that; this one repeats
// less than real data does (it randomises every field independently), so between them the two
// caseloads bracket a real force's caseload. The README's headline figures are this caseload's.
//
// The proportions (PROPORTIONS below) are the project's choices, not measured statistics, except
// where a source is named: the only published figure used is the Suzy Lamplugh Trust's "50% of
// stalking cases are non-domestic" (/work/shared/background), which sets the relationship mix.
// Each field is present, and takes each value, independently of every other field.
const lib = await import(new URL("../dist/index.js", import.meta.url).href);
const KINDS = lib.IncidentKindSchema.options;
const FORCES = lib.PoliceForceIdSchema.options;
const ORDER_KINDS = lib.OrderKindSchema.options;
const REASON_CODES = lib.DeclineReasonCodeSchema.options;

/**
 * Each probability is of the field being present (or of the value it names). A boolean fact that
 * is present is `true` with probability `trueShare`.
 */
export const PROPORTIONS = Object.freeze({
  jurisdiction: { "england-and-wales": 0.9, absent: 0.04, "northern-ireland": 0.03, scotland: 0.03 },
  policeForceArea: 0.85,
  suspect: 0.97,
  suspectAge: 0.65, // else a date of birth (0.2) or neither
  suspectDateOfBirth: 0.2,
  suspectHomeForceArea: 0.6,
  suspectSexOffenderNotification: 0.25,
  personsToProtect: { none: 0.1, one: 0.7, two: 0.15, three: 0.05 },
  // Half of stalking cases are non-domestic (Suzy Lamplugh Trust); "other" and an unrecorded
  // summary make up the rest of each half.
  relationshipSummary: {
    stranger: 0.14,
    acquaintance: 0.14,
    colleague: 0.06,
    neighbour: 0.06,
    "online-only": 0.06,
    "ex-partner": 0.3,
    partner: 0.05,
    family: 0.1,
    other: 0.03,
    absent: 0.06,
  },
  relationshipPeriod: 0.15, // each of marriage, civil partnership, cohabitation, household, intimate
  relationshipBoolean: 0.3, // each of relatives, parents of the same child, same family proceedings
  allConnectionsRecorded: 0.4,
  incidents: { min: 0, max: 12 },
  incidentDate: 0.9,
  incidentAbroad: 0.04,
  incidentTarget: 0.7,
  incidentKnewUnwelcome: 0.5,
  incidentAssociated: 0.3,
  riskBoolean: 0.7, // each of the seven risk booleans
  riskTool: 0.35,
  protection: 0.75,
  bailConditions: 0.2,
  ordersInForce: 0.2,
  protectionAdequate: 0.3,
  criminal: 0.6,
  family: 0.2,
  victimViews: 0.6,
  withoutNoticeGrounds: 0.25,
  spoRequest: 0.25,
  trueShare: 0.55,
});

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

const pad = (n) => String(n).padStart(2, "0");
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A generator of independent draws from one seed. */
function draws(seed) {
  const r = mulberry32(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const weighted = (table) => {
    let x = r();
    const entries = Object.entries(table);
    for (const [value, p] of entries) {
      x -= p;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  // A real calendar date between `from` and the end of `to` (leap days included).
  const date = (from = 2016, to = 2025) => {
    const year = from + Math.floor(r() * (to - from + 1));
    const month = 1 + Math.floor(r() * 12);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    return `${year}-${pad(month)}-${pad(1 + Math.floor(r() * days))}`;
  };
  const bool = () => r() < PROPORTIONS.trueShare;
  // Sets `key` on `target` with probability `p` to `make()`.
  const maybe = (target, key, p, make) => {
    if (r() < p) target[key] = make();
  };
  return { r, pick, weighted, date, bool, maybe };
}

const PERIOD_STATES = ["current", "former", "never"];
const AGREEMENT_STATES = ["current", "ended", "never"];
const CONNECTIONS = ["family", "partner", "friend", "colleague", "neighbour", "other"];
const PROCEEDINGS = ["none", "under-investigation", "no-further-action", "charged", "convicted", "acquitted"];
const OFFENCES = ["pha-s2", "pha-s2a", "pha-s4", "pha-s4a", "other"];

/** Yields `count` varied cases as plain objects, the same ones for the same seed. */
export function* generateVariedCases(count, seed = 20261201) {
  const d = draws(seed);
  const { r, pick, weighted, date, bool, maybe } = d;
  const P = PROPORTIONS;
  const period = (extra) => {
    const p = { status: pick(PERIOD_STATES) };
    maybe(p, "startedOn", 0.5, () => date(2000, 2024));
    if (p.status === "former") maybe(p, "endedOn", 0.5, () => date(2018, 2025));
    if (extra) extra(p);
    return p;
  };
  const agreement = () => {
    const a = { status: pick(AGREEMENT_STATES) };
    maybe(a, "agreedOn", 0.5, () => date(2005, 2024));
    if (a.status === "ended") maybe(a, "endedOn", 0.5, () => date(2015, 2025));
    return a;
  };
  for (let i = 0; i < count; i++) {
    const c = { id: `varied-${i + 1}` };
    const j = weighted(P.jurisdiction);
    if (j !== "absent") c.jurisdiction = j;
    maybe(c, "policeForceArea", P.policeForceArea, () => pick(FORCES));
    if (r() < P.suspect) {
      const s = {};
      if (r() < P.suspectAge) s.age = 14 + Math.floor(r() * 60);
      else maybe(s, "dateOfBirth", P.suspectDateOfBirth / (1 - P.suspectAge), () => date(1950, 2011));
      maybe(s, "homeForceArea", P.suspectHomeForceArea, () => pick(FORCES));
      maybe(s, "subjectToSexOffenderNotification", P.suspectSexOffenderNotification, bool);
      c.suspect = s;
    }
    const persons = { none: 0, one: 1, two: 2, three: 3 }[weighted(P.personsToProtect)];
    if (persons > 0) {
      c.personsToProtect = Array.from({ length: persons }, (_, k) => {
        const p = { role: k === 0 ? "victim" : "connected-person" };
        if (k > 0) p.connection = pick(CONNECTIONS);
        maybe(p, "age", 0.6, () => 10 + Math.floor(r() * 70));
        return p;
      });
    }
    const rel = {};
    const summary = weighted(P.relationshipSummary);
    if (summary !== "absent") rel.summary = summary;
    maybe(rel, "marriage", P.relationshipPeriod, () => period());
    maybe(rel, "civilPartnership", P.relationshipPeriod, () => period());
    maybe(rel, "cohabitation", P.relationshipPeriod, () => period());
    maybe(rel, "sameHousehold", P.relationshipPeriod, () =>
      period((p) =>
        maybe(p, "merelyAs", 0.3, () => pick(["employee", "tenant", "lodger", "boarder", "none"])),
      ),
    );
    maybe(rel, "intimateRelationship", P.relationshipPeriod, () =>
      period((p) => maybe(p, "significantDuration", 0.6, bool)),
    );
    maybe(rel, "agreementToMarry", P.relationshipPeriod / 3, agreement);
    maybe(rel, "civilPartnershipAgreement", P.relationshipPeriod / 5, agreement);
    for (const k of ["relatives", "parentsOfSameChild", "partiesToSameFamilyProceedings"])
      maybe(rel, k, P.relationshipBoolean, bool);
    maybe(rel, "allConnectionsRecorded", P.allConnectionsRecorded, bool);
    c.relationship = rel;
    const n = P.incidents.min + Math.floor(r() * (P.incidents.max - P.incidents.min + 1));
    c.incidents = Array.from({ length: n }, () => {
      const inc = { kind: pick(KINDS) };
      maybe(inc, "date", P.incidentDate, () => date(2018, 2025));
      inc.place = r() < P.incidentAbroad ? "abroad" : "uk";
      maybe(inc, "target", P.incidentTarget, () => (r() < 0.85 ? "victim" : "connected-person"));
      maybe(inc, "suspectKnewOrOughtToKnowUnwelcome", P.incidentKnewUnwelcome, bool);
      maybe(inc, "associatedWithStalking", P.incidentAssociated, bool);
      return inc;
    });
    const risk = {};
    for (const k of [
      "physicalHarm",
      "psychologicalHarm",
      "fearOfViolence",
      "seriousAlarmOrDistress",
      "escalating",
      "ongoing",
      "ongoingContact",
    ])
      maybe(risk, k, P.riskBoolean, bool);
    maybe(risk, "tool", P.riskTool, () => ({
      tool: pick(["DASH", "S-DASH", "DARA"]),
      level: pick(["standard", "medium", "high"]),
    }));
    c.risk = risk;
    if (r() < P.protection) {
      const p = {};
      maybe(p, "bailConditions", P.bailConditions, () =>
        Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
          const b = { from: date(2023, 2025) };
          maybe(b, "to", 0.6, () => date(2024, 2026));
          maybe(b, "breached", 0.4, bool);
          return b;
        }),
      );
      maybe(p, "ordersInForce", P.ordersInForce, () =>
        Array.from({ length: 1 + Math.floor(r() * 2) }, () => {
          const o = { kind: pick(ORDER_KINDS) };
          maybe(o, "madeOn", 0.8, () => date(2020, 2025));
          maybe(o, "expiresOn", 0.5, () => date(2025, 2028));
          maybe(o, "protectsVictim", 0.6, bool);
          maybe(o, "breached", 0.3, bool);
          return o;
        }),
      );
      maybe(p, "adequate", P.protectionAdequate, bool);
      c.protection = p;
    }
    if (r() < P.criminal) {
      const cr = { status: pick(PROCEEDINGS) };
      maybe(cr, "offence", 0.6, () => pick(OFFENCES));
      if (cr.status === "charged" || cr.status === "convicted" || cr.status === "acquitted")
        maybe(cr, "chargedOn", 0.7, () => date(2022, 2025));
      if (cr.status === "convicted") maybe(cr, "convictedOn", 0.7, () => date(2023, 2025));
      if (cr.status === "acquitted") maybe(cr, "acquittedOn", 0.7, () => date(2023, 2025));
      maybe(cr, "courtCurrentlyDealing", 0.3, bool);
      c.criminal = cr;
    }
    maybe(c, "family", P.family, () => ({ underWay: bool() }));
    maybe(c, "victimViews", P.victimViews, () => {
      const v = {};
      for (const k of ["wantsProtection", "supportsProsecution", "willingToApplyHerself"])
        maybe(v, k, 0.7, bool);
      return v;
    });
    maybe(c, "withoutNoticeGrounds", P.withoutNoticeGrounds, () => {
      const w = {};
      for (const k of [
        "riskOfSignificantHarmIfNotImmediate",
        "applicantLikelyDeterred",
        "respondentEvadingService",
      ])
        maybe(w, k, 0.6, bool);
      return w;
    });
    maybe(c, "spoRequest", P.spoRequest, () => {
      const req = {};
      maybe(req, "requestedOn", 0.8, () => date(2023, 2025));
      const decision = { outcome: weighted({ declined: 0.6, "application-made": 0.25, pending: 0.15 }) };
      maybe(decision, "decidedOn", 0.8, () => date(2023, 2025));
      if (decision.outcome === "declined")
        decision.reasons = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
          code: pick(REASON_CODES),
        }));
      req.decision = decision;
      return req;
    });
    yield c;
  }
}

// `node bench/generate-varied-cases.mjs 1000 > cases.jsonl`: the caseload as JSON Lines.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const count = Number(process.argv[2] ?? 1000);
  let out = "";
  for (const c of generateVariedCases(count)) out += `${JSON.stringify(c)}\n`;
  process.stdout.write(out);
}
