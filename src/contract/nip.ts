/**
 * NIP (Nomor Induk Pegawai), 18 digits:
 *   YYYYMMDD birth date · YYYYMM start of civil service · 1 gender digit (1 male, 2 female) · 3-digit sequence.
 * Source: BKN numbering rules (docs/architecture.md, "Domain rules").
 */
export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  serviceStart: string; // YYYY-MM
  gender: 'male' | 'female';
  sequence: number;
}

/** Why a NIP was refused: a stable code a form can translate. */
export type NipProblem =
  | 'nip.format'
  | 'nip.birth_date'
  | 'nip.service_start'
  | 'nip.start_before_birth'
  | 'nip.gender'
  | 'nip.sequence';

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Parses a NIP; returns its parts or the first rule it breaks. */
export function parseNip(nip: string): { ok: true; parts: NipParts } | { ok: false; problem: NipProblem } {
  if (!/^\d{18}$/.test(nip)) return { ok: false, problem: 'nip.format' };
  const by = +nip.slice(0, 4), bm = +nip.slice(4, 6), bd = +nip.slice(6, 8);
  const sy = +nip.slice(8, 12), sm = +nip.slice(12, 14);
  const g = nip[14], seq = +nip.slice(15);
  if (by < 1900 || !isRealDate(by, bm, bd)) return { ok: false, problem: 'nip.birth_date' };
  if (sy < 1900 || sm < 1 || sm > 12) return { ok: false, problem: 'nip.service_start' };
  // The service start month must come after the birth month.
  if (sy * 12 + sm <= by * 12 + bm) return { ok: false, problem: 'nip.start_before_birth' };
  if (g !== '1' && g !== '2') return { ok: false, problem: 'nip.gender' };
  if (seq === 0) return { ok: false, problem: 'nip.sequence' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    parts: {
      birthDate: `${by}-${pad(bm)}-${pad(bd)}`,
      serviceStart: `${sy}-${pad(sm)}`,
      gender: g === '1' ? 'male' : 'female',
      sequence: seq,
    },
  };
}

export const nipMessages: Record<NipProblem, string> = {
  'nip.format': 'NIP must be exactly 18 digits',
  'nip.birth_date': 'NIP digits 1-8 must be a real birth date (YYYYMMDD)',
  'nip.service_start': 'NIP digits 9-14 must be a real month of civil-service start (YYYYMM)',
  'nip.start_before_birth': 'NIP civil-service start must come after the birth date',
  'nip.gender': 'NIP digit 15 must be 1 (male) or 2 (female)',
  'nip.sequence': 'NIP sequence (last 3 digits) cannot be 000',
};
