import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/feedback-feed/define.js';
import type { AsnFeedbackFeed } from '../../components/feedback-feed/feedback-feed.js';
import { formatDateTime } from '../../components/i18n/format.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Feedback, Me, Page } from '../../src/contract/index.js';
import type { Client } from '../../src/client/types.js';
import { feedbackGoals, feedbackItems } from '../../stories/fixtures.js';
import { networkError, permissionError, sandbox, sandboxToken, text } from './helpers.js';

const XSS = '<img src=x onerror=alert(1)>';

const me: Me = {
  id: 'emp_owner1',
  nip: '198503152010011001',
  name: 'Yohana Kambu',
  employmentType: 'PNS',
  position: 'Analis Kepegawaian',
  grade: 'III/b',
  unit: { id: 'unit_bkpsdm', name: 'BKPSDM Kota Sorong' },
  supervisorId: 'emp_boss1',
  role: 'employee',
} as Me;

type Answer<T> = T | Error | (() => Promise<T>);
const answer = <T>(a: Answer<T>): Promise<T> =>
  typeof a === 'function' ? (a as () => Promise<T>)() : a instanceof Error ? Promise.reject(a) : Promise.resolve(structuredClone(a));

/** A hand-driven client for the feed: `feedback.list` answers from a queue, `acknowledge` from `ackAnswer`. */
class FeedClient {
  readonly baseUrl = 'http://fake.invalid';
  readonly hasCredentials = true;
  pages: Answer<Page<Feedback>>[] = [{ data: feedbackItems, nextCursor: null }];
  listCalls: Array<{ employee: string; query: { cursor?: string } }> = [];
  ackCalls: Array<{ id: string; body: unknown }> = [];
  ackAnswer: Answer<Feedback> | null = null;
  subscriptions: Array<{ topics: string[]; handler: (e: unknown) => void }> = [];
  private listeners = new Set<(tags: readonly string[]) => void>();
  private outboxListeners = new Set<(e: unknown) => void>();
  outbox = {
    enabled: true,
    list: () => Promise.resolve([]),
    subscribe: (l: (e: unknown) => void) => {
      this.outboxListeners.add(l);
      return () => this.outboxListeners.delete(l);
    },
  };
  emitOutbox(event: unknown): void {
    for (const l of this.outboxListeners) l(event);
  }

