import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/internship-openings/define.js';
import type { AsnInternshipOpenings } from '../../components/internship-openings/internship-openings.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import { FakeCoachingClient } from '../../stories/fixtures.js';
import { hostileOpening, makeOpening, storyOpenings } from '../../stories/internship-fixtures.js';
import { clearDraft } from '../../src/client/index.js';
import { networkError, sandbox } from './helpers.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const listCalls = (c: FakeCoachingClient) => c.internships.callsOf('list');

/** Inside a provider, as a university's page has it. */
async function openingsThrough(c: FakeCoachingClient): Promise<AsnInternshipOpenings> {
  const provider = await fixture(html`<asn-provider .client=${c.asClient()}><asn-internship-openings></asn-internship-openings></asn-provider>`);
  const el = provider.querySelector('asn-internship-openings')!;
  await waitUntil(() => $(el, 'li.opening, .empty, .error'), 'openings rendered', { timeout: 5000 });
  return el;
}

const applyButton = (el: Element, id: string) => $<HTMLButtonElement>(el, `#o-${id} [part="apply-button"]`)!;

describe('asn-internship-openings', () => {
  afterEach(async () => {
    await setExplicitLocale(null);
  });

  it('lists the open openings with title, unit, period, deadline, skills and quota, as a list of headed items', async () => {
    const c = new FakeCoachingClient();
    const el = await openingsThrough(c);
    expect(listCalls(c)[0][0]).to.deep.equal({ status: 'open', limit: 50 });
    const items = $$(el, 'ul[part="list"] > li.opening');
    expect(items).to.have.length(3);
    expect($$(el, 'li.opening h3').map((h) => h.textContent)).to.deep.equal(storyOpenings.map((o) => o.title));
    const first = squash(items[0].textContent);
    for (const s of ['Dinas Kependudukan dan Pencatatan Sipil', 'Periode magang', '1 Feb 2027 – 31 Mei 2027', 'Daftar sampai 15 Jan 2027', '4 mahasiswa', 'TypeScript', 'Desain antarmuka']) {
      expect(first).to.include(s);
    }
    expect(items[0].querySelector('time')!.getAttribute('datetime')).to.equal('2027-02-01');
    expect(items[0].querySelectorAll('ul.skills > li')).to.have.length(3);
    const apply = applyButton(el, 'int_dukcapil1');
    expect(squash(apply.textContent)).to.equal('Lamar: Aplikasi Antrean Layanan Kependudukan');
    expect(apply.getAttribute('aria-expanded')).to.equal('false');
    expect($$(el, '[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders from the openings property without fetching, hostile text as text', async () => {
    const el = await fixture<AsnInternshipOpenings>(html`<asn-internship-openings .openings=${[hostileOpening]}></asn-internship-openings>`);
    await el.updateComplete;
    const item = $(el, 'li.opening')!;
    expect(item.querySelector('img, b, script, a')).to.equal(null);
    expect(item.querySelector('h3')!.textContent).to.equal(hostileOpening.title);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows the empty, loading and error states, accessibly, and retries', async () => {
    const empty = new FakeCoachingClient();
    empty.internships.listAnswer = [];
    const el = await openingsThrough(empty);
    expect(squash($(el, '.empty')!.textContent)).to.include('Belum ada lowongan magang yang dibuka');
    await expect(el).to.be.accessible();

    const loading = new FakeCoachingClient();
    loading.internships.listAnswer = () => new Promise(() => undefined);
    const provider = await fixture(html`<asn-provider .client=${loading.asClient()}><asn-internship-openings></asn-internship-openings></asn-provider>`);
    const waiting = provider.querySelector('asn-internship-openings')!;
    await waitUntil(() => $(waiting, '.skeleton'), 'loading');
    expect($(waiting, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(waiting).to.be.accessible();

    const failing = new FakeCoachingClient();
    failing.internships.listAnswer = networkError();
    const broken = await openingsThrough(failing);
    expect(squash($(broken, '.error [role="alert"]')!.textContent)).to.include('Lowongan tidak dapat dimuat');
    await expect(broken).to.be.accessible();
    failing.internships.listAnswer = storyOpenings;
    $<HTMLButtonElement>(broken, 'button.retry')!.click();
    await waitUntil(() => $$(broken, 'li.opening').length === 3, 'loaded after retry');
    await waitUntil(() => broken.shadowRoot!.activeElement?.id === 'title', 'focus on the heading');
  });

  it('"Lamar" opens the form for that opening under it and moves the focus into it; pressed again, closes it', async () => {
    const c = new FakeCoachingClient();
    const el = await openingsThrough(c);
    const apply = applyButton(el, 'int_bkpsdm1');
    apply.focus();
    await sendKeys({ press: 'Enter' });
    const form = await waitUntil(() => $(el, '#o-int_bkpsdm1 [part="apply"] asn-internship-form'), 'form opened', { timeout: 5000 }).then(
      () => $(el, '#o-int_bkpsdm1 asn-internship-form')!,
    );
    expect(form.getAttribute('opening')).to.equal('int_bkpsdm1');
    expect(apply.getAttribute('aria-expanded')).to.equal('true');
    expect(apply.getAttribute('aria-controls')).to.equal('apply-int_bkpsdm1');
    await waitUntil(() => el.shadowRoot!.activeElement === form && form.shadowRoot!.activeElement?.id === 'title', 'focus in the form');
    expect(c.internships.callsOf('get')[0][0]).to.equal('int_bkpsdm1'); // the form uses the same client
    await waitUntil(() => form.shadowRoot!.querySelector('#f-name'), 'form loaded');
    expect($$(el, 'asn-internship-form')).to.have.length(1);
    await expect(el).to.be.accessible();
    apply.click();
    await el.updateComplete;
    expect($(el, 'asn-internship-form')).to.equal(null);
    expect(apply.getAttribute('aria-expanded')).to.equal('false');
  });

  it('fires a cancelable asn-apply: a portal with its own form keeps the built-in one closed', async () => {
    const c = new FakeCoachingClient();
    const el = await openingsThrough(c);
    const seen: string[] = [];
    el.addEventListener('asn-apply', (event) => {
      seen.push(event.detail.openingId);
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      event.preventDefault();
    });
    applyButton(el, 'int_aset1').click();
    await el.updateComplete;
    expect(seen).to.deep.equal(['int_aset1']);
    expect($(el, 'asn-internship-form')).to.equal(null);
    expect(applyButton(el, 'int_aset1').getAttribute('aria-expanded')).to.equal('false');
  });

  it('updates live when internships are invalidated, keeping an opening whose form is open', async () => {
    const c = new FakeCoachingClient();
    const el = await openingsThrough(c);
    applyButton(el, 'int_dukcapil1').click();
    await waitUntil(() => $(el, 'asn-internship-form'), 'form opened', { timeout: 5000 });
    const added = makeOpening({ id: 'int_baru1', title: 'Lowongan Baru: Desain Situs Pariwisata' });
    c.internships.listAnswer = [storyOpenings[1], added]; // the open one filled up and is no longer listed
    c.invalidate(['internships:*']);
    await waitUntil(() => $(el, '#o-int_baru1'), 'new opening shown');
    expect((listCalls(c).at(-1)![1] as { fresh?: boolean }).fresh).to.equal(true);
    expect($$(el, 'li.opening h3').map((h) => h.textContent)).to.deep.equal([storyOpenings[0].title, storyOpenings[1].title, added.title]);
    expect($(el, '#o-int_dukcapil1 asn-internship-form')).to.not.equal(null);
  });

  it('speaks English', async () => {
    await setExplicitLocale('en');
    const el = await openingsThrough(new FakeCoachingClient());
    expect(squash($(el, '#title')!.textContent)).to.equal('Internship openings');
    expect(squash($(el, 'li.opening')!.textContent)).to.include('Apply by Jan 15, 2027');
    expect(squash(applyButton(el, 'int_dukcapil1').textContent)).to.match(/^Apply/);
    await expect(el).to.be.accessible();
  });
});

/** The sandbox key of a seeded partner, as server/keys.ts derives it (deterministic and public: it works only on a sandbox). */
async function sandboxKey(partnerId: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode('pembinaan-asn sandbox publishable key v1'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(partnerId)));
  let n = BigInt(`0x${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`);
  const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let out = '';
  while (out.length < 32) {
    out += base62[Number(n % 62n)];
    n /= 62n;
  }
  return `pk_test_${out}`;
}

describe('asn-internship-openings and asn-internship-form against the sandbox API', () => {
  it('a student applies with the partner key alone: a real challenge solved on the page, verified by the server, the reference', async () => {
    const url = await sandbox();
    const el = await fixture<AsnInternshipOpenings>(html`<asn-internship-openings publishable-key=${await sandboxKey('ptn_umsorong')} base-url=${url}></asn-internship-openings>`);
    await waitUntil(() => $$(el, 'li.opening').length > 0 || $(el, '.error, .empty'), 'openings from the API', { timeout: 15_000 });
    expect($(el, '.error, .empty')).to.equal(null);
    const button = $<HTMLButtonElement>(el, '[part="apply-button"]')!;
    button.click();
    await waitUntil(() => $(el, 'asn-internship-form')?.shadowRoot?.querySelector('#f-consent'), 'form with the notice', { timeout: 15_000 });
    const form = $(el, 'asn-internship-form')!;
    const opening = form.getAttribute('opening')!;
    clearDraft(`internship:${opening}`);
    const f = <T extends HTMLElement = HTMLInputElement>(sel: string) => form.shadowRoot!.querySelector(sel) as T;
    const type = (sel: string, value: string) => {
      const input = f(sel);
      input.focus();
      (input as HTMLInputElement).value = value;
      input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
    };
    const focusedAt = Date.now(); // the challenge is fetched at this first focus
    type('#f-name', 'Yohana Kambu');
    type('#f-nim', `WTR-${Date.now().toString(36)}`);
    type('#f-studyProgram', 'Teknik Informatika');
    type('#f-semester', '5');
    type('#f-email', 'yohana.kambu@example.ac.id');
    type('#f-phone', '0812 3456 7890');
    type('#f-motivation', 'Saya ingin belajar membangun layanan publik digital bersama pemerintah Kota Sorong.');
    f('#f-consent').click();
    const submit = () => f<HTMLButtonElement>('button[type="submit"]').click();
    const reference = () => f('[part="reference"]');
    const summary = () => squash(f('[part="error-summary"]')?.textContent);
    // The server may want a few seconds between the challenge and the application (minimum fill time): sent too
    // soon, the form says so and keeps the solution for the next press.
    submit();
    await waitUntil(() => reference() || summary().includes('terlalu cepat'), 'an answer from the server', { timeout: 20_000 });
    if (!reference()) {
      await waitUntil(() => Date.now() - focusedAt > 3500 && f('button[type="submit"]').getAttribute('aria-busy') === 'false', 'the minimum fill time', { timeout: 10_000 });
      submit();
      await waitUntil(() => reference(), 'the reference', { timeout: 20_000 });
    }
    expect(squash(reference().textContent)).to.match(/^MG-\d{4}-\d{6}$/);
    expect(f<HTMLAnchorElement>('[part="private-link"]').href).to.match(/^https?:\/\//);
    expect(f('form')).to.equal(null);
  });
});
