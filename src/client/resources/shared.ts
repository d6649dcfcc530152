import type { RouteDef, ResponseOf } from '../../contract/index.js';
import type { CallInput, CallOptions } from '../request.js';
import type { CacheTag } from '../types.js';

/** What a resource module needs from its client. */
export interface ResourceContext {
  call<R extends RouteDef>(route: R, input: CallInput<R>, options?: CallOptions): Promise<ResponseOf<R>>;
  /** Invalidate `route.invalidates` for this employee (and the `me` variant) after a mutation. */
  invalidateAfter(route: RouteDef, employee: string): void;
  /** Remember who `me` is (from a `me` read). */
  learnSelf(id: string): void;
}

export const tag = (resource: string, employee: string): CacheTag => `${resource}:${employee}`;
