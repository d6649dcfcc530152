import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import '../../components/provider/define.js';
import '../../components/internship-form/define.js';
import type { AsnInternshipForm } from '../../components/internship-form/internship-form.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import { clearDraft } from '../../src/client/index.js';
import type { ApplicationCreate } from '../../src/contract/index.js';
import { FakeCoachingClient, queuedError } from '../../stories/fixtures.js';
import { filledOpening, hostileNotice, makeChallenge, noticeId, problemError, storyReceipt } from '../../stories/internship-fixtures.js';
import { networkError, text } from './helpers.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const OPENING = 'int_dukcapil1';
const draftKey = (opening = OPENING) => `internship:${opening}`;

async function formWith(setup: (c: FakeCoachingClient) => void = () => undefined, opening = OPENING): Promise<{ el: AsnInternshipForm; c: FakeCoachingClient }> {
  const c = new FakeCoachingClient();
  setup(c);
  const el = await fixture<AsnInternshipForm>(html`<asn-internship-form opening=${opening} .client=${c.asClient()}></asn-internship-form>`);
  await waitUntil(() => $(el, 'form .notice, [part="state"]') && !$(el, '.skeleton'), 'form rendered', { timeout: 5000 });
  return { el, c };
}

/** Types into a field as the student does (input events), then leaves it. */
async function fill(el: AsnInternshipForm, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true, composed: true }));
  input.blur();
  await el.updateComplete;
}

const MOTIVATION = 'Saya ingin belajar membangun layanan publik digital bersama pemerintah Kota Sorong.';

async function fillValid(el: AsnInternshipForm): Promise<void> {
  await fill(el, 'f-name', 'Yohana Kambu');
  await fill(el, 'f-nim', 'UMS-2022-0101');
  await fill(el, 'f-studyProgram', 'Teknik Informatika');
  await fill(el, 'f-semester', '5');
  await fill(el, 'f-email', 'yohana.kambu@example.ac.id');
  await fill(el, 'f-phone', '0812 3456 7890');
  await fill(el, 'f-motivation', MOTIVATION);
  $<HTMLInputElement>(el, '#f-consent')!.click();
  await el.updateComplete;
}

const submitButton = (el: AsnInternshipForm) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;
const fieldErrorText = (el: AsnInternshipForm, id: string) => squash($(el, `#${id}-error`)?.textContent);

