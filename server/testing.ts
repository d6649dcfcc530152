// An in-process sandbox server for tests: random port, in-memory database, a request log and fault
// injection that exist only in this process (nothing of it is reachable over HTTP).
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serveApp } from './http-errors.js';
import { Role, type Me } from '../src/contract/index.js';
import { signToken } from './auth.js';
import { createApp } from './app.js';
import { defaultVersion, type Config } from './config.js';
import { findEmployee, pickEmployeeForRole, toMe } from './db/employees.js';
import { migrateToLatest } from './db/migrate.js';
import { openTestDatabase } from './db/test-database.js';
import { ensureSandboxKeys, sandboxKeyFor, seedDatabase } from './db/seed.js';
import type { AppDeps } from './deps.js';
import { EventHub } from './events.js';
import { IdempotencyStore } from './idempotency.js';
import { kindForStatus, problemResponse } from './problem.js';
import { OIDC_DEFAULTS } from './oidc.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './rate-limit.js';
import { startTestIdentityProvider, type TestIdentityProvider } from './test-idp.js';

const TEST_CALLER_LIMITS = { userRead: 1_000_000, userWrite: 1_000_000, anonymous: 1_000_000, authFailure: 1_000_000 };

export interface StartServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * SQLite file; `':memory:'` by default. An existing file is used as is (seeded only when empty). With
   * ASN_TEST_DATABASE_URL, a PostgreSQL database stands for the file (server/db/test-database.ts).
   */
  dbPath?: string;
  /** Sandbox mode (tokens for seeded users); true by default. */
  sandbox?: boolean;
  /**
   * The identity provider to trust (server/oidc.ts). Without it, a server with sandbox mode off trusts a built-in
   * test provider (server/test-idp.ts) whose tokens `tokenFor` signs, as a real server trusts the portal's.
   */
  jwks?: {
    url: string;
    issuer: string;
    audience: string | string[];
    employeeClaim?: string;
    clockToleranceS?: number;
    /** Least time between refetches on an unknown kid; jose's 30 s by default, 0 to see a rotation at once. */
    cooldownMs?: number;
    cacheMaxAgeMs?: number;
  };
  seedEmployees?: number;
  quiet?: boolean;
  /** Event-stream heartbeat, 15 s by default. */
  heartbeatMs?: number;
  /** Points per minute of rate-limit buckets (low ones to show a 429); the defaults otherwise. */
  rateLimits?: Partial<RateLimitConfig>;
  /** Proxies trusted in front of the server (X-Forwarded-For), 0 by default. */
  trustedProxyHops?: number;
  /** The least time from challenge to application (server/challenge.ts); 0 by default in tests, 3000 in the server. */
  altchaMinFillMs?: number;
}

export interface Fault {
  method: string;
  path: string | RegExp;
  status: number;
  times: number;
  retryAfter?: number;
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
  requestLog: Array<{ method: string; path: string; status: number }>;
  faults: { add(f: Fault): void; clear(): void };
  /**
   * A bearer token for a seeded employee (or the first of a role): an HS256 sandbox token in sandbox mode, else an
   * access token of the built-in test identity provider (with `jwks` of your own: not available).
   */
  tokenFor(employeeIdOrRole: string): Promise<{ token: string; employee: Me }>;
  /**
   * The seeded test key `pk_test_…` of a partner, allowed for http://localhost:* and http://127.0.0.1:*. Seeded on
   * every test server, also with sandbox mode off, so a test can show that such a server refuses it.
   */
  publishableKey(partnerId: string): string;
  /** Moves the server's clock (`deps.clock`) to `ms` since the epoch; `null` gives it back to `Date.now`. */
  setNow(ms: number | null): void;
  /** For white-box assertions in server tests. */
  deps: AppDeps;
}

