// Errors raised before the app sees a request — by Node's HTTP parser (headers or URL too long, a malformed request
// line, a timeout) and by @hono/node-server (a bad or missing Host) — answered as problem+json like every other
// error, instead of Node's bare `HTTP/1.1 400 Bad Request` without a body.
import { randomUUID } from 'node:crypto';
import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { problemBody, type ProblemKind } from './problem.js';

function parserProblem(code: string | undefined): { kind: ProblemKind; detail: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        kind: 'headersTooLarge',
        // Node's limit on the request line plus headers (`--max-http-header-size`, 16 KiB by default).
        detail: `The request line and headers together exceed ${maxHeaderSize} bytes; shorten the URL or the headers`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { kind: 'payloadTooLarge', detail: 'The chunk extensions of the request body are too large' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { kind: 'requestTimeout', detail: 'The request was not received in time' };
    default:
      return { kind: 'validation', detail: `The request is not valid HTTP/1.1 (${code ?? 'parse error'})` };
  }
}

/** A problem as `[status, headers, body]`, with a fresh request id (no app ran, so there is none yet). */
function renderRaw(kind: ProblemKind, detail: string): [number, Record<string, string>, string] {
  const requestId = randomUUID();
  const problem = problemBody(kind, requestId, detail);
  const body = JSON.stringify(problem);
  return [
    problem.status,
    {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      Connection: 'close',
    },
    body,
  ];
}

/** The complete HTTP/1.1 response a `clientError` handler writes on the bare socket. */
export function rawProblemResponse(kind: ProblemKind, detail: string): string {
  const [status, headers, body] = renderRaw(kind, detail);
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`;
}

/**
 * Answers the parser's errors (`clientError`) as problem+json, then closes the connection (the parser cannot go on
 * after an error). Like Node's own handler it writes nothing once a response on this socket has begun, and
 * nothing to a peer that reset the connection.
 */
export function installClientErrorHandler(server: Server): void {
  // Node hands CONNECT to a `connect` listener or, with none, drops the socket without a word (npm run fuzz):
  // answer it like any other method no route has.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    socket.end(rawProblemResponse('notFound', 'No route for CONNECT; this is not a proxy'), () => socket.destroy());
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const { kind, detail } = parserProblem(error.code);
      socket.end(rawProblemResponse(kind, detail), () => socket.destroy());
    } else {
      socket.destroy();
    }
  });
}

/** @hono/node-server's refusals (an invalid Host, a backslash in the path) are 400s; anything else is ours: 500. */
function requestErrorResponse(error: unknown): Response {
  const [status, headers, body] =
    error instanceof RequestError
      ? renderRaw('validation', `The request cannot be served: ${error.message}`)
      : renderRaw('internal', 'Something went wrong on the server');
  if (!(error instanceof RequestError)) console.error('Request failed before the app:', error);
  delete headers['Content-Length'];
  return new Response(body, { status, headers });
}

export interface ServeOptions {
  fetch: (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;
  port: number;
  hostname: string;
}

/**
 * `serve()` of @hono/node-server with our problem+json for what goes wrong before the app: a `clientError` handler,
 * node-server's own request errors, and a missing Host on HTTP/1.1 (Node answers that with a bare 400 itself, so it
 * is checked here instead).
 */
export function serveApp(options: ServeOptions, onListening?: (info: AddressInfo) => void): Server {
  const listener = getRequestListener(options.fetch as Parameters<typeof getRequestListener>[0], {
    hostname: options.hostname,
    errorHandler: requestErrorResponse,
  });
  const server = createServer({ requireHostHeader: false }, (incoming, outgoing) => {
    if (incoming.httpVersion === '1.1' && incoming.headers.host === undefined) {
      const [status, headers, body] = renderRaw('validation', 'An HTTP/1.1 request needs a Host header');
      outgoing.writeHead(status, headers).end(body);
      return;
    }
    void listener(incoming, outgoing);
  });
  installClientErrorHandler(server);
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}
