// End to end: examples/ssr-portal renders <asn-provider> and the three read-only widgets on the server
// (@lit-labs/ssr, declarative shadow DOM) with data it loaded through the SDK. With JavaScript off the page already
// shows the JP, the feedback and the partners; with it, the client bundle hydrates the server's DOM nodes (no node
// replaced, no console error, no change of the card's height) under a strict CSP, and the card then updates live
// when a learning record is posted through the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createClient, type Client } from '../../src/client/index.js';
import { scriptJson } from '../../examples/ssr-portal/data.js';
import { startSsrPortal, type SsrPortal } from '../../examples/ssr-portal/server.js';
import { demoHarness } from './demo-harness.js';
import { buildExample } from './static-site.js';

const TAGS = ['asn-provider', 'asn-progress-card', 'asn-feedback-feed', 'asn-partner-directory'] as const;
const jpText = (jp: number) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(jp)} dari 20 JP`;

interface Probe {
  jp: Element;
  feedItem: Element;
  partnerName: Element;
  heights: number[];
  missing: string[];
}

describe('server-rendered widgets (examples/ssr-portal)', () => {
  const demo = demoHarness();
  let portal: SsrPortal;
  /** The SDK as the page's user, from Node: what the page should show, and the learning record posted later. */
  let api: Client;

  before(async () => {
    const clientDir = await buildExample('ssr-portal');
    const { token } = await demo.server.tokenFor('employee');
    api = createClient({ baseUrl: demo.server.url, token });
    portal = await startSsrPortal({ apiUrl: demo.server.url, token, clientDir });
  });
  after(async () => {
    api?.close();
    await portal?.close();
  });

  it('with JavaScript off, the page shows the JP, the feedback and the partner names (declarative shadow DOM, styled)', async () => {
    const [summary, feedback, partners] = await Promise.all([api.progress.get('me'), api.feedback.list('me', { limit: 20 }), api.partners.list({ limit: 20 })]);
    assert.ok(feedback.data.length > 0 && partners.data.length > 0, 'the seeded employee has feedback and the city has partners');
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${portal.url}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/, 'the widgets’ styles are allowed by hash');

    assert.equal((await page.locator('asn-progress-card .jp-text').textContent())?.trim(), jpText(summary.learning.jp));
    assert.equal(await page.locator('asn-progress-card [role="progressbar"]').getAttribute('aria-valuenow'), String(summary.learning.jp));
    const messages = await page.locator('asn-feedback-feed [part="message"]').allTextContents();
    assert.deepEqual(messages, feedback.data.map((f) => f.message), 'every feedback text, newest first');
    const names = await page.locator('asn-partner-directory .partner-name').allTextContents();
    assert.deepEqual(names, partners.data.map((p) => p.name));
    // The shadow roots' <style> applies under the CSP: the card's polite status region is visually hidden (1px).
    const status = await page.locator('asn-progress-card [role="status"]').boundingBox();
    assert.ok(status && status.width <= 1, `the status region is visually hidden: ${JSON.stringify(status)}`);
    await context.close();
  });

  it('with JavaScript, the elements hydrate the server’s nodes without an error or a change of height, then the card updates live', async (t) => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    const apiPaths: string[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(demo.server.url) && r.ok()) apiPaths.push(new URL(r.url()).pathname);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[]; __loaded: number };
      w.__csp = [];
      w.__loaded = 0;
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      document.addEventListener('asn-progress-loaded', () => (w.__loaded += 1));
    });
    // Hold the client bundle until the server's DOM is probed.
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await page.route((url) => url.origin === new URL(portal.url).origin && url.pathname.startsWith('/assets/'), async (route) => {
      await held;
      await route.continue();
    });

    await page.goto(`${portal.url}/`, { waitUntil: 'commit' });
    // The whole body parsed, and the portal's stylesheet applied (the card's width, so its height, depends on it).
    await page.waitForFunction(
      () => document.getElementById('asn-ssr-data') !== null && [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/portal.css')),
      undefined,
      { timeout: 15_000 },
    );
    const before = await page.evaluate(() => {
      // (No helper functions in here: tsx would wrap them in its `__name`, which the page does not have.)
      const card = document.querySelector('asn-progress-card') as HTMLElement;
      const jp = card.shadowRoot?.querySelector('.jp-text') as Element;
      const probe: Probe = {
        jp,
        feedItem: document.querySelector('asn-feedback-feed')?.shadowRoot?.querySelector('article') as Element,
        partnerName: document.querySelector('asn-partner-directory')?.shadowRoot?.querySelector('.partner-name') as Element,
        heights: [card.getBoundingClientRect().height],
        missing: [],
      };
      (window as unknown as { __probe: Probe }).__probe = probe;
      // After every change in the card's shadow root: is the JP text still there, and how tall is the card?
      new MutationObserver(() => {
        probe.heights.push(card.getBoundingClientRect().height);
        if (!card.shadowRoot?.contains(jp) || !/\d+ dari \d+ JP/.test(jp.textContent ?? '')) probe.missing.push(card.shadowRoot?.innerHTML.slice(0, 200) ?? 'no shadow root');
      }).observe(card.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
      return {
        defined: ['asn-provider', 'asn-progress-card'].filter((t) => customElements.get(t)),
        jp: jp.textContent,
        height: probe.heights[0],
      };
    });
    assert.deepEqual(before.defined, [], 'no element is defined yet: the text comes from the server');
    assert.match(before.jp ?? '', /\d+ dari 20 JP/);
    assert.ok(before.height > 100, `the card has its full height before any script: ${before.height}`);

    release();
    await page.waitForFunction(
      (tags) => tags.every((t) => {
        const el = document.querySelector(t) as (HTMLElement & { hasUpdated?: boolean }) | null;
        return customElements.get(t) && el && !el.hasAttribute('defer-hydration') && el.hasUpdated;
      }),
      [...TAGS],
      { timeout: 15_000 },
    );
    // Live: each widget loaded its own data through the provider's client and the card follows the event stream.
    await page.waitForFunction(() => (window as unknown as { __loaded: number }).__loaded > 0, undefined, { timeout: 15_000 });
    await waitFor(() => ['/progress', '/feedback', '/v1/partners', '/v1/events'].every((p) => apiPaths.some((path) => path.endsWith(p))), () => `the widgets’ own reads and the event stream (console: ${problems.join('; ')})`);
    await settle(page);

    const after = await page.evaluate(() => {
      const probe = (window as unknown as { __probe: Probe }).__probe;
      const roots = ['asn-progress-card', 'asn-feedback-feed', 'asn-partner-directory'].map((t) => document.querySelector(t)?.shadowRoot as ShadowRoot);
      return {
        sameJp: roots[0].querySelector('.jp-text') === probe.jp && probe.jp.isConnected,
        sameFeedItem: roots[1].querySelector('article') === probe.feedItem && probe.feedItem.isConnected,
        samePartner: roots[2].querySelector('.partner-name') === probe.partnerName && probe.partnerName.isConnected,
        // Server markers (`<!--lit-part DIGEST-->`) stay: Lit adopted the DOM; a client render writes `<!--?lit$…$-->`.
        serverMarkers: roots.every((r) => /<!--lit-part [A-Za-z0-9+/=]+-->/.test(r.innerHTML)),
        clientMarkers: roots.some((r) => /<!--\?lit\$/.test(r.innerHTML)),
        heights: [...new Set(probe.heights)],
        missing: probe.missing,
        csp: (window as unknown as { __csp: string[] }).__csp,
      };
    });
    assert.equal(after.sameJp, true, 'the card’s JP text is the server’s node');
    assert.equal(after.sameFeedItem, true, 'the feed’s first item is the server’s node');
    assert.equal(after.samePartner, true, 'the directory’s first partner is the server’s node');
    assert.equal(after.serverMarkers, true, 'the server’s lit-part markers are still in the shadow roots');
    assert.equal(after.clientMarkers, false, 'nothing was rendered anew on the client');
    assert.deepEqual(after.missing, [], 'the JP text was there after every change');
    assert.deepEqual(after.heights, [before.height], 'the card kept its height through hydration and going live');
    assert.deepEqual(after.csp, [], `CSP violations: ${after.csp.join('; ')}`);
    t.diagnostic(`card ${before.height}px tall before the bundle ran and after going live; server nodes kept, lit-part markers kept`);

    // What the server rendered is what the client renders from the same data: a client-only copy of each element
    // (outside the provider, fed by properties) shows the same text as the hydrated one.
    const mismatches = await page.evaluate(async () => {
      const data = JSON.parse(document.getElementById('asn-ssr-data')?.textContent ?? '{}');
      const copies: Array<[string, Record<string, unknown>]> = [
        ['asn-progress-card', { summary: data.summary, now: data.now, year: data.summary.year }],
        ['asn-feedback-feed', { items: data.feedback.items, goals: data.feedback.goals }],
        ['asn-partner-directory', { partners: data.partners, now: data.now }],
      ];
      const out: string[] = [];
      for (const [tag, props] of copies) {
        const copy = Object.assign(document.createElement(tag), props) as unknown as HTMLElement & { updateComplete: Promise<boolean> };
        document.body.append(copy);
        await copy.updateComplete;
        const [client, server] = [copy, document.querySelector(tag) as Element].map((el) =>
          (el.shadowRoot?.querySelector('section.base')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        );
        if (client !== server) out.push(`${tag}:\n  client ${client}\n  server ${server}`);
        copy.remove();
      }
      return out;
    });
    assert.deepEqual(mismatches, [], 'the server’s text equals a client render of the same data');
    assert.deepEqual(problems, [], `console: ${problems.join('; ')}`);

    // A learning record posted through the API (not by the page) reaches the card over the event stream, in the
    // server's node.
    const summary = await api.progress.get('me', undefined, { fresh: true });
    assert.equal(before.jp?.trim(), jpText(summary.learning.jp));
    await api.learning.create('me', { title: 'Webinar Manajemen ASN Berbasis Sistem Merit', competency: 'managerial', jp: 3, completedAt: new Date().toISOString() });
    await page.waitForFunction(
      (expected) => (window as unknown as { __probe: Probe }).__probe.jp.textContent?.trim() === expected,
      jpText(summary.learning.jp + 3),
      { timeout: 15_000 },
    );
    assert.equal(await page.locator('asn-progress-card [role="progressbar"]').getAttribute('aria-valuenow'), String(summary.learning.jp + 3));
    assert.deepEqual(problems, [], `console: ${problems.join('; ')}`);
    await context.close();
  });

  it('a widget whose read failed on the server renders its loading state, hydrates it and loads by itself', async () => {
    // A 403 (the SDK retries a 503 on its own) for the server's read only: the page's own read then succeeds.
    demo.server.faults.add({ method: 'GET', path: /\/progress$/, status: 403, times: 1 });
    const page = await demo.browser.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    const html = await (await fetch(`${portal.url}/`)).text();
    const card = /<asn-progress-card[\s\S]*?<\/asn-progress-card>/.exec(html)?.[0] ?? '';
    assert.ok(card.includes('Memuat progres belajar') && !/dari \d+ JP/.test(card), 'the server rendered the card’s loading state');
    const summary = await api.progress.get('me', undefined, { fresh: true });
    await page.goto(`${portal.url}/`);
    await page.locator('asn-progress-card .jp-text').filter({ hasText: jpText(summary.learning.jp) }).waitFor({ timeout: 15_000 });
    assert.deepEqual(problems, [], `console: ${problems.join('; ')}`);
    await page.close();
  });

  it('hands the data over as JSON that API text cannot break out of', () => {
    const hostile = { message: '</script><script>alert(1)</script>', other: '<!-- \u2028 &amp;' };
    const json = scriptJson(hostile);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), hostile);
  });
});

async function waitFor(check: () => boolean, what: () => string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Every element's pending update done, and two frames painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async (tags) => {
    for (const t of tags) await (document.querySelector(t) as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, [...TAGS]);
}
