import { cancelEnrollment, createEnrollment, listEmployeeEnrollments } from '../../contract/program-routes.js';
import { paginate } from '../pagination.js';
import type { Client, EmployeeRef, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

/** Enrolling and cancelling are outbox routes: offline, they wait and are sent once (same Idempotency-Key). */
export function enrollmentsResource(ctx: ResourceContext): Client['enrollments'] {
  ctx.registerQueueable([createEnrollment, cancelEnrollment]);
  const list: Client['enrollments']['list'] = (employee: EmployeeRef, query = {}, options: ReadOptions = {}) =>
    ctx.call(listEmployeeEnrollments, { params: { id: employee }, query }, { ...options, tags: [tag('enrollments', employee)] });
  return {
    list,
    all: (employee, query = {}) => paginate((cursor) => list(employee, cursor === undefined ? query : { ...query, cursor })),
    create: (programId, body = {}, options) => ctx.mutate(createEnrollment, { params: { id: programId }, body }, options),
    cancel: (enrollmentId, options) => ctx.mutate(cancelEnrollment, { params: { id: enrollmentId }, body: {} }, options),
  };
}
