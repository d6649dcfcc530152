import { z } from 'zod/mini';
import { EmployeeRef, Role } from './primitives.js';

/**
 * Who may call a route. Finer rules (own data, direct reports) are the handler's (docs/architecture.md, "Who may do what").
 * - `public`: anyone; `user`: a bearer token (optionally of given roles);
 * - `publishable`: a bearer token or a partner's `pk_…` key from an allowed origin;
 * - `sandbox`: only when the server runs in sandbox mode.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'user'; roles?: readonly z.infer<typeof Role>[] }
  | { kind: 'publishable' }
  | { kind: 'sandbox' };

export type Schema = z.ZodMiniType;
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

export interface RouteDef {
  /** Stable operation id (OpenAPI `operationId`). */
  id: string;
  method: Method;
  /** With `{name}` placeholders for `params`. */
  path: string;
  summary: string;
  access: Access;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: Schema;
  /** Success status, 200 unless given. */
  status?: 200 | 201 | 202;
  /** `text/event-stream` of `response` items. */
  stream?: true;
  /** Tags of cached reads that a success invalidates (SDK). */
  invalidates?: readonly string[];
}

// Pure, so a bundle drops the routes (and their schemas) it never calls.
/*#__NO_SIDE_EFFECTS__*/
export const define = <const R extends RouteDef>(route: R): R => route;

/** `{id}` of the `/v1/employees/{id}/…` routes: an employee id or `me`. */
export const EmployeeParams = z.object({ id: EmployeeRef });

