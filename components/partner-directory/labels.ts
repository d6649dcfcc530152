/** The words of the partner directory that depend on data (kind, status, days left), in the active locale. */
import { msg, str } from '@lit/localize';
import type { AgreementKind, AgreementStatus, PartnerKind } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';

export const PARTNER_KINDS: readonly PartnerKind[] = ['university', 'company', 'government', 'ngo'];
/** In the order a reader scans for: what runs, what ends soon, what ended, what has not begun. */
export const STATUSES: readonly AgreementStatus[] = ['active', 'expiring', 'expired', 'upcoming'];

const n = (value: number) => formatNumber(value, currentLocale());

export function kindLabel(kind: PartnerKind): string {
  switch (kind) {
    case 'university':
      return msg('Perguruan tinggi');
    case 'company':
      return msg('Perusahaan');
    case 'government':
      return msg('Instansi pemerintah');
    default:
      return msg('Organisasi nirlaba (LSM)');
  }
}

export function statusLabel(status: AgreementStatus): string {
  switch (status) {
    case 'active':
      return msg('Aktif', { id: 'partner-directory.status-active' });
    case 'expiring':
      return msg('Segera berakhir');
    case 'expired':
      return msg('Sudah berakhir');
    default:
      return msg('Belum berlaku');
  }
}

export function agreementKindLabel(kind: AgreementKind): string {
  switch (kind) {
    case 'mou':
      return msg('Nota Kesepahaman (MoU)');
    case 'pks':
      return msg('Perjanjian Kerja Sama (PKS)');
    default:
      return msg('Pengaturan Pelaksanaan');
  }
}

const DAY_MS = 86_400_000;
const WIT_OFFSET_MS = 9 * 3600_000; // UTC+9, no daylight saving

/**
 * Whole days from the WIT calendar day of `now` to the date-only `day` (the server computes statuses on the WIT
 * calendar too); null for a malformed date.
 */
export function daysUntil(day: string, now: number): number | null {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  const today = Date.parse(`${new Date(now + WIT_OFFSET_MS).toISOString().slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(end) || Number.isNaN(today) ? null : Math.round((end - today) / DAY_MS);
}

/** "berakhir dalam 45 hari" / "ends in 45 days"; today and tomorrow said as such (English needs the singular apart). */
export function endsInText(days: number): string {
  if (days <= 0) return msg('berakhir hari ini');
  if (days === 1) return msg('berakhir besok');
  return msg(str`berakhir dalam ${n(days)} hari`);
}

/**
 * A status as read out: the label, and for `expiring` how many days are left until `endsOn` (when it is known):
 * "Segera berakhir · berakhir dalam 45 hari".
 */
export function statusText(status: AgreementStatus, endsOn: string | null, now: number): string {
  const label = statusLabel(status);
  if (status !== 'expiring' || !endsOn) return label;
  const days = daysUntil(endsOn, now);
  return days === null ? label : `${label} · ${endsInText(days)}`;
}

/** "7 mitra ditemukan" / "1 partner found" / none. */
export function foundText(count: number): string {
  if (count === 0) return msg('Tidak ada mitra yang cocok');
  return count === 1 ? msg('1 mitra ditemukan') : msg(str`${n(count)} mitra ditemukan`);
}
