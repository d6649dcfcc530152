// Row counts and a content hash of every table, to show `npm run fuzz` wrote nothing.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

export type Snapshot = Map<string, { rows: number; hash: string }>;

/**
 * Counters of rate limits, should they live in a table, change with every request by design: left out, and named
 * in the report. Every other table counts.
 */
export const EXCLUDED_TABLES = /rate_limit/i;

export async function snapshot(db: Kysely<any>): Promise<Snapshot> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const out: Snapshot = new Map();
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (EXCLUDED_TABLES.test(name)) continue;
    const rows = await db.selectFrom(name).selectAll().execute();
    // Row order is not part of the content: hash the sorted serialisations.
    const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).sort();
    const hash = createHash('sha256');
    for (const line of lines) hash.update(line).update('\n');
    out.set(name, { rows: rows.length, hash: hash.digest('hex').slice(0, 16) });
  }
  return out;
}

/** Tables whose count or content differ, as `name: before → after rows`. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const out: string[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (a?.hash === b?.hash && a?.rows === b?.rows) continue;
    out.push(`${name}: ${a ? a.rows : '(none)'} → ${b ? b.rows : '(none)'} rows${a && b && a.rows === b.rows ? ' (content changed)' : ''}`);
  }
  return out;
}
