// Partner, publishable-key and internship routes (issue #8): a module of their own so that a widget which never calls
// them does not carry their schemas.
import { z } from 'zod/mini';
import { AgreementId, ApplicationId, OpeningId, PartnerId, PublishableKeyId } from './primitives.js';
import { page } from './pagination.js';
import {
  Agreement, AgreementCreate, AgreementUpdate, Partner, PartnerCreate, PartnerListQuery, PartnerUpdate,
  PublishableKey, PublishableKeyCreate, PublishableKeyCreated,
} from './partner.js';
import {
  ApplicationContactUpdate, ApplicationCreate, ApplicationListQuery, ApplicationPrivateView, ApplicationReceipt,
  ApplicationToken, ApplicationTransition, Challenge, InternshipApplication, InternshipOpening, OpeningCreate,
  OpeningListQuery, OpeningUpdate, PrivacyNotice, PrivacyNoticeQuery,
} from './internship.js';
import { define } from './route-def.js';

const PartnerParams = z.object({ id: PartnerId });
const AgreementParams = z.object({ id: AgreementId });
const KeyParams = z.object({ id: PublishableKeyId });
const OpeningParams = z.object({ id: OpeningId });
const ApplicationParams = z.object({ id: ApplicationId });
const TokenParams = z.object({ token: ApplicationToken });
const admin = { kind: 'user', roles: ['admin'] } as const;

export const listPartners = define({
  id: 'listPartners',
  method: 'GET',
  path: '/v1/partners',
  summary: 'Partners by name with their agreements; filters `kind`, `status` (of the partner) and `q`.',
  access: { kind: 'user' },
  query: PartnerListQuery,
  response: page(Partner),
});

export const getPartner = define({
  id: 'getPartner',
  method: 'GET',
  path: '/v1/partners/{id}',
  summary: 'One partner with its agreement tree and what was delivered under each agreement.',
  access: { kind: 'user' },
  params: PartnerParams,
  response: Partner,
});

export const createPartner = define({
  id: 'createPartner',
  method: 'POST',
  path: '/v1/partners',
  summary: 'Add a partner (admin).',
  access: admin,
  body: PartnerCreate,
  response: Partner,
  status: 201,
  invalidates: ['partners'],
});

export const updatePartner = define({
  id: 'updatePartner',
  method: 'PATCH',
  path: '/v1/partners/{id}',
  summary: 'Change a partner (admin), at the `version` it was read (409 when stale).',
  access: admin,
  params: PartnerParams,
  body: PartnerUpdate,
  response: Partner,
  invalidates: ['partners'],
});

export const createAgreement = define({
  id: 'createAgreement',
  method: 'POST',
  path: '/v1/partners/{id}/agreements',
  summary: 'Add an agreement (admin): an MoU, a PKS under an MoU, or an implementation arrangement under a PKS.',
  access: admin,
  params: PartnerParams,
  body: AgreementCreate,
  response: Agreement,
  status: 201,
  invalidates: ['partners'],
});

export const updateAgreement = define({
  id: 'updateAgreement',
  method: 'PATCH',
  path: '/v1/agreements/{id}',
  summary: 'Change an agreement (admin), at the `version` it was read (409 when stale).',
  access: admin,
  params: AgreementParams,
  body: AgreementUpdate,
  response: Agreement,
  invalidates: ['partners'],
});

export const listPartnerKeys = define({
  id: 'listPartnerKeys',
  method: 'GET',
  path: '/v1/partners/{id}/keys',
  summary: "A partner's publishable keys (admin), newest first; only the last four characters of each.",
  access: admin,
  params: PartnerParams,
  response: z.object({ data: z.array(PublishableKey) }),
});

export const createPartnerKey = define({
  id: 'createPartnerKey',
  method: 'POST',
  path: '/v1/partners/{id}/keys',
  summary: 'Create a publishable key `pk_test_…`/`pk_live_…` with its allowed origins (admin). The key is shown once.',
  access: admin,
  params: PartnerParams,
  body: PublishableKeyCreate,
  response: PublishableKeyCreated,
  status: 201,
  invalidates: ['keys'],
});

export const revokeKey = define({
  id: 'revokeKey',
  method: 'POST',
  path: '/v1/keys/{id}/revoke',
  summary: 'Revoke a publishable key at once (admin); requests with it get 401.',
  access: admin,
  params: KeyParams,
  body: z.object({}),
  response: PublishableKey,
  invalidates: ['keys'],
});

