import { z } from 'zod/mini';
import { nipMessages, parseNip } from './nip.js';
import { normalizeIndonesianMobile } from './phone.js';

/** A custom issue carries `params.rule`, a stable code that forms translate (the message is English). */
/*#__NO_SIDE_EFFECTS__*/
export const ruleIssue = (rule: string, message: string) => ({ message, params: { rule } });

/**
 * A pattern check that keeps its rule code: zod mini's own `z.regex` drops `params`, so its issue would only say
 * `invalid_format`.
 */
/*#__NO_SIDE_EFFECTS__*/
export const matches = (pattern: RegExp, rule: string, message: string) =>
  z.refine<string>((value) => pattern.test(value), ruleIssue(rule, message));

/** Opaque id with a type prefix, e.g. `emp_…`. */
/*#__NO_SIDE_EFFECTS__*/
export const idOf = <P extends string>(prefix: P) =>
  z.string().check(
    matches(new RegExp(`^${prefix}_[A-Za-z0-9]{1,40}$`), 'id.format', `Expected an id starting with "${prefix}_"`),
  ) as unknown as z.ZodMiniType<`${P}_${string}`, `${P}_${string}`>;

export const EmployeeId = idOf('emp');
/** An employee id or `me` for the signed-in employee. */
export const EmployeeRef = z.union([z.literal('me'), EmployeeId]);
export const UnitId = idOf('unit');
export const GoalId = idOf('goal');
export const CheckInId = idOf('chk');
export const LearningRecordId = idOf('lrn');
export const FeedbackId = idOf('fb');
export const ProgramId = idOf('prg');
export const EnrollmentId = idOf('enr');
export const RecommendationId = idOf('rec');
export const PartnerId = idOf('ptn');
export const AgreementId = idOf('agr');
export const OpeningId = idOf('int');
export const ApplicationId = idOf('app');
export const PublishableKeyId = idOf('key');

// Dates are sane only in 1900–2100: a year-0000 value with an offset becomes `-000001-…Z` in UTC, which no longer
// passes the contract once stored (issue #9). A date-time is checked as written and as the UTC instant the server
// stores, so an offset cannot carry it across a year boundary out of range.
const inYears = (value: string) => value.slice(0, 4) >= '1900' && value.slice(0, 4) <= '2100';
const FIRST_INSTANT = -2208988800000; // Date.UTC(1900, 0, 1)
const AFTER_LAST_INSTANT = 4133980800000; // Date.UTC(2101, 0, 1)
// `abort`: a value that fails one check gets one issue, not one per check after it.
const yearsIssue = { ...ruleIssue('date.range', 'Must be in the years 1900 to 2100'), abort: true };

/** ISO 8601 date-time with an offset (`Z` or `+09:00`), in 1900–2100 as written and in UTC. */
export const DateTime = z.iso.datetime({ offset: true, abort: true }).check(
  z.refine((value) => {
    const at = Date.parse(value);
    return inYears(value) && at >= FIRST_INSTANT && at < AFTER_LAST_INSTANT;
  }, yearsIssue),
);
/** ISO 8601 calendar date `YYYY-MM-DD`, in 1900–2100. */
export const DateOnly = z.iso.date({ abort: true }).check(z.refine(inYears, yearsIssue));

/** How far ahead of this clock a past instant may be: a day, for clocks and "today" typed at midnight in WIT (UTC+9). */
export const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
/** A date-time that describes the past (when something was done): not later than now, give or take a day. */
export const PastDateTime = /*#__PURE__*/ DateTime.check(
  z.refine((value) => Date.parse(value) <= Date.now() + FUTURE_SKEW_MS, ruleIssue('date.future', 'Cannot be in the future')),
);

/** 2000-01-01T00:00 WIT: progress, its events and year filters count the WIT years 2000–2100 (`Year`). */
const FIRST_PROGRESS_INSTANT = 946652400000;
/**
 * For a date-time that becomes a learning record's `completedAt` (the record itself, a program's sessions): in a
 * WIT year progress counts, so the record's `learning.created` and `progress.updated` events carry a valid `year`.
 */
/*#__NO_SIDE_EFFECTS__*/
export const inProgressYears = () =>
  z.refine<string>((value) => Date.parse(value) >= FIRST_PROGRESS_INSTANT, ruleIssue('date.range', 'Must be in 2000 or later (WIT)'));

/** A plain-text field: trimmed, with length bounds. Never HTML: components render it as text. */
/*#__NO_SIDE_EFFECTS__*/
export const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const Year = z.number().check(z.int(), z.gte(2000), z.lte(2100));
/** `year` in a query string. */
export const YearQuery = z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100));

/** Lesson hours: 1 JP = 45 minutes (PP 17/2020). Positive, in steps of 0.5, at most 200 for one record. */
export const Jp = z.number().check(
  z.gt(0, ruleIssue('jp.positive', 'JP must be greater than 0')),
  z.lte(200),
  z.multipleOf(0.5, ruleIssue('jp.step', 'JP goes in steps of 0.5')),
);

export const Competency = z.enum(['technical', 'managerial', 'socio-cultural']);
export const Role = z.enum(['employee', 'supervisor', 'admin']);
export const EmploymentType = z.enum(['PNS', 'PPPK']);

/** NIP: 18 digits with a real birth date, a real start month after it, and a gender digit. */
export const Nip = z.string().check(
  z.superRefine((value, ctx) => {
    const result = parseNip(value);
    if (!result.ok) {
      ctx.issues.push({ code: 'custom', input: value, message: nipMessages[result.problem], params: { rule: result.problem } });
    }
  }),
);

/** Indonesian mobile number in, E.164 out. */
export const Phone = z.pipe(
  z.string().check(z.trim(), z.maxLength(24)),
  z.transform((value, ctx) => {
    const e164 = normalizeIndonesianMobile(value);
    if (e164 === null) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'Enter an Indonesian mobile number such as 0812 3456 7890',
        params: { rule: 'phone.mobile' },
      });
      return z.NEVER;
    }
    return e164;
  }),
);

/** Golongan: `I/a`…`IV/e` for PNS, `I`…`XVII` for PPPK. */
export const Grade = z.string().check(
  z.regex(/^(?:(?:I|II|III|IV)\/[a-e]|I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/),
);

export const Email = z.email().check(z.maxLength(254));
export const HttpUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));

export type Competency = z.infer<typeof Competency>;
export type Role = z.infer<typeof Role>;
export type EmploymentType = z.infer<typeof EmploymentType>;
