// Response compression (Brotli or gzip, by the client's Accept-Encoding). Static files are compressed once at the
// highest levels and kept by content hash; API JSON is compressed per response at fast levels. Event streams are never
// touched (they would be buffered), nor bodies under 1 KiB (the framing costs more than it saves).
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import type { AppEnv } from './deps.js';

type Encoding = 'br' | 'gzip';
type Effort = 'static' | 'api';

const THRESHOLD_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The client's preferred of br and gzip (br on a tie: smaller); none when it accepts neither. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  const [br, gz] = [of('br'), of('gzip')];
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

async function encode(bytes: Uint8Array, encoding: Encoding, effort: Effort): Promise<Uint8Array> {
  if (encoding === 'br') {
    // Quality 11 is slow but done once per file version (staticVariant); 4 is about gzip's speed.
    const quality = effort === 'static' ? constants.BROTLI_MAX_QUALITY : 4;
    return brotli(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    });
  }
  return gzipAsync(bytes, { level: effort === 'static' ? 9 : 6 });
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

function compressible(res: Response, method: string): boolean {
  const type = res.headers.get('content-type');
  return (
    method !== 'HEAD' &&
    res.status === 200 &&
    res.body !== null &&
    type !== null &&
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) && // not text/event-stream
    !res.headers.has('content-encoding') &&
    !NO_TRANSFORM.test(res.headers.get('cache-control') ?? '')
  );
}

function addVary(res: Response): void {
  const vary = res.headers.get('vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * Replaces the response's body by its encoded bytes, keeping status and headers. The headers are set after the
 * assignment: Hono's `c.res` setter copies the old response's headers (its Content-Length, its ETag) onto the new.
 */
function setEncodedBody(c: Context<AppEnv>, body: Uint8Array, encoding: Encoding | null): void {
  const old = c.res;
  c.res = new Response(body as Uint8Array<ArrayBuffer>, { status: old.status, headers: old.headers });
  c.res.headers.set('content-length', String(body.byteLength));
  if (!encoding) return;
  c.res.headers.set('content-encoding', encoding);
}

/** Compressed static files by content hash and encoding, least recently used dropped past `MAX_CACHE_BYTES`. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const ready = new Map<string, Uint8Array>();
const pending = new Map<string, Promise<Uint8Array>>();
let cacheBytes = 0;

function keep(key: string, out: Uint8Array): void {
  ready.set(key, out);
  cacheBytes += out.byteLength;
  for (const [old, bytes] of ready) {
    if (cacheBytes <= MAX_CACHE_BYTES) break;
    cacheBytes -= bytes.byteLength;
    ready.delete(old);
  }
}

/**
 * A static file's variant at the highest level, computed once. Brotli 11 is slow (1.3 s for the 361 KB bundle, on
 * the thread pool), so until it is ready an answer gets Brotli 4 (≈ 10 ms, 10 % larger); gzip 9 is fast (20 ms):
 * awaited.
 */
async function staticVariant(hash: string, bytes: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
  const key = `${hash}|${encoding}`;
  const done = ready.get(key);
  if (done) {
    ready.delete(key);
    ready.set(key, done);
    return done;
  }
  let best = pending.get(key);
  if (!best) {
    best = encode(bytes, encoding, 'static');
    pending.set(key, best);
    best.then((out) => keep(key, out), () => undefined).finally(() => pending.delete(key));
  }
  return encoding === 'br' ? encode(bytes, encoding, 'api') : best;
}

/** Whether `If-None-Match` names the tag (weak comparison, as RFC 9110 asks for it). */
function noneMatch(header: string | undefined, hash: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return (header.match(/"[^"]*"/g) ?? []).some((tag) => tag === `"${hash}"`);
}

/** Headers a 304 keeps from the 200 it stands for (RFC 9110, 15.4.5), with ours that matter to a browser. */
const KEPT_ON_304 = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'access-control-allow-origin']);

/**
 * For static files (the bundle, the demo): an ETag from the file's bytes, 304 when `If-None-Match` names it, and
 * the body compressed once per file version and encoding. The compressed variant's tag is weak (`W/"…"`): the
 * same content, other bytes; the 304 carries the tag and `Vary` the 200 would have carried.
 */
export function staticDelivery(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method !== 'GET' || res.status !== 200 || res.body === null || res.headers.has('content-encoding')) return;
    const bytes = new Uint8Array(await res.arrayBuffer());
    const hash = createHash('sha1').update(bytes).digest('base64url');
    const shrinkable = compressible(res, c.req.method) && bytes.byteLength >= THRESHOLD_BYTES;
    const encoding = shrinkable ? chooseEncoding(c.req.header('accept-encoding')) : null;
    if (shrinkable) addVary(res);
    const tag = encoding ? `W/"${hash}"` : `"${hash}"`;
    if (noneMatch(c.req.header('if-none-match'), hash)) {
      c.res = new Response(null, { status: 304, headers: res.headers });
      // After the assignment: Hono's setter copies the old headers over (Content-Type, Content-Length, …).
      for (const name of [...c.res.headers.keys()]) if (!KEPT_ON_304.has(name)) c.res.headers.delete(name);
      c.res.headers.set('etag', tag);
      return;
    }
    const body = encoding ? await staticVariant(hash, bytes, encoding) : bytes;
    setEncodedBody(c, body, encoding);
    c.res.headers.set('etag', tag);
  };
}

/** For `/v1/*`: JSON bodies only (they are complete strings already; an event stream is never read here). */
export function compressApi(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(type) || !compressible(c.res, c.req.method)) return;
    addVary(c.res);
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const bytes = new Uint8Array(await c.res.arrayBuffer());
    if (bytes.byteLength < THRESHOLD_BYTES) setEncodedBody(c, bytes, null);
    else setEncodedBody(c, await encode(bytes, encoding, 'api'), encoding);
  };
}
