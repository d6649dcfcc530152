// The API takes JSON bodies only: a body of another type (a form, text/plain, none declared) is refused with 415
// before it is read, rather than parsed as JSON by luck or answered with a misleading 400.
import type { Context } from 'hono';
import { ApiProblem } from './problem.js';

/** `application/json` and `application/*+json`, with any parameters (`; charset=utf-8`). */
const JSON_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.-]+\+json)\s*(?:;|$)/i;

/** Whether the request carries a body at all: a non-zero Content-Length, or any Transfer-Encoding (chunked). */
function hasBody(c: Context): boolean {
  if (c.req.header('transfer-encoding') !== undefined) return true;
  const length = c.req.header('content-length');
  return length !== undefined && length.trim() !== '0';
}

/** Throws 415 when a request has a body that is not JSON; an empty body (on routes without one) passes. */
export function requireJsonBody(c: Context): void {
  if (!hasBody(c)) return;
  const type = c.req.header('content-type');
  if (type !== undefined && JSON_TYPE.test(type.trim())) return;
  const got = type === undefined ? 'no Content-Type' : `Content-Type ${type.length > 100 ? `${type.slice(0, 100)}…` : type}`;
  throw new ApiProblem('unsupportedMediaType', `The request body must be application/json (got ${got})`, {
    headers: { Accept: 'application/json' },
  });
}
