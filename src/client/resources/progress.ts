import { getProgress } from '../../contract/routes.js';
import type { Client, EmployeeRef, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function progressResource(ctx: ResourceContext): Client['progress'] {
  return {
    async get(employee: EmployeeRef, query: { year?: number } = {}, options: ReadOptions = {}) {
      const summary = await ctx.call(getProgress, { params: { id: employee }, query }, { ...options, tags: [tag('progress', employee)] });
      if (employee === 'me') ctx.learnSelf(summary.employeeId);
      return summary;
    },
  };
}
