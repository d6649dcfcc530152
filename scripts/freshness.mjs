// Are dist/ or storybook-static/ older than their sources? `npm start` and `npm test` rebuild only then.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'components', 'package.json', 'rollup.config.js', 'tsconfig.json', 'tsconfig.build.json'];
const OUTPUTS = ['dist/cdn/pembinaan-asn.js', 'dist/index.js', 'custom-elements.json', 'openapi.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function isStale(sources, outputs) {
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return sources.filter((p) => existsSync(p)).some((p) => newest(p) > built);
}

export function buildIsStale() {
  return isStale(SOURCES, OUTPUTS);
}

/** Is storybook-static/ older than the stories, components or Storybook config? */
export function storybookIsStale() {
  return isStale([...SOURCES, 'stories', '.storybook'], ['storybook-static/index.json']);
}
