import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CoreClient, OutboxEvent } from '../../src/client/index.js';
import { hasPayload, type ServerEvent, type Topic } from '../../src/contract/events.js';
import { ContextConsumer } from '@lit/context';
import { clientContext } from './context.js';

/** A widget that loads from the API: it reflects `offline` and re-renders when the controller asks. */
export type LiveDataHost = ReactiveControllerHost & HTMLElement & { offline: boolean };

export interface LiveDataOptions {
  /** False while the widget shows data given through properties: it then neither refreshes nor listens. */
  active(): boolean;
  /** Re-fetches, skipping the SDK's cache: called (debounced) after a live event, an invalidation, or `online`. */
  refresh?(): unknown;
  /** Whether cache tags the client invalidated concern the widget. */
  concerns?(tags: readonly string[]): boolean;
  /** The event topic of what the widget shows, once known. */
  topic?(): Topic | undefined;
  /** Which events on the topic call for a refresh (default: every one). */
  wants?(event: ServerEvent): boolean;
  /**
   * A live event that says what changed (`feedback`, `progress`, `goal`, …): apply it to what is shown and answer
   * true, or false when it cannot be applied (nothing loaded yet, a version after a gap, a row not shown) and a
   * refetch is needed. True also for an event about other data, or one already applied. Without it, or for an
   * event without a payload (stored before #9), the widget refetches.
   */
  apply?(event: ServerEvent): boolean;
  /**
   * For widgets that write (`enableOutbox`): installed on the provider's client, so a goal, check-in or feedback
   * written offline waits in the outbox and is sent when the connection is back. Passed in rather than imported
   * here, so a read-only widget's bundle carries none of the outbox.
   */
  outbox?(client: CoreClient): unknown;
  /** Offline-outbox events of the client (sent, failed, …). */
  onOutbox?(event: OutboxEvent): void;
  /**
   * The provider's credentials changed (another user may be signed in): drop what was loaded for the previous
   * one, so it is neither shown nor used for the event topic. The stream resubscribes once `topic()` answers from
   * data loaded under the new credentials.
   */
  onCredentialsChange?(): void;
  /** Coalesces a burst (e.g. `feedback.created` + `progress.updated`) into one fetch. */
  debounce?: number;
}

/**
 * What every data widget does around its fetch, in one place: take the client from the nearest `<asn-provider>`,
 * follow the browser's online state, and keep its data live — one `onInvalidate` listener, one event subscription
 * per (client, topic) and the outbox's events — refreshing at most once per burst and never while offline (the
 * `online` event refreshes). Everything stops when the widget leaves the page or is fed by properties.
 */
export class LiveData implements ReactiveController {
  /** The provider's client: undefined without a provider, null while it has no credentials. */
  client: CoreClient | null | undefined = undefined;
  /** Bumped whenever the provider (re-)provides its client, e.g. after a token change: tasks re-run on it. */
  generation = 0;

  #host: LiveDataHost;
  #options: LiveDataOptions;
  #fresh = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening: CoreClient | null = null;
  #stopListening: (() => void)[] = [];
  #eventsClient: CoreClient | null = null;
  #eventsTopic: Topic | undefined;
  #stopEvents: (() => void) | undefined;
  /** What `apply` answered for the last events: each arrives twice (its invalidation, then the topic handler). */
  #applied = new Map<string, boolean>();

  constructor(host: LiveDataHost, options: LiveDataOptions) {
    (this.#host = host).addController(this);
    this.#options = options;
    // Asks on connect, follows every change, and moves to a nearer provider that appears later.
    new ContextConsumer(host, { context: clientContext, subscribe: true, callback: (client) => this.#onClient(client) });
  }

  /** From the provider: on connect, on every change, and when a nearer provider takes over. */
  #onClient(client: CoreClient | null): void {
    if (client === this.client && client) {
      // Same client re-provided: its credentials changed. The SDK already closed the stream; leave the old
      // topic, which may be the previous user's, before any request goes out with the new token.
      this.#fresh = true;
      this.#stopEvents?.();
      this.#stopEvents = undefined;
      this.#eventsClient = null;
      this.#eventsTopic = undefined;
      this.#options.onCredentialsChange?.();
    }
    this.client = client;
    this.generation += 1;
    this.#host.requestUpdate();
  }

  /** The next fetch skips the SDK's cache. */
  markFresh(): void {
    this.#fresh = true;
  }

  /** Whether this fetch should skip the cache (true once after `markFresh()` or a re-provided client). */
  takeFresh(): boolean {
    const fresh = this.#fresh;
    this.#fresh = false;
    return fresh;
  }

  /** An event on the topic, or the cause of an invalidation: applied when the widget can, else a refresh. */
  #onEvent(event: ServerEvent): void {
    if (!this.#apply(event)) this.schedule();
  }

  #apply(event: ServerEvent): boolean {
    const apply = this.#options.apply;
    if (!apply || !hasPayload(event) || !this.#options.active()) return false;
    const key = `${event.topic}|${event.id}`;
    let done = this.#applied.get(key);
    if (done === undefined) {
      done = apply(event);
      this.#applied.set(key, done);
      if (this.#applied.size > 64) this.#applied.delete(this.#applied.keys().next().value as string);
    }
    return done;
  }

  /** Refreshes after a short pause, once for a burst; nothing while offline, detached or fed by properties. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const host = this.#host;
      if (host.isConnected && this.client && !host.offline && this.#options.active()) void this.#options.refresh?.();
    }, this.#options.debounce ?? 40);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) this.#host.offline = true;
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    clearTimeout(this.#timer);
    this.#sync(true);
  }

  hostUpdated(): void {
    this.#sync(false);
  }

  #onOnline = (): void => {
    this.#host.offline = false;
    if (this.client && this.#options.active()) this.schedule();
  };

  #onOffline = (): void => {
    this.#host.offline = true;
  };

  /** One set of listeners per client, one event subscription per (client, topic); none when stopped. */
  #sync(stop: boolean): void {
    const options = this.#options;
    const client = !stop && this.#host.isConnected && options.active() ? (this.client ?? null) : null;
    if (client !== this.#listening) {
      for (const stopOne of this.#stopListening) stopOne();
      this.#stopListening = [];
      if (client && options.outbox && !client.outbox?.enabled) {
        try {
          options.outbox(client);
        } catch {
          // A client this SDK did not make (a portal's own, a test double): writes then fail as they would
        }
      }
      if (client && options.concerns) {
        this.#stopListening.push(
          client.onInvalidate((tags, cause) => {
            if (!options.concerns?.(tags)) return;
            if (cause) this.#onEvent(cause.event);
            else this.schedule();
          }),
        );
      }
      if (client?.outbox?.enabled && options.onOutbox) this.#stopListening.push(client.outbox.subscribe((event) => options.onOutbox?.(event)));
      this.#listening = client;
    }
    const topic = client ? options.topic?.() : undefined;
    const eventsClient = topic ? client : null;
    if (eventsClient !== this.#eventsClient || topic !== this.#eventsTopic) {
      this.#stopEvents?.();
      try {
        this.#stopEvents = eventsClient?.events.subscribe([topic as Topic], (event) => {
          if (!options.wants || options.wants(event)) this.#onEvent(event);
        });
      } catch {
        this.#stopEvents = undefined; // not a topic (an id typed into an attribute): the fetch shows the error
      }
      this.#eventsClient = eventsClient;
      this.#eventsTopic = topic;
    }
  }
}
