// 001: every table of the first release. Later migrations extend these, they do not rewrite them.
import type { Kysely, Migration } from 'kysely';
import { columnTypes } from './dialect.js';

export const m001_initial: Migration = {
  async up(db: Kysely<any>) {
    const t = columnTypes(db);
    await db.schema
      .createTable('units')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('short_name', t.text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('employees')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('nip', t.text, (c) => c.notNull().unique())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('employment_type', t.text, (c) => c.notNull())
      .addColumn('position', t.text, (c) => c.notNull())
      .addColumn('grade', t.text, (c) => c.notNull())
      .addColumn('unit_id', t.text, (c) => c.notNull().references('units.id'))
      .addColumn('supervisor_id', t.text, (c) => c.references('employees.id'))
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.text, (c) => c.notNull().defaultTo(t.now))
      .execute();
    await db.schema.createIndex('employees_supervisor').on('employees').column('supervisor_id').execute();
    await db.schema.createIndex('employees_unit').on('employees').column('unit_id').execute();

    await db.schema
      .createTable('partners')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('city', t.text, (c) => c.notNull())
      .addColumn('website', t.text)
      .execute();

    await db.schema
      .createTable('agreements')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('partner_id', t.text, (c) => c.notNull().references('partners.id'))
      .addColumn('number', t.text, (c) => c.notNull())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('scope', t.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('starts_on', t.text, (c) => c.notNull())
      .addColumn('ends_on', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agreements_partner').on('agreements').column('partner_id').execute();

    await db.schema
      .createTable('programs')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('competency', t.text, (c) => c.notNull())
      .addColumn('partner_id', t.text, (c) => c.references('partners.id'))
      .addColumn('starts_at', t.text, (c) => c.notNull())
      .addColumn('ends_at', t.text, (c) => c.notNull())
      .addColumn('location', t.text)
      .addColumn('online_url', t.text)
      .addColumn('jp', t.real, (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('enrollments')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('program_id', t.text, (c) => c.notNull().references('programs.id'))
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('completed_at', t.text)
      .addUniqueConstraint('enrollments_program_employee', ['program_id', 'employee_id'])
      .execute();

    await db.schema
      .createTable('learning_records')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('competency', t.text, (c) => c.notNull())
      .addColumn('jp', t.real, (c) => c.notNull())
      .addColumn('completed_at', t.text, (c) => c.notNull())
      .addColumn('program_id', t.text, (c) => c.references('programs.id'))
      .addColumn('evidence_url', t.text)
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('learning_records_employee_completed')
      .on('learning_records')
      .columns(['employee_id', 'completed_at', 'id'])
      .execute();

    await db.schema
      .createTable('goals')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('competency', t.text, (c) => c.notNull())
      .addColumn('measure_unit', t.text, (c) => c.notNull())
      .addColumn('measure_target', t.real, (c) => c.notNull())
      .addColumn('measure_current', t.real, (c) => c.notNull().defaultTo(0))
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('due_date', t.text, (c) => c.notNull())
      .addColumn('aligned_goal_id', t.text, (c) => c.references('goals.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('updated_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('goals_employee_year').on('goals').columns(['employee_id', 'year']).execute();

    await db.schema
      .createTable('check_ins')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('goal_id', t.text, (c) => c.notNull().references('goals.id'))
      .addColumn('value', t.real, (c) => c.notNull())
      .addColumn('note', t.text)
      .addColumn('author_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('check_ins_goal').on('check_ins').columns(['goal_id', 'created_at']).execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('author_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('rating', t.text)
      .addColumn('goal_id', t.text, (c) => c.references('goals.id'))
      .addColumn('message', t.text, (c) => c.notNull())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('acknowledged_at', t.text)
      .addColumn('response', t.text)
      .execute();
    await db.schema.createIndex('feedback_employee_created').on('feedback').columns(['employee_id', 'created_at']).execute();

    await db.schema
      .createTable('internship_openings')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('unit_id', t.text, (c) => c.notNull().references('units.id'))
      .addColumn('description', t.text, (c) => c.notNull())
      .addColumn('skills', t.json, (c) => c.notNull().defaultTo('[]'))
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('starts_on', t.text, (c) => c.notNull())
      .addColumn('ends_on', t.text, (c) => c.notNull())
      .addColumn('apply_by', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('partner_ids', t.json, (c) => c.notNull().defaultTo('[]'))
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('request_hash', t.text, (c) => c.notNull())
      .addColumn('state', t.text, (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('response_body', t.text)
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('expires_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('idempotency_keys_expires').on('idempotency_keys').column('expires_at').execute();

    // A seq is never reused, so a Last-Event-ID stays valid: SQLite's `integer primary key autoincrement`,
    // PostgreSQL's bigint identity.
    await db.schema
      .createTable('events')
      .addColumn('seq', t.postgres ? 'bigint' : 'integer', (c) =>
        t.postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
      )
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('topic', t.text, (c) => c.notNull())
      .addColumn('payload', t.json, (c) => c.notNull())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_topic_seq').on('events').columns(['topic', 'seq']).execute();
  },

  async down(db: Kysely<any>) {
    for (const table of [
      'events', 'idempotency_keys', 'internship_openings', 'feedback', 'check_ins', 'goals', 'learning_records',
      'enrollments', 'programs', 'agreements', 'partners', 'employees', 'units',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
