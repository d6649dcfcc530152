import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/program-roster/define.js';
import type { Client } from '../src/client/index.js';
import type { Attendance, CompletionResult, Enrollment, Program } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never } from './fixtures.js';
import { completedRosterProgram, makeCompletedRoster, makeRoster, rosterProgram } from './program-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  programData?: Program;
  roster?: Enrollment[];
  program?: string;
  offline: boolean;
}

/**
 * A stand-in client for the stories that write: a save answers with what it was sent, and completing credits
 * whoever reaches the threshold with the attendance saved in this story (after a short wait, to show the busy
 * states). Reads answer `program` and `roster`.
 */
function rosterStoryClient(program: Program, roster: Enrollment[]): Client {
  const c = new FakeCoachingClient();
  c.programAnswer = program;
  c.rosterAnswer = roster;
  const saved = new Map<number, Set<string>>();
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 400));
  c.programs = {
    ...c.programs,
    setAttendance: (...args: unknown[]) => {
      const [programId, session, present] = args as [string, number, string[]];
      saved.set(session, new Set(present));
      return later({ programId, session, present: [...present], updatedAt: new Date().toISOString() } as Attendance);
    },
    complete: () => {
      const people = roster.filter((e) => e.status === 'registered');
      const attended = (e: Enrollment) => program.sessions.filter((_, k) => saved.get(k + 1)?.has(e.employeeId) ?? e.attended.includes(k + 1)).length;
      const completed = people.filter((e) => attended(e) >= program.attendanceThreshold).length;
      return later({ program: { ...program, status: 'completed' }, completed, incomplete: people.length - completed, recordsCreated: completed } as CompletionResult);
    },
  };
  return c.asClient();
}

const twelve = makeRoster(12, 0);
const withWaitlist = makeRoster(30, 4);
const fullProgram: Program = { ...rosterProgram, enrolled: 30, waitlisted: 4, status: 'closed' };
const large = makeRoster(500);
const largeProgram: Program = { ...rosterProgram, capacity: 500, enrolled: 500, title: 'E-learning Kebersihan Siber untuk Seluruh ASN Kota Sorong' };
const completed = makeCompletedRoster(12);

// The stand-in clients live as long as the page, so changing a control re-renders the roster, not a new provider.
const loadedClient = rosterStoryClient(rosterProgram, twelve);
const waitlistClient = rosterStoryClient(fullProgram, withWaitlist);
const largeClient = rosterStoryClient(largeProgram, large);
const loadingClient = (() => {
  const c = new FakeCoachingClient();
  c.programAnswer = never;
  return c.asClient();
})();
const erroringClient = (error: { name: string; status?: number; message: string }) => {
  const c = new FakeCoachingClient();
  c.rosterAnswer = failWith(error);
  return c.asClient();
};
const networkClient = erroringClient({ name: 'NetworkError', message: 'Failed to fetch' });
const forbiddenClient = erroringClient({ name: 'PermissionError', status: 403, message: 'Forbidden' });

/** Fed through properties, inside a provider whose stand-in client takes the saves and the completion. */
const fed = (client: Client, { programData, roster, offline }: Args) =>
  html`<asn-provider .client=${client}>
    <asn-program-roster .programData=${programData} .roster=${roster} ?offline=${offline}></asn-program-roster>
  </asn-provider>`;

/** Loaded through the client by id, as a portal embeds it. */
const byId = (client: Client, { offline }: Args) =>
  html`<asn-provider .client=${client}><asn-program-roster program="prg_digital1" ?offline=${offline}></asn-program-roster></asn-provider>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-program-roster',
  component: 'asn-program-roster',
  tags: ['autodocs'],
  args: { programData: rosterProgram, roster: twelve, offline: false },
  // With `programData` and `roster` given nothing is fetched: the `program` id matters in the stories through a client.
  render: (args) => fed(loadedClient, args),
  parameters: {
    docs: {
      description: {
        component:
          'An admin’s or organiser’s view of one training program: dates in WIT, seats, waitlist, the attendance threshold, and attendance per session as a keyboard grid of checkboxes (arrow keys, Space; “Semua hadir” per session). Saves per session; “Selesaikan program” confirms how many will be credited, then shows the result. Rows are windowed, so 500 people stay smooth. Every story runs on fixtures and a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** Twelve registered people, three sessions, all must be attended. Tick, save a session, complete. */
export const Loaded: Story = {};

/** A full program (30 seats) with four on the waitlist, in order. */
export const Waitlist: Story = {
  args: { programData: fullProgram, roster: withWaitlist },
  render: (args) => fed(waitlistClient, args),
};

/** 500 enrolled: only the visible rows exist in the DOM; Ctrl+End reaches the last person. */
export const FiveHundred: Story = {
  name: '500 enrolled',
  args: { programData: largeProgram, roster: large },
  render: (args) => fed(largeClient, args),
};

export const Empty: Story = { args: { roster: [] } };

/** After completion: statuses per person, the grid read-only. */
export const Completed: Story = {
  args: { programData: completedRosterProgram, roster: completed },
};

/** Through a client no data is given: these stories load by id. */
const withClient = { argTypes: notUsed('programData', 'roster', 'program') };

/** Signed in as someone who is neither an admin nor the organiser: the API answers 403. */
export const Forbidden: Story = { ...withClient, render: (args) => byId(forbiddenClient, args) };

export const Loading: Story = { ...withClient, render: (args) => byId(loadingClient, args) };

export const ErrorNetwork: Story = { ...withClient, name: 'Error', render: (args) => byId(networkClient, args) };

/** Offline: the roster stays, saving says it cannot, ticks are kept. */
export const Offline: Story = { args: { offline: true } };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${fed(loadedClient, args)}</div>`,
};
