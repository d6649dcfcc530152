// POST /v1/sandbox/tokens and GET /v1/sandbox/users — sandbox mode only (the binder refuses them otherwise).
import type { Hono } from 'hono';
import { createSandboxToken, listSandboxUsers } from '../../src/contract/index.js';
import { signToken } from '../auth.js';
import { bind } from '../bind.js';
import { employeeQuery, findEmployee, pickEmployeeForRole, roleOfRow, toMe } from '../db/employees.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../pagination.js';
import { ApiProblem } from '../problem.js';

export function registerSandbox(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;

  bind(app, deps, createSandboxToken, async ({ body }) => {
    let row;
    if (body.employeeId) {
      row = await findEmployee(db, body.employeeId);
      if (!row) throw new ApiProblem('notFound', `No seeded employee ${body.employeeId}`);
    } else {
      const role = body.role ?? 'employee';
      row = await pickEmployeeForRole(db, role);
      if (!row) throw new ApiProblem('notFound', `No seeded employee with the role ${role}`);
    }
    const me = toMe(row);
    const { token, expiresAt } = await signToken(deps.config.jwtSecret, me.id, roleOfRow(row));
    return { status: 201, body: { token, expiresAt, employee: me } };
  });

  bind(app, deps, listSandboxUsers, async ({ query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = employeeQuery(db).orderBy('e.id');
    if (query.cursor) q = q.where('e.id', '>', String(decodeCursor(query.cursor, 1)[0]));
    const rows = await q.limit(limit + 1).execute();
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return { body: { data: pageRows.map(toMe), nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null } };
  });
}
