import { z } from 'zod/mini';
import { Problem, problemTypes } from './problem.js';
import { routes, type RouteDef } from './routes.js';

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

type ProblemKind = keyof typeof problemTypes;

/**
 * Every problem the API answers with: its status, and what it means to a client. The statuses are the server's
 * (server/problem.ts; a test holds the two together). Each becomes a reusable response in `components.responses`
 * whose schema pins the problem's `type`, so a generated client can type each status.
 */
export const problemResponses: Record<ProblemKind, { status: number; description: string; retryAfter?: 'always' | 'sometimes' }> = {
  validation: { status: 400, description: 'Invalid input; `errors[].path` names each field and `errors[].code` its rule' },
  unauthorized: { status: 401, description: 'Missing or invalid credentials' },
  forbidden: { status: 403, description: 'Not allowed for this caller' },
  notFound: { status: 404, description: 'Not found' },
  conflict: {
    status: 409,
    description: 'A stale `version`, a state that does not allow this, or the same Idempotency-Key still running (with `Retry-After`)',
    retryAfter: 'sometimes',
  },
  payloadTooLarge: { status: 413, description: 'The request body is larger than the server accepts' },
  unsupportedMediaType: { status: 415, description: 'The request body is not `application/json`' },
  idempotencyMismatch: { status: 422, description: 'This Idempotency-Key was used with a different request; use a new key' },
  rateLimited: { status: 429, description: 'Too many requests; retry after `Retry-After` seconds', retryAfter: 'always' },
  requestTimeout: { status: 408, description: 'The request was not received in time (answered by the HTTP layer)' },
  headersTooLarge: { status: 431, description: 'The request line and headers are too large (answered by the HTTP layer)' },
  internal: { status: 500, description: 'Internal error; quote `requestId` when reporting it' },
  unavailable: { status: 503, description: 'The database is not reachable' },
};

const responseName = (kind: ProblemKind) => kind[0].toUpperCase() + kind.slice(1);

function problemComponent(kind: ProblemKind) {
  const { description, retryAfter } = problemResponses[kind];
  const response: Record<string, unknown> = {
    description,
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { type: 'object', properties: { type: { const: problemTypes[kind] }, status: { const: problemResponses[kind].status } } },
          ],
        },
      },
    },
  };
  if (retryAfter) {
    response.headers = {
      'Retry-After': { description: 'Seconds to wait before retrying.', required: retryAfter === 'always', schema: { type: 'integer', minimum: 1 } },
    };
  }
  return response;
}

/**
 * The problems a route can answer, from its access kind, method and inputs (server/bind.ts): everything can be
 * refused as input, forbidden, rate-limited or fail, and the HTTP layer (server/http-errors.ts) can refuse any
 * request as malformed (400), too slow (408) or with too large headers (431); a key is checked even on public
 * routes (401); ids in the path may name nothing, and sandbox routes are 404 outside sandbox mode; every write
 * takes an Idempotency-Key (409 while running, 422 with another body) and may meet a stale `version` (409); a
 * body can be too large or not JSON.
 */
export function problemsOf(route: RouteDef): ProblemKind[] {
  const kinds: ProblemKind[] = ['validation'];
  if (route.access.kind !== 'sandbox') kinds.push('unauthorized');
  kinds.push('forbidden');
  if (route.params || route.access.kind === 'sandbox') kinds.push('notFound');
  if (route.method !== 'GET') kinds.push('conflict');
  // Every write reads what is sent, a route without a body schema too (server/media-type.ts, body-limit.ts).
  if (route.method !== 'GET') kinds.push('payloadTooLarge', 'unsupportedMediaType');
  if (route.method !== 'GET') kinds.push('idempotencyMismatch');
  kinds.push('rateLimited', 'requestTimeout', 'headersTooLarge', 'internal');
  // Only the health check looks at the database on purpose and says so.
  if (route.id === 'getHealth') kinds.push('unavailable');
  return kinds;
}

function parameters(route: RouteDef) {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

function security(route: RouteDef) {
  switch (route.access.kind) {
    case 'public':
    case 'sandbox':
      return [];
    case 'publishable':
      return [{ bearer: [] }, { publishableKey: [] }];
    default:
      return [{ bearer: [] }];
  }
}

/** The OpenAPI 3.1 document of the contract; `npm run build` writes it and the server serves it. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(routes) as RouteDef[]) {
    const status = String(route.status ?? 200);
    const contentType = route.stream ? 'text/event-stream' : 'application/json';
    const op: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      security: security(route),
      parameters: parameters(route),
      responses: {
        [status]: { description: 'Success', content: { [contentType]: { schema: schemaOf(route.response, 'output') } } },
        ...Object.fromEntries(
          problemsOf(route).map((kind) => [String(problemResponses[kind].status), { $ref: `#/components/responses/${responseName(kind)}` }]),
        ),
      },
    };
    if (route.access.kind === 'sandbox') op['x-sandbox-only'] = true;
    if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    }
    if (route.method !== 'GET') {
      (op.parameters as unknown[]).push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Replays the stored response for 24 h; the same key with another body is refused (422).',
        schema: { type: 'string', maxLength: 255 },
      });
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pembinaan ASN API',
      version,
      description: 'Coaching of Indonesian civil servants: goals, 20-JP learning progress, feedback, partners, internships.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // A partner's `pk_test_…`/`pk_live_…` goes in the same header as a token (Stripe's way), from an allowed Origin.
        publishableKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'pk_test_… | pk_live_…',
          description: "A partner's publishable key, accepted only from the key's allowed origins (`Origin` header).",
        },
      },
      schemas: { Problem: schemaOf(Problem, 'output') },
      responses: Object.fromEntries(
        (Object.keys(problemResponses) as ProblemKind[]).map((kind) => [responseName(kind), problemComponent(kind)]),
      ),
    },
    paths,
  };
}
