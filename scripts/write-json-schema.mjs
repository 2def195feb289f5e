// Writes schema/case-facts.schema.json from the BUILT package's CaseFactsSchema (run after tsup).
//
//   node scripts/write-json-schema.mjs           write the file
//   node scripts/write-json-schema.mjs --check   exit 1 if the committed file differs from a fresh generation
//
// The schema comes from zod 4's `z.toJSONSchema` (io "input": what a caller may send). zod refinements
// cannot be expressed in JSON Schema, so the one the case facts use (IsoDateSchema: the date must exist) is
// carried over as `format: "date"`, which JSON Schema validators with format checking (e.g. ajv-formats) enforce.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_PATH = resolve(root, "schema", "case-facts.schema.json");

async function loadBuiltPackage() {
  try {
    // Self-reference through the package's own exports map: exactly what a consumer gets.
    return await import("protective-orders");
  } catch (error) {
    throw new Error(`Cannot import the built package (dist/): run \`npm run build\` first. (${error.message})`);
  }
}

/** The JSON Schema of CaseFacts, as a string with a trailing newline (the committed bytes). */
export async function generateCaseFactsJsonSchema() {
  const { CaseFactsSchema, IsoDateSchema } = await loadBuiltPackage();
  const generated = z.toJSONSchema(CaseFactsSchema, {
    io: "input",
    target: "draft-2020-12",
    override: (ctx) => {
      if (ctx.zodSchema === IsoDateSchema) ctx.jsonSchema.format = "date";
    },
  });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    title: "CaseFacts",
    description:
      "Everything protective-orders' assess() reads about a stalking case. Generated from CaseFactsSchema by " +
      "scripts/write-json-schema.mjs: do not edit. Only `id` is required; a fact left out is unknown, not false.",
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

async function main() {
  const fresh = await generateCaseFactsJsonSchema();
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(SCHEMA_PATH, "utf8");
    } catch {}
    if (committed !== fresh) {
      console.error(`${SCHEMA_PATH} is out of date: run \`npm run build\` and commit it.`);
      process.exit(1);
    }
    console.log(`${SCHEMA_PATH} is up to date.`);
    return;
  }
  mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
  writeFileSync(SCHEMA_PATH, fresh);
  console.log(`wrote ${SCHEMA_PATH}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
