/** The SDK: `createClient()`, its errors and types. */
export { createClient } from './create-client.js';
export { createCoreClient, resourceOf, type CoreClient } from './core.js';
export { enableOutbox, installOutbox } from './outbox-install.js';
// Resource factories for `resourceOf(coreClient, name, factory)` (a page that wants only some resources).
export { applicationsResource } from './resources/applications.js';
export { certificatesResource } from './resources/certificates.js';
export { employeesResource } from './resources/employees.js';
export { enrollmentsResource } from './resources/enrollments.js';
export { feedbackResource } from './resources/feedback.js';
export { goalsResource } from './resources/goals.js';
export { internshipsResource } from './resources/internships.js';
export { learningResource } from './resources/learning.js';
export { meResource } from './resources/me.js';
export { partnersResource } from './resources/partners.js';
export { programsResource } from './resources/programs.js';
export { progressResource } from './resources/progress.js';
export { recommendationsResource } from './resources/recommendations.js';
export { teamResource } from './resources/team.js';
export {
  AsnError,
  ApiError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  ConflictError,
  IdempotencyError,
  RateLimitError,
  NetworkError,
  TimeoutError,
  ValidationError,
  ResponseValidationError,
} from './errors.js';
export { QueuedError } from './outbox.js';
export { IndexedDbOutboxStore, MemoryOutboxStore, OUTBOX_DB_NAME } from './outbox-store.js';
export { saveDraft, loadDraft, clearDraft } from './drafts.js';
export { tagMatches } from './cache.js';
export type { FieldErrors, InputIssue, InputLocation } from './errors.js';
export type {
  CacheTag,
  CallArgs,
  Client,
  ClientCallOptions,
  ClientOptions,
  EmployeeRef,
  EnrollmentId,
  EventStreamOptions,
  ClientOutbox,
  FeedbackId,
  GoalId,
  GoalListQuery,
  MutationOptions,
  OutboxEntry,
  OutboxEvent,
  OutboxFlushResult,
  OutboxOptions,
  OutboxRouteId,
  OutboxStore,
  PageQuery,
  AgreementId,
  ApplicationId,
  OpeningId,
  PartnerId,
  PublishableKeyId,
  ProgramId,
  TeamQuery,
  ReadOptions,
  SubscribeOptions,
  InvalidationCause,
} from './types.js';
export type { CallInput, CallOptions } from './types.js';
export { IDEMPOTENCY_HEADER, newIdempotencyKey } from './idempotency.js';
// `ClientOptions.hooks` is ky's; `retryRequest()` is ky.retry() of the SDK's own ky, for an afterResponse hook.
export type { Hooks } from 'ky';
export { retryRequest } from './http.js';
export type {
  Agreement,
  AgreementCreate,
  AgreementKind,
  AgreementStatus,
  AgreementUpdate,
  ApplicationContactUpdate,
  ApplicationCreate,
  ApplicationListQuery,
  ApplicationPrivateView,
  ApplicationReceipt,
  ApplicationStatus,
  ApplicationTransition,
  Challenge,
  ConsentRecord,
  InternshipApplication,
  InternshipOpening,
  KeyMode,
  OpeningCreate,
  OpeningListQuery,
  OpeningStatus,
  OpeningUpdate,
  Partner,
  PartnerCreate,
  PartnerKind,
  PartnerListQuery,
  PartnerUpdate,
  PrivacyNotice,
  PublishableKey,
  PublishableKeyCreate,
  PublishableKeyCreated,
  Student,
  StudentInput,
  Attendance,
  CertificateVerification,
  CompletionResult,
  Enrollment,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentStatus,
  Program,
  ProgramCreate,
  ProgramListQuery,
  ProgramSession,
  ProgramStatus,
  ProgramType,
  ProgramUpdate,
  Recommendation,
  RecommendationCreate,
  CheckIn,
  CheckInCreate,
  CheckInResult,
  Feedback,
  FeedbackAcknowledge,
  FeedbackCreate,
  Goal,
  GoalCreate,
  GoalUpdate,
  TeamMember,
  TeamSort,
  Employee,
  LearningRecord,
  LearningRecordCreate,
  Me,
  Page,
  Problem,
  ProgressSummary,
  ServerEvent,
  StreamReset,
  Topic,
} from '../contract/index.js';
export { hasPayload } from '../contract/events.js';
