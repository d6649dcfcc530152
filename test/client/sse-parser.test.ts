import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSseParser, type SseMessage } from '../../src/client/sse-parser.js';

function parse(chunks: string[]) {
  const events: SseMessage[] = [];
  const retries: number[] = [];
  const parser = createSseParser({ onEvent: (e) => events.push(e), onRetry: (ms) => retries.push(ms) });
  for (const chunk of chunks) parser.feed(chunk);
  return { events, retries };
}

describe('SSE parser (WHATWG event stream interpretation)', () => {
  it('reads id, event and data, and dispatches on a blank line only', () => {
    const { events } = parse(['id: 7\nevent: progress.updated\ndata: {"a":1}\n\n', 'data: pending']);
    assert.deepEqual(events, [{ id: '7', event: 'progress.updated', data: '{"a":1}' }]);
  });

  it('joins multi-line data, ignores comments and unknown fields, strips only one leading space', () => {
    const { events } = parse([': heartbeat\n', 'data:  two spaces\ndata:x\nfoo: bar\n\n']);
    assert.deepEqual(events, [{ data: ' two spaces\nx' }]);
  });

  it('handles CRLF and CR line ends, even a CRLF split across chunks, and a leading BOM', () => {
    const { events } = parse(['\uFEFFid: 1\r', '\ndata: a\r\r', 'data: b\r\n\r\n']);
    assert.deepEqual(events, [{ id: '1', data: 'a' }, { data: 'b' }]);
  });

  it('reports retry: only when it is all digits; an id with NUL is ignored; data-less blocks dispatch nothing', () => {
    const { events, retries } = parse(['retry: 3000\nretry: 5s\n\nid: a\0b\ndata: z\n\nevent: x\n\n']);
    assert.deepEqual(retries, [3000]);
    assert.deepEqual(events, [{ data: 'z' }]);
  });

  it('a field with no colon has an empty value', () => {
    const { events } = parse(['data\ndata\n\n']);
    assert.deepEqual(events, [{ data: '\n' }]);
  });
});
