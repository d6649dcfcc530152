/** Words the review queue uses for an application's status and its consent purposes, in the active locale. */
import { msg } from '@lit/localize';
import type { ApplicationStatus, ConsentRecord } from '../../src/contract/index.js';

type ConsentPurpose = ConsentRecord['purposes'][number];

/** In the order an application moves through them (the status filter lists them so). */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'reviewing', 'accepted', 'rejected', 'withdrawn'];

export function statusLabel(status: ApplicationStatus): string {
  switch (status) {
    case 'submitted':
      return msg('Diajukan');
    case 'reviewing':
      return msg('Sedang ditinjau');
    case 'accepted':
      return msg('Diterima');
    case 'rejected':
      return msg('Ditolak');
    default:
      return msg('Ditarik');
  }
}

export function purposeLabel(purpose: ConsentPurpose): string {
  switch (purpose) {
    case 'selection':
      return msg('Seleksi peserta magang');
    case 'placement':
      return msg('Penempatan di unit kerja');
    default:
      return msg('Menghubungi mahasiswa');
  }
}
