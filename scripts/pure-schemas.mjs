// Rollup plugin: marks every zod schema construction in src/contract/ as pure, so a bundle drops the schemas
// (and routes) it never uses. zod annotates its own factories, but not the `.check(...)` method chains zod/mini
// is written in, and one impure-looking argument keeps a whole route table alive. A `/*@__PURE__*/` comment
// applies to the outermost call that follows it, and Rollup keeps these comments in dist/ for portals' bundlers.
const CONTRACT = /[\\/]src[\\/]contract[\\/][^\\/]+\.ts$/;

export function pureSchemas() {
  return {
    name: 'pure-schemas',
    transform(code, id) {
      if (!CONTRACT.test(id)) return null;
      // A `z.…(` call at the start of an expression: after `=`, `(`, `,`, `:`, `[`, `?`, `return` or an arrow.
      const out = code.replace(/(=>|[=(,:[?]|\breturn)(\s*)(z\.[\w.]+\s*\()/g, '$1$2/*@__PURE__*/ $3');
      return { code: out, map: null };
    },
  };
}
