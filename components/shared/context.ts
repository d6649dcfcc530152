import { ContextRoot, createContext } from '@lit/context';
import type { CoreClient } from '../../src/client/index.js';

/**
 * How `<asn-provider>` hands its SDK client to the widgets inside it: `@lit/context` (the Context Community
 * Protocol), so a portal's own Lit element can consume the same client with a plain `ContextConsumer`.
 *
 * The value is `null` while the provider has no credentials (no token, `getToken` or publishable key yet): widgets
 * then wait, showing their loading state, instead of sending a request that must fail. No provider above a widget:
 * it never gets a value (`undefined`).
 *
 * The key is a global symbol (`Symbol.for`): a provider and a widget from two copies of the library on one page
 * still find each other.
 */
export const clientContext = createContext<CoreClient | null>(Symbol.for('pembinaan-asn.client-context.v1'));

const ROOT_KEY = Symbol.for('pembinaan-asn.context-root.v1');

/**
 * A `ContextRoot` on the document: catches the requests no provider answered (a widget that upgraded before its
 * `<asn-provider>` was defined) and replays them when a provider appears. Attached once per document, by the
 * `define` modules.
 */
export function attachContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[ROOT_KEY]) return;
  holder[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
