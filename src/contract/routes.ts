import { z } from 'zod/mini';
import { Employee, Me } from './employee.js';
import { ServerEvent } from './events.js';
import { LearningRecord, LearningRecordCreate } from './learning.js';
import { PageQuery, page } from './pagination.js';
import { ProgressSummary } from './progress.js';
import { CheckIn, CheckInCreate, CheckInResult, Goal, GoalCreate, GoalStatus, GoalUpdate } from './goal.js';
import { Feedback, FeedbackAcknowledge, FeedbackCreate } from './feedback.js';
import { TeamMember, TeamSort } from './team.js';
import { EmployeeId, EmployeeRef, FeedbackId, GoalId, Role, YearQuery } from './primitives.js';

import { EmployeeParams, define, type RouteDef, type Schema } from './route-def.js';
import * as programRoutes from './program-routes.js';
import * as partnershipRoutes from './partnership-routes.js';

export * from './route-def.js';
export * from './program-routes.js';
export * from './partnership-routes.js';

// Each route is its own export so a bundle holds only the schemas it calls.

export const getHealth = define({
  id: 'getHealth',
  method: 'GET',
  path: '/healthz',
  summary: 'Liveness: the server answers and its database is reachable.',
  access: { kind: 'public' },
  response: z.object({ status: z.literal('ok'), version: z.string(), sandbox: z.boolean() }),
});

export const getOpenApi = define({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'This contract as an OpenAPI 3.1 document.',
  access: { kind: 'public' },
  response: z.record(z.string(), z.unknown()),
});

export const getMe = define({
  id: 'getMe',
  method: 'GET',
  path: '/v1/me',
  summary: 'The signed-in employee and their role.',
  access: { kind: 'user' },
  response: Me,
});

export const getEmployee = define({
  id: 'getEmployee',
  method: 'GET',
  path: '/v1/employees/{id}',
  summary: 'One employee: yourself, a direct report (supervisor) or anyone (admin).',
  access: { kind: 'user' },
  params: EmployeeParams,
  response: Employee,
});

export const getProgress = define({
  id: 'getProgress',
  method: 'GET',
  path: '/v1/employees/{id}/progress',
  summary: 'Learning progress (JP against the 20 JP target), goals and feedback counts for a year.',
  access: { kind: 'user' },
  params: EmployeeParams,
  query: z.object({ year: z.optional(YearQuery) }),
  response: ProgressSummary,
});

export const listLearningRecords = define({
  id: 'listLearningRecords',
  method: 'GET',
  path: '/v1/employees/{id}/learning-records',
  summary: 'Learning records, newest first, optionally of one year.',
  access: { kind: 'user' },
  params: EmployeeParams,
  query: z.extend(PageQuery, { year: z.optional(YearQuery) }),
  response: page(LearningRecord),
});

export const createLearningRecord = define({
  id: 'createLearningRecord',
  method: 'POST',
  path: '/v1/employees/{id}/learning-records',
  summary: 'Record finished learning: by an admin, or by the employee as a self-report.',
  access: { kind: 'user' },
  params: EmployeeParams,
  body: LearningRecordCreate,
  response: LearningRecord,
  status: 201,
  invalidates: ['progress', 'learning', 'team'],
});

export const streamEvents = define({
  id: 'streamEvents',
  method: 'GET',
  path: '/v1/events',
  summary: 'Server-sent events for the topics you may read; every event has an `id:`, resume with Last-Event-ID.',
  access: { kind: 'user' },
  query: z.object({ topics: z.string().check(z.minLength(1), z.maxLength(2000)) }),
  response: ServerEvent,
  stream: true,
});

// ── The coaching loop (issue #3): goals, check-ins, feedback, team ─────────────────────────────────────────

const GoalParams = z.object({ id: GoalId });
const FeedbackParams = z.object({ id: FeedbackId });

export const listGoals = define({
  id: 'listGoals',
  method: 'GET',
  path: '/v1/employees/{id}/goals',
  summary: "An employee's goals, newest first; the owner, their direct supervisor and admins may read them.",
  access: { kind: 'user' },
  params: EmployeeParams,
  query: z.extend(PageQuery, { year: z.optional(YearQuery), status: z.optional(GoalStatus) }),
  response: page(Goal),
});

export const createGoal = define({
  id: 'createGoal',
  method: 'POST',
  path: '/v1/employees/{id}/goals',
  summary: 'Add a goal: the owner for themselves, or an admin.',
  access: { kind: 'user' },
  params: EmployeeParams,
  body: GoalCreate,
  response: Goal,
  status: 201,
  invalidates: ['goals', 'progress', 'team'],
});

export const updateGoal = define({
  id: 'updateGoal',
  method: 'PATCH',
  path: '/v1/goals/{id}',
  summary: 'Change a goal; carries the `version` it was read at, a stale one is refused with 409.',
  access: { kind: 'user' },
  params: GoalParams,
  body: GoalUpdate,
  response: Goal,
  invalidates: ['goals', 'progress', 'team'],
});

