import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/team-overview/define.js';
import type { AsnTeamOverview, TeamColumn } from '../../components/team-overview/team-overview.js';
import { daysSince, searchKey } from '../../components/team-overview/team-overview.js';
import { computeWindow, scrollTopFor } from '../../components/shared/virtual-rows.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Page, TeamMember } from '../../src/contract/index.js';
import type { Client } from '../../src/client/types.js';
import { teamMembers } from '../../stories/fixtures.js';
import { networkError, sandbox, sandboxToken, text } from './helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const bodyRows = (el: AsnTeamOverview) => [...shadow(el).querySelectorAll<HTMLElement>('.body [role="row"]')];
const active = (el: AsnTeamOverview) => shadow(el).activeElement as HTMLElement | null;
/** The employee id of the row holding the focused cell (or the focused row). */
const activeRowId = (el: AsnTeamOverview) => active(el)?.closest<HTMLElement>('[role="row"]')?.dataset.id;
/** The column index (0-based) of the focused cell or column header. */
const activeCol = (el: AsnTeamOverview) => active(el)?.closest<HTMLElement>('[data-col]')?.dataset.col;
const tabStops = (el: AsnTeamOverview) => [...shadow(el).querySelectorAll<HTMLElement>('[role="grid"] [tabindex="0"]')];
async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

