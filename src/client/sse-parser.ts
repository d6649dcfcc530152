/**
 * A server-sent events parser (WHATWG HTML §9.2.6, "event stream interpretation"), fed text chunks of a fetch
 * body. Why not eventsource-parser: it cost 1.4 KB of the 30 KB single-widget budget (issue #2) for the same
 * forty lines of the spec. Handles CRLF/LF/CR line ends split across chunks, a leading BOM, comments,
 * multi-line `data:`, `id:` (ignored when it holds NUL) and `retry:` (digits only).
 */
export interface SseMessage {
  /** The `id:` of this event, when it had one. */
  id?: string;
  event?: string;
  data: string;
}

export interface SseParser {
  feed(chunk: string): void;
}

export function createSseParser(handlers: { onEvent(message: SseMessage): void; onRetry?(ms: number): void }): SseParser {
  let buffer = '';
  let started = false;
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;

  const dispatch = () => {
    if (data.length > 0) handlers.onEvent({ ...(id !== undefined ? { id } : {}), ...(event ? { event } : {}), data: data.join('\n') });
    data = [];
    event = undefined;
    id = undefined;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry?.(Number(value));
  };

  return {
    feed(chunk) {
      buffer += chunk;
      if (!started && buffer.length > 0) {
        started = true;
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      }
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const ch = buffer[i];
        if (ch !== '\n' && ch !== '\r') continue;
        // A CR at the very end may be the first half of a CRLF split across chunks: wait for the next chunk.
        if (ch === '\r' && i === buffer.length - 1) break;
        line(buffer.slice(start, i));
        if (ch === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}
