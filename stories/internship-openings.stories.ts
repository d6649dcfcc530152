import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/internship-openings/define.js';
import type { InternshipOpening } from '../src/contract/index.js';
import { liveObject, notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never } from './fixtures.js';
import { filledOpening, hostileOpening, storyOpenings } from './internship-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  openings?: InternshipOpening[];
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-internship-openings',
  component: 'asn-internship-openings',
  tags: ['autodocs'],
  args: { openings: storyOpenings, offline: false },
  // Stories run on stand-in clients (a key or an API origin points at no server here); `client` is a live object.
  argTypes: liveObject('client'),
  parameters: {
    docs: {
      description: {
        component:
          'The internship openings a partner university’s students see through its publishable key: title, unit, period, the last day to apply, skills and quota; "Lamar" opens the application form under the opening. Every story renders from fixtures or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

// One stand-in client for the page: "Lamar" opens a real `<asn-internship-form>` on it (fixtures, no server).
const storyClient = (setup: (c: FakeCoachingClient) => void = () => undefined) => {
  const c = new FakeCoachingClient();
  setup(c);
  return c.asClient();
};
const loadedClient = storyClient();
const emptyClient = storyClient((c) => (c.internships.listAnswer = []));
const loadingClient = storyClient((c) => (c.internships.listAnswer = never));
const errorClient = storyClient((c) => (c.internships.listAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));

/** Given through `openings`, inside a provider whose client the form uses when "Lamar" is pressed. */
const list = (args: Args) =>
  html`<asn-provider .client=${loadedClient}><asn-internship-openings .openings=${args.openings} ?offline=${args.offline}></asn-internship-openings></asn-provider>`;

/** Through a client nothing is given: the list is fetched. */
const through = (client: ReturnType<typeof storyClient>) => (args: Args) =>
  html`<asn-provider .client=${client}><asn-internship-openings ?offline=${args.offline}></asn-internship-openings></asn-provider>`;
const withClient = { argTypes: notUsed('openings') };

/** Three open openings; "Lamar" opens the form under one of them. */
export const Loaded: Story = { render: list };

/** Fetched through the client, and kept live. */
export const WithClient: Story = { ...withClient, name: 'With client', render: through(loadedClient) };

export const Empty: Story = { ...withClient, render: through(emptyClient) };

export const Loading: Story = { ...withClient, render: through(loadingClient) };

export const ErrorNetwork: Story = { ...withClient, name: 'Error (network)', render: through(errorClient) };

export const Offline: Story = { args: { offline: true }, render: list };

/** Given openings that are no longer open show why instead of "Lamar". */
export const Closed: Story = { args: { openings: [storyOpenings[0], filledOpening, { ...storyOpenings[1], status: 'closed' }] }, render: list };

/** Markup an attacker typed renders literally; nothing runs. */
export const HostileText: Story = { name: 'Hostile text', args: { openings: [hostileOpening] }, render: list };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'], render: list };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'], render: list };

export const Dark: Story = { render: (args) => html`<div class="dark-page">${list(args)}</div>` };

/** On a 320 px phone (Storybook's "Small mobile" viewport). */
export const Narrow: Story = { name: '320 px', globals: { viewport: { value: 'mobile1', isRotated: false } }, render: list };
