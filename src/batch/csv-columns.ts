import { UTCDate } from "@date-fns/utc";
import { addDays, format as formatDate, isValid, parse as parseDate, parseISO } from "date-fns";
import * as z from "zod";
import { CaseFactsSchema } from "../model/case-facts.js";
import { jurisdictionOfForceName, policeForceIdOfName } from "../model/police-force-names.js";

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
  format?: string;
}

/** Each column's allowed values (an enumeration), and the columns that hold calendar dates. */
const columnValues = new Map<string, readonly string[]>();
const dateColumns = new Set<string>();

function noteValuesAndDates(node: JsonSchemaNode, path: string): void {
  const items = node.items ?? node;
  if (Array.isArray(items.enum) && items.enum.every((v) => typeof v === "string"))
    columnValues.set(path, items.enum as string[]);
  if (items.format === "date") dateColumns.add(path);
}

function collectPaths(node: JsonSchemaNode, prefix: string, out: Map<string, Kind>): void {
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  noteValuesAndDates(node, prefix);
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
  const incident = schema.properties?.incidents?.items?.properties;
  if (incident?.kind) noteValuesAndDates(incident.kind, "incident.kinds");
  for (const path of ["incident.dates", "victim.dateOfBirth", "bail.from", "bail.to"]) dateColumns.add(path);
  return out;
}

/**
 * The values a column allows (its enumeration), if it has one.
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * csvColumnValues().get("relationship.summary"); // ["stranger", "acquaintance", ...]
 * ```
 */
export function csvColumnValues(): ReadonlyMap<string, readonly string[]> {
  if (columnValues.size === 0) csvColumns();
  return columnValues;
}

/**
 * The columns that hold calendar dates (written YYYY-MM-DD, or as `--date-format` says).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * csvDateColumns().has("incident.dates"); // true
 * ```
 */
export function csvDateColumns(): ReadonlySet<string> {
  if (dateColumns.size === 0) csvColumns();
  return dateColumns;
}

/** The date formats `--date-format` accepts. */
export const DATE_FORMATS = ["dd/mm/yyyy", "d/m/yy", "mm/dd/yyyy", "yyyy-mm-dd", "iso", "excel"] as const;
/** One of {@link DATE_FORMATS}. */
export type DateFormat = (typeof DATE_FORMATS)[number];

const DATE_FNS_PATTERN: Partial<Record<DateFormat, string>> = {
  "dd/mm/yyyy": "d/M/yyyy",
  "d/m/yy": "d/M/yy",
  "mm/dd/yyyy": "M/d/yyyy",
  "yyyy-mm-dd": "yyyy-MM-dd",
};
/** date-fns reads a two-digit year as the one within 50 years of this (1950–2049). */
const REFERENCE_DATE = new UTCDate(2000, 0, 1);
const EXCEL_EPOCH = new UTCDate(1899, 11, 30);
const UK_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * A date cell as YYYY-MM-DD, read as `format` says (date-fns' parsing), or undefined if it is not
 * written so. YYYY-MM-DD is always read. An ISO date-time takes its date in UK time; an Excel
 * serial number counts days from 30 December 1899 (Excel's epoch, serials from 61, 1 March 1900).
 *
 * For example (not type-checked: the CLI is not a public entry point):
 * ```ts
 * readDateCell("01/05/2025", "dd/mm/yyyy"); // "2025-05-01"
 * readDateCell("2025-03-30T23:30:00Z", "iso"); // "2025-03-31" (BST)
 * ```
 */
export function readDateCell(value: string, format: DateFormat | undefined): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (format === undefined) return undefined;
  if (format === "excel") {
    if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
    const serial = Math.floor(Number(value));
    if (serial < 61 || serial > 2_958_465) return undefined;
    return formatDate(addDays(EXCEL_EPOCH, serial), "yyyy-MM-dd");
  }
  if (format === "iso") {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
    const instant = parseISO(value);
    if (!isValid(instant)) return undefined;
    // No offset written: the time is UK time, so its date is the date written.
    if (!/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value)) return value.slice(0, 10);
    return UK_DAY.format(instant);
  }
  const pattern = DATE_FNS_PATTERN[format];
  if (pattern === undefined) return undefined;
  const parsed = parseDate(value, pattern, REFERENCE_DATE);
  if (!isValid(parsed)) return undefined;
  return formatDate(parsed, "yyyy-MM-dd");
}