  me = { get: () => Promise.resolve(structuredClone(me)) };
  goals = { list: () => Promise.resolve({ data: feedbackGoals, nextCursor: null }) };
  feedback = {
    list: (employee: string, query: { cursor?: string } = {}) => {
      this.listCalls.push({ employee, query });
      const next = this.pages.length > 1 ? this.pages.shift()! : this.pages[0];
      return answer(next);
    },
    acknowledge: (id: string, body: { response?: string } = {}) => {
      this.ackCalls.push({ id, body });
      if (this.ackAnswer) return answer(this.ackAnswer);
      const item = feedbackItems.find((f) => f.id === id)!;
      return Promise.resolve({ ...item, acknowledgedAt: '2026-03-14T10:00:00+09:00', response: body.response ?? null });
    },
  };
  events = {
    subscribe: (topics: string[], handler: (e: unknown) => void) => {
      const sub = { topics, handler };
      this.subscriptions.push(sub);
      return () => (this.subscriptions = this.subscriptions.filter((s) => s !== sub));
    },
  };
  onInvalidate(l: (tags: readonly string[]) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  invalidate(tags: string[]) {
    for (const l of this.listeners) l(tags);
  }
  setToken() {}
  close() {}
  asClient() {
    return this as unknown as Client;
  }
}

const shadow = (el: Element) => el.shadowRoot!;
const itemsOf = (el: AsnFeedbackFeed) => [...shadow(el).querySelectorAll<HTMLElement>('li.item')];

async function feedWith(items: Feedback[] = feedbackItems): Promise<AsnFeedbackFeed> {
  const el = await fixture<AsnFeedbackFeed>(html`<asn-feedback-feed .items=${items} .goals=${feedbackGoals}></asn-feedback-feed>`);
  await el.updateComplete;
  return el;
}

async function feedThrough(client: FeedClient, employee = 'me'): Promise<AsnFeedbackFeed> {
  const provider = await fixture(
    html`<asn-provider .client=${client.asClient()}><asn-feedback-feed employee=${employee}></asn-feedback-feed></asn-provider>`,
  );
  const feed = provider.querySelector('asn-feedback-feed')!;
  await waitUntil(() => shadow(feed).querySelector('li.item, .empty, .error'), 'feed rendered');
  return feed;
}

describe('asn-feedback-feed from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('lists feedback newest first with author, kind, rating, goal and time in WIT', async () => {
    const el = await feedWith([...feedbackItems].reverse()); // given oldest first: still shown newest first
    const items = itemsOf(el);
    expect(items).to.have.length(3);
    const first = items[0].textContent!.replace(/\s+/g, ' ');
    expect(first).to.include('Apresiasi dari Markus Wanma');
    expect(first).to.include('Di atas ekspektasi');
    expect(first).to.include('12 Mar 2026, 09.15 WIT'); // the shared format (formatDateTime), as on the progress card
    expect(first).to.include('Sasaran: Menyelesaikan pelatihan literasi digital');
    const third = items[2].textContent!.replace(/\s+/g, ' ');
    expect(third).to.include('Bimbingan dari Markus Wanma');
    expect(third).to.include('Di bawah ekspektasi');
    expect(third).to.include('goal_unknown9'); // title unknown: the id
    expect(third).to.include('Siap, Pak.');
    expect(items[0].querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-12T09:15:00+09:00');
  });

  it('renders an HTML-looking message as text: no <img> is created and no handler runs', async () => {
    const calls: unknown[] = [];
    const originalAlert = window.alert;
    window.alert = (...args: unknown[]) => void calls.push(args);
    try {
      const el = await feedWith();
      await aTimeout(100);
      const message = itemsOf(el)[1].querySelector('[part="message"]')!;
      expect(message.textContent).to.equal(XSS);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(message.children).to.have.length(0);
      expect(calls).to.have.length(0);
    } finally {
      window.alert = originalAlert;
    }
  });

  it('makes unacknowledged feedback stand out with text, not colour alone', async () => {
    const el = await feedWith();
    const [a, b, c] = itemsOf(el);
    expect(a.getAttribute('part')).to.include('item-unacknowledged');
    expect(b.getAttribute('part')).to.include('item-unacknowledged');
    expect(c.getAttribute('part')).to.not.include('item-unacknowledged');
    expect(a.textContent).to.include('Belum ditanggapi');
    expect(c.textContent).to.not.include('Belum ditanggapi');
    expect(text(el)).to.include('2 belum ditanggapi');
    // Visual: a thicker start border than acknowledged items.
    const border = (li: Element) => parseFloat(getComputedStyle(li.querySelector('article')!).borderInlineStartWidth);
    expect(border(a)).to.be.greaterThan(border(c));
  });

  it('uses no style attribute anywhere (strict CSP) and is accessible', async () => {
    const el = await feedWith();
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a read-only feed to a supervisor (employee is not the viewer)', async () => {
    const el = await fixture<AsnFeedbackFeed>(html`<asn-feedback-feed employee="emp_owner1" .items=${feedbackItems}></asn-feedback-feed>`);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(text(el)).to.include('Belum ditanggapi');
  });

  it('shows an empty state, accessibly', async () => {
    const el = await feedWith([]);
    expect(text(el)).to.include('Belum ada umpan balik');
    await expect(el).to.be.accessible();
  });

  it('shows a loading skeleton while it has no client, accessibly', async () => {
    const provider = await fixture(html`<asn-provider><asn-feedback-feed></asn-feedback-feed></asn-provider>`);
    const el = provider.querySelector('asn-feedback-feed')!;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.include('Memuat umpan balik');
    await expect(el).to.be.accessible();
  });

