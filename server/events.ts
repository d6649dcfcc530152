// Server events: rows in `events` (written in the same transaction as the data they describe) plus an
// in-process emitter for live delivery. The seq is the SSE `id:`; a client resumes with Last-Event-ID.
import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import { topicFor, type EventType, type ServerEvent } from '../src/contract/index.js';
import type { DB, Database } from './db/database.js';
import { deferUntilCommit } from './request-scope.js';

export type EventDraft = Omit<ServerEvent, 'id' | 'topic'>;

/** The topics an event about `employeeId` goes to: the employee's own, and their supervisor's team. */
export const topicsFor = (employeeId: string, supervisorId: string | null): string[] =>
  supervisorId ? [topicFor.employee(employeeId), topicFor.team(supervisorId)] : [topicFor.employee(employeeId)];

export class EventHub {
  private readonly emitter = new EventEmitter();

  constructor(private readonly db: Database) {
    this.emitter.setMaxListeners(0);
  }

  /** Inserts one row per (draft, topic) inside `trx`. Call `notify` with the result after the commit. */
  async write(trx: Kysely<DB>, drafts: EventDraft[], topics: string[]): Promise<ServerEvent[]> {
    const out: ServerEvent[] = [];
    for (const draft of drafts) {
      for (const topic of topics) {
        const payload = { ...draft, topic };
        const row = await trx
          .insertInto('events')
          .values({ type: draft.type, topic, payload: JSON.stringify(payload), created_at: draft.occurredAt })
          .returning('seq')
          .executeTakeFirstOrThrow();
        out.push({ id: String(row.seq), ...payload } as ServerEvent);
      }
    }
    return out;
  }

  /** Live delivery. Inside a request transaction (server/request-scope.ts) only once it commits, never on a rollback. */
  notify(events: ServerEvent[]): void {
    if (events.length === 0 || deferUntilCommit(() => this.emit(events))) return;
    this.emit(events);
  }

  private emit(events: ServerEvent[]): void {
    for (const event of events) this.emitter.emit('event', event);
  }

  /** Live events on any of `topics`; returns the unsubscribe function. */
  subscribe(topics: ReadonlySet<string>, listener: (event: ServerEvent) => void): () => void {
    const onEvent = (event: ServerEvent) => {
      if (topics.has(event.topic)) listener(event);
    };
    this.emitter.on('event', onEvent);
    return () => this.emitter.off('event', onEvent);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('event');
  }

  /**
   * The oldest and newest stored seq (null, 0 when there are none): a Last-Event-ID outside them cannot be
   * resumed (ahead: a reseed, restore or another database; behind the oldest: pruned) and earns a reset.
   */
  async range(): Promise<{ oldest: number | null; latest: number }> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => [eb.fn.min('seq').as('oldest'), eb.fn.max('seq').as('latest')])
      .executeTakeFirst();
    const oldest = row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest);
    return { oldest, latest: row?.latest === null || row?.latest === undefined ? 0 : Number(row.latest) };
  }

  /** Stored events after `seq` on `topics`, oldest first (at most `limit`). */
  async since(seq: number, topics: string[], limit = 1000): Promise<ServerEvent[]> {
    if (topics.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .select(['seq', 'payload'])
      .where('seq', '>', seq)
      .where('topic', 'in', topics)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: String(r.seq), ...(JSON.parse(r.payload) as Omit<ServerEvent, 'id'>) }));
  }
}

export type { EventType, ServerEvent };
