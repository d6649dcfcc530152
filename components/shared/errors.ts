/**
 * What kind of failure an error from the SDK is, judged by shape (`status`, `name`) rather than by class, so it
 * works across two copies of the library and before/after the SDK's error classes change.
 */
export type ErrorKind = 'offline' | 'network' | 'timeout' | 'auth' | 'forbidden' | 'not-found' | 'rate-limit' | 'server' | 'unknown';

export function classifyError(error: unknown): ErrorKind {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  const e = error as { name?: unknown; status?: unknown } | null | undefined;
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const name = typeof e?.name === 'string' ? e.name : '';
  if (status === 401 || name === 'AuthenticationError') return 'auth';
  if (status === 403 || name === 'PermissionError') return 'forbidden';
  if (status === 404 || name === 'NotFoundError') return 'not-found';
  if (status === 429 || name === 'RateLimitError') return 'rate-limit';
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'NetworkError' || error instanceof TypeError) return 'network';
  if (status !== undefined && status >= 500) return 'server';
  return 'unknown';
}
