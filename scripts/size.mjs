// `npm run size`: gzipped (and brotli) size of the CDN file and of single-widget bundles, against the budget.
// Sizes are measured, not estimated: each bundle is built here with Rollup + terser, as a portal would ship it.
// What keeps the single-widget bundle under budget (each measured with this script): the widgets use the core
// client plus only the resources they call (`resourceOf`), per-element translations, an own HTTP retry loop and
// SSE parser (instead of ky and eventsource-parser), an own Task controller and context protocol (instead of
// @lit/task and @lit/context), pure-annotated schemas, minified CSS, and zod 4.3 (4.4+ adds ~1.2 KB gzipped to
// this bundle for parser speed the widgets do not need).
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { bundle } from './bundle.mjs';
import { elements } from './entries.mjs';

const KB = 1024;
/** Issue #2: a page embedding one progress card (with the provider that feeds it) stays ≤ 30 KB gzipped. */
const SINGLE_WIDGET_BUDGET = 30 * KB;

async function bundled(label, code) {
  return measure(label, Buffer.from(await bundle(code)));
}

function measure(label, bytes) {
  return { label, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
}

const rows = [];
const cdnPath = 'dist/cdn/pembinaan-asn.js';
if (existsSync(cdnPath)) rows.push(measure('CDN file (every element + SDK)', readFileSync(cdnPath)));
else console.warn(`${cdnPath} missing: run \`npm run build\` first to measure the CDN file.`);

const card = await bundled(
  'asn-progress-card + asn-provider (Lit, SDK, contract)',
  `import './${elements['asn-provider']}'; import './${elements['asn-progress-card']}';`,
);
rows.push(card);
rows.push(await bundled('asn-progress-card alone (properties only)', `import './${elements['asn-progress-card']}';`));
// Every other widget, as a page embedding just that one would ship it (with the provider that feeds it).
for (const [tag, file] of Object.entries(elements)) {
  if (tag === 'asn-provider' || tag === 'asn-progress-card') continue;
  rows.push(await bundled(`${tag} + asn-provider`, `import './${elements['asn-provider']}'; import './${file}';`));
}
rows.push(await bundled('SDK only (createClient)', `export { createClient } from './src/client/index.ts';`));

const fmt = (n) => `${(n / KB).toFixed(1)} KB`.padStart(9);
console.log(`\n${'bundle'.padEnd(56)}${'min'.padStart(9)}${'gzip'.padStart(9)}${'brotli'.padStart(9)}`);
for (const r of rows) console.log(`${r.label.padEnd(56)}${fmt(r.raw)}${fmt(r.gzip)}${fmt(r.brotli)}`);
const ok = card.gzip <= SINGLE_WIDGET_BUDGET;
console.log(`\nsingle-widget budget: ${fmt(card.gzip).trim()} of ${fmt(SINGLE_WIDGET_BUDGET).trim()} gzipped — ${ok ? 'within budget' : 'OVER BUDGET'}`);
if (!ok) process.exitCode = 1;
