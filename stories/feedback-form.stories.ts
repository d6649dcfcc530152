import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../components/provider/define.js';
import '../components/feedback-form/define.js';
import type { AsnFeedbackForm, FeedbackFormValue } from '../components/feedback-form/feedback-form.js';
import type { Goal } from '../src/contract/index.js';
import { goalFeedbackStoryClient, failWith, never, storyFeedback, storyGoals } from './fixtures.js';
import './stories.css';

interface Args {
  goals?: Goal[];
  employee: string;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-feedback-form',
  component: 'asn-feedback-form',
  tags: ['autodocs'],
  args: { goals: storyGoals, employee: 'emp_owner1', offline: false },
  render: ({ goals, employee, offline }) =>
    html`<asn-feedback-form employee=${employee} .goals=${goals} ?offline=${offline}></asn-feedback-form>`,
  parameters: {
    docs: {
      description: {
        component:
          'A supervisor’s feedback (apresiasi / bimbingan) with an optional rating and goal; contract validation, server errors beside fields, no double submit, drafts that survive a reload and offline sending. Stories use fixtures or a stand-in client: no server.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

/** The recipient has no goals: only "No linked goal". */
export const Empty: Story = { args: { goals: [] } };

/** Goals still loading through the client. */
export const Loading: Story = {
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient({ goals: never })}><asn-feedback-form employee="emp_owner1"></asn-feedback-form></asn-provider>`,
};

/** The goals could not be loaded: the form still works, with a retry. */
export const ErrorLoadingGoals: Story = {
  name: 'Error (goals)',
  render: () =>
    html`<asn-provider .client=${goalFeedbackStoryClient({ goals: failWith({ name: 'NetworkError', message: 'Failed to fetch' }) })}
      ><asn-feedback-form employee="emp_owner1"></asn-feedback-form
    ></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

/** Fills the form (optionally) and submits it once it has rendered. */
const submitWith = (value?: Partial<FeedbackFormValue>) => async (element?: Element) => {
  const form = element as AsnFeedbackForm | undefined;
  if (!form) return;
  await form.updateComplete;
  if (value) form.value = value;
  await form.updateComplete;
  form.submit();
};

/** Sent with an empty message: the error beside the field and the announced summary. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  render: ({ goals }) => html`<asn-feedback-form employee="emp_owner1" .goals=${goals} ${ref(submitWith())}></asn-feedback-form>`,
};

/** Sent: the success state with "Write another". */
export const Success: Story = {
  render: () => html`<asn-provider .client=${goalFeedbackStoryClient({ feedback: storyFeedback })}
    ><asn-feedback-form
      employee="emp_story_success"
      ${ref(submitWith({ kind: 'appreciation', rating: 'above', message: storyFeedback.message }))}
    ></asn-feedback-form
  ></asn-provider>`,
};

/** Written offline: kept in the outbox, "Tersimpan, menunggu dikirim". */
export const WaitingToSend: Story = {
  name: 'Offline: waiting to send',
  render: () => html`<asn-provider
    .client=${goalFeedbackStoryClient({ feedback: Object.assign(new Error('queued'), { name: 'QueuedError', entry: { id: 'obx_story' } }) })}
    ><asn-feedback-form
      employee="emp_story_queued"
      offline
      ${ref(submitWith({ kind: 'guidance', message: 'Tolong lengkapi laporan kegiatan sebelum Jumat.' }))}
    ></asn-feedback-form
  ></asn-provider>`,
};

export const Indonesian: Story = { parameters: { locale: 'id' } };

export const English: Story = { parameters: { locale: 'en' } };

export const Themed: Story = {
  render: ({ goals }) => html`<style>
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
    <div class="theme-sorong"><asn-feedback-form employee="emp_owner1" .goals=${goals}></asn-feedback-form></div>`,
};

export const Dark: Story = {
  render: ({ goals }) => html`<div class="dark-page"><asn-feedback-form employee="emp_owner1" .goals=${goals}></asn-feedback-form></div>`,
};
