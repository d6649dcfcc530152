// End to end: axe (WCAG 2.x A/AA) on the demo portal page as served (built CDN bundle, strict CSP), with the
// widgets' shadow DOM, in the light and the dark colour scheme, for the ASN view and the supervisor view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { demoHarness } from './demo-harness.js';

type Scheme = 'light' | 'dark';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[]; summary: string }>;
}

/** Runs axe over the whole document (axe walks open shadow roots) and returns its violations, readable. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n: any) => ({ target: n.target, summary: String(n.failureSummary ?? '').replace(/\s+/g, ' ') })),
    }));
  }, AXE_TAGS);
}

function report(violations: Violation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `  [${v.id}] ${JSON.stringify(n.target)}: ${n.summary}`))
    .join('\n');
}

/** Waits until every widget in the ASN view has its data (no skeleton left: axe must see the real colours). */
async function asnViewReady(page: Page) {
  await page.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
  await page.locator('asn-progress-card [role="progressbar"]').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () =>
      ['asn-progress-card', 'asn-feedback-feed', 'asn-goal-list'].every((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return root && !root.querySelector('.skeleton-block, [aria-busy="true"]');
      }),
    undefined,
    { timeout: 15_000 },
  );
}

/** Opens the ASN view (the page as it loads) with every widget's data in. */
async function openAsnView(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await asnViewReady(page);
  return page;
}

/** Opens the supervisor's view as the demo's second tab does, with the first ASN's row chosen (feedback form open). */
async function openSupervisorView(context: BrowserContext, base: string): Promise<Page> {
  const asnTab = await context.newPage();
  await asnTab.goto(`${base}/`);
  await asnTab.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
  const asnId = await asnTab.locator('#user-select').inputValue();
  const href = await asnTab.locator('#second-tab').getAttribute('href');
  assert.ok(href, 'the ASN tab offers the supervisor view');
  await asnTab.close();

  const page = await context.newPage();
  await page.goto(`${base}${href}`);
  await page.locator('#signin-status').filter({ hasText: 'Masuk sebagai' }).waitFor({ timeout: 15_000 });
  const row = page.locator(`asn-team-overview .row[data-id="${asnId}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.focus();
  await page.keyboard.press('Enter');
  await page.locator('#feedback-panel').waitFor({ state: 'visible' });
  await page.locator('asn-feedback-form textarea').waitFor({ timeout: 15_000 });
  return page;
}

// A portal that sets only its brand colour: the widgets derive the text on it, its dark value and the text on
// that, readable on both surfaces. Typical government greens and blues, dark and light ones.
const PORTAL_PRIMARIES = ['#0b6b3a', '#2e7d32', '#43a047', '#4caf50', '#00897b', '#006064', '#1976d2', '#2196f3', '#1565c0', '#0d47a1', '#3f51b5'];

describe('demo portal accessibility (axe, WCAG 2.x AA, light and dark)', () => {
  const demo = demoHarness();

  for (const colorScheme of ['light', 'dark'] as Scheme[]) {
    for (const [view, open] of [
      ['ASN view', openAsnView],
      ['supervisor view with the feedback form open', openSupervisorView],
    ] as const) {
      it(`${view}, ${colorScheme} scheme: no axe violation`, async () => {
        const context = await demo.browser.newContext({ colorScheme, reducedMotion: 'reduce' });
        try {
          const page = await open(context, demo.server.url);
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
          const violations = await axeViolations(page);
          assert.deepEqual(violations.map((v) => v.id), [], `axe violations (${colorScheme}):\n${report(violations)}`);
        } finally {
          await context.close();
        }
      });

      it(`${view}, ${colorScheme} scheme, a portal that sets only --asn-color-primary: no contrast failure`, async () => {
        const context = await demo.browser.newContext({ colorScheme, reducedMotion: 'reduce' });
        try {
          const page = await open(context, demo.server.url);
          const failures: string[] = [];
          for (const primary of PORTAL_PRIMARIES) {
            // The demo's own pairs off (`initial` makes a custom property unset, so the widgets' fallbacks apply).
            await page.evaluate((value) => {
              const style = document.documentElement.style;
              style.setProperty('--asn-color-primary', value);
              for (const name of ['--asn-color-on-primary', '--asn-color-primary-dark', '--asn-color-on-primary-dark']) {
                style.setProperty(name, 'initial');
              }
            }, primary);
            const violations = (await axeViolations(page)).filter((v) => v.id === 'color-contrast');
            if (violations.length) failures.push(`${primary}:\n${report(violations)}`);
          }
          assert.deepEqual(failures, [], `contrast failures (${colorScheme}):\n${failures.join('\n')}`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