export const listInternships = define({
  id: 'listInternships',
  method: 'GET',
  path: '/v1/internships',
  summary:
    "Internship openings, soonest deadline first. With a token: all (drafts for admins). With a publishable key: the open ones of the key's partner, public fields only.",
  access: { kind: 'publishable' },
  query: OpeningListQuery,
  response: page(InternshipOpening),
});

export const getInternship = define({
  id: 'getInternship',
  method: 'GET',
  path: '/v1/internships/{id}',
  summary: 'One opening; with a publishable key only when it is open to the key\'s partner (else 404).',
  access: { kind: 'publishable' },
  params: OpeningParams,
  response: InternshipOpening,
});

export const createInternship = define({
  id: 'createInternship',
  method: 'POST',
  path: '/v1/internships',
  summary: 'Add an opening (admin).',
  access: admin,
  body: OpeningCreate,
  response: InternshipOpening,
  status: 201,
  invalidates: ['internships'],
});

export const updateInternship = define({
  id: 'updateInternship',
  method: 'PATCH',
  path: '/v1/internships/{id}',
  summary: 'Change an opening (admin), at the `version` it was read (409 when stale); a quota below `accepted` is refused.',
  access: admin,
  params: OpeningParams,
  body: OpeningUpdate,
  response: InternshipOpening,
  invalidates: ['internships'],
});

export const getPrivacyNotice = define({
  id: 'getPrivacyNotice',
  method: 'GET',
  path: '/v1/privacy-notices/internship-application',
  summary: 'The current privacy notice for internship applications (UU 27/2022), versioned, with the hash of its text.',
  access: { kind: 'public' },
  query: PrivacyNoticeQuery,
  response: PrivacyNotice,
});

export const createChallenge = define({
  id: 'createChallenge',
  method: 'POST',
  path: '/v1/challenges',
  summary: 'A proof-of-work challenge (ALTCHA) to solve before applying: HMAC-signed, expiring, single use.',
  access: { kind: 'publishable' },
  body: z.object({}),
  response: Challenge,
  status: 201,
});

export const createApplication = define({
  id: 'createApplication',
  method: 'POST',
  path: '/v1/internships/{id}/applications',
  summary:
    "Apply to an opening with the solved challenge and consent to the current notice. One per (partner, NIM, opening): a second → 409.",
  access: { kind: 'publishable' },
  params: OpeningParams,
  body: ApplicationCreate,
  response: ApplicationReceipt,
  status: 201,
  invalidates: ['internships'],
});

export const getPrivateApplication = define({
  id: 'getPrivateApplication',
  method: 'GET',
  path: '/v1/applications/private/{token}',
  summary: 'The student\'s own application through the private link; a wrong token → 404 and nothing else.',
  access: { kind: 'public' },
  params: TokenParams,
  response: ApplicationPrivateView,
});

export const updatePrivateApplication = define({
  id: 'updatePrivateApplication',
  method: 'PATCH',
  path: '/v1/applications/private/{token}',
  summary: 'Correct contact data through the private link.',
  access: { kind: 'public' },
  params: TokenParams,
  body: ApplicationContactUpdate,
  response: ApplicationPrivateView,
});

export const withdrawPrivateApplication = define({
  id: 'withdrawPrivateApplication',
  method: 'POST',
  path: '/v1/applications/private/{token}/withdraw',
  summary: 'Withdraw consent: processing stops and the personal data is erased; the reference and the fact remain.',
  access: { kind: 'public' },
  params: TokenParams,
  body: z.object({}),
  response: ApplicationPrivateView,
});

export const listApplications = define({
  id: 'listApplications',
  method: 'GET',
  path: '/v1/applications',
  summary: 'The review queue (admin), oldest first; filters opening, partner, status, `q`.',
  access: admin,
  query: ApplicationListQuery,
  response: page(InternshipApplication),
});

export const getApplication = define({
  id: 'getApplication',
  method: 'GET',
  path: '/v1/applications/{id}',
  summary: 'One application (admin).',
  access: admin,
  params: ApplicationParams,
  response: InternshipApplication,
});

export const transitionApplication = define({
  id: 'transitionApplication',
  method: 'POST',
  path: '/v1/applications/{id}/transition',
  summary:
    'submitted → reviewing → accepted | rejected (with a reason), at the `version` read (409 when stale); accepting past the quota → 409.',
  access: admin,
  params: ApplicationParams,
  body: ApplicationTransition,
  response: InternshipApplication,
  invalidates: ['applications', 'internships'],
});
