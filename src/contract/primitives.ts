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

/** ISO 8601 date-time with an offset (`Z` or `+09:00`). */
export const DateTime = z.iso.datetime({ offset: true });
/** ISO 8601 calendar date `YYYY-MM-DD`. */
export const DateOnly = z.iso.date();

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
