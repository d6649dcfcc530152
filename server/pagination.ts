// Keyset pagination: the cursor is an opaque base64url of the last row's sort key. `keysetPage` + `pageOf`
// serve the newest-first lists; the team and sandbox-user lists sort otherwise and use only the cursor codec.
import { sql, type ExtractTypeFromStringReference, type SelectQueryBuilder, type StringReference } from 'kysely';
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

/** A column of the query that holds text (never null), e.g. `'created_at'` or `'f.created_at'`. */
export type TextColumn<DB, TB extends keyof DB> = {
  [R in StringReference<DB, TB> & string]: ExtractTypeFromStringReference<DB, TB, R> extends string ? R : never;
}[StringReference<DB, TB> & string];

/** The sort key of a newest-first list: an ISO timestamp column, and the id that breaks its ties. */
export interface Keyset<DB, TB extends keyof DB> {
  at: TextColumn<DB, TB>;
  id: TextColumn<DB, TB>;
}

export interface PageParams {
  limit: number;
  cursor?: string;
}

/**
 * Newest first, the id breaking ties so the order (and so the cursor) is total: the rows after the cursor's
 * `[at, id]`, and one more than `limit` so that `pageOf` can tell whether another page follows.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: Keyset<DB, TB>,
  { limit, cursor }: PageParams,
): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 2).map(String);
    // Kysely cannot infer a generic column's type, so the (text) columns are referenced as strings.
    const col = (c: TextColumn<DB, TB>) => sql.ref<string>(c);
    q = q.where((eb) => eb.or([eb(col(keys.at), '<', at), eb.and([eb(col(keys.at), '=', at), eb(col(keys.id), '<', id)])]));
  }
  return q.orderBy(keys.at, 'desc').orderBy(keys.id, 'desc').limit(limit + 1);
}

/** The page of what `keysetPage` fetched; `keyOf` reads a row's `[at, id]`, the same columns as the keyset. */
export function pageOf<R>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly [string, string],
): { data: R[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
