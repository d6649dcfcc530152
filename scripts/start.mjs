// `npm start`: build when needed, then run the sandbox API, which serves the demo portal and the CDN bundle.
import { spawn } from 'node:child_process';
import { buildIsStale } from './freshness.mjs';
import { run } from './run.mjs';

if (buildIsStale()) {
  console.log('Building the components and the CDN bundle (first start only)…');
  await run('npm', ['run', '--silent', 'build']);
}

// `npm start` is the sandbox: it asks for sandbox mode (off unless asked for; `npm run serve` does not ask).
const env = { ...process.env, ASN_SANDBOX: process.env.ASN_SANDBOX ?? '1' };
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
