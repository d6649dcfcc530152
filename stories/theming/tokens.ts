/**
 * Every `--asn-*` design token, for the theming page: the union of what custom-elements.json declares per element
 * (`cssProperties`, the public list a portal's editor reads) and what components/shared/tokens.styles.ts reads
 * (the `-dark` twins and the focus ring, which no element lists on its own). Collected, never typed out, so a
 * token added to an element's `@cssprop` shows up on the page by itself (test/e2e/stories.test.ts checks it).
 */
import customElements from '../../custom-elements.json' with { type: 'json' };
import { tokens as tokenStyles } from '../../components/shared/tokens.styles.js';

export interface Token {
  name: string;
  /** As the manifest states it (`#1d4f91`, `0.75rem`, `var(--asn-color-primary)`), or the fallback in tokens.styles.ts. */
  default?: string;
  description?: string;
  /** Colours get a colour picker; sizes, radii and durations a text field. */
  kind: 'color' | 'text';
  /** The elements whose manifest entry lists it (empty: only tokens.styles.ts reads it, for every element). */
  elements: string[];
}

interface Declared {
  name: string;
  default?: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  cssProperties?: Declared[];
}

const kindOf = (name: string): Token['kind'] => (name.startsWith('--asn-color-') ? 'color' : 'text');

/** `var(--asn-x, #fff)` → `#fff`; a fallback that is itself a `var(…)` (derived) gives none. */
function fallbacks(cssText: string): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  for (const match of cssText.matchAll(/var\(\s*(--asn-[a-z0-9-]+)\s*(?:,\s*([^,()]+?)\s*)?\)/g)) {
    if (!found.has(match[1]) || found.get(match[1]) === undefined) found.set(match[1], match[2]);
  }
  for (const name of cssText.match(/--asn-[a-z0-9-]+/g) ?? []) if (!found.has(name)) found.set(name, undefined);
  return found;
}

function describeShared(name: string): string {
  const twin = /^(--asn-color-.+)-dark$/.exec(name);
  if (twin) return `\`${twin[1]}\` in the dark scheme (\`color-scheme: dark\`).`;
  if (name === '--asn-color-focus') return 'Focus ring (derived from the primary when unset).';
  return 'Read by every element (components/shared/tokens.styles.ts).';
}

export function collectTokens(): Token[] {
  const byName = new Map<string, Token>();
  const declarations = (customElements as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);
  for (const d of declarations) {
    for (const p of d.tagName ? (d.cssProperties ?? []) : []) {
      if (!p.name.startsWith('--asn-')) continue;
      const token = byName.get(p.name) ?? { name: p.name, default: p.default, description: p.description, kind: kindOf(p.name), elements: [] };
      token.elements.push(d.tagName!);
      byName.set(p.name, token);
    }
  }
  for (const [name, fallback] of fallbacks(tokenStyles.cssText)) {
    if (!byName.has(name)) byName.set(name, { name, default: fallback, description: describeShared(name), kind: kindOf(name), elements: [] });
  }
  return [...byName.values()];
}

export const TOKENS: readonly Token[] = collectTokens();

/** Token values as the page's args hold them: a token's name → what the designer set (unset, '' or the default: unchanged). */
export type TokenValues = Partial<Record<string, string>>;

const same = (a: string, b: string | undefined) => b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The tokens the designer changed, in the page's order: set, not blank, and not the default. */
export function changedTokens(values: TokenValues, tokens: readonly Token[] = TOKENS): [string, string][] {
  const changed: [string, string][] = [];
  for (const token of tokens) {
    const value = values[token.name];
    if (typeof value !== 'string' || value.trim() === '' || same(value, token.default)) continue;
    changed.push([token.name, value.trim()]);
  }
  return changed;
}

/** The CSS to copy: exactly the changed tokens, on `:root` (a portal may scope it to a container instead). */
export function rootBlock(changed: readonly [string, string][]): string {
  if (changed.length === 0) return ':root {\n}\n';
  return `:root {\n${changed.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}

/**
 * Applies the changed tokens to `element` through `style.setProperty` (one property at a time: a value the browser
 * cannot parse is dropped, it never reaches a stylesheet), after clearing every token set before.
 */
export function applyTokens(element: HTMLElement, changed: readonly [string, string][], tokens: readonly Token[] = TOKENS): void {
  for (const token of tokens) element.style.removeProperty(token.name);
  for (const [name, value] of changed) element.style.setProperty(name, value);
}
