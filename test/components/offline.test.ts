// Offline end to end: the real sandbox server is stopped and started again (same port, same DATA_DIR) through the
// `sandbox-stop` / `sandbox-start` commands of web-test-runner.config.mjs.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/feedback-form/define.js';
import '../../components/feedback-feed/define.js';
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

    // Stored once, and the recipient's open feed lists it once.
    await expectInFeedOnce(url, asn.token, message);
    client.close();
  });

  it('with only base-url and a token on the provider, the form still queues offline and sends on "online"', async function () {
    this.timeout(60_000);
    const asn = await sandboxToken(url, { role: 'employee' });
    const supervisor = await sandboxToken(url, { employeeId: (asn.employee as { supervisorId?: string }).supervisorId! });
    const provider = await fixture(
      html`<asn-provider base-url=${url} .token=${supervisor.token}><asn-feedback-form employee=${asn.employee.id}></asn-feedback-form></asn-provider>`,
    );
    const el = provider.querySelector<AsnFeedbackForm>('asn-feedback-form')!;
    await waitUntil(() => !text(el).includes('Memuat sasaran'), 'goals loaded', { timeout: 10_000 });

    await executeServerCommand('sandbox-stop');
    const message = `Ditulis di jaringan putus-putus ${Date.now()}`;
    const textarea = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!;
    textarea.value = message;
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const submitted = oneEvent(el, 'asn-feedback-submitted');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await submitted;
    expect(detail.queued, 'the provider’s own client has the outbox the form installed').to.equal(true);
    await el.updateComplete;
    expect(text(el)).to.include('Tersimpan, menunggu dikirim');

    await executeServerCommand('sandbox-start');
    window.dispatchEvent(new Event('online')); // what the browser fires when the connection is back
    await waitUntil(() => text(el).includes('Umpan balik terkirim'), 'sent by itself after "online"', { timeout: 20_000 });
    await expectInFeedOnce(url, asn.token, message);
  });
});

/** The recipient's stored feedback and open feed both hold `message` exactly once. */
async function expectInFeedOnce(url: string, token: string, message: string): Promise<void> {
  const res = await fetch(`${url}/v1/employees/me/feedback?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).to.equal(200);
  const page = (await res.json()) as { data: Array<{ message: string }> };
  expect(page.data.filter((f) => f.message === message)).to.have.length(1);
  const feedProvider = await fixture(
    html`<asn-provider base-url=${url} .token=${token}><asn-feedback-feed employee="me"></asn-feedback-feed></asn-provider>`,
  );
  const feed = feedProvider.querySelector('asn-feedback-feed')!;
  await waitUntil(() => (feed.shadowRoot?.textContent ?? '').includes(message), 'the feedback appears in the recipient’s feed', { timeout: 10_000 });
  expect((feed.shadowRoot!.textContent!.match(new RegExp(message, 'g')) ?? []).length).to.equal(1);
}
