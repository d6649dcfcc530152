import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/application-review/define.js';
import type { AsnApplicationReview, AsnApplicationTransitionedDetail } from '../../components/application-review/application-review.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { InternshipApplication } from '../../src/contract/index.js';
import { FakeCoachingClient, failWith, never } from '../../stories/fixtures.js';
import {
  arrivingApplication,
  hostileApplicationId,
  pastQuotaApplicationId,
  prepareReviewClient,
  reviewApplications,
  reviewingApplicationId,
  submittedApplicationId,
  withdrawnApplicationId,
} from '../../stories/review-fixtures.js';
import { sandbox, sandboxToken, text } from './helpers.js';

type ReviewClient = ReturnType<typeof prepareReviewClient<FakeCoachingClient>>;

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const rowIds = (el: Element) => $$(el, '.row-button').map((b) => b.dataset.id);
const row = (el: Element, id: string) => $<HTMLButtonElement>(el, `#row-${id}`)!;
const detail = (el: Element) => $(el, '[part="detail"]');
const live = (el: Element) => squash($(el, '[aria-live="polite"]')!.textContent);
const byId = (id: string) => reviewApplications.find((a) => a.id === id)!;
const lists = (c: ReviewClient) => c.review.callsTo('applications.list').map(([query]) => query);
const transitions = (c: ReviewClient) => c.review.callsTo('applications.transition').map(([id, body]) => [id, body]);

async function fromProperties(applications: InternshipApplication[] = reviewApplications): Promise<AsnApplicationReview> {
  const el = await fixture<AsnApplicationReview>(html`<asn-application-review .applications=${applications}></asn-application-review>`);
  await el.updateComplete;
  return el;
}

function reviewClient(setup: (c: ReviewClient) => void = () => undefined): ReviewClient {
  const client = prepareReviewClient(new FakeCoachingClient());
  setup(client);
  return client;
}

async function throughClient(client: ReviewClient = reviewClient(), attrs = '', until = '.row-button, .empty, .error'): Promise<AsnApplicationReview> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
  provider.innerHTML = `<asn-application-review ${attrs}></asn-application-review>`;
  const el = provider.querySelector('asn-application-review')!;
  await waitUntil(() => $(el, until), `rendered ${until}`);
  await el.updateComplete;
  return el;
}

async function openDetail(el: AsnApplicationReview, id: string): Promise<HTMLElement> {
  row(el, id).click();
  await waitUntil(() => detail(el), 'detail shown');
  await el.updateComplete;
  return detail(el)!;
}

/** Clicks "Tolak" and waits for the dialog (its code is a chunk of its own). */
async function openReject(el: AsnApplicationReview): Promise<HTMLDialogElement> {
  $(el, '[part="reject-button"]')!.click();
  await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'reject dialog opened', { timeout: 5000 });
  await el.updateComplete;
  return $<HTMLDialogElement>(el, 'dialog')!;
}

