/**
 * The embed snippets of an element's Docs page, generated from custom-elements.json (tag, class, attributes, the
 * first event): plain HTML with the CDN loader, React 19 (custom elements as they are), React 18 (the
 * `pembinaan-asn/react` wrappers) and Vue. See README "Guides per portal" for the full guides.
 */
import customElements from '../custom-elements.json' with { type: 'json' };

interface Field {
  kind?: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  type?: { text?: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  name: string;
  members?: Field[];
  attributes?: { name: string; fieldName?: string; type?: { text?: string }; default?: string }[];
  events?: { name: string }[];
}

const declarations = (customElements as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);

/** Sample values for the attributes a portal sets; others show their default when it says something. */
const SAMPLES: Record<string, string | number> = {
  employee: 'me',
  supervisor: 'me',
  year: 2025,
  opening: 'int_…',
  program: 'prg_…',
  'publishable-key': 'pk_…',
  'base-url': 'https://asn.example.go.id',
  locale: 'id',
};

interface Attribute {
  attribute: string;
  property: string;
  value: string | number;
}

/** The attributes worth showing: a sample or a meaningful default (booleans such as `offline` are detected). */
function attributesOf(d: Declaration): Attribute[] {
  const shown: Attribute[] = [];
  for (const a of d.attributes ?? []) {
    const field = (d.members ?? []).find((m) => m.name === a.fieldName);
    if (field && (field.privacy || field.static || /^[_#]/.test(field.name))) continue;
    if (/\bboolean\b/.test(a.type?.text ?? field?.type?.text ?? '')) continue;
    const fallback = (a.default ?? field?.default)?.replace(/^'(.*)'$/, '$1');
    const value = SAMPLES[a.name] ?? (fallback && fallback !== 'undefined' ? (/^\d+$/.test(fallback) ? Number(fallback) : fallback) : undefined);
    if (value === undefined || value === '') continue;
    shown.push({ attribute: a.name, property: a.fieldName ?? a.name, value });
  }
  return shown;
}

/** `asn-progress-loaded` → `onAsnProgressLoaded` (the @lit/react wrappers' event props). */
export const reactEventProp = (event: string) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;

const jsx = (attributes: Attribute[]) => attributes.map((a) => (typeof a.value === 'number' ? ` ${a.property}={${a.value}}` : ` ${a.property}="${a.value}"`)).join('');

const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;

/** The Markdown appended to an element's `docs.description.component`. */
export function embedSnippets(tag: string): string {
  const d = declarations.find((x) => x.tagName === tag);
  if (!d) throw new Error(`custom-elements.json has no ${tag}: run \`npm run analyze\``);
  const attributes = attributesOf(d);
  const event = d.events?.find((e) => e.name)?.name;
  const html = attributes.map((a) => ` ${a.attribute}="${a.value}"`).join('');
  const vue = attributes.map((a) => (typeof a.value === 'number' ? ` :${a.attribute}="${a.value}"` : ` ${a.attribute}="${a.value}"`)).join('');
  const inner = tag === 'asn-provider' ? '\n  <!-- the widgets of the page -->\n' : '';

  const plain = [
    '<script type="module" src="https://<your-cdn>/pembinaan-asn/dist/cdn/loader.js"></script>',
    `<${tag}${html}>${inner}</${tag}>`,
    ...(event
      ? [
          '<script type="module">',
          `  document.querySelector('${tag}').addEventListener('${event}', (event) => console.log(event.detail));`,
          '</script>',
        ]
      : []),
  ].join('\n');
  const react19 = [
    `import 'pembinaan-asn/components/${tag}';`,
    '',
    'export function Widget() {',
    // React 19 passes `on…` props of a custom element as listeners of the event named after `on` (case kept).
    `  return <${tag}${jsx(attributes)}${event ? ` on${event}={(event) => console.log(event.detail)}` : ''} />;`,
    '}',
  ].join('\n');
  const react18 = [
    `import { ${d.name} } from 'pembinaan-asn/react';`,
    '',
    'export function Widget() {',
    `  return <${d.name}${jsx(attributes)}${event ? ` ${reactEventProp(event)}={(event) => console.log(event.detail)}` : ''} />;`,
    '}',
  ].join('\n');
  const vueSfc = [
    '<script setup>',
    `import 'pembinaan-asn/components/${tag}';`,
    ...(event ? ['const onEvent = (event) => console.log(event.detail);'] : []),
    '</script>',
    '',
    '<template>',
    `  <${tag}${vue}${event ? ` @${event}="onEvent"` : ''}>${inner ? '<!-- the widgets of the page -->' : ''}</${tag}>`,
    '</template>',
  ].join('\n');

  return [
    '',
    '## Embed',
    '',
    `### HTML (CDN loader)`,
    '',
    fence('html', plain),
    '',
    '### React 19',
    '',
    fence('jsx', react19),
    '',
    '### React 18 (`pembinaan-asn/react`)',
    '',
    fence('jsx', react18),
    '',
    '### Vue',
    '',
    'With `isCustomElement` from `pembinaan-asn/vue` in the Vue plugin’s `template.compilerOptions`.',
    '',
    fence('html', vueSfc),
  ].join('\n');
}

/** Appends the snippets of `meta.component` to its Docs page's description (called once per element's stories). */
export function appendEmbed(meta: { component?: string; parameters?: { docs?: { description?: { component?: string } } } }): void {
  if (!meta.component) return;
  const parameters = (meta.parameters ??= {});
  const docs = (parameters.docs ??= {});
  const description = (docs.description ??= {});
  description.component = `${description.component ?? ''}\n${embedSnippets(meta.component)}`;
}
