import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { PRESETS, sorongPortal, universitySite } from './theming/presets.js';
import { TOKENS, applyTokens, changedTokens, rootBlock, type Token, type TokenValues } from './theming/tokens.js';
import { WIDGETS, widgetsIn } from './theming/widgets.js';
import './stories.css';

/** The page's own words; the widgets follow the same toolbar locale (Bahasa / Language). */
const TEXT = {
  id: {
    title: 'Tema: token desain',
    intro:
      'Ubah token di panel Controls: setiap widget di bawah berubah langsung, dalam skema terang dan gelap sekaligus. Bahasa mengikuti tombol Bahasa / Language di toolbar. Salin CSS-nya ke stylesheet portal Anda.',
    presets: 'Preset',
    cssHeading: 'CSS untuk disalin',
    cssLabel: 'Token yang diubah, sebagai blok :root',
    copy: 'Salin CSS',
    copied: 'CSS disalin ke papan klip.',
    fallback: 'Papan klip tidak tersedia: teksnya sudah dipilih, tekan Ctrl+C (⌘C di Mac) untuk menyalin.',
    tokensHeading: 'Semua token',
    tokensCaption: (n: number) => `${n} token --asn-*: nama, nilai bawaan, nilai sekarang`,
    name: 'Token',
    default: 'Bawaan',
    value: 'Nilai sekarang',
    usedBy: 'Dipakai oleh',
    all: 'semua elemen',
    derived: 'turunan',
    unset: '—',
    light: 'Skema terang',
    dark: 'Skema gelap',
  },
  en: {
    title: 'Theming: design tokens',
    intro:
      'Change a token in the Controls panel: every widget below follows at once, in the light and the dark scheme side by side. The language follows the Bahasa / Language switch in the toolbar. Copy the CSS into your portal’s stylesheet.',
    presets: 'Presets',
    cssHeading: 'CSS to copy',
    cssLabel: 'The changed tokens, as a :root block',
    copy: 'Copy CSS',
    copied: 'CSS copied to the clipboard.',
    fallback: 'No clipboard here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
    tokensHeading: 'All tokens',
    tokensCaption: (n: number) => `${n} --asn-* tokens: name, default, current value`,
    name: 'Token',
    default: 'Default',
    value: 'Current value',
    usedBy: 'Used by',
    all: 'every element',
    derived: 'derived',
    unset: '—',
    light: 'Light scheme',
    dark: 'Dark scheme',
  },
};
type Text = (typeof TEXT)['id'];

const WIDGET_COUNT = Object.keys(WIDGETS).length;

/** Copies the CSS; where the Clipboard API is missing or refused, selects it and says how to copy by hand. */
async function copyCss(event: Event, text: Text): Promise<void> {
  const page = (event.currentTarget as HTMLElement).closest('.theming')!;
  const area = page.querySelector<HTMLTextAreaElement>('.theming-css')!;
  const status = page.querySelector<HTMLElement>('.theming-copy-status')!;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(area.value);
    status.textContent = text.copied;
    status.dataset.result = 'copied';
  } catch {
    area.focus();
    area.select();
    status.textContent = text.fallback;
    status.dataset.result = 'fallback';
  }
}

const category = (token: Token) =>
  token.kind === 'text' ? 'sizes, radii, motion' : token.name.endsWith('-dark') ? 'colours (dark scheme)' : 'colours (light scheme)';

/** One control per token: a colour picker for colours, a text field for the rest. */
const argTypes = Object.fromEntries(
  TOKENS.map((token) => [
    token.name,
    {
      name: token.name,
      description: [token.description, token.elements.length && token.elements.length < WIDGET_COUNT ? `Declared by ${token.elements.join(', ')}.` : ''].filter(Boolean).join(' '),
      type: { name: 'string' as const, required: false },
      control: token.kind === 'color' ? { type: 'color' as const, presetColors: ['#1d4f91', '#005b7f', '#7a1f2b', '#1f7a3f', '#ffffff', '#17202b'] } : { type: 'text' as const },
      table: { category: category(token), type: { summary: token.kind === 'color' ? 'colour' : 'length / time' }, defaultValue: { summary: token.default ?? 'derived' } },
    },
  ]),
);

function page(values: TokenValues, context: StoryContext) {
  const text: Text = context.globals.locale === 'en' ? TEXT.en : TEXT.id;
  const changed = changedTokens(values);
  const css = rootBlock(changed);
  const id = (name: string) => `${context.id}-${name}`;
  const current = new Map(changed);
  return html`<div class="theming">
    <h1>${text.title}</h1>
    <p>${text.intro}</p>
    <p>
      ${text.presets}:
      ${PRESETS.map((preset, i) => html`${i ? ', ' : ''}<a href=${`./?path=/story/${preset.story}`} target="_top">${preset.label[context.globals.locale === 'en' ? 'en' : 'id']}</a>`)}
    </p>

    <h2 id=${id('css-heading')}>${text.cssHeading}</h2>
    <label for=${id('css')}>${text.cssLabel}</label>
    <textarea id=${id('css')} class="theming-css" readonly rows=${Math.max(3, changed.length + 2)} spellcheck="false" .value=${css}></textarea>
    <div class="theming-copy">
      <button type="button" @click=${(event: Event) => copyCss(event, text)}>${text.copy}</button>
      <p class="theming-copy-status" role="status"></p>
    </div>

    <div class="theming-schemes" ${ref((el) => el && applyTokens(el as HTMLElement, changed))}>
      ${(['light', 'dark'] as const).map(
        (scheme) => html`<section class=${`theming-panel theming-${scheme}`} aria-labelledby=${id(scheme)} data-scheme=${scheme}>
          <h2 id=${id(scheme)}>${text[scheme]}</h2>
          ${widgetsIn(text[scheme], (tag) => html`<h3><code>${tag}</code></h3>`)}
        </section>`,
      )}
    </div>

    <h2>${text.tokensHeading}</h2>
    <table class="theming-tokens">
      <caption>${text.tokensCaption(TOKENS.length)}</caption>
      <thead>
        <tr><th scope="col">${text.name}</th><th scope="col">${text.default}</th><th scope="col">${text.value}</th><th scope="col">${text.usedBy}</th></tr>
      </thead>
      <tbody>
        ${TOKENS.map(
          (token) => html`<tr data-token=${token.name}>
            <th scope="row"><code>${token.name}</code></th>
            <td><code>${token.default ?? text.derived}</code></td>
            <td class="theming-value">${current.get(token.name) ?? text.unset}</td>
            <td>${token.elements.length && token.elements.length < WIDGET_COUNT ? token.elements.join(', ') : text.all}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

const meta: Meta<TokenValues> = {
  title: 'Design/Theming',
  // The page is its own documentation: no autodocs page of every story at once (24 widgets each).
  tags: ['!autodocs'],
  args: {},
  argTypes,
  render: (args, context) => page(args, context),
  parameters: { layout: 'fullscreen', controls: { expanded: true, sort: 'none' } },
};
export default meta;

type Story = StoryObj<TokenValues>;

/** Every token at its default: change any in the Controls panel. */
export const Tokens: Story = {};

/** Kota Sorong's portal look (stories/theming/presets.ts). */
export const SorongCityPortal: Story = { name: 'Sorong city portal', args: sorongPortal.values };

/** A university site's look (stories/theming/presets.ts). */
export const UniversitySite: Story = { name: 'University site', args: universitySite.values };

/** The page and the widgets in English (the toolbar's other locale, pinned). */
export const English: Story = { globals: { locale: 'en' } };
