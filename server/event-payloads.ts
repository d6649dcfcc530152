// What an event carries so subscribers apply it without a read (src/contract/events.ts): computed once, inside
// the write's transaction, whatever the number of subscribers.
import type { Kysely } from 'kysely';
import type { ProgressSummary } from '../src/contract/index.js';
import type { DB } from './db/database.js';
import { computeProgress } from './routes/progress.js';

/** The summary of `year` as the transaction leaves it. */
export const progressAfter = (trx: Kysely<DB>, employeeId: string, year: number): Promise<ProgressSummary> =>
  computeProgress(trx, employeeId, year);

/** The recipient's unacknowledged feedback count as the transaction leaves it (a team row's figure). */
export async function unacknowledgedAfter(trx: Kysely<DB>, employeeId: string): Promise<number> {
  const row = await trx
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('employee_id', '=', employeeId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
