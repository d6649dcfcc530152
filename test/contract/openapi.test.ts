// The OpenAPI document declares every status a route can answer, each problem with its `type` (issue #9), so a
// generated client types them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemTypes, routes, type RouteDef } from '../../src/contract/index.js';
import { buildOpenApi, problemResponses } from '../../src/contract/openapi.js';
import { problemBody, type ProblemKind } from '../../server/problem.js';

type Json = Record<string, unknown>;
const doc = buildOpenApi('0.0.0') as Json;

/** Follows a local `$ref` (`#/components/…`). */
function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current?.$ref === 'string') {
    const ref = current.$ref as string;
    assert.ok(ref.startsWith('#/'), ref);
    current = ref.slice(2).split('/').reduce<unknown>((at, part) => (at as Json)?.[part], doc) as Json;
    assert.ok(current, `${ref} resolves`);
  }
  return current;
}

const all = Object.values(routes) as RouteDef[];
const operation = (route: RouteDef) => (doc.paths as Record<string, Record<string, Json>>)[route.path][route.method.toLowerCase()];
const responses = (route: RouteDef) => operation(route).responses as Record<string, unknown>;
const problemSchemaOf = (response: Json) => (response.content as Record<string, { schema: Json }> | undefined)?.['application/problem+json']?.schema;
const kinds = Object.keys(problemTypes) as ProblemKind[];

describe('OpenAPI: problem statuses', () => {
  it('every route declares 429 with a required Retry-After header', () => {
    for (const route of all) {
      const tooMany = responses(route)['429'];
      assert.ok(tooMany, `${route.id} declares 429`);
      const header = (resolve(tooMany).headers as Record<string, Json> | undefined)?.['Retry-After'];
      assert.ok(header, `${route.id}: Retry-After`);
      assert.equal(header.required, true);
      assert.equal((header.schema as Json).type, 'integer');
    }
  });

  it('routes with a body declare 413 and 415; writes declare 409 and 422; GETs declare neither', () => {
    let bodies = 0;
    for (const route of all) {
      const declared = Object.keys(responses(route));
      const write = route.method !== 'GET';
      for (const status of ['413', '415']) assert.equal(declared.includes(status), route.method !== 'GET', `${route.id} ${status}`);
      for (const status of ['409', '422']) assert.equal(declared.includes(status), write, `${route.id} ${status}`);
      if (route.body) bodies++;
    }
    assert.ok(bodies >= 20, `${bodies} routes with a body`);
  });

  it('every route declares 400, 403, 408, 431 and 500; 401 unless sandbox-only; 404 with path ids and on sandbox routes', () => {
    for (const route of all) {
      const declared = Object.keys(responses(route));
      for (const status of ['400', '403', '408', '431', '500']) assert.ok(declared.includes(status), `${route.id} ${status}`);
      assert.equal(declared.includes('401'), route.access.kind !== 'sandbox', `${route.id} 401`);
      assert.equal(declared.includes('404'), Boolean(route.params) || route.access.kind === 'sandbox', `${route.id} 404`);
    }
  });

  it('each problem status has an application/problem+json schema: the Problem, with its type and status pinned', () => {
    for (const route of all) {
      for (const [status, declared] of Object.entries(responses(route))) {
        if (status.startsWith('2')) continue;
        const schema = problemSchemaOf(resolve(declared));
        assert.ok(schema, `${route.id} ${status}: application/problem+json`);
        const [base, pinned] = schema.allOf as Json[];
        assert.equal(resolve(base), (doc.components as Json & { schemas: Json }).schemas.Problem);
        const properties = pinned.properties as Record<string, { const: unknown }>;
        assert.equal(properties.status.const, Number(status), `${route.id} ${status}`);
        assert.ok((Object.values(problemTypes) as string[]).includes(properties.type.const as string), `${route.id} ${status}: a known type`);
      }
    }
  });

  it('every problem kind is declared once, with the status and type the server answers with', () => {
    const components = (doc.components as { responses: Record<string, Json> }).responses;
    const seen = new Map<number, ProblemKind>();
    for (const kind of kinds) {
      const server = problemBody(kind, 'req-1');
      assert.equal(problemResponses[kind].status, server.status, `${kind}: status as in server/problem.ts`);
      assert.ok(!seen.has(server.status), `${kind} and ${seen.get(server.status)} share ${server.status}`);
      seen.set(server.status, kind);
      const component = Object.values(components).find(
        (r) => ((problemSchemaOf(r)?.allOf as Json[])[1].properties as Record<string, { const: unknown }>).type.const === problemTypes[kind],
      );
      assert.ok(component, `${kind} has a response component`);
      assert.equal(server.type, problemTypes[kind]);
    }
  });

  it('createLearningRecord answers 201, 400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 431, 500', () => {
    assert.deepEqual(
      Object.keys(responses(routes.createLearningRecord)).sort(),
      ['201', '400', '401', '403', '404', '408', '409', '413', '415', '422', '429', '431', '500'],
    );
    assert.ok(Object.keys(responses(routes.getHealth)).includes('503'));
  });
});
