/**
 * What the goal form and the check-in form share: a field's error wiring, and reading / writing the form's
 * controls. The controls are not bound to state (a live update re-rendering the list never touches what is being
 * typed); values go in once when the dialog opens (defaults or a draft) and are read back from the form.
 */
import { nothing, type TemplateResult } from 'lit';
import type { Goal } from '../../src/contract/index.js';
import { describedBy, fieldError } from '../shared/form.js';

export interface FieldState {
  invalid: 'true' | 'false';
  describedby: string | undefined;
  error: TemplateResult | typeof nothing;
}

/** `aria-invalid`, `aria-describedby` and the error below the field (id `<id>-error`) for the field `id`. */
export function fieldState(errors: Record<string, string>, path: string, id: string): FieldState {
  const message = errors[path];
  return {
    invalid: message ? 'true' : 'false',
    describedby: describedBy(message && `${id}-error`),
    error: fieldError(`${id}-error`, message),
  };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form's values by control name, as typed. */
export function readForm<V extends Record<string, string>>(form: HTMLFormElement, names: readonly (keyof V & string)[]): V {
  const data = new FormData(form);
  const out: Record<string, string> = {};
  for (const name of names) out[name] = String(data.get(name) ?? '');
  return out as V;
}

/** Puts `values` into the form's controls by name. */
export function writeForm(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name) as Control | null;
    if (control && 'value' in control) control.value = value;
  }
}

/** A number as typed, with a decimal comma accepted (`2,5`); undefined when empty. */
export function parseNumber(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}

/** What a form of the goal dialog needs to know about where it is used. */
export interface FormContext {
  /** The signed-in user: drafts are theirs only. */
  userId: string;
  /** The list's year (the default due date). */
  year: number;
  /** The goal being checked in on (check-in form only). */
  goal?: Goal;
}

/**
 * One form of the goal dialog (add a goal, check in progress): its fields, defaults, validation against the
 * contract and its draft. `V` is the form as typed (strings), `B` the request body.
 */
export interface DialogForm<V extends Record<string, string>, B> {
  /** The dialog's heading. */
  title(): string;
  /** A line under the heading (the goal checked in on), or nothing. */
  subtitle(ctx: FormContext): string | undefined;
  /** Field ids by the contract path their errors come back on. */
  fields: Readonly<Record<string, string>>;
  /** Where an error on `path` is shown (the field it belongs to, by path). */
  fieldKey(path: string): string;
  /** The field focused when the dialog opens. */
  firstField: string;
  defaults(ctx: FormContext): V;
  read(form: HTMLFormElement): V;
  body(value: V, ctx: FormContext): B;
  /** Localized messages by field path; empty when the body is valid. */
  validate(body: B): Record<string, string>;
  render(ctx: FormContext, errors: Record<string, string>): TemplateResult;
  loadDraft(ctx: FormContext): V | null;
  /** Keeps `value` as the user's draft (forgets it when it is just the defaults). */
  saveDraft(ctx: FormContext, value: V): void;
  clearDraft(ctx: FormContext): void;
}

/** A draft as stored: whose it is, and the values. */
export interface StoredDraft<V> {
  authorId: string;
  value: Partial<Record<keyof V, unknown>>;
}

/** True when every value equals its default (nothing worth keeping). */
export function sameAs<V extends Record<string, string>>(value: V, defaults: V): boolean {
  return (Object.keys(defaults) as (keyof V)[]).every((k) => value[k] === defaults[k]);
}
