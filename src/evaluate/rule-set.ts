import { pilotFactWithLocalAreas } from "../facts/area.js";
import type { FactDefinition } from "../facts/fact-definition.js";
import type { Citation } from "../law/citation.js";
import { isBundledProvision } from "../law/citations.js";
import { localCitations } from "../law/local-provisions.js";
import { BUNDLED_PILOT_NO_DATA_AFTER, type LocalTables, localTables } from "../law/local-tables.js";
import { isRealCalendarDate } from "../model/iso-date.js";
import { expansionProblems, rawPackLimitProblems } from "./rule-pack-limits.js";
import {
  type Limb,
  type Rule,
  type RuleCondition,
  type RulePack,
  RulePackSchema,
} from "./rule-pack-schema.js";

/**
 * A rule file problem, with where it is.
 *
 * @example
 * ```ts
 * import { FACT_DEFINITIONS, loadRuleSet, RulePackError, type RulePackProblem } from "protective-orders/rule-authoring";
 * let problems: readonly RulePackProblem[] = [];
 * try {
 *   loadRuleSet([{ instrument: "my-pack", limbs: [], rules: [{ name: "my-order" }] }], FACT_DEFINITIONS);
 * } catch (error) {
 *   if (error instanceof RulePackError) problems = error.problems;
 * }
 * problems[0]; // { pack: "my-pack", path: "rules.0.label", message: "Invalid input: expected string, received undefined" }
 * ```
 */
