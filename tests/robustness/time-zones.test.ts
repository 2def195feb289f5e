// Byte-identical output across runs and across time zones, checked on the BUILT package (dist/index.js)
// in fresh `node` processes: TZ only takes effect for a whole process, and the built code is what users run.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysToDate, addYearsToDate, safeAssess } from "../../src/index.js";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const distIndex = join(root, "dist", "index.js");
const caseload = join(root, "examples", "caseload.json");

/** Fixed assessment dates (never "today"): before the SPA 2019, the DAPO pilots, and after them. */
const AS_OF_DATES = ["2019-06-01", "2025-06-01", "2026-06-01"];
const ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"];

/**
 * The child: assesses and reviews every case in the caseload on each date, summarises the caseload,
 * and prints it all as JSON. `CASES` is a path to a JSON array, or inline JSON.
 */
const CHILD = `
import { readFileSync } from "node:fs";
const lib = await import(process.env.DIST_URL);
const raw = process.env.CASES;
const cases = JSON.parse(raw.startsWith("[") ? raw : readFileSync(raw, "utf8"));
const out = [];
for (const asOf of JSON.parse(process.env.AS_OF_DATES)) {
  const assessments = [];
  for (const facts of cases) {
    const assessed = lib.safeAssess(facts, { asOf });
    out.push(assessed);
    if (assessed.success) assessments.push(assessed.assessment);
    out.push(lib.safeReviewSpoDecline(facts, undefined, { asOf }));
  }
  out.push(lib.summarizeAssessments(assessments));
}
if (process.env.CALENDAR === "1") {
  out.push([
    lib.addYearsToDate("1991-12-31", 3),
    lib.addDaysToDate("1994-12-30", 1),
    lib.addDaysToDate("2011-12-29", 1),
    lib.addYearsToDate("2008-12-30", 3),
  ]);
}
process.stdout.write(JSON.stringify(out));
`;

