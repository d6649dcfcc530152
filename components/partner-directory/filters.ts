/** The directory's filters: what they hold, the server's query, the same match on partners given as a property, and their form. */
import { msg } from '@lit/localize';
import type { TemplateResult } from 'lit';
import type { AgreementStatus, Partner, PartnerKind, PartnerListQuery } from '../../src/contract/index.js';
import { filterForm, filterSelect, type SearchView } from '../shared/filter-form.js';
import { PARTNER_KINDS, STATUSES, kindLabel, statusLabel } from './labels.js';

export interface Filters {
  kind: PartnerKind | '';
  status: AgreementStatus | '';
  /** The search text (trimmed, debounced). */
  q: string;
}

export const hasFilters = (f: Filters): boolean => Boolean(f.kind || f.status || f.q);

/** `GET /v1/partners` for these filters. */
export function listQuery(f: Filters, limit: number): PartnerListQuery {
  return {
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { q: f.q } : {}),
    limit,
  };
}

/** What the server does for `q`, kind and status, on partners given through the property. */
export function matches(p: Partner, f: Filters): boolean {
  if (f.kind && p.kind !== f.kind) return false;
  if (f.status && p.status !== f.status) return false;
  if (!f.q) return true;
  const q = f.q.toLocaleLowerCase();
  return [p.name, p.city, ...p.agreements.flatMap((a) => [a.number, a.title])].some((t) => t.toLocaleLowerCase().includes(q));
}

export interface FiltersView extends SearchView {
  filters: Filters;
  onKind(value: string): void;
  onStatus(value: string): void;
}

export function renderFilters(v: FiltersView): TemplateResult {
  const f = v.filters;
  return filterForm(
    v,
    {
      label: msg('Saring mitra'),
      searchLabel: msg('Cari mitra'),
      searchHint: msg('Nama, kota, nomor atau judul perjanjian.'),
      showClear: hasFilters(f) || Boolean(v.searchText),
      clearLabel: msg('Hapus filter'),
    },
    [
      filterSelect({
        id: 'f-kind',
        label: msg('Jenis mitra'),
        allLabel: msg('Semua jenis mitra'),
        value: f.kind,
        options: PARTNER_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
        onChange: v.onKind,
      }),
      filterSelect({
        id: 'f-status',
        label: msg('Status kerja sama'),
        allLabel: msg('Semua status'),
        value: f.status,
        options: STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        onChange: v.onStatus,
      }),
    ],
  );
}
