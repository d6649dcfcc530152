import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/index.js';
import { setLocale } from '../../components/index.js';
import type { AsnProgressCard } from '../../components/progress-card/progress-card.js';
import { defineElement } from '../../components/shared/define-element.js';
import { emptySummary, loadedSummary } from '../../stories/fixtures.js';
import { FakeClient, networkError, permissionError, text } from './helpers.js';

const bar = (el: AsnProgressCard) => el.shadowRoot!.querySelector('[role="progressbar"]')!;

async function cardWith(summary = loadedSummary): Promise<AsnProgressCard> {
  const el = await fixture<AsnProgressCard>(html`<asn-progress-card .summary=${summary}></asn-progress-card>`);
  await el.updateComplete;
  return el;
}

describe('asn-progress-card from properties', () => {
  before(async () => {
    await setLocale(null); // <html lang> is empty in the test page: Indonesian, the default
  });

  it('renders JP against the 20 JP target with progressbar values and a text equivalent', async () => {
    const el = await cardWith();
    const progress = bar(el);
    expect(progress.getAttribute('aria-valuenow')).to.equal('12.5');
    expect(progress.getAttribute('aria-valuemin')).to.equal('0');
    expect(progress.getAttribute('aria-valuemax')).to.equal('20');
    expect(progress.getAttribute('aria-valuetext')).to.equal('12,5 dari 20 JP');
    const t = text(el);
    expect(t).to.include('Progres belajar 2025');
    expect(t).to.include('12,5 dari 20 JP');
    expect(t).to.include('7,5 JP lagi');
  });

  it('shows JP by competency type and month by month as text', async () => {
    const el = await cardWith();
    const competencies = el.shadowRoot!.querySelector('[part="competencies"]')!.textContent!.replace(/\s+/g, ' ');
    expect(competencies).to.include('Teknis 8 JP');
    expect(competencies).to.include('Manajerial 3 JP');
    expect(competencies).to.include('Sosial kultural 1,5 JP');
    const rows = [...el.shadowRoot!.querySelectorAll('[part="chart"] tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent!.trim()).join(' '),
    );
    expect(rows).to.have.length(12);
    expect(rows[1]).to.equal('Februari 2');
    expect(rows[8]).to.equal('September 3,5');
    const bars = el.shadowRoot!.querySelectorAll('[part="chart"] rect.chart-bar');
    expect(bars).to.have.length(4); // only months with JP get a bar
  });

  it('says how much of the JP completed training programs credited and how much was recorded by hand', async () => {
    const el = await cardWith();
    const sources = el.shadowRoot!.querySelector('[part="sources"]')!;
    // A list of two, so a screen reader hears two figures; the "·" between them is CSS with empty alt text.
    expect([...sources.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      '8 JP dari program pelatihan',
      '4,5 JP dicatat manual',
    ]);
    expect(getComputedStyle(sources.querySelectorAll('li')[1], '::before').content).to.include('·');
    await setLocale('en');
    await el.updateComplete;
    expect(sources.textContent!.replace(/\s+/g, ' ')).to.include('8 JP from training programs').and.include('4.5 JP recorded by hand');
    await setLocale(null);
    await el.updateComplete;
    // Nothing learned yet: nothing to split.
    const empty = await cardWith(emptySummary);
    expect(empty.shadowRoot!.querySelector('[part="sources"]')).to.equal(null);
  });

  it('shows goal and feedback counts', async () => {
    const el = await cardWith();
    const stats = el.shadowRoot!.querySelector('[part="stats"]')!.textContent!.replace(/\s+/g, ' ');
    expect(stats).to.match(/Sasaran\s*4/);
    expect(stats).to.match(/Aktif\s*2/);
    expect(stats).to.match(/Tercapai\s*1/);
    expect(stats).to.match(/Berisiko\s*1/);
    expect(stats).to.match(/Umpan balik diterima\s*3/);
    expect(stats).to.include('14 Sep 2025');
  });

  it('uses no inline style attribute anywhere (strict CSP)', async () => {
    const el = await cardWith();
    expect(el.shadowRoot!.querySelectorAll('[style]')).to.have.length(0);
    expect(el.hasAttribute('style')).to.equal(false);
  });

  it('renders API text as text, never HTML', async () => {
    // Numbers are the only API data the card shows; a forged id in an event must not become markup.
    const el = await cardWith({ ...loadedSummary, employeeId: 'emp_x' });
    expect(el.shadowRoot!.querySelector('img,script')).to.equal(null);
  });

  it('is accessible when loaded', async () => {
    const el = await cardWith();
    await expect(el).to.be.accessible();
  });

  it('shows an encouraging empty state with the 20 JP duty, accessibly', async () => {
    const el = await cardWith(emptySummary);
    const state = el.shadowRoot!.querySelector('[part="state"]')!;
    expect(state.textContent).to.include('paling sedikit 20 JP per tahun');
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('shows a loading skeleton with aria-busy while it has no client, accessibly', async () => {
    const el = await fixture<AsnProgressCard>(html`<asn-provider><asn-progress-card></asn-progress-card></asn-provider>`);
    const card = el.querySelector('asn-progress-card')!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(card.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    expect(text(card)).to.include('Memuat progres belajar');
    await expect(card).to.be.accessible();
  });

  it('keeps showing the data with an offline notice when the browser goes offline, accessibly', async () => {
    const el = await cardWith();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(el.offline).to.equal(true);
    const notice = el.shadowRoot!.querySelector('[part="offline"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.include('luring');
    expect(bar(el).getAttribute('aria-valuenow')).to.equal('12.5');
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="offline"]')).to.equal(null);
  });

  it('switches to English and back, re-rendering on locale change, accessibly', async () => {
    const el = await cardWith();
    await setLocale('en');
    await el.updateComplete;
    expect(bar(el).getAttribute('aria-valuetext')).to.equal('12.5 of 20 JP');
    expect(text(el)).to.include('Learning progress 2025');
    expect(text(el)).to.include('Technical');
    expect(text(el)).to.include('Sep 14, 2025');
    await expect(el).to.be.accessible();
    await setLocale(null);
    await el.updateComplete;
    expect(text(el)).to.include('Progres belajar 2025');
  });

  it('follows <asn-provider locale>', async () => {
    const provider = await fixture(
      html`<asn-provider locale="en"><asn-progress-card .summary=${loadedSummary}></asn-progress-card></asn-provider>`,
    );
    const card = provider.querySelector('asn-progress-card')!;
    await waitUntil(() => text(card).includes('Learning progress'), 'English after locale="en"');
    provider.setAttribute('locale', 'id');
    await waitUntil(() => text(card).includes('Progres belajar'), 'Indonesian after locale="id"');
    provider.removeAttribute('locale');
    await setLocale(null);
  });
});

describe('asn-progress-card through a client', () => {
  before(async () => {
    await setLocale(null);
  });

  async function cardWithClient(client: FakeClient) {
    const provider = await fixture(
      html`<asn-provider .client=${client.asClient()}><asn-progress-card year="2025"></asn-progress-card></asn-provider>`,
    );
    return provider.querySelector('asn-progress-card')!;
  }

  it('loads through the context client, fires asn-progress-loaded and subscribes to the employee topic', async () => {
    const client = new FakeClient();
    client.results = [loadedSummary];
    const loaded = new Promise<CustomEvent>((resolve) => document.addEventListener('asn-progress-loaded', resolve as never, { once: true }));
    const card = await cardWithClient(client);
    const event = await loaded;
    expect(event.detail.summary.employeeId).to.equal('emp_demo1');
    expect(event.composed).to.equal(true);
    expect(event.bubbles).to.equal(true);
    await card.updateComplete;
    expect(client.calls[0]).to.include({ employee: 'me', year: 2025 });
    expect(bar(card).getAttribute('aria-valuenow')).to.equal('12.5');
    expect(client.subscriptions.map((s) => s.topics)).to.deep.equal([['employee:emp_demo1']]);
  });

  it('shows a 403 error distinct from a network error, accessibly', async () => {
    const client = new FakeClient();
    client.results = [permissionError()];
    const card = await cardWithClient(client);
    await waitUntil(() => card.shadowRoot!.querySelector('.error'), 'error state');
    const forbidden = text(card);
    expect(forbidden).to.include('tidak memiliki akses');
    expect(card.shadowRoot!.querySelector('[role="alert"]')).to.not.equal(null);
    await expect(card).to.be.accessible();

    const client2 = new FakeClient();
    client2.results = [networkError()];
    const card2 = await cardWithClient(client2);
    await waitUntil(() => card2.shadowRoot!.querySelector('.error'), 'error state');
    expect(text(card2)).to.include('Server tidak dapat dihubungi');
    expect(text(card2)).to.not.include('tidak memiliki akses');
  });

  it('retries by keyboard: Tab to Retry, Enter, and it fetches again', async () => {
    const client = new FakeClient();
    client.results = [networkError(), loadedSummary];
    const card = await cardWithClient(client);
    await waitUntil(() => card.shadowRoot!.querySelector('button.retry'), 'retry button');
    expect(client.calls).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    expect(card.shadowRoot!.activeElement?.classList.contains('retry')).to.equal(true);
    const loaded = oneEvent(card, 'asn-progress-loaded');
    await sendKeys({ press: 'Enter' });
    await loaded;
    await card.updateComplete;
    expect(client.calls).to.have.length(2);
    expect(bar(card).getAttribute('aria-valuenow')).to.equal('12.5');
    // Focus does not fall to <body>: it moves to the card's heading.
    await waitUntil(() => card.shadowRoot!.activeElement?.classList.contains('title'), 'focus on the heading');
  });

  it('re-fetches on a live event or invalidation without flashing the skeleton or losing focus', async () => {
    const client = new FakeClient();
    let resolveSecond!: (s: typeof loadedSummary) => void;
    client.results = [
      loadedSummary,
      () => new Promise((resolve) => (resolveSecond = resolve)),
    ];
    const card = await cardWithClient(client);
    await waitUntil(() => bar(card), 'loaded');
    const heading = card.shadowRoot!.querySelector<HTMLElement>('.title')!;
    heading.focus();
    client.subscriptions[0].handler({ type: 'learning.created' });
    client.invalidate(['progress:emp_demo1']); // coalesced with the event into one re-fetch
    await waitUntil(() => client.calls.length === 2, 'second fetch');
    await aTimeout(100);
    expect(client.calls).to.have.length(2);
    expect(client.calls[1].fresh).to.equal(true);
    expect(card.shadowRoot!.querySelector('.skeleton')).to.equal(null);
    expect(bar(card).getAttribute('aria-valuenow')).to.equal('12.5');
    const loaded = oneEvent(card, 'asn-progress-loaded');
    resolveSecond({ ...loadedSummary, learning: { ...loadedSummary.learning, jp: 14.5 } });
    await loaded;
    await card.updateComplete;
    expect(bar(card).getAttribute('aria-valuenow')).to.equal('14.5');
    expect(card.shadowRoot!.activeElement).to.equal(heading);
    client.invalidate(['goals:emp_other']);
    await aTimeout(100);
    expect(client.calls).to.have.length(2);
  });

  it('shows JP a program completion credited as soon as progress.updated arrives, without a reload', async () => {
    const client = new FakeClient();
    client.results = [loadedSummary];
    const card = await cardWithClient(client);
    await waitUntil(() => card.shadowRoot!.querySelector('[part="sources"]'), 'loaded');
    const sources = () => card.shadowRoot!.querySelector('[part="sources"]')!.textContent!.replace(/\s+/g, ' ');
    expect(sources()).to.include('8 JP dari program pelatihan');
    // The organiser completes a 9 JP workshop: the server credits it and says so on the employee's topic.
    const credited = { ...loadedSummary, learning: { ...loadedSummary.learning, jp: 21.5, fromPrograms: 17 } };
    client.results = [credited];
    const loaded = oneEvent(card, 'asn-progress-loaded');
    client.subscriptions[0].handler({ type: 'progress.updated', topic: 'employee:emp_demo1' });
    await loaded;
    await card.updateComplete;
    expect(client.calls).to.have.length(2);
    expect(client.calls[1].fresh).to.equal(true);
    expect(sources()).to.include('17 JP dari program pelatihan').and.include('4,5 JP dicatat manual');
    expect(bar(card).getAttribute('aria-valuetext')).to.equal('21,5 dari 20 JP');
  });

  it('applies a summary carried by progress.updated without a read; an event without one, or an older one, does not replace it', async () => {
    const client = new FakeClient();
    client.results = [loadedSummary];
    const card = await cardWithClient(client);
    await waitUntil(() => bar(card), 'loaded');
    const event = (id: string, progress?: typeof loadedSummary) =>
      ({ id, type: 'progress.updated', topic: 'employee:emp_demo1', employeeId: 'emp_demo1', year: 2025, occurredAt: '2025-10-02T08:00:00+09:00', ...(progress ? { progress } : {}) });
    const newer = { ...loadedSummary, learning: { ...loadedSummary.learning, jp: 16 }, updatedAt: '2025-10-02T08:00:00+09:00' };
    client.subscriptions[0].handler(event('41', newer));
    await waitUntil(() => bar(card).getAttribute('aria-valuenow') === '16', 'the new summary shown');
    const older = { ...loadedSummary, learning: { ...loadedSummary.learning, jp: 13 }, updatedAt: '2025-09-30T08:00:00+09:00' };
    client.subscriptions[0].handler(event('42', older));
    await aTimeout(100);
    expect(client.calls, 'no read for a summary that came with the event').to.have.length(1);
    expect(bar(card).getAttribute('aria-valuenow')).to.equal('16');

    client.results = [{ ...loadedSummary, learning: { ...loadedSummary.learning, jp: 18 } }];
    client.subscriptions[0].handler(event('43')); // stored before events carried summaries
    await waitUntil(() => client.calls.length === 2, 'a read for an event without a summary');
    await waitUntil(() => bar(card).getAttribute('aria-valuenow') === '18', 'read again');
  });

  it('fetches nothing when the summary property is set', async () => {
    const client = new FakeClient();
    client.results = [loadedSummary];
    const provider = await fixture(
      html`<asn-provider .client=${client.asClient()}><asn-progress-card .summary=${emptySummary}></asn-progress-card></asn-provider>`,
    );
    await aTimeout(50);
    expect(client.calls).to.have.length(0);
    expect(text(provider.querySelector('asn-progress-card')!)).to.include('Belum ada pembelajaran');
  });
});

describe('registration', () => {
  it('two copies of a define do not throw', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const path = '/components/progress-card/define.ts?copy=2';
      await import(/* @vite-ignore */ path);
      const indexCopy = '/components/index.ts?copy=2';
      await import(/* @vite-ignore */ indexCopy);
      const Existing = customElements.get('asn-progress-card')!;
      class OtherVersion extends (Existing as typeof HTMLElement) {}
      expect(() => defineElement('asn-progress-card', OtherVersion)).to.not.throw();
      expect(customElements.get('asn-progress-card')).to.equal(Existing);
      expect(warnings.some((w) => String(w[0]).includes('asn-progress-card'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('importing a class module registers nothing', async () => {
    // A fresh copy of the class module (new URL = new module instance) defines no tag of its own.
    const before = ['asn-provider', 'asn-progress-card'].map((tag) => customElements.get(tag));
    const path = '/components/progress-card/progress-card.ts?copy=3';
    const mod = (await import(/* @vite-ignore */ path)) as typeof import('../../components/progress-card/progress-card.js');
    expect(mod.AsnProgressCard).to.be.a('function');
    expect(mod.AsnProgressCard).to.not.equal(customElements.get('asn-progress-card'));
    expect(['asn-provider', 'asn-progress-card'].map((tag) => customElements.get(tag))).to.deep.equal(before);
  });
});

describe('asn-progress-card `now`', () => {
  it('highlights the current month counted from `now` (a server-rendered page pins it so hydration matches)', async () => {
    // loadedSummary is 2025 with 4 JP in April and none in March; today (2026 or later) highlights nothing in it.
    const el = await cardWith(loadedSummary);
    const current = () => el.shadowRoot!.querySelectorAll('.chart-bar.current').length;
    expect(current()).to.equal(0);
    el.now = '2025-04-10T09:00:00+09:00';
    await el.updateComplete;
    expect(current()).to.equal(1);
    el.now = '2025-03-10T09:00:00+09:00';
    await el.updateComplete;
    expect(current(), 'March has no bar to highlight').to.equal(0);
    el.now = 'not a date';
    await el.updateComplete;
    expect(current(), 'an invalid `now` counts from today').to.equal(0);
  });
});
