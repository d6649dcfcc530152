/**
 * Per-client read cache. Reads are keyed by URL: concurrent reads of one URL share one request (fifty widgets
 * asking for the same summary make ONE request), and a success stays for `ttl` ms. Each entry carries tags
 * `${resource}:${employee}` (`progress:emp_1`, `progress:me`); `invalidate(tags)` drops matching entries —
 * in flight or settled — and tells listeners, so widgets that keep data of their own re-fetch too.
 * Failures are never cached.
 */
import type { CacheTag, InvalidationCause } from './types.js';

interface Entry {
  promise: Promise<unknown>;
  tags: readonly CacheTag[];
  /** ms timestamp until which a settled entry is served; Infinity while in flight. */
  expires: number;
  /** The settled value (what `update` in `invalidate` may patch). */
  value?: unknown;
}

/** `cause`: the live event behind an invalidation, when it carries what changed (widgets apply it, not refetch). */
export type InvalidateListener = (tags: readonly CacheTag[], cause?: InvalidationCause) => void;

/** Patches a settled cached value from a live event's payload: the new value, or undefined to drop the entry. */
export type CacheUpdate = (value: unknown) => unknown;

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<InvalidateListener>();
  #ttl: number;

  constructor(ttl: number) {
    this.#ttl = ttl;
  }

  /**
   * The cached or in-flight value of `key`, else `load()`'s. `fresh` skips a settled entry but still joins one in
   * flight. `load` must not depend on a caller's AbortSignal (it is shared); callers race their own signal.
   */
  read<T>(key: string, tags: readonly CacheTag[], load: () => Promise<T>, fresh = false): Promise<T> {
    const existing = this.#entries.get(key);
    if (existing) {
      const inFlight = existing.expires === Infinity;
      if (inFlight || (!fresh && existing.expires > Date.now())) return existing.promise as Promise<T>;
      this.#entries.delete(key);
    }
    const entry: Entry = { promise: Promise.resolve(), tags, expires: Infinity };
    entry.promise = load().then(
      (value) => {
        // Only if it was not invalidated (removed or replaced) while in flight.
        if (this.#entries.get(key) === entry) {
          entry.value = value;
          if (this.#ttl > 0) entry.expires = Date.now() + this.#ttl;
          else this.#entries.delete(key);
        }
        return value;
      },
      (error: unknown) => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
        throw error;
      },
    );
    this.#entries.set(key, entry);
    return entry.promise as Promise<T>;
  }

  /**
   * Drop every entry carrying one of `tags` and notify listeners (always, even when nothing was cached). A tag
   * `resource:*` matches every `resource:…` tag; listeners hear the wildcard AND the concrete tags it dropped
   * (use `tagMatches()` to test a tag of your own against the list). With `update` (a live event's payload), a
   * settled entry it can patch stays, with the patched value; the others are dropped. Listeners hear `cause`.
   */
  invalidate(tags: readonly CacheTag[], cause?: InvalidationCause, update?: CacheUpdate): void {
    if (tags.length === 0) return;
    const set = new Set(tags);
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      const hit = entry.tags.filter((t) => tagMatches(tags, t));
      if (hit.length === 0) continue;
      for (const t of hit) set.add(t);
      const settled = entry.expires !== Infinity && entry.expires > now;
      const patched = update && settled ? update(entry.value) : undefined;
      if (patched === undefined) {
        this.#entries.delete(key);
      } else if (patched !== entry.value) {
        entry.value = patched;
        entry.promise = Promise.resolve(patched);
      }
    }
    const list = [...set];
    for (const listener of [...this.#listeners]) {
      try {
        listener(list, cause);
      } catch (error) {
        // A broken listener must not stop the others nor the mutation that triggered it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Drop everything (sign-out, close); listeners hear the tags that were cached. */
  clear(notify = true): void {
    const tags = new Set<CacheTag>();
    for (const entry of this.#entries.values()) for (const t of entry.tags) tags.add(t);
    this.#entries.clear();
    if (notify && tags.size > 0) this.invalidate([...tags]);
  }

  onInvalidate(listener: InvalidateListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Whether `tag` (e.g. `team:me`) is among `invalidated`, directly or through a `resource:*` wildcard. Widgets that
 * keep data of their own use it in their `onInvalidate` listener: `if (tagMatches(tags, 'team:me')) reload()`.
 */
export function tagMatches(invalidated: readonly CacheTag[], tag: CacheTag): boolean {
  const colon = tag.indexOf(':');
  const wildcard = colon >= 0 ? `${tag.slice(0, colon)}:*` : null;
  return invalidated.some((t) => t === tag || (wildcard !== null && t === wildcard));
}

/** `${resource}:${employee}` tags for a mutation: the employee's and the `me` variant (or the reverse). */
export function tagsFor(resources: readonly string[], employee: string, selfId?: string | null): CacheTag[] {
  // The client cannot know who `me` is without asking, so a change to anyone also drops the `me` variant (a
  // refetch is cheap); once `me` is known, a change to `me` also drops that employee id's entries.
  const who = new Set<string>([employee, 'me']);
  if (selfId && (employee === 'me' || employee === selfId)) who.add(selfId);
  const tags: CacheTag[] = [];
  for (const r of resources) for (const w of who) tags.push(`${r}:${w}`);
  return tags;
}

/** Resolve with `promise` unless `signal` aborts first (the shared request keeps going for the others). */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
