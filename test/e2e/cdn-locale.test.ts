// The CDN file carries the Indonesian source strings only; the English table is a file of its own beside it,
// imported by the bundle only when a page switches to English.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const dir = 'dist/cdn';

describe('CDN locales', () => {
  it('keeps the English strings out of pembinaan-asn.js, in a chunk it imports on demand', () => {
    assert.ok(existsSync(`${dir}/pembinaan-asn.js`), 'dist/cdn/pembinaan-asn.js is missing: run `npm run build` first');
    const main = readFileSync(`${dir}/pembinaan-asn.js`, 'utf8');
    const english = readdirSync(dir).filter((f) => /^pembinaan-asn-en-.+\.js$/.test(f));
    assert.equal(english.length, 1, `expected one English chunk beside the CDN file, found: ${english.join(', ') || 'none'}`);
    const chunk = readFileSync(`${dir}/${english[0]}`, 'utf8');
    for (const phrase of ['Send feedback', 'Try again', 'Could not load the goals', 'You are offline']) {
      assert.ok(chunk.includes(phrase), `the English chunk lacks "${phrase}"`);
      assert.ok(!main.includes(phrase), `pembinaan-asn.js holds the English "${phrase}"`);
    }
    assert.ok(main.includes('Progres belajar'), 'the Indonesian source strings are in the CDN file');
    assert.match(main, new RegExp(`import\\(["'\`]\\./${english[0].replace(/\./g, '\\.')}["'\`]\\)`), 'the CDN file imports the English chunk lazily');
  });
});
