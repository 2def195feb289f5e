import crimeAndPolicingAct2026 from "./crime-and-policing-act-2026/rules.json";
import crimeAndSecurityAct2010 from "./crime-and-security-act-2010/rules.json";
import domesticAbuseAct2021 from "./domestic-abuse-act-2021/rules.json";
import familyLawAct1996 from "./family-law-act-1996/rules.json";
import protectionFromHarassmentAct1997 from "./protection-from-harassment-act-1997/rules.json";
import protectionFromStalkingActNorthernIreland2022 from "./protection-from-stalking-act-northern-ireland-2022/rules.json";
import sentencingAct2020 from "./sentencing-act-2020/rules.json";
import stalkingProtectionAct2019 from "./stalking-protection-act-2019/rules.json";

/**
 * The rule packs bundled with the library, one per instrument, as raw JSON in json-rules-engine's
 * format (validated when loaded by {@link loadRuleSet}).
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_PACKS } from "protective-orders/rule-authoring";
 * BUNDLED_RULE_PACKS.length; // 8
 * ```
 */
export const BUNDLED_RULE_PACKS: readonly unknown[] = [
  stalkingProtectionAct2019,
  crimeAndPolicingAct2026,
  familyLawAct1996,
  protectionFromHarassmentAct1997,
  sentencingAct2020,
  domesticAbuseAct2021,
  crimeAndSecurityAct2010,
  protectionFromStalkingActNorthernIreland2022,
];
