import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/feedback-feed/define.js';
import type { Feedback } from '../src/contract/index.js';
import { failWith, feedTeamStoryClient, feedbackGoals, feedbackItems, never } from './fixtures.js';
import './stories.css';

interface Args {
  items?: Feedback[];
  employee: string;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-feedback-feed',
  component: 'asn-feedback-feed',
  tags: ['autodocs'],
  args: { items: feedbackItems, employee: 'me', offline: false },
  render: ({ items, employee, offline }) =>
    html`<asn-feedback-feed .items=${items} .goals=${feedbackGoals} employee=${employee} ?offline=${offline}></asn-feedback-feed>`,
  parameters: {
    docs: {
      description: {
        component:
          'Supervisor feedback an ASN received (umpan balik berkelanjutan, PermenPANRB 6/2022), newest first, times in WIT. Unacknowledged items stand out; the recipient acknowledges with an optional reply. Every story renders from fixtures: no server.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The recipient's view: two items not yet acknowledged (one with a message that looks like HTML: shown as text). */
export const Loaded: Story = {};

/** A supervisor reading a report's feed: read-only. */
export const SupervisorView: Story = { args: { employee: 'emp_owner1' } };

/** The message `<img src=x onerror=alert(1)>` renders literally; nothing runs. */
export const XssMessage: Story = { name: 'XSS message as text', args: { items: [feedbackItems[1]] } };

export const Empty: Story = { args: { items: [] } };

export const Loading: Story = {
  render: () => html`<asn-provider .client=${feedTeamStoryClient(never)}><asn-feedback-feed></asn-feedback-feed></asn-provider>`,
};

export const ErrorNetwork: Story = {
  name: 'Error (network)',
  render: () =>
    html`<asn-provider .client=${feedTeamStoryClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }))}
      ><asn-feedback-feed></asn-feedback-feed
    ></asn-provider>`,
};

export const ErrorForbidden: Story = {
  name: 'Error (403)',
  render: () =>
    html`<asn-provider .client=${feedTeamStoryClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }))}
      ><asn-feedback-feed employee="emp_other1"></asn-feedback-feed
    ></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

export const Indonesian: Story = { parameters: { locale: 'id' } };

export const English: Story = { parameters: { locale: 'en' } };

export const Themed: Story = {
  render: ({ items }) => html`<div class="theme-papua"><asn-feedback-feed .items=${items} .goals=${feedbackGoals}></asn-feedback-feed></div>`,
};

export const Dark: Story = {
  render: ({ items }) => html`<div class="dark-page"><asn-feedback-feed .items=${items} .goals=${feedbackGoals}></asn-feedback-feed></div>`,
};
