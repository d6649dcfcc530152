import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/goal-list/define.js';
import { setExplicitLocale as setLocale } from '../../components/i18n/locale.js';
import type { AsnGoalList } from '../../components/goal-list/goal-list.js';
import { todayInWit } from '../../components/goal-list/at-risk.js';
import { FakeCoachingClient, makeGoal, queuedError, storyGoals } from '../../stories/fixtures.js';
import { sandbox, sandboxToken, text } from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T & Element>(sel) as T | null;
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The text an `aria-labelledby` / `aria-describedby` list points to, joined by spaces. */
const refText = (el: Element, ids: string | null) =>
  (ids ?? '').split(/\s+/).filter(Boolean).map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? `#${id}?`).join(' ');
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The coaching fake, keeping each subscription's handler so a test can push live events. */
class LiveCoachingClient extends FakeCoachingClient {
  handlers: ((e: unknown) => void)[] = [];
  override events = {
    subscribe: (topics: string[], handler?: (e: unknown) => void) => {
      this.subscriptions.push(topics);
      if (handler) this.handlers.push(handler);
      return () => undefined;
    },
  };
  push(event: Record<string, unknown>): void {
    for (const h of this.handlers) h({ topic: 'employee:emp_owner1', employeeId: 'emp_owner1', occurredAt: '2025-10-01T08:00:00+09:00', ...event });
  }
}

async function listWith(client: FakeCoachingClient, attrs = 'year="2025"'): Promise<AsnGoalList> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
  provider.innerHTML = `<asn-goal-list ${attrs}></asn-goal-list>`;
  const el = provider.querySelector('asn-goal-list')!;
  await el.updateComplete;
  return el;
}

