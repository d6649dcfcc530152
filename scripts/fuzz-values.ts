// Building blocks of `npm run fuzz` (scripts/fuzz.ts): a seeded PRNG and pools of hostile values. No server here.
import { createHash } from 'node:crypto';

/** A deterministic PRNG (mulberry32): request `i` of route `r` under seed `s` is the same on every run. */
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function rngFor(...parts: Array<string | number>): Rng {
  let state = createHash('sha256').update(parts.join('\u0000')).digest().readUInt32LE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

/** A length between 1 KB and 256 KB, log-uniform: mostly far past every `maxLength`, rarely heavy. */
export const hugeLength = (rng: Rng) => Math.floor(2 ** (10 + rng.next() * 8));

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const randomWord = (rng: Rng, length: number) => Array.from({ length }, () => ALPHABET[rng.int(ALPHABET.length)]).join('');

/** Strings no field should choke on: control and format characters, lone surrogates, RTL overrides, markup, SQL. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ufeff',
  '\u200b\u200b\u200b',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357',
  '<script>alert(1)</script>',
  "'; drop table employees; --",
  '" or ""="',
  '%00%ff',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../../../etc/passwd',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '0000-01-01T00:30:00+01:00',
  '9999-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '-000001-01-01T00:00:00Z',
  '2026-03-01T25:61:61+99:99',
  'javascript:alert(1)',
  'http://',
  'https://' + 'a'.repeat(3000) + '.id',
  'emp_',
  'emp_' + 'a'.repeat(41),
  '😀'.repeat(300),
];

/** Values of every JSON type, for "wrong type" mutations. */
export const wrongTypeValues: readonly unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  -0,
  '',
  'x',
  '12',
  '2026',
  true,
  false,
  null,
  [],
  [1, 2, 3],
  [null],
  {},
  { a: 1 },
  { length: 3 },
];

/** Object keys that probe prototype handling. */
export const prototypeKeys: readonly string[] = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];

/** Sets an own enumerable property even for `__proto__` (a plain assignment would set the prototype instead). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, CESU surrogates, truncated sequences. */
export const invalidUtf8: readonly Buffer[] = [
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0x80]),
  Buffer.from([0xc1, 0xbf]),
  Buffer.from([0xe0, 0x80, 0x80]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xed, 0xbf, 0xbf]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xc3]),
];

/** Values for a path parameter: wrong prefixes, encodings, dot segments, lengths. Raw (they go into the path as is). */
export const badPathSegments: readonly string[] = [
  'x',
  '0',
  '-1',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'me',
  'ME',
  'emp_',
  'emp_!',
  'emp_%21',
  'emp_a%2Fb',
  'emp_a%00',
  'emp_%ff',
  'emp_%zz',
  '%',
  '%%',
  '%2e%2e',
  '..',
  '.',
  '%20',
  '%E2%80%AE',
  '%C0%AE%C0%AE',
  'emp_%F0%9F%98%80',
  'emp_' + 'a'.repeat(41),
  'goal_abc',
  'prg_abc;drop',
  "emp_'or'1'='1",
  '*',
  '%3Cscript%3E',
  'a'.repeat(3000),
  'SRT-2026-7KQ4M9XD2',
  'SRT-0000-AAAAAAAAAAAA',
  'A'.repeat(42),
  'A'.repeat(44),
];

/** Values for query parameters (raw, already in URL syntax). */
export const badQueryValues: readonly string[] = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e400',
  '1e2',
  '0x10',
  'Infinity',
  'NaN',
  '%20',
  '+',
  '%00',
  '%ff',
  '%zz',
  '%',
  '999999999999999999999999',
  '1999',
  '2101',
  '2026.5',
  ' 2026',
  '2026%00',
  'true',
  '[]',
  '{}',
  'a'.repeat(201),
  'a'.repeat(5000),
  '__proto__',
  'emp_%2F..%2F',
  'employee:emp_x,team:',
  ',,,',
  'programs,'.repeat(300),
];
