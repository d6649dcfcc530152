import { verifyCertificate } from '../../contract/program-routes.js';
import type { Client } from '../types.js';
import type { ResourceContext } from './shared.js';

/** Public: works without credentials (a client with only `baseUrl`). */
export function certificatesResource(ctx: ResourceContext): Client['certificates'] {
  return { verify: (number, options = {}) => ctx.call(verifyCertificate, { params: { number } }, options) };
}
