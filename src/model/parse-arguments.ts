import * as z from "zod";
import { type BreachReport, BreachReportSchema } from "./breach-report.js";
import { compileFastParser } from "./compile-fast-parser.js";
import { IsoDateSchema } from "./iso-date.js";
import { type Order, OrderSchema } from "./order.js";
import type { InputProblem, ParseResult } from "./parse-case-facts.js";
import { parsePlainData } from "./parse-plain-data.js";
import { emptyRecord, ownOption } from "./plain-data.js";

// The validation of the orders-in-practice entry points (draftSpoTerms, assessBreaches, orderDates,
// notificationDuty, dapnHearingDeadline) and of deriveJsonRulesEngineFacts: the same engine as
// parseCaseFacts (own plain data only, problems by path, never a value), with each argument's
// problems under its name. Internal: the public API is each function and its `safe…` twin.

/** Problems of one argument, with their paths put under `prefix` (none for the main argument). */
export function underPath(problems: readonly InputProblem[], prefix: string): InputProblem[] {
  if (prefix === "") return [...problems];
  return problems.map((p) => ({ path: p.path === "" ? prefix : `${prefix}.${p.path}`, message: p.message }));
}

const readValidOrder = compileFastParser(OrderSchema);

/** Validates an order as `validateOrder`'s schema does (`OrderSchema`), reading only own plain data. */
export function parseOrder(input: unknown): ParseResult<Order> {
  return parsePlainData(OrderSchema, readValidOrder, input, "could not be read as an order");
}

const BreachReportsSchema = z.array(BreachReportSchema);
const readValidBreachReports = compileFastParser(BreachReportsSchema);

/** Validates a list of breach reports (`BreachReportSchema`), reading only own plain data. */
export function parseBreachReports(input: unknown): ParseResult<BreachReport[]> {
  return parsePlainData(
    BreachReportsSchema,
    readValidBreachReports,
    input,
    "could not be read as a list of reports",
  );
}

/** How one option (or field of a small argument object) is checked, and what its problem says. */
export interface OptionCheck {
  readonly schema: z.ZodType;
  readonly expected: string;
}

/** A calendar date option. */
export const DATE_OPTION: OptionCheck = {
  schema: IsoDateSchema,
  expected: "expected a calendar date written YYYY-MM-DD",
};

/** A true-or-false option. */
export const BOOLEAN_OPTION: OptionCheck = { schema: z.boolean(), expected: "expected true or false" };

/**
 * Reads the named options as own properties (an option inherited from a polluted
 * `Object.prototype` is not an option), checks each given one, and adds a problem at its path for
 * each that fails (`prefix.name`, or `name` with no prefix); other keys are ignored, as the options
 * of `assess` are. `undefined` or `null` is no options; anything else that is not a plain object is
 * a problem at `prefix` (or `options`). What it returns has no `Object.prototype` behind it, so an
 * option not given is not read from a polluted prototype later.
 */
export function readOptions(
  options: unknown,
  checks: Readonly<Record<string, OptionCheck>>,
  problems: InputProblem[],
  prefix = "",
): Record<string, unknown> {
  const read = emptyRecord();
  if (options === undefined || options === null) return read;
  if (typeof options !== "object" || Array.isArray(options)) {
    problems.push({ path: prefix || "options", message: "expected an object" });
    return read;
  }
  for (const [name, check] of Object.entries(checks)) {
    const path = prefix === "" ? name : `${prefix}.${name}`;
    let value: unknown;
    try {
      value = ownOption(options, name);
    } catch {
      // A getter that throws must not crash the caller.
      problems.push({ path, message: "could not be read" });
      continue;
    }
    if (value === undefined) continue;
    if (check.schema.safeParse(value).success) read[name] = value;
    else problems.push({ path, message: check.expected });
  }
  return read;
}
