// Is dist/ older than the sources? `npm start` and `npm test` rebuild only then.
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

export function buildIsStale() {
  if (!OUTPUTS.every((p) => existsSync(p))) return true;
  const built = Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs));
  return SOURCES.filter((p) => existsSync(p)).some((p) => newest(p) > built);
}
