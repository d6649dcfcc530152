// Shared bits of the server tests.
import assert from 'node:assert/strict';
import { z } from 'zod/mini';
import { Problem } from '../../src/contract/index.js';

export const authHeader = (token: string) => ({ authorization: `Bearer ${token}` });
export const jsonHeaders = (token?: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...(token ? authHeader(token) : {}),
  ...extra,
});

/** Asserts a problem+json response with the status; returns the parsed problem. */
export async function expectProblem(response: Response, status: number): Promise<Problem> {
  const text = await response.text();
  assert.equal(response.status, status, `expected ${status}, got ${response.status}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = z.parse(Problem, JSON.parse(text));
  assert.equal(body.status, status);
  assert.ok(body.requestId.length > 0, 'problem has a requestId');
  assert.equal(response.headers.get('x-request-id'), body.requestId, 'X-Request-Id header matches the body');
  return body;
}

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** Reads server-sent events from a fetch response until `stop` says so (or the timeout passes). */
export async function readSse(
  response: Response,
  stop: (messages: SseMessage[]) => boolean,
  timeoutMs = 3000,
): Promise<{ messages: SseMessage[]; raw: string }> {
  assert.ok(response.body, 'the stream has a body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let raw = '';
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), timeoutMs);
  try {
    while (!stop(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      raw += chunk;
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(':');
          const value = rest.join(':').replace(/^ /, '');
          if (field === 'id') message.id = value;
          else if (field === 'event') message.event = value;
          else if (field === 'data') {
            message.data += (hasData ? '\n' : '') + value;
            hasData = true;
          }
        }
        if (hasData) messages.push(message);
      }
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return { messages, raw };
}

export const learningBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Pelatihan Literasi Digital',
  competency: 'technical',
  jp: 4,
  completedAt: new Date(Date.now() - 3600_000).toISOString(),
  ...overrides,
});
