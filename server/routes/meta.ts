// GET /healthz and GET /v1/openapi.json
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { getHealth, getOpenApi } from '../../src/contract/index.js';
import { buildOpenApi } from '../../src/contract/openapi.js';
import { bind } from '../bind.js';
import type { AppDeps, AppEnv } from '../deps.js';
import { ApiProblem } from '../problem.js';

export function registerMeta(app: Hono<AppEnv>, deps: AppDeps): void {
  bind(app, deps, getHealth, async () => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw new ApiProblem('unavailable', 'The database is not reachable');
    }
    return { body: { status: 'ok' as const, version: deps.config.version, sandbox: deps.config.sandbox } };
  });

  let doc: Record<string, unknown> | undefined;
  bind(app, deps, getOpenApi, async () => ({ body: (doc ??= buildOpenApi(deps.config.version)) }));
}
