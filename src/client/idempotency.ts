/**
 * Idempotency keys. The SDK generates ONE key per logical mutation (before the first attempt) and sends the same
 * key on every retry, so the server stores one record and replays its answer (README, "The SDK in ten
 * lines"). A caller that replays a mutation later (an offline outbox) passes the key it stored as `idempotencyKey`.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  // Very old browsers (or non-secure contexts, where randomUUID is missing): a v4 UUID from getRandomValues.
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Methods that change state and therefore carry an Idempotency-Key. */
export const isMutation = (method: string): boolean => method !== 'GET' && method !== 'HEAD';
