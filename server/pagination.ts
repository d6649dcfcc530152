// Keyset cursors: an opaque base64url of the last row's sort key.
import { fieldProblem } from './problem.js';

export const DEFAULT_LIMIT = 20;

export const encodeCursor = (key: readonly (string | number)[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through
  }
  throw fieldProblem('cursor', 'cursor.invalid', 'The cursor is not one this server gave out');
}
