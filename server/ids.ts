// Opaque ids with a type prefix, so an id says what it names and a wrong-kind id fails validation.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random id such as `lrn_7fQk2…`; `next` draws from a PRNG instead (deterministic seed data). */
export function newId(prefix: string, length = 16, next?: () => number): string {
  let out = '';
  const bytes = next ? null : randomBytes(length);
  for (let i = 0; i < length; i++) {
    const r = next ? Math.floor(next() * ALPHABET.length) : bytes![i] % ALPHABET.length;
    out += ALPHABET[r];
  }
  return `${prefix}_${out}`;
}
