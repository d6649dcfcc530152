// 003: partners and their agreements as a tree (issue #8): partner and agreement versions, the agreement's kind,
// parent and signatories, what was delivered under an agreement (programs, internship openings) and publishable
// keys. Portable DDL through Kysely's schema builder (types from ./dialect.ts), so the same migration runs
// on SQLite and PostgreSQL; JSON is text on SQLite and jsonb on PostgreSQL.
import type { Kysely, Migration } from 'kysely';
import { columnTypes, type DataType } from './dialect.js';

/** Agreements written before this migration had no signatories: a placeholder that satisfies the contract. */
const UNRECORDED_SIGNATORIES = JSON.stringify({
  partner: { name: 'Belum dicatat', position: 'Belum dicatat' },
  government: { name: 'Belum dicatat', position: 'Belum dicatat' },
});

export const m003_partnerships: Migration = {
  async up(db: Kysely<any>) {
    const t = columnTypes(db);
    await db.schema.alterTable('partners').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

    const agreement = (column: string, type: DataType, build: (c: any) => any) =>
      db.schema.alterTable('agreements').addColumn(column, type, build).execute();
    // Release 1 agreements were all MoUs (nota kesepahaman) without a parent.
    await agreement('kind', t.text, (c) => c.notNull().defaultTo('mou'));
    await agreement('parent_id', t.text, (c) => c.references('agreements.id'));
    /** JSON `{ partner: Signatory, government: Signatory }`. */
    await agreement('signatories', t.json, (c) => c.notNull().defaultTo(UNRECORDED_SIGNATORIES));
    await agreement('version', 'integer', (c) => c.notNull().defaultTo(1));
    await db.schema.createIndex('agreements_parent').on('agreements').column('parent_id').execute();

    // What was delivered under an agreement: nullable, most programs and openings have none.
    await db.schema.alterTable('programs').addColumn('agreement_id', t.text, (c) => c.references('agreements.id')).execute();
    await db.schema.createIndex('programs_agreement').on('programs').column('agreement_id').execute();
    await db.schema.alterTable('internship_openings').addColumn('agreement_id', t.text, (c) => c.references('agreements.id')).execute();
    await db.schema.createIndex('internship_openings_agreement').on('internship_openings').column('agreement_id').execute();

    // A publishable key is stored as its SHA-256 only (a lookup by hash): the key itself is shown once, at creation.
    await db.schema
      .createTable('publishable_keys')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('partner_id', t.text, (c) => c.notNull().references('partners.id'))
      .addColumn('mode', t.text, (c) => c.notNull())
      .addColumn('label', t.text, (c) => c.notNull())
      .addColumn('key_hash', t.text, (c) => c.notNull().unique())
      /** The key's last four characters, for the list. */
      .addColumn('hint', t.text, (c) => c.notNull())
      /** JSON array of allowed origins (exact, `https://*.domain`, or `http://localhost:*` on test keys). */
      .addColumn('allowed_origins', t.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('revoked_at', t.text)
      .execute();
    await db.schema.createIndex('publishable_keys_partner').on('publishable_keys').columns(['partner_id', 'created_at']).execute();
  },

  // Like 002, down drops only the new table: SQLite cannot drop a column that a foreign key uses (parent_id,
  // agreement_id), and the added columns are harmless to the code of release 2.
  async down(db: Kysely<any>) {
    await db.schema.dropTable('publishable_keys').ifExists().execute();
  },
};
