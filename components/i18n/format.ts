import { intlLocale, TIME_ZONE, type AsnLocale } from './locale.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the active locale (`12,5` in `id`, `12.5` in `en`). */
export function formatNumber(value: number, locale?: AsnLocale, options: Intl.NumberFormatOptions = { maximumFractionDigits: 1 }): string {
  const tag = intlLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: AsnLocale | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = intlLocale(locale);
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

// One format per locale across every widget (see docs/architecture.md, "Dates and times"): day, short month,
// year; times on a 24-hour clock in both locales, always followed by the zone they are shown in.
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** An instant as date and time in WIT: `2 Des 2026, 03.36 WIT` / `Dec 2, 2026, 03:36 WIT`. */
export function formatDateTime(iso: string, locale?: AsnLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, { ...DAY, ...TIME, timeZone: TIME_ZONE }).format(date)} WIT`;
}

/** The WIT calendar day of an instant, without a time or a zone: `2 Des 2026` / `Dec 2, 2026`. */
export function formatInstantDay(iso: string, locale?: AsnLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, { ...DAY, timeZone: TIME_ZONE }).format(date);
}

/**
 * A date-only value (`2026-12-31`, a due date): the same day everywhere, so it is formatted in UTC and never gets
 * a zone suffix.
 */
export function formatDay(day: string, locale?: AsnLocale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(locale, { ...DAY, timeZone: 'UTC' }).format(date);
}

/** Month names of the active locale, January first (`short`: `Jan`, `Feb`, … / `long`: `Januari`, …). */
export function monthNames(locale?: AsnLocale, style: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2024, month, 15))));
}

/** The current calendar year in WIT (Asia/Jayapura), which differs from UTC's on 31 December from 15:00 UTC. */
export function currentYearInWit(now: Date = new Date()): number {
  const year = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric' }).format(now);
  return Number(year);
}
