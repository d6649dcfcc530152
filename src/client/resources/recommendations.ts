import { createRecommendation } from '../../contract/program-routes.js';
import type { Client } from '../types.js';
import { writeThrough, type ResourceContext } from './shared.js';

export function recommendationsResource(ctx: ResourceContext): Client['recommendations'] {
  return {
    create: (employee, body, options = {}) =>
      writeThrough(ctx, createRecommendation, employee, () => ctx.call(createRecommendation, { params: { id: employee }, body }, options)),
  };
}
