import * as z from "zod";
import { CaseFactsSchema } from "../model/case-facts.js";

/**
 * The flat CSV column mapping. A header is a dotted path into the case facts
 * (`risk.ongoing`, `suspect.homeForceArea`, `relationship.intimateRelationship.status`), or one
 * of these shortcuts:
 *
 * - `victim.name`, `victim.age`, `victim.dateOfBirth`: the first person to protect, role victim;
 * - `incidents`: a JSON array of incidents in one cell;
 * - `incident.kinds` (semicolon-separated kinds) with, in the same order, `incident.dates`,
 *   `incident.places`, `incident.targets`, `incident.unwelcome`;
 * - `bail.from`, `bail.to`, `bail.breached`: one set of bail conditions;
 * - `spoRequest.decision.reasons`: semicolon-separated reason codes;
 * - any array of plain values (e.g. `suspect.believedInOrComingTo`): semicolon-separated.
 *
 * An empty cell leaves the fact out: unknown. Booleans accept true/false, yes/no, y/n, 1/0.
 * A `--mapping` file renames a force's own headers to these: `{ "Their header": "risk.ongoing" }`.
 */
export const CSV_MAPPING_DOC = "see README: CSV columns";

type Kind = "boolean" | "number" | "string" | "string-list" | "json";

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
}

function collectPaths(node: JsonSchemaNode, prefix: string, out: Map<string, Kind>): void {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === "object" && node.properties) {
    for (const [key, child] of Object.entries(node.properties))
      collectPaths(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (type === "boolean") out.set(prefix, "boolean");
  else if (type === "integer" || type === "number") out.set(prefix, "number");
  else if (type === "array") {
    const itemType = Array.isArray(node.items?.type) ? node.items?.type[0] : node.items?.type;
    out.set(prefix, itemType === "string" ? "string-list" : "json");
  } else out.set(prefix, "string");
}

const SHORTCUTS: Record<string, Kind> = {
  "victim.name": "string",
  "victim.age": "number",
  "victim.dateOfBirth": "string",
  "incident.kinds": "string-list",
  "incident.dates": "string-list",
  "incident.places": "string-list",
  "incident.targets": "string-list",
  "incident.unwelcome": "string-list",
  "bail.from": "string",
  "bail.to": "string",
  "bail.breached": "boolean",
  "spoRequest.decision.reasons": "string-list",
};

/** Every column the CSV reader accepts, with how its cells are read. */
export function csvColumns(): ReadonlyMap<string, Kind> {
  const schema = z.toJSONSchema(CaseFactsSchema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const out = new Map<string, Kind>();
  collectPaths(schema, "", out);
  out.set("incidents", "json");
  out.delete("personsToProtect");
  out.set("personsToProtect", "json");
  for (const [k, v] of Object.entries(SHORTCUTS)) out.set(k, v);
  out.delete("spoRequest.decision.reasons");
  out.set("spoRequest.decision.reasons", "string-list");
  return out;
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

function cell(kind: Kind, raw: string): unknown {
  const value = raw.trim();
  switch (kind) {
    case "boolean": {
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return value; // left as text, so validation reports "expected boolean" at its path
    }
    case "number":
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case "string-list":
      return value.split(";").map((s) => s.trim());
    case "json":
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default:
      return value;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const next = node[key];
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      const created: Record<string, unknown> = Object.create(null);
      node[key] = created;
      node = created;
    } else {
      node = next as Record<string, unknown>;
    }
  }
  node[keys[keys.length - 1]!] = value;
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}

/**
 * Turns one CSV record (header → cell) into case-facts input for validation. Never throws: a cell
 * that cannot be read is passed on as text for validation to report at its path.
 */
export function caseFromCsvRecord(
  record: Readonly<Record<string, string>>,
  columns: ReadonlyMap<string, Kind>,
): unknown {
  const facts: Record<string, unknown> = Object.create(null);
  const incidentLists: Record<string, string[]> = {};
  for (const [header, raw] of Object.entries(record)) {
    if (raw === undefined || raw.trim() === "") continue;
    const kind = columns.get(header);
    if (!kind) continue;
    const value = cell(kind, raw);
    if (header.startsWith("incident.")) {
      incidentLists[header.slice("incident.".length)] = value as string[];
    } else if (header.startsWith("victim.")) {
      const people = (facts.personsToProtect as Record<string, unknown>[] | undefined) ?? [
        { role: "victim" },
      ];
      people[0]![header.slice("victim.".length)] = value;
      facts.personsToProtect = people;
    } else if (header.startsWith("bail.")) {
      setPath(
        facts,
        `protection.bailConditions`,
        (facts.protection as { bailConditions?: unknown[] } | undefined)?.bailConditions ?? [{}],
      );
      const bail = (facts.protection as { bailConditions: Record<string, unknown>[] }).bailConditions[0]!;
      bail[header.slice("bail.".length)] = value;
    } else if (header === "spoRequest.decision.reasons") {
      setPath(
        facts,
        header,
        (value as string[]).filter((code) => code !== "").map((code) => ({ code })),
      );
    } else {
      setPath(facts, header, value);
    }
  }
  if (incidentLists.kinds) {
    const fields: Record<string, string> = { dates: "date", places: "place", targets: "target" };
    facts.incidents = incidentLists.kinds.map((kind, i) => {
      const incident: Record<string, unknown> = { kind };
      for (const [list, field] of Object.entries(fields)) {
        const v = incidentLists[list]?.[i];
        if (v) incident[field] = v;
      }
      const unwelcome = incidentLists.unwelcome?.[i];
      if (unwelcome) incident.suspectKnewOrOughtToKnowUnwelcome = cell("boolean", unwelcome);
      return incident;
    });
  }
  return plain(facts);
}
