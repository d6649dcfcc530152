/**
 * Session times and months of the catalog, in WIT (docs/architecture.md, "Strings, locales, dates"): built from
 * the shared formats of i18n/format.ts, plus the time of day alone for a session that starts and ends the same day.
 */
import type { ProgramSession } from '../../src/contract/index.js';
import { formatDateTime, formatInstantDay, monthNames } from '../i18n/format.js';
import { intlLocale, TIME_ZONE, type AsnLocale } from '../i18n/locale.js';

const WIT_OFFSET_MS = 9 * 3600_000; // UTC+9, no daylight saving

/** The WIT calendar day (`2025-11-10`) of an instant. */
const witDay = (iso: string): string => new Date(Date.parse(iso) + WIT_OFFSET_MS).toISOString().slice(0, 10);

/** The WIT calendar month (`2025-11`) of an instant: what `GET /v1/programs?month=` filters on. */
export const witMonth = (iso: string | Date): string =>
  new Date((typeof iso === 'string' ? Date.parse(iso) : iso.getTime()) + WIT_OFFSET_MS).toISOString().slice(0, 7);

const times = new Map<string, Intl.DateTimeFormat>();
/** The time of day in WIT on the shared 24-hour clock: `08.00` / `08:00`. */
function timeOfDay(iso: string, locale: AsnLocale): string {
  const tag = intlLocale(locale);
  let f = times.get(tag);
  if (!f) times.set(tag, (f = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })));
  return f.format(new Date(iso));
}

/** `10 Nov 2025, 08.00–16.00 WIT`, or both instants in full when the session runs past midnight (WIT). */
export function sessionText(s: Pick<ProgramSession, 'startsAt' | 'endsAt'>, locale: AsnLocale): string {
  if (Number.isNaN(Date.parse(s.startsAt)) || Number.isNaN(Date.parse(s.endsAt))) return `${s.startsAt} – ${s.endsAt}`;
  if (witDay(s.startsAt) !== witDay(s.endsAt)) return `${formatDateTime(s.startsAt, locale)} – ${formatDateTime(s.endsAt, locale)}`;
  return `${formatInstantDay(s.startsAt, locale)}, ${timeOfDay(s.startsAt, locale)}–${timeOfDay(s.endsAt, locale)} WIT`;
}

/** `November 2025` for `2025-11`. */
export function monthLabel(month: string, locale: AsnLocale): string {
  const [year, m] = month.split('-').map(Number);
  return `${monthNames(locale, 'long')[m - 1] ?? month} ${year}`;
}

/** `count` months from the WIT month of `from` on (`2025-10`, `2025-11`, …). */
export function monthsFrom(from: Date, count: number): string[] {
  const [year, month] = witMonth(from).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}
