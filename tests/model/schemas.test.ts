// Unit tests for the zod schemas of the case-facts and order models. Expected values come from the law
// digest (shared/law/legal-basis.md; §12 governs where it differs), not from the code's output.
import { describe, expect, it } from "vitest";
import {
  CaseFactsSchema,
  CriminalProceedingsSchema,
  DeclineReasonCodeSchema,
  ExistingOrderSchema,
  FamilyProceedingsSchema,
  IncidentKindSchema,
  IncidentSchema,
  IsoDateSchema,
  isRealCalendarDate,
  JurisdictionSchema,
  OffenceKindSchema,
  OrderDurationSchema,
  OrderKindSchema,
  OrderSchema,
  OrderTermSchema,
  PersonSchema,
  PersonToProtectSchema,
  POLICE_FORCES,
  PoliceForceIdSchema,
  ProtectionSchema,
  RelationshipPeriodSchema,
  RelationshipSchema,
  RiskSchema,
  RiskToolResultSchema,
  SpoRequestSchema,
  SuspectSchema,
  VictimViewsSchema,
  WithoutNoticeGroundsSchema,
} from "../../src/index.js";

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("IsoDateSchema", () => {
  it("accepts real calendar dates, including leap days in leap years", () => {
    expect(ok(IsoDateSchema, "2024-02-29")).toBe(true);
    expect(ok(IsoDateSchema, "2000-02-29")).toBe(true); // divisible by 400: a leap year
    expect(ok(IsoDateSchema, "2020-01-20")).toBe(true); // SPA 2019 s.1 commencement
    expect(ok(IsoDateSchema, "1999-12-31")).toBe(true);
    expect(ok(IsoDateSchema, "2025-04-30")).toBe(true);
  });

  it("rejects days that do not exist", () => {
    expect(ok(IsoDateSchema, "2023-02-29")).toBe(false);
    expect(ok(IsoDateSchema, "1900-02-29")).toBe(false); // divisible by 100, not by 400
    expect(ok(IsoDateSchema, "2025-13-01")).toBe(false);
    expect(ok(IsoDateSchema, "2025-00-10")).toBe(false);
    expect(ok(IsoDateSchema, "2025-04-31")).toBe(false);
    expect(ok(IsoDateSchema, "2025-01-00")).toBe(false);
    expect(ok(IsoDateSchema, "2020-02-30")).toBe(false);
  });

  it("rejects anything not written YYYY-MM-DD", () => {
    for (const value of [
      "2020-1-5",
      "20200105",
      "05/01/2020",
      " 2020-01-05",
      "2020-01-05 ",
      "2020-01-05T00:00:00Z",
      "",
    ]) {
      expect(ok(IsoDateSchema, value), value).toBe(false);
    }
    for (const value of [20200105, null, undefined, new Date("2020-01-05"), {}]) {
      expect(ok(IsoDateSchema, value)).toBe(false);
    }
  });

  it("isRealCalendarDate agrees on the same boundary cases", () => {
    expect(isRealCalendarDate("2024-02-29")).toBe(true);
    expect(isRealCalendarDate("2023-02-29")).toBe(false);
    expect(isRealCalendarDate("2025-13-01")).toBe(false);
    expect(isRealCalendarDate("2020-1-5")).toBe(false);
  });
});

