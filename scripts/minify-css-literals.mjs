// Rollup plugin: strips comments and collapses whitespace in the `css` tagged templates of components/ (terser
// never touches template text). Conservative on purpose: outside quoted strings it only removes CSS comments,
// folds runs of whitespace to one space and drops spaces next to `{ } ; ,`, which never changes what a
// stylesheet means; strings (`content: '● '`) are kept as written.
const COMPONENT = /[\\/]components[\\/].+\.ts$/;

const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^'\n]*'|"[^"\n]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1')))
    .join('')
    .trim();

export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!COMPONENT.test(id) || !/\bcss\s*`/.test(code)) return null;
      // A css`…` literal (TypeScript prints it as css `…`); `${…}` holes are kept as they are (the text between them is minified).
      const out = code.replace(/\bcss\s*`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g, (_, body) =>
        `css\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : minifyCss(part))).join('')}\``,
      );
      return { code: out, map: null };
    },
  };
}
