// Writes openapi.json from the contract (`npm run build`); the server serves the same document.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/contract/openapi.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApi(version), null, 2)}\n`);
console.log('openapi.json written');
