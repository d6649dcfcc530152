/**
 * Where the student-facing internship widgets get their SDK client, in this order: a `client` set on the element,
 * one the element makes from its own `publishable-key` (and `base-url`) — the one-snippet embed on a
 * university's page, no `<asn-provider>` needed — or the nearest `<asn-provider>`'s. Also follows the browser's
 * online state, the client's cache invalidations (one refresh per burst) and, for the form, its offline outbox.
 *
 * `LiveData` (components/shared/live-data.ts) does the provider half of this for the coaching widgets; it cannot
 * take a client the widget made itself, which these two need.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createCoreClient, type CoreClient, type OutboxEvent } from '../../src/client/index.js';
import { clientContext } from '../shared/context.js';

export interface ClientSourceHost extends ReactiveControllerHost, HTMLElement {
  offline: boolean;
  publishableKey?: string;
  baseUrl?: string;
  client?: CoreClient | null;
}

export interface ClientSourceOptions {
  /** Installed on the client in use (the form: `installOutbox`), so a write made offline waits and is sent later. */
  outbox?(client: CoreClient): unknown;
  onOutbox?(event: OutboxEvent): void;
  /** Whether invalidated cache tags concern what the widget shows. */
  concerns?(tags: readonly string[]): boolean;
  /** Re-fetch, skipping the cache (after an invalidation that concerns the widget, or when back online). */
  refresh?(): void;
}

export class ClientSource implements ReactiveController {
  /** The client in use: undefined with none at all, null while a provider has no credentials. */
  current: CoreClient | null | undefined;
  /** Bumped whenever `current` changes: loads re-run on the new client. */
  generation = 0;

  readonly #host: ClientSourceHost;
  readonly #options: ClientSourceOptions;
  #provided: CoreClient | null | undefined;
  #own: CoreClient | null = null;
  #ownKey = '';
  #wired: CoreClient | null = null;
  #unwire: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ClientSourceHost, options: ClientSourceOptions = {}) {
    (this.#host = host).addController(this);
    this.#options = options;
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        // The same client re-provided means new credentials: the widget loads again.
        if (client === this.#provided && client) this.generation += 1;
        this.#provided = client;
        host.requestUpdate();
      },
    });
  }

  /**
   * Picks the client for the element's current properties; call it in `willUpdate`. Returns true when it changed
   * (the caller loads again).
   */
  sync(): boolean {
    const host = this.#host;
    const key = host.publishableKey ? `${host.baseUrl || location.origin}\n${host.publishableKey}` : '';
    if (key !== this.#ownKey) {
      this.#own?.close();
      this.#own = null;
      this.#ownKey = key;
      if (key) {
        try {
          this.#own = createCoreClient({ baseUrl: (host.baseUrl || location.origin), publishableKey: host.publishableKey });
        } catch {
          this.#own = null; // a `base-url` that is not an http(s) origin: the widget says it is not connected
        }
      }
    }
    const next = host.client ?? this.#own ?? this.#provided;
    const changed = next !== this.current;
    if (changed) {
      this.current = next;
      this.generation += 1;
    }
    this.#wire(host.isConnected ? (next ?? null) : null);
    return changed;
  }

  /** Refreshes after a short pause, once per burst; never while offline. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#host.isConnected && this.current && !this.#host.offline) this.#options.refresh?.();
    }, 40);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    if (navigator.onLine === false) this.#host.offline = true;
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    clearTimeout(this.#timer);
    this.#wire(null);
    // A widget moved elsewhere in the page makes a fresh client when it connects again.
    this.#own?.close();
    this.#own = null;
    this.#ownKey = '';
  }

  #onOnline = (): void => {
    this.#host.offline = false;
    this.schedule();
  };

  #onOffline = (): void => {
    this.#host.offline = true;
  };

  /** One set of listeners, on the client in use. */
  #wire(client: CoreClient | null): void {
    if (client === this.#wired) return;
    for (const stop of this.#unwire) stop();
    this.#unwire = [];
    this.#wired = client;
    if (!client) return;
    const { outbox, onOutbox, concerns } = this.#options;
    if (outbox && !client.outbox?.enabled) {
      try {
        outbox(client);
      } catch {
        // A client this SDK did not make (a portal's own, a test double): writes then fail as they would.
      }
    }
    if (concerns) this.#unwire.push(client.onInvalidate((tags) => concerns(tags) && this.schedule()));
    if (onOutbox && client.outbox?.enabled) this.#unwire.push(client.outbox.subscribe(onOutbox));
  }
}
