// Request body size limits on /v1/*: a body over its route's limit is refused with 413 before it is read (a
// Content-Length over the limit) or once it passes the limit (a chunked body), and the connection is closed so the
// rest is not read either. Nothing is buffered beyond the limit.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routes } from '../src/contract/index.js';
import type { AppEnv } from './deps.js';
import { ApiProblem } from './problem.js';

/**
 * The default, `ASN_BODY_LIMIT_BYTES`. The largest realistic bodies of the contract, measured: a program with 60
 * sessions and a 4,000-character description in accented letters 24 KB, an application with a 2,000-character
 * motivation and a full ALTCHA payload 13 KB; everything else is under 5 KB.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Routes whose contract allows larger bodies, with the least limit they get whatever the default: a program at the
 * contract's maximum (60 sessions with 2,048-character URLs, 3-byte letters) is 162 KB; attendance for 10,000
 * employees 230 KB with today's ids and 470 KB with the longest ids the contract allows.
 */
const LARGER_BODIES: Partial<Record<keyof typeof routes, number>> = {
  createProgram: 256 * 1024,
  updateProgram: 256 * 1024,
  putAttendance: 512 * 1024,
};

const larger = Object.entries(LARGER_BODIES).map(([id, bytes]) => {
  const route = routes[id as keyof typeof routes];
  const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
  return { method: route.method, pattern, bytes: bytes! };
});

/** The limit for a request: its route's if that is larger, else the default. */
export function bodyLimitFor(method: string, path: string, defaultBytes: number): number {
  const found = larger.find((r) => r.method === method && r.pattern.test(path));
  return found ? Math.max(found.bytes, defaultBytes) : defaultBytes;
}

const kib = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`);

export function bodyLimits(defaultBytes: number): MiddlewareHandler<AppEnv> {
  const limiters = new Map<number, MiddlewareHandler<AppEnv>>();
  const limiter = (bytes: number) => {
    let found = limiters.get(bytes);
    if (!found) {
      found = bodyLimit({
        maxSize: bytes,
        onError: () => {
          // `Connection: close`: the client may still be sending; closing is what stops us from reading it.
          throw new ApiProblem('payloadTooLarge', `The request body is larger than ${kib(bytes)}, the limit of this route`, {
            headers: { Connection: 'close' },
          });
        },
      });
      limiters.set(bytes, found);
    }
    return found;
  };
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    return limiter(bodyLimitFor(c.req.method, c.req.path, defaultBytes))(c, next);
  };
}
