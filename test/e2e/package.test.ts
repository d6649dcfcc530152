// The package as npm publishes it: `npm pack`, then publint (package.json against the packed files) and
// arethetypeswrong (every entry point resolves to types that match its JavaScript, as TypeScript resolves it under
// node16 ESM and bundler). The package is ESM only (Lit is), so attw runs with its `esm-only` profile: CommonJS
// `require` resolutions are not part of the contract. Every element's `./components/asn-*` subpath is checked too
// (attw does not expand the `*` pattern by itself).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { elements } from '../../scripts/entries.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; exports: Record<string, unknown> };

describe('the packed package', () => {
  let dir: string;
  let tarball: string;

  before(() => {
    assert.ok(existsSync('dist/index.d.ts'), 'dist/ is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'asn-pack-'));
    const pack = spawnSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8' });
    assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
    tarball = join(dir, pack.stdout.trim().split('\n').pop()!);
    assert.ok(existsSync(tarball), `npm pack wrote no ${tarball}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('publint finds nothing, not even a suggestion', async () => {
    const buffer = readFileSync(tarball);
    const { messages, pkg: linted } = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    assert.deepEqual(messages.map((m) => `${m.type}: ${formatMessage(m, linted) ?? m.code}`), []);
  });

  it('arethetypeswrong: no problem for any entry point', () => {
    const subpaths = Object.keys(elements).map((tag) => `./components/${tag}`);
    const out = openSync(join(dir, 'attw.json'), 'w');
    const attw = spawnSync(
      process.execPath,
      [
        'node_modules/@arethetypeswrong/cli/dist/index.js', tarball, '--profile', 'esm-only', '--format', 'json',
        '--include-entrypoints', ...subpaths,
      ],
      // Into a file: attw exits as soon as it has written, and a pipe would cut its long JSON short.
      { encoding: 'utf8', stdio: ['ignore', out, 'pipe'] },
    );
    closeSync(out);
    const report = JSON.parse(readFileSync(join(dir, 'attw.json'), 'utf8')) as {
      analysis: { entrypoints: Record<string, unknown> };
      problems?: Record<string, Array<{ kind: string; entrypoint?: string; resolutionKind?: string }>>;
    };
    const checked = Object.keys(report.analysis.entrypoints);
    // Every export of package.json (the `*` pattern as its element subpaths) was looked at.
    for (const entry of Object.keys(pkg.exports).filter((e) => !e.includes('*') && !e.endsWith('.json'))) {
      assert.ok(checked.includes(entry), `attw did not check ${entry}`);
    }
    for (const entry of subpaths) assert.ok(checked.includes(entry), `attw did not check ${entry}`);
    // The JSON lists every resolution mode; the esm-only profile (and so the exit code) leaves out CommonJS's two.
    const problems = Object.values(report.problems ?? {}).flat().filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
    assert.deepEqual(problems.map((p) => `${p.entrypoint ?? ''} ${p.resolutionKind ?? ''}: ${p.kind}`), []);
    assert.equal(attw.status, 0, attw.stderr);
  });
});
