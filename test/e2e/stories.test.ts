// Every Storybook story renders in Chromium from the static build, with no page error and no failed request:
// designers open these without a server, so a story that throws is a broken deliverable. Docs pages too, since
// their tables come from custom-elements.json (the controls' source).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { storybookIsStale } from '../../scripts/freshness.mjs';

const ROOT = 'storybook-static';
const types: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png',
};

interface Entry { id: string; title: string; name: string; type: 'story' | 'docs' }

describe('Storybook (static build)', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  let entries: Entry[];

  before(async () => {
    // The build is cheap (~10 s); make it when missing or stale so `npm test` covers the stories as they are.
    if (storybookIsStale()) {
      const result = spawnSync('npm', ['run', '--silent', 'build-storybook'], { stdio: 'inherit' });
      assert.equal(result.status, 0, 'npm run build-storybook failed');
    }
    entries = Object.values(JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')).entries as Record<string, Entry>);
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
      const file = join(ROOT, path || 'index.html');
      if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('has stories for every element, in both locales and the main states', () => {
    const stories = entries.filter((e) => e.type === 'story');
    for (const tag of ['asn-progress-card', 'asn-goal-list', 'asn-feedback-form', 'asn-feedback-feed', 'asn-team-overview']) {
      const names = stories.filter((s) => s.title.endsWith(tag)).map((s) => s.name);
      for (const state of ['Loaded', 'Empty', 'Loading', 'Offline', 'Indonesian', 'English']) {
        assert.ok(names.includes(state), `${tag} has no "${state}" story (has: ${names.join(', ')})`);
      }
      assert.ok(names.some((n) => n.startsWith('Error')), `${tag} has no error story`);
    }
    assert.ok(stories.some((s) => s.title.endsWith('asn-team-overview') && s.name === '1,000 rows'));
  });

  it('renders every story and docs page without an error', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let current = '';
    page.on('pageerror', (error) => failures.push(`${current}: ${error.message}`));
    page.on('console', (msg) => {
      // A failed load is reported with its URL below; the browser's own favicon probe is not the story's.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) failures.push(`${current}: console: ${msg.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failures.push(`${current}: ${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A story of the offline/loading states makes no request; any failed one is a missing asset.
      if (request.url().startsWith(base)) failures.push(`${current}: failed ${request.url()}`);
    });
    for (const entry of entries) {
      current = entry.id;
      await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`);
      if (entry.type === 'story') {
        // Rendered: the story root holds an asn-* element that has a shadow root with content.
        await page.waitForFunction(
          () => {
            const widgets = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('asn-') && el.localName !== 'asn-provider');
            return widgets.length > 0 && widgets.every((el) => (el.shadowRoot?.childElementCount ?? 0) > 0);
          },
          undefined,
          { timeout: 15_000 },
        ).catch(() => failures.push(`${entry.id}: nothing rendered within 15 s`));
      } else {
        await page.locator('#storybook-docs .sbdocs-content').waitFor({ timeout: 15_000 }).catch(() => failures.push(`${entry.id}: docs page did not render`));
      }
    }
    assert.deepEqual(failures, []);
  });
});
