// The portal's client bundle (docs/embedding/ssr.md). Hydrate support FIRST: it patches LitElement when lit-element's
// module runs, so it must be evaluated before any element module imports lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import 'pembinaan-asn/components/asn-provider';
import 'pembinaan-asn/components/asn-progress-card';
import 'pembinaan-asn/components/asn-feedback-feed';
import 'pembinaan-asn/components/asn-partner-directory';
import { DATA_ID, type PortalData } from './data.js';

const data = JSON.parse(document.getElementById(DATA_ID)?.textContent ?? '{}') as PortalData;

/** Sets the properties the server rendered with, then lets the element hydrate (removing `defer-hydration`). */
async function hydrateWith<E extends HTMLElement & { updateComplete: Promise<boolean> }>(el: E | null, props: Partial<E>): Promise<E | null> {
  if (!el) return null;
  Object.assign(el, props);
  el.removeAttribute('defer-hydration');
  await el.updateComplete;
  return el;
}

// The provider first, so the widgets find its client as they connect.
await hydrateWith(document.querySelector('asn-provider'), { token: data.token });
const [card, feed, directory] = await Promise.all([
  hydrateWith(document.querySelector('asn-progress-card'), { summary: data.summary, now: data.now }),
  hydrateWith(document.querySelector('asn-feedback-feed'), { items: data.feedback?.items, goals: data.feedback?.goals }),
  hydrateWith(document.querySelector('asn-partner-directory'), { partners: data.partners, now: data.now }),
]);

// Live: unsetting the data properties hands them over. Each element keeps showing them while it loads its own
// through the provider's client, then follows the event stream.
if (card) Object.assign(card, { summary: undefined, now: undefined });
if (feed) feed.items = undefined;
if (directory) Object.assign(directory, { partners: undefined, now: undefined });
