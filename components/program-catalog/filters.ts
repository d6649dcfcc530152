/** The catalog's filters: what they hold, how they match locally (programs given through properties), and their form. */
import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import type { Competency, Program, ProgramListQuery, ProgramType } from '../../src/contract/index.js';
import type { AsnLocale } from '../i18n/locale.js';
import { competencyLabel } from '../shared/competency-label.js';
import { filterForm, filterSelect, type SearchView } from '../shared/filter-form.js';
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

export interface FiltersView extends SearchView {
  filters: Filters;
  months: readonly string[];
  locale: AsnLocale;
  onType(value: string): void;
  onCompetency(value: string): void;
  onMonth(value: string): void;
}

export function renderFilters(v: FiltersView): TemplateResult {
  const f = v.filters;
  return filterForm(
    v,
    {
      label: msg('Saring program'),
      searchLabel: msg('Cari program'),
      showClear: hasFilters(f) || Boolean(v.searchText),
      clearLabel: msg('Hapus filter'),
    },
    [
      filterSelect({
        id: 'f-type',
        label: msg('Jenis', { id: 'program-catalog.type-filter' }),
        allLabel: msg('Semua jenis'),
        value: f.type,
        options: PROGRAM_TYPES.map((t) => ({ value: t, label: typeLabel(t) })),
        onChange: v.onType,
      }),
      filterSelect({
        id: 'f-competency',
        label: msg('Kompetensi'),
        allLabel: msg('Semua kompetensi'),
        value: f.competency,
        options: COMPETENCIES.map((c) => ({ value: c, label: competencyLabel(c) })),
        onChange: v.onCompetency,
      }),
      filterSelect({
        id: 'f-month',
        label: msg('Bulan'),
        allLabel: msg('Semua bulan'),
        value: f.month,
        options: v.months.map((m) => ({ value: m, label: monthLabel(m, v.locale) })),
        onChange: v.onMonth,
      }),
    ],
  );
}
