/**
 * Solves the server's ALTCHA challenge on the page itself, with altcha-lib's own solver and its WebCrypto key
 * derivation: each try is an awaited `crypto.subtle` call and the solver yields to the event loop between
 * batches, so the student keeps typing while it runs. No Web Worker (a worker script from our CDN cannot start
 * on a university's page: browsers refuse workers from another origin), no `eval`, no inline style: it works
 * under `script-src 'self' <cdn>; style-src 'self'`. SubtleCrypto needs a secure context (HTTPS, or localhost).
 *
 * Part of the chunk the form fetches the first time the student focuses it (submit.ts): a page that only lists
 * openings never downloads it.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';
import type { Challenge } from '../../src/contract/index.js';

/** Longer than any challenge the server should set for a slow phone; past it, a fresh challenge is asked for. */
const TIMEOUT_MS = 120_000;

/**
 * The `altcha` field of the application: base64 of the JSON `{ challenge, solution }` that the server's
 * `verifySolution` takes apart. Null when aborted or timed out.
 */
export async function solve(challenge: Challenge, signal: AbortSignal): Promise<string | null> {
  if (!globalThis.crypto?.subtle) throw new Error('SubtleCrypto is unavailable: the page is not a secure context (HTTPS)');
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha;
  const solution = await solveChallenge({ challenge, deriveKey, controller, timeout: TIMEOUT_MS });
  if (!solution || signal.aborted) return null;
  // UTF-8 first: `data` in the challenge may hold any text, which `btoa` alone refuses.
  const bytes = new TextEncoder().encode(JSON.stringify({ challenge, solution }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
