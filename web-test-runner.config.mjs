// Component tests in real Chromium (the system's, never a download) against the real sandbox API.
// The config starts the sandbox server itself (fresh data dir, free port) and tells the browser its URL
// through a tiny module, `/__sandbox.js`: `export const sandboxUrl = 'http://127.0.0.1:…'`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

const SERVER_ENTRY = 'server/main.ts';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the sandbox server exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
      lastError = new Error(`GET /healthz → ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the sandbox server did not answer GET ${url}/healthz within ${timeoutMs} ms: ${lastError?.message ?? lastError}`);
}

/** Starts `server/main.ts` for the run and serves its URL to the browser as `/__sandbox.js`. */
function sandboxServerPlugin() {
  let child;
  let dataDir;
  let sandboxUrl = null;
  let problem = null;
  let port;

  async function startChild() {
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test', ASN_SANDBOX: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      await waitForHealth(url, child);
      sandboxUrl = url;
      problem = null;
    } catch (error) {
      problem = `${error.message}\n${output.slice(-2000)}`;
      console.error(`[wtr] ${problem}`);
      child.kill();
      child = undefined;
    }
  }

  async function stopChild() {
    if (child && child.exitCode === null) {
      const exiting = child;
      const exited = new Promise((resolve) => exiting.once('exit', resolve));
      exiting.kill('SIGTERM');
      const timer = setTimeout(() => exiting.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    child = undefined;
  }

  return {
    name: 'pembinaan-asn-sandbox',
    async serverStart() {
      if (!existsSync(SERVER_ENTRY)) {
        problem = `${SERVER_ENTRY} does not exist yet: tests against the sandbox API fail until it does`;
        console.warn(`[wtr] ${problem}`);
        return;
      }
      port = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'asn-wtr-'));
      await startChild();
    },
    // `executeServerCommand('sandbox-stop' | 'sandbox-start')` from a test (offline tests): stop the sandbox
    // server, then start the same server again on the same port and DATA_DIR (the data survives).
    async executeCommand({ command }) {
      if (command === 'sandbox-stop') {
        await stopChild();
        return { stopped: true };
      }
      if (command === 'sandbox-start') {
        if (!child || child.exitCode !== null) await startChild();
        return { started: Boolean(child && child.exitCode === null), url: sandboxUrl };
      }
      return undefined;
    },
    async serverStop() {
      await stopChild();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__sandbox.js') {
        return {
          body: `export const sandboxUrl = ${JSON.stringify(sandboxUrl)};\nexport const sandboxProblem = ${JSON.stringify(problem)};\n`,
          type: 'js',
        };
      }
    },
  };
}

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 1,
  testFramework: { config: { timeout: 20_000 } },
  testsFinishTimeout: 180_000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), sandboxServerPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
