// <asn-team-overview>'s "recommend a program": the JP pace of the year, who gets the action (a report below pace,
// for their supervisor or an admin, this year), the dialog by keyboard, its errors, the event, English, and the
// dialog's code loaded only for such a viewer.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/team-overview/define.js';
import type { AsnTeamOverview } from '../../components/team-overview/team-overview.js';
import { elapsedShare, jpPace } from '../../components/team-overview/jp-pace.js';
import { currentYearInWit } from '../../components/i18n/format.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Me, Recommendation, TeamMember } from '../../src/contract/index.js';
import { FakeCoachingClient, teamCoachingClient, teamMembers } from '../../stories/fixtures.js';
import { catalogPrograms, supervisorRecommendation } from '../../stories/program-fixtures.js';
import { networkError } from './helpers.js';

performance.setResourceTimingBufferSize(100_000);
const dialogCodeRequests = () => performance.getEntriesByType('resource').filter((e) => /team-overview\/recommend-dialog\.(ts|js)/.test(e.name)).length;

const YEAR = currentYearInWit();
const shadow = (el: Element) => el.shadowRoot!;
const active = (el: AsnTeamOverview) => shadow(el).activeElement as HTMLElement | null;
const buttons = (el: AsnTeamOverview) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.recommend')];
const rowIdOf = (node: Element | null) => node?.closest<HTMLElement>('[role="row"]')?.dataset.id;
const dialog = (el: AsnTeamOverview) => shadow(el).querySelector<HTMLDialogElement>('dialog.recommend')!;
const select = (el: AsnTeamOverview) => shadow(el).querySelector<HTMLSelectElement>('#rec-program')!;
const note = (el: AsnTeamOverview) => shadow(el).querySelector<HTMLTextAreaElement>('#rec-note')!;
const liveRegion = (el: AsnTeamOverview) => shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent!.trim();
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Three reports this year: one with no JP (below pace), one at the 20 JP target, one just at the pace. */
function team(): { members: TeamMember[]; behind: TeamMember } {
  const [done, onPace, behind] = teamMembers(3, YEAR); // Yohana Kambu, Soekarno Hadi Wibowo, Agustina Rumbiak
  behind.jp = 0;
  done.jp = 20;
  onPace.jp = Math.min(20, Math.ceil(jpPace(20, YEAR)));
  return { members: [done, onPace, behind], behind };
}

async function teamThrough(client: FakeCoachingClient, attrs: { year?: number; scope?: string; supervisor?: string } = {}): Promise<AsnTeamOverview> {
  const provider = await fixture(
    html`<asn-provider .client=${client.asClient()}
      ><asn-team-overview year=${attrs.year ?? YEAR} scope=${attrs.scope ?? 'direct'} supervisor=${attrs.supervisor ?? 'me'}></asn-team-overview
    ></asn-provider>`,
  );
  const el = provider.querySelector('asn-team-overview')!;
  await waitUntil(() => shadow(el).querySelector('.body [role="row"]'), 'rows');
  await el.updateComplete;
  return el;
}

/** Opens the dialog from the focused recommend button (Enter) and waits for the open programs. */
async function openByKeyboard(el: AsnTeamOverview): Promise<void> {
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => dialog(el)?.open && select(el).options.length === catalogPrograms.length + 1, 'dialog open with the programs');
}

describe('the JP pace of the year', () => {
  it('is the target times the share of the WIT year passed', () => {
    // 1 July 00:00 WIT: 181 of 365 days.
    expect(jpPace(20, 2026, new Date('2026-07-01T00:00:00+09:00'))).to.be.closeTo((20 * 181) / 365, 1e-9);
    expect(jpPace(20, 2028, new Date('2028-07-01T00:00:00+09:00'))).to.be.closeTo((20 * 182) / 366, 1e-9); // leap year
    // The year starts and ends at midnight in Sorong, not in UTC.
    expect(elapsedShare(2026, new Date('2026-01-01T00:00:00+09:00'))).to.equal(0);
    expect(elapsedShare(2026, new Date('2025-12-31T15:00:00Z'))).to.equal(0);
    expect(elapsedShare(2026, new Date('2026-01-01T12:00:00+09:00'))).to.be.closeTo(0.5 / 365, 1e-9);
    expect(elapsedShare(2026, new Date('2026-12-31T23:59:59+09:00'))).to.be.closeTo(1, 1e-6);
    expect(jpPace(20, 2026, new Date('2027-03-01T00:00:00+09:00'))).to.equal(20); // a past year: the whole target
    expect(jpPace(20, 2027, new Date('2026-06-01T00:00:00+09:00'))).to.equal(0); // a year to come
  });
});

