import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/feedback-form/define.js';
import { setExplicitLocale as setLocale } from '../../components/i18n/locale.js';
import type { AsnFeedbackForm } from '../../components/feedback-form/feedback-form.js';
import { FakeCoachingClient, makeGoal, ownerMe, queuedError, storyFeedback, storyGoals } from '../../stories/fixtures.js';
import { sandbox, sandboxToken, text } from './helpers.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
let seq = 0;
const recipient = () => `emp_test${Date.now()}${seq++}`;

async function formWith(client: FakeCoachingClient, employee = recipient()): Promise<AsnFeedbackForm> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
  provider.innerHTML = `<asn-feedback-form employee="${employee}"></asn-feedback-form>`;
  const el = provider.querySelector('asn-feedback-form')!;
  await el.updateComplete;
  return el;
}

async function typeMessage(el: AsnFeedbackForm, value: string): Promise<void> {
  const textarea = $<HTMLTextAreaElement>(el, '#message')!;
  textarea.value = value;
  textarea.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('asn-feedback-form', () => {
  before(async () => {
    await setLocale(null);
  });

  it('renders from properties: kind, rating with a none choice, goals, message with a visible count, accessibly', async () => {
    const el = await fixture<AsnFeedbackForm>(html`<asn-feedback-form employee="emp_x1" .goals=${storyGoals}></asn-feedback-form>`);
    const t = text(el);
    for (const s of ['Apresiasi', 'Bimbingan', 'Di atas ekspektasi', 'Sesuai ekspektasi', 'Di bawah ekspektasi', 'Tanpa penilaian', 'Tidak terkait sasaran']) {
      expect(t).to.include(s);
    }
    expect(el.shadowRoot!.querySelectorAll('#goal option')).to.have.length(4);
    expect($(el, '[part="counter"]')!.textContent!.trim()).to.equal('0 dari 2.000 karakter');
    await typeMessage(el, 'Bagus sekali');
    expect($(el, '[part="counter"]')!.textContent!.trim()).to.equal('12 dari 2.000 karakter');
    expect($(el, '#message')!.getAttribute('aria-describedby')).to.include('message-count');
    expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('blocks an empty message with the error beside the field and an announced summary; no request', async () => {
    const client = new FakeCoachingClient();
    const el = await formWith(client);
    // Before any error the (empty) live region is in the page but draws nothing: no stray red bar.
    const drawn = () => getComputedStyle($(el, '[part="error-summary"]')!).borderInlineStartWidth;
    expect(drawn()).to.equal('0px');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect(drawn()).to.equal('4px');
    const message = $(el, '#message')!;
    expect(message.getAttribute('aria-invalid')).to.equal('true');
    expect(message.getAttribute('aria-describedby')).to.include('message-error');
    expect($(el, '#message-error')!.textContent).to.include('Tulis pesan umpan balik');
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary.getAttribute('aria-live')).to.equal('assertive');
    expect(summary.textContent).to.include('Tulis pesan umpan balik');
    expect(active(el)).to.equal(message);
    expect(client.feedbackCalls).to.have.length(0);
    await expect(el).to.be.accessible();
    // Over the contract's 2000 characters: blocked too.
    await typeMessage(el, 'a'.repeat(2001));
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#message-error')!.textContent).to.include('2.000');
    expect($(el, '[part="counter"]')!.classList.contains('over')).to.equal(true);
    expect(client.feedbackCalls).to.have.length(0);
  });

  it('shows loading, empty and error states of the goal list, accessibly', async () => {
    const loading = new FakeCoachingClient();
    loading.goalsAnswers = [() => new Promise(() => {})];
    const a = await formWith(loading);
    await waitUntil(() => text(a).includes('Memuat sasaran'), 'loading');
    await expect(a).to.be.accessible();
    const empty = new FakeCoachingClient();
    empty.goalsAnswers = [[]];
    const b = await formWith(empty);
    await waitUntil(() => text(b).includes('belum memiliki sasaran'), 'empty');
    await expect(b).to.be.accessible();
    const failing = new FakeCoachingClient();
    failing.goalsAnswers = [Object.assign(new Error('x'), { name: 'NetworkError' }), storyGoals];
    const c = await formWith(failing);
    await waitUntil(() => $(c, 'button.retry'), 'error');
    await expect(c).to.be.accessible();
    $(c, 'button.retry')!.click();
    await waitUntil(() => c.shadowRoot!.querySelectorAll('#goal option').length === 4, 'goals after retry');
  });

  it('double-clicking submit sends ONE request, shows progress, then success; fires asn-feedback-submitted', async () => {
    const client = new FakeCoachingClient();
    let resolve!: (f: typeof storyFeedback) => void;
    client.createFeedbackAnswer = () => new Promise((r) => (resolve = r));
    const el = await formWith(client);
    await typeMessage(el, 'Terima kasih atas kerja kerasnya.');
    const submit = $<HTMLButtonElement>(el, 'button[type="submit"]')!;
    submit.click();
    submit.click();
    await el.updateComplete;
    submit.click();
    expect(client.feedbackCalls).to.have.length(1);
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.textContent).to.include('Mengirim');
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    resolve(storyFeedback);
    const event = await submitted;
    expect(event.detail).to.deep.equal({ queued: false, feedback: storyFeedback });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect($(el, '[part="success"]')!.textContent).to.include('Umpan balik terkirim');
    await waitUntil(() => active(el)?.classList.contains('success-title'), 'focus on the success heading');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.again')!.click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
    expect(client.feedbackCalls).to.have.length(1);
  });

  it('on a shared computer, another signed-in user never sees the previous user’s draft, not even while loading', async () => {
    const employee = recipient();
    const author = new FakeCoachingClient();
    const first = await formWith(author, employee);
    await waitUntil(() => !text(first).includes('Memuat sasaran'), 'me and goals loaded');
    await typeMessage(first, 'Catatan pribadi atasan A');
    first.remove(); // autosave flushed, signed as A

    const next = new FakeCoachingClient();
    let releaseMe!: () => void;
    const otherMe = { ...ownerMe, id: 'emp_someoneelse1' as const };
    next.meAnswer = () => new Promise((r) => (releaseMe = () => r(otherMe)));
    const second = await formWith(next, employee);
    expect($<HTMLTextAreaElement>(second, '#message')!.value, 'hidden while the user is unknown').to.equal('');
    releaseMe();
    await waitUntil(() => !text(second).includes('Memuat sasaran'), 'me and goals loaded');
    await second.updateComplete;
    expect($<HTMLTextAreaElement>(second, '#message')!.value).to.equal('');
    expect(text(second)).not.to.include('dipulihkan');

    // The author comes back: their draft is there.
    const third = await formWith(new FakeCoachingClient(), employee);
    await waitUntil(() => $<HTMLTextAreaElement>(third, '#message')!.value === 'Catatan pribadi atasan A', 'the author’s draft restored');
    expect(text(third)).to.include('dipulihkan');
  });

  it('keeps the draft across re-creating the element (a reload) and clears it on success', async () => {
    const client = new FakeCoachingClient();
    client.createFeedbackAnswer = storyFeedback;
    const employee = recipient();
    const first = await formWith(client, employee);
    $<HTMLTextAreaElement>(first, '#message')!.focus();
    await sendKeys({ type: 'Draf yang tidak boleh hilang' });
    $<HTMLInputElement>(first, '#kind-guidance')!.click();
    first.remove(); // the page goes away right after typing: the pending autosave is flushed

    const second = await formWith(client, employee);
    // Restored once the signed-in user is known to be the draft's author.
    await waitUntil(() => $<HTMLTextAreaElement>(second, '#message')!.value === 'Draf yang tidak boleh hilang', 'draft restored');
    expect($<HTMLInputElement>(second, '#kind-guidance')!.checked).to.equal(true);
    expect(text(second)).to.include('dipulihkan');
    // Another recipient does not see it.
    const other = await formWith(client, recipient());
    expect($<HTMLTextAreaElement>(other, '#message')!.value).to.equal('');

    const submitted = oneEvent(second, 'asn-feedback-submitted');
    $<HTMLButtonElement>(second, 'button[type="submit"]')!.click();
    await submitted;
    second.remove();
    const third = await formWith(client, employee);
    expect($<HTMLTextAreaElement>(third, '#message')!.value).to.equal('');
  });

  it('written offline (QueuedError): "Tersimpan, menunggu dikirim", the text stays visible, event queued: true', async () => {
    const client = new FakeCoachingClient();
    client.createFeedbackAnswer = queuedError('obx_fb1');
    const el = await formWith(client);
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')!.textContent).to.include('luring');
    await expect(el).to.be.accessible();
    await typeMessage(el, 'Pesan saat sinyal hilang');
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    const event = await submitted;
    expect(event.detail).to.deep.include({ queued: true, entryId: 'obx_fb1' });
    await el.updateComplete;
    const panel = $(el, '[part="success"]')!;
    expect(panel.textContent).to.include('Tersimpan, menunggu dikirim');
    expect(panel.textContent).to.include('Pesan saat sinyal hilang');
    await expect(el).to.be.accessible();
    // Refused later for good: the text comes back into the form with the reason.
    client.emitOutbox({
      type: 'failed',
      entry: { id: 'obx_fb1', body: { kind: 'appreciation', message: 'Pesan saat sinyal hilang' } },
      error: new Error('x'),
      problem: { detail: 'Tidak diizinkan' },
    });
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Pesan saat sinyal hilang');
    expect(text(el)).to.include('Tidak diizinkan');
    window.dispatchEvent(new Event('online'));
  });
});

describe('asn-feedback-form when the recipient changes', () => {
  before(async () => {
    await setLocale(null);
  });

  /** A client whose goal list answers per employee (a supervisor's reports each have their own goals). */
  function teamClient(goalsOf: Record<string, string>): FakeCoachingClient {
    const client = new FakeCoachingClient();
    client.goals.list = (...args: unknown[]) => {
      client.goalListCalls.push(args);
      const employee = String(args[0]);
      return Promise.resolve({ data: [makeGoal({ id: `goal_${employee}`, employeeId: employee as `emp_${string}`, title: goalsOf[employee] ?? 'Sasaran lain' })], nextCursor: null });
    };
    return client;
  }

  /** The portal's own markup around the form: the recipient's name in the `heading` slot, as a team page shows it. */
  async function teamForm(client: FakeCoachingClient, employee: string, name: string): Promise<{ el: AsnFeedbackForm; pick: (employee: string, name: string) => Promise<void> }> {
    const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
    provider.innerHTML = `<asn-feedback-form employee="${employee}"><span slot="heading" class="who">${name}</span></asn-feedback-form>`;
    const el = provider.querySelector('asn-feedback-form')!;
    const loaded = async () => {
      await waitUntil(() => $(el, '#goal option[value^="goal_"]'), 'goals loaded');
      await el.updateComplete;
    };
    await loaded();
    return {
      el,
      pick: async (next: string, nextName: string) => {
        el.employee = next;
        el.querySelector('.who')!.textContent = nextName;
        await el.updateComplete;
        await loaded();
      },
    };
  }

  const goalOptions = (el: AsnFeedbackForm) => [...el.shadowRoot!.querySelectorAll('#goal option')].map((o) => o.textContent!.trim());
  const message = (el: AsnFeedbackForm) => $<HTMLTextAreaElement>(el, '#message')!.value;

  it('after sending to A, picking B gives a fresh form (B’s goals and draft); back to A: a new form, not the old success', async () => {
    const a = recipient();
    const b = recipient();
    const client = teamClient({ [a]: 'Sasaran milik A', [b]: 'Sasaran milik B' });
    client.createFeedbackAnswer = { ...storyFeedback, employeeId: a as typeof storyFeedback.employeeId, message: 'Terima kasih, A.' };
    const { el, pick } = await teamForm(client, b, 'Benny Rumbiak');
    await typeMessage(el, 'Draf untuk B');
    await pick(a, 'Agustina Mambor');
    expect(message(el), 'B’s draft is not shown for A').to.equal('');
    expect(goalOptions(el)).to.include('Sasaran milik A');
    await typeMessage(el, 'Terima kasih, A.');
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await submitted;
    await el.updateComplete;
    expect($(el, '[part="success"]')!.textContent).to.include('Terima kasih, A.');

    await pick(b, 'Benny Rumbiak');
    expect($(el, '[part="success"]'), 'no success state of A under B’s name').to.equal(null);
    expect(el.querySelector('.who')!.textContent).to.equal('Benny Rumbiak');
    expect(text(el)).not.to.include('Terima kasih, A.');
    expect(message(el), 'B’s own draft').to.equal('Draf untuk B');
    expect(text(el)).to.include('dipulihkan');
    expect(goalOptions(el)).to.include('Sasaran milik B');
    expect(goalOptions(el)).not.to.include('Sasaran milik A');
    expect(String(client.goalListCalls.at(-1)![0])).to.equal(b);
    await expect(el).to.be.accessible();

    // Errors of B's form do not follow to A either.
    await typeMessage(el, '');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    expect($(el, '#message-error')).to.not.equal(null);
    await pick(a, 'Agustina Mambor');
    expect($(el, '[part="success"]'), 'not the old success').to.equal(null);
    expect($(el, '#message-error')).to.equal(null);
    expect($(el, '[part="error-summary"]')!.textContent!.trim()).to.equal('');
    expect($(el, '#message')!.getAttribute('aria-invalid')).to.equal('false');
    expect(message(el), 'A’s draft was cleared when it was sent').to.equal('');
    expect(text(el)).not.to.include('dipulihkan');
    expect(goalOptions(el)).to.include('Sasaran milik A');
    expect($<HTMLInputElement>(el, '#kind-appreciation')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#rating-none')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a draft typed for A is kept for A and not shown for B', async () => {
    const a = recipient();
    const b = recipient();
    const { el, pick } = await teamForm(teamClient({}), a, 'Agustina Mambor');
    await typeMessage(el, 'Catatan untuk A');
    $<HTMLInputElement>(el, '#kind-guidance')!.click();
    await el.updateComplete;
    await pick(b, 'Benny Rumbiak');
    expect(message(el)).to.equal('');
    expect($<HTMLInputElement>(el, '#kind-appreciation')!.checked).to.equal(true);
    expect(text(el)).not.to.include('dipulihkan');
    await pick(a, 'Agustina Mambor');
    expect(message(el)).to.equal('Catatan untuk A');
    expect($<HTMLInputElement>(el, '#kind-guidance')!.checked).to.equal(true);
  });

  it('a request still running for A when B is picked: its outcome does not land in B’s form', async () => {
    const a = recipient();
    const b = recipient();
    const client = teamClient({});
    let resolve!: (f: typeof storyFeedback) => void;
    client.createFeedbackAnswer = () => new Promise((r) => (resolve = r));
    const { el, pick } = await teamForm(client, a, 'Agustina Mambor');
    await typeMessage(el, 'Untuk A');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await el.updateComplete;
    await pick(b, 'Benny Rumbiak');
    const submit = $<HTMLButtonElement>(el, 'button[type="submit"]')!;
    expect(submit.getAttribute('aria-disabled'), 'B’s form is not busy with A’s request').to.equal('false');
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    resolve(storyFeedback);
    const event = await submitted; // the portal still hears that A's feedback was stored
    expect(event.detail.queued).to.equal(false);
    await el.updateComplete;
    expect($(el, '[part="success"]')).to.equal(null);
    expect(message(el)).to.equal('');
    await pick(a, 'Agustina Mambor');
    expect(message(el), 'A’s draft went when it was sent').to.equal('');
  });

  it('a value the portal sets together with the new recipient is kept (not replaced by a draft)', async () => {
    const a = recipient();
    const b = recipient();
    const { el, pick } = await teamForm(teamClient({}), a, 'Agustina Mambor');
    await typeMessage(el, 'Catatan untuk A');
    el.value = { kind: 'guidance', message: 'Isian dari portal untuk B' };
    await pick(b, 'Benny Rumbiak');
    expect(message(el)).to.equal('Isian dari portal untuk B');
    expect($<HTMLInputElement>(el, '#kind-guidance')!.checked).to.equal(true);
    await pick(a, 'Agustina Mambor');
    expect(message(el), 'what was typed for A stayed A’s draft').to.equal('Catatan untuk A');
  });

  it('drafts are per author: two supervisors on one computer writing to the same ASN keep their own', async () => {
    const employee = recipient();
    const first = await formWith(new FakeCoachingClient(), employee);
    await waitUntil(() => !text(first).includes('Memuat sasaran'), 'loaded');
    await typeMessage(first, 'Draf atasan pertama');
    first.remove();

    const other = new FakeCoachingClient();
    other.meAnswer = { ...ownerMe, id: 'emp_someoneelse2' as const };
    const second = await formWith(other, employee);
    await waitUntil(() => !text(second).includes('Memuat sasaran'), 'loaded');
    await second.updateComplete;
    expect($<HTMLTextAreaElement>(second, '#message')!.value).to.equal('');
    await typeMessage(second, 'Draf atasan kedua');
    second.remove();

    const back = await formWith(new FakeCoachingClient(), employee);
    await waitUntil(() => $<HTMLTextAreaElement>(back, '#message')!.value !== '', 'a draft restored');
    expect($<HTMLTextAreaElement>(back, '#message')!.value).to.equal('Draf atasan pertama');
  });

  it('a new token for another user on the same element: the last user’s typing is not shown to them', async () => {
    const employee = recipient();
    const client = new FakeCoachingClient();
    const provider = await fixture<HTMLElement & { client: unknown }>(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
    provider.innerHTML = `<asn-feedback-form employee="${employee}"></asn-feedback-form>`;
    const el = provider.querySelector('asn-feedback-form')!;
    await waitUntil(() => !text(el).includes('Memuat sasaran'), 'loaded');
    await typeMessage(el, 'Tulisan pengguna pertama');
    const next = new FakeCoachingClient();
    next.meAnswer = { ...ownerMe, id: 'emp_someoneelse3' as const };
    provider.client = next.asClient();
    await waitUntil(() => $<HTMLTextAreaElement>(el, '#message')!.value === '', 'the first user’s text is gone');
    await aTimeout(50);
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('');
  });
});

describe('asn-feedback-form against the sandbox API', () => {
  let url: string;
  let asn: Awaited<ReturnType<typeof sandboxToken>>;
  let supervisor: Awaited<ReturnType<typeof sandboxToken>>;
  before(async () => {
    await setLocale(null);
    url = await sandbox();
    asn = await sandboxToken(url, { role: 'employee' });
    supervisor = await sandboxToken(url, { employeeId: (asn.employee as { supervisorId?: string }).supervisorId! });
  });

  async function supervisorForm(goal?: string): Promise<AsnFeedbackForm> {
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${supervisor.token}
        ><asn-feedback-form employee=${asn.employee.id} goal=${goal ?? ''}></asn-feedback-form
      ></asn-provider>`,
    );
    const el = provider.querySelector('asn-feedback-form')!;
    await waitUntil(() => !text(el).includes('Memuat sasaran'), 'goals loaded', { timeout: 10_000 });
    return el;
  }

  it('is fully usable by keyboard: arrows in the radio groups, Tab, type, Enter; stored once', async function () {
    this.timeout(30_000);
    const el = await supervisorForm();
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('kind-appreciation');
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)?.id).to.equal('kind-guidance');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('rating-none');
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)?.id).to.equal('rating-above');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('goal');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('message');
    const message = `Bimbingan lewat keyboard ${Date.now()}`;
    await sendKeys({ type: message });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.classList.contains('submit')).to.equal(true);
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    expect(detail.queued).to.equal(false);
    if (detail.queued) return;
    expect(detail.feedback).to.deep.include({ kind: 'guidance', rating: 'above', message, goalId: null });
    await el.updateComplete;
    expect(text(el)).to.include('Umpan balik terkirim');
    await expect(el).to.be.accessible();
    const res = await fetch(`${url}/v1/employees/me/feedback?limit=100`, { headers: { authorization: `Bearer ${asn.token}` } });
    const page = (await res.json()) as { data: Array<{ message: string }> };
    expect(page.data.filter((f) => f.message === message)).to.have.length(1);
  });

  it('puts a server 400 field error beside its field', async function () {
    this.timeout(20_000);
    const el = await supervisorForm('goal_notTheRecipients1');
    await typeMessage(el, 'Terkait sasaran yang salah');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => $(el, '#goal-error'), 'server error beside the goal', { timeout: 10_000 });
    expect($(el, '#goal-error')!.textContent).to.include('bukan milik pegawai penerima');
    expect($(el, '#goal')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#goal')!.getAttribute('aria-describedby')).to.include('goal-error');
    expect($(el, '[part="error-summary"]')!.textContent).to.include('bukan milik pegawai penerima');
    expect(active(el)?.id).to.equal('goal');
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Terkait sasaran yang salah');
    await expect(el).to.be.accessible();
    await aTimeout(0);
  });
});
