import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../components/provider/define.js';
import '../../components/program-catalog/define.js';
import type { AsnProgramCatalog } from '../../components/program-catalog/program-catalog.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Enrollment, Program } from '../../src/contract/index.js';
import { FakeCoachingClient, queuedError } from '../../stories/fixtures.js';
import {
  afterCancelDeadline,
  catalogNow,
  catalogPrograms,
  hostileProgram,
  makeProgram,
  myEnrollments,
  registeredEnrollment,
  waitlistedEnrollment,
} from '../../stories/program-fixtures.js';
import { networkError, text } from './helpers.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const card = (el: Element, id: string) => $(el, `#p-${id}`)!;
const cardText = (el: Element, id: string) => squash(card(el, id).textContent);
const conflict = (detail: string) => Object.assign(new Error(detail), { name: 'ConflictError', status: 409, problem: { status: 409, title: 'Conflict', detail } });

/** Waits until actions.ts (enrol, cancel, "Program saya") has loaded: the dialog is in the shadow root then. */
const actionsLoaded = (el: Element) => waitUntil(() => $(el, 'dialog'), 'actions.ts did not load', { timeout: 5000 });

async function catalogWith(programs: Program[] = catalogPrograms, options: { enrollments?: Enrollment[]; now?: string } = {}): Promise<AsnProgramCatalog> {
  const el = await fixture<AsnProgramCatalog>(
    html`<asn-program-catalog .programs=${programs} .enrollments=${options.enrollments ?? myEnrollments} .now=${options.now ?? catalogNow}></asn-program-catalog>`,
  );
  await el.updateComplete;
  return el;
}

async function catalogThrough(client: FakeCoachingClient, attrs = ''): Promise<AsnProgramCatalog> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
  provider.innerHTML = `<asn-program-catalog ${attrs}></asn-program-catalog>`;
  const el = provider.querySelector('asn-program-catalog')!;
  el.now = catalogNow;
  await waitUntil(() => $(el, '#panel-catalog li.card, .empty, .error'), 'catalog rendered');
  return el;
}

const listCalls = (c: FakeCoachingClient) => c.programCalls.filter((x) => x.method === 'programs.list');

