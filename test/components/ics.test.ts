// "Tambahkan ke kalender": the .ics output read back by a real iCalendar parser (ical.js), not by string matching.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { buildCalendar, calendarFileName, escapeText, foldLine, programCalendar } from '../../components/program-catalog/ics.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import { catalogPrograms, hostileProgram, makeProgram } from '../../stories/program-fixtures.js';

const NOW = new Date('2025-10-20T01:00:00Z');
const encoder = new TextEncoder();

function events(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** The instant an event property stands for, whatever zone it was written in. */
const instant = (time: ICAL.Time) => time.toJSDate().getTime();

describe('.ics of a program', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('is a VCALENDAR 2.0 with a PRODID and one VEVENT per session at the sessions\' instants', () => {
    const program = catalogPrograms[0]; // two sessions, 08.00–16.00 WIT (= 23.00–07.00 UTC the day before)
    const ics = programCalendar(program, NOW);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).to.equal('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(String(calendar.getFirstPropertyValue('prodid'))).to.match(/^-\/\/.+\/\/.+/);
    const list = events(ics);
    expect(list).to.have.length(2);
    list.forEach((event, i) => {
      const session = program.sessions[i];
      expect(instant(event.startDate), `DTSTART of session ${i + 1}`).to.equal(Date.parse(session.startsAt));
      expect(instant(event.endDate), `DTEND of session ${i + 1}`).to.equal(Date.parse(session.endsAt));
      expect(event.summary).to.equal(`${program.title} (sesi ${i + 1} dari 2)`);
      expect(event.location).to.equal('Aula BKPSDM Kota Sorong');
      expect(event.description).to.include(program.description);
      expect(event.description).to.include('21 JP');
      expect(event.description).to.include('PT Papua Digital Nusantara');
      expect(event.component.getFirstPropertyValue('dtstamp')).to.be.ok;
    });
    // 10 Nov 2025 08.00 WIT is 9 Nov 2025 23.00 UTC: the zone is really applied, not dropped.
    expect(list[0].startDate.toJSDate().toISOString()).to.equal('2025-11-09T23:00:00.000Z');
  });

  it('gives each session a UID that is stable per program and session', () => {
    const a = events(programCalendar(catalogPrograms[0], NOW)).map((e) => e.uid);
    const b = events(programCalendar(catalogPrograms[0], new Date('2025-10-21T00:00:00Z'))).map((e) => e.uid);
    expect(new Set(a).size).to.equal(2);
    expect(b).to.deep.equal(a);
    const other = events(programCalendar(catalogPrograms[1], NOW)).map((e) => e.uid);
    expect(other.some((uid) => a.includes(uid))).to.equal(false);
  });

  it('puts an online session\'s link in URL (and says "Daring" where the room would be)', () => {
    const [event] = events(programCalendar(catalogPrograms[1], NOW));
    expect(String(event.component.getFirstPropertyValue('url'))).to.equal('https://belajar.sorongkota.go.id/siber');
    expect(event.location).to.equal('Daring');
    expect(event.description).to.include('https://belajar.sorongkota.go.id/siber');
  });

  it('ends every line with CRLF and folds lines longer than 75 octets, never inside a character', () => {
    const long = makeProgram({
      title: 'Pelatihan “Analisis Data Layanan Publik” — ééé ✓ untuk ASN Kota Sorong dan Kabupaten Sorong Selatan 2025',
      description: 'Modul 1: spreadsheet; modul 2: dasbor, grafik, dan ringkasan. '.repeat(12),
    });
    const ics = programCalendar(long, NOW);
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(/[^\r]\n/.test(ics)).to.equal(false); // no bare LF
    expect(/\r[^\n]/.test(ics)).to.equal(false); // no bare CR
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) expect(encoder.encode(line).length, line).to.be.at.most(75);
    expect(lines.some((l) => l.startsWith(' '))).to.equal(true); // something was folded
    const [event] = events(ics);
    expect(event.summary).to.equal(`${long.title} (sesi 1 dari 2)`);
    expect(event.description).to.include(long.description.trim());
  });

  it('round-trips a hostile title with newlines, semicolons, commas and backslashes as text', () => {
    const evil = makeProgram({
      title: 'Rapat; "darurat", \\ segera\r\nDTSTART:19700101T000000Z\nATTENDEE:mailto:x@evil.test',
      sessions: [makeProgram().sessions[0]],
      description: 'Baris 1\nBaris 2; dan, lainnya \\',
    });
    const ics = programCalendar(evil, NOW);
    const list = events(ics);
    expect(list).to.have.length(1);
    expect(list[0].summary).to.equal(evil.title.replace(/\r\n/g, '\n')); // a line break is one \n in TEXT
    expect(list[0].description).to.include('Baris 1\nBaris 2; dan, lainnya \\');
    // Still one DTSTART, at the session's instant, and no property smuggled in through the title.
    expect(list[0].component.getAllProperties('dtstart')).to.have.length(1);
    expect(instant(list[0].startDate)).to.equal(Date.parse(evil.sessions[0].startsAt));
    expect(list[0].component.getAllProperties('attendee')).to.have.length(0);
    // The HTML-looking fixture title too: text, as typed.
    expect(events(programCalendar(hostileProgram, NOW))[0].summary).to.equal(`${hostileProgram.title} (sesi 1 dari 2)`);
  });

  it('escapes TEXT and folds by octets as RFC 5545 says', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).to.equal('a\\,b\\;c\\\\d\\ne\\nf');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(1);
    for (const p of parts) expect(encoder.encode(p).length).to.be.at.most(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('writes no URL that is not http(s), and a file name without the title\'s markup', () => {
    const ics = buildCalendar([{ uid: 'x@y', start: '2025-11-10T08:00:00+09:00', end: '2025-11-10T09:00:00+09:00', summary: 's', url: 'javascript:alert(1)' }], NOW);
    expect(ics).not.to.include('URL:');
    expect(calendarFileName(hostileProgram)).to.match(/^[a-z0-9-]+\.ics$/);
    expect(calendarFileName({ id: 'prg_x1', title: '«»' })).to.equal('prg_x1.ics');
  });
});
