import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them (components/index.ts is not listed).
import '../components/provider/define.js';
import '../components/progress-card/define.js';
import type { ProgressSummary } from '../src/contract/index.js';
import { notUsed, yearControl } from './controls.js';
import { completeSummary, emptySummary, failWith, never, progressByYear, storyClient } from './fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  /** Unset: the fixture of `year` (`progressByYear`). */
  summary?: ProgressSummary;
  employee: string;
  year: number;
  offline: boolean;
}

const card = ({ summary, employee, year, offline }: Args) =>
  html`<asn-progress-card .summary=${summary ?? progressByYear[year]} employee=${employee} year=${year} ?offline=${offline}></asn-progress-card>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-progress-card',
  component: 'asn-progress-card',
  tags: ['autodocs'],
  args: { employee: 'me', year: 2025, offline: false },
  // `employee` picks whose summary is fetched: with a summary given, nothing is (the control is there all the same).
  argTypes: { year: yearControl },
  render: card,
  parameters: {
    docs: {
      description: {
        component:
          'One ASN’s learning progress: JP this year against the 20 JP duty (PP 17/2020) and how much of it completed training programs credited, JP per competency type and per month, goals and feedback. Every story renders from the `summary` property or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** The summary of the chosen year (2024 complete, 2025 under way, 2026 just started). */
export const Loaded: Story = {};

export const TargetReached: Story = { args: { summary: completeSummary }, argTypes: notUsed('year') };

/** Every JP of the year came from completed training programs: nothing recorded by hand. */
export const AllFromPrograms: Story = {
  name: 'All JP from programs',
  args: { summary: { ...completeSummary, learning: { ...completeSummary.learning, fromPrograms: completeSummary.learning.jp } } },
  argTypes: notUsed('year'),
};

export const Empty: Story = { args: { summary: emptySummary }, argTypes: notUsed('year') };

// The stand-in clients live as long as the page, so changing a control re-renders the card, not a new provider.
const loadingClient = storyClient(never);
const forbiddenClient = storyClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }));
const networkClient = storyClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }));

/** In a client's stories nothing is given, so no year to choose either: the client answers the same for all. */
const withClient = { argTypes: notUsed('summary', 'year') };

/** Inside a provider whose client never answers: the skeleton, with `aria-busy`. */
export const Loading: Story = {
  ...withClient,
  render: ({ offline }) =>
    html`<asn-provider .client=${loadingClient}><asn-progress-card year="2025" ?offline=${offline}></asn-progress-card></asn-provider>`,
};

/** The API refused (403): a localized message and a Retry button. */
export const ErrorForbidden: Story = {
  ...withClient,
  name: 'Error (403)',
  render: ({ offline }) =>
    html`<asn-provider .client=${forbiddenClient}><asn-progress-card year="2025" ?offline=${offline}></asn-progress-card></asn-provider>`,
};

/** The network failed: a different message from the 403 one. */
export const ErrorNetwork: Story = {
  ...withClient,
  name: 'Error (network)',
  render: ({ offline }) =>
    html`<asn-provider .client=${networkClient}><asn-progress-card year="2025" ?offline=${offline}></asn-progress-card></asn-provider>`,
};

/** Offline: the last data stays, with a notice. */
export const Offline: Story = { args: { offline: true } };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

/** Themed through custom properties only (see `stories/stories.css`: `.theme-papua`). */
export const Themed: Story = {
  render: (args) => html`<div class="theme-papua">${card(args)}</div>`,
};

/** Dark: the card follows the page's `color-scheme`. */
export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${card(args)}</div>`,
};
