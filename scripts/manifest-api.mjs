// The public API of every element as custom-elements.json declares it: one reader for everything generated from
// the manifest (React wrappers and JSX types, Vue types, Storybook snippets) and the tests that check them.
import { readFileSync } from 'node:fs';
import { elements } from './entries.mjs';

/**
 * @typedef {{ name: string, attribute?: string, type: string, boolean: boolean, readonly: boolean, description?: string }} FieldApi
 * @typedef {{ name: string, type: string, description?: string }} EventApi
 * @typedef {{ tag: string, className: string, module: string, define: string, summary?: string,
 *   fields: FieldApi[], events: EventApi[], cssProperties: { name: string, description?: string }[],
 *   cssParts: { name: string, description?: string }[], slots: { name: string, description?: string }[] }} ElementApi
 */

const isBooleanType = (text) =>
  !!text && text.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined' && t !== 'null').every((t) => t === 'boolean');

/** Public instance fields only: private, protected, static and `_`/`#`-named members are not API. */
const isPublicField = (m) => m.kind === 'field' && !m.privacy && !m.static && !/^[_#]/.test(m.name);

/** @returns {ElementApi[]} in the order of scripts/entries.mjs (`asn-provider` first). */
export function elementApis(path = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const found = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      const attributes = d.attributes ?? [];
      found.set(d.tagName, {
        tag: d.tagName,
        className: d.name,
        module: mod.path,
        define: elements[d.tagName],
        summary: d.summary,
        fields: (d.members ?? []).filter(isPublicField).map((m) => {
          const attribute = m.attribute ?? attributes.find((a) => a.fieldName === m.name)?.name;
          const type = m.type?.text ?? attributes.find((a) => a.fieldName === m.name)?.type?.text ?? 'unknown';
          return { name: m.name, attribute, type, boolean: isBooleanType(type), readonly: Boolean(m.readonly), description: m.description };
        }),
        events: (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, type: e.type?.text ?? 'Event', description: e.description })),
        cssProperties: d.cssProperties ?? [],
        cssParts: d.cssParts ?? [],
        slots: d.slots ?? [],
      });
    }
  }
  const missing = Object.keys(elements).filter((tag) => !found.has(tag));
  if (missing.length) throw new Error(`custom-elements.json has no declaration for ${missing.join(', ')}: run \`npm run analyze\``);
  return Object.keys(elements).map((tag) => found.get(tag));
}

/** `asn-progress-loaded` → `onAsnProgressLoaded` (the @lit/react wrappers' event props). */
export const reactEventProp = (event) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;

/** Fields a framework may set: read-only ones (getters such as `visibleEmployeeIds`) throw when assigned. */
export const settableFields = (api) => api.fields.filter((f) => !f.readonly);

/** A one-line JSDoc block at `indent` for generated declarations, or nothing without text. */
export const jsdoc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
