import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import '../components/provider/define.js';
import '../components/feedback-form/define.js';
import type { AsnFeedbackForm, FeedbackFormValue } from '../components/feedback-form/feedback-form.js';
import type { Goal } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { goalFeedbackStoryClient, failWith, never, storyFeedback, storyGoals } from './fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  goals?: Goal[];
  employee: string;
  goal?: string;
  value?: Partial<FeedbackFormValue>;
  offline: boolean;
}

const form = ({ goals, employee, goal, offline }: Args) =>
  html`<asn-feedback-form employee=${employee} goal=${ifDefined(goal)} .goals=${goals} ?offline=${offline}></asn-feedback-form>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-feedback-form',
  component: 'asn-feedback-form',
  tags: ['autodocs'],
  args: { goals: storyGoals, employee: 'emp_owner1', offline: false },
  // `value` is the form's live state (set it from a script to prefill); its object control sets it like a script.
  argTypes: { goal: { control: { type: 'select' }, options: ['none', ...storyGoals.map((g) => g.id)], mapping: { none: undefined } } },
  render: form,
  parameters: {
    docs: {
      description: {
        component:
          'A supervisor’s feedback (apresiasi / bimbingan) with an optional rating and goal; contract validation, server errors beside fields, no double submit, drafts that survive a reload and offline sending. Stories use fixtures or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

/** The recipient has no goals: only "No linked goal". */
export const Empty: Story = { args: { goals: [] }, argTypes: notUsed('goal') };

// The stand-in clients live as long as the page, so changing a control re-renders the form, not a new provider.
const loadingClient = goalFeedbackStoryClient({ goals: never });
const failingClient = goalFeedbackStoryClient({ goals: failWith({ name: 'NetworkError', message: 'Failed to fetch' }) });
const successClient = goalFeedbackStoryClient({ feedback: storyFeedback });
const queuedClient = goalFeedbackStoryClient({ feedback: Object.assign(new Error('queued'), { name: 'QueuedError', entry: { id: 'obx_story' } }) });

/** Through a client the goals are fetched, not given. */
const withClient = { argTypes: notUsed('goals', 'goal') };

/** Goals still loading through the client. */
export const Loading: Story = {
  ...withClient,
  render: ({ offline }) =>
    html`<asn-provider .client=${loadingClient}><asn-feedback-form employee="emp_owner1" ?offline=${offline}></asn-feedback-form></asn-provider>`,
};

/** The goals could not be loaded: the form still works, with a retry. */
export const ErrorLoadingGoals: Story = {
  ...withClient,
  name: 'Error (goals)',
  render: ({ offline }) =>
    html`<asn-provider .client=${failingClient}><asn-feedback-form employee="emp_owner1" ?offline=${offline}></asn-feedback-form></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

/**
 * Fills the form (optionally) and submits it once it has rendered. Made once per story, so a re-render (a
 * control changed) keeps the same `ref` callback and does not submit again.
 */
const submitWith = (value?: Partial<FeedbackFormValue>) => async (element?: Element) => {
  const form = element as AsnFeedbackForm | undefined;
  if (!form) return;
  await form.updateComplete;
  if (value) form.value = value;
  await form.updateComplete;
  form.submit();
};
const submitEmpty = submitWith();
const submitAppreciation = submitWith({ kind: 'appreciation', rating: 'above', message: storyFeedback.message });
const submitGuidance = submitWith({ kind: 'guidance', message: 'Tolong lengkapi laporan kegiatan sebelum Jumat.' });

/** Sent with an empty message: the error beside the field and the announced summary. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  argTypes: notUsed('employee', 'goal'),
  render: ({ goals, offline }) =>
    html`<asn-feedback-form employee="emp_owner1" .goals=${goals} ?offline=${offline} ${ref(submitEmpty)}></asn-feedback-form>`,
};

/** Sent: the success state with "Write another". */
export const Success: Story = {
  argTypes: notUsed('goals', 'goal', 'employee'),
  render: ({ offline }) => html`<asn-provider .client=${successClient}
    ><asn-feedback-form employee="emp_story_success" ?offline=${offline} ${ref(submitAppreciation)}></asn-feedback-form
  ></asn-provider>`,
};

/** Written offline: kept in the outbox, "Tersimpan, menunggu dikirim". */
export const WaitingToSend: Story = {
  name: 'Offline: waiting to send',
  args: { offline: true },
  argTypes: notUsed('goals', 'goal', 'employee'),
  render: ({ offline }) => html`<asn-provider .client=${queuedClient}
    ><asn-feedback-form employee="emp_story_queued" ?offline=${offline} ${ref(submitGuidance)}></asn-feedback-form
  ></asn-provider>`,
};

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Themed: Story = {
  render: (args) => html`<style>
      .theme-sorong asn-feedback-form {
        --asn-color-primary: #0b6e4f;
        --asn-color-surface: #fbfaf5;
        --asn-color-border: #d8cfb8;
        --asn-radius: 0.25rem;
        font-family: Georgia, 'Times New Roman', serif;
      }
      .theme-sorong asn-feedback-form::part(submit) {
        text-transform: uppercase;
      }
    </style>
    <div class="theme-sorong">${form(args)}</div>`,
};

export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${form(args)}</div>`,
};