describe('asn-program-catalog from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });
  afterEach(async () => {
    await setExplicitLocale(null); // a failed English test leaves no English behind
  });

  it('shows each program as a card: type, competency, sessions in WIT, place, JP, seats and partner', async () => {
    const el = await catalogWith();
    const list = $(el, 'ul[part="list"]')!;
    expect(list.querySelectorAll(':scope > li.card')).to.have.length(4);
    expect($$(el, '#panel-catalog li.card h3').map((h) => h.textContent)).to.deep.equal(catalogPrograms.map((p) => p.title));
    const digital = cardText(el, 'prg_digital1');
    for (const s of ['Pelatihan', 'Teknis', 'Sesi 1: 10 Nov 2025, 08.00–16.00 WIT', 'Sesi 2: 11 Nov 2025, 08.00–16.00 WIT', 'Aula BKPSDM Kota Sorong', '21 JP', '18 kursi tersisa', 'PT Papua Digital Nusantara']) {
      expect(digital).to.include(s);
    }
    expect(card(el, 'prg_digital1').querySelector('time')!.getAttribute('datetime')).to.equal('2025-11-10T08:00:00+09:00');
    const siber = cardText(el, 'prg_siber1');
    expect(siber).to.include('E-learning');
    expect(siber).to.include('17 Nov 2025, 09.00–12.00 WIT');
    expect(siber).to.include('Daring');
    expect(siber).to.include('3 kursi tersisa');
    expect(siber).to.include('4 JP');
    expect(card(el, 'prg_siber1').querySelector('a')!.getAttribute('href')).to.equal('https://belajar.sorongkota.go.id/siber');
    expect(cardText(el, 'prg_komunikasi1')).to.include('Penuh — daftar tunggu (3 orang dalam daftar tunggu)');
    expect(cardText(el, 'prg_komunikasi1')).to.include('Manajerial');
    expect(cardText(el, 'prg_berakhlak1')).to.include('Sosial kultural');
    expect($$(el, '[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('follows the dark colour scheme through the tokens, accessibly (contrast included)', async () => {
    const wrapper = await fixture(
      html`<div style="color-scheme: dark"><asn-program-catalog .programs=${catalogPrograms} .enrollments=${myEnrollments} .now=${catalogNow}></asn-program-catalog></div>`,
    );
    const el = wrapper.querySelector('asn-program-catalog')!;
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part="base"]')!).backgroundColor).to.equal('rgb(23, 32, 43)'); // --asn-color-surface-dark default
    await expect(el).to.be.accessible();
  });

  it('counts seats in the singular and the plural, in both languages', async () => {
    const one = makeProgram({ id: 'prg_one1', enrolled: 29 });
    const two = makeProgram({ id: 'prg_two1', enrolled: 28 });
    const el = await catalogWith([one, two]);
    expect(cardText(el, 'prg_one1')).to.include('1 kursi tersisa');
    expect(cardText(el, 'prg_two1')).to.include('2 kursi tersisa');
    await setExplicitLocale('en');
    await el.updateComplete;
    expect(cardText(el, 'prg_one1')).to.include('1 seat left');
    expect(cardText(el, 'prg_two1')).to.include('2 seats left');
    await setExplicitLocale(null);
  });

  it('marks programs the supervisor recommended, with their name and note (not by colour alone)', async () => {
    const el = await catalogWith();
    const siber = card(el, 'prg_siber1');
    expect(siber.closest('li')!.getAttribute('part')).to.include('card-recommended');
    expect(squash(siber.textContent)).to.include('Direkomendasikan atasan');
    expect(squash(siber.querySelector('[part="recommendation"]')!.textContent)).to.equal(
      'Direkomendasikan oleh Markus Rumbiak: Cocok untuk tugas pengelolaan data layanan di bidang kita.',
    );
    expect(cardText(el, 'prg_digital1')).not.to.include('Direkomendasikan');
  });

  it('offers "Daftar", "Masuk daftar tunggu" when full, and cancelling with the deadline for an enrolled program', async () => {
    const el = await catalogWith();
    expect(squash(card(el, 'prg_digital1').querySelector('[part="enrol-button"]')!.textContent)).to.equal('Daftar');
    expect(cardText(el, 'prg_digital1')).to.include('Batas pendaftaran: 7 Nov 2025, 16.00 WIT');
    expect(squash(card(el, 'prg_komunikasi1').querySelector('[part="enrol-button"]')!.textContent)).to.equal('Masuk daftar tunggu');
    const mine = card(el, 'prg_berakhlak1');
    expect(mine.querySelector('[part="enrol-button"]')).to.equal(null);
    expect(squash(mine.querySelector('.badge.registered')!.textContent)).to.equal('Terdaftar');
    const cancel = mine.querySelector<HTMLButtonElement>('[part="cancel-button"]')!;
    expect(squash(cancel.textContent)).to.equal('Batalkan pendaftaran');
    expect(cancel.getAttribute('aria-disabled')).to.equal('false');
    expect(squash(mine.textContent)).to.include('Batas pembatalan: 7 Nov 2025, 16.00 WIT');
    // The cancel button is described by the program and the deadline (several on a page share the same name).
    const described = cancel.getAttribute('aria-describedby')!.split(' ').map((id) => squash($(el, `#${id}`)!.textContent));
    expect(described).to.deep.equal(['Orientasi Nilai Dasar BerAKHLAK', 'Batas pembatalan: 7 Nov 2025, 16.00 WIT']);
  });

  it('disables cancelling after the deadline and says so; enrolment is closed then', async () => {
    const el = await catalogWith(catalogPrograms, { now: afterCancelDeadline });
    const cancel = card(el, 'prg_berakhlak1').querySelector<HTMLButtonElement>('[part="cancel-button"]')!;
    expect(cancel.getAttribute('aria-disabled')).to.equal('true');
    expect(cardText(el, 'prg_berakhlak1')).to.include('Batas pembatalan sudah lewat (7 Nov 2025, 16.00 WIT).');
    cancel.click();
    await aTimeout(50);
    expect($<HTMLDialogElement>(el, 'dialog')?.open ?? false).to.equal(false);
    expect(card(el, 'prg_digital1').querySelector('[part="enrol-button"]')).to.equal(null);
    expect(cardText(el, 'prg_digital1')).to.include('Pendaftaran sudah ditutup');
  });

  it('renders a hostile title and description as text: no element is created, nothing runs', async () => {
    delete (window as { __pwned?: unknown }).__pwned;
    const el = await catalogWith([hostileProgram]);
    await aTimeout(100);
    const title = $(el, '#panel-catalog li.card h3')!;
    expect(title.textContent).to.equal(hostileProgram.title);
    expect(title.children).to.have.length(0);
    expect($(el, '[part="description"]')!.textContent).to.equal(hostileProgram.description);
    expect($$(el, 'img, b, script')).to.have.length(0);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
  });

  it('filters by keyboard (type, competency, month, search) and announces how many were found', async () => {
    const el = await catalogWith();
    $<HTMLSelectElement>(el, '#f-type')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // Semua jenis → Pelatihan
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#f-type')!.value).to.equal('training');
    expect($$(el, '#panel-catalog li.card h3').map((h) => h.textContent)).to.deep.equal(['Pelatihan Layanan Publik Digital']);
    await waitUntil(() => squash($(el, '[role="status"][aria-live="polite"]')!.textContent) === '1 program ditemukan', 'count not announced');
    await sendKeys({ press: 'ArrowUp' }); // back to every type
    await el.updateComplete;
    expect($$(el, '#panel-catalog li.card')).to.have.length(4);

    $<HTMLInputElement>(el, '#f-q')!.focus();
    await sendKeys({ type: 'siber' });
    await waitUntil(() => $$(el, '#panel-catalog li.card').length === 1, 'the search did not apply');
    expect($(el, '#panel-catalog li.card h3')!.textContent).to.equal('E-learning Kebersihan Siber untuk ASN');
    await waitUntil(() => squash($(el, '[role="status"][aria-live="polite"]')!.textContent) === '1 program ditemukan');

    // Nothing matches: the empty state, with a way back.
    await sendKeys({ type: 'xyz' });
    await waitUntil(() => text(el).includes('Belum ada program yang sesuai'));
    await expect(el).to.be.accessible();
    const clear = $$(el, 'button').find((b) => squash(b.textContent) === 'Hapus filter' && b.closest('.empty-action'))!;
    clear.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($$(el, '#panel-catalog li.card')).to.have.length(4);
    expect(active(el)?.id).to.equal('f-q');
    expect($<HTMLInputElement>(el, '#f-q')!.value).to.equal('');
  });

  it('presets the filters from the type and competency attributes', async () => {
    const el = await fixture<AsnProgramCatalog>(
      html`<asn-program-catalog type="workshop" competency="managerial" .programs=${catalogPrograms} .enrollments=${myEnrollments} .now=${catalogNow}></asn-program-catalog>`,
    );
    expect($<HTMLSelectElement>(el, '#f-type')!.value).to.equal('workshop');
    expect($<HTMLSelectElement>(el, '#f-competency')!.value).to.equal('managerial');
    expect($$(el, '#panel-catalog li.card h3').map((h) => h.textContent)).to.deep.equal(['Workshop Komunikasi Publik dan Kerja Sama Tim']);
  });

  it('shows an empty state, accessibly', async () => {
    const el = await catalogWith([]);
    expect(text(el)).to.include('Belum ada program yang sesuai');
    await expect(el).to.be.accessible();
  });

  it('shows a loading skeleton while the provider has no credentials, accessibly', async () => {
    const provider = await fixture(html`<asn-provider><asn-program-catalog></asn-program-catalog></asn-provider>`);
    const el = provider.querySelector('asn-program-catalog')!;
    await el.updateComplete;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.include('Memuat program');
    await expect(el).to.be.accessible();
  });

  it('keeps the programs with an offline notice, accessibly', async () => {
    const el = await catalogWith();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')!.textContent).to.include('luring');
    expect($$(el, '#panel-catalog li.card')).to.have.length(4);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')).to.equal(null);
  });

  it('switches to "Program saya" by keyboard (ARIA tabs) and lists enrolments with status and certificate', async () => {
    const el = await catalogWith();
    const tabs = $$(el, '[role="tab"]');
    expect(tabs.map((t) => [squash(t.textContent), t.getAttribute('aria-selected'), t.tabIndex])).to.deep.equal([
      ['Katalog', 'true', 0],
      ['Program saya', 'false', -1],
    ]);
    tabs[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => $(el, '#panel-mine li.enrollment'), '"Program saya" did not render');
    expect(el.view).to.equal('mine');
    expect(active(el)?.id).to.equal('tab-mine');
    expect($(el, '#panel-catalog')!.hidden).to.equal(true);
    const rows = $$(el, '#panel-mine li.enrollment').map((li) => squash(li.textContent));
    expect(rows[0]).to.include('Orientasi Nilai Dasar BerAKHLAK');
    expect(rows[0]).to.include('Terdaftar');
    expect(rows[1]).to.include('Daftar tunggu ke-4');
    expect(rows[2]).to.include('Selesai');
    expect(rows[2]).to.include('24 JP');
    expect(rows[2]).to.include('No. sertifikat SRT-2025-7KQ4M9XD2P');
    const link = $<HTMLAnchorElement>(el, '#panel-mine a[part="certificate"]')!;
    expect(link.getAttribute('href')).to.equal('https://asn.sorongkota.go.id/v1/certificates/SRT-2025-7KQ4M9XD2P');
    expect(link.getAttribute('rel')).to.include('noopener');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.view).to.equal('catalog');
    expect(active(el)?.id).to.equal('tab-catalog');
  });

  it('switches to English', async () => {
    const el = await catalogWith();
    await setExplicitLocale('en');
    await el.updateComplete;
    const digital = cardText(el, 'prg_digital1');
    expect(digital).to.include('Training');
    expect(digital).to.include('Technical');
    expect(digital).to.include('Nov 10, 2025, 08:00–16:00 WIT');
    expect(digital).to.include('18 seats left');
    expect(digital).to.include('21 JP');
    expect(squash(card(el, 'prg_digital1').querySelector('[part="enrol-button"]')!.textContent)).to.equal('Enrol');
    expect(squash(card(el, 'prg_komunikasi1').querySelector('[part="enrol-button"]')!.textContent)).to.equal('Join the waitlist');
    expect(cardText(el, 'prg_komunikasi1')).to.include('Full — waitlist');
    expect(cardText(el, 'prg_siber1')).to.include('Recommended by your supervisor');
    expect(cardText(el, 'prg_berakhlak1')).to.include('Cancellation deadline: Nov 7, 2025, 16:00 WIT');
    expect(text(el)).not.to.match(/\b[AP]M\b/);
    await expect(el).to.be.accessible();
    await setExplicitLocale(null);
    await el.updateComplete;
    expect(cardText(el, 'prg_digital1')).to.include('18 kursi tersisa');
  });
});

