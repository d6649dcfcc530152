// Transport of `npm run fuzz`: node:http over keep-alive connections for what an HTTP client can send, a raw
// node:net socket for the rest (bytes the client refuses in a path or header, broken framing).
import http from 'node:http';
import net from 'node:net';
import type { FuzzRequest } from './fuzz-cases.js';

/** A status, or what happened instead: the connection closed without an answer, or no answer in time. */
export type Status = number | 'closed' | 'timeout';

export interface Outcome {
  status: Status;
  contentType: string;
  /** The start of the body (kept for 5xx reports). */
  head: string;
  via: 'http' | 'raw';
}

// A guard so a stuck connection cannot stall the run; not an assertion (a request that hits it is reported).
const GIVE_UP_MS = 30_000;
const KEEP_BYTES = 2048;

/** The request as bytes on the wire (`Connection: close`), for the raw socket. */
function toBytes(request: FuzzRequest, host: string): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  if (!request.headers.some(([n]) => n.toLowerCase() === 'host')) lines.push(`Host: ${host}`);
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (request.body) lines.push(`Content-Length: ${request.body.length}`);
  lines.push('Connection: close', '', '');
  return Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), request.body ?? Buffer.alloc(0)]);
}

export function makeSender(baseUrl: string, concurrency: number) {
  const { hostname, port } = new URL(baseUrl);
  const host = `${hostname}:${port}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

  function raw(bytes: Buffer): Promise<Outcome> {
    return new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname);
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (status?: Status) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        // Interim answers (`100 Continue`) come before the real one.
        const text = Buffer.concat(chunks).toString('latin1').replace(/^(?:HTTP\/1\.[01] 1\d\d[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)+/, '');
        const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
        const [headers = '', body = ''] = text.split('\r\n\r\n');
        resolve({
          status: status ?? (match ? Number(match[1]) : 'closed'),
          contentType: /\r\ncontent-type:\s*([^\r\n]*)/i.exec(headers)?.[1] ?? '',
          head: body.slice(0, KEEP_BYTES),
          via: 'raw',
        });
      };
      const timer = setTimeout(() => finish(chunks.length ? undefined : 'timeout'), GIVE_UP_MS);
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > 64 * 1024) finish();
      });
      socket.on('end', () => finish());
      socket.on('close', () => finish());
      socket.on('error', () => finish());
      socket.write(bytes, () => socket.end());
    });
  }

  function viaHttp(request: FuzzRequest, retry: boolean): Promise<Outcome> | null {
    let req: http.ClientRequest;
    const hasHost = request.headers.some(([n]) => n.toLowerCase() === 'host');
    try {
      req = http.request({
        agent,
        host: hostname,
        port,
        method: request.method,
        path: request.target,
        // With headers as a list Node adds no Host of its own.
        headers: (hasHost ? request.headers : [['Host', host], ...request.headers]).flat(),
      });
    } catch {
      return null; // the client refuses these bytes: the raw socket sends them
    }
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: Outcome | Promise<Outcome>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        req.destroy();
        settle({ status: 'timeout', contentType: '', head: '', via: 'http' });
      }, GIVE_UP_MS);
      req.on('response', (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        const status = res.statusCode ?? 0;
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          return settle({ status, contentType, head: '', via: 'http' });
        }
        let head = '';
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => {
          if (head.length < KEEP_BYTES) head += chunk.slice(0, KEEP_BYTES - head.length);
        });
        res.on('end', () => settle({ status, contentType, head, via: 'http' }));
        res.on('error', () => settle({ status, contentType, head, via: 'http' }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server had closed: send once more on a fresh one.
        if (retry && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
          const again = viaHttp(request, false);
          if (again) return settle(again);
        }
        settle({ status: 'closed', contentType: '', head: error.code ?? error.message, via: 'http' });
      });
      try {
        req.end(request.body ?? undefined);
      } catch {
        req.destroy();
        settle(raw(toBytes(request, host)));
      }
    });
  }

  return {
    host,
    send(request: FuzzRequest): Promise<Outcome> {
      if (request.raw) return raw(request.raw);
      return viaHttp(request, true) ?? raw(toBytes(request, host));
    },
    close: () => agent.destroy(),
  };
}
