// The SSR portal's client bundle (docs/embedding/ssr.md): client.ts → assets/, with a manifest the server reads
// for the entry's hashed name. `buildExample('ssr-portal')` (test/e2e/static-site.ts) builds it into .tmp/.
// `pembinaan-asn/…` resolves through package.json `exports` to dist/ (the package's self-reference here, node_modules
// in a portal): the same files the server renders with, so the templates (and their digests) match.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    manifest: true,
    target: 'es2022',
    // No inline modulepreload polyfill: the page's CSP is `script-src 'self'`.
    modulePreload: { polyfill: false },
    rollupOptions: { input: fileURLToPath(new URL('./client.ts', import.meta.url)) },
  },
});
