/**
 * The time a widget counts from: its `now` property when set and valid (stories and tests pin it; a server-rendered
 * page hands the server's over so hydration renders the same), else the current time. Milliseconds since the epoch.
 */
export function pinnedNow(now: Date | string | undefined): number {
  const at = now === undefined ? Number.NaN : new Date(now).getTime();
  return Number.isNaN(at) ? Date.now() : at;
}
