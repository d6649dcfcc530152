import { getEmployee } from '../../contract/routes.js';
import type { Client, EmployeeRef, ReadOptions } from '../types.js';
import { tag, type ResourceContext } from './shared.js';

export function employeesResource(ctx: ResourceContext): Client['employees'] {
  return {
    get(id: EmployeeRef, options: ReadOptions = {}) {
      return ctx.call(getEmployee, { params: { id } }, { ...options, tags: [tag('employees', id)] });
    },
  };
}
