// Server events: rows in `events` (written in the same transaction as the data they describe) plus an
// in-process index of subscribers by topic for live delivery. The seq is the SSE `id:`; a client resumes with Last-Event-ID.
import type { Kysely } from 'kysely';
import { topicFor, type EventType, type ServerEvent } from '../src/contract/index.js';
import type { DB, Database } from './db/database.js';
import { announce, listenForEvents, lockEventOrder, type EventBus } from './event-bus.js';
import { deferUntilCommit } from './request-scope.js';

export type EventDraft = Omit<ServerEvent, 'id' | 'topic'>;

/** The topics an event about `employeeId` goes to: the employee's own, and their supervisor's team. */
export const topicsFor = (employeeId: string, supervisorId: string | null): string[] =>
  supervisorId ? [topicFor.employee(employeeId), topicFor.team(supervisorId)] : [topicFor.employee(employeeId)];

export class EventHub {
  /** topic → the listeners of the streams subscribed to it. */
  private readonly byTopic = new Map<string, Set<(event: ServerEvent) => void>>();
  private subscriptions = 0;
  /** Set on PostgreSQL: live events come from LISTEN/NOTIFY (server/event-bus.ts), this process's own included. */
  private bus: EventBus | null = null;

  constructor(private readonly db: Database) {}

  /**
   * Several instances on one PostgreSQL database: from now on every instance's events, this one's too, are
   * delivered through the database's notifications, in commit order.
   */
  async distribute(databaseUrl: string): Promise<void> {
    this.bus = await listenForEvents(databaseUrl, this.db, (events) => this.emit(events));
  }

  async close(): Promise<void> {
    await this.bus?.close();
    this.bus = null;
  }

  /** Inserts one row per (draft, topic) inside `trx`. Call `notify` with the result after the commit. */
  async write(trx: Kysely<DB>, drafts: EventDraft[], topics: string[]): Promise<ServerEvent[]> {
    const out: ServerEvent[] = [];
    if (drafts.length === 0 || topics.length === 0) return out;
    if (this.bus) await lockEventOrder(trx);
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
    if (this.bus) await announce(trx, Number(out[0].id), Number(out[out.length - 1].id));
    return out;
  }

  /** Live delivery. Inside a request transaction (server/request-scope.ts) only once it commits, never on a rollback. */
  notify(events: ServerEvent[]): void {
    // Distributed: the notification brings them back to this instance too, in commit order with everyone's.
    if (this.bus) return;
    if (events.length === 0 || deferUntilCommit(() => this.emit(events))) return;
    this.emit(events);
  }

  private emit(events: ServerEvent[]): void {
    for (const event of events) {
      // Only the streams of the event's topic: with thousands open, a broadcast to all would cost each event
      // one call per stream (npm run load).
      const listeners = this.byTopic.get(event.topic);
      if (listeners) for (const listener of [...listeners]) listener(event);
    }
  }

  /** Live events on any of `topics`; returns the unsubscribe function. */
  subscribe(topics: ReadonlySet<string>, listener: (event: ServerEvent) => void): () => void {
    const entry = (event: ServerEvent) => listener(event);
    for (const topic of topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(entry);
    }
    this.subscriptions++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscriptions--;
      for (const topic of topics) {
        const set = this.byTopic.get(topic);
        set?.delete(entry);
        if (set?.size === 0) this.byTopic.delete(topic);
      }
    };
  }

  /** Open subscriptions (streams). */
  listenerCount(): number {
    return this.subscriptions;
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