describe('asn-internship-form', () => {
  beforeEach(() => clearDraft(draftKey()));
  afterEach(async () => {
    clearDraft(draftKey());
    await setExplicitLocale(null);
  });

  it('renders from its properties with a client: labelled fields with autocomplete tokens, the notice in full, an unticked consent', async () => {
    const { el, c } = await formWith();
    expect(c.internships.callsOf('get')[0][0]).to.equal(OPENING);
    expect(c.internships.callsOf('privacyNotice')[0][0]).to.equal('id');
    expect(squash($(el, '[part="header"]')!.textContent)).to.include('Aplikasi Antrean Layanan Kependudukan');
    expect(squash($(el, '[part="header"]')!.textContent)).to.include('Daftar sampai 15 Jan 2027');
    const form = $<HTMLFormElement>(el, 'form')!;
    expect(form.noValidate).to.equal(true);
    for (const [id, label] of [['f-name', 'Nama lengkap'], ['f-nim', 'NIM'], ['f-studyProgram', 'Program studi'], ['f-semester', 'Semester'], ['f-email', 'Email'], ['f-phone', 'Nomor HP'], ['f-motivation', 'Motivasi']]) {
      expect(squash($(el, `label[for="${id}"]`)?.textContent), id).to.equal(label);
    }
    expect($<HTMLInputElement>(el, '#f-name')!.autocomplete).to.equal('name');
    expect($<HTMLInputElement>(el, '#f-email')!.type).to.equal('email');
    expect($<HTMLInputElement>(el, '#f-email')!.autocomplete).to.equal('email');
    expect($<HTMLInputElement>(el, '#f-phone')!.type).to.equal('tel');
    expect($<HTMLInputElement>(el, '#f-phone')!.autocomplete).to.equal('tel');
    expect($$<HTMLOptionElement>(el, '#f-semester option').map((o) => o.value)).to.deep.equal(['', ...Array.from({ length: 14 }, (_, i) => String(i + 1))]);
    // The notice: every section headed, in a focusable, labelled region, before the consent checkbox.
    const notice = $(el, '.notice')!;
    expect(notice.tabIndex).to.equal(0);
    expect($(el, `#${notice.getAttribute('aria-labelledby')}`)!.textContent).to.equal(noticeId.title);
    expect([...notice.querySelectorAll('h4')].map((h) => h.textContent)).to.deep.equal(['Pengendali data', ...noticeId.sections.map((s) => s.heading)]);
    expect(squash(notice.textContent)).to.include('privasi.bkpsdm@sorongkota.go.id');
    const consent = $<HTMLInputElement>(el, '#f-consent')!;
    expect(consent.type).to.equal('checkbox');
    expect(consent.checked).to.equal(false);
    expect(notice.compareDocumentPosition(consent) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(squash(consent.closest('label')!.textContent)).to.include('Pemberitahuan Privasi versi 2026-11');
    // The honeypot: out of sight by a class, out of the tab order, not filled by the browser, hidden from assistive tech.
    const hp = $<HTMLInputElement>(el, '#f-website')!;
    expect(hp.name).to.equal('website');
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.autocomplete).to.equal('off');
    expect(hp.closest('[aria-hidden="true"]')!.classList.contains('hp')).to.equal(true);
    expect(hp.closest('.hp')!.getBoundingClientRect().width).to.be.at.most(1);
    expect($$(el, '[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, on a load error (and retries), and for a closed opening', async () => {
    const c = new FakeCoachingClient();
    let release: () => void = () => undefined;
    c.internships.getAnswer = () => new Promise((resolve) => (release = () => resolve(filledOpening)));
    const el = await fixture<AsnInternshipForm>(html`<asn-internship-form opening=${OPENING} .client=${c.asClient()}></asn-internship-form>`);
    await el.updateComplete;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.skeleton')).to.not.equal(null);
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => $(el, '.empty'), 'closed state');
    expect(squash($(el, '.empty')!.textContent)).to.include('Pendaftaran ditutup');
    expect(squash($(el, '.empty')!.textContent)).to.include('Kuota lowongan ini sudah terpenuhi');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();

    const failing = new FakeCoachingClient();
    failing.internships.getAnswer = networkError();
    const broken = await fixture<AsnInternshipForm>(html`<asn-internship-form opening=${OPENING} .client=${failing.asClient()}></asn-internship-form>`);
    await waitUntil(() => $(broken, '.error'), 'error state');
    expect(squash($(broken, '.error [role="alert"]')!.textContent)).to.include('Formulir tidak dapat dimuat');
    await expect(broken).to.be.accessible();
    failing.internships.getAnswer = undefined; // answered from the openings from now on
    $<HTMLButtonElement>(broken, 'button.retry')!.click();
    await waitUntil(() => $(broken, '#f-name'), 'loaded after retry');
    await waitUntil(() => active(broken)?.id === 'title', 'focus on the heading after retry');
  });

  it('says which fields are wrong, in Indonesian, beside each field and in a summary, and focuses the first', async () => {
    const { el, c } = await formWith();
    submitButton(el).click();
    await el.updateComplete;
    await waitUntil(() => active(el)?.id === 'f-name', 'focus on the first invalid field');
    expect(fieldErrorText(el, 'f-name')).to.equal('Tulis nama lengkap Anda.');
    expect(fieldErrorText(el, 'f-nim')).to.equal('Tulis NIM Anda.');
    expect(fieldErrorText(el, 'f-studyProgram')).to.equal('Tulis program studi Anda.');
    expect(fieldErrorText(el, 'f-semester')).to.equal('Pilih semester Anda saat ini (1–14).');
    expect(fieldErrorText(el, 'f-email')).to.equal('Tulis alamat email Anda.');
    expect(fieldErrorText(el, 'f-phone')).to.equal('Tulis nomor HP Anda.');
    expect(fieldErrorText(el, 'f-motivation')).to.equal('Tulis motivasi Anda, minimal 30 karakter.');
    expect(fieldErrorText(el, 'f-consent')).to.equal('Centang persetujuan setelah membaca pemberitahuan privasi.');
    expect($(el, '#f-nim')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-nim')!.getAttribute('aria-describedby')).to.include('f-nim-error');
    expect($$(el, '[part="error-summary"] li')).to.have.length(8);
    expect(c.internships.callsOf('apply')).to.have.length(0);
    await expect(el).to.be.accessible();

    // The contract's own rules, keyed by their codes.
    await fill(el, 'f-nim', '#');
    expect(fieldErrorText(el, 'f-nim')).to.include('Tulis NIM seperti di kartu mahasiswa');
    await fill(el, 'f-phone', '021 555 1234');
    expect(fieldErrorText(el, 'f-phone')).to.equal('Tulis nomor HP Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.');
    await fill(el, 'f-email', 'yohana@');
    expect(fieldErrorText(el, 'f-email')).to.equal('Tulis alamat email yang lengkap, misalnya nama@kampus.ac.id.');
    await fill(el, 'f-motivation', 'Terlalu singkat.');
    expect(fieldErrorText(el, 'f-motivation')).to.equal('Motivasi minimal 30 karakter; tambahkan 14 karakter lagi.');
    expect(squash($(el, '[part="counter"]')!.textContent)).to.equal('16 dari 2.000 karakter (minimal 30)');
    // Fixing a field clears its message at once.
    await fill(el, 'f-nim', 'UMS-2022-0101');
    expect($(el, '#f-nim-error')).to.equal(null);
    expect($(el, '#f-nim')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('judges a field on blur once it was typed in, and shows a mobile number normalised', async () => {
    const { el } = await formWith();
    $<HTMLInputElement>(el, '#f-email')!.focus();
    $<HTMLInputElement>(el, '#f-email')!.blur();
    await el.updateComplete;
    expect($(el, '#f-email-error')).to.equal(null); // only tabbed through: nothing said yet
    await fill(el, 'f-email', 'bukan-email');
    expect(fieldErrorText(el, 'f-email')).to.include('alamat email yang lengkap');
    await fill(el, 'f-phone', '0812-3456-7890');
    expect($<HTMLInputElement>(el, '#f-phone')!.value).to.equal('+62 812 3456 7890');
    await fill(el, 'f-phone', '+62 81234567890');
    expect($<HTMLInputElement>(el, '#f-phone')!.value).to.equal('+62 812 3456 7890');
    expect($(el, '#f-phone-error')).to.equal(null);
  });

  it('fetches the challenge at the first focus and sends the solution as the server verifies it, solved on the page without a worker', async () => {
    const secret = 'test-hmac-secret';
    const workers: unknown[] = [];
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        workers.push(args[0]);
      }
    };
    try {
      const { el, c } = await formWith((c) => {
        c.internships.challengeAnswer = () =>
          createChallenge({ algorithm: 'SHA-256', cost: 1, keyPrefix: '0', deriveKey, hmacSignatureSecret: secret, expiresAt: Math.floor(Date.now() / 1000) + 600 }) as never;
      });
      expect(c.internships.callsOf('challenge')).to.have.length(0); // nothing before the student comes
      $<HTMLInputElement>(el, '#f-name')!.focus();
      await waitUntil(() => c.internships.callsOf('challenge').length === 1, 'challenge fetched on focus');
      await fillValid(el);
      submitButton(el).click();
      await waitUntil(() => c.internships.callsOf('apply').length === 1, 'applied');
      expect(c.internships.callsOf('challenge')).to.have.length(1);
      const [opening, body] = c.internships.callsOf('apply')[0] as [string, ApplicationCreate];
      expect(opening).to.equal(OPENING);
      const payload = JSON.parse(atob(body.altcha)) as { challenge: never; solution: never };
      const result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret: secret });
      expect(result.verified).to.equal(true);
      expect(body.student).to.deep.equal({ name: 'Yohana Kambu', nim: 'UMS-2022-0101', studyProgram: 'Teknik Informatika', semester: 5, email: 'yohana.kambu@example.ac.id', phone: '+62 812 3456 7890' });
      expect(body.motivation).to.equal(MOTIVATION);
      expect(body.consent).to.deep.equal({ noticeVersion: noticeId.version, noticeHash: noticeId.hash, accepted: true });
      expect(body.website).to.equal('');
      expect(workers).to.deep.equal([]);
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('replaces an expired solution at submit, keeps one the server did not spend, and solves anew after an altcha refusal', async () => {
    let n = 0;
    const { el, c } = await formWith((c) => {
      // The first challenge is already past its expiry when it arrives.
      c.internships.challengeAnswer = () => Promise.resolve(makeChallenge({ nonce: `${String(++n).padStart(2, '0')}${'a'.repeat(30)}`, expiresAt: n === 1 ? Math.floor(Date.now() / 1000) - 10 : Math.floor(Date.now() / 1000) + 600 }));
      c.internships.applyAnswer = problemError(400, { errors: [{ path: 'altcha', code: 'altcha.too-fast', message: 'The form was sent too quickly' }] });
    });
    $<HTMLInputElement>(el, '#f-name')!.focus();
    await fillValid(el);
    submitButton(el).click();
    await waitUntil(() => c.internships.callsOf('apply').length === 1, 'applied');
    expect(c.internships.callsOf('challenge')).to.have.length(2);
    const nonceOf = (call: unknown[]) => (JSON.parse(atob((call[1] as ApplicationCreate).altcha)) as { challenge: { parameters: { nonce: string } } }).challenge.parameters.nonce;
    expect(nonceOf(c.internships.callsOf('apply')[0])).to.match(/^02/);
    await waitUntil(() => squash($(el, '[part="error-summary"]')!.textContent).includes('terlalu cepat'), 'too fast');
    // "Too fast" did not spend it: the same solution goes again.
    c.internships.applyAnswer = problemError(400, { errors: [{ path: 'altcha', code: 'altcha.reused', message: 'Already used' }] });
    await waitUntil(() => !submitButton(el).getAttribute('aria-busy')?.includes('true'), 'idle');
    submitButton(el).click();
    await waitUntil(() => c.internships.callsOf('apply').length === 2, 'applied again');
    expect(nonceOf(c.internships.callsOf('apply')[1])).to.match(/^02/);
    // Refused as used: a new challenge is fetched for the next try.
    await waitUntil(() => c.internships.callsOf('challenge').length === 3, 'a new challenge');
    expect(squash($(el, '[part="error-summary"]')!.textContent)).to.include('Pemeriksaan keamanan tidak diterima');
  });

  it('is usable by keyboard: Tab order, Space ticks the consent, Enter sends', async () => {
    const { el, c } = await formWith();
    $<HTMLInputElement>(el, '#f-name')!.focus();
    const order = ['f-name'];
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(active(el)?.id || active(el)?.className || '');
    }
    expect(order).to.deep.equal(['f-name', 'f-nim', 'f-studyProgram', 'f-semester', 'f-email', 'f-phone', 'f-motivation', 'notice', 'f-consent', 'submit', 'secondary']);
    await fillValid(el);
    $<HTMLInputElement>(el, '#f-consent')!.click(); // untick, then tick again by keyboard
    await el.updateComplete;
    $<HTMLInputElement>(el, '#f-consent')!.focus();
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, '#f-consent')!.checked).to.equal(true);
    $<HTMLInputElement>(el, '#f-phone')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => c.internships.callsOf('apply').length === 1, 'Enter in a field sends the form');
  });

  it('shows the success state: the reference, what happens next, the private link; focuses it and fires the event without the link', async () => {
    const { el } = await formWith();
    await fillValid(el);
    const submitted = oneEvent(el, 'asn-application-submitted');
    submitButton(el).click();
    const event = await submitted;
    expect(event.detail).to.deep.equal({ queued: false, id: storyReceipt.id, reference: 'MG-2026-000123', openingId: OPENING, status: 'submitted', createdAt: storyReceipt.createdAt });
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => active(el)?.classList.contains('success-title'), 'focus on the success heading');
    expect(squash(active(el)!.textContent)).to.equal('Lamaran Anda terkirim');
    expect(squash($(el, '[part="reference"]')!.textContent)).to.equal('MG-2026-000123');
    expect(text(el)).to.include('Langkah berikutnya');
    const link = $<HTMLAnchorElement>(el, '[part="private-link"]')!;
    expect(link.href).to.equal(storyReceipt.privateUrl);
    expect(link.rel).to.include('noopener');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends once however often it is pressed', async () => {
    const { el, c } = await formWith((c) => {
      c.internships.applyAnswer = () => new Promise(() => undefined); // stays in flight
    });
    await fillValid(el);
    submitButton(el).click();
    submitButton(el).click();
    await waitUntil(() => c.internships.callsOf('apply').length === 1, 'one apply');
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(c.internships.callsOf('apply')).to.have.length(1);
  });

  it("shows the server's field errors beside their fields", async () => {
    const { el } = await formWith((c) => {
      c.internships.applyAnswer = problemError(400, {
        errors: [
          { path: 'student.nim', code: 'nim.format', message: 'Enter the student number (NIM) as printed on the student card' },
          { path: 'student.phone', code: 'phone.mobile', message: 'Enter an Indonesian mobile number' },
        ],
      });
    });
    await fillValid(el);
    submitButton(el).click();
    await waitUntil(() => $(el, '#f-nim-error'), 'server error shown');
    expect(fieldErrorText(el, 'f-nim')).to.include('Tulis NIM seperti di kartu mahasiswa');
    expect(fieldErrorText(el, 'f-phone')).to.include('Tulis nomor HP Indonesia');
    await waitUntil(() => active(el)?.id === 'f-nim', 'focus on the first refused field');
    await expect(el).to.be.accessible();
  });

  it('reloads a changed notice and asks to read it again; says a duplicate points to the private link; says how long to wait after 429', async () => {
    const { el, c } = await formWith((c) => {
      c.internships.applyAnswer = problemError(400, { errors: [{ path: 'consent.noticeVersion', code: 'notice.outdated', message: 'Not the current notice' }] });
    });
    await fillValid(el);
    c.internships.noticeAnswer = { ...noticeId, version: '2026-12', hash: 'b'.repeat(64) };
    submitButton(el).click();
    await waitUntil(() => $(el, '#f-consent-error'), 'consent error');
    expect(fieldErrorText(el, 'f-consent')).to.include('Pemberitahuan privasi baru saja diperbarui');
    const calls = c.internships.callsOf('privacyNotice');
    expect(calls.length).to.equal(2);
    expect((calls[1][1] as { fresh?: boolean }).fresh).to.equal(true);
    await waitUntil(() => squash($(el, '.consent')!.textContent).includes('versi 2026-12'), 'new version named');
    expect($<HTMLInputElement>(el, '#f-consent')!.checked).to.equal(false);

    c.internships.applyAnswer = problemError(409, { code: 'application.duplicate', detail: 'An application with this NIM exists' });
    $<HTMLInputElement>(el, '#f-consent')!.click();
    await el.updateComplete;
    submitButton(el).click();
    await waitUntil(() => squash($(el, '[part="error-summary"]')!.textContent).includes('sudah melamar'), 'duplicate');
    expect(squash($(el, '[part="error-summary"]')!.textContent)).to.include('tautan pribadi');

    c.internships.applyAnswer = problemError(429, { detail: 'Too many requests' }, { retryAfter: 30 });
    submitButton(el).click();
    await waitUntil(() => squash($(el, '[part="error-summary"]')!.textContent).includes('Terlalu banyak percobaan. Coba lagi dalam 30 detik.'), '429');
  });

  it('keeps what was typed (not the consent) when the element is made again', async () => {
    const { el } = await formWith();
    await fillValid(el);
    el.remove();
    const { el: again } = await formWith();
    expect($<HTMLInputElement>(again, '#f-name')!.value).to.equal('Yohana Kambu');
    expect($<HTMLInputElement>(again, '#f-nim')!.value).to.equal('UMS-2022-0101');
    expect($<HTMLSelectElement>(again, '#f-semester')!.value).to.equal('5');
    expect($<HTMLTextAreaElement>(again, '#f-motivation')!.value).to.equal(MOTIVATION);
    expect($<HTMLInputElement>(again, '#f-consent')!.checked).to.equal(false);
    expect(squash($(again, '[part="draft-note"]')?.textContent)).to.include('dipulihkan');
    // "Kosongkan formulir" forgets it.
    $<HTMLButtonElement>(again, '[part="clear"]')!.click();
    await again.updateComplete;
    again.remove();
    const { el: third } = await formWith();
    expect($<HTMLInputElement>(third, '#f-name')!.value).to.equal('');
  });

  it('offline, says it waits in the outbox, then shows the success state once the outbox sent it', async () => {
    const { el, c } = await formWith((c) => {
      c.internships.applyAnswer = queuedError('obx_app1');
    });
    await fillValid(el);
    const queued = oneEvent(el, 'asn-application-submitted');
    submitButton(el).click();
    expect((await queued).detail).to.deep.equal({ queued: true, entryId: 'obx_app1', openingId: OPENING });
    await waitUntil(() => active(el)?.classList.contains('success-title'), 'focus on the waiting heading');
    expect(squash(active(el)!.textContent)).to.equal('Tersimpan, akan dikirim saat tersambung kembali');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'asn-application-submitted');
    c.emitOutbox({ type: 'sent', entry: { id: 'obx_app1', route: 'createApplication', params: { id: OPENING } }, result: storyReceipt });
    expect((await sent).detail.queued).to.equal(false);
    await waitUntil(() => $(el, '[part="reference"]'), 'success after sending');
    expect(squash($(el, '[part="reference"]')!.textContent)).to.equal('MG-2026-000123');
  });

  it('renders the notice as text, even with markup in it', async () => {
    const { el } = await formWith((c) => {
      c.internships.noticeAnswer = hostileNotice;
    });
    const notice = $(el, '.notice')!;
    expect(notice.querySelector('img, b, script')).to.equal(null);
    expect(notice.textContent).to.include('<img src=x onerror="window.__pwned=1">');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks English with the notice in English', async () => {
    await setExplicitLocale('en');
    const { el, c } = await formWith();
    expect(c.internships.callsOf('privacyNotice')[0][0]).to.equal('en');
    expect(squash($(el, 'label[for="f-name"]')!.textContent)).to.equal('Full name');
    expect($(el, '#notice-title')!.textContent).to.equal('Privacy notice: internship applications to the City of Sorong');
    await expect(el).to.be.accessible();
  });

  it('fits a 320 px wide phone and follows the dark scheme accessibly', async () => {
    const c = new FakeCoachingClient();
    const wrapper = await fixture(html`<div class="narrow"><asn-internship-form opening=${OPENING} .client=${c.asClient()}></asn-internship-form></div>`);
    (wrapper as HTMLElement).style.cssText = 'width: 320px; color-scheme: dark';
    const el = wrapper.querySelector('asn-internship-form')!;
    await waitUntil(() => $(el, '.notice'), 'form rendered');
    const base = $(el, '[part="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(23, 32, 43)');
    await expect(el).to.be.accessible();
  });
});
