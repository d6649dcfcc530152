/** The catalog's filters: what they hold, how they match locally (programs given through properties), and their form. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Competency, Program, ProgramListQuery, ProgramType } from '../../src/contract/index.js';
import type { AsnLocale } from '../i18n/locale.js';
import { competencyLabel } from '../shared/competency-label.js';
import { monthLabel, witMonth } from './dates.js';
import { PROGRAM_TYPES, typeLabel } from './labels.js';

export interface Filters {
  type: ProgramType | '';
  competency: Competency | '';
  /** A WIT month, `2025-11`. */
  month: string;
  /** The search text (trimmed, debounced). */
  q: string;
}

const COMPETENCIES: readonly Competency[] = ['technical', 'managerial', 'socio-cultural'];

export const hasFilters = (f: Filters): boolean => Boolean(f.type || f.competency || f.month || f.q);

/** The server's query for these filters (`for=me`: with the viewer's enrolment and recommendations). */
export function listQuery(f: Filters, limit: number): ProgramListQuery {
  return {
    for: 'me',
    ...(f.type ? { type: f.type } : {}),
    ...(f.competency ? { competency: f.competency } : {}),
    ...(f.month ? { month: f.month } : {}),
    ...(f.q ? { q: f.q } : {}),
    limit,
  };
}

/** The same filters on programs given through properties (the server does this otherwise). */
export function matches(p: Program, f: Filters): boolean {
  if (f.type && p.type !== f.type) return false;
  if (f.competency && p.competency !== f.competency) return false;
  if (f.month && !p.sessions.some((s) => witMonth(s.startsAt) === f.month)) return false;
  if (f.q) {
    const q = f.q.toLocaleLowerCase();
    return [p.title, p.description, p.partnerName ?? ''].some((t) => t.toLocaleLowerCase().includes(q));
  }
  return true;
}

export interface FiltersView {
  filters: Filters;
  /** What is in the search box now (the query follows after a pause). */
  searchText: string;
  months: readonly string[];
  locale: AsnLocale;
  onType(value: string): void;
  onCompetency(value: string): void;
  onMonth(value: string): void;
  onSearchInput(value: string): void;
  /** Enter in the search box: search now. */
  onSubmit(): void;
  onClear(): void;
}

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

export function renderFilters(v: FiltersView): TemplateResult {
  const f = v.filters;
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${msg('Saring program')}
    @submit=${(e: Event) => {
      e.preventDefault();
      v.onSubmit();
    }}
  >
    <div class="filter search">
      <label for="f-q">${msg('Cari program')}</label>
      <input
        id="f-q"
        type="search"
        part="search"
        autocomplete="off"
        maxlength="120"
        .value=${v.searchText}
        @input=${(e: Event) => v.onSearchInput(valueOf(e))}
      />
    </div>
    <div class="filter">
      <label for="f-type">${msg('Jenis', { id: 'program-catalog.type-filter' })}</label>
      <select id="f-type" part="filter" @change=${(e: Event) => v.onType(valueOf(e))}>
        <option value="" ?selected=${!f.type}>${msg('Semua jenis')}</option>
        ${PROGRAM_TYPES.map((t) => html`<option value=${t} ?selected=${f.type === t}>${typeLabel(t)}</option>`)}
      </select>
    </div>
    <div class="filter">
      <label for="f-competency">${msg('Kompetensi')}</label>
      <select id="f-competency" part="filter" @change=${(e: Event) => v.onCompetency(valueOf(e))}>
        <option value="" ?selected=${!f.competency}>${msg('Semua kompetensi')}</option>
        ${COMPETENCIES.map((c) => html`<option value=${c} ?selected=${f.competency === c}>${competencyLabel(c)}</option>`)}
      </select>
    </div>
    <div class="filter">
      <label for="f-month">${msg('Bulan')}</label>
      <select id="f-month" part="filter" @change=${(e: Event) => v.onMonth(valueOf(e))}>
        <option value="" ?selected=${!f.month}>${msg('Semua bulan')}</option>
        ${v.months.map((m) => html`<option value=${m} ?selected=${f.month === m}>${monthLabel(m, v.locale)}</option>`)}
      </select>
    </div>
    ${hasFilters(f) || v.searchText
      ? html`<button type="button" class="secondary clear" part="clear-filters" @click=${v.onClear}>${msg('Hapus filter')}</button>`
      : nothing}
  </form>`;
}
