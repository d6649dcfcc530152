import { z } from 'zod/mini';
import {
  AgreementId, DateOnly, DateTime, HttpUrl, OpeningId, PartnerId, ProgramId, PublishableKeyId, matches, ruleIssue, text,
} from './primitives.js';

export const PartnerKind = z.enum(['university', 'company', 'government', 'ngo']);

/** MoU (nota kesepahaman) → PKS/MoA (perjanjian kerja sama) → implementation arrangement (pengaturan pelaksanaan). */
export const AgreementKind = z.enum(['mou', 'pks', 'implementation']);

/**
 * Computed from the dates on the WIT calendar day: `upcoming` before `startsOn`, `expiring` when `endsOn` is at most
 * 90 days away, `expired` after `endsOn`, else `active`.
 */
export const AgreementStatus = z.enum(['upcoming', 'active', 'expiring', 'expired']);

export const Signatory = z.object({
  name: text(2, 120),
  position: text(2, 160),
});

const agreementFields = {
  kind: AgreementKind,
  /** The agreement this one implements (an MoU for a PKS, a PKS for an implementation arrangement). */
  parentId: z.nullable(AgreementId),
  number: text(1, 80),
  title: text(3, 200),
  scope: z.array(text(2, 80)).check(z.maxLength(20)),
  /** Who signed for the partner and who for the Sorong government. */
  signatories: z.object({ partner: Signatory, government: Signatory }),
  startsOn: DateOnly,
  endsOn: DateOnly,
};

/** An agreement with a partner: MoU, PKS/MoA or implementation arrangement, flat; `parentId` makes the tree. */
export const Agreement = z.object({
  id: AgreementId,
  ...agreementFields,
  status: AgreementStatus,
  /** What was delivered under it. */
  delivered: z.object({
    programs: z.array(z.object({ id: ProgramId, title: z.string() })),
    openings: z.array(z.object({ id: OpeningId, title: z.string() })),
  }),
  version: z.number().check(z.int(), z.gte(1)),
});

/** Partner status: `active` when one of its agreements is active or expiring, `expiring` when all that run end soon. */
export const Partner = z.object({
  id: PartnerId,
  name: text(2, 160),
  kind: PartnerKind,
  city: text(2, 80),
  website: z.nullable(HttpUrl),
  /** The best status among its agreements (`expired` when it has none running). */
  status: AgreementStatus,
  /** Flat, parents before children, each level by `startsOn`. */
  agreements: z.array(Agreement),
  version: z.number().check(z.int(), z.gte(1)),
});

const partnerFields = {
  name: text(2, 160),
  kind: PartnerKind,
  city: text(2, 80),
  website: z.nullable(HttpUrl),
};

/** Body of `POST /v1/partners` (admin). */
export const PartnerCreate = z.object(partnerFields);
/** Body of `PATCH /v1/partners/{id}` (admin): any field and the `version` it was read at (409 when stale). */
export const PartnerUpdate = z.object({
  ...z.partial(z.object(partnerFields)).shape,
  version: z.number().check(z.int(), z.gte(1)),
});

const datesInOrder = z.refine<{ startsOn?: string; endsOn?: string }>(
  (a) => a.startsOn === undefined || a.endsOn === undefined || a.startsOn <= a.endsOn,
  { ...ruleIssue('dates.order', 'endsOn must not be before startsOn'), path: ['endsOn'] },
);

/** Body of `POST /v1/partners/{id}/agreements` (admin). */
export const AgreementCreate = z.object(agreementFields).check(datesInOrder);
/** Body of `PATCH /v1/agreements/{id}` (admin). */
export const AgreementUpdate = z
  .object({ ...z.partial(z.object(agreementFields)).shape, version: z.number().check(z.int(), z.gte(1)) })
  .check(datesInOrder);

/** `GET /v1/partners` filters; `q` searches name, city, agreement numbers and titles. */
export const PartnerListQuery = z.object({
  kind: z.optional(PartnerKind),
  status: z.optional(AgreementStatus),
  q: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/**
 * An origin a publishable key may be used from: an exact origin (`https://sia.umsorong.ac.id`,
 * `http://localhost:5173`) or every subdomain of one domain over HTTPS (`https://*.umsorong.ac.id`). No paths.
 * `http://localhost:*` and `http://127.0.0.1:*` (any port) are allowed only on test keys.
 */
export const AllowedOrigin = z.string().check(
  z.maxLength(253),
  matches(
    /^(?:https:\/\/(?:\*\.)?|http:\/\/)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::(?:\d{1,5}|\*))?$/,
    'origin.format',
    'Expected an origin such as https://sia.example.ac.id or https://*.example.ac.id',
  ),
);

/** `test` keys work only against the sandbox; `live` keys only against a production server. */
export const KeyMode = z.enum(['test', 'live']);

/** A publishable key as listed: never the secret part after it was created, only its last four characters. */
export const PublishableKey = z.object({
  id: PublishableKeyId,
  partnerId: PartnerId,
  mode: KeyMode,
  label: text(1, 80),
  /** `pk_live_…abcd`. */
  hint: z.string(),
  allowedOrigins: z.array(AllowedOrigin),
  createdAt: DateTime,
  revokedAt: z.nullable(DateTime),
});

/** The answer to creating a key: the only time the full key is shown. */
export const PublishableKeyCreated = z.object({
  ...PublishableKey.shape,
  key: z.string().check(matches(/^pk_(?:test|live)_[A-Za-z0-9]{24,64}$/, 'key.format', 'Expected a publishable key')),
});

/** Body of `POST /v1/partners/{id}/keys` (admin). */
export const PublishableKeyCreate = z.object({
  mode: KeyMode,
  label: text(1, 80),
  allowedOrigins: z.array(AllowedOrigin).check(z.minLength(1), z.maxLength(20)),
});

export type PartnerKind = z.infer<typeof PartnerKind>;
export type AgreementKind = z.infer<typeof AgreementKind>;
export type AgreementStatus = z.infer<typeof AgreementStatus>;
export type Partner = z.infer<typeof Partner>;
export type Agreement = z.infer<typeof Agreement>;
export type PartnerCreate = z.input<typeof PartnerCreate>;
export type PartnerUpdate = z.input<typeof PartnerUpdate>;
export type AgreementCreate = z.input<typeof AgreementCreate>;
export type AgreementUpdate = z.input<typeof AgreementUpdate>;
export type PartnerListQuery = z.input<typeof PartnerListQuery>;
export type KeyMode = z.infer<typeof KeyMode>;
export type PublishableKey = z.infer<typeof PublishableKey>;
export type PublishableKeyCreated = z.infer<typeof PublishableKeyCreated>;
export type PublishableKeyCreate = z.input<typeof PublishableKeyCreate>;
