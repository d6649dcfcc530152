import { z } from 'zod/mini';
import { Problem } from './problem.js';
import { routes, type RouteDef } from './routes.js';

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

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
        '400': problemResponse('Invalid input; `errors[].path` names each field'),
        '401': problemResponse('Missing or invalid credentials'),
        '403': problemResponse('Not allowed for this caller'),
        '404': problemResponse('Not found'),
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
    },
    paths,
  };
}