export const listCheckIns = define({
  id: 'listCheckIns',
  method: 'GET',
  path: '/v1/goals/{id}/check-ins',
  summary: "A goal's progress updates, newest first.",
  access: { kind: 'user' },
  params: GoalParams,
  query: PageQuery,
  response: page(CheckIn),
});

export const createCheckIn = define({
  id: 'createCheckIn',
  method: 'POST',
  path: '/v1/goals/{id}/check-ins',
  summary: "Record progress on a goal (its owner): sets the goal's current value; reaching the target marks it achieved.",
  access: { kind: 'user' },
  params: GoalParams,
  body: CheckInCreate,
  response: CheckInResult,
  status: 201,
  invalidates: ['goals', 'checkins', 'progress', 'team'],
});

export const listFeedback = define({
  id: 'listFeedback',
  method: 'GET',
  path: '/v1/employees/{id}/feedback',
  summary: 'Feedback an employee received, newest first.',
  access: { kind: 'user' },
  params: EmployeeParams,
  query: PageQuery,
  response: page(Feedback),
});

export const createFeedback = define({
  id: 'createFeedback',
  method: 'POST',
  path: '/v1/employees/{id}/feedback',
  summary: 'Give feedback (umpan balik berkelanjutan): only the direct supervisor, or an admin.',
  access: { kind: 'user' },
  params: EmployeeParams,
  body: FeedbackCreate,
  response: Feedback,
  status: 201,
  invalidates: ['feedback', 'progress', 'team'],
});

export const acknowledgeFeedback = define({
  id: 'acknowledgeFeedback',
  method: 'POST',
  path: '/v1/feedback/{id}/acknowledge',
  summary: 'The recipient acknowledges feedback, optionally with a reply.',
  access: { kind: 'user' },
  params: FeedbackParams,
  body: FeedbackAcknowledge,
  response: Feedback,
  invalidates: ['feedback', 'team'],
});

export const listTeam = define({
  id: 'listTeam',
  method: 'GET',
  path: '/v1/employees/{id}/team',
  summary:
    "A supervisor's direct reports with their progress, last feedback and goals at risk; `scope=all` (admins) lists every employee.",
  access: { kind: 'user' },
  params: EmployeeParams,
  query: z.extend(PageQuery, {
    year: z.optional(YearQuery),
    sort: z.optional(TeamSort),
    order: z.optional(z.enum(['asc', 'desc'])),
    q: z.optional(z.string().check(z.trim(), z.maxLength(120))),
    scope: z.optional(z.enum(['direct', 'all'])),
    // Larger pages than other lists: a 5,000-row admin view loads in 10 requests, not 50.
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
  }),
  response: page(TeamMember),
});

/** Pick a seeded employee by id, or by role (`employee`: an ASN who has a supervisor; the default). */
export const SandboxTokenRequest = z.object({ employeeId: z.optional(EmployeeId), role: z.optional(Role) });
export const SandboxToken = z.object({ token: z.string(), expiresAt: z.string(), employee: Me });

export const createSandboxToken = define({
  id: 'createSandboxToken',
  method: 'POST',
  path: '/v1/sandbox/tokens',
  summary:
    'Sandbox only: a signed token for a seeded employee (none given: an ASN who has a supervisor). Refused outside sandbox mode.',
  access: { kind: 'sandbox' },
  body: SandboxTokenRequest,
  response: SandboxToken,
  status: 201,
});

export const listSandboxUsers = define({
  id: 'listSandboxUsers',
  method: 'GET',
  path: '/v1/sandbox/users',
  summary: 'Sandbox only: seeded employees with their roles, so a demo page can offer "sign in as". Refused outside sandbox mode.',
  access: { kind: 'sandbox' },
  query: PageQuery,
  response: page(Me),
});

/** Every route, for the server and the OpenAPI document. */
export const routes = {
  getHealth,
  getOpenApi,
  getMe,
  getEmployee,
  getProgress,
  listLearningRecords,
  createLearningRecord,
  listGoals,
  createGoal,
  updateGoal,
  listCheckIns,
  createCheckIn,
  listFeedback,
  createFeedback,
  acknowledgeFeedback,
  listTeam,
  ...programRoutes,
  ...partnershipRoutes,
  streamEvents,
  createSandboxToken,
  listSandboxUsers,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Typed pieces of a route. */
export type ParamsOf<R extends RouteDef> = R['params'] extends Schema ? z.input<R['params']> : undefined;
export type QueryOf<R extends RouteDef> = R['query'] extends Schema ? z.input<R['query']> : undefined;
export type BodyOf<R extends RouteDef> = R['body'] extends Schema ? z.input<R['body']> : undefined;
export type ResponseOf<R extends RouteDef> = z.output<R['response']>;
