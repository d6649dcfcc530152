// Bundles a snippet of ES module code in memory with the project's Rollup settings (node-resolve, TypeScript,
// tree-shaking from package.json sideEffects, terser) — for the size report and the benchmarks.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { onwarn, terserOptions, treeshake } from '../rollup.config.js';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { pureSchemas } from './pure-schemas.mjs';
import { stripRouteDocs } from './strip-route-docs.mjs';

/**
 * What a page downloads up front: the entry chunk and the chunks it imports statically, as one text. With
 * `lazy: true`, `{ code, lazy }` where `lazy` lists the chunks it imports on demand (`{ name, code }`: the English
 * strings, the goal dialog).
 */
export async function bundle(code, { minify = true, lazy = false } = {}) {
  const build = await rollup({
    input: 'entry',
    onwarn,
    treeshake,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
      stripRouteDocs(),
      pureSchemas(),
      minifyCssLiterals(),
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, outDir: undefined, sourceMap: false, noEmitOnError: true }),
      ...(minify ? [terser(terserOptions)] : []),
    ],
  });
  try {
    // Chunks loaded by dynamic import (the English strings) are not part of what a page downloads up front.
    const { output } = await build.generate({ format: 'es' });
    const chunks = output.filter((chunk) => chunk.type === 'chunk');
    const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    // Up front: the entry and every chunk it imports statically (Rollup may hoist shared code out of the entry into
    // a chunk of its own once a dynamic import exists: that chunk is still downloaded before anything runs).
    const upFront = [];
    const visit = (chunk) => {
      if (upFront.includes(chunk)) return;
      upFront.push(chunk);
      for (const file of chunk.imports) if (byFile.has(file)) visit(byFile.get(file));
    };
    visit(chunks.find((chunk) => chunk.isEntry));
    const entry = upFront.map((chunk) => chunk.code).join('\n');
    if (!lazy) return entry;
    return { code: entry, lazy: chunks.filter((chunk) => !upFront.includes(chunk)).map((chunk) => ({ name: chunk.name, code: chunk.code })) };
  } finally {
    await build.close();
  }
}
