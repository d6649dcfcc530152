// The HTTP layer: body size limits (413), JSON only (415), problem+json for what Node's parser and @hono/node-server
// refuse before the app (431, 400), `Cache-Control: private, no-store` for authenticated answers, and compressed,
// ETag-validated, long-cached static files — with event streams never compressed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { z } from 'zod/mini';
import { Problem, problemTypes } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { authHeader, expectProblem, jsonHeaders, learningBody } from './helpers.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses one HTTP/1.1 response with a Content-Length (what every error path here sends). */
function parseResponse(raw: Buffer): RawResponse | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (raw.length < end + 4 + length) return null;
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(end + 4, end + 4 + length).toString('utf8') };
}

/**
 * Writes `head` on a raw socket, then `chunks` one by one (each after the previous was written, stopping as soon as
 * the server answered), and resolves with the first response. The server may close the connection while we still
 * write: those write errors are expected.
 */
function rawExchange(url: string, head: string | Buffer, chunks: Buffer[] = []): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let answered: RawResponse | null = null;
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      answered ??= parseResponse(received);
      if (answered) {
        socket.destroy();
        resolve(answered);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (!answered) reject(new Error(`connection closed without a complete response: ${JSON.stringify(received.toString('latin1'))}`));
    });
    socket.on('connect', async () => {
      const write = (data: string | Buffer) => new Promise<void>((done) => socket.write(data, () => done()));
      await write(head);
      for (const chunk of chunks) {
        if (answered || socket.destroyed) return;
        await write(chunk);
        // Let the server read what we wrote before more comes (so it answers before a reset can overtake it).
        await new Promise((r) => setTimeout(r, 2));
      }
    });
  });
}

/** Asserts a raw response is a problem of `type` with `status`, shaped like the app's (the contract's schema). */
function assertRawProblem(res: RawResponse, status: number, type: string): Problem {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.body}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  const problem = z.parse(Problem, JSON.parse(res.body));
  assert.equal(problem.status, status);
  assert.equal(problem.type, type);
  assert.ok(problem.detail, 'the problem says what was wrong');
  assert.equal(res.headers['x-request-id'], problem.requestId);
  return problem;
}