describe("PoliceForceIdSchema and POLICE_FORCES", () => {
  // SPA 2019 s.14 (digest §1.1): chief officers of the 43 territorial forces of England and Wales,
  // the British Transport Police and the Ministry of Defence Police.
  const TERRITORIAL = [
    "avon-and-somerset",
    "bedfordshire",
    "cambridgeshire",
    "cheshire",
    "city-of-london",
    "cleveland",
    "cumbria",
    "derbyshire",
    "devon-and-cornwall",
    "dorset",
    "durham",
    "dyfed-powys",
    "essex",
    "gloucestershire",
    "greater-manchester",
    "gwent",
    "hampshire",
    "hertfordshire",
    "humberside",
    "kent",
    "lancashire",
    "leicestershire",
    "lincolnshire",
    "merseyside",
    "metropolitan",
    "norfolk",
    "north-wales",
    "north-yorkshire",
    "northamptonshire",
    "northumbria",
    "nottinghamshire",
    "south-wales",
    "south-yorkshire",
    "staffordshire",
    "suffolk",
    "surrey",
    "sussex",
    "thames-valley",
    "warwickshire",
    "west-mercia",
    "west-midlands",
    "west-yorkshire",
    "wiltshire",
  ];

  it("has 46 entries: 43 territorial forces, BTP and MoD Police, and the PSNI", () => {
    expect(TERRITORIAL).toHaveLength(43);
    expect(PoliceForceIdSchema.options).toHaveLength(46);
    expect(new Set(PoliceForceIdSchema.options).size).toBe(46);
    expect([...PoliceForceIdSchema.options].sort()).toEqual(
      [...TERRITORIAL, "british-transport-police", "ministry-of-defence-police", "psni"].sort(),
    );
  });

  it("marks exactly BTP and MoD Police as having no territorial area (SPA s.1(3), explanatory notes)", () => {
    expect(POLICE_FORCES).toHaveLength(46);
    // The 43 England and Wales forces and the PSNI, whose area is Northern Ireland (2022 Act s.7(3)).
    expect(POLICE_FORCES.filter((f) => f.territorial)).toHaveLength(44);
    expect(
      POLICE_FORCES.filter((f) => !f.territorial)
        .map((f) => f.id)
        .sort(),
    ).toEqual(["british-transport-police", "ministry-of-defence-police"]);
    expect(POLICE_FORCES.map((f) => f.id)).toEqual([...PoliceForceIdSchema.options]);
  });

  it("does not list forces outside the SPA 2019 list, other than the PSNI (2022 Act s.7)", () => {
    // The Civil Nuclear Constabulary was raised in debate but is not on the list (digest §1.1);
    // Police Scotland is outside England and Wales, and Scotland has no SPO (Part B). The PSNI is
    // listed because its Chief Constable applies for Northern Ireland SPOs.
    expect(ok(PoliceForceIdSchema, "psni")).toBe(true);
    for (const id of ["civil-nuclear-constabulary", "police-scotland", "Kent", "kent-police", ""]) {
      expect(ok(PoliceForceIdSchema, id), id).toBe(false);
    }
  });
});

describe("enumerations", () => {
  it("JurisdictionSchema covers the three UK legal jurisdictions", () => {
    expect([...JurisdictionSchema.options].sort()).toEqual([
      "england-and-wales",
      "northern-ireland",
      "scotland",
    ]);
  });

  it("IncidentKindSchema starts with the seven PHA 1997 s.2A(3) examples (SPA 2019 s.1(6))", () => {
    expect(IncidentKindSchema.options.slice(0, 7)).toEqual([
      "following",
      "contacting",
      "publishing",
      "monitoring-electronic-communications",
      "loitering",
      "interfering-with-property",
      "watching-or-spying",
    ]);
    expect(ok(IncidentKindSchema, "violence")).toBe(true);
    expect(ok(IncidentKindSchema, "stalking")).toBe(false);
  });

  it("OrderKindSchema has the fourteen orders the library knows (twelve England and Wales, two Northern Ireland)", () => {
    expect(OrderKindSchema.options).toHaveLength(14);
    expect(ok(OrderKindSchema, "ni-spo")).toBe(true);
    expect(ok(OrderKindSchema, "ni-interim-spo")).toBe(true);
    for (const kind of [
      "spo",
      "interim-spo",
      "nmo",
      "restraining-order-on-conviction",
      "restraining-order-on-acquittal",
      "dapo",
      "dvpo",
    ]) {
      expect(ok(OrderKindSchema, kind), kind).toBe(true);
    }
    expect(ok(OrderKindSchema, "asbo")).toBe(false);
  });

  it("OffenceKindSchema distinguishes PHA s.2 and s.4 (the pre-2009 restraining-order offences)", () => {
    expect(ok(OffenceKindSchema, "pha-s2")).toBe(true);
    expect(ok(OffenceKindSchema, "pha-s4")).toBe(true);
    expect(ok(OffenceKindSchema, "other")).toBe(true);
    expect(ok(OffenceKindSchema, "murder")).toBe(false);
  });

  it("DeclineReasonCodeSchema has codes for the reasons the digest (§10) says conflict with the statute", () => {
    for (const code of [
      "no-charge-or-nfa",
      "criminal-standard-not-met",
      "suspect-acquitted",
      "prosecution-under-way",
      "domestic-use-nmo",
      "victim-will-not-support-prosecution",
      "acts-before-commencement",
      "acts-abroad",
      "acts-harmless-in-themselves",
      "acts-targeted-someone-else",
      "suspect-in-another-force-area",
      "suspect-under-18",
      "risk-of-costs",
      "no-evidence-of-stalking-acts",
      "no-ongoing-risk",
      "other-protection-adequate",
    ]) {
      expect(ok(DeclineReasonCodeSchema, code), code).toBe(true);
    }
    expect(ok(DeclineReasonCodeSchema, "because")).toBe(false);
  });
});

