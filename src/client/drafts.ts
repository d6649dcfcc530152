/**
 * Form drafts that survive a reload (the feedback form on a flaky connection): JSON in localStorage under
 * `pembinaan-asn:draft:<key>`. Never throws: where storage is unavailable (Safari private mode, sandboxed
 * iframes, storage disabled, quota full) drafts live in memory for the life of the page instead.
 *
 * Keys are the caller's: include whose draft it is and for whom, e.g. `feedback:${selfId}:${employeeId}`, so two
 * users of one device, or two recipients, never see each other's text. Store plain data only (no secrets: it is
 * readable by any script on the origin).
 */

const PREFIX = 'pembinaan-asn:draft:';
const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    const s = (globalThis as { localStorage?: Storage }).localStorage;
    return s ?? null;
  } catch {
    return null; // a SecurityError on access (sandboxed iframe, blocked cookies)
  }
}

/** Save `value` (anything JSON can hold) as the draft `key`. Returns false when it was kept in memory only. */
export function saveDraft(key: string, value: unknown): boolean {
  const text = JSON.stringify({ savedAt: new Date().toISOString(), value });
  memory.set(key, text);
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false; // quota exceeded, private mode
  }
}

/** The draft `key`, or null when there is none (or it cannot be read). */
export function loadDraft<T = unknown>(key: string): T | null {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(PREFIX + key);
  } catch {
    text = undefined;
  }
  text ??= memory.get(key) ?? null;
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as { value?: T };
    return parsed && typeof parsed === 'object' && 'value' in parsed ? (parsed.value as T) : null;
  } catch {
    clearDraft(key); // garbage (another version, a hand edit): drop it rather than fail the form
    return null;
  }
}

/** Forget the draft `key` (after a successful submit, or when the user discards it). */
export function clearDraft(key: string): void {
  memory.delete(key);
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // nothing to do
  }
}
