import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them (components/index.ts is not listed).
import '../components/provider/define.js';
import '../components/progress-card/define.js';
import { loadedSummary, storyClient } from './fixtures.js';
import { appendEmbed } from './embed.js';

const meta: Meta = {
  title: 'Setup/asn-provider',
  component: 'asn-provider',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `Wrap the widgets of a page in one \`<asn-provider>\`. It creates ONE SDK client (shared cache, one live event
stream) and hands it to every widget inside through the Context Community Protocol (the events \`@lit/context\` uses).

\`\`\`html
<script type="module" src="https://cdn.example/pembinaan-asn.js"></script>
<asn-provider base-url="https://asn.sorongkota.go.id" locale="id">
  <asn-progress-card employee="me"></asn-progress-card>
</asn-provider>
<script type="module">
  // After the portal's own sign-in: widgets wait (loading state) until a credential is there.
  document.querySelector('asn-provider').token = await portal.getAccessToken();
  // Or: provider.getToken = () => portal.getAccessToken();  or hand over a ready client: provider.client = createClient({...});
</script>
\`\`\`

- \`locale\`: \`id\` (default) or \`en\`; without it \`<html lang>\` decides (\`en…\` → English).
- Changing \`token\` later updates the client in place (\`client.setToken\`) and the widgets re-fetch.
- \`provider.client\` returns the client in use, so the portal's own mutations go through the same cache.`,
      },
    },
  },
};
appendEmbed(meta);
export default meta;

/** A stand-in answering from a fixture, so no server is needed; one for the page, so a re-render keeps it. */
const fixtureClient = storyClient(async () => loadedSummary);

/** A provider handed a ready client. */
export const WithClient: StoryObj = {
  render: () =>
    html`<asn-provider .client=${fixtureClient}>
      <asn-progress-card year="2025"></asn-progress-card>
    </asn-provider>`,
};

/** No credentials yet: the widgets wait, showing their loading state, and send no request. */
export const WaitingForSignIn: StoryObj = {
  render: () =>
    html`<asn-provider base-url="https://example.invalid"><asn-progress-card year="2025"></asn-progress-card></asn-provider>`,
};

// `locale` sets the language of every widget on the page (it is page-wide): these two are not on the docs page,
// which shows all stories at once in the toolbar's language.

/** `locale="id"`: Indonesian, also the default. */
export const Indonesian: StoryObj = {
  parameters: { locale: 'id' },
  tags: ['!autodocs'],
  render: () => html`<asn-provider locale="id" .client=${fixtureClient}><asn-progress-card year="2025"></asn-progress-card></asn-provider>`,
};

/** `locale="en"`: English, whatever `<html lang>` says. */
export const English: StoryObj = {
  parameters: { locale: 'en' },
  tags: ['!autodocs'],
  render: () => html`<asn-provider locale="en" .client=${fixtureClient}><asn-progress-card year="2025"></asn-progress-card></asn-provider>`,
};
