import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/program-catalog/define.js';
import type { Enrollment, Program } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never } from './fixtures.js';
import {
  catalogNow,
  catalogPrograms,
  hostileProgram,
  myEnrollments,
  registeredEnrollment,
  waitlistedEnrollment,
  waitlistedProgram,
} from './program-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  programs?: Program[];
  enrollments?: Enrollment[];
  employee: string;
  type: string;
  competency: string;
  view: 'catalog' | 'mine';
  /** The moment enrolment windows and deadlines are judged at: the fixtures' (October 2025). */
  now?: string;
  offline: boolean;
}

const catalog = ({ programs, enrollments, employee, type, competency, view, now, offline }: Args) =>
  html`<asn-program-catalog
    .programs=${programs}
    .enrollments=${enrollments}
    employee=${employee}
    type=${type}
    competency=${competency}
    view=${view}
    .now=${now}
    ?offline=${offline}
  ></asn-program-catalog>`;

const select = (options: string[]) => ({ control: { type: 'select' as const }, options });

const meta: Meta<Args> = {
  title: 'Widgets/asn-program-catalog',
  component: 'asn-program-catalog',
  tags: ['autodocs'],
  args: { programs: catalogPrograms, enrollments: myEnrollments, employee: 'me', type: '', competency: '', view: 'catalog', now: catalogNow, offline: false },
  argTypes: {
    type: select(['', 'training', 'seminar', 'workshop', 'e-learning']),
    competency: select(['', 'technical', 'managerial', 'socio-cultural']),
    view: { control: { type: 'inline-radio' as const }, options: ['catalog', 'mine'] },
  },
  render: catalog,
  parameters: {
    docs: {
      description: {
        component:
          'The training program catalog an ASN enrols from (toward their 20 JP a year): cards with type, competency, sessions in WIT, place or online link, JP, seats left and partner; filters and a search by keyboard; enrol, join the waitlist, cancel before the deadline, add the sessions to a calendar (.ics); "Program saya" with status and certificate. Every story renders from fixtures (pinned to October 2025, when enrolment is open) or a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** Seats left, almost full, full with a waitlist, recommended by the supervisor, and one the ASN is enrolled in. */
export const Loaded: Story = {};

export const Empty: Story = { args: { programs: [] } };

/** No seat left: "Penuh — daftar tunggu", and the button joins the waitlist. */
export const FullWithWaitlist: Story = { name: 'Full with waitlist', args: { programs: [catalogPrograms[2]] } };

/** Enrolled: "Terdaftar", and "Batalkan pendaftaran" with the cancellation deadline. */
export const Enrolled: Story = { args: { programs: [catalogPrograms[3]] } };

/** After the cancellation deadline the button is disabled and says why. */
export const AfterCancelDeadline: Story = { name: 'Enrolled, after the cancellation deadline', args: { programs: [catalogPrograms[3]], now: '2025-11-08T09:00:00+09:00' } };

/** On the waitlist of the full workshop, 4th in line. */
export const Waitlisted: Story = { args: { programs: [waitlistedProgram] } };

/** "Direkomendasikan atasan", with the supervisor's name and note. */
export const Recommended: Story = { args: { programs: [catalogPrograms[1]] } };

/** "Program saya": registered, 4th on a waitlist, completed with a certificate. */
export const MyPrograms: Story = { name: 'My programs', args: { view: 'mine' } };

/** A title and description an attacker typed as HTML render literally; nothing runs. */
export const HostileText: Story = { name: 'Hostile text', args: { programs: [hostileProgram] } };

export const Offline: Story = { args: { offline: true } };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Dark: Story = { render: (args) => html`<div class="dark-page">${catalog(args)}</div>` };

// The stand-in clients live as long as the page, so changing a control re-renders the catalog, not a new provider.
const storyClient = (setup: (c: FakeCoachingClient) => void) => {
  const c = new FakeCoachingClient();
  setup(c);
  return c.asClient();
};
const loadingClient = storyClient((c) => (c.programsAnswer = never));
const errorClient = storyClient((c) => (c.programsAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));
const interactiveClient = storyClient((c) => {
  c.createEnrollmentAnswer = () => Promise.resolve(structuredClone(registeredEnrollment));
  c.cancelEnrollmentAnswer = () => Promise.resolve(structuredClone({ ...myEnrollments[0], status: 'cancelled' as const }));
  const enrol = c.enrollments.create;
  // The full workshop answers with a waitlist place, the others with a seat.
  c.enrollments.create = (...args: unknown[]) =>
    args[0] === 'prg_komunikasi1' ? (c.programCalls.push({ method: 'enrollments.create', args }), Promise.resolve(structuredClone(waitlistedEnrollment))) : enrol(...args);
});

/** Through a client nothing is given: the catalog and "Program saya" are fetched. */
const withClient = { argTypes: notUsed('programs', 'enrollments') };

const inProvider = (client: ReturnType<typeof storyClient>) => (args: Args) =>
  html`<asn-provider .client=${client}>${catalog({ ...args, programs: undefined, enrollments: undefined })}</asn-provider>`;

export const Loading: Story = { ...withClient, render: inProvider(loadingClient) };

export const ErrorNetwork: Story = { ...withClient, name: 'Error (network)', render: inProvider(errorClient) };

/** Enrol, join the waitlist, cancel (with the confirmation), add to calendar: answered by a stand-in client. */
export const WithClient: Story = { ...withClient, name: 'With client', render: inProvider(interactiveClient) };
