// axe-core (WCAG 2.x A/AA, 2.2 AA) over a Playwright page, for the end-to-end tests of built pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe over the document, or the part `selector` names (it walks open shadow roots); one readable line per
 * failing node.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return result.violations.flatMap((v) => v.nodes.map((n: any) => `[${v.id}] ${JSON.stringify(n.target)}: ${String(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
  }, selector);
}
