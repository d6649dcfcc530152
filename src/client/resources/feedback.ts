import { acknowledgeFeedback, createFeedback, listFeedback } from '../../contract/routes.js';
import { paginate } from '../pagination.js';
import type { Client, EmployeeRef, PageQuery, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function feedbackResource(ctx: ResourceContext): Client['feedback'] {
  const list = (employee: EmployeeRef, query: PageQuery = {}, options: ReadOptions = {}) =>
    ctx.call(listFeedback, { params: { id: employee }, query }, { ...options, tags: [tag('feedback', employee)] });
  return {
    list,
    all: (employee, query = {}) => paginate((cursor) => list(employee, cursor === undefined ? query : { ...query, cursor })),
    create: (employee, body, options) => ctx.mutate(createFeedback, { params: { id: employee }, body }, options),
    acknowledge: (feedbackId, body = {}, options) => ctx.mutate(acknowledgeFeedback, { params: { id: feedbackId }, body }, options),
  };
}
