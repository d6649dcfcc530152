import type { RouteDef, ResponseOf } from '../../contract/index.js';
import type { QueueableRouteId, QueueableRoutes } from '../mutations.js';
import type { CacheTag, CallInput, CallOptions, MutationOptions } from '../types.js';

/** What a resource module needs from its client. */
export interface ResourceContext {
  call<R extends RouteDef>(route: R, input: CallInput<R>, options?: CallOptions): Promise<ResponseOf<R>>;
  /** Invalidate `route.invalidates` for this employee (and the `me` variant) after a mutation. */
  invalidateAfter(route: RouteDef, employee: string): void;
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
}

export const tag = (resource: string, employee: string): CacheTag => `${resource}:${employee}`;
