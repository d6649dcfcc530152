import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Employee,
  ApplicationCreate,
  AllowedOrigin,
  AgreementCreate,
  Student,
  LearningRecordCreate,
  Nip,
  Phone,
  ProgressSummary,
  normalizeIndonesianMobile,
  parseNip,
  routes,
  CertificateNumber,
  ProgramCreate,
  ProgramUpdate,
  Topic,
} from '../../src/contract/index.js';
import { buildOpenApi } from '../../src/contract/openapi.js';

const ruleOf = (result: { error?: { issues: ReadonlyArray<object> } }) =>
  (result.error?.issues[0] as { params?: { rule?: string } } | undefined)?.params?.rule;

describe('NIP (docs/architecture.md, "Domain rules")', () => {
  it('accepts a well-formed NIP and reads its parts', () => {
    const parsed = parseNip('198503212010012003');
    assert.deepEqual(parsed, {
      ok: true,
      parts: { birthDate: '1985-03-21', serviceStart: '2010-01', gender: 'female', sequence: 3 },
    });
    assert.equal(Nip.safeParse('198503212010012003').success, true);
  });

  const refused: Array<[string, string, string]> = [
    ['17 digits', '19850321201001200', 'nip.format'],
    ['19 digits', '1985032120100120031', 'nip.format'],
    ['letters', '19850321201001200A', 'nip.format'],
    ['30 February', '198502302010012003', 'nip.birth_date'],
    ['month 13 of birth', '198513012010012003', 'nip.birth_date'],
    ['29 Feb of a non-leap year', '198502292010012003', 'nip.birth_date'],
    ['start month 00', '198503212010002003', 'nip.service_start'],
    ['start before birth', '198503211984012003', 'nip.start_before_birth'],
    ['start in the birth month', '198503211985032003', 'nip.start_before_birth'],
    ['gender digit 3', '198503212010013003', 'nip.gender'],
    ['sequence 000', '198503212010012000', 'nip.sequence'],
  ];
  for (const [why, nip, rule] of refused) {
    it(`refuses ${why} with rule ${rule}`, () => {
      const result = Nip.safeParse(nip);
      assert.equal(result.success, false);
      assert.equal(ruleOf(result), rule);
    });
  }

  it('accepts 29 February of a leap year', () => {
    assert.equal(Nip.safeParse('198802292010011001').success, true);
  });
});

describe('Indonesian mobile numbers (stored as E.164)', () => {
  const accepted: Array<[string, string]> = [
    ['081234567890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812-3456-789', '+628123456789'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0852) 1234.5678', '+6285212345678'],
  ];
  for (const [input, e164] of accepted) {
    it(`normalises ${input} → ${e164}`, () => {
      assert.equal(normalizeIndonesianMobile(input), e164);
      assert.deepEqual(Phone.safeParse(input), { success: true, data: e164 });
    });
  }
  const refused = ['0212345678' /* landline */, '0812345' /* too short */, '08123456789012' /* too long */, '0842 1234 5678' /* 84x is not mobile */, '+6581234567', 'abc', ''];
  for (const input of refused) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      assert.equal(normalizeIndonesianMobile(input), null);
      const result = Phone.safeParse(input);
      assert.equal(result.success, false);
    });
  }
});

