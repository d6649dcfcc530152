import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
// Register through the define modules: package.json `sideEffects` lists them.
import '../components/provider/define.js';
import '../components/application-review/define.js';
import type { AsnApplicationReview } from '../components/application-review/application-review.js';
import type { InternshipApplication } from '../src/contract/index.js';
import { notUsed } from './controls.js';
import { FakeCoachingClient, failWith, never } from './fixtures.js';
import {
  hostileApplicationId,
  pastQuotaApplicationId,
  prepareReviewClient,
  reviewApplications,
  reviewingApplicationId,
  reviewOpenings,
  reviewPartners,
  submittedApplicationId,
  withdrawnApplicationId,
} from './review-fixtures.js';
import './stories.css';
import { appendEmbed } from './embed.js';

interface Args {
  applications?: InternshipApplication[];
  opening: string;
  partner: string;
  status: string;
  application: string;
  offline: boolean;
}

type ReviewClient = ReturnType<typeof prepareReviewClient<FakeCoachingClient>>;

/** A stateful stand-in API for one story: transitions stick, versions and quotas are checked (see review-fixtures.ts). */
const storyClient = (setup: (c: ReviewClient) => void = () => undefined): ReviewClient => {
  const c = prepareReviewClient(new FakeCoachingClient());
  setup(c);
  return c;
};

/** Waits (a frame at a time, a few seconds at most) until `find` finds something in the element's shadow root. */
async function until<T>(find: () => T | null | undefined): Promise<T | undefined> {
  for (let i = 0; i < 300; i++) {
    const found = find();
    if (found) return found;
    await new Promise((r) => requestAnimationFrame(r));
  }
  return undefined;
}

/** Runs `steps` once on the rendered element: how a story shows a state reached by clicking (a dialog, a 409). */
const drive = (steps: (el: AsnApplicationReview, $: (selector: string) => HTMLElement | null) => Promise<void>) => {
  const driven = new WeakSet<Element>();
  return ref((el) => {
    if (!el || driven.has(el)) return;
    driven.add(el);
    const review = el as AsnApplicationReview;
    void steps(review, (selector) => review.shadowRoot?.querySelector<HTMLElement>(selector) ?? null);
  });
};

/** The element position takes a directive: without a driver, one that does nothing. */
const noDriver = ref(() => undefined);

const review = (client: ReviewClient, { applications, opening, partner, status, application, offline }: Args, driver?: ReturnType<typeof drive>) =>
  html`<asn-provider .client=${client.asClient()}>
    <asn-application-review
      .applications=${applications}
      opening=${opening}
      partner=${partner}
      status=${status}
      application=${application}
      ?offline=${offline}
      ${driver ?? noDriver}
    ></asn-application-review>
  </asn-provider>`;


const select = (options: readonly string[]) => ({ control: { type: 'select' as const }, options: [...options] });

// The stand-in clients live as long as the page, so changing a control re-renders the queue, not a new provider.
const queueClient = storyClient();
const detailClient = storyClient();
const rejectClient = storyClient();
const conflictClient = storyClient();
const quotaClient = storyClient();
const liveClient = storyClient();
const emptyClient = storyClient((c) => (c.review.items = []));
const loadingClient = storyClient((c) => (c.review.listAnswer = never));
const networkClient = storyClient((c) => (c.review.listAnswer = failWith({ name: 'NetworkError', message: 'Failed to fetch' })));
const forbiddenClient = storyClient((c) => (c.review.listAnswer = failWith({ name: 'PermissionError', status: 403, message: 'Forbidden' })));

const meta: Meta<Args> = {
  title: 'Widgets/asn-application-review',
  component: 'asn-application-review',
  tags: ['autodocs'],
  args: { opening: '', partner: '', status: '', application: '', offline: false },
  argTypes: {
    opening: select(['', ...reviewOpenings.map((o) => o.id)]),
    partner: select(['', ...reviewPartners.map((p) => p.id)]),
    status: select(['', 'submitted', 'reviewing', 'accepted', 'rejected', 'withdrawn']),
    application: select(['', submittedApplicationId, reviewingApplicationId, pastQuotaApplicationId, withdrawnApplicationId, hostileApplicationId]),
    // Through a client the queue comes from the stand-in API; the "Properties" story feeds it instead (its object
    // control replaces the queue).
  },
  render: (args) => review(queueClient, args),
  parameters: {
    docs: {
      description: {
        component:
          'The BKPSDM admins’ review queue of internship applications: filters by opening, university and status, search by name, NIM, email or reference, and an application’s detail with its consent record (UU 27/2022). “Mulai tinjau”, “Terima” and “Tolak” (with a required reason) send the version they read: a change meanwhile, or a full quota, is refused (409) and “Muat ulang” reads it again. New applications appear live. Every story runs on fixtures and a stand-in client: no server.',
      },
    },
  },
};
appendEmbed(meta);
export default meta;

