import type { Page } from '../../src/contract/index.js';

/** A list as shown: the filters it was loaded for (`key`), its items, and the cursor of the page after them. */
export interface ShownList<T> {
  key: string;
  items: readonly T[];
  nextCursor: string | null;
}

/**
 * The list after its first page came (again). A live refresh reloads only the first page, so for the same filters the
 * items of later pages already shown stay (without those the new first page now holds), and so does the cursor after
 * them; for other filters the list is the page.
 */
export function withFirstPage<T extends { id: string }>(
  shown: ShownList<T> | undefined,
  key: string,
  page: Page<T>,
): { items: T[]; nextCursor: string | null } {
  const kept = shown?.key === key ? shown.items.slice(page.data.length) : [];
  const known = new Set(page.data.map((item) => item.id));
  return {
    items: [...page.data, ...kept.filter((item) => !known.has(item.id))],
    nextCursor: kept.length ? (shown?.nextCursor ?? null) : page.nextCursor,
  };
}
