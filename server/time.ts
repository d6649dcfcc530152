// Time in Asia/Jayapura (WIT, UTC+9, no daylight saving): years and months are counted on that clock.
export const WIT_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The WIT calendar year of an instant. */
export const witYear = (at: Date | string = new Date()): number => new Date(new Date(at).getTime() + WIT_OFFSET_MS).getUTCFullYear();

/** The WIT calendar month (0–11) of an instant. */
export const witMonth = (at: Date | string): number => new Date(new Date(at).getTime() + WIT_OFFSET_MS).getUTCMonth();

/** `[start, end)` of a WIT year as UTC ISO strings (the form stored in the database). */
export function witYearRange(year: number): [string, string] {
  const start = new Date(Date.UTC(year, 0, 1) - WIT_OFFSET_MS).toISOString();
  const end = new Date(Date.UTC(year + 1, 0, 1) - WIT_OFFSET_MS).toISOString();
  return [start, end];
}

/** Today's date in WIT as `YYYY-MM-DD`. */
export const witToday = (now: Date = new Date()): string => new Date(now.getTime() + WIT_OFFSET_MS).toISOString().slice(0, 10);

/** Normalises any ISO date-time with an offset to UTC `…Z`, so text order is time order. */
export const toUtcIso = (value: string | Date): string => new Date(value).toISOString();