describe('asn-goal-list from properties', () => {
  before(async () => {
    await setLocale(null);
  });

  it('renders goals with a progressbar, its Indonesian text equivalent, status, due date and competency', async () => {
    const el = await fixture<AsnGoalList>(html`<asn-goal-list year="2025" .goals=${storyGoals}></asn-goal-list>`);
    const bars = el.shadowRoot!.querySelectorAll('[role="progressbar"]');
    expect(bars).to.have.length(3);
    expect(bars[0].getAttribute('aria-valuetext')).to.equal('3 dari 5 pelatihan');
    expect(bars[0].getAttribute('aria-valuenow')).to.equal('3');
    expect(bars[0].getAttribute('aria-valuemax')).to.equal('5');
    const first = el.shadowRoot!.querySelector('li.goal')!.textContent!.replace(/\s+/g, ' ');
    expect(first).to.include('Menyelesaikan pelatihan literasi digital');
    expect(first).to.include('Aktif');
    expect(first).to.include('15 Des 2025');
    expect(first).to.include('Teknis');
    expect(text(el)).to.include('Tercapai');
    expect(text(el)).to.include('Sosial kultural');
    // Data only: read-only, no add / check-in controls.
    expect($(el, 'button.add')).to.equal(null);
    expect($(el, 'button.checkin')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('renders API text as text', async () => {
    const el = await fixture<AsnGoalList>(
      html`<asn-goal-list .goals=${[makeGoal({ title: '<img src=x onerror=alert(1)>' })]}></asn-goal-list>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el)).to.include('<img src=x onerror=alert(1)>');
  });

  it('switches to English', async () => {
    const el = await fixture<AsnGoalList>(html`<asn-goal-list year="2025" .goals=${storyGoals}></asn-goal-list>`);
    await setLocale('en');
    await el.updateComplete;
    expect($(el, '[role="progressbar"]')!.getAttribute('aria-valuetext')).to.equal('3 of 5 pelatihan');
    expect(text(el)).to.include('Goals 2025');
    await expect(el).to.be.accessible();
    await setLocale(null);
    await el.updateComplete;
    expect(text(el)).to.include('Sasaran 2025');
  });

  it('marks each at-risk and each overdue goal with a text badge that describes the goal', async () => {
    const today = todayInWit();
    const goals = [
      makeGoal({ id: 'goal_late1', title: 'Aktif lewat tenggat', dueDate: addDays(today, -1), measure: { unit: 'modul', target: 5, current: 4 } }),
      makeGoal({ id: 'goal_soon1', title: 'Tenggat dekat, progres rendah', dueDate: addDays(today, 10), measure: { unit: 'modul', target: 5, current: 1 } }),
      makeGoal({ id: 'goal_soon2', title: 'Tenggat dekat, hampir selesai', dueDate: addDays(today, 10), measure: { unit: 'modul', target: 5, current: 4 } }),
      makeGoal({ id: 'goal_far01', title: 'Tenggat masih jauh', dueDate: addDays(today, 60), measure: { unit: 'modul', target: 5, current: 0 } }),
      makeGoal({ id: 'goal_draft1', title: 'Draf lewat tenggat', status: 'draft', dueDate: addDays(today, -3) }),
      makeGoal({ id: 'goal_done1', title: 'Tercapai', status: 'achieved', dueDate: addDays(today, -3), measure: { unit: 'modul', target: 5, current: 5 } }),
      makeGoal({ id: 'goal_miss1', title: 'Tidak tercapai', status: 'missed', dueDate: addDays(today, -3) }),
    ];
    const el = await fixture<AsnGoalList>(html`<asn-goal-list .goals=${goals}></asn-goal-list>`);
    const badges = (id: string) =>
      [...el.shadowRoot!.querySelectorAll(`li[data-goal-id="${id}"] .badge`)].map((b) => b.textContent!.trim());
    expect(badges('goal_late1')).to.deep.equal(['Aktif', 'Berisiko', 'Lewat tenggat']);
    expect(badges('goal_soon1')).to.deep.equal(['Aktif', 'Berisiko']);
    expect(badges('goal_soon2')).to.deep.equal(['Aktif']);
    expect(badges('goal_far01')).to.deep.equal(['Aktif']);
    expect(badges('goal_draft1')).to.deep.equal(['Draf', 'Lewat tenggat']);
    expect(badges('goal_done1')).to.deep.equal(['Tercapai']);
    expect(badges('goal_miss1')).to.deep.equal(['Tidak tercapai']);
    // As many "Berisiko" badges as the progress card counts (the same rule): here 2.
    expect(el.shadowRoot!.querySelectorAll('[part~="at-risk"]')).to.have.length(2);

    // Heard, not only seen: the item and its bar are named by the title and described by the badges.
    const item = $(el, 'li[data-goal-id="goal_late1"]')!;
    expect(refText(el, item.getAttribute('aria-labelledby'))).to.equal('Aktif lewat tenggat');
    expect(refText(el, item.getAttribute('aria-describedby'))).to.equal('Aktif Berisiko Lewat tenggat');
    const progress = item.querySelector('[role="progressbar"]')!;
    expect(refText(el, progress.getAttribute('aria-describedby'))).to.equal('Aktif Berisiko Lewat tenggat');
    expect(refText(el, $(el, 'li[data-goal-id="goal_soon2"]')!.getAttribute('aria-describedby'))).to.equal('Aktif');
    await expect(el).to.be.accessible();

    await setLocale('en');
    await el.updateComplete;
    expect(badges('goal_late1')).to.deep.equal(['Active', 'At risk', 'Past due']);
    await setLocale(null);
  });

  it('shows a due date as a calendar day, without a time zone, in both locales', async () => {
    const el = await fixture<AsnGoalList>(html`<asn-goal-list .goals=${[makeGoal({ dueDate: '2026-12-31', year: 2026 })]}></asn-goal-list>`);
    const due = () => $(el, 'li.goal time')!;
    expect(due().textContent!.trim()).to.equal('31 Des 2026');
    expect(due().getAttribute('datetime')).to.equal('2026-12-31');
    expect($(el, 'li.goal .meta')!.textContent).to.not.include('WIT');
    await setLocale('en');
    await el.updateComplete;
    expect(due().textContent!.trim()).to.equal('Dec 31, 2026');
    expect(text(el)).to.not.include('WIT');
    await setLocale(null);
    await el.updateComplete;
    expect(text(el)).to.not.include('WIT');
  });
});

describe('asn-goal-list through a client', () => {
  before(async () => {
    await setLocale(null);
  });

  it('shows the loading skeleton while the provider has no client, accessibly', async () => {
    const provider = await fixture(html`<asn-provider><asn-goal-list></asn-goal-list></asn-provider>`);
    const el = provider.querySelector('asn-goal-list')!;
    await el.updateComplete;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.include('Memuat sasaran');
    await expect(el).to.be.accessible();
  });

  it('shows an encouraging empty state with the add button for the owner, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.goalsAnswers = [[]];
    const el = await listWith(client);
    await waitUntil(() => $(el, '.empty'), 'empty state');
    expect(text(el)).to.include('Belum ada sasaran');
    expect($(el, 'button.add')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry that fetches again, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.goalsAnswers = [Object.assign(new Error('x'), { name: 'PermissionError', status: 403 }), [makeGoal()]];
    const el = await listWith(client);
    await waitUntil(() => $(el, 'button.retry'), 'error state');
    expect(text(el)).to.include('tidak memiliki akses');
    await expect(el).to.be.accessible();
    $(el, 'button.retry')!.click();
    await waitUntil(() => $(el, 'li.goal'), 'loaded after retry');
  });

  it('keeps the goals with an offline notice when offline, accessibly', async () => {
    const el = await listWith(new FakeCoachingClient());
    await waitUntil(() => $(el, 'li.goal'), 'loaded');
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')!.textContent).to.include('luring');
    expect($(el, 'li.goal')).to.not.equal(null);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')).to.equal(null);
  });

  it('a supervisor (another employee’s list) sees no add or check-in controls', async () => {
    const client = new FakeCoachingClient();
    const el = await listWith(client, 'employee="emp_report9" year="2025"');
    await waitUntil(() => $(el, 'li.goal'), 'loaded');
    expect($(el, 'button.add')).to.equal(null);
    expect($(el, 'button.checkin')).to.equal(null);
    expect(client.subscriptions).to.deep.include(['employee:emp_report9']);
  });

  it('validates the add dialog with the contract: errors beside fields, no request', async () => {
    const client = new FakeCoachingClient();
    const el = await listWith(client);
    await waitUntil(() => $(el, 'button.add'), 'owner controls');
    $(el, 'button.add')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'dialog open');
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]')!.click();
    await el.updateComplete;
    const title = $<HTMLInputElement>(el, '#f-title')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('f-title-error');
    expect($(el, '#f-title-error')!.textContent).to.include('paling sedikit 3 karakter');
    expect($(el, '#f-target-error')!.textContent).to.include('lebih dari 0');
    expect(active(el)).to.equal(title);
    expect(client.createGoalCalls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a goal written offline shows as "Menunggu dikirim" and fires asn-goal-created with queued: true', async () => {
    const client = new FakeCoachingClient();
    client.createGoalAnswer = queuedError('obx_goal1');
    const el = await listWith(client);
    await waitUntil(() => $(el, 'button.add'), 'owner controls');
    $(el, 'button.add')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'dialog open');
    await el.updateComplete;
    $<HTMLInputElement>(el, '#f-title')!.value = 'Belajar Excel lanjutan';
    $<HTMLInputElement>(el, '#f-target')!.value = '2';
    const created = oneEvent(el, 'asn-goal-created');
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]')!.click();
    const event = await created;
    expect(event.detail.queued).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    const waiting = $(el, 'li.goal.waiting')!;
    expect(waiting.textContent).to.include('Belajar Excel lanjutan');
    expect(waiting.textContent).to.include('Menunggu dikirim');
    expect($(el, '[part="notice"]')!.textContent).to.include('menunggu dikirim');
    // Sent later: the waiting item leaves and the list reloads.
    client.emitOutbox({ type: 'sent', entry: { id: 'obx_goal1' }, result: {} });
    await el.updateComplete;
    expect($(el, 'li.goal.waiting')).to.equal(null);
  });

  it('a check-in written offline marks its goal "Menunggu dikirim"', async () => {
    const client = new FakeCoachingClient();
    const el = await listWith(client);
    await waitUntil(() => $(el, 'button.checkin'), 'check-in button');
    $(el, 'button.checkin')!.click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'dialog open');
    await el.updateComplete;
    $<HTMLInputElement>(el, '#f-value')!.value = '4';
    const created = oneEvent(el, 'asn-checkin-created');
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]')!.click();
    expect((await created).detail).to.deep.include({ queued: true, entryId: 'obx_chk1', goalId: 'goal_a1' });
    await el.updateComplete;
    expect($(el, 'li.goal')!.textContent).to.include('Menunggu dikirim');
  });

  it('re-fetches on a live event or invalidation without losing focus', async () => {
    const client = new FakeCoachingClient();
    client.goalsAnswers = [[makeGoal()], [makeGoal({ measure: { unit: 'pelatihan', target: 5, current: 4 } })]];
    const el = await listWith(client);
    await waitUntil(() => $(el, 'button.checkin'), 'loaded');
    const button = $(el, 'button.checkin')!;
    button.focus();
    client.invalidate(['goals:me']);
    await waitUntil(() => $(el, '[role="progressbar"]')!.getAttribute('aria-valuenow') === '4', 'updated');
    expect(active(el)).to.equal(button);
    const calls = client.goalListCalls.length;
    client.invalidate(['feedback:emp_other']);
    await aTimeout(100);
    expect(client.goalListCalls.length).to.equal(calls);
  });
});

describe('asn-goal-list against the sandbox API', () => {
  let url: string;
  before(async () => {
    await setLocale(null);
    url = await sandbox();
  });

  it('the owner adds a goal and checks in by keyboard: Tab, Enter, type, Enter, Escape; focus returns', async function () {
    this.timeout(30_000);
    const session = await sandboxToken(url, { role: 'employee' });
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-goal-list year=${year}></asn-goal-list></asn-provider>`,
    );
    const el = provider.querySelector('asn-goal-list')!;
    await waitUntil(() => $(el, 'button.add'), 'the owner sees Add goal', { timeout: 10_000 });
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    const add = $(el, 'button.add')!;
    expect(active(el)).to.equal(add);
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'dialog open');
    expect(active(el)?.id).to.equal('f-title');
    await expect(el).to.be.accessible();

    // Escape closes and focus returns to the opener.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed');
    expect(active(el)).to.equal(add);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'dialog open again');
    const title = `Sasaran uji ${Date.now()}`;
    await sendKeys({ type: title });
    await sendKeys({ press: 'Tab' }); // kind
    await sendKeys({ press: 'Tab' }); // competency
    await sendKeys({ press: 'Tab' }); // target
    await sendKeys({ type: '2' });
    const created = oneEvent(el, 'asn-goal-created');
    await sendKeys({ press: 'Enter' });
    const detail = (await created).detail;
    expect(detail.queued).to.equal(false);
    if (detail.queued) return;
    expect(detail.goal.title).to.equal(title);
    await waitUntil(() => !dialog.open, 'dialog closed after submit');
    expect(active(el)).to.equal(add);
    await waitUntil(() => $(el, `li[data-goal-id="${detail.goal.id}"]`), 'the new goal is listed');

    // Check in on the new goal (newest first: the first check-in button after Add), once the live refresh settled.
    await aTimeout(300);
    expect(active(el)).to.equal(add);
    await sendKeys({ press: 'Tab' });
    const checkin = $(el, `li[data-goal-id="${detail.goal.id}"] button.checkin`)!;
    expect(active(el)).to.equal(checkin);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'check-in dialog open');
    expect(active(el)?.id).to.equal('f-value');
    await sendKeys({ type: '2' }); // the current value is selected: typing replaces it
    const checkedIn = oneEvent(el, 'asn-checkin-created');
    await sendKeys({ press: 'Enter' });
    const c = (await checkedIn).detail;
    expect(c.queued).to.equal(false);
    if (c.queued) return;
    expect(c.goal.status).to.equal('achieved');
    await waitUntil(() => !dialog.open, 'check-in dialog closed');
    await waitUntil(() => $(el, `li[data-goal-id="${detail.goal.id}"]`)?.textContent?.includes('Tercapai'), 'achieved shown');
    expect(
      $(el, `li[data-goal-id="${detail.goal.id}"] [role="progressbar"]`)!.getAttribute('aria-valuetext'),
    ).to.equal('2 dari 2 pelatihan');
    await expect(el).to.be.accessible();
  });

  it('the direct supervisor sees the report’s goals read-only', async function () {
    this.timeout(20_000);
    const asn = await sandboxToken(url, { role: 'employee' });
    const supervisorId = (asn.employee as { supervisorId?: string }).supervisorId!;
    const supervisor = await sandboxToken(url, { employeeId: supervisorId });
    // The ASN has at least one goal.
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    await fetch(`${url}/v1/employees/me/goals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${asn.token}` },
      body: JSON.stringify({ title: 'Sasaran untuk dilihat atasan', kind: 'development', competency: 'technical', measure: { unit: 'modul', target: 3 }, year, dueDate: `${year}-12-01` }),
    });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${supervisor.token}
        ><asn-goal-list employee=${asn.employee.id} year=${year}></asn-goal-list
      ></asn-provider>`,
    );
    const el = provider.querySelector('asn-goal-list')!;
    await waitUntil(() => $(el, 'li.goal'), 'goals listed', { timeout: 10_000 });
    expect(text(el)).to.include('Sasaran untuk dilihat atasan');
    expect($(el, 'button.add')).to.equal(null);
    expect($(el, 'button.checkin')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('asn-goal-list live events', () => {
  before(async () => {
    await setLocale(null);
  });

  it('applies a created goal and the next version of a goal without a read; a version after a gap reads the list', async () => {
    const client = new LiveCoachingClient();
    client.goalsAnswers = [[makeGoal({ version: 1 })]];
    const el = await listWith(client);
    await waitUntil(() => el.shadowRoot!.querySelector('li.goal') && client.handlers.length > 0, 'loaded and subscribed');
    const calls = client.goalListCalls.length;

    client.push({ id: '61', type: 'goal.created', goal: makeGoal({ id: 'goal_live1', title: 'Sasaran dari tab lain', version: 1 }) });
    await waitUntil(() => text(el).includes('Sasaran dari tab lain'), 'the created goal');
    client.push({ id: '62', type: 'goal.updated', goal: makeGoal({ version: 2, title: 'Judul yang diubah', measure: { unit: 'pelatihan', target: 5, current: 4 } }) });
    await waitUntil(() => text(el).includes('Judul yang diubah'), 'the next version');
    expect(el.shadowRoot!.querySelectorAll('li.goal')).to.have.length(2);
    client.push({ id: '63', type: 'checkin.created', checkIn: { id: 'chk_x1', goalId: 'goal_a1', value: 4, note: null, createdAt: '2025-10-01T08:00:00+09:00', authorId: 'emp_owner1' } });
    await aTimeout(100);
    expect(client.goalListCalls.length, 'no read').to.equal(calls);

    client.goalsAnswers = [[makeGoal({ version: 4, title: 'Versi keempat' })]];
    client.push({ id: '64', type: 'goal.updated', goal: makeGoal({ version: 4, title: 'Versi keempat' }) }); // 3 was missed
    await waitUntil(() => client.goalListCalls.length === calls + 1, 'a read after a version gap');
    await waitUntil(() => text(el).includes('Versi keempat'), 'read again');
  });
});
