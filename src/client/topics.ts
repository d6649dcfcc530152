import { Topic } from '../contract/events.js';
import { ValidationError } from './errors.js';

/**
 * Throws `ValidationError` unless every topic is one (`employee:emp_…`, `team:emp_…`, `programs`,
 * `applications`) and there is at least one. Apart from events.ts so the client checks topics at once, before
 * the event stream's code is loaded.
 */
export function checkTopics(topics: readonly string[]): void {
  const bad = topics.filter((t) => !Topic.safeParse(t).success);
  if (bad.length === 0 && topics.length > 0) return;
  throw new ValidationError(
    'events.subscribe',
    (bad.length ? bad : ['']).map((t, i) => ({
      in: 'query' as const,
      path: `topics.${i}`,
      code: 'invalid_format',
      message: t ? `"${t}" is not a topic; use "employee:emp_…", "team:emp_…", "programs" or "applications"` : 'Give at least one topic',
    })),
  );
}
