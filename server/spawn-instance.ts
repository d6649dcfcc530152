// `server/main.ts` as a process of its own, for what an in-process test server cannot show: several instances on one
// database (test/server/instances.test.ts, npm run load) and a server killed mid-write (npm run chaos).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface Instance {
  url: string;
  child: ChildProcess;
  /** SIGKILL (no shutdown at all), resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful shutdown), resolved once the process is gone. */
  stop(): Promise<void>;
}

/** Starts `server/main.ts` with `env` on `port` (a free one by default) and waits until /healthz answers. */
export async function spawnInstance(env: NodeJS.ProcessEnv, port?: number): Promise<Instance> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(listenOn), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${listenOn}`;
  const end = (signal: NodeJS.Signals) => () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server/main.ts exited at start (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, kill: end('SIGKILL'), stop: end('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`server/main.ts did not answer /healthz:\n${stderr}`);
}
