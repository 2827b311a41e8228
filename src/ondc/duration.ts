/** ISO 8601 durations as ONDC writes them (P1D, PT45M, PT3H45M, P0D, P1W). */
const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDuration(value: string): boolean {
  return DURATION.test(value);
}

/**
 * Milliseconds in a duration; null when it is not one, or when it counts years or months, whose length depends on
 * the calendar (ONDC's time-to-ship and turnaround values never use them).
 */
export function durationMs(value: string): number | null {
  const m = DURATION.exec(value);
  if (!m || m[1] !== undefined || m[2] !== undefined) return null;
  const [weeks, days, hours, minutes, seconds] = m.slice(3).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

/** Whole minutes as an ISO duration, e.g. 225 -> PT3H45M, 1440 -> P1D. */
export function isoDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}`;
  const value = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return value === 'P' ? 'PT0M' : value;
}
