/**
 * Where outbox entries live. One list per scope (`${baseUrl} ${subject}`, or `${baseUrl} publishable ${key}`
 * for a partner's form without a user), oldest first, so two users signing in on one shared office device never
 * replay each other's writes, and a form's application is never replayed under someone's token.
 *
 * - `IndexedDbOutboxStore` (browsers, the default): survives a reload and a closed tab. Database
 *   `pembinaan-asn-outbox`, object store `entries`, one record per scope holding its array; every change is one
 *   read-modify-write in a single IndexedDB transaction (`idb-keyval`'s `update`), so two tabs appending at once
 *   lose nothing.
 * - `MemoryOutboxStore` (Node, tests): lives as long as the process.
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';
import type { OutboxEntry, OutboxStore } from './types.js';

export const OUTBOX_DB_NAME = 'pembinaan-asn-outbox';
const OUTBOX_STORE_NAME = 'entries';

export class IndexedDbOutboxStore implements OutboxStore {
  #store: UseStore | undefined;

  /** True where IndexedDB exists (browsers; not Node, nor some locked-down webviews). */
  static get available(): boolean {
    try {
      return typeof indexedDB !== 'undefined' && indexedDB !== null;
    } catch {
      return false; // some sandboxed iframes throw on access
    }
  }

  // Opened on first use, so constructing one costs nothing (and never throws).
  get #db(): UseStore {
    this.#store ??= createStore(OUTBOX_DB_NAME, OUTBOX_STORE_NAME);
    return this.#store;
  }

  async load(scope: string): Promise<OutboxEntry[]> {
    return ((await get<OutboxEntry[]>(scope, this.#db)) ?? []).slice();
  }

  append(scope: string, entry: OutboxEntry): Promise<void> {
    return update<OutboxEntry[]>(scope, (old) => [...(old ?? []), entry], this.#db);
  }

  update(scope: string, entry: OutboxEntry): Promise<void> {
    return update<OutboxEntry[]>(scope, (old) => (old ?? []).map((e) => (e.id === entry.id ? entry : e)), this.#db);
  }

  remove(scope: string, id: string): Promise<void> {
    return update<OutboxEntry[]>(scope, (old) => (old ?? []).filter((e) => e.id !== id), this.#db);
  }
}

/** Entries in memory (cloned in and out, like IndexedDB would). */
export class MemoryOutboxStore implements OutboxStore {
  readonly #scopes = new Map<string, OutboxEntry[]>();

  async load(scope: string): Promise<OutboxEntry[]> {
    return (this.#scopes.get(scope) ?? []).map(clone);
  }

  async append(scope: string, entry: OutboxEntry): Promise<void> {
    this.#scopes.set(scope, [...(this.#scopes.get(scope) ?? []), clone(entry)]);
  }

  async update(scope: string, entry: OutboxEntry): Promise<void> {
    this.#scopes.set(scope, (this.#scopes.get(scope) ?? []).map((e) => (e.id === entry.id ? clone(entry) : e)));
  }

  async remove(scope: string, id: string): Promise<void> {
    this.#scopes.set(scope, (this.#scopes.get(scope) ?? []).filter((e) => e.id !== id));
  }
}

const clone = <T>(value: T): T => structuredClone(value);
