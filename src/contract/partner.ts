import { z } from 'zod/mini';
import { AgreementId, DateOnly, HttpUrl, PartnerId, text } from './primitives.js';

export const PartnerKind = z.enum(['university', 'company', 'government', 'ngo']);

/** A memorandum of understanding (MoU) with a partner. */
export const Agreement = z.object({
  id: AgreementId,
  number: text(1, 80),
  title: text(3, 200),
  scope: z.array(text(2, 80)),
  startsOn: DateOnly,
  endsOn: DateOnly,
});

export const Partner = z.object({
  id: PartnerId,
  name: text(2, 160),
  kind: PartnerKind,
  city: text(2, 80),
  website: z.nullable(HttpUrl),
  agreements: z.array(Agreement),
});

export type Partner = z.infer<typeof Partner>;
export type Agreement = z.infer<typeof Agreement>;
