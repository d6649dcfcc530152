import { completeProgram, createProgram, getProgram, listProgramEnrollments, listPrograms, putAttendance, updateProgram } from '../../contract/program-routes.js';
import type { RouteDef } from '../../contract/index.js';
import { paginate } from '../pagination.js';
import type { Client, ReadOptions } from '../types.js';
import { writeThrough, type ResourceContext } from './shared.js';

/**
 * The catalog and, for admins and organisers, running a program. Reads are tagged `programs:list`, `programs:me`
 * (with `for: 'me'`) and `programs:<id>`; a roster `roster:<programId>`. Any enrolment change drops `programs:*`.
 */
export function programsResource(ctx: ResourceContext): Client['programs'] {
  const list: Client['programs']['list'] = (query = {}, options = {}) =>
    ctx.call(listPrograms, { query }, { ...options, tags: [query.for === 'me' ? 'programs:me' : 'programs:list'] });
  const roster: Client['programs']['roster'] = (programId, query = {}, options = {}) =>
    ctx.call(listProgramEnrollments, { params: { id: programId }, query }, { ...options, tags: [`roster:${programId}`] });

  const write = <T>(route: RouteDef, send: () => Promise<T>) => writeThrough(ctx, route, null, send);

  return {
    list,
    all: (query = {}) => paginate((cursor) => list(cursor === undefined ? query : { ...query, cursor })),
    get: (programId, options: ReadOptions = {}) =>
      ctx.call(getProgram, { params: { id: programId } }, { ...options, tags: [`programs:${programId}`] }),
    create: (body, options = {}) => write(createProgram, () => ctx.call(createProgram, { body }, options)),
    update: (programId, body, options = {}) => write(updateProgram, () => ctx.call(updateProgram, { params: { id: programId }, body }, options)),
    roster,
    rosterAll: (programId, query = {}) => paginate((cursor) => roster(programId, cursor === undefined ? query : { ...query, cursor })),
    setAttendance: (programId, session, present, options = {}) =>
      write(putAttendance, () => ctx.call(putAttendance, { params: { id: programId, n: session }, body: { present: [...present] } }, options)),
    complete: (programId, options = {}) => write(completeProgram, () => ctx.call(completeProgram, { params: { id: programId }, body: {} }, options)),
  };
}