describe("PersonSchema, SuspectSchema, PersonToProtectSchema", () => {
  it("accepts an empty person (every fact optional = unknown)", () => {
    expect(ok(PersonSchema, {})).toBe(true);
    expect(ok(SuspectSchema, {})).toBe(true);
    expect(ok(PersonToProtectSchema, {})).toBe(true);
  });

  it("age is a whole number of years between 0 and 130", () => {
    expect(ok(PersonSchema, { age: 0 })).toBe(true);
    expect(ok(PersonSchema, { age: 130 })).toBe(true);
    expect(ok(PersonSchema, { age: 131 })).toBe(false);
    expect(ok(PersonSchema, { age: -1 })).toBe(false);
    expect(ok(PersonSchema, { age: 17.5 })).toBe(false);
    expect(ok(PersonSchema, { age: "17" })).toBe(false);
  });

  it("date of birth must be a real calendar date", () => {
    expect(ok(PersonSchema, { dateOfBirth: "2008-02-29" })).toBe(true);
    expect(ok(PersonSchema, { dateOfBirth: "2007-02-29" })).toBe(false);
  });

  it("is strict: a misspelt key is an error rather than an unknown fact", () => {
    expect(ok(PersonSchema, { dob: "2000-01-01" })).toBe(false);
    expect(ok(SuspectSchema, { homeForce: "kent" })).toBe(false);
  });

  it("a suspect's home force and believed-in areas are police force ids (SPA 2019 s.1(3))", () => {
    expect(
      ok(SuspectSchema, { homeForceArea: "kent", believedInOrComingTo: ["metropolitan", "sussex"] }),
    ).toBe(true);
    expect(ok(SuspectSchema, { homeForceArea: "narnia" })).toBe(false);
    expect(ok(SuspectSchema, { believedInOrComingTo: ["narnia"] })).toBe(false);
    expect(
      ok(SuspectSchema, {
        subjectToSexOffenderNotification: true,
        work: "nights",
        religion: "Friday prayers",
      }),
    ).toBe(true);
  });

  it("a person to protect is the victim or a connected person (stalking by proxy, SPA 2019 s.1(1)(c))", () => {
    expect(ok(PersonToProtectSchema, { role: "victim" })).toBe(true);
    expect(ok(PersonToProtectSchema, { role: "connected-person", connection: "colleague" })).toBe(true);
    expect(ok(PersonToProtectSchema, { role: "witness" })).toBe(false);
    expect(ok(PersonToProtectSchema, { connection: "stranger" })).toBe(false);
  });
});