describe('asn-team-overview: recommend a program', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  // First in this file: the dialog's module must not be in the page's cache yet.
  it('loads the dialog code only for a viewer who may recommend to someone below pace, on idle, without a click', async () => {
    const { members } = team();
    const readOnly = await fixture<AsnTeamOverview>(html`<asn-team-overview year=${YEAR} .members=${members}></asn-team-overview>`);
    await readOnly.updateComplete;
    await aTimeout(400); // longer than the idle fallback
    expect(buttons(readOnly)).to.have.length(0); // fed by properties: no client to send with
    expect(dialogCodeRequests()).to.equal(0);

    const el = await teamThrough(teamCoachingClient(members));
    expect(buttons(el)).to.have.length(1);
    await waitUntil(() => dialogCodeRequests() > 0, 'the dialog code was not prefetched', { timeout: 5000 });
    expect(shadow(el).querySelector('dialog')).to.equal(null); // loaded, not opened
  });

  it('offers the action only for reports below the pace, to their supervisor or an admin, this year', async () => {
    const { members, behind } = team();
    const el = await teamThrough(teamCoachingClient(members));
    expect(buttons(el).map(rowIdOf)).to.deep.equal([behind.employee.id]);
    const button = buttons(el)[0];
    expect(button.closest('[role="gridcell"]')!.getAttribute('aria-colindex')).to.equal('3'); // in the JP cell
    expect(button.textContent!.trim()).to.equal('Rekomendasikan');
    expect(button.getAttribute('aria-label')).to.equal('Rekomendasikan program kepada Agustina Rumbiak');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    await expect(el).to.be.accessible();

    // Someone else's team (the server would refuse the list; here the rows come anyway): no action.
    const other = await teamThrough(teamCoachingClient(members, { id: 'emp_other1' as Me['id'] }), { supervisor: 'emp_boss1' });
    expect(buttons(other)).to.have.length(0);
    // An admin may recommend to anyone, also in scope=all.
    const admin = await teamThrough(teamCoachingClient(members, { id: 'emp_admin1' as Me['id'], role: 'admin' }), { scope: 'all' });
    expect(buttons(admin).map(rowIdOf)).to.deep.equal([behind.employee.id]);
    // A past year cannot be caught up any more.
    const past = await teamThrough(teamCoachingClient(members), { year: YEAR - 1 });
    expect(buttons(past)).to.have.length(0);
  });

  it('by keyboard: arrows reach the button, Enter opens, choose, write, send; Escape closes; focus returns', async () => {
    const { members, behind } = team();
    const client = teamCoachingClient(members);
    const recommendation = { ...supervisorRecommendation, employeeId: behind.employee.id, programId: catalogPrograms[0].id, note: 'Cocok untuk tugas Anda.' } as Recommendation;
    client.recommendationAnswer = recommendation;
    const el = await teamThrough(client);
    expect(el.visibleEmployeeIds[0]).to.equal(behind.employee.id); // sorted by name: Agustina first
    shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await sendKeys({ press: 'Tab' }); // the grid's one tab stop: the first row's name
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const button = buttons(el)[0];
    expect(active(el)).to.equal(button); // the cell's button takes the roving focus
    expect(button.tabIndex).to.equal(0);
    // Enter on the button opens the dialog; it does not choose the row.
    let selected = false;
    el.addEventListener('asn-employee-selected', () => (selected = true));
    await openByKeyboard(el);
    expect(selected).to.equal(false);
    expect(active(el)).to.equal(select(el));
    expect(squash(shadow(el).querySelector('#rec-title')!.textContent)).to.equal('Rekomendasikan program');
    expect(squash(shadow(el).querySelector('.dialog-subtitle')!.textContent)).to.equal('Untuk Agustina Rumbiak: 0 dari 20 JP tahun ini.');
    expect(squash(select(el).options[1].textContent)).to.equal('Pelatihan Layanan Publik Digital · 21 JP · 10 Nov 2025');
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();

    // Escape closes it and gives focus back to the button.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'closed by Escape');
    expect(active(el)).to.equal(button);
    expect(client.programCalls.filter((c) => c.method === 'recommendations.create')).to.have.length(0);

    // Again: choose the first program, write a note, send.
    await openByKeyboard(el);
    expect(client.programCalls.find((c) => c.method === 'programs.list')!.args[0]).to.deep.equal({ status: 'open', limit: 100 });
    await sendKeys({ press: 'ArrowDown' });
    expect(select(el).value).to.equal(catalogPrograms[0].id);
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(note(el));
    await sendKeys({ type: 'Cocok untuk tugas Anda.' });
    await el.updateComplete;
    expect(squash(shadow(el).querySelector('[part="counter"]')!.textContent)).to.equal('23 dari 500 karakter');
    expect(note(el).getAttribute('aria-describedby')).to.equal('rec-note-count');
    await sendKeys({ press: 'Tab' }); // Batal
    await sendKeys({ press: 'Tab' }); // Rekomendasikan
    expect(squash(active(el)?.textContent)).to.equal('Rekomendasikan');
    const fired = oneEvent(el, 'asn-program-recommended');
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.recommendation).to.deep.equal(recommendation);
    expect(event.detail.member.employee.id).to.equal(behind.employee.id);
    const sent = client.programCalls.filter((c) => c.method === 'recommendations.create');
    expect(sent.map((c) => c.args)).to.deep.equal([[behind.employee.id, { programId: catalogPrograms[0].id, note: 'Cocok untuk tugas Anda.' }]]);
    await waitUntil(() => !dialog(el).open, 'closed after sending');
    expect(active(el)).to.equal(button);
    await waitUntil(() => liveRegion(el) === 'Program direkomendasikan kepada Agustina Rumbiak.', 'announced');
    expect(selected).to.equal(false);
  });

  it('asks for a program and a note of at most 500 characters, before sending anything', async () => {
    const { members } = team();
    const client = teamCoachingClient(members);
    const el = await teamThrough(client);
    buttons(el)[0].focus();
    await openByKeyboard(el);
    const submit = shadow(el).querySelector<HTMLButtonElement>('dialog [part="submit"]')!;
    submit.click();
    await waitUntil(() => shadow(el).querySelector('#rec-program-error'), 'program error');
    expect(squash(shadow(el).querySelector('#rec-program-error')!.textContent)).to.equal('Pilih program yang ingin direkomendasikan.');
    expect(select(el).getAttribute('aria-invalid')).to.equal('true');
    expect(select(el).getAttribute('aria-describedby')).to.equal('rec-program-error');
    expect(active(el)).to.equal(select(el));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    note(el).value = 'a'.repeat(501);
    note(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="counter"]')!.classList.contains('over')).to.equal(true);
    submit.click();
    await waitUntil(() => shadow(el).querySelector('#rec-note-error'), 'note error');
    expect(squash(shadow(el).querySelector('#rec-note-error')!.textContent)).to.equal('Catatan paling banyak 500 karakter.');
    expect(active(el)).to.equal(note(el));
    expect(shadow(el).querySelector('#rec-program-error')).to.equal(null);
    expect(client.programCalls.filter((c) => c.method === 'recommendations.create')).to.have.length(0);
  });

  it('keeps the input on an error and says clearly when the program was already recommended (409)', async () => {
    const { members } = team();
    const client = teamCoachingClient(members);
    client.recommendationAnswer = networkError();
    const el = await teamThrough(client);
    buttons(el)[0].focus();
    await openByKeyboard(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' }); // the second program
    note(el).focus();
    await sendKeys({ type: 'Mohon diikuti.' });
    const submit = shadow(el).querySelector<HTMLButtonElement>('dialog [part="submit"]')!;
    submit.click();
    const alert = () => squash(shadow(el).querySelector('dialog [role="alert"]')?.textContent);
    await waitUntil(() => alert().includes('Server tidak dapat dihubungi'), 'network error shown');
    expect(dialog(el).open).to.equal(true);
    expect([select(el).value, note(el).value]).to.deep.equal([catalogPrograms[1].id, 'Mohon diikuti.']);

    client.recommendationAnswer = Object.assign(new Error('Conflict'), { name: 'ConflictError', status: 409 });
    submit.click();
    await waitUntil(() => alert().includes('sudah direkomendasikan'), '409 shown');
    expect(alert()).to.equal('Program ini sudah direkomendasikan kepada Agustina Rumbiak. Pilih program lain.');
    expect(dialog(el).open).to.equal(true);
    expect([select(el).value, note(el).value]).to.deep.equal([catalogPrograms[1].id, 'Mohon diikuti.']);
    await expect(el).to.be.accessible();
    expect(client.programCalls.filter((c) => c.method === 'recommendations.create')).to.have.length(2);
  });

  it('speaks English', async () => {
    const { members, behind } = team();
    const client = teamCoachingClient(members);
    client.recommendationAnswer = { ...supervisorRecommendation, employeeId: behind.employee.id } as Recommendation;
    const el = await teamThrough(client);
    await setExplicitLocale('en');
    try {
      await el.updateComplete;
      const button = buttons(el)[0];
      expect(button.textContent!.trim()).to.equal('Recommend');
      expect(button.getAttribute('aria-label')).to.equal('Recommend a program to Agustina Rumbiak');
      button.focus();
      await openByKeyboard(el);
      expect(squash(shadow(el).querySelector('#rec-title')!.textContent)).to.equal('Recommend a program');
      expect(squash(shadow(el).querySelector('.dialog-subtitle')!.textContent)).to.equal('For Agustina Rumbiak: 0 of 20 JP this year.');
      expect(squash(select(el).options[0].textContent)).to.equal('Choose a program');
      expect(squash(select(el).options[1].textContent)).to.equal('Pelatihan Layanan Publik Digital · 21 JP · Nov 10, 2025');
      expect(squash(shadow(el).querySelector('[part="counter"]')!.textContent)).to.equal('0 of 500 characters');
      await sendKeys({ press: 'ArrowDown' });
      shadow(el).querySelector<HTMLButtonElement>('dialog [part="submit"]')!.click();
      await waitUntil(() => liveRegion(el) === 'Program recommended to Agustina Rumbiak.', 'announced in English');
    } finally {
      await setExplicitLocale(null);
    }
  });
});
