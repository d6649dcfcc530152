// End to end: the demo portal page loads the built CDN bundle in real Chromium, under the server's strict CSP,
// signs in as a seeded ASN and shows that employee's real JP total from SQLite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProgressSummary } from '../../src/contract/index.js';
import type { Page } from 'playwright-core';
import { demoHarness, watchPage } from './demo-harness.js';

describe('demo portal (built CDN bundle, strict CSP)', () => {
  const demo = demoHarness();

  it('shows the signed-in ASN’s JP total from the server, in Indonesian, with no CSP violation', async () => {
    const page = await demo.browser.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

    const response = await page.goto(`${demo.server.url}/`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

    // The page signs in as the first ASN in the select; read who that is and ask the API for their summary.
    const status = page.locator('#signin-status');
    await status.filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    const employeeId = await page.locator('#user-select').inputValue();
    const { token } = await demo.server.tokenFor(employeeId);
    const summary = (await (
      await fetch(`${demo.server.url}/v1/employees/${employeeId}/progress`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as ProgressSummary;

    const card = page.locator('asn-progress-card');
    const bar = card.locator('[role="progressbar"]').first();
    await bar.waitFor({ timeout: 15_000 });
    assert.equal(Number(await bar.getAttribute('aria-valuenow')), summary.learning.jp);
    const jpText = new Intl.NumberFormat('id-ID').format(summary.learning.jp);
    // The card's text lives in its shadow root (the host's innerText does not include it).
    const text = (await card.evaluate((el) => (el.shadowRoot as ShadowRoot).textContent ?? '')).replace(/\s+/g, ' ');
    assert.ok(text.includes(`${jpText} dari 20 JP`), `card text lacks "${jpText} dari 20 JP": ${text}`);
    assert.equal(await bar.getAttribute('aria-valuetext'), `${jpText} dari 20 JP`);
    assert.match(text, /Teknis/, 'the card speaks Indonesian by default');

    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    assert.deepEqual(violations, [], `CSP violations: ${violations.join('; ')}`);
    assert.deepEqual(problems, [], `console errors: ${problems.join('; ')}`);
  });

  it('updates the card live after a self-reported learning record, without reloading', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    await page.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    const bar = page.locator('asn-progress-card [role="progressbar"]').first();
    await bar.waitFor({ timeout: 15_000 });
    const before = Number(await bar.getAttribute('aria-valuenow'));
    await page.locator('#learning-jp').fill('3');
    await page.locator('#learning-form button[type="submit"]').click();
    await page.waitForFunction(
      (expected) => {
        const card = document.querySelector('asn-progress-card');
        const el = card?.shadowRoot?.querySelector('[role="progressbar"]');
        return Number(el?.getAttribute('aria-valuenow')) === expected;
      },
      before + 3,
      { timeout: 15_000 },
    );
  });
  it('two tabs: feedback the supervisor writes in the team view appears live in the ASN tab, under the strict CSP', async () => {
    const context = await demo.browser.newContext();
    const problems: string[] = [];
    const watch = (page: Page) => watchPage(page, problems);
    const asnTab = await context.newPage();
    watch(asnTab);
    await asnTab.goto(`${demo.server.url}/`);
    await asnTab.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    const asnId = await asnTab.locator('#user-select').inputValue();
    // The page offers the supervisor's view in a second tab.
    const href = await asnTab.locator('#second-tab').getAttribute('href');
    // …in the page's language (Indonesian here), so the second tab opens in the same locale.
    assert.match(href ?? '', /^\/\?as=emp_[A-Za-z0-9]+&lang=id#atasan$/);
    await asnTab.locator('asn-feedback-feed').waitFor();

    const supTab = await context.newPage();
    watch(supTab);
    await supTab.goto(`${demo.server.url}${href}`);
    await supTab.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    // Choose the ASN's row in the team grid with the keyboard (focus the row, Enter).
    const row = supTab.locator(`asn-team-overview .row[data-id="${asnId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.focus();
    await supTab.keyboard.press('Enter');
    await supTab.locator('#feedback-panel').waitFor({ state: 'visible' });
    const message = `Terima kasih atas laporan kegiatan minggu ini (${Date.now()}).`;
    const form = supTab.locator('asn-feedback-form');
    await form.locator('textarea').fill(message);
    await form.locator('button[type="submit"]').click();

    await asnTab.waitForFunction(
      (text) => (document.querySelector('asn-feedback-feed')?.shadowRoot?.textContent ?? '').includes(text),
      message,
      { timeout: 15_000 },
    );
    assert.deepEqual(problems, [], `console errors: ${problems.join('; ')}`);
    await context.close();
  });
  it('the admin view lists the internship applications in the review queue and the partner directory', async () => {
    const { employee } = await demo.server.tokenFor('admin');
    const page = await demo.browser.newPage();
    const problems: string[] = [];
    watchPage(page, problems);
    await page.goto(`${demo.server.url}/?as=${employee.id}`);
    await page.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    await page.locator('asn-application-review [part="row"]').first().waitFor({ timeout: 15_000 });
    await page.locator('asn-partner-directory').getByRole('heading', { name: /Universitas Muhammadiyah Sorong/ }).first().waitFor({ timeout: 15_000 });
    assert.deepEqual(problems, [], `console errors: ${problems.join('; ')}`);
    await page.close();
  });
});
