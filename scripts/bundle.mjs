// Bundles a snippet of ES module code in memory with the project's Rollup settings (node-resolve, TypeScript,
// tree-shaking from package.json sideEffects, terser) — for the size report and the benchmarks.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { onwarn, terserOptions, treeshake } from '../rollup.config.js';
import { minifyCssLiterals } from './minify-css-literals.mjs';
import { pureSchemas } from './pure-schemas.mjs';

export async function bundle(code, { minify = true } = {}) {
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
    return output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
  } finally {
    await build.close();
  }
}