describe("RelationshipPeriodSchema and RelationshipSchema", () => {
  it("a period is current, former or never", () => {
    expect(
      ok(RelationshipPeriodSchema, { status: "former", startedOn: "2010-01-01", endedOn: "2015-06-30" }),
    ).toBe(true);
    expect(ok(RelationshipPeriodSchema, { status: "divorced" })).toBe(false);
    expect(ok(RelationshipPeriodSchema, {})).toBe(false);
  });

  it("records every FLA 1996 s.62(3) / DAA 2021 s.2 limb", () => {
    const full = {
      summary: "ex-partner",
      marriage: { status: "never" },
      civilPartnership: { status: "never" },
      cohabitation: { status: "former", endedOn: "2024-01-01" },
      sameHousehold: { status: "former", merelyAs: "none" },
      relatives: false,
      agreementToMarry: { status: "ended", agreedOn: "2020-01-01", endedOn: "2021-01-01" },
      civilPartnershipAgreement: { status: "never" },
      intimateRelationship: { status: "former", significantDuration: true },
      parentsOfSameChild: false,
      partiesToSameFamilyProceedings: false,
      allConnectionsRecorded: true,
    };
    expect(ok(RelationshipSchema, full)).toBe(true);
    expect(ok(RelationshipSchema, {})).toBe(true);
  });

  it("the same-household limb records the s.62(3)(c) exclusions (employee, tenant, lodger, boarder)", () => {
    for (const merelyAs of ["employee", "tenant", "lodger", "boarder", "none"]) {
      expect(ok(RelationshipSchema, { sameHousehold: { status: "current", merelyAs } }), merelyAs).toBe(true);
    }
    expect(ok(RelationshipSchema, { sameHousehold: { status: "current", merelyAs: "flatmate" } })).toBe(
      false,
    );
  });

  it("agreements to marry / civil partnership agreements are current, ended or never", () => {
    expect(ok(RelationshipSchema, { agreementToMarry: { status: "ended", endedOn: "2020-02-29" } })).toBe(
      true,
    );
    expect(ok(RelationshipSchema, { agreementToMarry: { status: "former" } })).toBe(false);
    expect(ok(RelationshipSchema, { civilPartnershipAgreement: { status: "current" } })).toBe(true);
  });

  it("rejects misspelt limbs", () => {
    expect(ok(RelationshipSchema, { married: true })).toBe(false);
    expect(ok(RelationshipSchema, { intimateRelationship: { status: "former", significant: true } })).toBe(
      false,
    );
  });
});

describe("IncidentSchema", () => {
  it("needs a kind; everything else is optional", () => {
    expect(ok(IncidentSchema, { kind: "following" })).toBe(true);
    expect(ok(IncidentSchema, {})).toBe(false);
  });

  it("records place (UK or abroad) and target (victim or connected person)", () => {
    expect(
      ok(IncidentSchema, {
        id: "i1",
        kind: "watching-or-spying",
        date: "2019-06-01",
        place: "abroad",
        target: "connected-person",
        targetId: "p2",
        suspectKnewOrOughtToKnowUnwelcome: true,
        associatedWithStalking: true,
        description: "text",
      }),
    ).toBe(true);
    expect(ok(IncidentSchema, { kind: "following", place: "france" })).toBe(false);
    expect(ok(IncidentSchema, { kind: "following", target: "neighbour" })).toBe(false);
    expect(ok(IncidentSchema, { kind: "following", date: "2025-02-30" })).toBe(false);
  });
});

describe("RiskSchema, ProtectionSchema, ExistingOrderSchema", () => {
  it("risk facts are booleans", () => {
    expect(ok(RiskSchema, { physicalHarm: true, psychologicalHarm: false, ongoing: true })).toBe(true);
    expect(ok(RiskSchema, { ongoing: "yes" })).toBe(false);
    expect(ok(RiskSchema, { tool: { tool: "DASH", level: "high", assessedOn: "2025-01-01" } })).toBe(true);
    expect(ok(RiskToolResultSchema, { tool: "" })).toBe(false);
  });

  it("protection records bail conditions and orders in force", () => {
    expect(
      ok(ProtectionSchema, {
        bailConditions: [{ from: "2025-01-01", to: "2025-03-01", breached: true }],
        ordersInForce: [{ kind: "nmo", madeOn: "2025-01-10", expiresOn: "2025-07-10", protectsVictim: true }],
        adequate: false,
      }),
    ).toBe(true);
    expect(ok(ProtectionSchema, { bailConditions: [{ until: "2025-03-01" }] })).toBe(false);
  });

  it("an existing order has a known kind", () => {
    expect(ok(ExistingOrderSchema, { kind: "spo", untilFurtherOrder: true })).toBe(true);
    expect(ok(ExistingOrderSchema, { kind: "injunction" })).toBe(false);
    expect(ok(ExistingOrderSchema, {})).toBe(false);
  });
});

