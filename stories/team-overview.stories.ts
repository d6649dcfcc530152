import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/team-overview/define.js';
import type { TeamMember } from '../src/contract/index.js';
import { failWith, feedTeamStoryClient, never, smallTeam, teamMembers } from './fixtures.js';
import './stories.css';

interface Args {
  members?: TeamMember[];
  scope: 'direct' | 'all';
  year: number;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/asn-team-overview',
  component: 'asn-team-overview',
  tags: ['autodocs'],
  args: { members: smallTeam, scope: 'direct', year: 2026, offline: false },
  render: ({ members, scope, year, offline }) =>
    html`<asn-team-overview .members=${members} scope=${scope} year=${year} ?offline=${offline}></asn-team-overview>`,
  parameters: {
    docs: {
      description: {
        component:
          'A supervisor’s team at a glance: JP this year against the 20 JP duty, goals achieved, goals at risk, days since the last feedback. Sort by any column, search by name, move with the arrow keys; rows are windowed so 5,000 stay smooth. Every story renders from deterministic fixtures: no server.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

/** 1,000 rows (deterministic fixtures): only the visible rows exist in the DOM. */
export const ThousandRows: Story = { name: '1,000 rows', args: { members: teamMembers(1000), scope: 'all' } };

/** An admin's whole city. */
export const FiveThousandRows: Story = { name: '5,000 rows', args: { members: teamMembers(5000), scope: 'all' } };

export const Empty: Story = { args: { members: [] } };

export const Loading: Story = {
  render: () => html`<asn-provider .client=${feedTeamStoryClient(never)}><asn-team-overview year="2026"></asn-team-overview></asn-provider>`,
};

export const ErrorNetwork: Story = {
  name: 'Error (network)',
  render: () =>
    html`<asn-provider .client=${feedTeamStoryClient(failWith({ name: 'NetworkError', message: 'Failed to fetch' }))}
      ><asn-team-overview year="2026"></asn-team-overview
    ></asn-provider>`,
};

export const ErrorForbidden: Story = {
  name: 'Error (403)',
  render: () =>
    html`<asn-provider .client=${feedTeamStoryClient(failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' }))}
      ><asn-team-overview year="2026" scope="all"></asn-team-overview
    ></asn-provider>`,
};

export const Offline: Story = { args: { offline: true } };

export const Indonesian: Story = { parameters: { locale: 'id' } };

export const English: Story = { parameters: { locale: 'en' } };

export const Themed: Story = {
  render: ({ members }) => html`<div class="theme-papua"><asn-team-overview year="2026" .members=${members}></asn-team-overview></div>`,
};

export const Dark: Story = {
  render: ({ members }) => html`<div class="dark-page"><asn-team-overview year="2026" .members=${members}></asn-team-overview></div>`,
};
