// What the demo end-to-end tests share: the sandbox server and one headless Chromium for a `describe` block, and a
// page watcher that collects console errors and uncaught exceptions.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type StartServerOptions } from '../../server/testing.js';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

export type Server = Awaited<ReturnType<typeof startServer>>;

/** Starts the server (in-memory SQLite, seeded) and Chromium before the block's tests; stops both after. */
export function demoHarness(options: StartServerOptions = {}): { readonly server: Server; readonly browser: Browser } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  before(async () => {
    assert.ok(existsSync('dist/cdn/pembinaan-asn.js'), 'dist/cdn/pembinaan-asn.js is missing: run `npm run build` first');
    server = await startServer({ port: 0, quiet: true, ...options });
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      assert.ok(server, 'the demo server is not running');
      return server;
    },
    get browser() {
      assert.ok(browser, 'Chromium is not running');
      return browser;
    },
  };
}

/** Collects the page's console errors and uncaught exceptions into `problems`. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
}
