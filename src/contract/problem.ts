import { z } from 'zod/mini';

/** One input field that was refused; `path` is the dotted field name (`student.phone`). */
export const FieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, as every error response of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.string(),
  errors: z.optional(z.array(FieldError)),
  /** A machine-readable reason where the status alone is ambiguous, e.g. `application.duplicate` on a 409. */
  code: z.optional(z.string()),
});

export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;

/** `type` URIs of the problems the API returns. */
export const problemTypes = {
  validation: 'https://pembinaan-asn.dev/problems/validation',
  unauthorized: 'https://pembinaan-asn.dev/problems/unauthorized',
  forbidden: 'https://pembinaan-asn.dev/problems/forbidden',
  notFound: 'https://pembinaan-asn.dev/problems/not-found',
  conflict: 'https://pembinaan-asn.dev/problems/conflict',
  idempotencyMismatch: 'https://pembinaan-asn.dev/problems/idempotency-key-reused',
  payloadTooLarge: 'https://pembinaan-asn.dev/problems/payload-too-large',
  unsupportedMediaType: 'https://pembinaan-asn.dev/problems/unsupported-media-type',
  rateLimited: 'https://pembinaan-asn.dev/problems/rate-limited',
  headersTooLarge: 'https://pembinaan-asn.dev/problems/headers-too-large',
  requestTimeout: 'https://pembinaan-asn.dev/problems/request-timeout',
  unavailable: 'https://pembinaan-asn.dev/problems/unavailable',
  internal: 'https://pembinaan-asn.dev/problems/internal',
} as const;