function typeReason(el: AsnApplicationReview, value: string): void {
  const field = $<HTMLTextAreaElement>(el, '#reject-reason')!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function pick(el: AsnApplicationReview, id: string, value: string): void {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('asn-application-review from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });
  afterEach(async () => {
    await setExplicitLocale(null);
  });

  it('lists every application, oldest first: reference, name, NIM, university, opening, status in words, day received', async () => {
    const el = await fromProperties();
    expect(rowIds(el)).to.deep.equal(reviewApplications.map((a) => a.id));
    const first = squash(row(el, 'app_rv0005').textContent);
    for (const s of ['Agustina Rumbiak', 'MG-2026-000124', 'NIM 142020077', 'Universitas Muhammadiyah Sorong (UM Sorong)', 'Magang Layanan Kependudukan Digital', 'Diterima', 'Masuk 8 Jan 2026']) {
      expect(first).to.include(s);
    }
    expect(squash(row(el, submittedApplicationId).textContent)).to.include('Diajukan');
    expect(squash(row(el, reviewingApplicationId).textContent)).to.include('Sedang ditinjau');
    expect(squash(row(el, 'app_rv0008').textContent)).to.include('Ditolak');
    expect(squash(row(el, withdrawnApplicationId).textContent)).to.include('Data pribadi dihapus');
    expect(squash(row(el, withdrawnApplicationId).textContent)).to.include('Ditarik');
    expect(text(el)).to.include('20 lamaran');
    expect($$(el, '[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('filters and searches the given applications itself, and says when nothing matches', async () => {
    const el = await fromProperties();
    pick(el, 'f-status', 'reviewing');
    await el.updateComplete;
    expect(rowIds(el).map((id) => byId(id!).status)).to.deep.equal(['reviewing', 'reviewing', 'reviewing']);
    pick(el, 'f-status', '');
    pick(el, 'f-partner', 'ptn_polikpsorong');
    await el.updateComplete;
    expect(new Set(rowIds(el).map((id) => byId(id!).partnerId))).to.deep.equal(new Set(['ptn_polikpsorong']));
    pick(el, 'f-partner', '');
    const search = $<HTMLInputElement>(el, '#f-q')!;
    search.value = '142021266';
    search.dispatchEvent(new Event('input'));
    search.form!.requestSubmit();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['app_rv0015']);
    search.value = 'tidak ada nama seperti ini';
    search.dispatchEvent(new Event('input'));
    search.form!.requestSubmit();
    await el.updateComplete;
    expect(text(el)).to.include('Tidak ada lamaran yang sesuai');
    await expect(el).to.be.accessible();
  });

  it('renders a hostile name and motivation as text: no element is created from them', async () => {
    const el = await fromProperties();
    const hostile = row(el, hostileApplicationId);
    expect(hostile.textContent).to.include('<img src=x onerror=alert(1)>');
    await openDetail(el, hostileApplicationId);
    const motivation = $(el, '[part="motivation"]')!;
    expect(motivation.textContent).to.equal(byId(hostileApplicationId).motivation);
    expect($(el, '#detail-title')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows an application: student data, motivation with its line breaks, and the consent record', async () => {
    const el = await fromProperties();
    const d = await openDetail(el, reviewingApplicationId);
    const a = byId(reviewingApplicationId);
    const t = squash(d.textContent);
    for (const s of [a.student!.name, a.reference, 'NIM', a.student!.nim, a.student!.studyProgram, 'Semester 6', a.student!.email, a.student!.phone, a.partnerName, a.openingTitle]) {
      expect(t).to.include(s);
    }
    const motivation = $(el, '[part="motivation"]')!;
    expect(motivation.textContent).to.equal(a.motivation);
    expect(motivation.textContent).to.include('\n\n');
    expect(getComputedStyle(motivation).whiteSpace).to.equal('pre-line');
    const consent = squash($(el, '[part="consent"]')!.textContent);
    expect(consent).to.include('Versi pemberitahuan 2026-01');
    expect(consent).to.include(`${a.consent!.noticeHash.slice(0, 12)}…`);
    expect(consent).not.to.include(a.consent!.noticeHash);
    expect(consent).to.include('6 Mei 2026, 08.05 WIT');
    expect(consent).to.include('https://unimudasorong.ac.id');
    expect(consent).to.include('key_unimudatest1');
    expect(row(el, reviewingApplicationId).getAttribute('aria-current')).to.equal('true');
    expect($(el, '[part="accept-button"]')).to.exist;
    expect($(el, '[part="reject-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a withdrawn, erased application says its personal data was erased and offers no action', async () => {
    const el = await fromProperties();
    const d = await openDetail(el, withdrawnApplicationId);
    expect(squash($(el, '[part="erased"]')!.textContent)).to.equal('Data pribadi telah dihapus (ditarik oleh mahasiswa)');
    expect(d.querySelector('[part="actions"], [part="start-button"], [part="accept-button"], [part="reject-button"]')).to.equal(null);
    expect(d.querySelector('[part="consent"], [part="motivation"]')).to.equal(null);
    expect(squash(d.textContent)).to.include(byId(withdrawnApplicationId).reference);
    await expect(el).to.be.accessible();
  });

  it('follows the dark scheme and fits 320 px without scrolling sideways, accessibly', async () => {
    const wrapper = await fixture(
      html`<div style="color-scheme: dark; width: 320px"><asn-application-review .applications=${reviewApplications}></asn-application-review></div>`,
    );
    const el = wrapper.querySelector('asn-application-review')!;
    await el.updateComplete;
    const base = $(el, '[part="base"]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(23, 32, 43)');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await openDetail(el, hostileApplicationId);
    // One pane at a time on a phone: the queue makes way for the application.
    expect(getComputedStyle($(el, '.queue-pane')!).display).to.equal('none');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await fromProperties();
    await setExplicitLocale('en');
    await el.updateComplete;
    expect($(el, '[part="title"]')!.textContent).to.equal('Internship applications');
    expect(squash(row(el, submittedApplicationId).textContent)).to.include('Submitted');
    await openDetail(el, withdrawnApplicationId);
    expect(squash($(el, '[part="erased"]')!.textContent)).to.equal('Personal data erased (withdrawn by the student)');
    await setExplicitLocale(null);
    await el.updateComplete;
    expect($(el, '[part="title"]')!.textContent).to.equal('Lamaran magang');
  });
});

describe('asn-application-review through a client', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('loads the first page and every opening for its filter, offers the universities seen, and follows the applications topic', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    expect(lists(client)[0]).to.deep.equal({ limit: 25 });
    expect(rowIds(el)).to.have.length(20);
    await waitUntil(() => client.review.callsTo('internships.list').length === 1, 'openings asked for');
    expect(client.review.callsTo('internships.list')[0][0]).to.deep.equal({ limit: 100 });
    // An opening no application names yet is offered too (from internships.list).
    client.review.openings.push({ ...client.review.openings[0], id: 'int_arsip', title: 'Magang Digitalisasi Arsip Daerah' });
    const fresh = await throughClient(client);
    await waitUntil(() => $$(fresh, '#f-opening option').some((o) => o.textContent!.trim() === 'Magang Digitalisasi Arsip Daerah'), 'every opening listed');
    expect($$(el, '#f-opening option').map((o) => o.textContent!.trim())).to.include('Magang Pemetaan Kawasan Pesisir dan Sampah Laut');
    expect($$<HTMLOptionElement>(el, '#f-partner option').map((o) => o.value)).to.include.members(['ptn_umsorong', 'ptn_uvictory', 'ptn_unimuda', 'ptn_polikpsorong']);
    await waitUntil(() => client.topics.some((t) => t.includes('applications')), 'subscribed to applications');
  });

  it('sends the filters and the search to the server', async () => {
    const client = reviewClient();
    const el = await throughClient(client, 'status="reviewing"');
    expect(lists(client)[0]).to.deep.equal({ status: 'reviewing', limit: 25 });
    pick(el, 'f-opening', 'int_pesisir');
    await waitUntil(() => lists(client).length === 2, 'opening filter sent');
    expect(lists(client)[1]).to.deep.equal({ opening: 'int_pesisir', status: 'reviewing', limit: 25 });
    pick(el, 'f-status', '');
    pick(el, 'f-partner', 'ptn_polikpsorong');
    await waitUntil(() => lists(client).some((q) => (q as { partner?: string }).partner === 'ptn_polikpsorong'), 'partner filter sent');
    expect(lists(client).at(-1)).to.deep.equal({ opening: 'int_pesisir', partner: 'ptn_polikpsorong', limit: 25 });
    await waitUntil(() => rowIds(el).length === 3, 'filtered rows');
    const search = $<HTMLInputElement>(el, '#f-q')!;
    search.focus();
    await sendKeys({ type: 'Obed' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => lists(client).some((q) => (q as { q?: string }).q === 'Obed'), 'search sent');
    expect(lists(client).at(-1)).to.deep.equal({ opening: 'int_pesisir', partner: 'ptn_polikpsorong', q: 'Obed', limit: 25 });
    await waitUntil(() => rowIds(el).length === 1, 'one match');
    await waitUntil(() => live(el) === '1 lamaran', 'count announced');
    // The attributes follow what the user picked.
    expect([el.opening, el.partner, el.status]).to.deep.equal(['int_pesisir', 'ptn_polikpsorong', '']);
  });

  it('"Muat lebih banyak" asks for the next page with the cursor', async () => {
    const client = reviewClient((c) => {
      for (let n = 1; n <= 8; n++) c.review.items.push(arrivingApplication(n));
    });
    const el = await throughClient(client);
    expect(rowIds(el)).to.have.length(25);
    expect(text(el)).to.include('25 lamaran pertama ditampilkan');
    $(el, '[part="load-more"]')!.click();
    await waitUntil(() => rowIds(el).length === 28, 'next page appended');
    expect(lists(client).at(-1)).to.deep.equal({ limit: 25, cursor: '25' });
    expect($(el, '[part="load-more"]')).to.equal(null);
  });

  it('moves an application on, each time at the version it was read at, and fires asn-application-transitioned', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    await openDetail(el, submittedApplicationId);
    // Submitted: review it, or reject it at once; not accept it unread.
    expect([$(el, '[part="start-button"]'), $(el, '[part="reject-button"]')].every(Boolean)).to.equal(true);
    expect($(el, '[part="accept-button"]')).to.equal(null);
    const started = oneEvent(el, 'asn-application-transitioned');
    $(el, '[part="start-button"]')!.click();
    const first = (await started) as CustomEvent<AsnApplicationTransitionedDetail>;
    expect(first.detail).to.deep.equal({ id: submittedApplicationId, status: 'reviewing' });
    expect(transitions(client)[0]).to.deep.equal([submittedApplicationId, { to: 'reviewing', version: 1 }]);
    await waitUntil(() => $(el, '[part="accept-button"]'), 'decision offered');
    expect($(el, '[part="start-button"]')).to.equal(null);
    expect(squash($(el, '[part="status"]')!.textContent)).to.equal('Sedang ditinjau');
    expect(squash(row(el, submittedApplicationId).textContent)).to.include('Sedang ditinjau');
    await waitUntil(() => active(el) === $(el, '[part="accept-button"]'), 'focus on the next decision');
    const accepted = oneEvent(el, 'asn-application-transitioned');
    $(el, '[part="accept-button"]')!.click();
    expect(((await accepted) as CustomEvent<AsnApplicationTransitionedDetail>).detail.status).to.equal('accepted');
    expect(transitions(client)[1]).to.deep.equal([submittedApplicationId, { to: 'accepted', version: 2 }]);
    await waitUntil(() => !$(el, '[part="actions"]'), 'no more actions once decided');
    await waitUntil(() => live(el).includes('Diterima'), 'announced');
  });

  it('rejecting needs a reason: the dialog refuses an empty one, then sends it with the version', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    await openDetail(el, reviewingApplicationId);
    const dialog = await openReject(el);
    expect(active(el)!.id).to.equal('reject-reason');
    await expect(el).to.be.accessible();
    $(el, '[part="confirm-button"]')!.click();
    await el.updateComplete;
    expect(transitions(client)).to.have.length(0);
    const field = $<HTMLTextAreaElement>(el, '#reject-reason')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(squash($(el, '#reject-error')!.textContent)).to.equal('Tuliskan alasan penolakan, paling sedikit 3 karakter.');
    expect(field.getAttribute('aria-describedby')).to.include('reject-error');
    expect(active(el)).to.equal(field);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Bidang studi belum sesuai dengan kebutuhan survei.' });
    const done = oneEvent(el, 'asn-application-transitioned');
    $(el, '[part="confirm-button"]')!.click();
    expect(((await done) as CustomEvent<AsnApplicationTransitionedDetail>).detail).to.deep.equal({ id: reviewingApplicationId, status: 'rejected' });
    expect(transitions(client)[0]).to.deep.equal([reviewingApplicationId, { to: 'rejected', version: 2, reason: 'Bidang studi belum sesuai dengan kebutuhan survei.' }]);
    await waitUntil(() => !dialog.open, 'dialog closed');
    await waitUntil(() => active(el)?.id === 'detail-title', 'focus back in the detail');
    expect(squash($(el, '[part="reason"]')!.textContent)).to.include('Bidang studi belum sesuai dengan kebutuhan survei.');
  });

  it('409 stale: says so in the detail, keeps the reason, and "Muat ulang" reads the application again', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    await openDetail(el, reviewingApplicationId);
    await openReject(el);
    typeReason(el, 'Berkas tidak lengkap.');
    client.review.touch(reviewingApplicationId); // another admin changed it meanwhile
    $(el, '[part="confirm-button"]')!.click();
    await waitUntil(() => $(el, '[part="problem"]'), 'conflict shown');
    expect(transitions(client)[0][1]).to.deep.include({ to: 'rejected', version: 2 });
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    const problem = squash($(el, '[part="problem"]')!.textContent);
    expect(problem).to.include('sudah berubah sejak Anda membukanya');
    expect(problem).to.include('Alasan yang sudah Anda tulis tetap tersimpan.');
    expect($(el, '[part="problem"] [role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    // The reason is still there when "Tolak" is opened again.
    await openReject(el);
    expect($<HTMLTextAreaElement>(el, '#reject-reason')!.value).to.equal('Berkas tidak lengkap.');
    $<HTMLButtonElement>(el, 'dialog button.secondary')!.click();
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')!.open, 'dialog closed');
    // "Muat ulang": the current version, the message gone; the next rejection sends it.
    client.review.calls.length = 0;
    $(el, '[part="reload-button"]')!.click();
    await waitUntil(() => !$(el, '[part="problem"]'), 'conflict cleared');
    expect(client.review.callsTo('applications.get')[0]).to.deep.equal([reviewingApplicationId, { fresh: true }]);
    await openReject(el);
    expect($<HTMLTextAreaElement>(el, '#reject-reason')!.value).to.equal('Berkas tidak lengkap.');
    $(el, '[part="confirm-button"]')!.click();
    await waitUntil(() => transitions(client).length === 1, 'sent again');
    expect(transitions(client)[0][1]).to.deep.equal({ to: 'rejected', version: 3, reason: 'Berkas tidak lengkap.' });
  });

  it('409 past the opening’s quota: a clear message with "Muat ulang"', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    await openDetail(el, pastQuotaApplicationId);
    $(el, '[part="accept-button"]')!.click();
    await waitUntil(() => $(el, '[part="problem"]'), 'conflict shown');
    expect(transitions(client)[0]).to.deep.equal([pastQuotaApplicationId, { to: 'accepted', version: 2 }]);
    expect(squash($(el, '[part="problem"]')!.textContent)).to.include('Kuota lowongan ini sudah terpenuhi');
    expect($(el, '[part="reload-button"]')).to.exist;
    expect(squash($(el, '[part="status"]')!.textContent)).to.equal('Sedang ditinjau');
    await waitUntil(() => active(el) === $(el, '[part="problem"]'), 'focus on the message');
  });

  it('a new application appears live, marked and announced politely', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    await waitUntil(() => client.topics.some((t) => t.includes('applications')), 'subscribed');
    const newcomer = client.review.arrive();
    client.emit({ type: 'application.created', openingId: newcomer.openingId, subjectId: newcomer.id });
    await waitUntil(() => rowIds(el).includes(newcomer.id), 'the new application is in the queue');
    expect(rowIds(el).at(-1)).to.equal(newcomer.id);
    expect(squash(row(el, newcomer.id).textContent)).to.include('Baru');
    await waitUntil(() => live(el) === '1 lamaran baru', 'announced');
    expect(client.review.callsTo('applications.list').at(-1)![1]).to.deep.include({ fresh: true });
    // An update of an existing one is not "new".
    client.review.touch(submittedApplicationId, { status: 'reviewing' });
    client.emit({ type: 'application.updated', subjectId: submittedApplicationId });
    await waitUntil(() => squash(row(el, submittedApplicationId).textContent).includes('Sedang ditinjau'), 'updated live');
    expect(rowIds(el)).to.have.length(21);
  });

  it('keyboard: one tab stop in the queue, arrows move, Enter opens, Escape goes back; the dialog returns focus', async () => {
    const client = reviewClient();
    const el = await throughClient(client);
    const ids = rowIds(el);
    expect($$(el, '.row-button[tabindex="0"]')).to.have.length(1);
    $<HTMLInputElement>(el, '#f-q')!.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // opening, partner, status, queue
    expect(active(el)!.dataset.id).to.equal(ids[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)!.dataset.id).to.equal(ids[2]);
    await sendKeys({ press: 'End' });
    expect(active(el)!.dataset.id).to.equal(ids[ids.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(active(el)!.dataset.id).to.equal(ids[0]);
    const target = ids.indexOf(reviewingApplicationId);
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    expect($$(el, '.row-button[tabindex="0"]').map((b) => b.dataset.id)).to.deep.equal([reviewingApplicationId]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.id === 'detail-title', 'focus on the opened application');
    expect(el.application).to.equal(reviewingApplicationId);
    // To "Tolak" by Tab, open it with Enter, Escape closes it and focus is back on it.
    const reject = $(el, '[part="reject-button"]')!;
    for (let i = 0; i < 10 && active(el) !== reject; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(reject);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open', { timeout: 5000 });
    await waitUntil(() => active(el)?.id === 'reject-reason', 'focus in the dialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')!.open, 'dialog closed');
    expect(active(el)).to.equal($(el, '[part="reject-button"]'));
    expect(detail(el)).to.exist; // Escape closed only the dialog
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !detail(el), 'detail closed');
    expect(el.application).to.equal('');
    expect(active(el)).to.equal(row(el, reviewingApplicationId));
  });

  it('is accessible while loading, when empty and on error (with a retry that loads)', async () => {
    const loading = await throughClient(reviewClient((c) => (c.review.listAnswer = never)), '', '.skeleton');
    expect($(loading, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(loading).to.be.accessible();

    const empty = await throughClient(reviewClient((c) => (c.review.items = [])));
    expect(text(empty)).to.include('Belum ada lamaran');
    await expect(empty).to.be.accessible();

    const client = reviewClient((c) => (c.review.listAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));
    const failed = await throughClient(client);
    expect(text(failed)).to.include('Lamaran tidak dapat dimuat');
    await expect(failed).to.be.accessible();
    client.review.listAnswer = undefined;
    $(failed, 'button.retry')!.click();
    await waitUntil(() => rowIds(failed).length === 20, 'loaded after retry');
    await waitUntil(() => active(failed) === $(failed, '.title'), 'focus on the title');
  });

  it('tells a non-admin they may not review, without a retry', async () => {
    const el = await throughClient(reviewClient((c) => (c.review.listAnswer = failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }))));
    expect(text(el)).to.include('Anda tidak berwenang membuka antrean lamaran');
    expect($(el, 'button.retry')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens an application given by id that is not in the queue', async () => {
    const client = reviewClient();
    const el = await throughClient(client, `status="accepted" application="${reviewingApplicationId}"`);
    await waitUntil(() => detail(el), 'fetched and shown');
    expect(client.review.callsTo('applications.get')[0][0]).to.equal(reviewingApplicationId);
    expect(squash(detail(el)!.textContent)).to.include(byId(reviewingApplicationId).student!.name);
  });
});

describe('asn-application-review against the sandbox API', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('an admin starts reviewing a seeded application; another admin’s decision then shows live in the open detail', async function () {
    this.timeout(30_000);
    const url = await sandbox();
    const admin = await sandboxToken(url, { role: 'admin' });
    const auth = { authorization: `Bearer ${admin.token}` };
    const found = (await (await fetch(`${url}/v1/applications?status=submitted&q=Rizky`, { headers: auth })).json()) as { data: InternshipApplication[] };
    const target = found.data[0];
    expect(target, 'a seeded submitted application').to.exist;

    const provider = await fixture(html`<asn-provider base-url=${url} .token=${admin.token}><asn-application-review status="submitted"></asn-application-review></asn-provider>`);
    const el = provider.querySelector('asn-application-review')!;
    await waitUntil(() => $(el, `#row-${target.id}`), 'the seeded application is in the queue', { timeout: 10_000 });
    await openDetail(el, target.id);
    expect(squash(detail(el)!.textContent)).to.include(target.student!.nim);
    expect(squash($(el, '[part="consent"]')!.textContent)).to.include(target.consent!.noticeVersion);
    const moved = oneEvent(el, 'asn-application-transitioned');
    $(el, '[part="start-button"]')!.click();
    expect(((await moved) as CustomEvent<AsnApplicationTransitionedDetail>).detail).to.deep.equal({ id: target.id, status: 'reviewing' });
    await waitUntil(() => $(el, '[part="accept-button"]'), 'under review now');

    // Another admin rejects it: the open detail follows through the applications topic, without a reload.
    const res = await fetch(`${url}/v1/applications/${target.id}/transition`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'rejected', reason: 'Diputuskan oleh admin lain.', version: 2 }),
    });
    expect(res.status).to.equal(200);
    await waitUntil(() => squash($(el, '[part="status"]')?.textContent) === 'Ditolak', 'the decision appears live', { timeout: 10_000 });
    expect(squash($(el, '[part="reason"]')!.textContent)).to.include('Diputuskan oleh admin lain.');
    expect($(el, '[part="actions"]')).to.equal(null);
  });
});
