// Writes schema/case-facts.schema.json (and the service's schema/openapi.json) from the BUILT package's CaseFactsSchema: `npm run build` runs it after
// tsup. The file is committed; tests/package/json-schema.test.ts fails if it differs from what the current src/
// generates, and .ci/run fails if the build changed it.
//
// The schema comes from zod 4's `z.toJSONSchema` (io "input": what a caller may send). zod refinements
// cannot be expressed in JSON Schema, so the one the case facts use (IsoDateSchema: the date must exist) is
// carried over as `format: "date"`, which JSON Schema validators with format checking (e.g. ajv-formats) enforce.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SCHEMA_PATH = resolve(root, "schema", "case-facts.schema.json");
export const OPENAPI_PATH = resolve(root, "schema", "openapi.json");

async function loadBuiltPackage() {
  try {
    // Self-reference through the package's own exports map: exactly what a consumer gets.
    return await import("protective-orders");
  } catch (error) {
    throw new Error(
      `Cannot import the built package (dist/): run \`npm run build\` first. (${error.message})`,
    );
  }
}

/**
 * The JSON Schema of CaseFacts, as the exact text committed (2-space JSON and a trailing newline).
 * Takes the schema function as an argument so that the drift test can pass the one from src/.
 */
export function renderCaseFactsJsonSchema({ caseFactsJsonSchema }) {
  return `${JSON.stringify(caseFactsJsonSchema(), null, 2)}\n`;
}

/** The service's OpenAPI document, as the exact text committed (like the JSON Schema). */
export function renderOpenApiDocument({ buildOpenApiDocument }) {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

async function main() {
  const text = renderCaseFactsJsonSchema(await loadBuiltPackage());
  mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
  writeFileSync(SCHEMA_PATH, text);
  console.log(`wrote ${SCHEMA_PATH}`);
  // The OpenAPI document of the HTTP service, from the built protective-orders/server.
  writeFileSync(OPENAPI_PATH, renderOpenApiDocument(await import("protective-orders/server")));
  console.log(`wrote ${OPENAPI_PATH}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
