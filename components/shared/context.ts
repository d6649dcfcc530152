import type { ReactiveController, ReactiveElement } from 'lit';
import type { CoreClient } from '../../src/client/core.js';

/**
 * How `<asn-provider>` hands its SDK client to the widgets inside it: the Context Community Protocol
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md), the events
 * `context-request` and `context-provider` that `@lit/context` speaks too, so its consumers and providers work
 * with ours.
 *
 * Why not `@lit/context`: the one context here needs a consumer, a provider and a root, ~0.5 KB gzipped less than
 * the package in the single-widget bundle, whose budget is 30 KB (issue #2).
 *
 * The value is `null` while the provider has no credentials (no token, `getToken` or publishable key yet): widgets
 * then wait, showing their loading state, instead of sending a request that must fail. No provider above a widget:
 * it never gets a value (`undefined`).
 */

/** The context key. A global symbol (`Symbol.for`): a provider and a widget from two copies of the library on one page still find each other. */
export const clientContext = Symbol.for('pembinaan-asn.client-context.v1') as symbol & { __context__: CoreClient | null };

export type ClientContextValue = CoreClient | null | undefined;
export type ClientCallback = (value: CoreClient | null, unsubscribe?: () => void) => void;

/** `context-request`: a widget asks the nearest provider above it for the client. */
export class ContextRequestEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: ClientCallback,
    readonly subscribe = true,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/** `context-provider`: a provider appeared; consumers that found none (or a farther one) may ask again. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

const targetOf = (event: Event & { contextTarget?: Element }) => event.contextTarget ?? (event.composedPath()[0] as Element);

/** Asks for the client from `host`, subscribed: `callback` runs now if a provider answers, and on every change. */
export function requestClient(host: Element, callback: ClientCallback): void {
  host.dispatchEvent(new ContextRequestEvent(clientContext, host, callback));
}

/** The provider side: answers the requests from below its host and tells subscribers when the value changes. */
export class ClientProvider implements ReactiveController {
  #host: ReactiveElement;
  #value: CoreClient | null = null;
  #subscribers = new Map<ClientCallback, { consumer: Element; unsubscribe: () => void }>();

  constructor(host: ReactiveElement) {
    (this.#host = host).addController(this);
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent;
      const consumer = targetOf(request);
      if (request.context !== clientContext || consumer === host) return;
      event.stopPropagation();
      if (!request.subscribe) return request.callback(this.#value);
      const { callback } = request;
      let entry = this.#subscribers.get(callback);
      if (!entry) this.#subscribers.set(callback, (entry = { consumer, unsubscribe: () => this.#subscribers.delete(callback) }));
      callback(this.#value, entry.unsubscribe);
    });
    // A provider appeared inside this one: the consumers below it should now be served by it.
    host.addEventListener('context-provider', (event) => {
      const child = targetOf(event as ContextProviderEvent);
      if ((event as ContextProviderEvent).context !== clientContext || child === host) return;
      event.stopPropagation();
      for (const [callback, { consumer }] of [...this.#subscribers]) consumer.dispatchEvent(new ContextRequestEvent(clientContext, consumer, callback));
    });
  }

  get value(): CoreClient | null {
    return this.#value;
  }

  /** Sets the value and, when it changed (or `force`), hands it to every subscriber. */
  setValue(value: CoreClient | null, force = false): void {
    const changed = force || !Object.is(value, this.#value);
    this.#value = value;
    if (changed) for (const [callback, { unsubscribe }] of [...this.#subscribers]) callback(value, unsubscribe);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(new ContextProviderEvent(clientContext, this.#host));
  }
}

const ROOT_KEY = Symbol.for('pembinaan-asn.context-root.v1');

/**
 * Catches the requests no provider answered (a widget that upgraded before its `<asn-provider>` was defined) and
 * asks again when a provider appears. Attached once per document, by the `define` modules.
 */
export function attachContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[ROOT_KEY]) return;
  holder[ROOT_KEY] = true;
  // Weak: a widget removed before any provider came must not be kept alive by this list.
  let pending: { consumer: WeakRef<Element>; callback: WeakRef<ClientCallback> }[] = [];
  const root = document.documentElement;
  root.addEventListener('context-request', (event) => {
    const request = event as ContextRequestEvent;
    if (request.context !== clientContext || !request.subscribe) return;
    const consumer = targetOf(request);
    if (pending.some((p) => p.consumer.deref() === consumer && p.callback.deref() === request.callback)) return;
    pending.push({ consumer: new WeakRef(consumer), callback: new WeakRef(request.callback) });
  });
  root.addEventListener('context-provider', (event) => {
    if ((event as ContextProviderEvent).context !== clientContext) return;
    const waiting = pending;
    pending = []; // those still unanswered come back through the listener above
    for (const p of waiting) {
      const consumer = p.consumer.deref();
      const callback = p.callback.deref();
      if (consumer && callback) consumer.dispatchEvent(new ContextRequestEvent(clientContext, consumer, callback));
    }
  });
}
