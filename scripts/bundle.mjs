// Bundles a snippet of ES module code in memory with the project's Rollup settings (node-resolve, TypeScript,
// tree-shaking from package.json sideEffects, terser) — for the size report and the benchmarks.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { onwarn, terserOptions, treeshake } from '../rollup.config.js';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { pureSchemas } from './pure-schemas.mjs';

/**
 * The entry chunk's code: what a page downloads up front. With `lazy: true`, `{ code, lazy }` where `lazy` lists
 * the chunks it imports on demand (`{ name, code }`: the English strings, the goal dialog).
 */
export async function bundle(code, { minify = true, lazy = false } = {}) {
  const build = await rollup({
    input: 'entry',
    onwarn,
    treeshake,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
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
    const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
    if (!lazy) return entry;
    return { code: entry, lazy: output.filter((chunk) => chunk.type === 'chunk' && !chunk.isEntry).map((chunk) => ({ name: chunk.name, code: chunk.code })) };
  } finally {
    await build.close();
  }
}
