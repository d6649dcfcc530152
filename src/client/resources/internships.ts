import {
  createApplication,
  createChallenge,
  createInternship,
  getInternship,
  getPrivacyNotice,
  getPrivateApplication,
  listInternships,
  updateInternship,
  updatePrivateApplication,
  withdrawPrivateApplication,
} from '../../contract/partnership-routes.js';
import type { RouteDef } from '../../contract/index.js';
import { paginate } from '../pagination.js';
import type { Client, ReadOptions } from '../types.js';
import { writeThrough, type ResourceContext } from './shared.js';

/**
 * Internship openings and the student's side of applying: works with a partner's publishable key alone (a
 * university's page). Reads are tagged `internships:list` and `internships:<id>`; an application drops
 * `internships:*` (the opening's count changed). Applying is an outbox route, registered here so a page with only
 * the form replays an application queued before a reload. The review queue is `applicationsResource` (admin
 * schemas stay out of the form's bundle).
 */
export function internshipsResource(ctx: ResourceContext): Client['internships'] {
  ctx.registerQueueable([createApplication]);
  const list: Client['internships']['list'] = (query = {}, options = {}) =>
    ctx.call(listInternships, { query }, { ...options, tags: ['internships:list'] });
  const write = <T>(route: RouteDef, send: () => Promise<T>) => writeThrough(ctx, route, null, send);

  return {
    list,
    all: (query = {}) => paginate((cursor) => list(cursor === undefined ? query : { ...query, cursor })),
    get: (openingId, options: ReadOptions = {}) =>
      ctx.call(getInternship, { params: { id: openingId } }, { ...options, tags: [`internships:${openingId}`] }),
    privacyNotice: (locale, options: ReadOptions = {}) =>
      ctx.call(getPrivacyNotice, { query: locale ? { locale } : {} }, { ...options, tags: ['privacy-notice'] }),
    // A POST (never cached): each challenge is single use.
    challenge: (options = {}) => ctx.call(createChallenge, { body: {} }, options),
    apply: (openingId, body, options) => ctx.mutate(createApplication, { params: { id: openingId }, body }, options),
    create: (body, options = {}) => write(createInternship, () => ctx.call(createInternship, { body }, options)),
    update: (openingId, body, options = {}) =>
      write(updateInternship, () => ctx.call(updateInternship, { params: { id: openingId }, body }, options)),
    // The token is the only key to a student's data: kept out of the read cache, and never queued.
    privateLink: {
      get: (token, options: ReadOptions = {}) => ctx.call(getPrivateApplication, { params: { token } }, { ...options, noCache: true }),
      update: (token, body, options = {}) => ctx.call(updatePrivateApplication, { params: { token }, body }, options),
      withdraw: (token, options = {}) => ctx.call(withdrawPrivateApplication, { params: { token }, body: {} }, options),
    },
  };
}
