// Shared by the SDK tests: a real sandbox server over HTTP, and a fetch that records what the SDK sends.
import { startServer } from '../../server/testing.js';
import { createClient } from '../../src/client/index.js';
import type { ClientOptions } from '../../src/client/index.js';
import type { LearningRecordCreate } from '../../src/contract/index.js';

export type Server = Awaited<ReturnType<typeof startServer>>;

export const start = (): Promise<Server> => startServer({ port: 0, dbPath: ':memory:', sandbox: true, quiet: true });

/** Fast retries and reconnects so the suite stays quick. */
export const fast: Partial<ClientOptions> = {
  retryDelay: 5,
  maxRetryDelay: 20,
  events: { reconnectDelay: 20, maxReconnectDelay: 100, debounce: 5 },
};

export interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: string | null;
}

/** A fetch that records every request (headers included) before passing it to the real fetch. */
export function recordingFetch(): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url, headers: new Headers(request.headers), body: request.body ? await request.clone().text() : null });
    return fetch(request);
  };
  return { fetch: wrapped, sent };
}

export const count = (server: Server, method: string, path: string | RegExp): number =>
  server.requestLog.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).length;

export function clientFor(server: Server, token: string, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: server.url, token, ...fast, ...options });
}

let n = 0;
export const learningBody = (over: Partial<LearningRecordCreate> = {}): LearningRecordCreate => ({
  title: `Pelatihan komunikasi publik ${++n} ${Math.random().toString(36).slice(2, 8)}`,
  competency: 'socio-cultural',
  jp: 2,
  completedAt: new Date(Date.now() - 3600_000).toISOString(),
  ...over,
});

export const waitFor = async (predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> => {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
