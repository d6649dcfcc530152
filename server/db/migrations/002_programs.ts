// 002: training programs in full (issue #7): sessions, enrolment window, organiser, version; enrolments with a
// waitlist, attendance and certificates; recommendations. Seat and waitlist counters live on the program row,
// so taking a seat is one conditional UPDATE (atomic in SQLite and PostgreSQL alike; docs/architecture.md,
// "Programs").
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, type DataType } from './dialect.js';

export const m002_programs: Migration = {
  async up(db: Kysely<any>) {
    const t = columnTypes(db);
    const add = (column: string, type: DataType, build?: (c: any) => any) =>
      db.schema.alterTable('programs').addColumn(column, type, build ?? ((c) => c)).execute();
    await add('description', t.text, (c) => c.notNull().defaultTo(''));
    await add('mode', t.text, (c) => c.notNull().defaultTo('classroom'));
    await add('jp_reason', t.text);
    await add('enroll_from', t.text, (c) => c.notNull().defaultTo(''));
    await add('enroll_until', t.text, (c) => c.notNull().defaultTo(''));
    await add('cancel_until', t.text, (c) => c.notNull().defaultTo(''));
    await add('attendance_threshold', 'integer');
    await add('organizer_id', t.text, (c) => c.references('employees.id'));
    /** Registered enrolments now; changed only together with an enrolment row, in one transaction. */
    await add('seats_taken', 'integer', (c) => c.notNull().defaultTo(0));
    /** Last waitlist ticket handed out: a waitlisted enrolment's order is its ticket. */
    await add('waitlist_seq', 'integer', (c) => c.notNull().defaultTo(0));
    await add('version', 'integer', (c) => c.notNull().defaultTo(1));
    await add('created_at', t.text, (c) => c.notNull().defaultTo(''));
    await add('updated_at', t.text, (c) => c.notNull().defaultTo(''));
    // Programs of release 1 had one time span: it becomes their single session.
    await sql`update programs set enroll_from = starts_at, enroll_until = starts_at, cancel_until = starts_at,
      created_at = starts_at, updated_at = starts_at where enroll_from = ''`.execute(db);

    await db.schema
      .createTable('program_sessions')
      .addColumn('program_id', t.text, (c) => c.notNull().references('programs.id'))
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('starts_at', t.text, (c) => c.notNull())
      .addColumn('ends_at', t.text, (c) => c.notNull())
      .addColumn('location', t.text)
      .addColumn('online_url', t.text)
      .addPrimaryKeyConstraint('program_sessions_pk', ['program_id', 'n'])
      .execute();
    await sql`insert into program_sessions (program_id, n, starts_at, ends_at, location, online_url)
      select id, 1, starts_at, ends_at, location, online_url from programs`.execute(db);
    await db.schema.createIndex('program_sessions_starts').on('program_sessions').columns(['starts_at']).execute();

    // Enrolments: rebuilt, because release 1's unique (program, employee) would forbid enrolling again after a
    // cancellation. Its rows (sandbox seed only: no route wrote them) are carried over.
    await db.schema.alterTable('enrollments').renameTo('enrollments_v1').execute();
    // PostgreSQL keeps the old primary key's index name, which the new table's would collide with.
    if (t.postgres) await sql`alter index enrollments_pkey rename to enrollments_v1_pkey`.execute(db);
    await db.schema
      .createTable('enrollments')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('program_id', t.text, (c) => c.notNull().references('programs.id'))
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('status', t.text, (c) => c.notNull())
      /** The waitlist ticket (programs.waitlist_seq at the time); null once registered. */
      .addColumn('waitlist_ticket', 'integer')
      .addColumn('certificate_number', t.text, (c) => c.unique())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('updated_at', t.text, (c) => c.notNull())
      .addColumn('cancelled_at', t.text)
      .addColumn('completed_at', t.text)
      .execute();
    await sql`insert into enrollments (id, program_id, employee_id, status, created_at, updated_at, completed_at)
      select id, program_id, employee_id, status, created_at, created_at, completed_at from enrollments_v1`.execute(db);
    await db.schema.dropTable('enrollments_v1').execute();
    // One active enrolment per employee and program: the database refuses a second, whatever the race.
    await sql`create unique index enrollments_active on enrollments (program_id, employee_id) where status <> 'cancelled'`.execute(db);
    await db.schema.createIndex('enrollments_program_status').on('enrollments').columns(['program_id', 'status', 'waitlist_ticket']).execute();
    await db.schema.createIndex('enrollments_employee').on('enrollments').columns(['employee_id', 'created_at']).execute();
    await sql`update programs set seats_taken = (select count(*) from enrollments e where e.program_id = programs.id and e.status = 'registered')`.execute(db);

    await db.schema
      .createTable('attendance')
      .addColumn('program_id', t.text, (c) => c.notNull().references('programs.id'))
      .addColumn('session_n', 'integer', (c) => c.notNull())
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addPrimaryKeyConstraint('attendance_pk', ['program_id', 'session_n', 'employee_id'])
      .execute();

    // A completion's learning record points to its enrolment; unique, so no enrolment is ever credited twice.
    await db.schema.alterTable('learning_records').addColumn('enrollment_id', t.text, (c) => c.references('enrollments.id')).execute();
    await sql`create unique index learning_records_enrollment on learning_records (enrollment_id) where enrollment_id is not null`.execute(db);

    await db.schema
      .createTable('recommendations')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('employee_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('program_id', t.text, (c) => c.notNull().references('programs.id'))
      .addColumn('author_id', t.text, (c) => c.notNull().references('employees.id'))
      .addColumn('note', t.text)
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addUniqueConstraint('recommendations_once', ['employee_id', 'program_id', 'author_id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['recommendations', 'attendance', 'program_sessions']) await db.schema.dropTable(table).ifExists().execute();
  },
};
