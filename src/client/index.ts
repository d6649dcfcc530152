/** The SDK: `createClient()`, its errors and types. */
export { createClient } from './create-client.js';
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
export type { FieldErrors, InputIssue, InputLocation } from './errors.js';
export type {
  CacheTag,
  CallArgs,
  Client,
  ClientCallOptions,
  ClientOptions,
  EmployeeRef,
  EventStreamOptions,
  MutationOptions,
  ReadOptions,
  SubscribeOptions,
} from './types.js';
export type { CallInput, CallOptions } from './request.js';
export { IDEMPOTENCY_HEADER, newIdempotencyKey } from './idempotency.js';
export type {
  Employee,
  LearningRecord,
  LearningRecordCreate,
  Me,
  Page,
  Problem,
  ProgressSummary,
  ServerEvent,
  Topic,
} from '../contract/index.js';