  it('keeps the items with an offline notice, accessibly', async () => {
    const el = await feedWith();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="offline"]')!.textContent).to.include('luring');
    expect(itemsOf(el)).to.have.length(3);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="offline"]')).to.equal(null);
  });

  it('switches to English', async () => {
    const el = await feedWith();
    await setExplicitLocale('en');
    await el.updateComplete;
    expect(text(el)).to.include('Appreciation from Markus Wanma');
    expect(text(el)).to.include('Not yet acknowledged');
    // 24-hour clock in English too, in the one shared format: `Mar 12, 2026, 09:15 WIT`.
    expect(text(el)).to.include('Mar 12, 2026, 09:15 WIT');
    expect(text(el)).to.include('Feb 20, 2026, 08:05 WIT');
    expect(text(el)).not.to.match(/\b[AP]M\b/);
    for (const time of shadow(el).querySelectorAll('time')) {
      expect(time.textContent).to.equal(formatDateTime(time.getAttribute('datetime')!, 'en'));
    }
    await setExplicitLocale(null);
    await el.updateComplete;
    expect(text(el)).to.include('Apresiasi dari Markus Wanma');
  });
});

describe('asn-feedback-feed through a client', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  it('acknowledges by keyboard: Tab, type a reply, Enter; the item stops standing out and the event fires', async () => {
    const client = new FeedClient();
    const feed = await feedThrough(client);
    expect(client.subscriptions.map((s) => s.topics)).to.deep.equal([['employee:emp_owner1']]);
    await sendKeys({ press: 'Tab' });
    const input = shadow(feed).activeElement as HTMLInputElement;
    expect(input?.getAttribute('name')).to.equal('response');
    expect(input.closest('li')).to.equal(itemsOf(feed)[0]);
    await sendKeys({ type: 'Siap, terima kasih' });
    const event = oneEvent(feed, 'asn-feedback-acknowledged');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' }); // a second Enter while sending: no double submit
    const { detail, bubbles, composed } = await event;
    expect(bubbles && composed).to.equal(true);
    expect(detail.feedback.id).to.equal('fb_feed0001');
    expect(detail.feedback.response).to.equal('Siap, terima kasih');
    await aTimeout(50);
    expect(client.ackCalls).to.deep.equal([{ id: 'fb_feed0001', body: { response: 'Siap, terima kasih' } }]);
    await feed.updateComplete;
    const first = itemsOf(feed)[0];
    expect(first.getAttribute('part')).to.not.include('item-unacknowledged');
    expect(first.textContent).to.not.include('Belum ditanggapi');
    expect(first.textContent).to.include('Siap, terima kasih');
    expect(first.querySelector('form')).to.equal(null);
    // Focus did not fall to <body>: it is on the acknowledged item.
    expect(shadow(feed).activeElement?.id).to.equal('fb-fb_feed0001');
  });

  it('shows a server error beside the form and keeps the reply', async () => {
    const client = new FeedClient();
    client.ackAnswer = permissionError();
    const feed = await feedThrough(client);
    const input = shadow(feed).querySelector<HTMLInputElement>('input[name="response"]')!;
    input.focus();
    await sendKeys({ type: 'Oke' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(feed).querySelector('.ack-error'), 'error shown');
    const error = shadow(feed).querySelector('.ack-error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.include('Hanya penerima');
    expect(input.value).to.equal('Oke');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(itemsOf(feed)[0].getAttribute('part')).to.include('item-unacknowledged');
    await expect(feed).to.be.accessible();
  });

  it('an acknowledgement written offline waits ("Menunggu dikirim"); refused later, the reason shows and it can be sent again', async () => {
    const client = new FeedClient();
    client.ackAnswer = Object.assign(new Error('queued'), { name: 'QueuedError', entry: { id: 'obx_ack1' } });
    const feed = await feedThrough(client);
    const input = shadow(feed).querySelector<HTMLInputElement>('input[name="response"]')!;
    input.focus();
    await sendKeys({ type: 'Siap' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => itemsOf(feed)[0].textContent?.includes('Menunggu dikirim'), 'shown as waiting');
    expect(itemsOf(feed)[0].querySelector('form'), 'no second acknowledgement while one waits').to.equal(null);
    await expect(feed).to.be.accessible();

    client.emitOutbox({
      type: 'failed',
      entry: { id: 'obx_ack1', route: 'acknowledgeFeedback', params: { id: 'fb_feed0001' }, body: { response: 'Siap' } },
      error: new Error('409'),
      problem: { title: 'Conflict', detail: 'Umpan balik ini sudah ditanggapi.' },
    });
    await feed.updateComplete;
    const first = itemsOf(feed)[0];
    expect(first.textContent).to.not.include('Menunggu dikirim');
    expect(first.querySelector('.ack-error')?.textContent).to.include('Umpan balik ini sudah ditanggapi.');
    expect(first.querySelector('form'), 'offered again').to.not.equal(null);
    await expect(feed).to.be.accessible();
  });

  it('shows new feedback live, announced politely, without moving focus', async () => {
    const client = new FeedClient();
    const feed = await feedThrough(client);
    const input = shadow(feed).querySelector<HTMLInputElement>('input[name="response"]')!;
    input.focus();
    const fresh: Feedback = { ...feedbackItems[0], id: 'fb_feed0099', message: 'Bagus sekali presentasinya.', createdAt: '2026-03-14T08:00:00+09:00' } as Feedback;
    client.pages = [{ data: [fresh, ...feedbackItems], nextCursor: null }];
    client.subscriptions[0].handler({ type: 'feedback.created' });
    await waitUntil(() => itemsOf(feed).length === 4, 'new item');
    expect(itemsOf(feed)[0].textContent).to.include('Bagus sekali presentasinya.');
    await waitUntil(() => shadow(feed).querySelector('[aria-live="polite"]')!.textContent!.includes('Umpan balik baru dari Markus Wanma'), 'announced');
    expect(shadow(feed).activeElement).to.equal(input);
  });

  it('applies new and acknowledged feedback carried by the event without a read; an event without it reads again', async () => {
    const client = new FeedClient();
    const feed = await feedThrough(client);
    const calls = client.listCalls.length;
    const event = (id: string, type: string, feedback?: Feedback) =>
      ({ id, type, topic: 'employee:emp_owner1', employeeId: 'emp_owner1', occurredAt: '2026-03-14T08:00:00+09:00', ...(feedback ? { feedback, unacknowledgedFeedback: 1 } : {}) });
    const fresh = { ...feedbackItems[0], id: 'fb_feed0098', message: 'Laporan Anda rapi.', createdAt: '2026-03-14T08:00:00+09:00', goalId: null } as Feedback;
    client.subscriptions[0].handler(event('51', 'feedback.created', fresh));
    await waitUntil(() => itemsOf(feed).length === 4, 'the new item');
    expect(itemsOf(feed)[0].textContent).to.include('Laporan Anda rapi.');
    await waitUntil(() => shadow(feed).querySelector('[aria-live="polite"]')!.textContent!.includes('Umpan balik baru dari Markus Wanma'), 'announced');
    client.subscriptions[0].handler(event('52', 'feedback.acknowledged', { ...fresh, acknowledgedAt: '2026-03-14T09:00:00+09:00', response: 'Terima kasih, Pak.' }));
    await waitUntil(() => itemsOf(feed)[0].textContent!.includes('Terima kasih, Pak.'), 'the acknowledgement');
    await aTimeout(100);
    expect(client.listCalls.length, 'no read').to.equal(calls);

    client.subscriptions[0].handler(event('53', 'feedback.created'));
    await waitUntil(() => client.listCalls.length === calls + 1, 'a read for an event without the feedback');
  });

  it('re-fetches on a feedback invalidation', async () => {
    const client = new FeedClient();
    const feed = await feedThrough(client);
    const calls = client.listCalls.length;
    client.invalidate(['goals:emp_other']);
    await aTimeout(100);
    expect(client.listCalls.length).to.equal(calls);
    client.invalidate(['feedback:me']);
    await waitUntil(() => client.listCalls.length === calls + 1, 're-fetch');
    expect(feed).to.exist;
  });

  it('loads more with the next cursor', async () => {
    const client = new FeedClient();
    const older = { ...feedbackItems[2], id: 'fb_feed0200', createdAt: '2026-01-10T08:00:00+09:00', message: 'Catatan lama' } as Feedback;
    client.pages = [{ data: feedbackItems, nextCursor: 'c2' }, { data: [older], nextCursor: null }];
    const feed = await feedThrough(client);
    const button = shadow(feed).querySelector<HTMLButtonElement>('[part="load-more"]')!;
    expect(button.textContent).to.include('Muat lebih banyak');
    button.click();
    await waitUntil(() => itemsOf(feed).length === 4, 'older item');
    expect(client.listCalls.at(-1)!.query.cursor).to.equal('c2');
    expect(shadow(feed).querySelector('[part="load-more"]')).to.equal(null);
    expect(itemsOf(feed)[3].textContent).to.include('Catatan lama');
  });

  it('shows an error with a retry that works, accessibly', async () => {
    const client = new FeedClient();
    client.pages = [networkError(), { data: feedbackItems, nextCursor: null }];
    const feed = await feedThrough(client);
    expect(text(feed)).to.include('Server tidak dapat dihubungi');
    await expect(feed).to.be.accessible();
    shadow(feed).querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => itemsOf(feed).length === 3, 'loaded after retry');
  });
});

describe('asn-feedback-feed against the sandbox API', () => {
  let url: string;
  before(async () => {
    url = await sandbox();
    await setExplicitLocale(null);
  });

  it('loads the signed-in employee’s feedback and acknowledges by keyboard', async () => {
    const session = await sandboxToken(url, { role: 'employee' });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${session.token}><asn-feedback-feed></asn-feedback-feed></asn-provider>`,
    );
    const feed = provider.querySelector('asn-feedback-feed')!;
    await waitUntil(() => itemsOf(feed).length > 0, 'feedback from the server', { timeout: 10_000 });
    await expect(feed).to.be.accessible();
    const open = itemsOf(feed).find((li) => li.querySelector('form'));
    expect(open, 'the seeded demo employee has an unacknowledged feedback').to.exist;
    open!.querySelector<HTMLInputElement>('input[name="response"]')!.focus();
    await sendKeys({ type: 'Terima kasih, Pak' });
    const event = oneEvent(feed, 'asn-feedback-acknowledged');
    await sendKeys({ press: 'Enter' });
    const { detail } = await event;
    expect(detail.feedback.acknowledgedAt).to.be.a('string');
    expect(detail.feedback.response).to.equal('Terima kasih, Pak');
    await feed.updateComplete;
    const item = shadow(feed).querySelector(`#fb-${detail.feedback.id}`)!.closest('li')!;
    expect(item.getAttribute('part')).to.not.include('item-unacknowledged');
  });

  it('shows the 403 error for a colleague’s feed, accessibly', async () => {
    const a = await sandboxToken(url, { role: 'employee' });
    const boss = await sandboxToken(url, { role: 'supervisor' });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${a.token}><asn-feedback-feed employee=${boss.employee.id}></asn-feedback-feed></asn-provider>`,
    );
    const feed = provider.querySelector('asn-feedback-feed')!;
    await waitUntil(() => shadow(feed).querySelector('.error, li.item'), 'settled', { timeout: 10_000 });
    // The default employee is not the first supervisor's manager: access is refused.
    expect(text(feed)).to.include('tidak memiliki akses');
    await expect(feed).to.be.accessible();
  });
});