async function teamWith(members: TeamMember[]): Promise<AsnTeamOverview> {
  const el = await fixture<AsnTeamOverview>(html`<asn-team-overview year="2026" .members=${members}></asn-team-overview>`);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

/** A hand-driven client: `team.list` pages through `members` 500 at a time. */
class TeamClient {
  readonly baseUrl = 'http://fake.invalid';
  readonly hasCredentials = true;
  members: TeamMember[] | Error = teamMembers(12);
  listCalls: Array<{ supervisor: string; query: Record<string, unknown> }> = [];
  subscriptions: Array<{ topics: string[]; handler: (e: unknown) => void }> = [];
  me = { get: () => Promise.resolve({ id: 'emp_boss1' }) };
  team = {
    list: async (supervisor: string, query: { cursor?: string; limit?: number } = {}): Promise<Page<TeamMember>> => {
      this.listCalls.push({ supervisor, query });
      if (this.members instanceof Error) throw this.members;
      const start = Number(query.cursor ?? 0);
      const limit = query.limit ?? 100;
      const data = structuredClone(this.members.slice(start, start + limit));
      return { data, nextCursor: start + limit < this.members.length ? String(start + limit) : null };
    },
  };
  events = {
    subscribe: (topics: string[], handler: (e: unknown) => void) => {
      const sub = { topics, handler };
      this.subscriptions.push(sub);
      return () => (this.subscriptions = this.subscriptions.filter((s) => s !== sub));
    },
  };
  onInvalidate() {
    return () => {};
  }
  setToken() {}
  close() {}
  asClient() {
    return this as unknown as Client;
  }
}

async function teamThrough(client: TeamClient): Promise<AsnTeamOverview> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}><asn-team-overview></asn-team-overview></asn-provider>`);
  const el = provider.querySelector('asn-team-overview')!;
  await waitUntil(() => shadow(el).querySelector('.body [role="row"], .empty, .error'), 'rendered');
  return el;
}

describe('virtual-rows', () => {
  it('computes a window with overscan and brings rows into view', () => {
    expect(computeWindow({ count: 5000, rowHeight: 50, scrollTop: 0, viewportHeight: 500, overscan: 5 })).to.deep.equal({ start: 0, end: 15, offset: 0, total: 250_000 });
    expect(computeWindow({ count: 5000, rowHeight: 50, scrollTop: 249_600, viewportHeight: 500, overscan: 5 }).end).to.equal(5000);
    expect(computeWindow({ count: 0, rowHeight: 50, scrollTop: 0, viewportHeight: 500 }).end).to.equal(0);
    expect(scrollTopFor(100, 50, 0, 500, 0)).to.equal(100 * 50 + 50 - 500);
    expect(scrollTopFor(2, 50, 1000, 500, 0)).to.equal(100);
    expect(scrollTopFor(21, 50, 1000, 500, 0)).to.equal(1000);
  });

  it('searches Indonesian names forgivingly and counts days in WIT', () => {
    expect(searchKey('Drs. Soekarno, S.Sos.')).to.equal('drs sukarno s sos');
    expect(searchKey('Djoko Tjahjono')).to.equal('joko cahjono');
    // 23:30 WIT on the 13th to 00:30 WIT on the 14th: one calendar day in Sorong.
    expect(daysSince('2026-03-13T14:30:00Z', new Date('2026-03-13T15:30:00Z'))).to.equal(1);
    expect(daysSince(null)).to.equal(null);
  });
});

describe('asn-team-overview from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('renders one row per member with JP against 20 (bar and text), goals, risks and days', async () => {
    const members = teamMembers(8);
    const el = await teamWith(members);
    const rows = bodyRows(el);
    expect(rows).to.have.length(8);
    const grid = shadow(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('9');
    const first = [...members].sort((a, b) => a.employee.name.localeCompare(b.employee.name, 'id'))[0];
    const cells = [...rows[0].querySelectorAll('[role="gridcell"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[0]).to.include(first.employee.name);
    expect(cells[1]).to.equal(first.employee.position);
    expect(cells[2]).to.include(`dari 20 JP`);
    expect(cells[3]).to.equal(`${first.goals.achieved} dari ${first.goals.total}`);
    expect(cells[4]).to.equal(String(first.goals.atRisk));
    const days = daysSince(first.feedback.lastAt);
    expect(cells[5]).to.include(days === null ? '—' : String(days));
    const barValue = rows[0].querySelector('svg.bar rect.bar-value');
    if (first.jp > 0) expect(Number(barValue!.getAttribute('width'))).to.equal(Math.round(Math.min(1, first.jp / 20) * 1000) / 10);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('names the grade with its scale, so a PPPK grade is not read as a PNS golongan', async () => {
    const [pns, pppk] = teamMembers(2);
    pns.employee = { ...pns.employee, employmentType: 'PNS', grade: 'III/b' };
    pppk.employee = { ...pppk.employee, employmentType: 'PPPK', grade: 'III' };
    const el = await teamWith([pns, pppk]);
    const unitOf = (id: string) => shadow(el).querySelector(`[data-id="${id}"] .unit`)!.textContent!.trim();
    expect(unitOf(pns.employee.id)).to.match(/^Gol\. III\/b · /);
    expect(unitOf(pppk.employee.id)).to.match(/^PPPK gol\. III · /);
  });

  it('shows "—" when there was no feedback', async () => {
    const m = teamMembers(1)[0];
    m.feedback.lastAt = null;
    const el = await teamWith([m]);
    const cell = bodyRows(el)[0].querySelectorAll('[role="gridcell"]')[5];
    expect(cell.textContent).to.include('—');
    expect(cell.textContent).to.include('Belum ada umpan balik');
  });

  it('sorts by every column with header buttons (click and keyboard), with aria-sort', async () => {
    const members = teamMembers(40);
    const el = await teamWith(members);
    const value: Record<TeamColumn, (m: TeamMember) => number | string> = {
      name: (m) => m.employee.name,
      position: (m) => m.employee.position,
      jp: (m) => m.jp,
      goals: (m) => m.goals.achieved * 1000 + m.goals.total,
      atRisk: (m) => m.goals.atRisk,
      lastFeedback: (m) => daysSince(m.feedback.lastAt) ?? Number.POSITIVE_INFINITY,
    };
    const byId = new Map<string, TeamMember>(members.map((m) => [m.employee.id, m]));
    const collator = new Intl.Collator('id-ID', { sensitivity: 'base', numeric: true });
    const cmp = (a: number | string, b: number | string) => (typeof a === 'string' ? collator.compare(a, b as string) : a === b ? 0 : a < (b as number) ? -1 : 1);
    const assertSorted = (column: TeamColumn, dir: 1 | -1) => {
      const values = el.visibleEmployeeIds.map((id) => value[column](byId.get(id)!));
      for (let i = 1; i < values.length; i++) expect(dir * cmp(values[i - 1], values[i]), `${column} ${dir} at ${i}`).to.be.at.most(0);
    };
    let viaKeyboard = false;
    for (const column of ['position', 'jp', 'goals', 'atRisk', 'lastFeedback', 'name'] as TeamColumn[]) {
      const button = shadow(el).querySelector<HTMLButtonElement>(`button[data-column="${column}"]`)!;
      const header = button.closest('[role="columnheader"]')!;
      if (viaKeyboard) {
        button.focus();
        await sendKeys({ press: 'Enter' });
      } else button.click();
      await el.updateComplete;
      expect(header.getAttribute('aria-sort')).to.equal('ascending');
      assertSorted(column, 1);
      // Second activation: descending (always by keyboard).
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(header.getAttribute('aria-sort'), `${column} desc, active=${active(el)?.tagName}`).to.equal('descending');
      assertSorted(column, -1);
      expect(shadow(el).querySelectorAll('[aria-sort]')).to.have.length(1);
      viaKeyboard = !viaKeyboard;
    }
  });

  it('searches by name (debounced, case- and spelling-insensitive)', async () => {
    const members = teamMembers(60);
    const soekarno = members.filter((m) => m.employee.name.startsWith('Soekarno'));
    expect(soekarno.length).to.be.greaterThan(0);
    const el = await teamWith(members);
    const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: 'SUKARNO' });
    await waitUntil(() => el.visibleEmployeeIds.length === soekarno.length, 'narrowed');
    expect(bodyRows(el)).to.have.length(soekarno.length);
    expect(shadow(el).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(soekarno.length + 1));
    await waitUntil(() => text(el).includes('pegawai ditemukan'), 'count announced');
    input.value = 'zzzz tidak ada';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => bodyRows(el).length === 0, 'no rows');
    expect(text(el)).to.include('Tidak ada nama yang cocok');
    await expect(el).to.be.accessible();
  });

  // Was "moves focus between rows with arrows, Home and End": Home/End moved between rows, which the ARIA grid
  // pattern gives to Ctrl+Home/End (Home/End stay within a row, see the next test).
  it('moves focus between rows with ArrowUp/Down, Page Up/Down and Ctrl+Home/End, and chooses with Enter or Space', async () => {
    const members = teamMembers(30);
    const el = await teamWith(members);
    const ids = el.visibleEmployeeIds;
    expect(tabStops(el)).to.have.length(1); // roving tabindex: one tab stop, on a cell
    expect(tabStops(el)[0].getAttribute('role')).to.equal('gridcell');
    tabStops(el)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(activeRowId(el)).to.equal(ids[1]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expect(activeRowId(el)).to.equal(ids[1]);
    await ctrl('End');
    expect(activeRowId(el)).to.equal(ids[29]);
    expect(activeCol(el)).to.equal('5');
    expect(active(el)?.closest('[role="row"]')?.getAttribute('aria-rowindex')).to.equal('31');
    await ctrl('Home');
    expect(activeRowId(el)).to.equal(ids[0]);
    expect(activeCol(el)).to.equal('0');
    await sendKeys({ press: 'PageDown' });
    const afterPage = ids.indexOf(activeRowId(el)!);
    expect(afterPage).to.be.greaterThan(1);
    await sendKeys({ press: 'PageUp' });
    expect(activeRowId(el)).to.equal(ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, 'asn-employee-selected');
    await sendKeys({ press: 'Enter' });
    const { detail, bubbles, composed } = await selected;
    expect(bubbles && composed).to.equal(true);
    expect(detail.employeeId).to.equal(ids[1]);
    expect(detail.member.employee.id).to.equal(ids[1]);
    await el.updateComplete;
    expect(active(el)?.closest('[role="row"]')?.getAttribute('aria-selected')).to.equal('true');
    const bySpace = oneEvent(el, 'asn-employee-selected');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    expect((await bySpace).detail.employeeId).to.equal(ids[2]);
    const byClick = oneEvent(el, 'asn-employee-selected');
    bodyRows(el)[5].click();
    expect((await byClick).detail.employeeId).to.equal(ids[5]);
    // A row focused by script (a portal's row.focus()) still chooses with Enter.
    const byRow = oneEvent(el, 'asn-employee-selected');
    bodyRows(el)[3].focus();
    await sendKeys({ press: 'Enter' });
    expect((await byRow).detail.employeeId).to.equal(ids[3]);
  });

  it('moves between the cells of a row with ArrowLeft/Right and Home/End; ArrowUp/Down keep the column', async () => {
    const el = await teamWith(teamMembers(20));
    const ids = el.visibleEmployeeIds;
    expect(shadow(el).querySelector('#grid-help')!.textContent).to.include('kiri dan kanan');
    // Tab from the search field lands on the grid's one tab stop (not on the first sort button).
    shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('role')).to.equal('gridcell');
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[0], '0']);
    await sendKeys({ press: 'ArrowRight' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[0], '1']);
    await sendKeys({ press: 'ArrowRight' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[0], '2']);
    await sendKeys({ press: 'ArrowDown' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '2']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '2']);
    await sendKeys({ press: 'ArrowLeft' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '1']);
    await sendKeys({ press: 'End' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '5']);
    await sendKeys({ press: 'ArrowRight' }); // the last cell: focus stays
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '5']);
    await sendKeys({ press: 'Home' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '0']);
    await sendKeys({ press: 'ArrowLeft' }); // the first cell: focus stays
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[1], '0']);
    // The tab stop follows the focus.
    expect(tabStops(el)).to.deep.equal([active(el)]);
    await expect(el).to.be.accessible();

    // Up from the first row reaches the column headers; Enter there sorts, Down comes back in the same column.
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)?.dataset.column).to.equal('name');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)?.dataset.column).to.equal('jp');
    expect(tabStops(el)).to.deep.equal([active(el)]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)!.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('ascending');
    const sorted = el.visibleEmployeeIds;
    await sendKeys({ press: 'ArrowDown' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([sorted[0], '2']);
    await expect(el).to.be.accessible();
  });

  it('windows 5,000 rows: only a few exist in the DOM, End reaches the last row and focus survives scrolling', async function () {
    this.timeout(30_000);
    const members = teamMembers(5000);
    const el = await teamWith(members);
    const grid = shadow(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('5001');
    expect(bodyRows(el).length).to.be.lessThan(60);
    expect(bodyRows(el).length).to.be.greaterThan(5);
    const ids = el.visibleEmployeeIds;
    tabStops(el)[0].focus();
    await ctrl('End');
    await waitUntil(() => activeRowId(el) === ids[4999], 'last row focused');
    expect(active(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('5001');
    expect(activeCol(el)).to.equal('5');
    expect(bodyRows(el).length).to.be.lessThan(60);
    // The last cell is visible inside the scroller (down and sideways).
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const sr = scroller.getBoundingClientRect();
    const rr = active(el)!.getBoundingClientRect();
    expect(rr.bottom).to.be.at.most(sr.bottom + 1);
    expect(rr.top).to.be.at.least(sr.top);
    expect(rr.right).to.be.at.most(sr.left + scroller.clientLeft + scroller.clientWidth + 1);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[4998], '4']);
    // Scroll away with the mouse wheel (scrollTop): the focused row stays in the DOM and the same cell keeps focus.
    scroller.scrollTop = 0;
    await waitUntil(() => bodyRows(el).some((r) => r.dataset.id === ids[0]), 'window moved to the top');
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[4998], '4']);
    expect(bodyRows(el).length).to.be.lessThan(62);
    // And back: the keys continue from that cell, in its column.
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => activeRowId(el) === ids[4999], 'next row focused');
    expect(activeCol(el)).to.equal('4');
    await ctrl('Home');
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[0], '0']);
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows empty, loading and offline states, accessibly', async () => {
    const empty = await teamWith([]);
    expect(text(empty)).to.include('Belum ada anggota tim');
    await expect(empty).to.be.accessible();

    const provider = await fixture(html`<asn-provider><asn-team-overview></asn-team-overview></asn-provider>`);
    const loading = provider.querySelector('asn-team-overview')!;
    await loading.updateComplete;
    expect(shadow(loading).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(loading)).to.include('Memuat data tim');
    await expect(loading).to.be.accessible();

    const el = await teamWith(teamMembers(5));
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="offline"]')!.textContent).to.include('luring');
    expect(bodyRows(el)).to.have.length(5);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
  });

  it('switches to English', async () => {
    const el = await teamWith(teamMembers(3));
    await setExplicitLocale('en');
    await el.updateComplete;
    expect(text(el)).to.include('My team 2026');
    expect(text(el)).to.include('Days since feedback');
    await setExplicitLocale(null);
    await el.updateComplete;
    expect(text(el)).to.include('Tim saya 2026');
  });
});

describe('asn-team-overview through a client', () => {
  it('loads every row in pages of 500 and subscribes to the team topic', async () => {
    const client = new TeamClient();
    client.members = teamMembers(1200);
    const el = await teamThrough(client);
    expect(client.listCalls.map((c) => c.query.limit)).to.deep.equal([500, 500, 500]);
    expect(el.visibleEmployeeIds).to.have.length(1200);
    await waitUntil(() => client.subscriptions.length === 1, 'subscribed');
    expect(client.subscriptions[0].topics).to.deep.equal(['team:emp_boss1']);
  });

  it('updates a row live without losing focus or scroll', async () => {
    const client = new TeamClient();
    client.members = teamMembers(200);
    const el = await teamThrough(client);
    await waitUntil(() => client.subscriptions.length === 1, 'subscribed');
    const ids = el.visibleEmployeeIds;
    tabStops(el)[0].focus();
    await el.focusRow(120, 'atRisk');
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const scrollTop = scroller.scrollTop;
    expect(scrollTop).to.be.greaterThan(0);
    const target = (client.members as TeamMember[]).find((m) => m.employee.id === ids[120])!;
    target.feedback.lastAt = new Date().toISOString();
    target.goals.atRisk = 7;
    client.subscriptions[0].handler({ type: 'feedback.created' });
    await waitUntil(() => bodyRows(el).find((r) => r.dataset.id === ids[120])?.textContent!.includes('7'), 'row updated');
    const row = bodyRows(el).find((r) => r.dataset.id === ids[120])!;
    const cells = row.querySelectorAll('[role="gridcell"]');
    expect(cells[4].textContent!.trim()).to.equal('7');
    expect(cells[5].textContent!.trim()).to.equal('0');
    expect([activeRowId(el), activeCol(el)]).to.deep.equal([ids[120], '4']);
    expect(scroller.scrollTop).to.equal(scrollTop);
  });

  it('shows an error with a working retry, accessibly', async () => {
    const client = new TeamClient();
    client.members = networkError();
    const el = await teamThrough(client);
    expect(text(el)).to.include('Server tidak dapat dihubungi');
    await expect(el).to.be.accessible();
    client.members = teamMembers(3);
    shadow(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => bodyRows(el).length === 3, 'rows after retry');
  });
});

describe('asn-team-overview against the sandbox API', () => {
  let url: string;
  before(async () => {
    url = await sandbox();
    await setExplicitLocale(null);
  });

  it("loads a supervisor's direct reports, accessibly", async () => {
    const session = await sandboxToken(url, { role: 'supervisor' });
    const provider = await fixture(html`<asn-provider base-url=${url} .token=${session.token}><asn-team-overview></asn-team-overview></asn-provider>`);
    const el = provider.querySelector('asn-team-overview')!;
    await waitUntil(() => bodyRows(el).length > 0, 'rows from the server', { timeout: 10_000 });
    await expect(el).to.be.accessible();
  });

  it('loads every employee of the city for an admin (scope="all")', async () => {
    const session = await sandboxToken(url, { role: 'admin' });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-team-overview scope="all"></asn-team-overview></asn-provider>`,
    );
    const el = provider.querySelector('asn-team-overview')!;
    await waitUntil(() => bodyRows(el).length > 0, 'rows from the server', { timeout: 10_000 });
    const users = await (await fetch(`${url}/v1/sandbox/users?limit=100`)).json();
    expect(el.visibleEmployeeIds.length).to.be.at.least(users.data.length);
  });

  it('shows the 403 error when an employee asks for scope="all", accessibly', async () => {
    const session = await sandboxToken(url, { role: 'employee' });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-team-overview scope="all"></asn-team-overview></asn-provider>`,
    );
    const el = provider.querySelector('asn-team-overview')!;
    await waitUntil(() => shadow(el).querySelector('.error'), 'error', { timeout: 10_000 });
    expect(text(el)).to.include('tidak memiliki akses');
    await expect(el).to.be.accessible();
    await aTimeout(0);
  });
});
