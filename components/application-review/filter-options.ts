/**
 * The choices of the queue's opening filter, read from the API (`internships.list`), loaded once the queue is on
 * screen. Partners are not listed from the API: `partnersResource` would add its agreement schemas (≈1.5 KB
 * gzipped) to a bundle near its gate; the partner filter offers the universities the applications seen so far
 * name (docs/architecture.md, "Size").
 */
import { internshipsResource, resourceOf, type CoreClient } from '../../src/client/index.js';
import type { FilterOption } from './filters.js';

/** The API's largest page: Sorong opens a handful of internships a year. */
const LIMIT = 100;

export async function loadOpeningOptions(client: CoreClient): Promise<FilterOption[]> {
  const page = await resourceOf(client, 'internships', internshipsResource).list({ limit: LIMIT });
  return page.data.map((o) => ({ id: o.id, label: o.title }));
}
