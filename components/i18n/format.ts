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

/** A date (and optionally time) in WIT, e.g. `3 Mar 2025`. */
export function formatDate(iso: string, locale?: AsnLocale, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options }).format(date);
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
