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

const CERTIFICATE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A certificate number such as `SRT-2026-7KQ4M9XD2P`: the year and 10 random characters (50 bits), so the public
 * verification route cannot be walked to list who completed what.
 */
export function newCertificateNumber(year: number, next?: () => number): string {
  const bytes = next ? null : randomBytes(10);
  let out = '';
  for (let i = 0; i < 10; i++) {
    const r = next ? Math.floor(next() * CERTIFICATE_ALPHABET.length) : bytes![i] % CERTIFICATE_ALPHABET.length;
    out += CERTIFICATE_ALPHABET[r];
  }
  return `SRT-${year}-${out}`;
}