export interface RulePackProblem {
  readonly pack: string;
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown when rule files do not validate. Lists every problem, each with the pack and path.
 *
 * @example
 * ```ts
 * import { RulePackError, loadRuleSet, FACT_DEFINITIONS } from "protective-orders/rule-authoring";
 * try {
 *   loadRuleSet([{ instrument: "x", limbs: [], rules: [] , extra: 1 }], FACT_DEFINITIONS);
 * } catch (error) {
 *   if (error instanceof RulePackError) console.log(error.problems.length);
 * }
 * ```
 */
export class RulePackError extends Error {
  readonly problems: readonly RulePackProblem[];
  constructor(problems: readonly RulePackProblem[]) {
    super(`invalid rule files:\n${problems.map((p) => `- ${p.pack}: ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "RulePackError";
    this.problems = problems;
  }
}

/**
 * Validated rule packs, with lookups.
 *
 * @example
 * ```ts
 * import { BUNDLED_RULE_PACKS, FACT_DEFINITIONS, loadRuleSet, type RuleSet } from "protective-orders/rule-authoring";
 * const ruleSet: RuleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);
 * ruleSet.limbs.get("spa-2019.s1(1)(a)")?.label; // "It appears the defendant has carried out acts associated with stalking"
 * ```
 */
export interface RuleSet {
  readonly packs: readonly RulePack[];
  readonly limbs: ReadonlyMap<string, Limb>;
  readonly rules: readonly Rule[];
  readonly facts: readonly FactDefinition[];
  /** The citations of the packs' own provisions (local policy), by id; absent when no pack brings any. */
  readonly citations?: ReadonlyMap<string, Citation>;
  /** The pilot-area and bank-holiday tables the packs supply; absent when none does. */
  readonly tables?: LocalTables;
}

const DATE_OPERATORS = new Set(["dateBefore", "dateOnOrBefore", "dateAfter", "dateOnOrAfter"]);
const NUMBER_OPERATORS = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

/**
 * Validates rule packs against the rule-pack schema, the fact registry and the citation registry,
 * and returns them as a rule set. Every problem is collected: an unknown operator, an unknown
 * fact, a value of the wrong type for its fact, a dangling or circular condition reference, a
 * duplicate id, an unknown citation, or a date literal that is not an ISO calendar date.
 * Throws {@link RulePackError} listing them all.
 *
 * @example
 * ```ts
 * import { loadRuleSet, BUNDLED_RULE_PACKS, FACT_DEFINITIONS } from "protective-orders/rule-authoring";
 * const ruleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);
 * ruleSet.rules.length > 0; // true
 * ```
 */
export function loadRuleSet(rawPacks: readonly unknown[], facts: readonly FactDefinition[]): RuleSet {
  const problems: RulePackProblem[] = [];
  const packs: RulePack[] = [];
  rawPacks.forEach((raw, index) => {
    const name =
      typeof raw === "object" &&
      raw !== null &&
      typeof (raw as { instrument?: unknown }).instrument === "string"
        ? String((raw as { instrument: string }).instrument)
        : `pack ${index}`;
    // The limits first: the schema's condition check is recursive, and a pack over them is refused
    // before anything walks it further (see rule-pack-limits.ts).
    const overLimits = rawPackLimitProblems(raw);
    if (overLimits.length > 0) {
      for (const problem of overLimits) problems.push({ pack: name, ...problem });
      return;
    }
    const parsed = RulePackSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ pack: name, path: issue.path.join(".") || "(root)", message: issue.message });
      }
      return;
    }
    packs.push(parsed.data);
  });

  const factsById = new Map(facts.map((f) => [f.id, f]));
  const limbs = new Map<string, Limb>();
  const limbPack = new Map<string, string>();
  const limbIndex = new Map<string, number>();
  const rulePlaces: { pack: string; path: string }[] = [];
  const ruleNames = new Set<string>();
  const rules: Rule[] = [];
  for (const pack of packs) {
    pack.limbs.forEach((limb, i) => {
      if (limbs.has(limb.id)) {
        problems.push({
          pack: pack.instrument,
          path: `limbs.${i}.id`,
          message: `duplicate limb id "${limb.id}"`,
        });
      }
      limbs.set(limb.id, limb);
      limbPack.set(limb.id, pack.instrument);
      limbIndex.set(limb.id, i);
    });
    pack.rules.forEach((rule, i) => {
      if (ruleNames.has(rule.name)) {
        problems.push({
          pack: pack.instrument,
          path: `rules.${i}.name`,
          message: `duplicate rule name "${rule.name}"`,
        });
      }
      ruleNames.add(rule.name);
      rules.push(rule);
      rulePlaces.push({ pack: pack.instrument, path: `rules.${i}.conditions` });
    });
  }

  const local = localCitations(packs.map((p) => ({ pack: p.instrument, provisions: p.provisions })));
  problems.push(...local.problems);
  const tables = localTables(
    packs.map((p) => ({ pack: p.instrument, pilotAreas: p.pilotAreas, bankHolidays: p.bankHolidays })),
    local.citations,
  );
  problems.push(...tables.problems);
  const checkCitation = (pack: string, path: string, id: string) => {
    if (!isBundledProvision(id) && !local.citations.has(id))
      problems.push({ pack, path, message: `unknown citation "${id}" (not in the law registry)` });
  };
  const checkCondition = (pack: string, path: string, condition: RuleCondition) => {
    if ("all" in condition) {
      condition.all.forEach((c, i) => {
        checkCondition(pack, `${path}.all.${i}`, c);
      });
    } else if ("any" in condition) {
      condition.any.forEach((c, i) => {
        checkCondition(pack, `${path}.any.${i}`, c);
      });
    } else if ("not" in condition) checkCondition(pack, `${path}.not`, condition.not);
    else if ("condition" in condition) {
      if (!limbs.has(condition.condition)) {
        problems.push({
          pack,
          path: `${path}.condition`,
          message: `dangling condition reference "${condition.condition}"`,
        });
      }
    } else {
      const fact = factsById.get(condition.fact);
      if (!fact) {
        problems.push({ pack, path: `${path}.fact`, message: `unknown fact "${condition.fact}"` });
        return;
      }
      const values = Array.isArray(condition.value) ? condition.value : [condition.value];
      const listOperator = condition.operator === "in" || condition.operator === "notIn";
      if (listOperator !== Array.isArray(condition.value)) {
        problems.push({
          pack,
          path: `${path}.value`,
          message: listOperator
            ? `operator "${condition.operator}" needs a list of values`
            : 'a list of values needs "in" or "notIn"',
        });
      }
      for (const value of values) {
        const bad = valueProblem(fact, condition.operator, value);
        if (bad) problems.push({ pack, path: `${path}.value`, message: bad });
      }
    }
  };
  for (const pack of packs) {
    pack.limbs.forEach((limb, i) => {
      checkCitation(pack.instrument, `limbs.${i}.citation`, limb.citation);
      checkCondition(pack.instrument, `limbs.${i}.conditions`, limb.conditions);
    });
    pack.rules.forEach((rule, i) => {
      checkCitation(pack.instrument, `rules.${i}.citation`, rule.citation);
      rule.recommendation.citations.forEach((c, j) => {
        checkCitation(pack.instrument, `rules.${i}.recommendation.citations.${j}`, c);
      });
      checkCondition(pack.instrument, `rules.${i}.conditions`, rule.conditions);
    });
  }
  // Circular references, and the size and depth of every rule once its limbs are inlined, counted
  // per limb (never by expanding the tree, which can be exponential in the pack's size).
  problems.push(
    ...expansionProblems(
      {
        limbs,
        rules,
        limbAt: (id) => ({
          pack: limbPack.get(id) ?? "?",
          path: `limbs.${limbIndex.get(id) ?? "?"}.conditions`,
        }),
        ruleAt: (i) => rulePlaces[i] ?? { pack: "?", path: `rules.${i}.conditions` },
      },
      true,
    ).problems,
  );
  if (problems.length > 0) throw new RulePackError(problems);
  const base = local.citations.size > 0 ? { citations: local.citations } : {};
  if (!tables.tables) return { packs, limbs, rules, facts, ...base };
  const withTables = withLocalPilotAreas({ limbs, rules, facts }, limbPack, tables.tables);
  return { packs, ...withTables, ...base, tables: tables.tables };
}

