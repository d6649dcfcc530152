// Offline end to end: the real sandbox server is stopped and started again (same port, same DATA_DIR) through the
// `sandbox-stop` / `sandbox-start` commands of web-test-runner.config.mjs.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/feedback-form/define.js';
import { setExplicitLocale as setLocale } from '../../components/i18n/locale.js';
import type { AsnFeedbackForm } from '../../components/feedback-form/feedback-form.js';
import { createClient } from '../../src/client/index.js';
import { MemoryOutboxStore } from '../../src/client/outbox-store.js';
import { sandbox, sandboxToken, text } from './helpers.js';

describe('offline: a feedback written with the server down is sent exactly once when it is back', () => {
  let url: string;
  before(async () => {
    await setLocale(null);
    url = await sandbox();
  });
  after(async () => {
    await executeServerCommand('sandbox-start'); // never leave the server down for the next test file
  });

  it('waits in the outbox ("menunggu dikirim"), then is stored once and listed for the recipient', async function () {
    this.timeout(60_000);
    const asn = await sandboxToken(url, { role: 'employee' });
    const supervisor = await sandboxToken(url, { employeeId: (asn.employee as { supervisorId?: string }).supervisorId! });
    const client = createClient({
      baseUrl: url,
      token: supervisor.token,
      retry: 0,
      timeout: 4000,
      outbox: { store: new MemoryOutboxStore(), autoFlush: false },
    });
    const provider = await fixture(
      html`<asn-provider .client=${client}><asn-feedback-form employee=${asn.employee.id}></asn-feedback-form></asn-provider>`,
    );
    const el = provider.querySelector<AsnFeedbackForm>('asn-feedback-form')!;
    await el.updateComplete;

    await executeServerCommand('sandbox-stop');
    const message = `Ditulis saat server mati ${Date.now()}`;
    const textarea = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!;
    textarea.value = message;
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await submitted;
    expect(detail.queued).to.equal(true);
    await el.updateComplete;
    expect(text(el)).to.include('Tersimpan, menunggu dikirim');
    expect(text(el)).to.include(message);
    const waiting = await client.outbox.list();
    expect(waiting.map((e) => e.route)).to.deep.equal(['createFeedback']);
    await expect(el).to.be.accessible();

    // Still down: a flush keeps it (and keeps the same Idempotency-Key).
    const key = waiting[0].idempotencyKey;
    expect((await client.outbox.flush()).remaining).to.equal(1);
    expect((await client.outbox.list())[0].idempotencyKey).to.equal(key);

    const started = (await executeServerCommand('sandbox-start')) as { started: boolean };
    expect(started.started).to.equal(true);
    const flushed = await client.outbox.flush();
    expect(flushed).to.deep.include({ sent: 1, remaining: 0 });
    // A second flush (e.g. another `online` event) sends nothing more.
    expect((await client.outbox.flush()).sent).to.equal(0);
    await waitUntil(() => text(el).includes('Umpan balik terkirim'), 'the form shows it was sent');

    const res = await fetch(`${url}/v1/employees/me/feedback?limit=100`, { headers: { authorization: `Bearer ${asn.token}` } });
    expect(res.status).to.equal(200);
    const page = (await res.json()) as { data: Array<{ message: string }> };
    expect(page.data.filter((f) => f.message === message)).to.have.length(1);

    // The recipient's feed, when that element exists in this build.
    const feedDefine = '/components/feedback-feed/define.ts';
    const hasFeed = await fetch(feedDefine).then((r) => r.ok, () => false);
    if (hasFeed) {
      await import(/* @vite-ignore */ feedDefine);
      const feedProvider = await fixture(
        html`<asn-provider base-url=${url} .token=${asn.token}><asn-feedback-feed employee="me"></asn-feedback-feed></asn-provider>`,
      );
      const feed = feedProvider.querySelector('asn-feedback-feed')!;
      try {
        await waitUntil(() => (feed.shadowRoot?.textContent ?? '').includes(message), 'feed', { timeout: 10_000 });
      } catch {
        throw new Error(`the feedback does not appear in the recipient's feed; it shows: ${(feed.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 400)}`);
      }
      expect((feed.shadowRoot!.textContent!.match(new RegExp(message, 'g')) ?? []).length).to.equal(1);
    }
    client.close();
  });
});
