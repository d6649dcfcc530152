// The published types name every element and every event: `document.querySelector('asn-progress-card')` is an
// AsnProgressCard and `addEventListener('asn-progress-loaded', e => e.detail…)` is typed, through the package's own
// entry points (dist/, as a portal's TypeScript sees them). The lists come from custom-elements.json, and every event
// the components' source dispatches must be in the manifest, so a new element or event cannot miss its declaration.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { elementApis } from '../../scripts/manifest-api.mjs';

const apis = elementApis();
const DIR = '.tmp/element-types';

/** Every `asn-…` event name dispatched in components/ (`new CustomEvent('asn-…'` or an `emit(host, 'asn-…'` helper). */
function dispatchedEvents(): Set<string> {
  const names = new Set<string>();
  const files = readdirSync('components', { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.styles.ts'));
  for (const file of files) {
    const text = readFileSync(join('components', file), 'utf8');
    for (const m of text.matchAll(/new CustomEvent(?:<[^>]*>)?\(\s*'(asn-[a-z-]+)'|\bemit\([^,()]+,\s*'(asn-[a-z-]+)'/g)) names.add(m[1] ?? m[2]);
  }
  return names;
}

/** A TypeScript file that compiles only if every tag and event is declared with a real (not `any`) type. */
function checkSource(): string {
  const lines = [
    "import 'pembinaan-asn/cdn';",
    "import type * as C from 'pembinaan-asn/components';",
    'type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type IsAny<T> = 0 extends 1 & T ? true : false;',
    'const yes = <T extends true>(): T => true as T;',
    'const no = <T extends false>(): T => false as T;',
  ];
  for (const api of apis) {
    const id = api.tag.replace(/-/g, '_');
    lines.push(`yes<Equals<HTMLElementTagNameMap['${api.tag}'], C.${api.className}>>(); // ${id}`);
    for (const event of api.events) {
      lines.push(
        `yes<HTMLElementEventMap['${event.name}'] extends CustomEvent ? true : false>();`,
        `no<IsAny<HTMLElementEventMap['${event.name}']['detail']>>();`,
        `document.createElement('${api.tag}').addEventListener('${event.name}', (e) => no<IsAny<typeof e.detail>>());`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('element and event types', () => {
  it('every event the components dispatch is declared in custom-elements.json', () => {
    const declared = new Set(apis.flatMap((api) => api.events.map((e) => e.name)));
    const dispatched = dispatchedEvents();
    assert.ok(dispatched.size >= 10, `found only ${dispatched.size} dispatched events: the scan is broken`);
    assert.deepEqual([...dispatched].filter((name) => !declared.has(name)).sort(), [], 'dispatched but not in the manifest (@fires)');
    assert.deepEqual([...declared].filter((name) => !dispatched.has(name)).sort(), [], 'in the manifest but never dispatched');
  });

  it('HTMLElementTagNameMap and HTMLElementEventMap name every element and event, through dist/', () => {
    assert.ok(existsSync('dist/cdn/pembinaan-asn.d.ts') && existsSync('dist/components/index.d.ts'), 'dist/ has no types: run `npm run build` first');
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, 'check.ts'), checkSource());
    // The package resolves itself by name (package.json `exports`), as a portal's TypeScript resolves it.
    writeFileSync(
      join(DIR, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true,
          noEmit: true, skipLibCheck: true, types: [], experimentalDecorators: true, useDefineForClassFields: false,
        },
        files: ['check.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(DIR, 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc found missing or untyped declarations:\n${tsc.stdout}${tsc.stderr}`);
  });
});
