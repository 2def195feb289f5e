// Generated from src/law/*/rules.json by scripts/write-rule-names.mjs (`npm run build`): do not edit.

/**
 * The id of a rule of the bundled rule packs: one order's legal test (`RuleEvaluation.rule`).
 *
 * @example
 * ```ts
 * import type { RuleId } from "protective-orders";
 * const policeLed: RuleId[] = ["spo", "interim-spo", "dvpn"];
 * ```
 */
export type RuleId =
  | "dapn"
  | "dapo"
  | "dapo-in-criminal-proceedings"
  | "dvpn"
  | "dvpo"
  | "interim-spo"
  | "ni-interim-spo"
  | "ni-spo"
  | "nmo"
  | "nmo-without-notice"
  | "pha-s3-injunction"
  | "restraining-order-on-acquittal"
  | "restraining-order-on-conviction"
  | "spo"
  | "spo-on-conviction-or-acquittal";

/**
 * The order a bundled rule is for (`RuleEvaluation.order`): several rules may be routes to one order
 * (`nmo` and `nmo-without-notice` are both for an `nmo`).
 *
 * @example
 * ```ts
 * import type { RuleOrder } from "protective-orders";
 * const order: RuleOrder = "nmo";
 * ```
 */
export type RuleOrder =
  | "dapn"
  | "dapo"
  | "dapo-in-criminal-proceedings"
  | "dvpn"
  | "dvpo"
  | "interim-spo"
  | "ni-interim-spo"
  | "ni-spo"
  | "nmo"
  | "pha-s3-injunction"
  | "restraining-order-on-acquittal"
  | "restraining-order-on-conviction"
  | "spo"
  | "spo-on-conviction-or-acquittal";

/**
 * The id of a statutory limb of the bundled rule packs (`LimbCheck.id`).
 *
 * @example
 * ```ts
 * import type { LimbId } from "protective-orders";
 * const limb: LimbId = "spa-2019.s1(1)(a)";
 * ```
 */
export type LimbId =
  | "cpa-2026.criminal-court"
  | "csa-2010.extent"
  | "csa-2010.s24(2)"
  | "csa-2010.s24(2)(a)"
  | "csa-2010.s24(2)(b)"
  | "csa-2010.s28(2)"
  | "csa-2010.s28(3)"
  | "daa-2021.extent"
  | "daa-2021.pilot"
  | "daa-2021.s1(2)(a)"
  | "daa-2021.s1(3)"
  | "daa-2021.s2"
  | "daa-2021.s2(1)(a)"
  | "daa-2021.s2(1)(b)"
  | "daa-2021.s2(1)(c)"
  | "daa-2021.s2(1)(d)"
  | "daa-2021.s2(1)(e)"
  | "daa-2021.s2(1)(f)"
  | "daa-2021.s2(1)(g)"
  | "daa-2021.s22(3)"
  | "daa-2021.s22(4)"
  | "daa-2021.s22(6)"
  | "daa-2021.s31(3)-(5)"
  | "daa-2021.s32(2)"
  | "daa-2021.s32(3)"
  | "fla-1996.extent"
  | "fla-1996.s42"
  | "fla-1996.s42(1)"
  | "fla-1996.s42(2)(a)"
  | "fla-1996.s42(4)"
  | "fla-1996.s42(5)"
  | "fla-1996.s45(2)"
  | "fla-1996.s45(2)(a)"
  | "fla-1996.s45(2)(b)"
  | "fla-1996.s45(2)(c)"
  | "fla-1996.s62(3)"
  | "fla-1996.s62(3)(a)"
  | "fla-1996.s62(3)(aa)"
  | "fla-1996.s62(3)(b)"
  | "fla-1996.s62(3)(c)"
  | "fla-1996.s62(3)(d)"
  | "fla-1996.s62(3)(e)"
  | "fla-1996.s62(3)(ea)"
  | "fla-1996.s62(3)(eza)"
  | "fla-1996.s62(3)(f)"
  | "fla-1996.s62(3)(g)"
  | "pfsa-ni-2022.extent"
  | "pfsa-ni-2022.s11"
  | "pfsa-ni-2022.s7"
  | "pfsa-ni-2022.s7(3)"
  | "pfsa-ni-2022.s7.acts"
  | "pfsa-ni-2022.s7.necessity"
  | "pfsa-ni-2022.s7.risk"
  | "pfsa-ni-2022.s8(2)"
  | "pfsa-ni-2022.s8(2)(a)"
  | "pfsa-ni-2022.s8(2)(b)"
  | "pfsa-ni-2022.s8(2)(c)"
  | "pha-1997.extent"
  | "pha-1997.s3(1)"
  | "pha-1997.s3(3)"
  | "pha-1997.s5.any-offence"
  | "pha-1997.s5.original"
  | "pha-1997.s5A(1)"
  | "pha-1997.s5A(1).necessary"
  | "pha-1997.s5A.commencement"
  | "restraining-order.power"
  | "sa-2020.s360"
  | "sa-2020.s360(1)"
  | "sa-2020.s360(1).protect"
  | "spa-2019.extent"
  | "spa-2019.s1"
  | "spa-2019.s1(1)(a)"
  | "spa-2019.s1(1)(b)"
  | "spa-2019.s1(1)(c)"
  | "spa-2019.s1(3)"
  | "spa-2019.s2"
  | "spa-2019.s2(1)(a)"
  | "spa-2019.s2(1)(b)"
  | "spa-2019.s2(1)(c)"
  | "spa-2019.s5(3)";

/**
 * A derived fact the bundled rules read: what `missingFacts`, `Question.fact` and `FactCheck.fact` name.
 *
 * @example
 * ```ts
 * import type { FactId } from "protective-orders";
 * const fact: FactId = "risk.ongoing";
 * ```
 */
export type FactId =
  | "area.domesticAbuseProtectionPilot"
  | "case.jurisdiction"
  | "conduct.abusive"
  | "conduct.actsAssociatedWithStalking"
  | "conduct.courseOfConduct"
  | "conduct.violenceOrThreats"
  | "criminal.acquittedOn"
  | "criminal.convictedOn"
  | "criminal.courtCurrentlyDealing"
  | "criminal.courtOfAppeal"
  | "criminal.offence"
  | "criminal.status"
  | "ni.actsAssociatedWithStalking"
  | "ni.otherProtectionAdequate"
  | "ni.riskOfHarm"
  | "ni.riskOngoing"
  | "ni.suspectWithinAreaLimit"
  | "protection.otherProtectionAdequate"
  | "relationship.agreedToMarry"
  | "relationship.agreementToMarryWithinThreeYears"
  | "relationship.civilPartners"
  | "relationship.civilPartnershipAgreement"
  | "relationship.cohabitants"
  | "relationship.intimate"
  | "relationship.intimateOfSignificantDuration"
  | "relationship.married"
  | "relationship.parentsOfSameChild"
  | "relationship.relatives"
  | "relationship.sameFamilyProceedings"
  | "relationship.sameHousehold"
  | "risk.harm"
  | "risk.ongoing"
  | "spa.suspectWithinAreaLimit"
  | "suspect.aged16OrOver"
  | "suspect.aged18OrOver"
  | "victim.aged16OrOver"
  | "withoutNotice.applicantDeterred"
  | "withoutNotice.respondentEvadingService"
  | "withoutNotice.significantHarm";
