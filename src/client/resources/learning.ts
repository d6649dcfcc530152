import { createLearningRecord, listLearningRecords } from '../../contract/routes.js';
import type { LearningRecordCreate } from '../../contract/index.js';
import { paginate } from '../pagination.js';
import type { Client, EmployeeRef, MutationOptions, ReadOptions } from '../types.js';
import { tag, writeThrough, type ResourceContext } from './shared.js';

type ListQuery = { year?: number; limit?: number; cursor?: string };

export function learningResource(ctx: ResourceContext): Client['learning'] {
  const list = (employee: EmployeeRef, query: ListQuery = {}, options: ReadOptions = {}) =>
    ctx.call(listLearningRecords, { params: { id: employee }, query }, { ...options, tags: [tag('learning', employee)] });
  return {
    list,
    all(employee: EmployeeRef, query: Omit<ListQuery, 'cursor'> = {}) {
      return paginate((cursor) => list(employee, cursor === undefined ? query : { ...query, cursor }));
    },
    create: (employee: EmployeeRef, body: LearningRecordCreate, options: MutationOptions = {}) =>
      writeThrough(ctx, createLearningRecord, employee, () => ctx.call(createLearningRecord, { params: { id: employee }, body }, options)),
  };
}