/** GET through node:http, which (unlike fetch) leaves the body as it came: compressed or not. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP hardening', () => {
  let server: TestServer;
  let token: string;
  let host: string;

  before(async () => {
    server = await startServer({ quiet: true });
    token = (await server.tokenFor('employee')).token;
    host = new URL(server.url).host;
  });
  after(() => server.close());

  const recordCount = async () => {
    const res = await fetch(`${server.url}/v1/employees/me/learning-records?limit=100`, { headers: authHeader(token) });
    assert.equal(res.status, 200);
    return ((await res.json()) as { data: unknown[] }).data.length;
  };

  describe('request body limit (413)', () => {
    it('refuses a Content-Length over the limit before reading the body', { timeout: 10_000 }, async () => {
      const before = await recordCount();
      // Only the head is sent: a server that waited for the 10 MB would never answer (and the test would time out).
      const res = await rawExchange(
        server.url,
        `POST /v1/employees/me/learning-records HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 10485760\r\n\r\n',
      );
      const problem = assertRawProblem(res, 413, problemTypes.payloadTooLarge);
      assert.match(problem.detail!, /64 KiB/);
      assert.equal(res.headers.connection, 'close', 'the connection is closed, so the rest is not read');
      assert.equal(await recordCount(), before, 'nothing was stored');
    });

    it('cuts a chunked body off once it passes the limit, and stores nothing', { timeout: 10_000 }, async () => {
      const before = await recordCount();
      // A valid record padded with whitespace to 160 KB: without a limit it would be stored.
      const body = Buffer.from(JSON.stringify(learningBody({ title: 'Padded record' })).replace(/}$/, `${' '.repeat(160 * 1024)}}`));
      const chunks: Buffer[] = [];
      for (let at = 0; at < body.length; at += 8192) {
        const part = body.subarray(at, at + 8192);
        chunks.push(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]));
      }
      chunks.push(Buffer.from('0\r\n\r\n'));
      const res = await rawExchange(
        server.url,
        `POST /v1/employees/me/learning-records HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\n` +
          'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        chunks,
      );
      assertRawProblem(res, 413, problemTypes.payloadTooLarge);
      assert.equal(await recordCount(), before, 'nothing was stored');
    });

    it('lets a body under the limit through', async () => {
      const res = await fetch(`${server.url}/v1/employees/me/learning-records`, {
        method: 'POST',
        headers: jsonHeaders(token),
        body: JSON.stringify(learningBody({ title: 'Within the limit' })).replace(/}$/, `${' '.repeat(32 * 1024)}}`),
      });
      assert.equal(res.status, 201, await res.text());
    });
  });

  describe('JSON bodies only (415)', () => {
    const post = (headers: Record<string, string>, body: string | Uint8Array<ArrayBuffer>) =>
      fetch(`${server.url}/v1/employees/me/learning-records`, { method: 'POST', headers: { ...authHeader(token), ...headers }, body });

    it('refuses text/plain, even when the text is valid JSON, and stores nothing', async () => {
      const before = await recordCount();
      const problem = await expectProblem(await post({ 'content-type': 'text/plain' }, JSON.stringify(learningBody())), 415);
      assert.equal(problem.type, problemTypes.unsupportedMediaType);
      assert.match(problem.detail!, /application\/json/);
      assert.equal(await recordCount(), before);
    });

    it('refuses a form body and a body without a Content-Type', async () => {
      const form = await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'title=Pelatihan&jp=4');
      assert.equal((await expectProblem(form, 415)).type, problemTypes.unsupportedMediaType);
      // A byte body: fetch adds no Content-Type for it.
      const untyped = await post({}, new TextEncoder().encode(JSON.stringify(learningBody())));
      assert.match((await expectProblem(untyped, 415)).detail!, /no Content-Type/);
    });

    it('takes application/json with a charset and application/*+json', async () => {
      for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
        const res = await post({ 'content-type': type }, JSON.stringify(learningBody({ title: `Typed ${type}` })));
        assert.equal(res.status, 201, `${type}: ${await res.text()}`);
      }
    });

    it('lets an empty body without a Content-Type through to the route', async () => {
      const res = await rawExchange(server.url, `POST /v1/sandbox/tokens HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\n\r\n`);
      assert.notEqual(res.status, 415);
      assertRawProblem(res, 400, problemTypes.validation);
    });
  });

  describe('errors before the app are problem+json', () => {
    it('431 for headers over the limit', async () => {
      const res = await rawExchange(server.url, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Padding: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
      assertRawProblem(res, 431, problemTypes.headersTooLarge);
    });

    it('431 for a URL over the limit', async () => {
      const res = await rawExchange(server.url, `GET /v1/internships?q=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      assertRawProblem(res, 431, problemTypes.headersTooLarge);
    });

    it('400 for a control character in the request line', async () => {
      const res = await rawExchange(server.url, `GET /v1/\x01me HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      assertRawProblem(res, 400, problemTypes.validation);
    });

    it('404 problem+json for CONNECT, not a silently dropped connection (npm run fuzz)', async () => {
      const res = await rawExchange(server.url, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      assertRawProblem(res, 404, problemTypes.notFound);
    });

    it('400 for an invalid Host and for a missing one', async () => {
      const bad = await rawExchange(server.url, 'GET /healthz HTTP/1.1\r\nHost: evil.example/path\r\n\r\n');
      assert.match(assertRawProblem(bad, 400, problemTypes.validation).detail!, /host/i);
      const missing = await rawExchange(server.url, 'GET /healthz HTTP/1.1\r\n\r\n');
      assert.match(assertRawProblem(missing, 400, problemTypes.validation).detail!, /Host/);
    });
  });

  describe('Cache-Control on authenticated responses', () => {
    it('is private, no-store on an authenticated read and on its errors', async () => {
      const me = await fetch(`${server.url}/v1/me`, { headers: authHeader(token) });
      assert.equal(me.status, 200);
      assert.equal(me.headers.get('cache-control'), 'private, no-store');
      const missing = await fetch(`${server.url}/v1/no-such-route`, { headers: authHeader(token) });
      await expectProblem(missing, 404);
      assert.equal(missing.headers.get('cache-control'), 'private, no-store');
      const refused = await fetch(`${server.url}/v1/me`, { headers: authHeader('not-a-token') });
      await expectProblem(refused, 401);
      assert.equal(refused.headers.get('cache-control'), 'private, no-store');
    });

    it('leaves public reads alone', async () => {
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.doesNotMatch(health.headers.get('cache-control') ?? '', /private/);
    });
  });

  describe('static files', () => {
    const distDir = new URL('../../dist/', import.meta.url);
    const distFile = (rel: string) => new URL(rel, distDir);

    it('are compressed with gzip and br, with an ETag, and 304 on If-None-Match', async () => {
      assert.ok(existsSync(distFile('cdn/pembinaan-asn.js')), 'dist/ is built (npm run build)');
      const identity = readFileSync(distFile('cdn/pembinaan-asn.js'));
      const url = `${server.url}/dist/cdn/pembinaan-asn.js`;

      const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
      assert.equal(gz.status, 200);
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.match(gz.headers.vary ?? '', /accept-encoding/i);
      assert.ok(gz.body.length < identity.length / 2, `gzip: ${gz.body.length} of ${identity.length} bytes`);
      assert.ok(gunzipSync(gz.body).equals(identity), 'gzip decodes to the file');
      const tag = gz.headers.etag;
      assert.ok(tag, 'an ETag');

      const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.ok(brotliDecompressSync(br.body).equals(identity), 'br decodes to the file');

      const plain = await rawGet(url);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(identity));

      const again = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': tag });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, tag);
    });

    it('are cached for a year only when their name carries a hash', async () => {
      assert.ok(existsSync(distFile('cdn/')), 'dist/ is built (npm run build)');
      const entry = await rawGet(`${server.url}/dist/cdn/pembinaan-asn.js`);
      assert.equal(entry.headers['cache-control'], 'no-cache');
      const chunk = readdirSync(distFile('cdn/')).find((f) => /^pembinaan-asn-.+-[\w-]{8}\.js$/.test(f));
      assert.ok(chunk, 'a hashed chunk in dist/cdn');
      const hashed = await rawGet(`${server.url}/dist/cdn/${chunk}`, { 'accept-encoding': 'gzip' });
      assert.equal(hashed.status, 200);
      assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
      const demo = await rawGet(`${server.url}/portal.js`, { 'accept-encoding': 'gzip' });
      assert.equal(demo.headers['content-encoding'], 'gzip');
      assert.equal(demo.headers['cache-control'], 'no-cache');
      assert.ok(demo.headers.etag);
    });

    it('leave tiny bodies uncompressed', async () => {
      const icon = await rawGet(`${server.url}/favicon.svg`, { 'accept-encoding': 'gzip, br' });
      assert.equal(icon.status, 200);
      assert.equal(icon.headers['content-encoding'], undefined);
    });
  });

  describe('API compression', () => {
    it('compresses a large JSON answer but never the event stream', { timeout: 10_000 }, async () => {
      const list = await rawGet(`${server.url}/v1/sandbox/users?limit=100`, { 'accept-encoding': 'gzip' });
      assert.equal(list.status, 200);
      assert.equal(list.headers['content-encoding'], 'gzip');
      assert.ok(JSON.parse(gunzipSync(list.body).toString('utf8')).data.length > 0);

      const events = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
        const req = httpRequest(`${server.url}/v1/events?topics=programs`, { headers: { ...authHeader(token), 'accept-encoding': 'gzip, br' } }, (res) => {
          resolve(res.headers);
          res.destroy();
        });
        req.on('error', reject);
        req.end();
      });
      assert.match(events['content-type'] ?? '', /^text\/event-stream/);
      assert.equal(events['content-encoding'], undefined);
    });
  });
});
