// UK civil time without the host's time zone: Greenwich Mean Time, or British Summer Time (one hour
// ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
// (Summer Time Act 1972 and the Summer Time Order 2002). Everything uses UTC getters only, so the
// answer is the same whatever the host's TZ.

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  const day = last.getUTCDate() - last.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

/** The UK's offset from UTC, in minutes, at a UTC instant (milliseconds). */
export function ukOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9) ? 60 : 0;
}

/** Parses UK wall-clock `YYYY-MM-DDTHH:MM` to a UTC instant (ambiguous times take BST; times in the spring gap are read as GMT). */
export function ukWallTimeToUtc(wall: string): number {
  const [date, time] = wall.split("T") as [string, string];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  if (ukOffsetMinutes(asUtc - 3_600_000) === 60) return asUtc - 3_600_000;
  return asUtc;
}

/** The UK wall-clock `YYYY-MM-DDTHH:MM` of a UTC instant. */
export function utcToUkWallTime(utcMs: number): string {
  const local = new Date(utcMs + ukOffsetMinutes(utcMs) * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
