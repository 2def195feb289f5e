// Writes src/law/bundled-names.ts: the names the bundled rule packs use (rule ids, the orders they are for,
// statutory limb ids, and the derived facts they read) as TypeScript literal unions, so that a misspelt id in a
// caller's code (`o.rule === "nmoo"`) is a compile error. The rule files (src/law/*/rules.json) are the single
// source: a new instrument's folder is picked up as it is. `npm run build` runs this first; the file is committed
// (the type-check needs it before any build), and tests/package/rule-names.test.ts fails when it is out of date.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const lawDirectory = join(root, "src", "law");
export const RULE_NAMES_PATH = join(lawDirectory, "bundled-names.ts");

/** The bundled rule packs, in folder order (sorted, so the output does not depend on the file system). */
function readRulePacks() {
  return readdirSync(lawDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(lawDirectory, entry.name, "rules.json"))
    .sort()
    .flatMap((file) => {
      try {
        return [JSON.parse(readFileSync(file, "utf8"))];
      } catch (error) {
        if (error.code === "ENOENT") return [];
        throw error;
      }
    });
}

function factsReadBy(node, into) {
  if (Array.isArray(node)) for (const item of node) factsReadBy(item, into);
  else if (node && typeof node === "object") {
    if (typeof node.fact === "string") into.add(node.fact);
    for (const value of Object.values(node)) factsReadBy(value, into);
  }
  return into;
}

const union = (values) =>
  [...new Set(values)]
    .sort()
    .map((value) => `\n  | ${JSON.stringify(value)}`)
    .join("");

/** The text of src/law/bundled-names.ts for the rule packs in src/law/. */
export function renderRuleNames() {
  const packs = readRulePacks();
  const rules = packs.flatMap((pack) => pack.rules ?? []);
  const limbs = packs.flatMap((pack) => pack.limbs ?? []);
  return `// Generated from src/law/*/rules.json by scripts/write-rule-names.mjs (\`npm run build\`): do not edit.

/**
 * The id of a rule of the bundled rule packs: one order's legal test (\`RuleEvaluation.rule\`).
 *
 * @example
 * \`\`\`ts
 * import type { RuleId } from "protective-orders";
 * const policeLed: RuleId[] = ["spo", "interim-spo", "dvpn"];
 * \`\`\`
 */
export type RuleId =${union(rules.map((rule) => rule.name))};

/**
 * The order a bundled rule is for (\`RuleEvaluation.order\`): several rules may be routes to one order
 * (\`nmo\` and \`nmo-without-notice\` are both for an \`nmo\`).
 *
 * @example
 * \`\`\`ts
 * import type { RuleOrder } from "protective-orders";
 * const order: RuleOrder = "nmo";
 * \`\`\`
 */
export type RuleOrder =${union(rules.map((rule) => rule.event?.params?.order))};

/**
 * The id of a statutory limb of the bundled rule packs (\`LimbCheck.id\`).
 *
 * @example
 * \`\`\`ts
 * import type { LimbId } from "protective-orders";
 * const limb: LimbId = "spa-2019.s1(1)(a)";
 * \`\`\`
 */
export type LimbId =${union(limbs.map((limb) => limb.id))};

/**
 * A derived fact the bundled rules read: what \`missingFacts\`, \`Question.fact\` and \`FactCheck.fact\` name.
 *
 * @example
 * \`\`\`ts
 * import type { FactId } from "protective-orders";
 * const fact: FactId = "risk.ongoing";
 * \`\`\`
 */
export type FactId =${union([...factsReadBy(packs, new Set())])};
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  writeFileSync(RULE_NAMES_PATH, renderRuleNames());
  console.log(`wrote ${RULE_NAMES_PATH}`);
}
