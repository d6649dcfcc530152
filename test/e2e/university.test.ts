// End to end: a partner university's page on an origin of its own, under the strict CSP of the embedding guide
// (`script-src 'self' <CDN>; style-src 'self'`), loads the built CDN bundle from the API's origin and a student
// applies through the university's publishable key: the reference appears, no CSP violation, accessible in each
// state, keyboard only; offline, the application waits and is stored once after reconnecting.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { createUniversitySite, universityCsp } from '../../server/university-site.js';
import { demoHarness, watchPage } from './demo-harness.js';
import { axeViolations } from './axe.js';

describe('university page (another origin, strict CSP) with the internship form', () => {
  const demo = demoHarness({ altchaMinFillMs: 0 });
  let site: { url: string; close(): Promise<void> };

  before(async () => {
    const app = createUniversitySite({ apiOrigin: demo.server.url, publishableKey: demo.server.publishableKey('ptn_umsorong') });
    // `localhost` against the API's `127.0.0.1`: another origin, as a university's site is.
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    site = {
      url: `http://localhost:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  });
  after(async () => site?.close());

  async function openPage(): Promise<{ page: Page; problems: string[]; csp: () => Promise<string[]> }> {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    watchPage(page, problems);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(`${site.url}/`);
    assert.equal(response?.headers()['content-security-policy'], universityCsp(demo.server.url));
    assert.notEqual(new URL(site.url).origin, new URL(demo.server.url).origin, 'the page is on an origin of its own');
    return { page, problems, csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
  }

  /** Opens the first opening's form by keyboard and fills it; returns the NIM used. */
  async function fillForm(page: Page, nim: string): Promise<void> {
    const apply = page.getByRole('button', { name: /^Lamar/ }).first();
    await apply.waitFor({ timeout: 20_000 });
    await apply.focus();
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Nama lengkap');
    await name.waitFor({ timeout: 20_000 });
    await name.focus();
    await page.keyboard.type('Yohana Kambu');
    await page.getByLabel('NIM').fill(nim);
    await page.getByLabel('Program studi').fill('Teknik Informatika');
    await page.getByLabel('Semester').selectOption('5');
    await page.getByLabel('Email').fill('yohana.kambu@example.ac.id');
    await page.getByLabel(/Nomor (HP|ponsel)/).fill('0812 3456 7890');
    await page.getByLabel(/Motivasi/).fill('Saya ingin belajar membangun layanan publik digital bersama pemerintah Kota Sorong.');
    const consent = page.getByRole('checkbox', { name: /menyetujui pemrosesan/ });
    assert.equal(await consent.isChecked(), false, 'consent starts unticked');
    await consent.focus();
    await page.keyboard.press('Space');
    assert.equal(await consent.isChecked(), true);
  }

  it('submits by keyboard, shows the reference, reports no CSP violation and is accessible in each state', async () => {
    const { page, problems, csp } = await openPage();
    await page.getByRole('button', { name: /^Lamar/ }).first().waitFor({ timeout: 20_000 });
    assert.deepEqual(await axeViolations(page), [], 'openings list');
    await fillForm(page, 'UMS-2022-0101');
    assert.deepEqual(await axeViolations(page), [], 'filled form with the notice');
    await page.getByRole('button', { name: /Kirim lamaran/ }).focus();
    await page.keyboard.press('Enter');
    const reference = page.getByText(/MG-\d{4}-\d{6}/).first();
    await reference.waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), [], 'success state');
    assert.deepEqual(await csp(), [], 'no CSP violation');
    assert.deepEqual(problems, []);

    const stored = await demo.server.deps.db
      .selectFrom('internship_applications')
      .selectAll()
      .where('nim', '=', 'UMS-2022-0101')
      .execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.origin, new URL(site.url).origin, 'consent records the origin it came from');
    assert.equal(stored[0]!.reference, (await reference.textContent())?.match(/MG-\d{4}-\d{6}/)?.[0]);
    await page.context().close();
  });

  it('offline, the application waits and is stored once after reconnecting', async () => {
    const { page, csp } = await openPage();
    await fillForm(page, 'UMS-2022-0202');
    await page.context().setOffline(true);
    await page.getByRole('button', { name: /Kirim lamaran/ }).click();
    await page.getByText(/akan dikirim/).first().waitFor({ timeout: 20_000 });
    await page.context().setOffline(false);
    await page.getByText(/MG-\d{4}-\d{6}/).first().waitFor({ timeout: 40_000 });
    const stored = await demo.server.deps.db
      .selectFrom('internship_applications')
      .select('id')
      .where('nim', '=', 'UMS-2022-0202')
      .execute();
    assert.equal(stored.length, 1, 'stored once');
    assert.deepEqual(await csp(), []);
    await page.context().close();
  });
});
