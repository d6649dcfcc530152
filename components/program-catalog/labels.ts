/** The words of the program catalog that depend on data (type, mode, seats, enrolment status), in the active locale. */
import { msg, str } from '@lit/localize';
import type { EnrollmentStatus, Program, ProgramMode, ProgramType } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';

export const PROGRAM_TYPES: readonly ProgramType[] = ['training', 'seminar', 'workshop', 'e-learning'];

export function typeLabel(type: ProgramType): string {
  switch (type) {
    case 'training':
      return msg('Pelatihan');
    case 'seminar':
      return msg('Seminar');
    case 'workshop':
      return msg('Lokakarya');
    default:
      return msg('E-learning');
  }
}

export function modeLabel(mode: ProgramMode): string {
  switch (mode) {
    case 'classroom':
      return msg('Tatap muka');
    case 'online':
      return msg('Daring');
    default:
      return msg('Tatap muka dan daring');
  }
}

const n = (value: number) => formatNumber(value, currentLocale());

/** "21 JP" (JP go in steps of 0.5: "1,5 JP"). */
export const jpText = (jp: number): string => msg(str`${n(jp)} JP`);

/** Seats left now; 0 when full (a program may be over capacity after an admin lowered it). */
export const seatsLeft = (p: Pick<Program, 'capacity' | 'enrolled'>): number => Math.max(0, p.capacity - p.enrolled);

/** "3 kursi tersisa" / "1 seat left"; "Penuh — daftar tunggu" when none is left. English needs the singular apart. */
export function seatsText(p: Pick<Program, 'capacity' | 'enrolled'>): string {
  const left = seatsLeft(p);
  if (left === 0) return msg('Penuh — daftar tunggu');
  return left === 1 ? msg('1 kursi tersisa') : msg(str`${n(left)} kursi tersisa`);
}

/** How many wait for a seat, when anyone does. */
export function waitingText(waitlisted: number): string {
  return waitlisted === 1 ? msg('1 orang dalam daftar tunggu') : msg(str`${n(waitlisted)} orang dalam daftar tunggu`);
}

/** "5 program ditemukan" / "1 program found" / none. */
export function foundText(count: number): string {
  if (count === 0) return msg('Tidak ada program yang sesuai.');
  return count === 1 ? msg('1 program ditemukan') : msg(str`${n(count)} program ditemukan`);
}

/** An enrolment's status as the ASN reads it: "Terdaftar", "Daftar tunggu ke-4", "Selesai", … */
export function enrollmentStatusText(status: EnrollmentStatus, waitlistPosition: number | null): string {
  switch (status) {
    case 'registered':
      return msg('Terdaftar');
    case 'waitlisted':
      return waitlistPosition ? msg(str`Daftar tunggu ke-${n(waitlistPosition)}`) : msg('Daftar tunggu');
    case 'completed':
      return msg('Selesai', { id: 'program-catalog.enrollment-completed' });
    case 'incomplete':
      return msg('Tidak selesai');
    default:
      return msg('Dibatalkan');
  }
}

/** A program that no longer takes enrolments, by status. */
export function programStatusText(status: Program['status']): string | null {
  switch (status) {
    case 'closed':
      return msg('Pendaftaran ditutup');
    case 'completed':
      return msg('Program selesai');
    case 'cancelled':
      return msg('Program dibatalkan');
    case 'draft':
      return msg('Draf');
    default:
      return null;
  }
}
