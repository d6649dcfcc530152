import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
// Register through the define modules (package.json `sideEffects` lists them).
import '../components/provider/define.js';
import '../components/goal-list/define.js';
import type { AsnGoalList } from '../components/goal-list/goal-list.js';
import type { Goal } from '../src/contract/index.js';
import { notUsed, yearControl } from './controls.js';
import { goalFeedbackStoryClient, failWith, goalsForYear, never } from './fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

type Status = Goal['status'];

interface Args {
  /** Unset: the owner's goals of `year` (`goalsByYear`). */
  goals?: Goal[];
  employee?: string;
  year: number;
  status?: Status;
  offline: boolean;
}

const list = ({ goals, year, offline }: Args) =>
  html`<asn-goal-list .goals=${goals ?? goalsForYear(year)} year=${year} ?offline=${offline}></asn-goal-list>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-goal-list',
  component: 'asn-goal-list',
  tags: ['autodocs'],
  args: { year: 2025, offline: false },
  // With `goals` given nothing is fetched, so `employee` and `status` (the query) matter in the Owner story, through a
  // client; every property keeps its control.
  argTypes: { year: yearControl },
  render: list,
  parameters: {
    docs: {
      description: {
        component:
          'An ASN’s goals with progress bars, status, due date (WIT) and competency. The owner adds goals and checks in progress from a dialog; a supervisor sees them read-only. Stories use fixtures or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** Read-only (the `goals` property; also what a supervisor sees): the goals of the chosen year. */
export const Loaded: Story = {};

// The stand-in clients live as long as the page, so changing a control re-renders the list, not a new provider.
const ownerClient = goalFeedbackStoryClient();
const emptyClient = goalFeedbackStoryClient({ goals: [] });
const loadingClient = goalFeedbackStoryClient({ goals: never });
const forbiddenClient = goalFeedbackStoryClient({ goals: failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }) });
const dialogClient = goalFeedbackStoryClient();

/** The owner's view through a client (it answers by year and status): Add goal and Check in progress buttons. */
export const Owner: Story = {
  argTypes: {
    ...notUsed('goals'),
    status: { control: { type: 'select' }, options: ['all', 'draft', 'active', 'achieved', 'missed', 'cancelled'], mapping: { all: undefined } },
  },
  render: ({ year, status, offline }) =>
    html`<asn-provider .client=${ownerClient}><asn-goal-list year=${year} status=${ifDefined(status)} ?offline=${offline}></asn-goal-list></asn-provider>`,
};

/** No goals from the client, whatever the year: the controls of the data are left out. */
const noData = { argTypes: notUsed('goals', 'year') };

/** The owner has no goals yet: an encouraging message and the Add button. */
export const Empty: Story = {
  ...noData,
  render: ({ offline }) =>
    html`<asn-provider .client=${emptyClient}><asn-goal-list year="2025" ?offline=${offline}></asn-goal-list></asn-provider>`,
};

export const Loading: Story = {
  ...noData,
  render: ({ offline }) =>
    html`<asn-provider .client=${loadingClient}><asn-goal-list year="2025" ?offline=${offline}></asn-goal-list></asn-provider>`,
};

export const ErrorForbidden: Story = {
  ...noData,
  name: 'Error (403)',
  render: ({ offline }) =>
    html`<asn-provider .client=${forbiddenClient}><asn-goal-list year="2025" ?offline=${offline}></asn-goal-list></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

/** Opens the Add goal dialog once the owner's list has loaded. */
async function openDialog(element?: Element): Promise<void> {
  const list = element as AsnGoalList | undefined;
  for (let i = 0; list && i < 50; i++) {
    await list.updateComplete;
    if (list.shadowRoot?.querySelector('button.add')) {
      list.openAddDialog();
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const DialogOpen: Story = {
  ...noData,
  name: 'Add goal dialog open',
  render: ({ offline }) =>
    html`<asn-provider .client=${dialogClient}><asn-goal-list year="2025" ?offline=${offline} ${ref(openDialog)}></asn-goal-list></asn-provider>`,
};

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

/** Themed through custom properties and ::part() only. */
export const Themed: Story = {
  render: (args) => html`<style>
      .theme-sorong asn-goal-list {
        --asn-color-primary: #0b6e4f;
        --asn-color-surface: #fbfaf5;
        --asn-color-border: #d8cfb8;
        --asn-radius: 0.25rem;
        font-family: Georgia, 'Times New Roman', serif;
      }
      .theme-sorong asn-goal-list::part(goal) {
        background: #fffdf6;
      }
    </style>
    <div class="theme-sorong">${list(args)}</div>`,
};

export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${list(args)}</div>`,
};
