/**
 * "Tambahkan ke kalender": a program's sessions as an iCalendar file (RFC 5545), one VEVENT per session, and its
 * download. Loaded on demand (few ASN press it), so the catalog's first load does not carry it.
 *
 * Times are written in UTC (`…Z`): every calendar shows them in its own zone, WIT in Sorong, with no VTIMEZONE to
 * keep right. Lines end in CRLF and are folded at 75 octets; TEXT values escape `\ ; ,` and newlines, so a title
 * typed with line breaks or semicolons stays one value and cannot add a property of its own.
 */
import { msg, str } from '@lit/localize';
import type { Program } from '../../src/contract/index.js';
import { competencyLabel } from '../shared/competency-label.js';
import { jpText, typeLabel } from './labels.js';

const PRODID = '-//Pemerintah Kota Sorong//pembinaan-asn//ID';
const encoder = new TextEncoder();

/** One event of the calendar, before escaping. */
export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  /** Bumped whenever the program changes, so a calendar that imported it before takes the newer copy. */
  sequence?: number;
  lastModified?: string;
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** `20251110T000000Z`: a UTC DATE-TIME. */
export function utcStamp(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Only http(s) addresses become a URL property (a value given through properties may be anything). */
const safeUrl = (url: string | null | undefined): string | null => (url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null);

/** The whole VCALENDAR, CRLF line endings, folded. */
export function buildCalendar(events: readonly CalendarEvent[], now: Date = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const stamp = utcStamp(now);
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${utcStamp(e.start)}`, `DTEND:${utcStamp(e.end)}`);
    if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    const url = safeUrl(e.url);
    if (url) lines.push(`URL:${url}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A program's events: one per session, UID stable per program and session number (re-importing updates them). */
export function programEvents(program: Program): CalendarEvent[] {
  const total = program.sessions.length;
  const about = [
    program.description.trim(),
    [typeLabel(program.type), competencyLabel(program.competency), jpText(program.jp)].join(' · '),
    program.partnerName ? msg(str`Penyelenggara: ${program.partnerName}`) : '',
  ].filter(Boolean);
  return program.sessions.map((s, i) => {
    const url = safeUrl(s.onlineUrl);
    return {
      uid: `${program.id}-${i + 1}@pembinaan-asn`,
      start: s.startsAt,
      end: s.endsAt,
      summary: total > 1 ? msg(str`${program.title} (sesi ${i + 1} dari ${total})`) : program.title,
      location: s.location ?? (url ? msg('Daring') : null),
      url,
      description: [...about, url ? msg(str`Kelas daring: ${url}`) : ''].filter(Boolean).join('\n\n'),
      sequence: Math.max(0, program.version - 1),
      lastModified: program.updatedAt,
    };
  });
}

export const programCalendar = (program: Program, now?: Date): string => buildCalendar(programEvents(program), now);

/** A file name from the title (ASCII letters and digits), else the program's id. */
export function calendarFileName(program: Pick<Program, 'id' | 'title'>): string {
  const slug = program.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || program.id}.ics`;
}

/**
 * Downloads the program's calendar: a Blob URL behind an `<a download>` clicked from script (no inline script, so
 * it works under CSP `script-src 'self'`). The anchor lives for the click only, in `container` (the shadow root).
 */
export function downloadCalendar(program: Program, container: ParentNode, now?: Date): void {
  const blob = new Blob([programCalendar(program, now)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = calendarFileName(program);
  a.hidden = true;
  container.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
