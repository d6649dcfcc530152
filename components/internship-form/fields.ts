/**
 * The application form's fields: what it holds (and keeps as a draft), the body it sends, validation with the
 * contract's own `ApplicationCreate` schema, and the Indonesian message for each rule code — the same codes the
 * server puts in `problem.errors[].code` (`nim.format`, `phone.mobile`, zod's `too_small` …).
 */
import { msg, str } from '@lit/localize';
import { z } from 'zod/mini';
import { ApplicationCreate as ApplicationCreateSchema, type ApplicationCreate, type PrivacyNotice } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';

/** The longest and shortest motivation the contract accepts (`ApplicationCreate.motivation`). */
export const MOTIVATION_MIN = 30;
export const MOTIVATION_MAX = 2000;
export const SEMESTERS = Array.from({ length: 14 }, (_, i) => String(i + 1));

/** What the student typed: everything the draft keeps (never the consent, the challenge or the honeypot). */
export interface ApplicationFormValue {
  name: string;
  nim: string;
  studyProgram: string;
  /** `''` until one is picked, else `'1'`…`'14'`. */
  semester: string;
  email: string;
  phone: string;
  motivation: string;
}

export type TextField = keyof ApplicationFormValue;
export type FieldName = TextField | 'consent';

/** In the order they appear (the first invalid one gets the focus). */
export const FIELD_ORDER: readonly FieldName[] = ['name', 'nim', 'studyProgram', 'semester', 'email', 'phone', 'motivation', 'consent'];

export const fieldId = (field: FieldName): string => `f-${field}`;

export const emptyValue = (): ApplicationFormValue => ({ name: '', nim: '', studyProgram: '', semester: '', email: '', phone: '', motivation: '' });

/** A draft as read back from storage: only known string fields survive (another version's or a hand-edited one). */
export function valueFromDraft(draft: unknown): ApplicationFormValue | null {
  if (!draft || typeof draft !== 'object') return null;
  const value = emptyValue();
  let any = false;
  for (const key of Object.keys(value) as TextField[]) {
    const v = (draft as Record<string, unknown>)[key];
    if (typeof v === 'string') {
      value[key] = v.slice(0, key === 'motivation' ? MOTIVATION_MAX * 2 : 300);
      any ||= v.trim() !== '';
    }
  }
  if (!SEMESTERS.includes(value.semester)) value.semester = '';
  return any ? value : null;
}

export const isBlank = (v: ApplicationFormValue): boolean => Object.values(v).every((s) => s.trim() === '');

/** The body `internships.apply()` sends. */
export function applicationBody(
  v: ApplicationFormValue,
  consent: boolean,
  notice: Pick<PrivacyNotice, 'version' | 'hash'> | undefined,
  altcha: string,
  website: string,
): ApplicationCreate {
  return {
    student: {
      name: v.name.trim(),
      nim: v.nim.trim(),
      studyProgram: v.studyProgram.trim(),
      semester: v.semester === '' ? Number.NaN : Number(v.semester),
      email: v.email.trim(),
      phone: v.phone.trim(),
    },
    motivation: v.motivation.trim(),
    consent: { noticeVersion: notice?.version ?? '', noticeHash: notice?.hash ?? '', accepted: consent as true },
    altcha,
    website,
  };
}

/** The field an issue path names (`student.nim`, `body.student.nim`, `consent.noticeVersion`), or null. */
export function fieldOf(path: string): FieldName | null {
  const p = path.replace(/^body\./, '');
  if (p.startsWith('student.')) {
    const name = p.slice('student.'.length) as TextField;
    return FIELD_ORDER.includes(name) ? name : null;
  }
  if (p === 'motivation') return 'motivation';
  if (p === 'consent' || p.startsWith('consent.')) return 'consent';
  return null;
}

/**
 * The first issue per field the contract finds, as a rule code: the refinement's own (`params.rule`, e.g.
 * `nim.format`) or zod's (`too_small`, `invalid_format`). The challenge and the honeypot are left to the server.
 */
export function contractRules(body: ApplicationCreate): Map<FieldName, string> {
  const out = new Map<FieldName, string>();
  const result = z.safeParse(ApplicationCreateSchema, body);
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (!field || out.has(field)) continue;
    const rule = (issue as { params?: { rule?: unknown } }).params?.rule;
    out.set(field, typeof rule === 'string' ? rule : issue.code);
  }
  return out;
}

/** What to tell the student about `field`, refused with `rule`, given what they typed. */
export function ruleMessage(field: FieldName, rule: string, v: ApplicationFormValue): string {
  const empty = field !== 'consent' && v[field].trim() === '';
  const locale = currentLocale();
  switch (field) {
    case 'name':
      if (empty) return msg('Tulis nama lengkap Anda.');
      return rule === 'too_big' ? msg('Nama paling banyak 120 karakter.') : msg('Nama minimal 2 huruf.');
    case 'nim':
      if (empty) return msg('Tulis NIM Anda.');
      return msg('Tulis NIM seperti di kartu mahasiswa: 3–30 huruf atau angka (boleh dengan titik, garis miring atau tanda hubung).');
    case 'studyProgram':
      if (empty) return msg('Tulis program studi Anda.');
      return rule === 'too_big' ? msg('Program studi paling banyak 120 karakter.') : msg('Program studi minimal 2 huruf.');
    case 'semester':
      return msg('Pilih semester Anda saat ini (1–14).');
    case 'email':
      if (empty) return msg('Tulis alamat email Anda.');
      return msg('Tulis alamat email yang lengkap, misalnya nama@kampus.ac.id.');
    case 'phone':
      if (empty) return msg('Tulis nomor HP Anda.');
      return msg('Tulis nomor HP Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.');
    case 'motivation': {
      if (rule === 'too_big') return msg(str`Motivasi paling banyak ${formatNumber(MOTIVATION_MAX, locale)} karakter.`);
      if (empty) return msg(str`Tulis motivasi Anda, minimal ${formatNumber(MOTIVATION_MIN, locale)} karakter.`);
      const missing = MOTIVATION_MIN - v.motivation.trim().length;
      return msg(str`Motivasi minimal ${formatNumber(MOTIVATION_MIN, locale)} karakter; tambahkan ${formatNumber(missing, locale)} karakter lagi.`);
    }
    case 'consent':
      return msg('Centang persetujuan setelah membaca pemberitahuan privasi.');
  }
}

/** `+6281234567890` as the student reads it: `+62 812 3456 7890`. */
export function formatPhone(e164: string): string {
  const digits = e164.slice(3);
  const groups = [digits.slice(0, 3), ...(digits.slice(3).match(/.{1,4}/g) ?? [])];
  return `+62 ${groups.join(' ')}`;
}
