import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/partner-directory/define.js';
import type { Partner } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never } from './fixtures.js';
import { directoryNow, directoryPartners, hostilePartner } from './partner-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  partners?: Partner[];
  kind: string;
  status: string;
  expanded: string;
  /** The moment "berakhir dalam N hari" counts from: the fixtures' (20 October 2025). */
  now?: string;
  offline: boolean;
}

const directory = ({ partners, kind, status, expanded, now, offline }: Args) =>
  html`<asn-partner-directory
    .partners=${partners}
    kind=${kind}
    status=${status}
    expanded=${expanded}
    .now=${now}
    ?offline=${offline}
  ></asn-partner-directory>`;

const select = (options: string[]) => ({ control: { type: 'select' as const }, options });

const meta: Meta<Args> = {
  title: 'Widgets/asn-partner-directory',
  component: 'asn-partner-directory',
  tags: ['autodocs'],
  args: { partners: directoryPartners, kind: '', status: '', expanded: '', now: directoryNow, offline: false },
  argTypes: {
    kind: select(['', 'university', 'company', 'government', 'ngo']),
    status: select(['', 'active', 'expiring', 'expired', 'upcoming']),
    expanded: select(['', 'ptn_umsorong', 'ptn_polikpsorong', 'ptn_papuadigital', 'ptn_unimuda', 'ptn_bpssorong ptn_pesisirlestari']),
  },
  render: directory,
  parameters: {
    docs: {
      description: {
        component:
          "Sorong's partners — universities, a technology company, BPS Kota Sorong, a conservation NGO — with the status of their cooperation in words, searchable and filterable by kind and status. Opening a partner shows its agreements as a tree (Nota Kesepahaman → Perjanjian Kerja Sama → Pengaturan Pelaksanaan) with numbers, scope, signatories, dates, status and what was delivered (programs, internship openings). Every story renders from fixtures (pinned to 20 October 2025) or a stand-in client: no server.",
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** Every kind of partner, every status: active, ending soon (with the days left), ended, not yet in force. */
export const Loaded: Story = {};

export const Empty: Story = { args: { partners: [] } };

/** Filters that match nobody: "Tidak ada mitra yang cocok", with a way back. */
export const NoMatch: Story = { name: 'No match', args: { kind: 'ngo', status: 'active' } };

/** UM Sorong opened: its MoU, the two PKS under it and the implementation arrangement that ends in 72 days. */
export const Expanded: Story = { args: { expanded: 'ptn_umsorong' } };

/** Only the cooperation that ends within 90 days. */
export const Expiring: Story = { name: 'Ending soon', args: { status: 'expiring', expanded: 'ptn_bpssorong' } };

/** A name, city, agreement text and website an attacker typed render literally; nothing runs, no link is made. */
export const HostileText: Story = { name: 'Hostile text', args: { partners: [hostilePartner], expanded: 'ptn_hostile1' } };

export const Offline: Story = { args: { offline: true } };

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { args: { expanded: 'ptn_umsorong' }, parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { args: { expanded: 'ptn_umsorong' }, parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Dark: Story = { args: { expanded: 'ptn_polikpsorong' }, render: (args) => html`<div class="dark-page">${directory(args)}</div>` };

/** On a 320 px phone (Storybook's "Small mobile" viewport), opened: the tree's levels stay inside the card. */
export const Narrow: Story = { name: '320 px', args: { expanded: 'ptn_umsorong' }, globals: { viewport: { value: 'mobile1', isRotated: false } } };

// The stand-in clients live as long as the page, so changing a control re-renders the directory, not a new provider.
const storyClient = (setup: (c: FakeCoachingClient) => void) => {
  const c = new FakeCoachingClient();
  setup(c);
  return c.asClient();
};
const loadingClient = storyClient((c) => (c.partners.listAnswer = never));
const errorClient = storyClient((c) => (c.partners.listAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));
// Three a page, so "Muat lebih banyak" shows; the search and filters go to the stand-in, which filters as the server does.
const pagedClient = storyClient((c) => (c.partners.pageSize = 3));

/** Through a client nothing is given: the partners are fetched. */
const withClient = { argTypes: notUsed('partners') };

const inProvider = (client: ReturnType<typeof storyClient>) => (args: Args) =>
  html`<asn-provider .client=${client}>${directory({ ...args, partners: undefined })}</asn-provider>`;

export const Loading: Story = { ...withClient, render: inProvider(loadingClient) };

export const ErrorNetwork: Story = { ...withClient, name: 'Error (network)', render: inProvider(errorClient) };

/** Search, filters and "Muat lebih banyak" answered by a stand-in client (three partners a page). */
export const WithClient: Story = { ...withClient, name: 'With client', render: inProvider(pagedClient) };
