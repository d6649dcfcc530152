import type { ProgressSummary } from '../../src/contract/index.js';
import type { Client } from '../../src/client/types.js';

/** The sandbox API the test config started (`web-test-runner.config.mjs`), or a reason why there is none. */
export async function sandbox(): Promise<string> {
  const path = '/__sandbox.js';
  const mod = (await import(/* @vite-ignore */ path)) as { sandboxUrl: string | null; sandboxProblem: string | null };
  if (!mod.sandboxUrl) throw new Error(`No sandbox API for this run: ${mod.sandboxProblem ?? 'unknown reason'}`);
  return mod.sandboxUrl;
}

export interface SandboxSession {
  token: string;
  employee: { id: string; name: string };
}

export async function sandboxToken(url: string, body: { employeeId?: string; role?: string } = {}): Promise<SandboxSession> {
  const res = await fetch(`${url}/v1/sandbox/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /v1/sandbox/tokens → ${res.status} ${await res.text()}`);
  return (await res.json()) as SandboxSession;
}

/** A hand-driven SDK client: `progress.get` answers from a queue of results (values or errors). */
export class FakeClient {
  readonly baseUrl = 'http://fake.invalid';
  readonly hasCredentials = true;
  calls: Array<{ employee: string; year?: number; fresh?: boolean }> = [];
  results: Array<ProgressSummary | Error | (() => Promise<ProgressSummary>)> = [];
  subscriptions: Array<{ topics: string[]; handler: (event: unknown) => void }> = [];
  private invalidateListeners = new Set<(tags: readonly string[]) => void>();

  progress = {
    get: async (employee: string, query?: { year?: number }, options?: { fresh?: boolean }) => {
      this.calls.push({ employee, year: query?.year, fresh: options?.fresh });
      const next = this.results.length > 1 ? this.results.shift()! : this.results[0];
      if (next === undefined) throw new Error('FakeClient: no result queued');
      if (typeof next === 'function') return next();
      if (next instanceof Error) throw next;
      return structuredClone(next);
    },
  };

  events = {
    subscribe: (topics: string[], handler: (event: unknown) => void) => {
      const sub = { topics, handler };
      this.subscriptions.push(sub);
      return () => {
        this.subscriptions = this.subscriptions.filter((s) => s !== sub);
      };
    },
  };

  onInvalidate(listener: (tags: readonly string[]) => void): () => void {
    this.invalidateListeners.add(listener);
    return () => this.invalidateListeners.delete(listener);
  }

  invalidate(tags: string[]): void {
    for (const l of this.invalidateListeners) l(tags);
  }

  setToken(): void {}
  close(): void {}

  asClient(): Client {
    return this as unknown as Client;
  }
}

/** An error shaped like the SDK's `PermissionError` (403). */
export function permissionError(): Error {
  return Object.assign(new Error('Forbidden'), { name: 'PermissionError', status: 403 });
}

/** An error shaped like the SDK's `NetworkError`. */
export function networkError(): Error {
  return Object.assign(new Error('Failed to fetch'), { name: 'NetworkError' });
}

export function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
