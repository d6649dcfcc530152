// Live events across several instances on one PostgreSQL database, with no broker of our own
// (docs/architecture.md, "Several instances"):
//  - the events table stays the log: a client resumes with Last-Event-ID against any instance;
//  - a transaction that writes events takes one advisory lock first, so seqs are handed out in commit order (an
//    instance that has delivered seq 12 can never later see a committed 11, neither live nor on a resume);
//  - it sends `NOTIFY asn_events, '<first>-<last>'` inside the transaction: PostgreSQL delivers it at commit, in
//    commit order, to every listening instance, and drops it on a rollback;
//  - each instance LISTENs on one connection of its own and reads the announced rows once (one read per write and
//    instance, whatever the number of subscribers), then hands them to its local subscribers.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { ServerEvent } from '../src/contract/index.js';
import type { DB, Database } from './db/database.js';

export const EVENTS_CHANNEL = 'asn_events';
/** Arbitrary, fixed: the advisory lock key that orders event writers (two int4s are also allowed; one bigint here). */
const EVENT_WRITER_LOCK = 727_100_009;

/** Inside the writing transaction, before its events get their seqs. */
export async function lockEventOrder(trx: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${EVENT_WRITER_LOCK})`.execute(trx);
}

/** Inside the writing transaction, after the inserts: delivered at commit. */
export async function announce(trx: Kysely<DB>, first: number, last: number): Promise<void> {
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${`${first}-${last}`})`.execute(trx);
}

export interface EventBus {
  close(): Promise<void>;
}

/**
 * Listens for announcements and emits the announced events in seq order. Reconnects after a lost connection and
 * then reads what was written meanwhile (from the last seq it emitted), so a database restart loses nothing live.
 */
export async function listenForEvents(
  databaseUrl: string,
  db: Database,
  emit: (events: ServerEvent[]) => void,
  options: { onError?: (error: unknown) => void } = {},
): Promise<EventBus> {
  let client: pg.Client | null = null;
  let closed = false;
  let lastSeq = 0;
  let chain = Promise.resolve();
  const onError = options.onError ?? ((error: unknown) => console.error('Event listener:', error));

  const row = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('latest')).executeTakeFirst();
  lastSeq = Number(row?.latest ?? 0);

  /** Everything after lastSeq up to `upTo` (inclusive; Infinity: all there is), in order. */
  const readUpTo = async (upTo: number) => {
    for (;;) {
      let q = db.selectFrom('events').select(['seq', 'payload']).where('seq', '>', lastSeq).orderBy('seq', 'asc').limit(1000);
      if (Number.isFinite(upTo)) q = q.where('seq', '<=', upTo);
      const rows = await q.execute();
      if (rows.length === 0) return;
      const events = rows.map((r) => ({ id: String(r.seq), ...(JSON.parse(r.payload) as Omit<ServerEvent, 'id'>) }) as ServerEvent);
      lastSeq = Number(rows[rows.length - 1].seq);
      emit(events);
      if (rows.length < 1000) return;
    }
  };
  // One read at a time, in arrival order (= commit order).
  const enqueue = (upTo: number) => {
    chain = chain.then(() => readUpTo(upTo)).catch(onError);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL) return;
      const last = Number(message.payload?.split('-')[1]);
      enqueue(Number.isFinite(last) ? last : Infinity);
    });
    next.on('error', (error) => {
      onError(error);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`listen ${EVENTS_CHANNEL}`);
    client = next;
    // Whatever committed while we were not listening.
    enqueue(Infinity);
  };
  const reconnect = (lost: pg.Client) => {
    if (closed || client !== lost) return;
    client = null;
    const retry = () => {
      if (closed) return;
      connect().catch((error: unknown) => {
        onError(error);
        setTimeout(retry, 1000).unref();
      });
    };
    setTimeout(retry, 200).unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
      await chain;
    },
  };
}
