// Rollup plugin for the browser builds (the CDN file and scripts/bundle.mjs): drops the `summary` of each
// `define({...})` route in src/contract/*routes*.ts. Summaries are OpenAPI prose, read only by
// src/contract/openapi.ts, which scripts/write-openapi.ts and the server load from the TypeScript sources
// (tsx), never from a bundle; in a widget they are ~0.5 KB gzipped that no one reads.
const ROUTES = /[\\/]src[\\/]contract[\\/][^\\/]*routes[^\\/]*\.ts$/;
// `summary:` then one string literal ('…', "…" or `…` without `${`), then its comma, at the start of a line.
const SUMMARY = /^[ \t]*summary:\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\$]|\\.)*`)\s*,[ \t]*\n/gm;

export function stripRouteDocs() {
  return {
    name: 'strip-route-docs',
    transform(code, id) {
      if (!ROUTES.test(id)) return null;
      // Each summary becomes as many newlines as it spanned: lines stay where they were (`map: null`).
      const out = code.replace(SUMMARY, (summary) => '\n'.repeat(summary.split('\n').length - 1));
      // Every route has one: a summary written some other way (concatenated, a constant) fails the build
      // rather than silently shipping.
      const left = (out.match(/\bsummary\s*:/g) ?? []).length;
      if (left) this.error(`${id}: ${left} route summary not in the form strip-route-docs expects (one string literal)`);
      return { code: out, map: null };
    },
  };
}