export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const sandbox = options.sandbox ?? true;
  // A server with sandbox mode off needs an identity provider (config.ts refuses to start without one).
  const idp: TestIdentityProvider | null = !sandbox && !options.jwks ? await startTestIdentityProvider() : null;
  const jwks = options.jwks ?? (idp ? { url: idp.jwksUrl, issuer: idp.issuer, audience: idp.audience } : undefined);
  const config: Config = {
    port: options.port ?? 0,
    host: '127.0.0.1',
    dataDir: '.data',
    sandbox,
    jwtSecret: randomBytes(32).toString('base64url'),
    oidc: jwks
      ? {
          jwksUrl: jwks.url,
          issuer: jwks.issuer,
          audience: typeof jwks.audience === 'string' ? [jwks.audience] : jwks.audience,
          employeeClaim: jwks.employeeClaim ?? OIDC_DEFAULTS.employeeClaim,
          clockToleranceS: jwks.clockToleranceS ?? OIDC_DEFAULTS.clockToleranceS,
          cooldownMs: jwks.cooldownMs ?? OIDC_DEFAULTS.cooldownMs,
          cacheMaxAgeMs: jwks.cacheMaxAgeMs ?? OIDC_DEFAULTS.cacheMaxAgeMs,
          timeoutMs: OIDC_DEFAULTS.timeoutMs,
        }
      : null,
    corsOrigins: [],
    validateResponses: true,
    version: defaultVersion(),
    // The limits of every signed-in or anonymous caller are high unless a test asks: suites share a few tokens and one address.
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...TEST_CALLER_LIMITS, ...options.rateLimits },
    trustedProxyHops: options.trustedProxyHops ?? 0,
    altchaHmacKey: randomBytes(32).toString('base64url'),
    // A cheap proof of work: server tests solve it in Node, and a browser test's form in a moment.
    altchaCost: 10,
    altchaMinFillMs: options.altchaMinFillMs ?? 0,
  };
  // SQLite, or with ASN_TEST_DATABASE_URL a fresh PostgreSQL database of this server's own (server/db/test-database.ts).
  const { db, url: databaseUrl, release } = await openTestDatabase({ dbPath: options.dbPath, seedEmployees: options.seedEmployees });
  await migrateToLatest(db);
  const count = await db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) === 0) await seedDatabase(db, { employees: options.seedEmployees });
  await ensureSandboxKeys(db);

  // On PostgreSQL the test servers deliver live events the way several instances do: through LISTEN/NOTIFY.
  const events = new EventHub(db);
  if (databaseUrl) await events.distribute(databaseUrl);

  let fixedNow: number | null = null;

  const requestLog: TestServer['requestLog'] = [];
  const faults: Fault[] = [];
  const deps: AppDeps = {
    config,
    db,
    events,
    idempotency: new IdempotencyStore(db),
    heartbeatMs: options.heartbeatMs,
    clock: () => fixedNow ?? Date.now(),
    hooks: {
      onRequest: ({ method, path }) => {
        const entry = { method, path, status: 0 };
        requestLog.push(entry);
        return (status) => {
          entry.status = status;
        };
      },
      intercept: (c) => {
        if (c.req.method === 'OPTIONS') return undefined;
        const path = c.req.path;
        const fault = faults.find(
          (f) => f.times > 0 && f.method.toUpperCase() === c.req.method && (typeof f.path === 'string' ? f.path === path : f.path.test(path)),
        );
        if (!fault) return undefined;
        fault.times -= 1;
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
        return problemResponse(c, kindForStatus(fault.status), `Injected fault (${fault.status})`, { status: fault.status, headers });
      },
    },
  };

  const app = createApp(deps);
  // Our server, so that errors before the app (parser, Host) are problem+json here too (server/http-errors.ts).
  const server = serveApp({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  if (!options.quiet) console.log(`test server on ${url}${sandbox ? ' (sandbox)' : ''}`);

  let closed = false;
  return {
    url,
    requestLog,
    deps,
    faults: {
      add: (f) => void faults.push({ ...f }),
      clear: () => void faults.splice(0),
    },
    publishableKey: (partnerId) => sandboxKeyFor(partnerId),
    setNow(ms) {
      fixedNow = ms;
    },
    async tokenFor(employeeIdOrRole) {
      // Straight to the database and the signer, not over HTTP: works with sandbox mode off, stays out of the log.
      const row = /^emp_/.test(employeeIdOrRole)
        ? await findEmployee(db, employeeIdOrRole)
        : await pickEmployeeForRole(db, Role.parse(employeeIdOrRole));
      if (!row) throw new Error(`tokenFor(${employeeIdOrRole}): no such seeded employee`);
      const employee = toMe(row);
      if (sandbox) return { token: (await signToken(config.jwtSecret, employee.id, employee.role)).token, employee };
      // Sandbox mode off: an access token of the built-in provider naming the employee by NIP, as the portal's would.
      if (!idp) throw new Error('tokenFor: sandbox mode is off and the server trusts your own provider (jwks): sign with its key');
      return { token: await idp.sign({ sub: `kc-${employee.id}`, nip: employee.nip }), employee };
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SSE streams keep connections open; end them so close() returns.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await events.close();
      await db.destroy();
      await release();
      await idp?.close();
    },
  };
}
