// The orders module's date answers in several host time zones, on the BUILT package (dist/index.js), each
// zone in a fresh `node` process (TZ only takes effect for a whole process). The same battery runs
// in-process against src/ to guard against a stale dist/. Spot checks are the hand-worked values from
// the law digest (DAA 2021 s.29(3), SPA 2019 s.3 and s.9, §12.5), the same in every zone.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as source from "../../src/index.js";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const distIndex = join(root, "dist", "index.js");
const ZONES = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe"];

/**
 * The battery, as plain JavaScript so that the child process and this process run the very same code.
 * All inputs are built with UTC getters only, so the inputs do not depend on the zone; only the library
 * could make the outputs differ.
 */
const BATTERY = `(lib) => {
  const pad = (n) => String(n).padStart(2, "0");
  const iso = (ms) => { const d = new Date(ms); return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()); };
  const wall = (ms) => { const d = new Date(ms); return iso(ms) + "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()); };
  const DAY = 86400000;
  const out = { spot: {}, deadlines: [], days: [], notify: [], spoMin: [], dvpo: [], limits: [], misc: [] };
  const spo = (o) => Object.assign({ kind: "spo", appliedForBy: { role: "chief-officer" }, protectedPersons: ["v"],
    prohibitions: [{ text: "Not to contact V by any means.", category: "contact" }] }, o);
  const dl = (t) => { const r = lib.dapnHearingDeadline(t); return r.known ? r.hearingBy + "|" + r.disregarded.join(",") : "unknown"; };

  out.spot.goodFriday = dl("2025-04-18T10:00");
  out.spot.christmasEve2026 = dl("2026-12-24T15:00");
  out.spot.springForward = dl("2025-03-29T10:00");
  out.spot.fallBack = dl("2025-10-25T10:00");
  out.spot.into2028 = dl("2027-12-30T10:00");
  out.spot.year2023 = dl("2023-06-01T10:00");
  out.spot.notify20250227 = lib.notificationDuty(spo({ servedOn: "2025-02-27" }), { subjectToSexOffenderNotification: false }).notifyBy;
  out.spot.notify20240228 = lib.notificationDuty(spo({ servedOn: "2024-02-28" }), { subjectToSexOffenderNotification: false }).notifyBy;
  out.spot.spoUnder = lib.validateOrder(spo({ madeOn: "2025-01-01", duration: { type: "fixed", endsOn: "2026-12-30" } })).defects.map((d) => d.code);
  out.spot.spoExact = lib.validateOrder(spo({ madeOn: "2025-01-01", duration: { type: "fixed", endsOn: "2026-12-31" } })).defects.map((d) => d.code);
  out.spot.limit20241117 = lib.generalLimitFor({ convictedOn: "2024-11-17", offenceOn: "2024-06-01" }).months;
  out.spot.limit20241118 = lib.generalLimitFor({ convictedOn: "2024-11-18", offenceOn: "2024-06-01" }).months;
  const resp = lib.assessBreaches(spo({ madeOn: "2025-01-01", duration: { type: "until-further-order" } }), [
    { date: "2025-03-29", kind: "contacting", reportedAt: "2025-03-29T12:00", respondedAt: "2025-03-30T12:00" },
    { date: "2025-10-25", kind: "contacting", reportedAt: "2025-10-25T12:00", respondedAt: "2025-10-26T12:00" },
  ]);
  out.spot.responseHours = resp.map((f) => f.response.hours);

  for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 7 * 3600000) out.deadlines.push(dl(wall(ms)));
  for (let ms = Date.UTC(2023, 11, 20); ms < Date.UTC(2028, 0, 10); ms += DAY) {
    const d = iso(ms);
    out.days.push(d + ":" + lib.isBankHolidayInEnglandAndWales(d) + ":" + lib.isDisregardedDay(d));
  }
  for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 3 * DAY) {
    const d = iso(ms);
    out.notify.push(lib.notificationDuty(spo({ servedOn: d }), { subjectToSexOffenderNotification: false }).notifyBy);
    out.notify.push(lib.notificationDuty({ kind: "dapo", appliedForBy: { role: "chief-officer" }, protectedPersons: ["v"], madeOn: d,
      prohibitions: [{ text: "x" }] }, { subjectToSexOffenderNotification: false, subjectToSpoNotification: false }).notifyBy);
    out.misc.push(lib.orderDates(spo({ madeOn: d, duration: { type: "fixed", endsOn: d } })).applyToRenewBy);
  }
  for (let ms = Date.UTC(2020, 0, 20); ms < Date.UTC(2031, 0, 1); ms += 7 * DAY) {
    const made = iso(ms);
    for (const back of [0, 1, 2]) {
      const end = iso(Date.UTC(Number(made.slice(0, 4)) + 2, Number(made.slice(5, 7)) - 1, Number(made.slice(8, 10))) - back * DAY);
      out.spoMin.push(made + ">" + end + ":" + lib.validateOrder(spo({ madeOn: made, duration: { type: "fixed", endsOn: end } })).valid);
    }
  }
  for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 7 * DAY) {
    const made = iso(ms);
    for (const n of [12, 13, 14, 27, 28, 29]) {
      out.dvpo.push(lib.validateOrder({ kind: "dvpo", protectedPersons: ["v"], madeOn: made,
        duration: { type: "fixed", endsOn: iso(ms + n * DAY) }, prohibitions: [{ text: "Not to molest V." }] }).valid);
    }
  }
  for (let ms = Date.UTC(2021, 0, 1); ms < Date.UTC(2026, 0, 1); ms += 4 * DAY) {
    const d = iso(ms);
    out.limits.push(lib.generalLimitFor({ convictedOn: d }).months, lib.breachOffenceFor("spo", { offenceOn: "2022-04-30", convictedOn: d }).summaryMax.months);
  }
  return out;
}`;

