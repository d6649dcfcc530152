import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/program-roster/define.js';
import type { AsnProgramRoster } from '../../components/program-roster/program-roster.js';
import { AttendanceSheet } from '../../components/program-roster/attendance.js';
import { moveInGrid } from '../../components/program-roster/grid-keys.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Attendance, CompletionResult, Enrollment, Program } from '../../src/contract/index.js';
import { FakeCoachingClient, never } from '../../stories/fixtures.js';
import { completedRosterProgram, hostileProgram, makeCompletedRoster, makeRoster, rosterProgram } from '../../stories/program-fixtures.js';
import { networkError, permissionError, sandbox, sandboxToken, text } from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const bodyRows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('.body [role="row"]')];
const active = (el: Element) => shadow(el).activeElement as HTMLElement | null;
/** [employee id of the focused row, session column] of the focused checkbox. */
const spot = (el: Element) => [active(el)?.closest<HTMLElement>('[role="row"]')?.dataset.id, active(el)?.dataset.col];
const box = (el: Element, id: string, col: number) => $<HTMLInputElement>(el, `.body [data-id="${id}"] input[data-col="${col}"]`)!;
const buttonNamed = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim()) === label);
const registered = (roster: Enrollment[]) => roster.filter((e) => e.status === 'registered');
const calls = (c: FakeCoachingClient, method: string) => c.programCalls.filter((call) => call.method === method);
/** Whether leaving the page now would be stopped (the browser asks first). */
const leavingIsStopped = () => !window.dispatchEvent(new Event('beforeunload', { cancelable: true }));

/** The fake answers a save with what it was sent (as the server does). */
function echoAttendance(c: FakeCoachingClient): () => Promise<Attendance> {
  return () => {
    const [programId, session, present] = c.programCalls[c.programCalls.length - 1].args as [string, number, string[]];
    return Promise.resolve({ programId, session, present: [...present], updatedAt: '2025-11-11T17:00:00+09:00' } as Attendance);
  };
}

