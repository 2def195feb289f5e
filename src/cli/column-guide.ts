// The column guide (issue #28 item 4): every CSV column the reader accepts, with its type, allowed
// values, the question it answers and its citation. Nothing here is a second list of columns: the
// columns and how their cells are read come from the reader (csv-columns.ts, itself generated from
// the zod schemas), the titles and descriptions from the schemas' metadata (case-facts-docs.ts),
// and the questions and citations from the fact registry (src/facts/registry.ts).

import { csvColumns, csvColumnValues, csvDateColumns } from "../batch/csv-columns.js";
import { FACT_DEFINITIONS } from "../facts/registry.js";
import { citationFor } from "../law/registry.js";
import { caseFactsJsonSchema } from "../model/case-facts-json-schema.js";

/** One CSV column, as the guide describes it. */
export interface ColumnGuideEntry {
  /** The header as the reader knows it (a dotted path into the case facts, or a shortcut). */
  readonly path: string;
  /** How the cell is read: yes/no, number, date, text, a `;`-separated list of those, or JSON. */
  readonly type: string;
  /** The values the column allows (an enumeration), empty when it has none. */
  readonly values: readonly string[];
  /** The schema's title for the column (a form's label). */
  readonly title: string;
  /** The question the column answers: a rule fact's question, else the schema's description. */
  readonly question: string;
  /** The provision that makes the column matter (the fact's citation), empty when no rule reads it. */
  readonly citation: string;
  /** The id of the rule fact that reads it, if any. */
  readonly fact?: string | undefined;
}

/** The shortcuts' place in the case facts, for their schema text and the facts that read them. */
const SHORTCUT_PATHS: Record<string, string> = {
  "victim.name": "personsToProtect.name",
  "victim.age": "personsToProtect.age",
  "victim.dateOfBirth": "personsToProtect.dateOfBirth",
  "incident.kinds": "incidents.kind",
  "incident.dates": "incidents.date",
  "incident.places": "incidents.place",
  "incident.targets": "incidents.target",
  "incident.unwelcome": "incidents.suspectKnewOrOughtToKnowUnwelcome",
  "bail.from": "protection.bailConditions.from",
  "bail.to": "protection.bailConditions.to",
  "bail.breached": "protection.bailConditions.breached",
  "spoRequest.decision.reasons": "spoRequest.decision.reasons",
};

interface SchemaNode {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

function nodeAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path.split(".")) {
    if (node === undefined) return undefined;
    const holder: SchemaNode = node.items ?? node;
    node =
      holder.properties?.[key] ?? holder.anyOf?.map((n) => (n.items ?? n).properties?.[key]).find(Boolean);
  }
  return node;
}

/**
 * The rule fact a schema path answers: one that reads it first (its main input), else one that reads
 * it, else one that reads a part of it or a whole that holds it; in the registry's order.
 */
function factReading(path: string) {
  const main = FACT_DEFINITIONS.find((f) => f.reads[0] === path);
  if (main) return main;
  const exact = FACT_DEFINITIONS.find((f) => f.reads.includes(path));
  if (exact) return exact;
  return FACT_DEFINITIONS.find((f) =>
    f.reads.some((r) => path.startsWith(`${r}.`) || r.startsWith(`${path}.`)),
  );
}

function typeOf(path: string, kind: string): string {
  const date = csvDateColumns().has(path);
  switch (kind) {
    case "boolean":
      return "yes/no";
    case "number":
      return "number";
    case "string-list":
      return date ? "dates (;)" : "list (;)";
    case "json":
      return "JSON";
    default:
      return date ? "date" : "text";
  }
}

let cached: readonly ColumnGuideEntry[] | undefined;

/**
 * Every CSV column the reader accepts, in the reader's order, described.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * columnGuide().find((c) => c.path === "risk.ongoing")?.citation; // "Stalking Protection Act 2019, s.1(1)(b)"
 * ```
 */
export function columnGuide(): readonly ColumnGuideEntry[] {
  if (cached) return cached;
  const schema = caseFactsJsonSchema() as SchemaNode;
  const values = csvColumnValues();
  cached = [...csvColumns()].map(([path, kind]) => {
    const schemaPath = SHORTCUT_PATHS[path] ?? path;
    const node = nodeAt(schema, schemaPath);
    const fact = factReading(schemaPath);
    const title = node?.title ?? "";
    const description = node?.description ?? "";
    return {
      path,
      type: typeOf(path, kind),
      values: kind === "boolean" ? ["yes", "no"] : [...(values.get(path) ?? [])],
      title,
      question: fact?.question ?? (title && description ? `${title}: ${description}` : title || description),
      citation: fact ? citationFor(fact.citation).title : "",
      fact: fact?.id,
    };
  });
  return cached;
}