describe("CriminalProceedingsSchema and the other small schemas", () => {
  it("criminal proceedings: stage, offence and dates", () => {
    expect(
      ok(CriminalProceedingsSchema, {
        status: "acquitted",
        offence: "pha-s4a",
        acquittedOn: "2009-09-30",
        courtCurrentlyDealing: true,
        courtOfAppeal: false,
      }),
    ).toBe(true);
    expect(ok(CriminalProceedingsSchema, { status: "cautioned" })).toBe(false);
    expect(ok(CriminalProceedingsSchema, { convictedOn: "30/09/2009" })).toBe(false);
  });

  it("family proceedings, victim views, without-notice grounds (FLA s.45(2)), SPO request", () => {
    expect(ok(FamilyProceedingsSchema, { underWay: true })).toBe(true);
    expect(ok(VictimViewsSchema, { wantsProtection: true, supportsProsecution: false })).toBe(true);
    expect(
      ok(WithoutNoticeGroundsSchema, {
        riskOfSignificantHarmIfNotImmediate: true,
        applicantLikelyDeterred: false,
        respondentEvadingService: false,
      }),
    ).toBe(true);
    expect(ok(WithoutNoticeGroundsSchema, { urgent: true })).toBe(false);
    expect(
      ok(SpoRequestSchema, {
        requestedOn: "2025-02-01",
        decision: {
          decidedOn: "2025-03-01",
          outcome: "declined",
          decidingForce: "kent",
          reasons: [{ code: "no-conviction" }],
        },
      }),
    ).toBe(true);
    expect(ok(SpoRequestSchema, { decision: { reasons: [{ code: "not-a-code" }] } })).toBe(false);
  });
});

describe("CaseFactsSchema", () => {
  it("only id is required", () => {
    expect(ok(CaseFactsSchema, { id: "c1" })).toBe(true);
    expect(ok(CaseFactsSchema, {})).toBe(false);
    expect(ok(CaseFactsSchema, { id: "" })).toBe(false);
    expect(ok(CaseFactsSchema, { id: "x".repeat(201) })).toBe(false);
  });

  it("accepts a full case", () => {
    const facts = {
      id: "case-1",
      jurisdiction: "england-and-wales",
      policeForceArea: "metropolitan",
      localAuthority: "Croydon",
      suspect: { age: 34, homeForceArea: "kent" },
      personsToProtect: [{ id: "v1", role: "victim", dateOfBirth: "1990-05-01" }],
      relationship: { summary: "stranger", allConnectionsRecorded: true },
      incidents: [
        { kind: "following", date: "2025-05-01" },
        { kind: "loitering", date: "2025-05-03" },
      ],
      risk: { psychologicalHarm: true, ongoing: true },
      protection: {},
      criminal: { status: "none" },
      family: { underWay: false },
      victimViews: { supportsProsecution: false },
      withoutNoticeGrounds: {},
      spoRequest: {},
      notes: "n",
    };
    const parsed = CaseFactsSchema.safeParse(facts);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(facts);
  });

  it("rejects unknown top-level keys and wrong types", () => {
    expect(ok(CaseFactsSchema, { id: "c", jurisdction: "scotland" })).toBe(false);
    expect(ok(CaseFactsSchema, { id: "c", jurisdiction: "wales" })).toBe(false);
    expect(ok(CaseFactsSchema, { id: "c", incidents: "lots" })).toBe(false);
    expect(ok(CaseFactsSchema, { id: "c", policeForceArea: "police-scotland" })).toBe(false);
    expect(ok(CaseFactsSchema, null)).toBe(false);
    expect(ok(CaseFactsSchema, [])).toBe(false);
  });
});

