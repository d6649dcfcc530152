// custom-elements.json (from `npm run build`) feeds Storybook's controls and docs and portals' editors: every
// element is in it, summarised, with its attributes and events documented, and no event the analyzer guessed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elements } from '../../scripts/entries.mjs';

interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: { name: string; description?: string }[];
  events?: { name: string; description?: string }[];
  cssParts?: unknown[];
  cssProperties?: unknown[];
}

describe('custom-elements.json', () => {
  it('documents every element, its attributes and its events', () => {
    assert.ok(existsSync('custom-elements.json'), 'custom-elements.json is missing: run `npm run build` first');
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
    const declared = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));
    for (const tag of Object.keys(elements)) {
      const d = declared.get(tag);
      assert.ok(d, `${tag} is not in the manifest`);
      assert.ok(d.summary, `${tag} has no @summary`);
      assert.ok((d.attributes ?? []).length > 0, `${tag} lists no attributes`);
      for (const a of d.attributes ?? []) assert.ok(a.description, `${tag}[${a.name}] has no description`);
      for (const e of d.events ?? []) {
        assert.match(e.name, /^asn-[a-z-]+$/, `${tag} lists an event "${e.name}" that is not one of ours`);
        assert.ok(e.description, `${tag} event ${e.name} has no description`);
      }
      if (tag !== 'asn-provider') {
        assert.ok((d.cssParts ?? []).length > 0, `${tag} documents no parts`);
        assert.ok((d.cssProperties ?? []).length > 0, `${tag} documents no custom properties`);
      }
    }
  });
});
