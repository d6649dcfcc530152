// GET /v1/me and GET /v1/employees/{id}
import type { Hono } from 'hono';
import { getEmployee, getMe } from '../../src/contract/index.js';
import { assertCanRead, resolveRef } from '../auth.js';
import { bind } from '../bind.js';
import { findEmployee, toEmployee, toMe } from '../db/employees.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { ApiProblem } from '../problem.js';

export function registerEmployees(app: Hono<AppEnv>, deps: AppDeps): void {
  bind(app, deps, getMe, async ({ caller }) => {
    const row = await findEmployee(deps.db, caller.id);
    if (!row) throw new ApiProblem('unauthorized', 'The token names no current employee');
    return { body: toMe(row) };
  });

  bind(app, deps, getEmployee, async ({ caller, params }) => {
    const id = resolveRef(caller, params.id);
    await assertCanRead(deps.db, caller, id);
    const row = await findEmployee(deps.db, id);
    if (!row) throw new ApiProblem('notFound', `No employee ${id}`);
    return { body: toEmployee(row) };
  });
}