describe('asn-program-catalog through a client', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('loads the catalog with the viewer\'s state, on the `programs` topic and then the employee\'s', async () => {
    const client = new FakeCoachingClient();
    const el = await catalogThrough(client);
    expect(listCalls(client)[0].args[0]).to.deep.equal({ for: 'me', limit: 30 });
    expect($$(el, '#panel-catalog li.card')).to.have.length(4);
    await actionsLoaded(el);
    await waitUntil(() => client.subscriptions.some((t) => t.includes('employee:emp_owner1')), 'no employee topic');
    expect(client.subscriptions.flat()).to.include('programs');
    await expect(el).to.be.accessible();
  });

  it('sends the filters to the server query, by keyboard, the search after a pause', async () => {
    const client = new FakeCoachingClient();
    const el = await catalogThrough(client);
    const type = $<HTMLSelectElement>(el, '#f-type')!;
    type.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => listCalls(client).length === 2, 'no request for the type');
    expect(listCalls(client)[1].args[0]).to.deep.equal({ for: 'me', type: 'training', limit: 30 });
    $<HTMLSelectElement>(el, '#f-competency')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => listCalls(client).length === 3);
    $<HTMLSelectElement>(el, '#f-month')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // the first month offered: the current one (Oct 2025)
    await waitUntil(() => listCalls(client).length === 4);
    expect(listCalls(client)[3].args[0]).to.deep.equal({ for: 'me', type: 'training', competency: 'technical', month: '2025-10', limit: 30 });
    $<HTMLInputElement>(el, '#f-q')!.focus();
    await sendKeys({ type: 'data' });
    await waitUntil(() => listCalls(client).length === 5, 'the search was not sent');
    expect(listCalls(client)).to.have.length(5); // one request for the whole word, not one per letter
    expect(listCalls(client)[4].args[0]).to.deep.include({ q: 'data' });
    await waitUntil(() => /program ditemukan/.test(squash($(el, '[role="status"][aria-live="polite"]')!.textContent)), 'not announced');
  });

  it('enrols: one request, the result beside the card, the event with the enrolment, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.createEnrollmentAnswer = registeredEnrollment;
    const el = await catalogThrough(client);
    const button = card(el, 'prg_digital1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!;
    const created = oneEvent(el, 'asn-enrollment-created');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' }); // pressed twice while sending: still one enrolment
    const { detail, bubbles, composed } = await created;
    expect(bubbles && composed).to.equal(true);
    expect(detail).to.deep.equal({ queued: false, enrollment: registeredEnrollment });
    await aTimeout(50);
    expect(client.programCalls.filter((c) => c.method === 'enrollments.create').map((c) => c.args)).to.deep.equal([['prg_digital1']]);
    await el.updateComplete;
    const result = card(el, 'prg_digital1').querySelector('[part="result"]')!;
    expect(squash(result.textContent)).to.equal('Terdaftar. Kursi Anda sudah tercatat.');
    expect(active(el)?.outerHTML.slice(0, 80)).to.equal(result.outerHTML.slice(0, 80)); // focus stays on the card, not on <body>
    expect(squash(card(el, 'prg_digital1').querySelector('.badge.registered')!.textContent)).to.equal('Terdaftar');
    expect(cardText(el, 'prg_digital1')).to.include('17 kursi tersisa');
    expect(card(el, 'prg_digital1').querySelector('[part="cancel-button"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('joins the waitlist of a full program and says the position', async () => {
    const client = new FakeCoachingClient();
    client.createEnrollmentAnswer = waitlistedEnrollment;
    const el = await catalogThrough(client);
    const button = card(el, 'prg_komunikasi1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!;
    expect(squash(button.textContent)).to.equal('Masuk daftar tunggu');
    button.click();
    await waitUntil(() => card(el, 'prg_komunikasi1').querySelector('[part="result"]'), 'no result');
    expect(squash(card(el, 'prg_komunikasi1').querySelector('[part="result"]')!.textContent)).to.equal('Daftar tunggu, urutan ke-4');
    expect(cardText(el, 'prg_komunikasi1')).to.include('Daftar tunggu ke-4');
    expect(cardText(el, 'prg_komunikasi1')).to.include('(4 orang dalam daftar tunggu)');
  });

  it('shows a refused enrolment (409, already enrolled) beside the card in Indonesian, and keeps the card', async () => {
    const client = new FakeCoachingClient();
    client.createEnrollmentAnswer = conflict('This employee already has an active enrolment in this program: enr_old1 (registered)');
    const el = await catalogThrough(client);
    card(el, 'prg_digital1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!.click();
    await waitUntil(() => card(el, 'prg_digital1').querySelector('[part="error"]'), 'no error');
    const error = card(el, 'prg_digital1').querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(squash(error.textContent)).to.equal('Anda sudah terdaftar di program ini, mungkin dari jendela atau perangkat lain.');
    expect(squash(error.textContent)).not.to.include('active enrolment');
    expect(card(el, 'prg_digital1').querySelector('[part="enrol-button"]')).to.not.equal(null);
    // The enrolment window closed meanwhile: said so too.
    client.createEnrollmentAnswer = conflict('Enrolment closed at 7 Nov 2025 16.00 WIT (enrollUntil 2025-11-07T07:00:00Z)');
    card(el, 'prg_siber1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!.click();
    await waitUntil(() => card(el, 'prg_siber1').querySelector('[part="error"]'));
    expect(squash(card(el, 'prg_siber1').querySelector('[part="error"]')!.textContent)).to.equal('Pendaftaran program ini sudah ditutup.');
    await expect(el).to.be.accessible();
  });

  it('cancels after a confirmation in a dialog: Escape keeps it and returns focus, "Ya, batalkan" cancels', async () => {
    const client = new FakeCoachingClient();
    const cancelled = { ...myEnrollments[0], status: 'cancelled' as const, cancelledAt: '2025-10-20T10:00:00+09:00' };
    client.cancelEnrollmentAnswer = cancelled;
    const el = await catalogThrough(client);
    await actionsLoaded(el);
    const cancel = card(el, 'prg_berakhlak1').querySelector<HTMLButtonElement>('[part="cancel-button"]')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'the dialog did not open');
    expect(squash(dialog.textContent)).to.include('Batalkan pendaftaran?');
    expect(squash(dialog.textContent)).to.include('“Orientasi Nilai Dasar BerAKHLAK”');
    expect(squash(dialog.textContent)).to.include('Batas pembatalan: 7 Nov 2025, 16.00 WIT');
    expect(squash(active(el)?.textContent)).to.equal('Tidak, tetap terdaftar'); // the safe choice first
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    expect(active(el)?.outerHTML.slice(0, 80)).to.equal(cancel.outerHTML.slice(0, 80));
    expect(client.programCalls.some((c) => c.method === 'enrollments.cancel')).to.equal(false);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open);
    const event = oneEvent(el, 'asn-enrollment-cancelled');
    await sendKeys({ press: 'Tab' });
    expect(squash(active(el)?.textContent)).to.equal('Ya, batalkan');
    await sendKeys({ press: 'Enter' });
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail).to.deep.equal({ queued: false, enrollment: cancelled });
    expect(client.programCalls.filter((c) => c.method === 'enrollments.cancel').map((c) => c.args)).to.deep.equal([['enr_mine1']]);
    await waitUntil(() => !dialog.open);
    const result = card(el, 'prg_berakhlak1').querySelector('[part="result"]')!;
    expect(squash(result.textContent)).to.equal('Pendaftaran dibatalkan.');
    expect(active(el)?.outerHTML.slice(0, 80)).to.equal(result.outerHTML.slice(0, 80)); // the cancel button is gone: focus lands on what happened
    expect(card(el, 'prg_berakhlak1').querySelector('[part="enrol-button"]')).to.not.equal(null);
    expect(cardText(el, 'prg_berakhlak1')).to.include('40 kursi tersisa');
  });

  it('enrols offline: "Menunggu dikirim" on the program, the queued event, and the result once the outbox sent it', async () => {
    const client = new FakeCoachingClient();
    client.createEnrollmentAnswer = queuedError('obx_enr1');
    const el = await catalogThrough(client);
    await actionsLoaded(el);
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')!.textContent).to.include('luring');
    const created = oneEvent(el, 'asn-enrollment-created');
    card(el, 'prg_digital1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!.click();
    const { detail } = await created;
    expect(detail).to.deep.equal({ queued: true, entryId: 'obx_enr1', programId: 'prg_digital1' });
    await el.updateComplete;
    expect(squash(card(el, 'prg_digital1').querySelector('.badge.waiting')!.textContent)).to.equal('Menunggu dikirim');
    expect(card(el, 'prg_digital1').querySelector('[part="enrol-button"]')).to.equal(null); // cannot be sent twice
    expect(cardText(el, 'prg_digital1')).to.include('dikirim otomatis, satu kali, saat koneksi kembali');
    await expect(el).to.be.accessible();

    // Back online: the outbox sends it (once) and says so.
    window.dispatchEvent(new Event('online'));
    client.emitOutbox({ type: 'sent', entry: { id: 'obx_enr1', route: 'createEnrollment', params: { id: 'prg_digital1' }, body: {} }, result: registeredEnrollment });
    await el.updateComplete;
    expect(card(el, 'prg_digital1').querySelector('.badge.waiting')).to.equal(null);
    expect(squash(card(el, 'prg_digital1').querySelector('[part="result"]')!.textContent)).to.equal('Terdaftar. Kursi Anda sudah tercatat.');
    expect(squash(card(el, 'prg_digital1').querySelector('.badge.registered')!.textContent)).to.equal('Terdaftar');
    expect(client.programCalls.filter((c) => c.method === 'enrollments.create')).to.have.length(1);
  });

  it('an offline enrolment the server refuses later is said beside its card', async () => {
    const client = new FakeCoachingClient();
    client.createEnrollmentAnswer = queuedError('obx_enr2');
    const el = await catalogThrough(client);
    card(el, 'prg_siber1').querySelector<HTMLButtonElement>('[part="enrol-button"]')!.click();
    await waitUntil(() => card(el, 'prg_siber1').querySelector('.badge.waiting'));
    client.emitOutbox({
      type: 'failed',
      entry: { id: 'obx_enr2', route: 'createEnrollment', params: { id: 'prg_siber1' }, body: {} },
      error: conflict('Enrolment closed at …'),
      problem: { status: 409, title: 'Conflict', detail: 'Enrolment closed at …' },
    });
    await el.updateComplete;
    expect(squash(card(el, 'prg_siber1').querySelector('[part="error"]')!.textContent)).to.equal('Pendaftaran program ini sudah ditutup.');
    expect(card(el, 'prg_siber1').querySelector('[part="enrol-button"]')).to.not.equal(null);
  });

  it('updates seats live: an invalidation of `programs:*` refetches and shows the new count', async () => {
    const client = new FakeCoachingClient();
    const el = await catalogThrough(client);
    expect(cardText(el, 'prg_siber1')).to.include('3 kursi tersisa');
    client.programsAnswer = catalogPrograms.map((p) => (p.id === 'prg_siber1' ? { ...p, enrolled: 100, waitlisted: 1 } : p));
    client.invalidate(['programs:*']);
    await waitUntil(() => cardText(el, 'prg_siber1').includes('Penuh — daftar tunggu'), 'seats did not update');
    expect(listCalls(client)).to.have.length(2);
    expect(listCalls(client)[1].args[1]).to.deep.include({ fresh: true });
    expect(squash(card(el, 'prg_siber1').querySelector('[part="enrol-button"]')!.textContent)).to.equal('Masuk daftar tunggu');
    // Another widget's tags leave it alone.
    client.invalidate(['feedback:me']);
    await aTimeout(100);
    expect(listCalls(client)).to.have.length(2);
  });

  it('shows an error with Retry when the catalog cannot load, accessibly; Retry loads it', async () => {
    const client = new FakeCoachingClient();
    client.programsAnswer = networkError();
    const el = await catalogThrough(client);
    expect(text(el)).to.include('Program tidak dapat dimuat');
    expect(text(el)).to.include('Periksa koneksi Anda');
    await expect(el).to.be.accessible();
    client.programsAnswer = catalogPrograms;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => $$(el, '#panel-catalog li.card').length === 4, 'retry did not load');
    await waitUntil(() => active(el)?.id === 'title', 'focus did not move to the heading');
  });

  it('lists "Program saya" through the client, with the employee\'s enrolments, accessibly', async () => {
    const client = new FakeCoachingClient();
    const el = await catalogThrough(client, 'view="mine"');
    await waitUntil(() => $$(el, '#panel-mine li.enrollment').length === 3, '"Program saya" did not load');
    expect(client.programCalls.find((c) => c.method === 'enrollments.list')!.args.slice(0, 2)).to.deep.equal(['me', { limit: 100 }]);
    await expect(el).to.be.accessible();
    // Cancel from the list, confirmed in the same dialog.
    client.cancelEnrollmentAnswer = { ...myEnrollments[0], status: 'cancelled', cancelledAt: '2025-10-20T10:00:00+09:00' };
    $<HTMLButtonElement>(el, '#e-enr_mine1 [part="cancel-button"]')!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open);
    $<HTMLButtonElement>(el, 'dialog [part="confirm-button"]')!.click();
    await waitUntil(() => squash($(el, '#e-enr_mine1')!.textContent).includes('Dibatalkan'), 'the row did not change');
    expect(squash($(el, '#e-enr_mine1 [part="result"]')!.textContent)).to.equal('Pendaftaran dibatalkan.');
    expect($(el, '#e-enr_mine1 [part="cancel-button"]')).to.equal(null);
  });

  it('downloads the sessions as an .ics file through a Blob URL and <a download>', async () => {
    const client = new FakeCoachingClient();
    const el = await catalogThrough(client);
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const { createObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    };
    try {
      card(el, 'prg_digital1').querySelector<HTMLButtonElement>('[part="calendar-button"]')!.click();
      await waitUntil(() => downloads.length === 1, 'no download');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads[0]).to.equal('pelatihan-layanan-publik-digital.ics blob:test');
    expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await blobs[0].text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().getTime())).to.deep.equal(catalogPrograms[0].sessions.map((s) => Date.parse(s.startsAt)));
    expect($$(el, 'a[download]')).to.have.length(0); // the anchor lived for the click only
  });
});
