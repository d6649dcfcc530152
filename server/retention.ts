// The retention jobs: erases the personal data of applications whose opening closed more than the notice's
// retention months ago (server/privacy-notice.ts), and deletes live events older than their retention days. Run hourly by main.ts and once at start; tests
// call it with a moved clock.
import type { Database } from './db/database.js';
import { erasedColumns } from './db/internships.js';
import { RETENTION_MONTHS } from './privacy-notice.js';
import { witToday } from './time.js';

/**
 * The last day the data of an opening with this `applyBy` is kept: `applyBy` + `months` calendar months, a day
 * that month does not have (31 March + 1 month) being its last day. An opening closes at the end of its `applyBy`.
 */
export function keptUntil(applyBy: string, months = RETENTION_MONTHS): string {
  const [y, m, d] = applyBy.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * Erases (nulls) the personal columns of every application not yet erased whose opening is past retention on the
 * WIT day of `now`; the reference, opening, partner, status and consent record stay. Returns how many.
 */
export async function runRetention(db: Database, now: Date): Promise<number> {
  const today = witToday(now);
  // Openings are few (tens a year); the date arithmetic stays in one place, the same on every database.
  const openings = await db.selectFrom('internship_openings').select(['id', 'apply_by']).execute();
  const past = openings.filter((o) => keptUntil(o.apply_by) < today).map((o) => o.id);
  if (past.length === 0) return 0;
  const at = now.toISOString();
  let erased = 0;
  for (let i = 0; i < past.length; i += 500) {
    const result = await db
      .updateTable('internship_applications')
      .set((eb) => ({ ...erasedColumns, erased_at: at, updated_at: at, version: eb('version', '+', 1) }))
      .where('erased_at', 'is', null)
      .where('opening_id', 'in', past.slice(i, i + 500))
      .executeTakeFirst();
    erased += Number(result.numUpdatedRows);
  }
  return erased;
}

/** How long live events are kept (`ASN_EVENTS_RETENTION_DAYS`): a client away longer gets a reset and reloads. */
export const EVENTS_RETENTION_DAYS = 30;

/**
 * Deletes events older than `days` (docs/scaling.md): the table is a resume log, not an archive, and its payloads
 * repeat feedback and goals that must not outlive their purpose there. A `Last-Event-ID` older than what is kept
 * gets `event: reset` (server/routes/events.ts). Batched, so a first run on a large table does not hold one long lock.
 */
export async function pruneEvents(db: Database, now: Date, days = EVENTS_RETENTION_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deleted = 0;
  for (;;) {
    const batch = await db.selectFrom('events').select('seq').where('created_at', '<', before).orderBy('seq').limit(5000).execute();
    if (batch.length === 0) return deleted;
    const result = await db.deleteFrom('events').where('seq', '<=', batch[batch.length - 1].seq).where('created_at', '<', before).executeTakeFirst();
    deleted += Number(result.numDeletedRows);
    if (batch.length < 5000) return deleted;
  }
}

/** Hourly, and once now; the timer never keeps the process alive. Returns the function that stops it. */
export function scheduleRetention(
  db: Database,
  clock: () => number = Date.now,
  everyMs = 60 * 60_000,
  eventsRetentionDays = EVENTS_RETENTION_DAYS,
): () => void {
  const run = () => {
    void runRetention(db, new Date(clock())).then(
      (n) => {
        if (n > 0) console.log(`Retention: erased the personal data of ${n} application(s) past ${RETENTION_MONTHS} months.`);
      },
      (error: unknown) => console.error('Retention failed:', error),
    );
    void pruneEvents(db, new Date(clock()), eventsRetentionDays).catch((error: unknown) => console.error('Pruning events failed:', error));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
