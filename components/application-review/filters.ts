/** The queue's filters: what they hold, the server's query for them, the same match on data given as properties, their form. */
import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import type { ApplicationListQuery, ApplicationStatus, InternshipApplication } from '../../src/contract/index.js';
import { filterForm, filterSelect, type SearchView } from '../shared/filter-form.js';
import { APPLICATION_STATUSES, statusLabel } from './labels.js';

export interface ReviewFilters {
  /** An opening id (`int_…`), or `''` for every opening. */
  opening: string;
  /** A partner id (`ptn_…`), or `''` for every partner. */
  partner: string;
  status: ApplicationStatus | '';
  /** The search text (trimmed, debounced): name, NIM, email or reference. */
  q: string;
}

/** One choice of the opening or partner filter. */
export interface FilterOption {
  id: string;
  label: string;
}

export const hasFilters = (f: ReviewFilters): boolean => Boolean(f.opening || f.partner || f.status || f.q);

export function listQuery(f: ReviewFilters, limit: number): ApplicationListQuery {
  return {
    ...(f.opening ? { opening: f.opening as ApplicationListQuery['opening'] } : {}),
    ...(f.partner ? { partner: f.partner as ApplicationListQuery['partner'] } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { q: f.q } : {}),
    limit,
  };
}

/** The server's filtering, for applications given through properties (an erased one matches only by reference). */
export function matches(a: InternshipApplication, f: ReviewFilters): boolean {
  if (f.opening && a.openingId !== f.opening) return false;
  if (f.partner && a.partnerId !== f.partner) return false;
  if (f.status && a.status !== f.status) return false;
  if (f.q) {
    const q = f.q.toLocaleLowerCase();
    const s = a.student;
    return [a.reference, s?.name ?? '', s?.nim ?? '', s?.email ?? ''].some((t) => t.toLocaleLowerCase().includes(q));
  }
  return true;
}

/** Options sorted by label, the ones seen in loaded applications added (a filter never lacks what the queue shows). */
export function mergeOptions(listed: readonly FilterOption[], seen: Iterable<FilterOption>, selected: string): FilterOption[] {
  const byId = new Map(listed.map((o) => [o.id, o]));
  for (const o of seen) if (!byId.has(o.id)) byId.set(o.id, o);
  if (selected && !byId.has(selected)) byId.set(selected, { id: selected, label: selected });
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export interface FiltersView extends SearchView {
  filters: ReviewFilters;
  openings: readonly FilterOption[];
  partners: readonly FilterOption[];
  onOpening(value: string): void;
  onPartner(value: string): void;
  onStatus(value: string): void;
}

export function renderFilters(v: FiltersView): TemplateResult {
  const f = v.filters;
  const choices = (options: readonly FilterOption[]) => options.map((o) => ({ value: o.id, label: o.label }));
  return filterForm(
    v,
    {
      label: msg('Saring lamaran'),
      searchLabel: msg('Cari nama, NIM, email atau nomor lamaran'),
      showClear: hasFilters(f) || Boolean(v.searchText),
      clearLabel: msg('Hapus filter'),
    },
    [
      filterSelect({
        id: 'f-opening',
        label: msg('Lowongan'),
        allLabel: msg('Semua lowongan'),
        value: f.opening,
        options: choices(v.openings),
        onChange: v.onOpening,
      }),
      filterSelect({
        id: 'f-partner',
        label: msg('Perguruan tinggi'),
        allLabel: msg('Semua perguruan tinggi'),
        value: f.partner,
        options: choices(v.partners),
        onChange: v.onPartner,
      }),
      filterSelect({
        id: 'f-status',
        label: msg('Status'),
        allLabel: msg('Semua status'),
        value: f.status,
        options: APPLICATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        onChange: v.onStatus,
      }),
    ],
  );
}
