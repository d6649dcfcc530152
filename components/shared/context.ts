import { ContextRoot, createContext } from '@lit/context';
import type { CoreClient } from '../../src/client/core.js';

/**
 * The SDK client an `<asn-provider>` hands to the widgets inside it.
 *
 * `null` while the provider has no credentials (no token, `getToken` or publishable key yet): widgets then wait,
 * showing their loading state, instead of sending a request that must fail. `undefined` (nothing provided) means
 * there is no provider above the widget.
 *
 * The key is a global symbol (`Symbol.for`), so a provider and a widget from two copies of the library on one page
 * still find each other.
 */
export const clientContext = createContext<CoreClient | null>(Symbol.for('pembinaan-asn.client-context.v1'));

export type ClientContextValue = CoreClient | null | undefined;

const ROOT_KEY = Symbol.for('pembinaan-asn.context-root.v1');

/**
 * Attaches one `ContextRoot` to the document, so a widget that upgraded before its `<asn-provider>` (the widget's
 * definition loaded first) still receives the client once the provider appears. Called by the `define` modules.
 */
export function attachContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[ROOT_KEY]) return;
  holder[ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
