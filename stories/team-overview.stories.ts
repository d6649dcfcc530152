import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/team-overview/define.js';
import { currentYearInWit } from '../components/i18n/format.js';
import type { Recommendation, TeamMember } from '../src/contract/index.js';
import { notUsed, yearControl } from './controls.js';
import { failWith, feedTeamStoryClient, never, teamCoachingClient, teamMembers } from './fixtures.js';
import { supervisorRecommendation } from './program-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  /** Unset: the team fixture of `year` (`teamMembers(rows, year)`). */
  members?: TeamMember[];
  supervisor?: string;
  scope: 'direct' | 'all';
  year: number;
  offline: boolean;
}

/** One array per size and year, so a re-render (a control changed) hands the grid the same rows. */
const teams = new Map<string, TeamMember[]>();
const team = (rows: number, year: number): TeamMember[] => {
  const key = `${rows}|${year}`;
  if (!teams.has(key)) teams.set(key, teamMembers(rows, year));
  return teams.get(key)!;
};

const overview = ({ members, scope, year, offline }: Args, rows = 8) =>
  html`<asn-team-overview .members=${members ?? team(rows, year)} scope=${scope} year=${year} ?offline=${offline}></asn-team-overview>`;

const meta: Meta<Args> = {
  title: 'Widgets/asn-team-overview',
  component: 'asn-team-overview',
  tags: ['autodocs'],
  args: { scope: 'direct', year: 2026, offline: false },
  // `supervisor` picks whose team is fetched: with `members` given, nothing is (the control is there all the same).
  argTypes: { year: yearControl },
  render: (args) => overview(args),
  parameters: {
    docs: {
      description: {
        component:
          'A supervisor’s team at a glance: JP this year against the 20 JP duty, goals achieved, goals at risk, days since the last feedback. Sort by any column, search by name, move with the arrow keys; rows are windowed so 5,000 stay smooth. Every story renders from deterministic fixtures (the same people every year, that year’s JP and goals): no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** A BKPSDM team of eight. */
export const Loaded: Story = {};

/** 1,000 rows (deterministic fixtures): only the visible rows exist in the DOM. */
export const ThousandRows: Story = { name: '1,000 rows', args: { scope: 'all' }, render: (args) => overview(args, 1000) };

/** An admin's whole city. */
export const FiveThousandRows: Story = { name: '5,000 rows', args: { scope: 'all' }, render: (args) => overview(args, 5000) };

export const Empty: Story = { args: { members: [] }, argTypes: notUsed('year') };

// The stand-in clients live as long as the page, so changing a control re-renders the grid, not a new provider.
const loadingClient = feedTeamStoryClient(never);
const networkClient = feedTeamStoryClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }));
const forbiddenClient = feedTeamStoryClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }));

/** Through a client no rows are given, and none come back for any year. */
const withClient = { argTypes: notUsed('members', 'year') };

export const Loading: Story = {
  ...withClient,
  render: ({ scope, offline }) =>
    html`<asn-provider .client=${loadingClient}><asn-team-overview year="2026" scope=${scope} ?offline=${offline}></asn-team-overview></asn-provider>`,
};

export const ErrorNetwork: Story = {
  ...withClient,
  name: 'Error (network)',
  render: ({ scope, offline }) =>
    html`<asn-provider .client=${networkClient}><asn-team-overview year="2026" scope=${scope} ?offline=${offline}></asn-team-overview></asn-provider>`,
};

export const ErrorForbidden: Story = {
  ...withClient,
  name: 'Error (403)',
  args: { scope: 'all' },
  render: ({ scope, offline }) =>
    html`<asn-provider .client=${forbiddenClient}><asn-team-overview year="2026" scope=${scope} ?offline=${offline}></asn-team-overview></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

// "Recommend a program" is offered this year only, to the supervisor (or an admin), through a client: these stories
// use the current year's team, so whoever is below the JP pace today gets the button.
const recommendYear = currentYearInWit();
const recommendTeam = team(8, recommendYear);
const recommendClient = teamCoachingClient(recommendTeam);
recommendClient.recommendationAnswer = () =>
  new Promise<Recommendation>((resolve) =>
    setTimeout(() => resolve({ ...supervisorRecommendation, employeeId: recommendTeam[0].employee.id } as Recommendation), 600),
  );
const dialogClient = teamCoachingClient(recommendTeam);
dialogClient.recommendationAnswer = Object.assign(new Error('Conflict'), { name: 'ConflictError', status: 409 });

/** The supervisor's own team this year: reports below the JP pace have a "Rekomendasikan" button in the JP cell. */
export const RecommendProgram: Story = {
  ...withClient,
  name: 'Recommend a program',
  render: ({ offline }) =>
    html`<asn-provider .client=${recommendClient.asClient()}><asn-team-overview year=${recommendYear} ?offline=${offline}></asn-team-overview></asn-provider>`,
};

/** Opens the recommend dialog of the first report below pace once the rows are in. */
async function openRecommend(element?: Element): Promise<void> {
  for (let i = 0; element && i < 50; i++) {
    const button = element.shadowRoot?.querySelector<HTMLButtonElement>('button.recommend');
    if (button) return button.click();
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The dialog open: the open programs and an optional note. This client answers 409 (already recommended). */
export const RecommendDialogOpen: Story = {
  ...withClient,
  name: 'Recommend dialog open (answers 409)',
  render: ({ offline }) =>
    html`<asn-provider .client=${dialogClient.asClient()}
      ><asn-team-overview year=${recommendYear} ?offline=${offline} ${ref(openRecommend)}></asn-team-overview
    ></asn-provider>`,
};

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Themed: Story = {
  render: (args) => html`<div class="theme-papua">${overview(args)}</div>`,
};

export const Dark: Story = {
  render: (args) => html`<div class="dark-page">${overview(args)}</div>`,
};
