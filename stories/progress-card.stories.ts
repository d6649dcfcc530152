import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them (components/index.ts is not listed).
import '../components/provider/define.js';
import '../components/progress-card/define.js';
import type { ProgressSummary } from '../src/contract/index.js';
import { completeSummary, emptySummary, failWith, loadedSummary, never, storyClient } from './fixtures.js';
import './stories.css';

interface Args {
  summary?: ProgressSummary;
  employee: string;
  year: number;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-progress-card',
  component: 'asn-progress-card',
  tags: ['autodocs'],
  args: { summary: loadedSummary, employee: 'me', year: 2025, offline: false },
  render: ({ summary, employee, year, offline }) =>
    html`<asn-progress-card .summary=${summary} employee=${employee} year=${year} ?offline=${offline}></asn-progress-card>`,
  parameters: {
    docs: {
      description: {
        component:
          'One ASN’s learning progress: JP this year against the 20 JP duty (PP 17/2020), JP per competency type and per month, goals and feedback. Every story renders from the `summary` property: no server.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

export const TargetReached: Story = { args: { summary: completeSummary } };

export const Empty: Story = { args: { summary: emptySummary } };

/** Inside a provider whose client never answers: the skeleton, with `aria-busy`. */
export const Loading: Story = {
  render: () =>
    html`<asn-provider .client=${storyClient(never)}><asn-progress-card year="2025"></asn-progress-card></asn-provider>`,
};

/** The API refused (403): a localized message and a Retry button. */
export const ErrorForbidden: Story = {
  name: 'Error (403)',
  render: () =>
    html`<asn-provider .client=${storyClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }))}
      ><asn-progress-card year="2025"></asn-progress-card
    ></asn-provider>`,
};

/** The network failed: a different message from the 403 one. */
export const ErrorNetwork: Story = {
  name: 'Error (network)',
  render: () =>
    html`<asn-provider .client=${storyClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }))}
      ><asn-progress-card year="2025"></asn-progress-card
    ></asn-provider>`,
};

/** Offline: the last data stays, with a notice. */
export const Offline: Story = { args: { offline: true } };

export const Indonesian: Story = { parameters: { locale: 'id' } };

export const English: Story = { parameters: { locale: 'en' } };

/** Themed through custom properties only (see `stories/stories.css`: `.theme-papua`). */
export const Themed: Story = {
  render: ({ summary }) => html`<div class="theme-papua"><asn-progress-card .summary=${summary}></asn-progress-card></div>`,
};

/** Dark: the card follows the page's `color-scheme`. */
export const Dark: Story = {
  render: ({ summary }) => html`<div class="dark-page"><asn-progress-card .summary=${summary}></asn-progress-card></div>`,
};
