import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { cdnEntry, elements, libraryEntries } from './scripts/entries.mjs';
import { loaderChunks, sharedCore } from './scripts/loader-chunks.mjs';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { pureSchemas } from './scripts/pure-schemas.mjs';
import { stripRouteDocs } from './scripts/strip-route-docs.mjs';
import { moduleSideEffects } from './scripts/side-effects.mjs';

/** zod's annotations Rollup cannot place, and its internal import cycle, are harmless; say nothing of them. */
export const onwarn = (warning, warn) => {
  const inZod = /node_modules[\\/]zod/.test(`${warning.id ?? ''} ${warning.message}`);
  if (inZod && (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY')) return;
  warn(warning);
};

// Declarations come from `tsc -p tsconfig.build.json` (scripts/build.mjs), so the plugin only transpiles.
const ts = () => typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationMap: false, outDir: undefined, sourceMap: true, noEmitOnError: true });

/** Our modules without side effects (package.json `sideEffects`) are dropped when unused; packages decide their own. */
export const treeshake = { moduleSideEffects: (id) => moduleSideEffects(id) ?? true };

/** terser for the CDN file and the size report (ES2022: every browser that runs the components). */
export const terserOptions = { format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } };

/** The CDN loader (src/cdn-loader.ts): small and unhashed, as portals name it; every chunk beside it is hashed. */
const cdnLoaderEntry = 'src/cdn-loader.ts';

const isDependency = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  // npm: ES modules, one per entry, dependencies left to the portal's bundler.
  {
    input: libraryEntries,
    external: isDependency,
    onwarn,
    treeshake,
    plugins: [pureSchemas(), minifyCssLiterals(), ts()],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // CDN: one minified file with everything, for `<script type="module" src=…>`. The English strings are a chunk
  // of their own beside it (`pembinaan-asn-en-<hash>.js`), imported only by a page that switches to `en`.
  {
    input: cdnEntry,
    // The English chunk imports `str` and friends from the main file: let Rollup add those exports to it rather
    // than split everything into a third file behind a facade (one more round trip).
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    treeshake,
    // Route summaries are OpenAPI prose (openapi.json), not for browsers; the npm build keeps them (`RouteDef.summary`).
    plugins: [stripRouteDocs(), pureSchemas(), minifyCssLiterals(), nodeResolve({ browser: true }), ts(), terser(terserOptions)],
    output: { dir: 'dist/cdn', format: 'es', sourcemap: true, entryFileNames: 'pembinaan-asn.js', chunkFileNames: 'pembinaan-asn-[name]-[hash].js' },
  },
  // CDN loader: `loader.js` plus one chunk per element under `elements/`, sharing `elements/core-[hash].js`
  // (lit, the SDK, shared component code, the provider); the loader imports an element's chunk when its tag
  // appears (scripts/loader-chunks.mjs writes the tag → files map into it and into chunks.json).
  {
    input: {
      loader: cdnLoaderEntry,
      ...Object.fromEntries(Object.entries(elements).filter(([tag]) => tag !== 'asn-provider')),
    },
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    treeshake,
    plugins: [
      stripRouteDocs(),
      pureSchemas(),
      minifyCssLiterals(),
      nodeResolve({ browser: true }),
      ts(),
      terser(terserOptions),
      loaderChunks({ elements }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: true,
      entryFileNames: (chunk) => (chunk.name === 'loader' ? 'loader.js' : 'elements/[name]-[hash].js'),
      chunkFileNames: 'elements/[name]-[hash].js',
      manualChunks: sharedCore(cdnLoaderEntry),
    },
  },
];
