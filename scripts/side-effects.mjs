// Rollup's view of which of OUR modules have side effects, from package.json's `sideEffects` list (the same
// list a portal's bundler reads): everything else (the contract's schemas, the SDK's resources) can be dropped
// when unused. Dependencies keep their own package.json rules.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const { sideEffects } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('..', import.meta.url).pathname;
const patterns = sideEffects.map(
  (glob) =>
    new RegExp(
      `^${glob
        .replace(/^\.\//, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*/g, '[^/]*')}$`,
    ),
);

export function moduleSideEffects(id) {
  if (id.includes('node_modules') || !id.startsWith(root)) return null; // let Rollup/node-resolve decide
  const file = relative(root, id);
  return patterns.some((re) => re.test(file));
}
