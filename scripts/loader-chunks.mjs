// The CDN loader's build (rollup.config.js, third entry; src/cdn-loader.ts): one shared `core` chunk, one chunk
// per element, and the tag → files map the loader preloads from, written into it and into chunks.json.
import { resolve } from 'node:path';

export const PLACEHOLDER = '__ASN_LOADER_CHUNKS__';
const PROVIDER = 'asn-provider';

/** Static imports of `id`, transitively (dynamic imports are chunks of their own, loaded on demand). */
function staticClosure(id, getModuleInfo, seen = new Set()) {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const next of getModuleInfo(id)?.importedIds ?? []) staticClosure(next, getModuleInfo, seen);
  return seen;
}

/**
 * `manualChunks` for the loader build: `core` holds what the provider needs (lit, the SDK, the context root) and
 * every module two or more elements import statically (shared component code). What one element alone needs stays
 * in its chunk; what is only imported on demand (English strings, dialogs, the ALTCHA solver) stays lazy.
 * (`minElements` 3, 4 and 6 were measured too: the ASN view 0.7–0.8 KB smaller gzipped, in 7 to 9 files instead of 6.)
 */
export function sharedCore(loaderEntry, { minElements = 2 } = {}) {
  const loaderId = resolve(loaderEntry);
  let core;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!core) {
      core = new Set();
      const ids = [...getModuleIds()];
      for (const target of getModuleInfo(loaderId)?.dynamicallyImportedIds ?? []) staticClosure(target, getModuleInfo, core);
      const uses = new Map();
      for (const entry of ids.filter((m) => m !== loaderId && getModuleInfo(m)?.isEntry)) {
        for (const m of staticClosure(entry, getModuleInfo)) uses.set(m, (uses.get(m) ?? 0) + 1);
      }
      for (const [m, count] of uses) if (count >= minElements && !getModuleInfo(m)?.isEntry) core.add(m);
      core.delete(loaderId);
    }
    return core.has(id) ? 'core' : undefined;
  };
}

/**
 * After the chunks have their hashed names: `asn-provider` → the chunk registering it and its static imports, and
 * each element tag → its entry chunk and its static imports (entry first, then breadth first), relative to the
 * loader. Replaces the placeholder in `loader.js`, and writes `chunks.json` (for pages that print the preload
 * links themselves) and `loader.d.ts` (the `pembinaan-asn/cdn/loader` export has no exports, only effects).
 */
export function loaderChunks({ elements, loader = 'loader.js' }) {
  const tagOf = new Map(Object.entries(elements).map(([tag, file]) => [resolve(file), tag]));
  return {
    name: 'loader-chunks',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const withImports = (start) => {
        const files = [start.fileName];
        for (let i = 0; i < files.length; i++) {
          for (const next of bundle[files[i]].imports) if (!files.includes(next)) files.push(next);
        }
        return files;
      };
      const map = {};
      const providerId = resolve(elements[PROVIDER]);
      const providerChunk = chunks.find((chunk) => chunk.moduleIds.includes(providerId));
      if (!providerChunk) this.error(`no chunk holds ${elements[PROVIDER]}`);
      map[PROVIDER] = withImports(providerChunk);
      for (const chunk of chunks) {
        const tag = chunk.isEntry && tagOf.get(chunk.facadeModuleId);
        if (tag && tag !== PROVIDER) map[tag] = withImports(chunk);
      }
      const missing = Object.keys(elements).filter((tag) => !map[tag]);
      if (missing.length) this.error(`no chunk for ${missing.join(', ')}`);

      const entry = bundle[loader];
      if (!entry || entry.type !== 'chunk') this.error(`${loader} is not in the bundle`);
      const literal = new RegExp(`(["'\`])${PLACEHOLDER}\\1`);
      if (!literal.test(entry.code)) this.error(`${loader} lacks the placeholder ${PLACEHOLDER}`);
      // A single-quoted JS string holding the JSON (tags and file names: nothing in it needs escaping but `\` and `'`).
      // The loader is one line and its map's columns after this point shift; the loader is small enough to read.
      entry.code = entry.code.replace(literal, () => `'${JSON.stringify(map).replace(/[\\']/g, '\\$&')}'`);

      this.emitFile({ type: 'asset', fileName: 'chunks.json', source: `${JSON.stringify(map, null, 2)}\n` });
      this.emitFile({
        type: 'asset',
        fileName: 'loader.d.ts',
        source:
          '// pembinaan-asn/cdn/loader: registers <asn-provider> and loads each element when its tag appears.\n' +
          '// No exports; the element types come with `pembinaan-asn/components`.\nexport {};\n',
      });
    },
  };
}
