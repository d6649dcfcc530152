/**
 * The CDN loader (`dist/cdn/loader.js`): one `<script type="module">` that registers `<asn-provider>` at once
 * and loads each other element's code only when its tag is in the document, at load or added later.
 *
 * The build (scripts/loader-chunks.mjs) replaces the placeholder below with a map: tag → the files of its chunk
 * and all their static imports, relative to this file. For the tags present at start every file is asked for at
 * once (`<link rel="modulepreload">`), so the shared core and the element chunks arrive in one round trip after
 * this file. This file imports nothing statically for the same reason: a static import would be fetched before
 * the scan below could run.
 *
 * Limitation: elements inside shadow roots (a portal's own web components rendering `<asn-goal-list>` in theirs)
 * are not seen by the observer; such a portal imports the element's chunk itself or puts one instance in the
 * light DOM. See docs/embedding/php.md.
 */

type ChunkMap = Record<string, readonly string[]>;

const PROVIDER = 'asn-provider';
// A string literal survives terser; the build swaps it for the JSON of the map (JSON.parse: no eval under CSP).
const chunks: ChunkMap = JSON.parse('__ASN_LOADER_CHUNKS__') as ChunkMap;
const tags = Object.keys(chunks).filter((tag) => tag !== PROVIDER);
const selector = tags.join(',');
const requested = new Set<string>();
const preloaded = new Set<string>();

const url = (file: string): string => new URL(file, import.meta.url).href;

/** Links the page printed itself (from chunks.json, docs/embedding/php.md) are not added twice. */
for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')) preloaded.add(link.href);

/** One `<link rel="modulepreload">` per file not yet asked for, all appended at once. */
function preload(files: readonly string[]): void {
  const links = document.createDocumentFragment();
  for (const file of files) {
    const href = url(file);
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    links.append(link);
  }
  (document.head ?? document.documentElement).append(links);
}

/** Preloads the chunks of the tags not yet asked for, then imports each (its module registers the element). */
function load(found: Iterable<string>): void {
  const fresh = [...new Set(found)].filter((tag) => !requested.has(tag));
  for (const tag of fresh) requested.add(tag);
  // Defined by another copy (the single CDN file, a bundle): nothing to fetch.
  const needed = fresh.filter((tag) => !customElements.get(tag));
  if (needed.length) {
    preload(needed.flatMap((tag) => chunks[tag]));
    for (const tag of needed) {
      // Not retried: the browser keeps a failed module fetch in its module map until the page reloads.
      import(url(chunks[tag][0])).catch((error: unknown) => console.error(`pembinaan-asn: ${tag} could not be loaded`, error));
    }
  }
  if (tags.every((tag) => requested.has(tag))) observer.disconnect();
}

/** The known tags in `root` (the element itself included). */
function tagsIn(root: Element | Document): string[] {
  const found = [...root.querySelectorAll(selector)].map((el) => el.localName);
  if (root instanceof Element && root.matches(selector)) found.push(root.localName);
  return found;
}

const observer = new MutationObserver((records) => {
  const found: string[] = [];
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) found.push(...tagsIn(node));
  }
  if (found.length) load(found);
});
observer.observe(document, { childList: true, subtree: true });

// The provider's chunk (the shared core) in the same batch as the elements on the page.
preload(chunks[PROVIDER] ?? []);
import('../components/provider/define.js').catch((error: unknown) => console.error('pembinaan-asn: asn-provider could not be loaded', error));
load(tagsIn(document));
