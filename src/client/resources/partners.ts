import {
  createAgreement,
  createPartner,
  createPartnerKey,
  getPartner,
  listPartnerKeys,
  listPartners,
  revokeKey,
  updateAgreement,
  updatePartner,
} from '../../contract/partnership-routes.js';
import type { RouteDef } from '../../contract/index.js';
import { paginate } from '../pagination.js';
import type { Client, ReadOptions } from '../types.js';
import { writeThrough, type ResourceContext } from './shared.js';

/**
 * The partner directory and, for admins, agreements and publishable keys. Reads are tagged `partners:list`,
 * `partners:<id>` and `keys:<partnerId>`; a partner or agreement write drops `partners:*`, a key write `keys:*`.
 * Admin writes are never queued offline.
 */
export function partnersResource(ctx: ResourceContext): Client['partners'] {
  const list: Client['partners']['list'] = (query = {}, options = {}) =>
    ctx.call(listPartners, { query }, { ...options, tags: ['partners:list'] });
  const write = <T>(route: RouteDef, send: () => Promise<T>) => writeThrough(ctx, route, null, send);

  return {
    list,
    all: (query = {}) => paginate((cursor) => list(cursor === undefined ? query : { ...query, cursor })),
    get: (partnerId, options: ReadOptions = {}) =>
      ctx.call(getPartner, { params: { id: partnerId } }, { ...options, tags: [`partners:${partnerId}`] }),
    create: (body, options = {}) => write(createPartner, () => ctx.call(createPartner, { body }, options)),
    update: (partnerId, body, options = {}) =>
      write(updatePartner, () => ctx.call(updatePartner, { params: { id: partnerId }, body }, options)),
    agreements: {
      create: (partnerId, body, options = {}) =>
        write(createAgreement, () => ctx.call(createAgreement, { params: { id: partnerId }, body }, options)),
      update: (agreementId, body, options = {}) =>
        write(updateAgreement, () => ctx.call(updateAgreement, { params: { id: agreementId }, body }, options)),
    },
    keys: {
      list: (partnerId, options: ReadOptions = {}) =>
        ctx.call(listPartnerKeys, { params: { id: partnerId } }, { ...options, tags: [`keys:${partnerId}`] }),
      create: (partnerId, body, options = {}) =>
        write(createPartnerKey, () => ctx.call(createPartnerKey, { params: { id: partnerId }, body }, options)),
      revoke: (keyId, options = {}) => write(revokeKey, () => ctx.call(revokeKey, { params: { id: keyId }, body: {} }, options)),
    },
  };
}
