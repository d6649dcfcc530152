/** Cursor pagination: `list()` returns one page; `paginate()` walks every page by `nextCursor`. */
import type { Page } from '../contract/index.js';
import { AsnError } from './errors.js';

export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.data;
    if (page.nextCursor === null || page.nextCursor === undefined) return;
    // A server bug that hands back a cursor twice would loop forever on a metered connection.
    if (seen.has(page.nextCursor)) throw new AsnError(`Pagination loop: the server returned cursor "${page.nextCursor}" twice`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
