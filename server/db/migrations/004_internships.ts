// 004: internship openings in full and their applications (issue #8): the opening's version (and `draft` status),
// applications with their consent record and private-link hash, the reference counter per year and the ALTCHA
// solutions already used. Portable DDL through Kysely's schema builder plus partial unique indexes, which SQLite and
// PostgreSQL both have; JSON is text on SQLite and jsonb on PostgreSQL (./dialect.ts).
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes } from './dialect.js';

export const m004_internships: Migration = {
  async up(db: Kysely<any>) {
    const t = columnTypes(db);
    await db.schema.alterTable('internship_openings').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.createIndex('internship_openings_apply_by').on('internship_openings').columns(['apply_by', 'id']).execute();

    await db.schema
      .createTable('internship_applications')
      .addColumn('id', t.text, (c) => c.primaryKey())
      /** `MG-YYYY-NNNNNN`: what the student quotes; kept after erasure. */
      .addColumn('reference', t.text, (c) => c.notNull().unique())
      .addColumn('opening_id', t.text, (c) => c.notNull().references('internship_openings.id'))
      .addColumn('partner_id', t.text, (c) => c.notNull().references('partners.id'))
      // The personal data: all null once erased (withdrawal or the end of retention).
      .addColumn('name', t.text)
      .addColumn('nim', t.text)
      .addColumn('study_program', t.text)
      .addColumn('semester', 'integer')
      .addColumn('email', t.text)
      .addColumn('phone', t.text)
      .addColumn('motivation', t.text)
      // The proof of consent (UU 27/2022 Pasal 24): what was shown, for which purposes, when, through which site and key.
      .addColumn('notice_version', t.text, (c) => c.notNull())
      .addColumn('notice_hash', t.text, (c) => c.notNull())
      /** JSON array of ConsentPurpose. */
      .addColumn('purposes', t.json, (c) => c.notNull())
      .addColumn('consent_at', t.text, (c) => c.notNull())
      .addColumn('origin', t.text)
      // No foreign key: the proof keeps naming the key it came through whatever becomes of the key's row.
      .addColumn('key_id', t.text)
      .addColumn('withdrawn_at', t.text)
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('reason', t.text)
      /** SHA-256 (hex) of the private link's token; the token itself is never stored. */
      .addColumn('private_token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('updated_at', t.text, (c) => c.notNull())
      .addColumn('erased_at', t.text)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // One application per (partner, NIM, opening), whatever the race. Erased rows have no NIM and so do not count:
    // a student who withdrew may apply again.
    await sql`create unique index internship_applications_once on internship_applications (partner_id, opening_id, nim) where nim is not null`.execute(db);
    // The review queue (oldest first) and its filters.
    await db.schema.createIndex('internship_applications_queue').on('internship_applications').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('internship_applications_opening').on('internship_applications').columns(['opening_id', 'status']).execute();

    // The last reference number handed out per WIT year, taken with one upsert in the application's transaction.
    await db.schema
      .createTable('application_counters')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    // ALTCHA solutions already used, by the SHA-256 of the challenge's signature, until the challenge expires.
    await db.schema
      .createTable('used_challenges')
      .addColumn('signature_hash', t.text, (c) => c.primaryKey())
      .addColumn('expires_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('used_challenges_expires').on('used_challenges').column('expires_at').execute();
  },

  // Like 002 and 003, down drops only the new tables (SQLite cannot drop the added column easily).
  async down(db: Kysely<any>) {
    for (const table of ['used_challenges', 'application_counters', 'internship_applications']) await db.schema.dropTable(table).ifExists().execute();
  },
};