const CHILD = `
const lib = await import(process.env.DIST_URL);
const battery = (0, eval)(process.env.BATTERY);
process.stdout.write(JSON.stringify(battery(lib)));
`;

async function runIn(zone: string): Promise<string> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "--eval", CHILD], {
    cwd: root,
    env: { ...process.env, TZ: zone, DIST_URL: pathToFileURL(distIndex).href, BATTERY },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

beforeAll(() => {
  // Build only if dist/ is missing or predates the orders module; a stale dist/ is caught below.
  const fresh = existsSync(distIndex) && readFileSync(distIndex, "utf8").includes("dapnHearingDeadline");
  if (!fresh) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
}, 180_000);

describe("orders: the same answers in every host time zone (built package)", () => {
  let outputs: Record<string, string> = {};

  beforeAll(async () => {
    const results = await Promise.all(ZONES.map(async (zone) => [zone, await runIn(zone)] as const));
    outputs = Object.fromEntries(results);
  }, 60_000);

  it("every zone gives byte-identical output", () => {
    const utc = outputs.UTC!;
    expect(utc.length).toBeGreaterThan(1000);
    for (const zone of ZONES) expect(outputs[zone], zone).toBe(utc);
  });

  it.each(ZONES)("%s: the hand-worked values (DAA s.29(3), SPA s.3 and s.9, §12.5)", (zone) => {
    const { spot } = JSON.parse(outputs[zone]!) as { spot: Record<string, unknown> };
    expect(spot).toEqual({
      goodFriday: "2025-04-23T00:00|2025-04-18,2025-04-20,2025-04-21",
      christmasEve2026: "2026-12-29T15:00|2026-12-25,2026-12-27,2026-12-28",
      springForward: "2025-04-01T10:00|2025-03-30",
      fallBack: "2025-10-28T10:00|2025-10-26",
      into2028: "unknown",
      year2023: "unknown",
      notify20250227: "2025-03-01",
      notify20240228: "2024-03-01",
      spoUnder: ["spo-term-under-two-years"],
      spoExact: [],
      limit20241117: 6,
      limit20241118: 12,
      responseHours: [23, 25],
    });
  });

  it("the built package gives the same answers as the source (guards against a stale dist/)", () => {
    const battery = new Function(`return ${BATTERY}`)() as (lib: unknown) => unknown;
    expect(JSON.stringify(battery(source))).toBe(outputs.UTC);
  });
});
