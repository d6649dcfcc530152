/**
 * The search-and-filter form of the list widgets (program catalog, partner directory, application review): a
 * labelled search box (`#f-q`) and the widget's filter selects, Enter searching now and "Hapus filter" clearing.
 * Every text comes in from the widget, so each keeps its own `msg()` strings.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** One choice of a filter select (besides the "all" choice, `''`). */
export interface SelectOption {
  value: string;
  label: string;
}

export interface FilterSelectView {
  /** The select's id (its label points at it). */
  id: string;
  label: string;
  /** The text of the empty choice: no filter. */
  allLabel: string;
  /** The value chosen now; `''` for all. */
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
}

/** The search box's state and the form's callbacks, which the widget's own filters view extends. */
export interface SearchView {
  /** What is in the search box now (the query follows after a pause). */
  searchText: string;
  onSearchInput(value: string): void;
  /** Enter in the search box: search now. */
  onSubmit(): void;
  onClear(): void;
}

/** The widget's texts for the form (its own `msg()` strings) and whether "clear" shows. */
export interface FilterFormTexts {
  /** The form's accessible name. */
  label: string;
  searchLabel: string;
  /** A hint under the search box, tied to it by `aria-describedby`. */
  searchHint?: string;
  clearLabel: string;
  /** Whether the "clear" button shows (a filter or search text is set). */
  showClear: boolean;
}

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

export function filterSelect(s: FilterSelectView): TemplateResult {
  return html`<div class="filter">
    <label for=${s.id}>${s.label}</label>
    <select id=${s.id} part="filter" @change=${(e: Event) => s.onChange(valueOf(e))}>
      <option value="" ?selected=${!s.value}>${s.allLabel}</option>
      ${s.options.map((o) => html`<option value=${o.value} ?selected=${s.value === o.value}>${o.label}</option>`)}
    </select>
  </div>`;
}

export function filterForm(v: SearchView, t: FilterFormTexts, selects: readonly TemplateResult[]): TemplateResult {
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${t.label}
    @submit=${(e: Event) => {
      e.preventDefault();
      v.onSubmit();
    }}
  >
    <div class="filter search">
      <label for="f-q">${t.searchLabel}</label>
      <input
        id="f-q"
        type="search"
        part="search"
        autocomplete="off"
        maxlength="120"
        aria-describedby=${t.searchHint ? 'f-q-hint' : nothing}
        .value=${v.searchText}
        @input=${(e: Event) => v.onSearchInput(valueOf(e))}
      />
      ${t.searchHint ? html`<p class="hint" id="f-q-hint">${t.searchHint}</p>` : nothing}
    </div>
    ${selects}
    ${t.showClear
      ? html`<button type="button" class="secondary clear" part="clear-filters" @click=${v.onClear}>${t.clearLabel}</button>`
      : nothing}
  </form>`;
}
