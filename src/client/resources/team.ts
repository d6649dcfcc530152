import { listTeam } from '../../contract/routes.js';
import { paginate } from '../pagination.js';
import type { Client, EmployeeRef, ReadOptions, TeamQuery } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function teamResource(ctx: ResourceContext): Client['team'] {
  const list = (supervisor: EmployeeRef, query: TeamQuery = {}, options: ReadOptions = {}) =>
    ctx.call(listTeam, { params: { id: supervisor }, query }, { ...options, tags: [tag('team', supervisor)] });
  return {
    list,
    all: (supervisor, query = {}) => paginate((cursor) => list(supervisor, cursor === undefined ? query : { ...query, cursor })),
  };
}
