// GET /v1/events?topics=a,b — server-sent events with resume (Last-Event-ID).
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod/mini';
import { Topic, streamEvents, topicFor, type ServerEvent, type StreamReset } from '../../src/contract/index.js';
import { assertCanRead, type Caller } from '../auth.js';
import { bind } from '../bind.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { ApiProblem, fieldProblem } from '../problem.js';

const MAX_TOPICS = 50;
const HEARTBEAT_MS = 15_000;

async function authorise(deps: AppDeps, caller: Caller, topic: string): Promise<void> {
  // The catalog (seats, status) is for every signed-in user; it carries no one's own data.
  if (topic === topicFor.programs) return;
  const [kind, id] = topic.split(':') as ['employee' | 'team', string];
  if (kind === 'employee') {
    try {
      await assertCanRead(deps.db, caller, id);
    } catch (error) {
      // An admin asking for an unknown employee still gets a 404 from assertCanRead; keep that.
      if (error instanceof ApiProblem && error.kind === 'forbidden') throw new ApiProblem('forbidden', `You may not subscribe to ${topic}`);
      throw error;
    }
    return;
  }
  if (caller.role !== 'admin' && caller.id !== id) throw new ApiProblem('forbidden', `You may not subscribe to ${topic}`);
}

/**
 * A Last-Event-ID this server cannot resume from: ahead of its newest event (a client that kept its id across a
 * reseed, a restore or a database switch would otherwise wait in silence for ever) or before the oldest one kept
 * (pruned: what was missed is gone). Read after subscribing, so a live event is never behind the id it returns.
 */
async function resetFor(deps: AppDeps, lastSeq: number): Promise<StreamReset | null> {
  const { oldest, latest } = await deps.events.range();
  const reason = lastSeq > latest ? 'ahead' : oldest !== null && lastSeq < oldest - 1 ? 'pruned' : null;
  if (!reason) return null;
  return { reason, lastEventId: String(latest), message: 'Reload your data: the events since your Last-Event-ID cannot be replayed' };
}

export function registerEvents(app: Hono<AppEnv>, deps: AppDeps): void {
  bind(app, deps, streamEvents, async ({ c, caller, query }) => {
    const topics = [...new Set(query.topics.split(',').map((t) => t.trim()).filter(Boolean))];
    if (topics.length === 0 || topics.length > MAX_TOPICS) {
      throw fieldProblem('topics', 'topics.count', `Give between 1 and ${MAX_TOPICS} topics`);
    }
    for (const topic of topics) {
      if (!z.safeParse(Topic, topic).success) throw fieldProblem('topics', 'topic.format', `"${topic.slice(0, 60)}" is not a topic (employee:emp_…, team:emp_… or programs)`);
      await authorise(deps, caller, topic);
    }
    const lastEventIdRaw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    let lastSeq: number | null = null;
    if (lastEventIdRaw !== undefined && lastEventIdRaw !== '') {
      if (!/^\d{1,15}$/.test(lastEventIdRaw)) throw fieldProblem('lastEventId', 'event_id.format', 'Last-Event-ID must be an event id from this server');
      lastSeq = Number(lastEventIdRaw);
    }

    const topicSet = new Set(topics);
    const heartbeatMs = deps.heartbeatMs ?? HEARTBEAT_MS;
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: ServerEvent[] = [];
      let wake: (() => void) | null = null;
      let closed = false;
      // Subscribe before reading the backlog so nothing falls between the two; seqs de-duplicate.
      const unsubscribe = deps.events.subscribe(topicSet, (event) => {
        queue.push(event);
        wake?.();
      });
      const heartbeat = setInterval(() => {
        void stream.write(': heartbeat\n\n').catch(() => stop()); // the client is gone, whether or not onAbort fired
      }, heartbeatMs);
      // A heartbeat never keeps the process alive by itself (a server that closed with a stream still counted open).
      heartbeat.unref?.();
      const stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        wake?.();
      };
      stream.onAbort(stop);

      let sent = lastSeq ?? 0;
      const send = async (event: ServerEvent) => {
        const seq = Number(event.id);
        if (seq <= sent) return;
        sent = seq;
        await stream.writeSSE({ id: event.id, event: event.type, data: JSON.stringify(event) });
      };
      try {
        await stream.write('retry: 3000\n\n');
        const reset = lastSeq === null ? null : await resetFor(deps, lastSeq);
        if (reset) {
          // Nothing can be replayed from that id: say so, and go on from our newest event (a valid resume id).
          sent = Number(reset.lastEventId);
          await stream.writeSSE({ id: reset.lastEventId, event: 'reset', data: JSON.stringify(reset) });
        } else if (lastSeq !== null) {
          // Everything missed since Last-Event-ID, in pages, then the live queue.
          for (;;) {
            const missed = await deps.events.since(sent, topics, 500);
            for (const event of missed) await send(event);
            if (missed.length < 500) break;
          }
        }
        while (!closed) {
          while (queue.length > 0 && !closed) await send(queue.shift()!);
          if (closed) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
      } finally {
        stop();
      }
    });
  });
}
