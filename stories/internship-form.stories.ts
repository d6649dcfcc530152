import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/internship-form/define.js';
import type { ApplicationFormValue, AsnInternshipForm } from '../components/internship-form/internship-form.js';
import { liveObject, notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never, queuedError } from './fixtures.js';
import { filledOpening, hostileNotice, problemError, storyOpenings } from './internship-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  opening: string;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-internship-form',
  component: 'asn-internship-form',
  tags: ['autodocs'],
  args: { opening: storyOpenings[0].id, offline: false },
  argTypes: {
    opening: { control: { type: 'select' as const }, options: [...storyOpenings.map((o) => o.id), filledOpening.id, 'int_hilang1'] },
    // Stories run on stand-in clients (a key or an API origin points at no server here); `client` is a live object.
    ...liveObject('client'),
  },
  parameters: {
    docs: {
      description: {
        component:
          'The application form a partner university pastes into its own site: fields validated by the contract, the privacy notice (UU 27/2022) in full before a separate consent, a self-hosted proof-of-work check solved on the page, drafts that survive a reload, offline sending through the outbox, and the reference with the private link. Every story uses a stand-in client (the bot check is solved for real, in a few milliseconds): no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

// The stand-in clients live as long as the page, so changing a control re-renders the form, not a new client.
const storyClient = (setup: (c: FakeCoachingClient) => void = () => undefined) => {
  const c = new FakeCoachingClient();
  setup(c);
  return c.asClient();
};
const loadedClient = storyClient();
const loadingClient = storyClient((c) => (c.internships.getAnswer = never));
const errorClient = storyClient((c) => (c.internships.getAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));
const hostileClient = storyClient((c) => (c.internships.noticeAnswer = hostileNotice));
const successClient = storyClient();
const queuedClient = storyClient((c) => (c.internships.applyAnswer = queuedError('obx_story_app')));
const refusedClient = storyClient((c) => {
  c.internships.applyAnswer = problemError(400, {
    errors: [{ path: 'student.nim', code: 'nim.format', message: 'Enter the student number (NIM) as printed on the student card' }],
  });
});

const form = (client: ReturnType<typeof storyClient>, extra?: ReturnType<typeof ref>) => (args: Args) =>
  html`<asn-internship-form opening=${args.opening} ?offline=${args.offline} .client=${client} ${extra}></asn-internship-form>`;

const filled: ApplicationFormValue = {
  name: 'Yohana Kambu',
  nim: 'UMS-2022-0101',
  studyProgram: 'Teknik Informatika',
  semester: '5',
  email: 'yohana.kambu@example.ac.id',
  phone: '0812 3456 7890',
  motivation: 'Saya ingin belajar membangun layanan publik digital bersama pemerintah Kota Sorong.',
};

/**
 * Once the form has loaded: fills it (optionally), ticks the consent as the student would, and sends it. Made once
 * per story, so a re-render (a control changed) keeps the same `ref` callback and does not send again.
 */
const sendWith = (value?: ApplicationFormValue) => async (element?: Element) => {
  const el = element as AsnInternshipForm | undefined;
  if (!el) return;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('#f-consent'); i++) await new Promise(requestAnimationFrame);
  if (value) {
    el.value = value;
    el.shadowRoot?.querySelector<HTMLInputElement>('#f-consent')?.click();
  }
  await el.updateComplete;
  el.submit();
};
const sendEmpty = sendWith();
const sendFilled = sendWith(filled);
const sendQueued = sendWith(filled);
const sendRefused = sendWith(filled);

/** The opening, the fields, the notice in full and the unticked consent. */
export const Loaded: Story = { render: form(loadedClient) };

export const Loading: Story = { render: form(loadingClient) };

export const ErrorNetwork: Story = { name: 'Error (network)', render: form(errorClient) };

/** The opening reached its quota: the form says so instead of asking. */
export const ClosedOpening: Story = { name: 'Closed opening', args: { opening: filledOpening.id }, render: form(loadedClient) };

export const NotFound: Story = { name: 'Opening not found', args: { opening: 'int_hilang1' }, render: form(loadedClient) };

/** Sent empty: a message beside each field, the announced summary, the focus on the first field. */
export const ValidationErrors: Story = { name: 'Validation errors', render: form(loadedClient, ref(sendEmpty)) };

/** The server refused the NIM: its message beside the field. */
export const ServerErrors: Story = { name: 'Server field errors', args: { opening: storyOpenings[1].id }, render: form(refusedClient, ref(sendRefused)) };

/** Sent: the reference, what happens next, the private link. */
export const Success: Story = { render: form(successClient, ref(sendFilled)) };

export const Offline: Story = { args: { offline: true }, render: form(loadedClient) };

/** Sent without a connection: kept in the outbox, "Tersimpan, akan dikirim saat tersambung kembali". */
// Its own opening: the draft it keeps (until the outbox sends it) does not show up in the other stories.
export const WaitingToSend: Story = {
  name: 'Offline: waiting to send',
  args: { offline: true, opening: storyOpenings[2].id },
  render: form(queuedClient, ref(sendQueued)),
};

/** Markup in the notice renders literally; nothing runs. */
export const HostileNotice: Story = { name: 'Hostile notice text', render: form(hostileClient) };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'], render: form(loadedClient) };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'], render: form(loadedClient) };

export const Dark: Story = { render: (args) => html`<div class="dark-page">${form(loadedClient)(args)}</div>` };

/** A university's colours and font, through the public tokens and parts only. */
export const Themed: Story = {
  render: (args) => html`<style>
      .theme-kampus asn-internship-form {
        --asn-color-primary: #7a1f2b;
        --asn-color-surface: #fffdf8;
        --asn-color-surface-alt: #f6efe4;
        --asn-color-border: #d9c9b0;
        --asn-radius: 0.25rem;
        font-family: Georgia, 'Times New Roman', serif;
      }
      .theme-kampus asn-internship-form::part(submit) {
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
    </style>
    <div class="theme-kampus">${form(loadedClient)(args)}</div>`,
};

/** On a 320 px phone (Storybook's "Small mobile" viewport). */
export const Narrow: Story = { name: '320 px', globals: { viewport: { value: 'mobile1', isRotated: false } }, render: form(loadedClient) };
