// Writes src/law/citation-index.json: what a citation needs of each bundled instrument and provision (title,
// legislation.gov.uk path or URL; instrument, provision, section, schedule, confidence), and nothing else. `assess`
// and the other functions that cite reach the law through this index, so a browser bundle of `import { assess }`
// does not carry the provisions' summaries, digests and notes (some 40 kB), which only `getProvision` and
// `listProvisions` (src/law/registry.ts, reading the provision files themselves) return. `npm run build` runs this
// first; the file is committed, and tests/law/citation-index.test.ts fails when it differs from the provision files.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const lawDirectory = join(root, "src", "law");
export const CITATION_INDEX_PATH = join(lawDirectory, "citation-index.json");

/** The index for the provision files in src/law/ (folders sorted, so the output does not depend on the disk). */
export function renderCitationIndex() {
  const instruments = {};
  const provisions = {};
  const folders = readdirSync(lawDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    let file;
    try {
      file = JSON.parse(readFileSync(join(lawDirectory, folder, "provisions.json"), "utf8"));
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    for (const i of file.instruments) instruments[i.id] = [i.title, i.legislationPath ?? null, i.url ?? null];
    for (const p of file.provisions)
      provisions[p.id] = [p.instrument, p.provision, p.section ?? null, p.schedule ?? null, p.confidence];
  }
  return `${JSON.stringify({ instruments, provisions })}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeFileSync(CITATION_INDEX_PATH, renderCitationIndex());
}
