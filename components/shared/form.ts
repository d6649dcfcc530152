/**
 * Helpers the form widgets share (`asn-feedback-form`, the dialogs of `asn-goal-list`): validation against the
 * contract's schemas with field paths, server field errors (`ApiError.fieldErrors`, from `problem.errors[].path`),
 * recognising a write queued in the offline outbox, and small templates for a field's error and the summary.
 *
 * Errors are judged by shape (`name`, `status`, `fieldErrors`), not by class, so they work across two copies of
 * the library on one page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { z } from 'zod/mini';

/** One issue the contract found in a form's value: where (`message`, `measure.target`) and what. */
export interface FormIssue {
  path: string;
  code: string;
  /** Details zod gives, e.g. `minimum`/`maximum` for too_small/too_big. */
  minimum?: number;
  maximum?: number;
}

/** Validates `value` with a contract schema; returns the first issue per dotted path (empty when valid). */
export function contractIssues(schema: z.ZodMiniType, value: unknown): Map<string, FormIssue> {
  const result = z.safeParse(schema, value);
  const out = new Map<string, FormIssue>();
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (out.has(path)) continue;
    const i = issue as { code: string; minimum?: unknown; maximum?: unknown };
    out.set(path, {
      path,
      code: i.code,
      ...(typeof i.minimum === 'number' ? { minimum: i.minimum } : {}),
      ...(typeof i.maximum === 'number' ? { maximum: i.maximum } : {}),
    });
  }
  return out;
}

/** `errors[]` of an SDK error (ApiError 400/422, ValidationError), by path; empty when it has none. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const e = error as { fieldErrors?: unknown } | null | undefined;
  if (!e || typeof e.fieldErrors !== 'object' || e.fieldErrors === null) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(e.fieldErrors as Record<string, unknown>)) {
    if (typeof message === 'string') out[path.replace(/^body\./, '')] = message;
  }
  return out;
}

/** The codes of `problem.errors[]` by path (to pick a localized message), when the error carries a problem. */
export function fieldCodesOf(error: unknown): Record<string, string> {
  const problem = (error as { problem?: { errors?: Array<{ path?: unknown; code?: unknown }> } } | null)?.problem;
  const out: Record<string, string> = {};
  for (const item of problem?.errors ?? []) {
    if (typeof item.path === 'string' && typeof item.code === 'string' && !(item.path in out)) out[item.path] = item.code;
  }
  return out;
}

/** The write went to the offline outbox (`QueuedError`): it will be sent by itself. Returns its entry id. */
export function queuedEntryId(error: unknown): string | null {
  const e = error as { name?: unknown; entry?: { id?: unknown } } | null | undefined;
  if (e?.name === 'QueuedError' && typeof e.entry?.id === 'string') return e.entry.id;
  return null;
}

/** The server's RFC 9457 `detail` (or `title`) of an SDK error, when it has one. */
export function problemText(error: unknown): string | null {
  const problem = (error as { problem?: { detail?: unknown; title?: unknown } } | null)?.problem;
  if (typeof problem?.detail === 'string' && problem.detail) return problem.detail;
  if (typeof problem?.title === 'string' && problem.title) return problem.title;
  return null;
}

/** A field's error message, with the id its control names in `aria-describedby`; renders nothing without one. */
export function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="field-error" id=${id} part="field-error">
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-1 5v7h2V7h-2Zm0 9v2h2v-2h-2Z"></path>
    </svg>
    <span>${message}</span>
  </p>`;
}

/** Joins ids for `aria-describedby`, skipping empty ones; undefined when none remain (the attribute is dropped). */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : undefined;
}

/** Runs `fn` at most once per `ms` of quiet; `flush()` runs a pending call now, `cancel()` drops it. */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}
