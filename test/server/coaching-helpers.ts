// The cast of the coaching tests: an ASN, their direct supervisor, the supervisor's supervisor (skip-level),
// a colleague (same supervisor, not an admin) and an admin; plus small request helpers.
import assert from 'node:assert/strict';
import type { TestServer } from '../../server/testing.js';
import { jsonHeaders } from './helpers.js';

export interface Person {
  id: string;
  token: string;
}

export interface Cast {
  asn: Person & { supervisorId: string };
  supervisor: Person;
  skipLevel: Person;
  colleague: Person;
  admin: Person;
}

export async function castOf(server: TestServer): Promise<Cast> {
  const a = await server.tokenFor('employee');
  assert.ok(a.employee.supervisorId, 'the default sandbox ASN has a supervisor');
  const supervisorId = a.employee.supervisorId!;
  const sup = await server.tokenFor(supervisorId);
  assert.ok(sup.employee.supervisorId, 'the supervisor has a supervisor');
  const skip = await server.tokenFor(sup.employee.supervisorId!);
  const colleagueRow = await server.deps.db
    .selectFrom('employees')
    .select('id')
    .where('supervisor_id', '=', supervisorId)
    .where('id', '!=', a.employee.id)
    .where('is_admin', '=', 0)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const colleague = await server.tokenFor(colleagueRow.id);
  const admin = await server.tokenFor('admin');
  return {
    asn: { id: a.employee.id, token: a.token, supervisorId },
    supervisor: { id: sup.employee.id, token: sup.token },
    skipLevel: { id: skip.employee.id, token: skip.token },
    colleague: { id: colleague.employee.id, token: colleague.token },
    admin: { id: admin.employee.id, token: admin.token },
  };
}

export const thisYear = () => new Date(Date.now() + 9 * 3600_000).getUTCFullYear();

export const goalBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Menyelesaikan e-learning literasi digital',
  kind: 'development',
  competency: 'technical',
  measure: { unit: 'modul', target: 10 },
  year: thisYear(),
  dueDate: `${thisYear()}-12-15`,
  ...overrides,
});

export const feedbackBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'appreciation',
  rating: 'above',
  message: 'Berorientasi Pelayanan: terima kasih atas layanan yang cepat.',
  ...overrides,
});

/** A small fetch wrapper: `call(server, token)('POST', '/v1/…', body, headers)`. */
export const caller =
  (server: TestServer, token: string) =>
  (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: jsonHeaders(token, headers),
      body: body === undefined ? undefined : JSON.stringify(body),
    });

/** Stored events on `topic` after `seq` (white-box: the same rows the SSE stream resumes from). */
export async function eventsSince(server: TestServer, seq: number, topic: string) {
  return server.deps.events.since(seq, [topic]);
}

export async function lastSeq(server: TestServer): Promise<number> {
  const row = await server.deps.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}