async function runIn(
  zone: string,
  cases: string,
  asOfDates = AS_OF_DATES,
  calendar = false,
): Promise<string> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", CHILD], {
    cwd: root,
    env: {
      ...process.env,
      TZ: zone,
      DIST_URL: pathToFileURL(distIndex).href,
      CASES: cases,
      AS_OF_DATES: JSON.stringify(asOfDates),
      CALENDAR: calendar ? "1" : "0",
    },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  return stdout;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(() => {
  if (!existsSync(distIndex)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
}, 180_000);

describe("byte-identical output across runs and time zones (built package)", () => {
  it("the bundled caseload gives the same bytes in UTC, Pacific/Kiritimati and America/Los_Angeles, and on a second run", async () => {
    const outputs = await Promise.all([...ZONES, "UTC"].map((zone) => runIn(zone, caseload)));
    const parsed = JSON.parse(outputs[0]!) as { success?: boolean }[];
    // 30 cases × (assessment + review) + a summary, per date; every case is valid.
    expect(parsed.length).toBeGreaterThanOrEqual(AS_OF_DATES.length * 3);
    expect(parsed.filter((x) => x.success === false)).toEqual([]);
    const hashes = outputs.map(sha256);
    expect(new Set(hashes).size, `hashes by zone: ${JSON.stringify(hashes)}`).toBe(1);
  }, 60_000);

  it("the built package and the source give the same bytes (in this process's zone)", async () => {
    // Guards the comparison above against a stale dist/: the in-process run uses src/.
    const cases = JSON.parse(readFileSync(caseload, "utf8")) as unknown[];
    const child = JSON.parse(await runIn(process.env.TZ ?? "UTC", caseload, ["2025-06-01"])) as unknown[];
    const fromChild = child.filter((_, i) => i % 2 === 0).slice(0, cases.length);
    const fromSource = cases.map((facts) => safeAssess(facts, { asOf: "2025-06-01" }));
    expect(JSON.stringify(fromChild)).toBe(JSON.stringify(fromSource));
  }, 60_000);

  // BUG (src/dates/calendar.ts): calendar arithmetic runs on a *local* Date at noon. In a zone that
  // skipped a whole calendar day (Pacific/Apia and Pacific/Fakaofo skipped 2011-12-30; Pacific/Kiritimati
  // skipped 1994-12-31), "noon on the skipped day" does not exist and rolls over to the next day, so
  // addYearsToDate("2008-12-30", 3) is "2011-12-31" in Pacific/Apia, and an agreement to marry that
  // ended on 2008-12-30 counts as ending "within three years" (FLA 1996 s.42(4)) on 2011-12-31: the
  // non-molestation order is available in Apia and not available in UTC. In Kiritimati,
  // addYearsToDate("1991-12-31", 3) is "1995-01-01". Fix: do the arithmetic in UTC (Date.UTC +
  // getUTC*/setUTC*), or on plain integers, never on local time.
  it("dates next to a day some zone skipped give the same answers in every zone (incl. Pacific/Apia)", async () => {
    const cases = [
      {
        id: "agreement-ended-2008-12-30",
        jurisdiction: "england-and-wales",
        relationship: {
          agreementToMarry: { status: "ended", endedOn: "2008-12-30" },
          allConnectionsRecorded: true,
        },
        incidents: [{ kind: "following" }, { kind: "violence" }],
        risk: { ongoing: true, psychologicalHarm: true },
        suspect: { age: 30 },
      },
    ];
    const zones = [...ZONES, "Pacific/Apia"];
    const outputs = await Promise.all(
      zones.map((zone) => runIn(zone, JSON.stringify(cases), ["2011-12-31"], true)),
    );
    // A compact view for a readable failure: the outcome of each order, and the calendar results.
    const view = (stdout: string) => {
      const out = JSON.parse(stdout) as [
        { assessment: { orders: { rule: string; outcome: string }[] } },
        unknown,
        unknown,
        string[],
      ];
      return {
        outcomes: out[0].assessment.orders.map((o) => `${o.rule}:${o.outcome}`).join(" "),
        calendar: out[3],
      };
    };
    const byZone = Object.fromEntries(zones.map((zone, i) => [zone, view(outputs[i]!)]));
    for (const zone of zones) expect({ zone, ...byZone[zone] }).toEqual({ zone, ...byZone.UTC });
    expect(new Set(outputs.map(sha256)).size).toBe(1);
  }, 60_000);
});

describe("calendar arithmetic at the edges of the accepted dates", () => {
  // BUG (src/dates/calendar.ts): fromNoon formats with date-fns "yyyy", which is the year of the ERA
  // (year 0 is 1 BC, printed "0001"). The schema accepts year 0000, so addDaysToDate("0000-01-01", 1) is
  // "0001-01-02" and addYearsToDate("0004-02-29", -4) is "0001-02-29", a date that does not exist.
  // Not reachable through assess() with the bundled rules (no rule literal is near year 1), but both are
  // public API. Fix: format with "uuuu" (the proleptic ISO year), or format the parts by hand.
  it("addDaysToDate and addYearsToDate handle year 0000", () => {
    expect(addDaysToDate("0001-01-01", -1)).toBe("0000-12-31");
    expect(addDaysToDate("0000-01-01", 1)).toBe("0000-01-02");
    expect(addYearsToDate("0004-02-29", -4)).toBe("0000-02-29");
  });

  // BUG (src/facts/relationship.ts + src/dates/calendar.ts): agreementToMarryWithinThreeYears compares
  // `asOf <= addYearsToDate(endedOn, 3)` as strings, but past 9999 addYearsToDate returns a five-digit
  // year ("10001-01-01"), which sorts before "9999-…". An agreement that ended on 9998-01-01 is then not
  // "within three years" on 9999-12-31. Schema-valid, if absurd, input; the same trap awaits any other
  // date arithmetic compared as text. Suggested fix: compare ended-on with asOf minus three years (which
  // stays within 0000–9999 for any valid asOf), or clamp results to 9999-12-31.
  it("an agreement to marry that ended under three years before asOf counts as recent, even near 9999", () => {
    const result = safeAssess(
      {
        id: "c",
        jurisdiction: "england-and-wales",
        relationship: {
          agreementToMarry: { status: "ended", endedOn: "9998-01-01" },
          allConnectionsRecorded: true,
        },
        incidents: [{ kind: "following" }],
        risk: { ongoing: true },
      },
      { asOf: "9999-12-31" },
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    const nmo = JSON.stringify(result.assessment.orders.find((o) => o.rule === "nmo"));
    expect(nmo).toMatch(/"fact":"relationship.agreementToMarryWithinThreeYears"[^}]*"result":"holds"/);
  });

  it("addDaysToDate and addYearsToDate handle the latest accepted dates and leap days", () => {
    expect(addDaysToDate("9999-12-30", 1)).toBe("9999-12-31");
    expect(addDaysToDate("2024-02-28", 1)).toBe("2024-02-29");
    expect(addYearsToDate("2024-02-29", 1)).toBe("2025-02-28");
    expect(addDaysToDate("0001-01-02", -1)).toBe("0001-01-01");
  });
});
