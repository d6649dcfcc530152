import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
// Register through the define modules (package.json `sideEffects` lists them).
import '../components/provider/define.js';
import '../components/goal-list/define.js';
import type { AsnGoalList } from '../components/goal-list/goal-list.js';
import type { Goal } from '../src/contract/index.js';
import { goalFeedbackStoryClient, failWith, never, storyGoals } from './fixtures.js';
import './stories.css';

interface Args {
  goals?: Goal[];
  year: number;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-goal-list',
  component: 'asn-goal-list',
  tags: ['autodocs'],
  args: { goals: storyGoals, year: 2025, offline: false },
  render: ({ goals, year, offline }) => html`<asn-goal-list .goals=${goals} year=${year} ?offline=${offline}></asn-goal-list>`,
  parameters: {
    docs: {
      description: {
        component:
          'An ASN’s goals with progress bars, status, due date (WIT) and competency. The owner adds goals and checks in progress from a dialog; a supervisor sees them read-only. Stories use fixtures or a stand-in client: no server.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Read-only (the `goals` property; also what a supervisor sees). */
export const Loaded: Story = {};

/** The owner's view through a client: Add goal and Check in progress buttons. */
export const Owner: Story = {
  render: () => html`<asn-provider .client=${goalFeedbackStoryClient()}><asn-goal-list year="2025"></asn-goal-list></asn-provider>`,
};

/** The owner has no goals yet: an encouraging message and the Add button. */
export const Empty: Story = {
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient({ goals: [] })}><asn-goal-list year="2025"></asn-goal-list></asn-provider>`,
};

export const Loading: Story = {
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient({ goals: never })}><asn-goal-list year="2025"></asn-goal-list></asn-provider>`,
};

export const ErrorForbidden: Story = {
  name: 'Error (403)',
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient({ goals: failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }) })}
      ><asn-goal-list year="2025"></asn-goal-list
    ></asn-provider>`,
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
  name: 'Add goal dialog open',
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient()}><asn-goal-list year="2025" ${ref(openDialog)}></asn-goal-list></asn-provider>`,
};

export const Indonesian: Story = { parameters: { locale: 'id' } };

export const English: Story = { parameters: { locale: 'en' } };

/** Themed through custom properties and ::part() only. */
export const Themed: Story = {
  render: ({ goals }) => html`<style>
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
    <div class="theme-sorong"><asn-goal-list year="2025" .goals=${goals}></asn-goal-list></div>`,
};

export const Dark: Story = {
  render: ({ goals }) => html`<div class="dark-page"><asn-goal-list year="2025" .goals=${goals}></asn-goal-list></div>`,
};
