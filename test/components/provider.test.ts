import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.js';
import { setLocale } from '../../components/index.js';
import type { AsnProgressCard } from '../../components/progress-card/progress-card.js';
import type { AsnProvider } from '../../components/provider/provider.js';
import type { ProgressSummary } from '../../src/contract/index.js';
import { sandbox, sandboxToken } from './helpers.js';

const bar = (card: AsnProgressCard) => card.shadowRoot!.querySelector('[role="progressbar"]');

describe('<asn-provider> with the real sandbox API', function () {
  let url: string;

  before(async () => {
    url = await sandbox();
    await setLocale(null);
  });

  it('renders the signed-in ASN’s summary from the server, accessibly', async () => {
    const { token, employee } = await sandboxToken(url);
    const expected = (await (
      await fetch(`${url}/v1/employees/${employee.id}/progress`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as ProgressSummary;

    const provider = await fixture<AsnProvider>(
      html`<asn-provider base-url=${url} .token=${token}><asn-progress-card></asn-progress-card></asn-provider>`,
    );
    const card = provider.querySelector('asn-progress-card')!;
    const { detail } = await oneEvent(card, 'asn-progress-loaded');
    expect(detail.summary.employeeId).to.equal(employee.id);
    await card.updateComplete;
    expect(Number(bar(card)!.getAttribute('aria-valuenow'))).to.equal(expected.learning.jp);
    const jpText = new Intl.NumberFormat('id-ID').format(expected.learning.jp);
    expect(card.shadowRoot!.textContent).to.include(`${jpText} dari 20 JP`);
    expect(provider.client).to.not.equal(null);
    await expect(card).to.be.accessible();
  });

  it('runs the portal’s ky hooks on the client it creates (a trace id reaches the server)', async () => {
    const { token } = await sandboxToken(url);
    const seen: string[] = [];
    const traceId = `trace-${Date.now()}`;
    const hooks = {
      beforeRequest: [(request: Request) => request.headers.set('X-Request-Id', traceId)],
      afterResponse: [(request: Request, _options: unknown, response: Response) => void seen.push(`${response.status} ${new URL(request.url).pathname} ${response.headers.get('X-Request-Id')}`)],
    };
    const provider = await fixture<AsnProvider>(
      html`<asn-provider base-url=${url} .token=${token} .hooks=${hooks}><asn-progress-card></asn-progress-card></asn-provider>`,
    );
    await oneEvent(provider.querySelector('asn-progress-card')!, 'asn-progress-loaded');
    expect(seen.some((line) => line.startsWith('200 /v1/employees/me/progress') && line.endsWith(traceId)), seen.join('; ')).to.equal(true);
  });

  it('makes the card wait while there is no token (no failing request), then load when it arrives', async () => {
    const requests: string[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return originalFetch(input, init);
    };
    try {
      const provider = await fixture<AsnProvider>(
        html`<asn-provider base-url=${url}><asn-progress-card></asn-progress-card></asn-provider>`,
      );
      const card = provider.querySelector('asn-progress-card')!;
      await new Promise((r) => setTimeout(r, 400));
      expect(requests.filter((r) => r.startsWith(url))).to.deep.equal([]);
      expect(card.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(card.shadowRoot!.querySelector('.error')).to.equal(null);

      const { token } = await sandboxToken(url);
      const loaded = oneEvent(card, 'asn-progress-loaded');
      provider.token = token;
      await loaded;
      await card.updateComplete;
      expect(bar(card)).to.not.equal(null);
      expect(requests.some((r) => r.includes('/progress'))).to.equal(true);
    } finally {
      window.fetch = originalFetch;
    }
  });

  it('updates the card live when a learning record is posted elsewhere', async function () {
    this.timeout(30_000);
    const { token, employee } = await sandboxToken(url);
    // Note when the SDK's event stream is open, so the record is posted after the card listens.
    let streamOpen!: () => void;
    const opened = new Promise<void>((resolve) => (streamOpen = resolve));
    const originalFetch = window.fetch;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await originalFetch(input, init);
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (href.includes('/v1/events') && response.ok) streamOpen();
      return response;
    };
    const provider = await fixture<AsnProvider>(
      html`<asn-provider base-url=${url} .token=${token}><asn-progress-card></asn-progress-card></asn-provider>`,
    );
    const card = provider.querySelector('asn-progress-card')!;
    await oneEvent(card, 'asn-progress-loaded');
    await opened;
    window.fetch = originalFetch;
    await card.updateComplete;
    const before = Number(bar(card)!.getAttribute('aria-valuenow'));
    const textBefore = card.shadowRoot!.querySelector('.jp-text')!.textContent;

    // Outside the provider's client: only the live event stream can tell the card.
    const loadedAgain = oneEvent(card, 'asn-progress-loaded');
    const res = await fetch(`${url}/v1/employees/${employee.id}/learning-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        title: 'Webinar Keamanan Siber untuk ASN',
        competency: 'technical',
        jp: 3,
        completedAt: new Date().toISOString(),
      }),
    });
    expect(res.status, await res.clone().text()).to.equal(201);
    await loadedAgain;
    await waitUntil(() => Number(bar(card)!.getAttribute('aria-valuenow')) === before + 3, 'JP +3 without reload', { timeout: 15_000 });
    expect(card.shadowRoot!.querySelector('.jp-text')!.textContent).to.not.equal(textBefore);
    expect(card.shadowRoot!.querySelector('.skeleton')).to.equal(null);
  });

  it('shows a permission error (403) for another employee’s progress', async () => {
    const { token, employee } = await sandboxToken(url);
    const other = await sandboxToken(url, { role: 'admin' });
    expect(other.employee.id).to.not.equal(employee.id);
    const provider = await fixture<AsnProvider>(
      html`<asn-provider base-url=${url} .token=${token}><asn-progress-card employee=${other.employee.id}></asn-progress-card></asn-provider>`,
    );
    const card = provider.querySelector('asn-progress-card')!;
    await waitUntil(() => card.shadowRoot!.querySelector('.error'), 'error state', { timeout: 10_000 });
    expect(card.shadowRoot!.textContent).to.match(/tidak memiliki akses|tidak ditemukan/);
    await expect(card).to.be.accessible();
  });

  it('a sign-in as another user: no event-stream request carries the new token with the previous user’s topic', async () => {
    const a = await sandboxToken(url, { role: 'employee' });
    const b = await sandboxToken(url, { role: 'supervisor' });
    expect(a.employee.id).to.not.equal(b.employee.id);
    const streams: { auth: string | null; topics: string }[] = [];
    const originalFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const at = new URL(request.url);
      if (at.pathname === '/v1/events') streams.push({ auth: request.headers.get('authorization'), topics: at.searchParams.get('topics') ?? '' });
      return originalFetch(input, init);
    };
    try {
      const provider = await fixture<AsnProvider>(
        html`<asn-provider base-url=${url} .token=${a.token}><asn-progress-card></asn-progress-card></asn-provider>`,
      );
      const card = provider.querySelector('asn-progress-card')!;
      await oneEvent(card, 'asn-progress-loaded');
      await waitUntil(() => streams.some((s) => s.topics === `employee:${a.employee.id}`), 'the card did not open its stream');
      provider.token = b.token;
      const { detail } = await oneEvent(card, 'asn-progress-loaded');
      expect(detail.summary.employeeId).to.equal(b.employee.id);
      await waitUntil(() => streams.some((s) => s.auth === `Bearer ${b.token}`), 'the stream did not reopen for the new user');
      const withNewToken = streams.filter((s) => s.auth === `Bearer ${b.token}`);
      expect(withNewToken.map((s) => s.topics)).to.deep.equal(withNewToken.map(() => `employee:${b.employee.id}`));
      expect(card.shadowRoot!.textContent).to.not.include(a.employee.name);
    } finally {
      window.fetch = originalFetch;
    }
  });
});
