import { readFileSync } from "node:fs";
import { safeAssess } from "../assess/assess.js";
import type { Assessment } from "../assess/assessment.js";
import { DEFAULT_RULES } from "../assess/default-rules.js";
import { summarizeAssessments } from "../assess/summarize.js";
import { todayInLondon } from "../dates/calendar.js";
import { explain } from "../render/explain.js";

interface Writable {
  write(chunk: string): unknown;
}

/** Where the bundled example caseload sits, relative to the built CLI (dist/cli.js). */
const CASELOAD_URL = new URL("../examples/caseload.json", import.meta.url);

/**
 * `protective-orders demo`: validate and assess the bundled example caseload, print a summary
 * table and one explained case. Returns the exit code (1 if any bundled case failed to validate).
 */
export function runDemo(
  options: { asOf?: string; case?: string; markdown?: boolean; quiet?: boolean },
  stdout: Writable,
  stderr: Writable,
): number {
  let rows: unknown;
  try {
    rows = JSON.parse(readFileSync(CASELOAD_URL, "utf8"));
  } catch {
    stderr.write("protective-orders: could not read the bundled example caseload (examples/caseload.json)\n");
    return 2;
  }
  if (!Array.isArray(rows)) {
    stderr.write("protective-orders: the bundled example caseload is not a JSON array\n");
    return 2;
  }
  const asOf = options.asOf ?? todayInLondon();
  const assessments: Assessment[] = [];
  let invalid = 0;
  rows.forEach((row, index) => {
    const result = safeAssess(row, { asOf });
    if (result.success) {
      assessments.push(result.assessment);
    } else {
      invalid += 1;
      for (const problem of options.quiet ? [] : result.problems) {
        stderr.write(`row ${index + 1}: ${problem.path || "(case)"}: ${problem.message}\n`);
      }
    }
  });
  const summary = summarizeAssessments(assessments, invalid);
  stdout.write(
    `Bundled example caseload: ${summary.cases} cases, ${summary.cases - invalid} valid, ${invalid} invalid; law as at ${asOf}${options.asOf ? "" : " (today)"}\n\n`,
  );
  const rules = Object.keys(summary.outcomes);
  const width = Math.max(...rules.map((r) => r.length), 5);
  stdout.write(`${"order".padEnd(width)}  available  needs-info  not-available\n`);
  for (const rule of rules) {
    const c = summary.outcomes[rule]!;
    stdout.write(
      `${rule.padEnd(width)}  ${String(c.available).padStart(9)}  ${String(c["needs-information"]).padStart(10)}  ${String(c["not-available"]).padStart(13)}\n`,
    );
  }
  writeKey(rules, assessments, asOf, stdout);
  stdout.write("\nFirst recommendation:\n");
  for (const [rule, count] of Object.entries(summary.firstRecommendation))
    stdout.write(`  ${rule}: ${count}\n`);
  const chosen = options.case
    ? assessments.find((a) => a.caseId === options.case)
    : (assessments.find((a) => a.recommendation.first === "spo") ?? assessments[0]);
  if (options.case && !chosen) {
    stderr.write(
      `protective-orders: no valid case with id ${JSON.stringify(options.case)} in the caseload\n`,
    );
    return 2;
  }
  if (chosen) {
    stdout.write(`\n${"=".repeat(78)}\n`);
    stdout.write(explain(chosen, { format: options.markdown ? "markdown" : "text", orders: "open" }));
  }
  return invalid > 0 ? 1 : 0;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** 2026-03-31 as "31 March 2026". */
function longDate(date: string): string {
  const [year, month, day] = date.split("-");
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * The key to the table (issue 15: the codes alone meant nothing to a new user): each rule code's name, and, for
 * a rule whose law the digest has no data on for the date, why it says "needs information" rather than an answer.
 */
function writeKey(
  rules: readonly string[],
  assessments: readonly Assessment[],
  asOf: string,
  stdout: Writable,
): void {
  const bundled = new Map(DEFAULT_RULES.rules.map((r) => [r.rule.name, r.rule]));
  const width = Math.max(...rules.map((r) => r.length), 5);
  stdout.write("\nKey (rule codes):\n");
  for (const rule of rules) stdout.write(`  ${rule.padEnd(width)}  ${bundled.get(rule)?.label ?? rule}\n`);
  // Rules whose law the digest has no data on for this date, grouped by the last day it has data for.
  const noData = new Map<string, string[]>();
  for (const rule of rules) {
    if (!assessments.some((a) => a.orders.some((o) => o.rule === rule && o.lawStatus === "no-data")))
      continue;
    const lastDay = bundled.get(rule)?.inForce.noDataAfter;
    if (lastDay === undefined) continue;
    noData.set(lastDay, [...(noData.get(lastDay) ?? []), rule]);
  }
  for (const [lastDay, group] of noData) {
    stdout.write(
      `\n"No data": ${group.join(", ")} show "needs information" on ${asOf} because the law digest has data on ` +
        `the law behind them only up to ${longDate(lastDay)}; rather than guess, each asks whether that law is in ` +
        "force on the date." +
        (group.some((rule) => rule.startsWith("dap"))
          ? " DAPNs and DAPOs (Domestic Abuse Act 2021 Part 3) are in force only in pilot areas, for pilot periods " +
            `the digest records up to ${longDate(lastDay)}; it has no data on the roll-out after that.`
          : "") +
        ` Run with --as-of ${lastDay} (or earlier) to see them assessed.\n`,
    );
  }
}
