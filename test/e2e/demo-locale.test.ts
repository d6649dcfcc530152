// End to end: choosing English on the demo portal translates the page around the widgets too (headings, labels,
// buttons, <html lang>), and the link to the supervisor's view opens the second tab in the same language.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoHarness, watchPage } from './demo-harness.js';

/** The page's own translatable texts (not the widgets'), whitespace folded. */
function pageTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      out[el.dataset.i18n as string] = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
      out[`aria:${el.dataset.i18nAriaLabel}`] = el.getAttribute('aria-label') ?? '';
    }
    return out;
  });
}

const shadowText = (page: Page, tag: string) =>
  page.evaluate((t) => (document.querySelector(t)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '), tag);


describe('demo portal in English (page text, <html lang>, second tab)', () => {
  const demo = demoHarness();

  it('choosing English translates the page’s own text and <html lang>; back to Indonesian restores it', async () => {
    const context = await demo.browser.newContext();
    const problems: string[] = [];
    const page = await context.newPage();
    watchPage(page, problems);
    await page.goto(`${demo.server.url}/`);
    await page.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    const indonesian = await pageTexts(page);
    assert.ok(Object.keys(indonesian).length >= 25, `few translatable elements: ${Object.keys(indonesian).join(', ')}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');

    await page.locator('#locale-select').selectOption('en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const english = await pageTexts(page);
    for (const [key, text] of Object.entries(indonesian)) {
      assert.ok(english[key], `${key} is empty in English`);
      assert.notEqual(english[key], text, `${key} stays Indonesian in English: "${text}"`);
    }
    assert.equal(await page.locator('h1').textContent(), 'Sandbox demo');
    assert.equal(await page.locator('#asn-title').textContent(), 'Civil servant view: my progress, goals and feedback');
    assert.equal(await page.locator('label[for="user-select"]').textContent(), 'Sign in as');
    assert.equal(await page.locator('#learning-form button[type="submit"]').textContent(), 'Save');
    assert.equal(await page.locator('nav').getAttribute('aria-label'), 'Portal menu');
    assert.match(await page.title(), /^Civil Servant Portal/);
    assert.match((await page.locator('#signin-status').textContent()) ?? '', /^Signed in as .+ \(Civil servant\)\.$/);
    assert.match((await page.locator('#user-select option:checked').textContent()) ?? '', /\(Civil servant, /);
    assert.equal(await page.locator('#learning-title-input').inputValue(), 'Cyber Security Webinar for Civil Servants');
    // The widgets follow through the provider.
    await page.waitForFunction(
      () => (document.querySelector('asn-progress-card')?.shadowRoot?.textContent ?? '').includes('Learning progress'),
      undefined,
      { timeout: 15_000 },
    );

    await page.locator('#locale-select').selectOption('id');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
    assert.deepEqual(await pageTexts(page), indonesian, 'the Indonesian dictionary in portal.js matches index.html');
    assert.match((await page.locator('#signin-status').textContent()) ?? '', /^Masuk sebagai .+ \(ASN\)\.$/);
    assert.match(await page.locator('#second-tab').getAttribute('href') ?? '', /[?&]lang=id(&|#|$)/);
    assert.deepEqual(problems, [], `console errors: ${problems.join('; ')}`);
    await context.close();
  });

  it('the supervisor’s second tab opens in the language chosen in the first', async () => {
    const context = await demo.browser.newContext();
    const problems: string[] = [];
    const asnTab = await context.newPage();
    watchPage(asnTab, problems);
    await asnTab.goto(`${demo.server.url}/`);
    await asnTab.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
    await asnTab.locator('#locale-select').selectOption('en');
    const link = asnTab.locator('#second-tab');
    assert.equal(await link.textContent(), 'Open my supervisor’s view in a new tab');
    assert.match((await link.getAttribute('href')) ?? '', /^\/\?as=emp_[A-Za-z0-9]+&lang=en#atasan$/);

    // Follow the link as a visitor does: it opens a new tab.
    const [supTab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    watchPage(supTab, problems);
    await supTab.waitForLoadState();
    await supTab.locator('#signin-status').filter({ hasText: 'Signed in as' }).waitFor({ timeout: 15_000 });
    assert.equal(await supTab.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await supTab.locator('#locale-select').inputValue(), 'en');
    assert.equal(await supTab.locator('#provider').getAttribute('locale'), 'en');
    assert.equal(await supTab.locator('#atasan-title').textContent(), 'Supervisor view: my team');
    await supTab.locator('asn-team-overview .row').first().waitFor({ timeout: 15_000 });
    await supTab.waitForFunction(
      () => (document.querySelector('asn-team-overview')?.shadowRoot?.textContent ?? '').includes('My team'),
      undefined,
      { timeout: 15_000 },
    );
    assert.doesNotMatch(await shadowText(supTab, 'asn-team-overview'), /Tim saya/);
    // A reload keeps the language (it is in the address).
    await supTab.reload();
    await supTab.locator('#signin-status').filter({ hasText: 'Signed in as' }).waitFor({ timeout: 15_000 });
    assert.equal(await supTab.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(problems, [], `console errors: ${problems.join('; ')}`);
    await context.close();
  });
});
