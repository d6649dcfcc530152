// What the app needs, built by main.ts or testing.ts and passed to createApp().
import type { Context } from 'hono';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { EventHub } from './events.js';
import type { IdempotencyStore } from './idempotency.js';

export interface AppHooks {
  /** Called for every request as it arrives; the returned function gets the final status. */
  onRequest?: (info: { method: string; path: string }) => ((status: number) => void) | void;
  /** May answer a request before the routes (in-process fault injection for tests). */
  intercept?: (c: Context) => Response | undefined;
  /**
   * Tests only (server/testing.ts leaves it unset; a test sets it): replaces a mutation's answer before it is checked
   * against the contract, to show that a bad answer rolls the request back.
   */
  corruptResponse?: (routeId: string, body: unknown) => unknown;
}

export interface AppDeps {
  config: Config;
  db: Database;
  events: EventHub;
  idempotency: IdempotencyStore;
  hooks?: AppHooks;
  /** Heartbeat interval of the event stream (15 s). */
  heartbeatMs?: number;
  /** The server's clock; tests move it (consent times, agreement status, retention). `Date.now` by default. */
  clock?: () => number;
}

/** The current time on the server's clock. */
export const nowOf = (deps: Pick<AppDeps, 'clock'>): Date => new Date(deps.clock ? deps.clock() : Date.now());

export type AppEnv = { Variables: { requestId: string } };