/**
 * With local pilot areas, the rule set's own copy of the pilot fact reads them (see pilotFactWithLocalAreas), and
 * the DAA 2021 Part 3 limbs and rules whose data ended with the bundled table's (their `noDataAfter`) are treated
 * as in force up to the last day of the local periods: whether they apply in a case's area is then the pilot fact,
 * which is true in the packs' areas (marked local) and unknown everywhere else, as it was.
 */
function withLocalPilotAreas(
  set: { limbs: Map<string, Limb>; rules: Rule[]; facts: readonly FactDefinition[] },
  limbPack: ReadonlyMap<string, string>,
  tables: LocalTables,
): { limbs: Map<string, Limb>; rules: Rule[]; facts: readonly FactDefinition[] } {
  if (tables.pilotAreas.length === 0) return set;
  const lastDay = tables.pilotAreas
    .map((a) => a.to)
    .sort()
    .at(-1)!;
  const extend = <T extends { inForce: Limb["inForce"] }>(item: T): T => {
    if (item.inForce.noDataAfter !== BUNDLED_PILOT_NO_DATA_AFTER) return item;
    const to = item.inForce.to === BUNDLED_PILOT_NO_DATA_AFTER ? lastDay : item.inForce.to;
    return {
      ...item,
      inForce: { ...item.inForce, noDataAfter: lastDay, ...(to === undefined ? {} : { to }) },
    };
  };
  const limbs = new Map(
    [...set.limbs].map(([id, limb]) => [id, limbPack.get(id) === "daa-2021" ? extend(limb) : limb]),
  );
  // Said on every order the extension reaches, in every area: the bundled law has no data after
  // 31 March 2026, and only the packs' tables (cited local) carry it further.
  const sources = [...new Set(tables.pilotAreas.map((a) => a.citation.title))].join("; ");
  const extensionNote = `Treated as in force after ${BUNDLED_PILOT_NO_DATA_AFTER} (to ${lastDay}) only because this rule set's local pilot areas say so (${sources}; local policy, not the bundled law, which has no data on DAA 2021 Part 3 after ${BUNDLED_PILOT_NO_DATA_AFTER}): outside those areas, whether Part 3 is in force is not known.`;
  const rules = set.rules.map((rule) => {
    if (!rule.citation.startsWith("daa-2021:")) return rule;
    const extended = extend(rule);
    if (extended === rule) return rule;
    return { ...extended, note: rule.note ? `${rule.note} ${extensionNote}` : extensionNote };
  });
  const facts = set.facts.map((f) =>
    f.id === "area.domesticAbuseProtectionPilot" ? pilotFactWithLocalAreas(f, tables) : f,
  );
  return { limbs, rules, facts };
}

function valueProblem(fact: FactDefinition, operator: string, value: unknown): string | undefined {
  if (DATE_OPERATORS.has(operator)) {
    if (fact.type !== "date") return `operator "${operator}" needs a date fact; "${fact.id}" is ${fact.type}`;
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealCalendarDate(value)) {
      return `date literal for "${fact.id}" must be an ISO calendar date (YYYY-MM-DD)`;
    }
    return undefined;
  }
  if (NUMBER_OPERATORS.has(operator))
    return `operator "${operator}" is for numbers; "${fact.id}" is ${fact.type}`;
  if (fact.type === "boolean" && typeof value !== "boolean") return `"${fact.id}" is true or false`;
  if (fact.type === "enum" && !(fact.values ?? []).includes(value as string)) {
    return `"${String(value)}" is not a value of "${fact.id}" (${(fact.values ?? []).join(", ")})`;
  }
  if (fact.type === "date") return `compare the date fact "${fact.id}" with a date operator`;
  return undefined;
}
