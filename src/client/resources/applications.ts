import { getApplication, listApplications, transitionApplication } from '../../contract/partnership-routes.js';
import { paginate } from '../pagination.js';
import type { Client, ReadOptions } from '../types.js';
import { writeThrough, type ResourceContext } from './shared.js';

/**
 * The review queue (admin). Reads are tagged `applications:list` and `applications:<id>`; a transition, and the
 * live `application.created|updated` events of the `applications` topic, drop `applications:*` and
 * `internships:*` (accepted counts). A module of its own so the student's form does not carry these schemas.
 */
export function applicationsResource(ctx: ResourceContext): Client['applications'] {
  const list: Client['applications']['list'] = (query = {}, options = {}) =>
    ctx.call(listApplications, { query }, { ...options, tags: ['applications:list'] });
  return {
    list,
    all: (query = {}) => paginate((cursor) => list(cursor === undefined ? query : { ...query, cursor })),
    get: (applicationId, options: ReadOptions = {}) =>
      ctx.call(getApplication, { params: { id: applicationId } }, { ...options, tags: [`applications:${applicationId}`] }),
    // Never queued: a reviewer must see at once that a decision did not go through (409 stale → ConflictError).
    transition: (applicationId, body, options = {}) =>
      writeThrough(ctx, transitionApplication, null, () =>
        ctx.call(transitionApplication, { params: { id: applicationId }, body }, options),
      ),
  };
}
