/**
 * The JP pace of a year (docs/architecture.md, "Domain rules"): to reach the yearly target by 31 December, an
 * ASN should have about `targetJp` × the share of the WIT year that has passed. Whoever is below it is behind.
 */

/** WIT is UTC+9 all year (no daylight saving time), so a WIT year starts at 1 January 00:00 +09:00. */
const yearStart = (year: number): number => Date.UTC(year, 0, 1, -9);

/** The share of WIT year `year` passed at `now`: 0 until it starts, 1 once it is over. */
export function elapsedShare(year: number, now: Date = new Date()): number {
  const start = yearStart(year);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (yearStart(year + 1) - start)));
}

/** JP expected by `now` on the way to `targetJp` by the end of `year` (on 1 July, about 10 of 20). */
export const jpPace = (targetJp: number, year: number, now?: Date): number => targetJp * elapsedShare(year, now);
