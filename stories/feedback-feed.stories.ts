import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/feedback-feed/define.js';
import type { Feedback } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { failWith, feedTeamStoryClient, feedbackGoals, feedbackItems, never } from './fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  items?: Feedback[];
  goals?: { id: string; title: string }[];
  employee: string;
  /** Unset: worked out from `employee` (`me` with `items`: the recipient). */
  recipient?: boolean;
  pageSize?: number;
  offline: boolean;
}

const feed = ({ items, goals, employee, recipient, offline }: Args) =>
  html`<asn-feedback-feed .items=${items} .goals=${goals} employee=${employee} .recipient=${recipient} ?offline=${offline}></asn-feedback-feed>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-feedback-feed',
  component: 'asn-feedback-feed',
  tags: ['autodocs'],
  args: { items: feedbackItems, goals: feedbackGoals, employee: 'me', offline: false },
  // `pageSize` pages what is fetched: with `items` given, nothing is (the control is there, as for every property).
  render: feed,
  parameters: {
    docs: {
      description: {
        component:
          'Supervisor feedback an ASN received (umpan balik berkelanjutan, PermenPANRB 6/2022), newest first, times in WIT. Unacknowledged items stand out; the recipient acknowledges with an optional reply. Every story renders from fixtures or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** The recipient's view: two items not yet acknowledged (one with a message that looks like HTML: shown as text). */
export const Loaded: Story = {};

/** A supervisor reading a report's feed: read-only. */
export const SupervisorView: Story = { args: { employee: 'emp_owner1' } };

/** The message `<img src=x onerror=alert(1)>` renders literally; nothing runs. */
export const XssMessage: Story = { name: 'XSS message as text', args: { items: [feedbackItems[1]] } };

export const Empty: Story = { args: { items: [] } };

// The stand-in clients live as long as the page, so changing a control re-renders the feed, not a new provider.
const loadingClient = feedTeamStoryClient(never);
const networkClient = feedTeamStoryClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }));
const forbiddenClient = feedTeamStoryClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }));

/** Through a client nothing is given (and no one is known to be the recipient before it answers). */
const withClient = { argTypes: notUsed('items', 'goals', 'employee', 'recipient') };

export const Loading: Story = {
  ...withClient,
  render: ({ offline }) => html`<asn-provider .client=${loadingClient}><asn-feedback-feed ?offline=${offline}></asn-feedback-feed></asn-provider>`,
};

export const ErrorNetwork: Story = {
  ...withClient,
  name: 'Error (network)',
  render: ({ offline }) =>
    html`<asn-provider .client=${networkClient}><asn-feedback-feed ?offline=${offline}></asn-feedback-feed></asn-provider>`,
};

export const ErrorForbidden: Story = {
  ...withClient,
  name: 'Error (403)',
  render: ({ offline }) =>
    html`<asn-provider .client=${forbiddenClient}><asn-feedback-feed employee="emp_other1" ?offline=${offline}></asn-feedback-feed></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Themed: Story = {
  render: (args) => html`<div class="theme-papua">${feed(args)}</div>`,
};

export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${feed(args)}</div>`,
};