/** The `--date-format` that would read a date written with slashes or as a date-time, for the error. */
export function dateFormatHint(value: string): string | undefined {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (slash) {
    if (slash[3]!.length === 2) return "--date-format d/m/yy";
    return Number(slash[2]) > 12 ? "--date-format mm/dd/yyyy" : "--date-format dd/mm/yyyy";
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return "--date-format iso";
  if (/^\d{5}(\.\d+)?$/.test(value)) return "--date-format excel";
  return undefined;
}

/** A cell that cannot be read as its column asks: the record is one unreadable row with this message. */
export class CellError extends Error {}

/** How {@link caseFromCsvRecord} reads cells written as people write them. */
export interface CellReading {
  readonly dateFormat?: DateFormat | undefined;
  /** Per column path: the organisation's own codes (matched ignoring case and surrounding space) to ours. */
  readonly values?: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
  /** The column's name as the file's header writes it, for messages. */
  readonly headerOf?: ((path: string) => string) | undefined;
  /** A value that is not one of its column's values: told the column and the closest values, never the value. */
  readonly onUnmatched?: ((column: string, closest: readonly string[]) => void) | undefined;
}

function looseKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** The allowed values nearest to an unmatched one (by edit distance), at most three. */
function closestValues(value: string, allowed: readonly string[]): string[] {
  const v = looseKey(value);
  const d = (a: string, b: string) => {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0]!;
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = prev[j]!;
        prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = above;
      }
    }
    return prev[b.length]!;
  };
  return [...allowed]
    .map((a) => ({ a, score: d(v, a) }))
    .sort((x, y) => x.score - y.score || (x.a < y.a ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.a);
}

/** One value of an enumerated or date column as the rules read it. */
function readValue(path: string, value: string, reading: CellReading): string {
  const own = reading.values?.get(path)?.get(value.trim().toLowerCase());
  const v = own ?? value.trim();
  if (csvDateColumns().has(path)) {
    const date = readDateCell(v, reading.dateFormat);
    if (date !== undefined) return date;
    const column = reading.headerOf?.(path) ?? path;
    const hint = reading.dateFormat === undefined ? dateFormatHint(v) : undefined;
    if (hint)
      throw new CellError(
        `the date in column "${column}" is not written YYYY-MM-DD and is not guessed: ${hint} would read it`,
      );
    if (reading.dateFormat !== undefined)
      throw new CellError(
        `the date in column "${column}" is not written as --date-format ${reading.dateFormat} says`,
      );
    return v;
  }
  const allowed = csvColumnValues().get(path);
  if (!allowed) return v;
  if (allowed.includes("metropolitan")) {
    const force = policeForceIdOfName(v);
    if (force) return force;
  }
  const key = looseKey(v);
  const match = allowed.find((a) => a.toLowerCase() === key);
  if (match) return match;
  reading.onUnmatched?.(reading.headerOf?.(path) ?? path, closestValues(v, allowed));
  return v;
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
  reading: CellReading = {},
): unknown {
  const facts: Record<string, unknown> = Object.create(null);
  const incidentLists: Record<string, string[]> = {};
  for (const [header, raw] of Object.entries(record)) {
    if (raw === undefined || raw.trim() === "") continue;
    const kind = columns.get(header);
    if (!kind) continue;
    let value = cell(kind, raw);
    if (kind === "string-list" && Array.isArray(value))
      value = value.map((item: string) => (item === "" ? item : readValue(header, item, reading)));
    else if (kind === "string" && typeof value === "string") {
      // Police Scotland applies for no SPO: its name says the jurisdiction, not a force id.
      if (header === "policeForceArea" && !policeForceIdOfName(value) && jurisdictionOfForceName(value)) {
        if (record.jurisdiction === undefined || record.jurisdiction.trim() === "")
          facts.jurisdiction = jurisdictionOfForceName(value);
        continue;
      }
      value = readValue(header, value, reading);
    } else if (kind === "boolean" && typeof value === "string") {
      const own = reading.values?.get(header)?.get(value.toLowerCase());
      if (own !== undefined) value = cell("boolean", own);
    }
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
