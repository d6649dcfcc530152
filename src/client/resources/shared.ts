import type { RouteDef, ResponseOf } from '../../contract/index.js';
import type { QueueableRouteId, QueueableRoutes } from '../mutations.js';
import { NetworkError, TimeoutError } from '../errors.js';
import type { CacheTag, CallInput, CallOptions, MutationOptions } from '../types.js';

/** What a resource module needs from its client. */
export interface ResourceContext {
  call<R extends RouteDef>(route: R, input: CallInput<R>, options?: CallOptions): Promise<ResponseOf<R>>;
  /** Invalidate `route.invalidates` for this employee (and the `me` variant) after a mutation. */
  invalidateAfter(route: RouteDef, employee: string | null): void;
  /**
   * Run an outbox-capable mutation: one Idempotency-Key for the logical call, cache invalidation on success (and,
   * best effort, on an unknown outcome), and, with the outbox on, queueing on NetworkError/TimeoutError (rejects
   * with `QueuedError`).
   */
  mutate<R extends QueueableRoutes[QueueableRouteId]>(
    route: R,
    input: CallInput<R> & { params: { id: string } },
    options?: MutationOptions,
  ): Promise<ResponseOf<R>>;
  /** Remember who `me` is (from a `me` read). */
  learnSelf(id: string): void;
  /** Make the outbox able to replay these routes (entries queued earlier, perhaps on another page). */
  registerQueueable(routes: readonly QueueableRoutes[QueueableRouteId][]): void;
}

export const tag = (resource: string, employee: string): CacheTag => `${resource}:${employee}`;

/**
 * A write that is never queued offline (an admin's screen should say at once that it did not go through): on
 * success, and on an unknown outcome (the request may have reached the server: stale reads are worse than a
 * refetch), drop the reads `route.invalidates` names for `employee` (null: for everyone).
 */
export async function writeThrough<T>(ctx: ResourceContext, route: RouteDef, employee: string | null, send: () => Promise<T>): Promise<T> {
  try {
    const result = await send();
    ctx.invalidateAfter(route, employee);
    return result;
  } catch (error) {
    if (error instanceof NetworkError || error instanceof TimeoutError) ctx.invalidateAfter(route, employee);
    throw error;
  }
}