describe('entities', () => {
  const employee = {
    id: 'emp_1',
    nip: '198503212010012003',
    name: 'Maria Kambuaya',
    employmentType: 'PNS',
    position: 'Analis Kebijakan',
    grade: 'III/c',
    unit: { id: 'unit_diskominfo', name: 'Dinas Komunikasi dan Informatika' },
    supervisorId: null,
  };
  it('an Employee with a valid NIP and grade passes; a bad grade or id prefix does not', () => {
    assert.equal(Employee.safeParse(employee).success, true);
    assert.equal(Employee.safeParse({ ...employee, grade: 'PPPK IX' }).success, false);
    assert.equal(Employee.safeParse({ ...employee, grade: 'IX' }).success, true);
    assert.equal(Employee.safeParse({ ...employee, id: 'usr_1' }).success, false);
  });

  it('JP must be positive, in steps of 0.5', () => {
    const base = { title: 'Pelatihan Literasi Digital', competency: 'technical', completedAt: '2026-03-02T09:00:00+09:00' };
    assert.equal(LearningRecordCreate.safeParse({ ...base, jp: 2 }).success, true);
    assert.equal(LearningRecordCreate.safeParse({ ...base, jp: 1.5 }).success, true);
    const zero = LearningRecordCreate.safeParse({ ...base, jp: 0 });
    assert.equal(zero.success, false);
    assert.deepEqual(zero.error?.issues[0]?.path, ['jp']);
    assert.equal(LearningRecordCreate.safeParse({ ...base, jp: 1.3 }).success, false);
    assert.equal(LearningRecordCreate.safeParse({ ...base, jp: 2, completedAt: '2026-03-02 09:00' }).success, false);
  });

  it('text fields are trimmed and bounded', () => {
    const result = LearningRecordCreate.safeParse({ title: '   ab   ', competency: 'technical', jp: 2, completedAt: '2026-03-02T09:00:00Z' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['title']);
  });

  it('a progress summary needs exactly 12 months', () => {
    const summary = {
      employeeId: 'emp_1',
      year: 2026,
      learning: { jp: 12, targetJp: 20, byCompetency: { technical: 8, managerial: 4, 'socio-cultural': 0 }, fromPrograms: 4, byMonth: Array(12).fill(1) },
      goals: { total: 3, active: 2, achieved: 1, atRisk: 0 },
      feedback: { total: 1, lastAt: '2026-05-01T10:00:00+09:00' },
      updatedAt: '2026-05-01T10:00:00+09:00',
    };
    assert.equal(ProgressSummary.safeParse(summary).success, true);
    assert.equal(ProgressSummary.safeParse({ ...summary, learning: { ...summary.learning, byMonth: [1] } }).success, false);
  });

  it('programs: a PATCH needs the version it was read at; certificate numbers and the `programs` topic have one shape', () => {
    assert.equal(ProgramUpdate.safeParse({ capacity: 30 }).success, false, 'no version');
    assert.equal(ProgramUpdate.safeParse({ capacity: 30, version: 2 }).success, true);
    assert.equal(ProgramUpdate.safeParse({ status: 'completed', version: 2 }).success, false, 'completion only through POST …/complete');
    assert.equal(CertificateNumber.safeParse('SRT-2026-7KQ4M9XD2P').success, true);
    for (const bad of ['SRT-2026-1', 'srt-2026-7KQ4M9XD2P', 'SRT-2026-7KQ4M9XD2P/../x']) assert.equal(CertificateNumber.safeParse(bad).success, false, bad);
    assert.equal(ruleOf(CertificateNumber.safeParse('SRT-2026-1')), 'certificate.format', 'a pattern check keeps its rule code');
    assert.equal(ruleOf(ProgramUpdate.safeParse({ partnerId: 'org_1', version: 1 })), 'id.format');
    assert.equal(Topic.safeParse('programs').success, true);
    assert.equal(Topic.safeParse('programs:emp_1').success, false);
    const session = { startsAt: '2026-03-02T08:00:00+09:00', endsAt: '2026-03-02T16:00:00+09:00', location: 'Aula', onlineUrl: null };
    const create = { title: 'Pelatihan', type: 'training', competency: 'technical', mode: 'classroom', sessions: [session], capacity: 10, enrollFrom: '2026-02-01T08:00:00+09:00', enrollUntil: '2026-02-27T16:00:00+09:00' };
    assert.equal(ProgramCreate.safeParse(create).success, true);
    assert.equal(ProgramCreate.safeParse({ ...create, sessions: [] }).success, false, 'at least one session');
    assert.equal(ProgramCreate.safeParse({ ...create, status: 'completed' }).success, false);
  });

  it('an internship application needs explicit consent and a mobile number; the phone comes out in E.164', () => {
    const body = {
      partnerId: 'ptn_ums',
      student: { name: 'Yohanes Mayor', nim: '2021-0045', studyProgram: 'Teknik Informatika', semester: 6, email: 'yohanes@example.ac.id', phone: '0813 4444 5555' },
      motivation: 'Saya ingin belajar membangun layanan publik digital bersama Diskominfo.',
      consent: { noticeVersion: '2026-01', noticeHash: 'a'.repeat(64), accepted: true },
      altcha: 'eyJ9',
    };
    const ok = ApplicationCreate.safeParse(body);
    assert.equal(ok.success, true);
    assert.equal(ok.data?.student.phone, '+6281344445555');
    const noConsent = ApplicationCreate.safeParse({ ...body, consent: { noticeVersion: '2026-01', noticeHash: 'a'.repeat(64), accepted: false } });
    assert.equal(noConsent.success, false);
    assert.deepEqual(noConsent.error?.issues[0]?.path, ['consent', 'accepted']);
    const badPhone = ApplicationCreate.safeParse({ ...body, student: { ...body.student, phone: '021 555 1234' } });
    assert.deepEqual(badPhone.error?.issues[0]?.path, ['student', 'phone']);
  });
});

describe('partnership schemas', () => {
  it('allowed origins: exact origins and https wildcards for subdomains, no paths, no wildcard over http', () => {
    for (const ok of ['https://sia.umsorong.ac.id', 'https://*.umsorong.ac.id', 'http://localhost:5173', 'http://localhost:*', 'http://127.0.0.1:*'])
      assert.equal(AllowedOrigin.safeParse(ok).success, true, ok);
    for (const bad of ['https://umsorong.ac.id/path', 'http://*.umsorong.ac.id', '*', 'https://*', 'javascript:alert(1)', 'https://a.b/'])
      assert.equal(AllowedOrigin.safeParse(bad).success, false, bad);
    assert.equal(ruleOf(AllowedOrigin.safeParse('https://x.y/z')), 'origin.format');
  });

  it('a NIM keeps its rule code; an agreement may not end before it starts; a filled honeypot and a missing challenge name their rule', () => {
    const student = { name: 'Yohanes Mayor', nim: '<script>', studyProgram: 'Teknik Informatika', semester: 6, email: 'y@example.ac.id', phone: '0813 4444 5555' };
    assert.equal(ruleOf(Student.safeParse(student)), 'nim.format');
    const agreement = { kind: 'mou', parentId: null, number: '01/MOU/2026', title: 'Nota Kesepahaman', scope: [], signatories: { partner: { name: 'Rektor', position: 'Rektor' }, government: { name: 'Wali Kota', position: 'Wali Kota' } }, startsOn: '2026-05-01', endsOn: '2026-04-01' };
    const bad = AgreementCreate.safeParse(agreement);
    assert.deepEqual(bad.error?.issues[0]?.path, ['endsOn']);
    assert.equal(ruleOf(bad), 'dates.order');
    const body = { student: { ...student, nim: '2021-0045' }, motivation: 'Saya ingin belajar membangun layanan publik digital.', consent: { noticeVersion: '1', noticeHash: 'a'.repeat(64), accepted: true }, altcha: '' };
    assert.equal(ruleOf(ApplicationCreate.safeParse(body)), 'altcha.missing');
    assert.equal(ruleOf(ApplicationCreate.safeParse({ ...body, altcha: 'x', website: 'http://spam' })), 'honeypot.filled');
  });
});

describe('routes and OpenAPI', () => {
  it('every route appears in the OpenAPI document with its method, and sandbox routes are marked', () => {
    const doc = buildOpenApi('0.0.0') as { openapi: string; paths: Record<string, Record<string, { operationId: string; 'x-sandbox-only'?: boolean }>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of Object.values(routes)) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${route.path} missing`);
      assert.equal(op.operationId, route.id);
      assert.equal(op['x-sandbox-only'] === true, route.access.kind === 'sandbox');
    }
  });

  it('route ids are unique and paths use {placeholders} only for declared params', () => {
    const ids = Object.values(routes).map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const route of Object.values(routes)) {
      const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = 'params' in route && route.params ? Object.keys((route.params as unknown as { shape: object }).shape) : [];
      assert.deepEqual(placeholders.sort(), declared.sort(), route.id);
    }
  });
});
