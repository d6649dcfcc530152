// 001: every table of the first release. Later migrations extend these, they do not rewrite them.
import { sql, type Kysely, type Migration } from 'kysely';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const m001_initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('employees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('nip', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('employment_type', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('supervisor_id', 'text', (c) => c.references('employees.id'))
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
      .execute();
    await db.schema.createIndex('employees_supervisor').on('employees').column('supervisor_id').execute();
    await db.schema.createIndex('employees_unit').on('employees').column('unit_id').execute();

    await db.schema
      .createTable('partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('website', 'text')
      .execute();

    await db.schema
      .createTable('agreements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agreements_partner').on('agreements').column('partner_id').execute();

    await db.schema
      .createTable('programs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('competency', 'text', (c) => c.notNull())
      .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('online_url', 'text')
      .addColumn('jp', 'real', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('enrollments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addUniqueConstraint('enrollments_program_employee', ['program_id', 'employee_id'])
      .execute();

    await db.schema
      .createTable('learning_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('competency', 'text', (c) => c.notNull())
      .addColumn('jp', 'real', (c) => c.notNull())
      .addColumn('completed_at', 'text', (c) => c.notNull())
      .addColumn('program_id', 'text', (c) => c.references('programs.id'))
      .addColumn('evidence_url', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('learning_records_employee_completed')
      .on('learning_records')
      .columns(['employee_id', 'completed_at', 'id'])
      .execute();

    await db.schema
      .createTable('goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('competency', 'text', (c) => c.notNull())
      .addColumn('measure_unit', 'text', (c) => c.notNull())
      .addColumn('measure_target', 'real', (c) => c.notNull())
      .addColumn('measure_current', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('aligned_goal_id', 'text', (c) => c.references('goals.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('goals_employee_year').on('goals').columns(['employee_id', 'year']).execute();

    await db.schema
      .createTable('check_ins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id'))
      .addColumn('value', 'real', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('check_ins_goal').on('check_ins').columns(['goal_id', 'created_at']).execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('employees.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('rating', 'text')
      .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('response', 'text')
      .execute();
    await db.schema.createIndex('feedback_employee_created').on('feedback').columns(['employee_id', 'created_at']).execute();

    await db.schema
      .createTable('internship_openings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('quota', 'integer', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('apply_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('partner_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('idempotency_keys_expires').on('idempotency_keys').column('expires_at').execute();

    // SQLite-specific: `integer primary key autoincrement` never reuses a seq, so Last-Event-ID stays valid.
    await db.schema
      .createTable('events')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
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