describe("OrderSchema (discriminated by kind)", () => {
  const base = { protectedPersons: ["v1"], prohibitions: [{ text: "Not to contact V by any means." }] };
  const requirements = [{ text: "Attend a perpetrator programme." }];

  it("an SPO is applied for by a chief officer of police and may carry positive requirements (SPA 2019 s.1(2))", () => {
    expect(
      ok(OrderSchema, {
        kind: "spo",
        appliedForBy: { role: "chief-officer", force: "british-transport-police" },
        madeOn: "2025-04-01",
        duration: { type: "fixed", endsOn: "2027-04-01" },
        ...base,
        requirements,
      }),
    ).toBe(true);
    expect(ok(OrderSchema, { kind: "spo", ...base })).toBe(false); // no applicant
    expect(ok(OrderSchema, { kind: "spo", appliedForBy: { role: "victim" }, ...base })).toBe(false); // victims cannot apply
  });

  it("an interim SPO records when the main application was determined (s.5(6))", () => {
    expect(
      ok(OrderSchema, {
        kind: "interim-spo",
        appliedForBy: { role: "chief-officer" },
        mainApplicationDeterminedOn: "2025-06-01",
        ...base,
        requirements,
      }),
    ).toBe(true);
  });

  it("a DAPO may carry positive requirements (DAA 2021 ss.35–37)", () => {
    expect(
      ok(OrderSchema, {
        kind: "dapo",
        appliedForBy: { role: "person-to-be-protected" },
        ...base,
        requirements,
      }),
    ).toBe(true);
    expect(ok(OrderSchema, { kind: "dapo-in-criminal-proceedings", ...base, requirements })).toBe(true);
  });

  it("NMOs and restraining orders prohibit only; PHA injunctions and DVPOs may carry requirements (§13)", () => {
    // Digest §5.2: restraining orders "do not allow the imposition of positive requirements"; §4.1. Digest §13:
    // a DVPO may require P to leave shared premises (CSA s.28(8)); a PHA s.3 injunction's terms are for the court
    // (validateOrder says which requirements are defects).
    expect(ok(OrderSchema, { kind: "nmo", appliedForBy: { role: "person-to-be-protected" }, ...base })).toBe(
      true,
    );
    expect(
      ok(OrderSchema, {
        kind: "nmo",
        appliedForBy: { role: "person-to-be-protected" },
        ...base,
        requirements,
      }),
    ).toBe(false);
    expect(
      ok(OrderSchema, { kind: "restraining-order-on-conviction", convictedOn: "2021-01-01", ...base }),
    ).toBe(true);
    expect(ok(OrderSchema, { kind: "restraining-order-on-conviction", ...base, requirements })).toBe(false);
    expect(ok(OrderSchema, { kind: "restraining-order-on-acquittal", ...base, requirements })).toBe(false);
    expect(ok(OrderSchema, { kind: "pha-s3-injunction", ...base, requirements })).toBe(true);
    expect(ok(OrderSchema, { kind: "dvpo", ...base, requirements })).toBe(true);
  });

  // FLA 1996 s.42(2): an NMO is made on the application of an associated person or of the court's own motion;
  // "the police are not an applicant under s.42" (digest §4.1). The schema nevertheless accepts
  // `appliedForBy: { role: "police" }` for an NMO, so a record of a legally impossible application validates.
  it("an NMO cannot record the police as the applicant (FLA 1996 s.42(2); digest §4.1)", () => {
    expect(ok(OrderSchema, { kind: "nmo", appliedForBy: { role: "police" }, ...base })).toBe(false);
  });

  it("DAPNs record the giving officer's rank and a timestamp", () => {
    expect(
      ok(OrderSchema, {
        kind: "dapn",
        givenBy: { rank: "inspector", force: "greater-manchester" },
        recipientAge: 30,
        givenAt: "2025-01-01T10:30",
        ...base,
      }),
    ).toBe(true);
    expect(
      ok(OrderSchema, { kind: "dapn", givenBy: { rank: "inspector" }, givenAt: "2025-01-01 10:30", ...base }),
    ).toBe(false);
    expect(ok(OrderSchema, { kind: "dvpn", issuedBy: { rank: "superintendent" }, ...base })).toBe(true);
  });

  it("rejects an unknown kind, a missing kind and unknown keys", () => {
    expect(ok(OrderSchema, { kind: "asbo", ...base })).toBe(false);
    expect(ok(OrderSchema, { ...base })).toBe(false);
    expect(ok(OrderSchema, { kind: "dvpo", ...base, colour: "red" })).toBe(false);
    expect(ok(OrderSchema, { kind: "dvpo", prohibitions: [] })).toBe(false); // protectedPersons required
  });

  it("OrderDurationSchema: fixed (with end date), until further order, or until an event", () => {
    expect(ok(OrderDurationSchema, { type: "fixed", endsOn: "2027-05-01" })).toBe(true);
    expect(ok(OrderDurationSchema, { type: "fixed" })).toBe(false);
    expect(ok(OrderDurationSchema, { type: "until-further-order" })).toBe(true);
    expect(ok(OrderDurationSchema, { type: "until-event", event: "trial ends" })).toBe(true);
    expect(ok(OrderDurationSchema, { type: "until-event" })).toBe(false);
    expect(ok(OrderDurationSchema, { type: "forever" })).toBe(false);
  });

  it("OrderTermSchema needs non-empty text", () => {
    expect(ok(OrderTermSchema, { text: "Not to enter Acacia Avenue.", locality: "Acacia Avenue" })).toBe(
      true,
    );
    expect(ok(OrderTermSchema, { text: "" })).toBe(false);
  });
});
