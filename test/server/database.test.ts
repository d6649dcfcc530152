// Which database the suite runs on. `npm test` runs the server and SDK tests twice, the second time with
// ASN_TEST_DATABASE_URL set (scripts/test.mjs): then every test server must really be on PostgreSQL, so a
// misconfigured run cannot pass on SQLite unnoticed; and the schema must have PostgreSQL's types.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { dialectOf } from '../../server/db/database.js';
import { startServer, type TestServer } from '../../server/testing.js';

const postgres = Boolean(process.env.ASN_TEST_DATABASE_URL?.trim());

describe(`database (${postgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ quiet: true });
  });
  after(async () => {
    await server?.close();
  });

  it(`the test server runs on ${postgres ? 'PostgreSQL (ASN_TEST_DATABASE_URL is set)' : 'SQLite (ASN_TEST_DATABASE_URL is unset)'}`, async () => {
    const { db } = server.deps;
    assert.equal(dialectOf(db), postgres ? 'postgres' : 'sqlite');
    if (postgres) {
      const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
      assert.match(rows[0]!.v, /^PostgreSQL /);
    } else {
      const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
      assert.match(rows[0]!.v, /^3\./);
    }
  });

  it('counts, event seqs and JSON columns come back as the code expects on this dialect', async () => {
    const { db } = server.deps;
    const { n } = await db.selectFrom('employees').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(typeof n, 'number', 'count(*) is a number (pg returns int8 as a string unless parsed)');
    const key = await db.selectFrom('publishable_keys').select('allowed_origins').executeTakeFirstOrThrow();
    assert.equal(typeof key.allowed_origins, 'string', 'JSON columns are read as their text');
    assert.ok(Array.isArray(JSON.parse(key.allowed_origins)));
    const row = await db
      .insertInto('events')
      .values({ type: 'test.ping', topic: 'test', payload: JSON.stringify({ type: 'test.ping' }), created_at: new Date().toISOString() })
      .returning('seq')
      .executeTakeFirstOrThrow();
    assert.equal(typeof row.seq, 'number');
    assert.ok(Number.isSafeInteger(row.seq) && row.seq > 0);
  });

  it('PostgreSQL has its own column types: bigint identity seq, jsonb, double precision, byte-order text', { skip: !postgres && 'SQLite run' }, async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string; collation_name: string | null }>`
      select table_name, column_name, data_type, is_identity, collation_name from information_schema.columns
      where table_schema = 'public' and (table_name, column_name) in
        (('events', 'seq'), ('events', 'payload'), ('agreements', 'signatories'), ('learning_records', 'jp'), ('employees', 'name'))
      order by table_name, column_name`.execute(server.deps.db);
    const byColumn = Object.fromEntries(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    assert.equal(byColumn['events.seq']?.data_type, 'bigint');
    assert.equal(byColumn['events.seq']?.is_identity, 'YES');
    assert.equal(byColumn['events.payload']?.data_type, 'jsonb');
    assert.equal(byColumn['agreements.signatories']?.data_type, 'jsonb');
    assert.equal(byColumn['learning_records.jp']?.data_type, 'double precision');
    assert.equal(byColumn['employees.name']?.collation_name, 'C');
  });
});