async function fromProperties(program: Program, roster: Enrollment[]): Promise<AsnProgramRoster> {
  const el = await fixture<AsnProgramRoster>(html`<asn-program-roster .programData=${program} .roster=${roster}></asn-program-roster>`);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

async function throughClient(client: FakeCoachingClient, until = '.body [role="row"], .empty, .error'): Promise<AsnProgramRoster> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}><asn-program-roster program="prg_digital1"></asn-program-roster></asn-provider>`);
  const el = provider.querySelector('asn-program-roster')!;
  await waitUntil(() => shadow(el).querySelector(until), `rendered ${until}`);
  await el.updateComplete;
  return el;
}

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

// Resource timing of the whole page (hundreds of modules): make room, so the chunk's entry is recorded.
performance.setResourceTimingBufferSize(100_000);
const completionCodeRequests = () => performance.getEntriesByType('resource').filter((e) => /program-roster\/completion-dialog\.(ts|js)/.test(e.name)).length;

// First in this file: the page has not loaded the confirmation's code yet.
describe('asn-program-roster loads its confirmation only for a roster that can be completed', () => {
  it('a completed program fetches none of it; an editable one loads it once, without a click', async () => {
    const done = await fixture<AsnProgramRoster>(html`<asn-program-roster .programData=${completedRosterProgram} .roster=${makeCompletedRoster(4)}></asn-program-roster>`);
    await done.updateComplete;
    await aTimeout(400); // longer than the idle fallback
    expect(completionCodeRequests()).to.equal(0);
    const el = await fromProperties(rosterProgram, makeRoster(4));
    await waitUntil(() => completionCodeRequests() > 0, 'the confirmation code was not prefetched', { timeout: 5000 });
    // Loaded before any click: the dialog opens at once.
    await waitUntil(() => $(el, 'dialog'), 'the dialog is in the shadow root');
  });
});

describe('program roster: attendance model and grid keys', () => {
  it('keeps unsaved ticks apart from the saved attendance, through reloads and saves', () => {
    const roster = makeRoster(4);
    const sheet = new AttendanceSheet();
    sheet.load(roster);
    const [a, b] = roster.map((e) => e.employeeId);
    expect(sheet.has(b, 3)).to.equal(false); // (1 + 3) % 4 === 0: absent at session 3
    sheet.set(b, 3, true);
    expect([sheet.has(b, 3), sheet.isChanged(b, 3), sheet.changes(3), sheet.dirtySessions()]).to.deep.equal([true, true, 1, [3]]);
    // A reload that does not have it yet keeps the tick; one that has it drops it as saved.
    sheet.load(makeRoster(5));
    expect(sheet.isChanged(b, 3)).to.equal(true);
    sheet.load(makeRoster(5).map((e) => (e.employeeId === b ? { ...e, attended: [1, 2, 3] } : e)));
    expect([sheet.has(b, 3), sheet.isChanged(b, 3)]).to.deep.equal([true, false]);
    // A save answered while a tick it carried was undone meanwhile keeps the undo unsaved.
    sheet.set(a, 1, false);
    const sent = sheet.editedIds(1);
    sheet.set(a, 1, true);
    sheet.commit(1, [], sent);
    expect([sheet.has(a, 1), sheet.isChanged(a, 1)]).to.deep.equal([true, true]);
  });

  it('moves like an ARIA grid: arrows, Home/End, Ctrl+Home/End, the header row only when it has buttons', () => {
    const b = { rows: 10, cols: 3, page: 4, header: true };
    expect(moveInGrid('ArrowRight', false, { row: 0, col: 2 }, b)).to.deep.equal({ row: 0, col: 2 });
    expect(moveInGrid('ArrowUp', false, { row: 0, col: 1 }, b)).to.deep.equal({ row: -1, col: 1 });
    expect(moveInGrid('ArrowUp', false, { row: 0, col: 1 }, { ...b, header: false })).to.deep.equal({ row: 0, col: 1 });
    expect(moveInGrid('End', true, { row: 2, col: 0 }, b)).to.deep.equal({ row: 9, col: 2 });
    expect(moveInGrid('Home', true, { row: 7, col: 2 }, b)).to.deep.equal({ row: 0, col: 0 });
    expect(moveInGrid('PageDown', false, { row: 7, col: 1 }, b)).to.deep.equal({ row: 9, col: 1 });
    expect(moveInGrid(' ', false, { row: 0, col: 0 }, b)).to.equal(null);
  });
});

describe('asn-program-roster from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('shows the program (WIT dates, seats, waitlist, threshold), people with their status and the waitlist in order', async () => {
    const roster = makeRoster(12, 2);
    const el = await fromProperties(rosterProgram, roster);
    const t = text(el);
    expect($(el, '[part="title"]')!.textContent!.trim()).to.equal('Pelatihan Layanan Publik Digital');
    expect(t).to.include('10 Nov 2025 – 12 Nov 2025');
    expect(t).to.include('12 dari 30 terisi');
    expect(t).to.include('2 orang');
    expect(t).to.include('Wajib hadir 3 dari 3 sesi');
    expect(t).to.include('24 JP');
    // Session columns carry their date and time in WIT.
    const headers = [...shadow(el).querySelectorAll('.head [role="columnheader"]')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(headers[0]).to.equal('Nama');
    expect(headers[4]).to.equal('Status');
    expect(headers[1]).to.include('Sesi 1').and.include('10 Nov 2025, 08.00 WIT');
    const rows = bodyRows(el);
    expect(rows).to.have.length(12);
    expect(rows[0].querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal(roster[0].employeeName);
    expect(rows[0].querySelector('.status-cell')!.textContent!.trim()).to.equal('Terdaftar');
    // Checkboxes as attended, each with its accessible name.
    const first = box(el, roster[1].employeeId, 1);
    expect(first.getAttribute('aria-label')).to.equal(`Hadir: ${roster[1].employeeName}, sesi 2`);
    for (const [i, e] of registered(roster).entries()) for (let s = 1; s <= 3; s++) expect(box(el, e.employeeId, s - 1).checked, `row ${i} session ${s}`).to.equal(e.attended.includes(s));
    const waitlist = [...shadow(el).querySelectorAll<HTMLLIElement>('[part="waitlist"] li')];
    expect(waitlist.map((li) => [li.value, li.textContent!.trim()])).to.deep.equal([
      [1, roster[12].employeeName],
      [2, roster[13].employeeName],
    ]);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows "Belum ada peserta" for an empty roster, accessibly', async () => {
    const el = await fromProperties(rosterProgram, []);
    expect(text(el)).to.include('Belum ada peserta');
    expect($(el, '[role="grid"]')).to.equal(null);
    expect($(el, '[part="complete-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a completed program read-only: statuses, no ticking, no "Selesaikan program", accessibly', async () => {
    const roster = makeCompletedRoster(8);
    const el = await fromProperties(completedRosterProgram, roster);
    expect(text(el)).to.include('Program ini sudah selesai');
    expect($(el, '[part="complete-button"]')).to.equal(null);
    expect($(el, '[part="all-present"]')).to.equal(null);
    expect($(el, '[role="grid"]')!.getAttribute('aria-readonly')).to.equal('true');
    const statuses = bodyRows(el).map((r) => r.querySelector('.status-cell')!.textContent!.trim());
    expect(statuses).to.deep.equal(roster.map((e) => (e.status === 'completed' ? 'Selesai' : 'Tidak memenuhi')));
    const cb = box(el, roster[1].employeeId, 2);
    expect(cb.checked).to.equal(false);
    cb.click();
    await el.updateComplete;
    expect(cb.checked).to.equal(false);
    expect($(el, '[part="save-bar"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('windows 500 people: a few rows in the DOM, the keyboard reaches the last row', async function () {
    this.timeout(30_000);
    const roster = makeRoster(500);
    const el = await fromProperties({ ...rosterProgram, capacity: 500 }, roster);
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('501');
    expect(bodyRows(el).length).to.be.lessThan(50).and.greaterThan(5);
    const stop = shadow(el).querySelectorAll<HTMLInputElement>('[role="grid"] [tabindex="0"]');
    expect(stop).to.have.length(1);
    stop[0].focus();
    await ctrl('End');
    await waitUntil(() => spot(el)[0] === roster[499].employeeId, 'last row focused');
    expect(spot(el)).to.deep.equal([roster[499].employeeId, '2']);
    expect(active(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('501');
    expect(bodyRows(el).length).to.be.lessThan(50);
    const scroller = $(el, '.scroller')!.getBoundingClientRect();
    const cell = active(el)!.getBoundingClientRect();
    expect(cell.bottom).to.be.at.most(scroller.bottom + 1);
    expect(cell.top).to.be.at.least(scroller.top);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box(el, roster[499].employeeId, 2).checked).to.equal(!roster[499].attended.includes(3));
    await sendKeys({ press: 'ArrowUp' });
    expect(spot(el)).to.deep.equal([roster[498].employeeId, '2']);
    await ctrl('Home');
    await waitUntil(() => spot(el)[0] === roster[0].employeeId, 'first row focused');
    expect(spot(el)).to.deep.equal([roster[0].employeeId, '0']);
    await expect(el).to.be.accessible();
    // Scrolling with the wheel moves the window along (and settles: no scroll anchoring fighting the offsets).
    const scrollerEl = $(el, '.scroller')!;
    for (let step = 1; step <= 5; step++) {
      scrollerEl.scrollTop = step * 400;
      await new Promise((r) => requestAnimationFrame(r));
      await el.updateComplete;
    }
    await waitUntil(() => bodyRows(el).some((r) => r.dataset.id === roster[45].employeeId), 'rows near the scroll position');
    const at = scrollerEl.scrollTop;
    await new Promise((r) => requestAnimationFrame(r));
    expect(scrollerEl.scrollTop).to.equal(at);
    expect(bodyRows(el).length).to.be.lessThan(50);
    expect(spot(el)).to.deep.equal([roster[0].employeeId, '0']);
  });

  it('renders hostile names and titles as text', async () => {
    const roster = makeRoster(2, 1).map((e, i) => ({ ...e, employeeName: `<img src=x onerror="window.__pwned=1">Nama <b>${i}</b>` }));
    const el = await fromProperties({ ...hostileProgram, sessions: rosterProgram.sessions, attendanceThreshold: 3 }, roster);
    expect(shadow(el).querySelectorAll('img, b, script')).to.have.length(0);
    expect($(el, '[part="title"]')!.textContent).to.include('<img src=x');
    expect(bodyRows(el)[0].querySelector('[role="rowheader"]')!.textContent).to.include('<img src=x onerror="window.__pwned=1">Nama <b>0</b>');
    expect($(el, '[part="waitlist"] li')!.textContent).to.include('<b>2</b>');
    expect(box(el, roster[0].employeeId, 0).getAttribute('aria-label')).to.include('<img');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('switches to English', async () => {
    const el = await fromProperties(rosterProgram, makeRoster(3, 1));
    await setExplicitLocale('en');
    await el.updateComplete;
    const t = text(el);
    expect(t).to.include('Must attend 3 of 3 sessions');
    expect(t).to.include('Nov 10, 2025, 08:00 WIT');
    expect(t).to.include('Complete program');
    expect(t).to.include('Waitlist');
    expect(box(el, makeRoster(1)[0].employeeId, 1).getAttribute('aria-label')).to.equal(`Present: ${makeRoster(1)[0].employeeName}, session 2`);
    await expect(el).to.be.accessible();
    await setExplicitLocale(null);
    await el.updateComplete;
    expect(text(el)).to.include('Wajib hadir 3 dari 3 sesi');
  });
});

describe('asn-program-roster through a client', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('loads the program and its roster (500 a page) and follows the programs topic', async () => {
    const client = new FakeCoachingClient();
    const el = await throughClient(client);
    expect(calls(client, 'programs.get')[0].args[0]).to.equal('prg_digital1');
    expect(calls(client, 'programs.roster')[0].args.slice(0, 2)).to.deep.equal(['prg_digital1', { limit: 500 }]);
    expect(bodyRows(el)).to.have.length(12);
    await waitUntil(() => client.subscriptions.some((t) => t.includes('programs')), 'subscribed to programs');
  });

  it('keyboard: Tab into the grid, arrows move, Space ticks; the save sends the session\'s present ids; event', async () => {
    const client = new FakeCoachingClient();
    client.attendanceAnswer = echoAttendance(client);
    const roster = client.rosterAnswer as Enrollment[];
    const people = registered(roster);
    const el = await throughClient(client);
    $(el, '[part="complete-button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(spot(el)).to.deep.equal([people[0].employeeId, '0']);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    expect(spot(el)).to.deep.equal([people[1].employeeId, '1']);
    // Only one tab stop in the grid, where focus is.
    const stops = [...shadow(el).querySelectorAll('[role="grid"] [tabindex="0"]')];
    expect(stops.length === 1 && stops[0] === active(el)).to.equal(true);
    const before = box(el, people[1].employeeId, 1).checked;
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(box(el, people[1].employeeId, 1).checked).to.equal(!before);
    expect(box(el, people[1].employeeId, 1).closest('.cell')!.classList.contains('changed')).to.equal(true);
    expect(text(el)).to.include('Sesi 2: 1 perubahan belum disimpan.');
    // Up from the first row: the column's "Semua hadir".
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)!.getAttribute('aria-label')).to.equal('Semua hadir, sesi 2');
    await sendKeys({ press: 'ArrowDown' });
    expect(spot(el)).to.deep.equal([people[0].employeeId, '1']);

    const saved = oneEvent(el, 'asn-attendance-saved');
    buttonNamed(el, 'Simpan kehadiran sesi 2')!.click();
    const event = (await saved) as CustomEvent<Attendance>;
    const expected = people.filter((e) => (e === people[1] ? !e.attended.includes(2) : e.attended.includes(2))).map((e) => e.employeeId);
    const [call] = calls(client, 'programs.setAttendance');
    expect(call.args).to.deep.equal(['prg_digital1', 2, expected]);
    expect(event.detail.present).to.deep.equal(expected);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part="save-bar"]')).to.equal(null);
    expect(box(el, people[1].employeeId, 1).closest('.cell')!.classList.contains('changed')).to.equal(false);
    expect(box(el, people[1].employeeId, 1).checked).to.equal(!before);
  });

  it('"Semua hadir" marks everyone present at that session; the save carries every registered id', async () => {
    const client = new FakeCoachingClient();
    client.attendanceAnswer = echoAttendance(client);
    const people = registered(client.rosterAnswer as Enrollment[]);
    const el = await throughClient(client);
    expect(people.some((e) => !e.attended.includes(3))).to.equal(true);
    buttonNamed(el, 'Semua hadir, sesi 3')!.click();
    await el.updateComplete;
    for (const e of people) expect(box(el, e.employeeId, 2).checked).to.equal(true);
    expect(text(el)).to.include('Semua peserta ditandai hadir di sesi 3.');
    const save = buttonNamed(el, 'Simpan kehadiran sesi 3')!;
    save.click();
    save.click(); // a second click while it is on its way sends nothing more
    await waitUntil(() => !$(el, '[part="save-bar"]'), 'saved');
    expect(calls(client, 'programs.setAttendance')).to.have.length(1);
    expect(calls(client, 'programs.setAttendance')[0].args).to.deep.equal(['prg_digital1', 3, people.map((e) => e.employeeId)]);
  });

  it('a failed save keeps the ticks and says why beside the grid; the retry saves them', async () => {
    const client = new FakeCoachingClient();
    client.attendanceAnswer = networkError();
    const people = registered(client.rosterAnswer as Enrollment[]);
    const el = await throughClient(client);
    const target = people.find((e) => !e.attended.includes(1))!;
    box(el, target.employeeId, 0).click();
    await el.updateComplete;
    buttonNamed(el, 'Simpan kehadiran sesi 1')!.click();
    await waitUntil(() => $(el, '[part="save-error"]'), 'save error shown');
    expect($(el, '[part="save-error"]')!.textContent).to.include('Kehadiran sesi 1 belum tersimpan').and.include('Perubahan Anda tetap ada');
    expect($(el, '[part="save-error"]')!.getAttribute('role')).to.equal('alert');
    expect(box(el, target.employeeId, 0).checked).to.equal(true);
    expect(box(el, target.employeeId, 0).closest('.cell')!.classList.contains('changed')).to.equal(true);
    expect(leavingIsStopped(), 'a reload would drop the unsaved tick').to.equal(true);
    await expect(el).to.be.accessible();

    client.attendanceAnswer = echoAttendance(client);
    buttonNamed(el, 'Coba simpan lagi sesi 1')!.click();
    await waitUntil(() => !$(el, '[part="save-bar"]'), 'saved on retry');
    const last = calls(client, 'programs.setAttendance').at(-1)!;
    expect(last.args[2]).to.include(target.employeeId);
    expect(box(el, target.employeeId, 0).checked).to.equal(true);
    expect(leavingIsStopped()).to.equal(false);
  });

  it('a save refused because someone left the program reloads the roster, keeping the ticks', async () => {
    const client = new FakeCoachingClient();
    client.attendanceAnswer = Object.assign(new Error('Everyone marked present must be registered'), { name: 'ApiError', status: 422 });
    const people = registered(client.rosterAnswer as Enrollment[]);
    const el = await throughClient(client);
    const loads = calls(client, 'programs.roster').length;
    box(el, people[3].employeeId, 0).click();
    await el.updateComplete;
    buttonNamed(el, 'Simpan kehadiran sesi 1')!.click();
    await waitUntil(() => $(el, '[part="save-error"]'), 'save error shown');
    expect($(el, '[part="save-error"]')!.textContent).to.include('tidak terdaftar lagi');
    await waitUntil(() => calls(client, 'programs.roster').length > loads, 'roster reloaded');
    expect(box(el, people[3].employeeId, 0).closest('.cell')!.classList.contains('changed')).to.equal(true);
  });

  it('offline: says attendance cannot be saved, keeps the ticks, sends nothing', async () => {
    const client = new FakeCoachingClient();
    client.attendanceAnswer = echoAttendance(client);
    const people = registered(client.rosterAnswer as Enrollment[]);
    const el = await throughClient(client);
    window.dispatchEvent(new Event('offline'));
    try {
      await el.updateComplete;
      expect($(el, '[part="offline"]')!.textContent).to.include('Kehadiran tidak dapat disimpan selama luring');
      box(el, people[0].employeeId, 0).click();
      await el.updateComplete;
      buttonNamed(el, 'Simpan kehadiran sesi 1')!.click();
      await el.updateComplete;
      expect($(el, '[part="save-error"]')!.textContent).to.include('luring');
      expect(calls(client, 'programs.setAttendance')).to.have.length(0);
      expect(box(el, people[0].employeeId, 0).checked).to.equal(!people[0].attended.includes(1));
      await expect(el).to.be.accessible();
    } finally {
      window.dispatchEvent(new Event('online'));
    }
  });

  it('a live update adds a new person without a reload and keeps an unsaved tick', async () => {
    const client = new FakeCoachingClient();
    client.rosterAnswer = makeRoster(3);
    const el = await throughClient(client);
    const [first] = makeRoster(3);
    box(el, first.employeeId, 0).click();
    await el.updateComplete;
    expect(box(el, first.employeeId, 0).checked).to.equal(false);
    client.rosterAnswer = makeRoster(4);
    client.invalidate(['roster:prg_digital1']);
    await waitUntil(() => bodyRows(el).length === 4, 'the new person appears');
    expect(bodyRows(el)[3].querySelector('[role="rowheader"]')!.textContent!.trim()).to.equal(makeRoster(4)[3].employeeName);
    expect(box(el, first.employeeId, 0).checked).to.equal(false);
    expect(box(el, first.employeeId, 0).closest('.cell')!.classList.contains('changed')).to.equal(true);
    expect(text(el)).to.include('Sesi 1: 1 perubahan belum disimpan.');
    const roster = calls(client, 'programs.roster');
    expect((roster.at(-1)!.args[2] as { fresh?: boolean }).fresh).to.equal(true);
  });

  it('completing: the dialog counts credited and not from the ticks and a threshold below the sessions, saves first, completes once, turns read-only', async () => {
    const client = new FakeCoachingClient();
    const program = { ...rosterProgram, attendanceThreshold: 2 };
    const roster = makeRoster(8);
    client.programAnswer = program;
    client.rosterAnswer = roster;
    client.attendanceAnswer = echoAttendance(client);
    let finish!: (r: CompletionResult) => void;
    client.completeAnswer = () => new Promise<CompletionResult>((resolve) => (finish = resolve));
    const el = await throughClient(client);
    // Person 1 attended sessions 1 and 2: without session 1 they are below the threshold of 2.
    expect(roster[1].attended).to.deep.equal([1, 2]);
    box(el, roster[1].employeeId, 0).click();
    await el.updateComplete;

    const opener = $<HTMLButtonElement>(el, '[part="complete-button"]')!;
    opener.click();
    const dialog = await waitUntil(() => $<HTMLDialogElement>(el, 'dialog[open]'), 'dialog open').then(() => $<HTMLDialogElement>(el, 'dialog')!);
    expect(dialog.textContent!.replace(/\s+/g, ' ')).to.include('7 peserta memenuhi kehadiran dan akan mendapat 24 JP; 1 tidak memenuhi.');
    expect(dialog.textContent).to.include('Wajib hadir 2 dari 3 sesi');
    // Styled by the chunk's sheets (the browser's own dialog border is 3px).
    expect(getComputedStyle(dialog).borderTopWidth).to.equal('1px');
    expect($(el, '[part="dialog-warning"]')!.textContent).to.include('1 sesi belum disimpan');
    expect(active(el)!.textContent!.trim()).to.equal('Batal');
    await expect(el).to.be.accessible();

    const completed: CustomEvent<CompletionResult>[] = [];
    el.addEventListener('asn-program-completed', (e) => completed.push(e));
    const confirm = $<HTMLButtonElement>(el, '[part="confirm-button"]')!;
    expect(confirm.textContent!.trim()).to.equal('Simpan dan selesaikan');
    confirm.click();
    confirm.click();
    await waitUntil(() => calls(client, 'programs.complete').length === 1, 'complete sent');
    expect(calls(client, 'programs.setAttendance').map((c) => c.args[1])).to.deep.equal([1]);
    expect(calls(client, 'programs.setAttendance')[0].args[2]).to.not.include(roster[1].employeeId);
    $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
    expect($(el, '[part="confirm-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    finish({ program: { ...program, status: 'completed', version: 2 }, completed: 7, incomplete: 1, recordsCreated: 7 });
    await waitUntil(() => !dialog.open, 'dialog closed');
    expect(calls(client, 'programs.complete')).to.have.length(1);
    expect(completed).to.have.length(1);
    expect(completed[0].detail.recordsCreated).to.equal(7);
    expect(completed[0].bubbles && completed[0].composed).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part="result"]')!.textContent!.replace(/\s+/g, ' ')).to.include('7 peserta menyelesaikan program dan mendapat 24 JP; 1 tidak memenuhi kehadiran. 7 catatan pembelajaran baru dibuat.');
    expect(active(el)?.getAttribute('part')).to.equal('result');
    // Read-only now: no complete button, no "Semua hadir", ticks change nothing; statuses follow the threshold.
    expect($(el, '[part="complete-button"]')).to.equal(null);
    expect($(el, '[part="all-present"]')).to.equal(null);
    const cb = box(el, roster[2].employeeId, 0);
    const was = cb.checked;
    cb.click();
    expect(cb.checked).to.equal(was);
    expect(cb.getAttribute('aria-disabled')).to.equal('true');
    const statusOf = (i: number) => bodyRows(el)[i].querySelector('.status-cell')!.textContent!.trim();
    expect([statusOf(0), statusOf(1)]).to.deep.equal(['Selesai', 'Tidak memenuhi']);
    await expect(el).to.be.accessible();
  });

  it('shows loading while the program is on its way, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.programAnswer = never;
    const el = await throughClient(client, '.skeleton');
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.include('Memuat daftar peserta');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.rosterAnswer = networkError();
    const el = await throughClient(client);
    expect(text(el)).to.include('Daftar peserta tidak dapat dimuat');
    expect(text(el)).to.include('Server tidak dapat dihubungi');
    await expect(el).to.be.accessible();
    client.rosterAnswer = makeRoster(5);
    $<HTMLButtonElement>(el, 'button.retry')!.click();
    await waitUntil(() => bodyRows(el).length === 5, 'rows after retry');
  });

  it('a 403 says the user is not authorised (not a generic error), accessibly', async () => {
    const client = new FakeCoachingClient();
    client.rosterAnswer = permissionError();
    const el = await throughClient(client);
    expect(text(el)).to.include('Anda tidak berwenang membuka daftar peserta ini');
    expect(text(el)).to.include('penyelenggara program');
    expect(text(el)).to.not.include('gangguan');
    expect($(el, 'button.retry')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('asn-program-roster against the sandbox API', () => {
  let url: string;
  before(async () => {
    url = await sandbox();
    await setExplicitLocale(null);
  });

  /** A seeded program with people registered, as an admin sees the catalog. */
  async function programWithPeople(token: string): Promise<Program> {
    const res = await fetch(`${url}/v1/programs?limit=100`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as { data: Program[] };
    const program = page.data.find((p) => p.enrolled > 1 && (p.status === 'open' || p.status === 'closed'));
    if (!program) throw new Error('the seed has no open or closed program with people registered');
    return program;
  }

  it('loads a roster for an admin and saves a session through the SDK, accessibly', async () => {
    const session = await sandboxToken(url, { role: 'admin' });
    const program = await programWithPeople(session.token);
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-program-roster program=${program.id}></asn-program-roster></asn-provider>`,
    );
    const el = provider.querySelector('asn-program-roster')!;
    await waitUntil(() => bodyRows(el).length > 0, 'rows from the server', { timeout: 10_000 });
    // One row per seat taken (the server's count of the program).
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(program.enrolled + 1));
    await expect(el).to.be.accessible();
    // Tick the first person at session 1 and save; then put it back as it was.
    const id = bodyRows(el)[0].dataset.id!;
    for (let round = 0; round < 2; round++) {
      box(el, id, 0).click();
      await el.updateComplete;
      const saved = oneEvent(el, 'asn-attendance-saved');
      buttonNamed(el, 'Simpan kehadiran sesi 1')!.click();
      const { detail } = (await saved) as CustomEvent<Attendance>;
      expect(detail.session).to.equal(1);
      expect(detail.present.includes(id as Attendance['present'][number])).to.equal(box(el, id, 0).checked);
    }
  });

  it('tells an employee who is not the organiser that they are not authorised', async () => {
    const admin = await sandboxToken(url, { role: 'admin' });
    const program = await programWithPeople(admin.token);
    const session = await sandboxToken(url, { role: 'employee' });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-program-roster program=${program.id}></asn-program-roster></asn-provider>`,
    );
    const el = provider.querySelector('asn-program-roster')!;
    await waitUntil(() => shadow(el).querySelector('.error'), 'not authorised', { timeout: 10_000 });
    expect(text(el)).to.include('Anda tidak berwenang');
    await expect(el).to.be.accessible();
  });
});
