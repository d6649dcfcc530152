// `npm run build`: dist/ (ES modules + .d.ts + the CDN file), openapi.json and custom-elements.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { bin, run } from './run.mjs';
import { libraryEntries } from './entries.mjs';

rmSync('dist', { recursive: true, force: true });
await run(bin('rollup'), ['-c', '--silent']);
await run(bin('tsc'), ['-p', 'tsconfig.build.json', '--emitDeclarationOnly']);

// Each entry's .d.ts re-exports the declarations tsc wrote under dist/types/.
for (const [name, source] of Object.entries(libraryEntries)) {
  const depth = name.split('/').length - 1;
  const target = `${'../'.repeat(depth) || './'}types/${source.replace(/\.ts$/, '.js')}`;
  mkdirSync(`dist/${name.split('/').slice(0, -1).join('/')}`, { recursive: true });
  writeFileSync(`dist/${name}.d.ts`, `export * from '${target}';\n`);
}

// The CDN file's types (`pembinaan-asn/cdn`): the SDK it exports, and the elements it registers, whose modules
// declare HTMLElementTagNameMap and HTMLElementEventMap.
writeFileSync('dist/cdn/pembinaan-asn.d.ts', "export * from '../index.js';\nimport '../components/index.js';\n");

await run(bin('tsx'), ['scripts/write-openapi.ts']);
await run('npm', ['run', '--silent', 'analyze']);
await run('node', ['scripts/frameworks/react.mjs']);
await run('node', ['scripts/frameworks/vue.mjs']);
console.log('build: dist/, openapi.json, custom-elements.json');
