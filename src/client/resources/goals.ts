import { createCheckIn, createGoal, listCheckIns, listGoals, updateGoal } from '../../contract/routes.js';
import { paginate } from '../pagination.js';
import type { Client, EmployeeRef, GoalId, GoalListQuery, PageQuery, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function goalsResource(ctx: ResourceContext): Client['goals'] {
  const list = (employee: EmployeeRef, query: GoalListQuery = {}, options: ReadOptions = {}) =>
    ctx.call(listGoals, { params: { id: employee }, query }, { ...options, tags: [tag('goals', employee)] });
  const listCheckInsOf = (goalId: GoalId, query: PageQuery = {}, options: ReadOptions = {}) =>
    ctx.call(listCheckIns, { params: { id: goalId }, query }, { ...options, tags: [tag('checkins', goalId)] });
  return {
    list,
    all: (employee, query = {}) => paginate((cursor) => list(employee, cursor === undefined ? query : { ...query, cursor })),
    create: (employee, body, options) => ctx.mutate(createGoal, { params: { id: employee }, body }, options),
    update: (goalId, body, options) => ctx.mutate(updateGoal, { params: { id: goalId }, body }, options),
    checkIns: {
      list: listCheckInsOf,
      all: (goalId, query = {}) => paginate((cursor) => listCheckInsOf(goalId, cursor === undefined ? query : { ...query, cursor })),
      create: (goalId, body, options) => ctx.mutate(createCheckIn, { params: { id: goalId }, body }, options),
    },
  };
}
