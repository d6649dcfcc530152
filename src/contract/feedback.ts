import { z } from 'zod/mini';
import { DateTime, EmployeeId, FeedbackId, GoalId, text } from './primitives.js';

export const FeedbackKind = z.enum(['appreciation', 'guidance']);
/** PermenPANRB 6/2022: di atas / sesuai / di bawah ekspektasi. */
export const FeedbackRating = z.enum(['above', 'meets', 'below']);

export const Feedback = z.object({
  id: FeedbackId,
  employeeId: EmployeeId,
  authorId: EmployeeId,
  authorName: z.optional(z.string()),
  kind: FeedbackKind,
  rating: z.nullable(FeedbackRating),
  goalId: z.nullable(GoalId),
  message: text(1, 2000),
  createdAt: DateTime,
  acknowledgedAt: z.nullable(DateTime),
  response: z.nullable(text(0, 1000)),
});

export const FeedbackCreate = z.object({
  kind: FeedbackKind,
  rating: z.optional(z.nullable(FeedbackRating)),
  goalId: z.optional(z.nullable(GoalId)),
  message: text(1, 2000),
});

export const FeedbackAcknowledge = z.object({
  response: z.optional(text(0, 1000)),
});

export type Feedback = z.infer<typeof Feedback>;
export type FeedbackCreate = z.input<typeof FeedbackCreate>;
export type FeedbackAcknowledge = z.input<typeof FeedbackAcknowledge>;
