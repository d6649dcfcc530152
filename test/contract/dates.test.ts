// Dates in the contract are sane (issue #9): years 1900–2100, as written and as the UTC instant the server stores,
// and a date that describes the past is not in the future (a day of skew).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AgreementCreate,
  DateOnly,
  DateTime,
  FUTURE_SKEW_MS,
  GoalCreate,
  LearningRecordCreate,
  OpeningCreate,
  PastDateTime,
  ProgramCreate,
  ProgramListQuery,
} from '../../src/contract/index.js';

type Issue = { path: PropertyKey[]; params?: { rule?: string } };
const issuesOf = (result: { error?: { issues: ReadonlyArray<object> } }) => (result.error?.issues ?? []) as Issue[];
const ruleOf = (result: { error?: { issues: ReadonlyArray<object> } }) => issuesOf(result)[0]?.params?.rule;
const DAY = 86_400_000;

describe('date-times: years 1900–2100, as written and in UTC', () => {
  const refused: Array<[string, string]> = [
    ['year 0000 with an offset (the probed value)', '0000-01-01T00:30:00+01:00'],
    ['year 0000 in UTC', '0000-01-01T00:00:00Z'],
    ['1899', '1899-12-31T23:59:59Z'],
    ['2101', '2101-01-01T00:00:00Z'],
    ['9999', '9999-12-31T23:59:59Z'],
    ['2101 as written, 2100 in UTC', '2101-01-01T00:30:00+01:00'],
    ['2100 as written, 2101 in UTC', '2100-12-31T23:30:00-01:00'],
    ['1900 as written, 1899 in UTC', '1900-01-01T00:30:00+01:00'],
    ['1899 as written, 1900 in UTC', '1899-12-31T23:30:00-01:00'],
  ];
  for (const [why, value] of refused) {
    it(`refuses ${why} with rule date.range: ${value}`, () => {
      const result = DateTime.safeParse(value);
      assert.equal(result.success, false);
      assert.equal(ruleOf(result), 'date.range');
      assert.equal(issuesOf(result).length, 1, 'one issue');
    });
  }

  const accepted = [
    '1900-01-01T00:00:00Z',
    '1900-01-01T00:30:00-01:00',
    '2100-12-31T23:59:59.999Z',
    '2100-12-31T23:30:00+01:00',
    '2026-03-02T09:00:00+09:00',
    '2024-02-29T12:00Z',
  ];
  for (const value of accepted) {
    it(`accepts ${value}`, () => assert.equal(DateTime.safeParse(value).success, true));
  }

  it('whatever it accepts, the UTC form the server stores (toISOString) passes it too', () => {
    // Around both ends of the range, with the extreme offsets: no accepted value stores as something unreadable.
    const offsets = ['Z', '+14:00', '-12:00', '+23:59', '-23:59', '+09:00', '-01:00'];
    const times = ['1899-12-31T00:00', '1899-12-31T23:59', '1900-01-01T00:00', '1900-01-01T23:59', '2100-12-31T00:00', '2100-12-31T23:59', '2101-01-01T00:00'];
    let checked = 0;
    for (const time of times) {
      for (const offset of offsets) {
        const value = `${time}:00${offset}`;
        if (!DateTime.safeParse(value).success) continue;
        const stored = new Date(value).toISOString();
        assert.equal(DateTime.safeParse(stored).success, true, `${value} is stored as ${stored}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} accepted values checked`);
  });

  it('a malformed date-time has one issue (its format), not a range issue on top', () => {
    const result = DateTime.safeParse('yesterday');
    assert.equal(issuesOf(result).length, 1);
    assert.equal((result.error?.issues[0] as { code: string }).code, 'invalid_format');
  });
});

describe('calendar dates: years 1900–2100', () => {
  for (const value of ['0000-01-01', '1899-12-31', '2101-01-01']) {
    it(`refuses ${value} with rule date.range`, () => {
      const result = DateOnly.safeParse(value);
      assert.equal(result.success, false);
      assert.equal(ruleOf(result), 'date.range');
    });
  }
  for (const value of ['1900-01-01', '2100-12-31', '2028-02-29']) {
    it(`accepts ${value}`, () => assert.equal(DateOnly.safeParse(value).success, true));
  }
  it('refuses a day that does not exist', () => assert.equal(DateOnly.safeParse('2026-02-29').success, false));
});

describe('dates that describe the past', () => {
  it(`a learning record's completedAt: refused two days ahead (date.future), accepted within the ${FUTURE_SKEW_MS / 3_600_000} h skew`, () => {
    const base = { title: 'Pelatihan Literasi Digital', competency: 'technical', jp: 2 };
    const ahead = LearningRecordCreate.safeParse({ ...base, completedAt: new Date(Date.now() + 2 * DAY).toISOString() });
    assert.equal(ahead.success, false);
    assert.deepEqual(issuesOf(ahead)[0]?.path, ['completedAt']);
    assert.equal(ruleOf(ahead), 'date.future');
    // "Today" typed as midnight UTC by someone in WIT (UTC+9) can be a few hours ahead of the clock.
    assert.equal(LearningRecordCreate.safeParse({ ...base, completedAt: new Date(Date.now() + 9 * 3_600_000).toISOString() }).success, true);
    assert.equal(LearningRecordCreate.safeParse({ ...base, completedAt: new Date(Date.now() - DAY).toISOString() }).success, true);
  });

  it('a learning record is in a WIT year progress counts (2000 on): its events carry a valid year', () => {
    const base = { title: 'Pelatihan Literasi Digital', competency: 'technical', jp: 2 };
    for (const completedAt of ['1950-06-01T00:00:00Z', '1999-12-31T23:59:00+09:00', '1999-12-31T14:59:59Z']) {
      const result = LearningRecordCreate.safeParse({ ...base, completedAt });
      assert.equal(ruleOf(result), 'date.range', completedAt);
    }
    assert.equal(LearningRecordCreate.safeParse({ ...base, completedAt: '2000-01-01T00:00:00+09:00' }).success, true);
    assert.equal(LearningRecordCreate.safeParse({ ...base, completedAt: '1999-12-31T15:00:00Z' }).success, true);
  });

  it('the year-0000 record is refused on the range, once, at completedAt', () => {
    const result = LearningRecordCreate.safeParse({ title: 'Pelatihan', competency: 'technical', jp: 2, completedAt: '0000-01-01T00:30:00+01:00' });
    assert.equal(result.success, false);
    assert.deepEqual(issuesOf(result).map((i) => [i.path.join('.'), i.params?.rule]), [['completedAt', 'date.range']]);
  });

  it('PastDateTime keeps the range of DateTime', () => {
    assert.equal(ruleOf(PastDateTime.safeParse('1899-06-01T00:00:00Z')), 'date.range');
  });
});

describe('every date of a request body is bounded', () => {
  const tooEarly = '1899-12-31';
  const tooEarlyAt = '1899-12-31T08:00:00+09:00';
  const session = { startsAt: '2026-03-02T08:00:00+09:00', endsAt: '2026-03-02T16:00:00+09:00', location: 'Aula', onlineUrl: null };
  const program = { title: 'Pelatihan', type: 'training', competency: 'technical', mode: 'classroom', sessions: [session], capacity: 10, enrollFrom: '2026-02-01T08:00:00+09:00', enrollUntil: '2026-02-27T16:00:00+09:00' };
  const goal = { title: 'Menyusun kajian', kind: 'performance', competency: 'technical', measure: { unit: 'dokumen', target: 2 }, year: 2026, dueDate: '2026-12-31' };
  const agreement = { kind: 'mou', parentId: null, number: '01/MOU/2026', title: 'Nota Kesepahaman', scope: [], signatories: { partner: { name: 'Rektor', position: 'Rektor' }, government: { name: 'Wali Kota', position: 'Wali Kota' } }, startsOn: '2026-01-01', endsOn: '2030-12-31' };
  const opening = { title: 'Magang data', unitId: 'unit_diskominfo', description: 'Membantu tim data membangun dasbor.', skills: [], quota: 2, startsOn: '2026-07-01', endsOn: '2026-09-30', applyBy: '2026-06-15', partnerIds: ['ptn_ums'] };

  const cases: Array<[string, { safeParse(v: unknown): { success: boolean; error?: { issues: ReadonlyArray<object> } } }, object, Record<string, unknown>, string]> = [
    ['goal dueDate', GoalCreate, goal, { dueDate: '2101-01-01' }, 'dueDate'],
    ['program session start', ProgramCreate, program, { sessions: [{ ...session, startsAt: tooEarlyAt }] }, 'sessions.0.startsAt'],
    // Completing a program credits JP at its end: a session before the WIT year 2000 has no progress year.
    ['program session end before 2000 (WIT)', ProgramCreate, program, { sessions: [{ ...session, endsAt: '1999-12-31T23:00:00+09:00' }] }, 'sessions.0.endsAt'],
    ['program enrolFrom', ProgramCreate, program, { enrollFrom: tooEarlyAt }, 'enrollFrom'],
    ['agreement startsOn', AgreementCreate, agreement, { startsOn: tooEarly }, 'startsOn'],
    ['opening applyBy', OpeningCreate, opening, { applyBy: '0000-06-15' }, 'applyBy'],
  ];
  for (const [what, schema, valid, change, path] of cases) {
    it(`${what}: the valid body passes, out of range → ${path} (date.range)`, () => {
      assert.equal(schema.safeParse(valid).success, true, 'valid body');
      const result = schema.safeParse({ ...valid, ...change });
      assert.equal(result.success, false);
      assert.equal(issuesOf(result)[0]?.path.join('.'), path);
      assert.equal(ruleOf(result), 'date.range');
    });
  }

  it('the program list month is in 1900–2100', () => {
    assert.equal(ProgramListQuery.safeParse({ month: '2026-03' }).success, true);
    for (const month of ['0000-01', '1899-12', '2101-01']) assert.equal(ruleOf(ProgramListQuery.safeParse({ month })), 'month.format', month);
  });
});
