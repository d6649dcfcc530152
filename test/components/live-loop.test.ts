// The coaching loop, live: a supervisor gives feedback and, without any reload, it appears in the recipient's
// open feed and changes the recipient's row in the supervisor's open team overview. Two providers (two users)
// on one page, both against the real sandbox API and its event stream.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/provider/define.js';
import '../../components/feedback-feed/define.js';
import '../../components/team-overview/define.js';
import '../../components/progress-card/define.js';
import type { AsnFeedbackFeed } from '../../components/feedback-feed/feedback-feed.js';
import type { AsnTeamOverview } from '../../components/team-overview/team-overview.js';
import { daysSince } from '../../components/team-overview/team-overview.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { TeamMember } from '../../src/contract/index.js';
import { sandbox, sandboxToken } from './helpers.js';

describe('live coaching loop', () => {
  let url: string;
  before(async () => {
    url = await sandbox();
    await setExplicitLocale(null);
  });

  it('a feedback POSTed by the supervisor appears in the recipient’s open feed and changes the team row, with no read', async function () {
    this.timeout(30_000);
    // Every GET the widgets make: the event carries the feedback and the new summary, so none may follow the POST.
    const gets: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const href = input instanceof Request ? input.url : String(input);
      if (method.toUpperCase() === 'GET') gets.push(new URL(href, location.href).pathname);
      return realFetch(input, init);
    };
    try {
      await loop(gets);
    } finally {
      window.fetch = realFetch;
    }
  });

  async function loop(gets: string[]): Promise<void> {
    const boss = await sandboxToken(url, { role: 'supervisor' });
    const auth = { authorization: `Bearer ${boss.token}` };
    // A direct report whose "days since last feedback" is not already 0, so the change is visible.
    const team = (await (await fetch(`${url}/v1/employees/me/team?limit=500`, { headers: auth })).json()) as { data: TeamMember[] };
    const report = team.data.find((m) => daysSince(m.feedback.lastAt) !== 0);
    expect(report, 'a report without feedback today').to.exist;
    const recipient = await sandboxToken(url, { employeeId: report!.employee.id });

    const page = await fixture(html`<div>
      <asn-provider base-url=${url} .token=${recipient.token}><asn-feedback-feed></asn-feedback-feed><asn-progress-card></asn-progress-card></asn-provider>
      <asn-provider base-url=${url} .token=${boss.token}><asn-team-overview></asn-team-overview></asn-provider>
    </div>`);
    const feed = page.querySelector<AsnFeedbackFeed>('asn-feedback-feed')!;
    const overview = page.querySelector<AsnTeamOverview>('asn-team-overview')!;
    const row = () => overview.shadowRoot!.querySelector<HTMLElement>(`.body [role="row"][data-id="${report!.employee.id}"]`);
    const daysCell = () => row()?.querySelectorAll('[role="gridcell"]')[5]?.textContent?.trim();
    await waitUntil(() => feed.shadowRoot!.querySelector('li.item, .empty'), 'feed loaded', { timeout: 10_000 });
    await waitUntil(() => overview.visibleEmployeeIds.includes(report!.employee.id), 'team loaded', { timeout: 10_000 });
    // Bring the recipient's row into the window (the team may be longer than the viewport).
    await overview.focusRow(overview.visibleEmployeeIds.indexOf(report!.employee.id));
    const before = daysCell();
    expect(before).to.not.equal('0');
    // Let both event streams open before the write.
    await new Promise((r) => setTimeout(r, 600));

    await waitUntil(() => page.querySelector('asn-progress-card')!.shadowRoot!.querySelector('[role="progressbar"]'), 'card loaded', { timeout: 10_000 });
    const readsBefore = gets.length;
    const message = `Kerja bagus minggu ini ${Date.now()}`;
    const res = await fetch(`${url}/v1/employees/${report!.employee.id}/feedback`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `live-${Date.now()}` },
      body: JSON.stringify({ kind: 'appreciation', rating: 'above', message }),
    });
    expect(res.status).to.equal(201);

    await waitUntil(() => feed.shadowRoot!.querySelector('li.item [part="message"]')?.textContent === message, 'feedback appears in the open feed', {
      timeout: 10_000,
    });
    const first = feed.shadowRoot!.querySelector('li.item')!;
    expect(first.textContent).to.include('Belum ditanggapi');
    await waitUntil(() => feed.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.includes('Umpan balik baru'), 'announced politely');
    await waitUntil(() => daysCell() === '0', 'the team row shows 0 days since feedback', { timeout: 10_000 });
    // Past every refresh debounce (40 ms, the team's own): a refetch would have gone out by now.
    await new Promise((r) => setTimeout(r, 400));
    const reads = gets.slice(readsBefore).filter((p) => !p.startsWith('/v1/events'));
    expect(reads, 'reads after the POST').to.deep.equal([]);
  }
});
