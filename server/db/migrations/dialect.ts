// Column types that differ between SQLite and PostgreSQL, so one migration runs on both. SQLite's stay what they
// were (migrations 001–004 were already applied to sandbox files); PostgreSQL gets:
// - text as `text collate "C"`: byte order, as in SQLite, so ids, names and keyset cursors sort the same on both
//   whatever locale the database was created with (and `like 'x%'` can use the indexes);
// - JSON as `jsonb` (the pool reads it back as its text, server/db/database.ts, so the code is the same);
// - `real` as `double precision` (PostgreSQL's `real` is 4 bytes; SQLite's is 8);
// - events.seq as a bigint identity (never reused, like SQLite's autoincrement, so a Last-Event-ID stays valid).
//
// Timestamps stay UTC ISO 8601 text (`…T…:….mmmZ`) on both, not `timestamptz`: the contract returns them as those
// strings, keyset cursors carry them, and queries compare them with bound ISO strings and with `''`; in a
// fixed-width UTC format and a byte collation, text order is time order. `timestamptz` would make `pg` return Date
// objects (or locale-dependent text) and microseconds that the millisecond cursors could not round-trip, in one
// dialect only. Dates (`YYYY-MM-DD`) likewise.
import { sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';
import { dialectOf } from '../database.js';

export type DataType = ColumnDataType | Expression<unknown>;

export interface ColumnTypes {
  text: DataType;
  json: DataType;
  real: DataType;
  /** The current time as UTC ISO 8601 with milliseconds, for `defaultTo`. */
  now: Expression<unknown>;
  postgres: boolean;
}

export function columnTypes(db: Kysely<any>): ColumnTypes {
  if (dialectOf(db) === 'postgres') {
    return {
      text: sql`text collate "C"`,
      json: 'jsonb',
      real: 'double precision',
      now: sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
      postgres: true,
    };
  }
  return { text: 'text', json: 'text', real: 'real', now: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`, postgres: false };
}