type Story = StoryObj<Args>;

/** Twenty applications from Sorong’s universities, oldest first, statuses mixed. Filter, search, open one, review it. */
export const Loaded: Story = {};

/** An application under review: student data, motivation with its line breaks, the consent record, “Terima” and “Tolak”. */
export const Detail: Story = {
  args: { application: reviewingApplicationId },
  render: (args) => review(detailClient, args),
};

/** Withdrawn through the private link: only the reference, the opening and the fact remain; no actions. */
export const Withdrawn: Story = {
  args: { application: withdrawnApplicationId },
  render: (args) => review(detailClient, args),
};

/** A name and a motivation that are markup: shown as text, never run. */
export const HostileText: Story = {
  args: { application: hostileApplicationId },
  render: (args) => review(detailClient, args),
};

/** “Tolak” asks for the reason first (required; Escape or “Batal” closes it, focus back on “Tolak”). */
export const RejectDialog: Story = {
  args: { application: reviewingApplicationId },
  render: (args) =>
    review(
      rejectClient,
      args,
      drive(async (_el, $) => (await until(() => $('[part="reject-button"]')))?.click()),
    ),
};

/** Another admin changed the application after it was read: the rejection is refused (409), the reason kept, “Muat ulang”. */
export const Conflict: Story = {
  args: { application: reviewingApplicationId },
  render: (args) =>
    review(
      conflictClient,
      args,
      drive(async (el, $) => {
        (await until(() => $('[part="reject-button"]')))?.click();
        const field = (await until(() => $('#reject-reason'))) as HTMLTextAreaElement | undefined;
        if (!field) return;
        field.value = 'Bidang studi belum sesuai dengan kebutuhan survei lapangan.';
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        conflictClient.review.touch(el.application); // someone else, meanwhile
        $('[part="confirm-button"]')?.click();
      }),
    ),
};

/** Accepting an application to an opening whose quota is filled (2 of 2): refused (409) with a clear message. */
export const PastQuota: Story = {
  args: { application: pastQuotaApplicationId },
  render: (args) => review(quotaClient, args, drive(async (_el, $) => (await until(() => $('[part="accept-button"]')))?.click())),
};

/** A new application arrives two seconds after the queue appears: it joins the end, marked “Baru”, announced politely. */
export const LiveArrival: Story = {
  render: (args) =>
    review(
      liveClient,
      args,
      drive(async (_el, $) => {
        await until(() => $('.row-button'));
        setTimeout(() => {
          const a = liveClient.review.arrive();
          liveClient.emit({ type: 'application.created', openingId: a.openingId, subjectId: a.id });
        }, 2000);
      }),
    ),
};

/** Fed through `applications`: nothing is fetched, the filters work on the given list. */
export const Properties: Story = {
  args: { applications: reviewApplications },
  argTypes: { applications: { control: 'object' } },
};

export const Empty: Story = { render: (args) => review(emptyClient, args) };

export const Loading: Story = { argTypes: notUsed('application'), render: (args) => review(loadingClient, args) };

export const ErrorNetwork: Story = { name: 'Error', argTypes: notUsed('application'), render: (args) => review(networkClient, args) };

/** Signed in as someone who is not an admin: the API answers 403. */
export const Forbidden: Story = { argTypes: notUsed('application'), render: (args) => review(forbiddenClient, args) };

/** Offline: the queue stays, with a notice; decisions wait for the connection. */
export const Offline: Story = { args: { offline: true } };

/** On a 320 px phone (Storybook's "Small mobile" viewport) the queue and an application take turns. */
export const Narrow: Story = {
  name: '320 px',
  args: { application: reviewingApplicationId },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (args) => review(detailClient, args),
};

// The locale is page-wide: a docs page shows every story in the toolbar's language, so these two are not on it.
export const Indonesian: Story = { args: { application: reviewingApplicationId }, render: (args) => review(detailClient, args), parameters: { locale: 'id' }, tags: ['!autodocs'] };

export const English: Story = { args: { application: reviewingApplicationId }, render: (args) => review(detailClient, args), parameters: { locale: 'en' }, tags: ['!autodocs'] };

export const Dark: Story = {
  args: { application: reviewingApplicationId },
  render: (args) => html`<div class="dark-page">${review(detailClient, args)}</div>`,
};
