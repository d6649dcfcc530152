import { createCoreClient, internalsOf } from './core.js';
import { enableOutbox } from './outbox-install.js';
import { applicationsResource } from './resources/applications.js';
import { certificatesResource } from './resources/certificates.js';
import { employeesResource } from './resources/employees.js';
import { enrollmentsResource } from './resources/enrollments.js';
import { feedbackResource } from './resources/feedback.js';
import { goalsResource } from './resources/goals.js';
import { internshipsResource } from './resources/internships.js';
import { learningResource } from './resources/learning.js';
import { meResource } from './resources/me.js';
import { partnersResource } from './resources/partners.js';
import { programsResource } from './resources/programs.js';
import { progressResource } from './resources/progress.js';
import { recommendationsResource } from './resources/recommendations.js';
import { teamResource } from './resources/team.js';
import type { Client, ClientOptions } from './types.js';

/**
 * The whole SDK: one client per page (or per server-side request context) that owns the read cache, the event
 * stream and the credentials, with every resource (`me`, `employees`, `progress`, `learning`, `goals`,
 * `feedback`, `team`, `programs`, `enrollments`, `recommendations`, `certificates`, `partners`, `internships`,
 * `applications`) and, with `outbox`, the offline outbox. Hand it to `<asn-provider>` (`provider.client`)
 * so the widgets share its cache and live events.
 */
export function createClient(options: ClientOptions): Client {
  const core = createCoreClient(options);
  if (options.outbox !== undefined && options.outbox !== false) enableOutbox(core, options.outbox);
  const ctx = internalsOf(core).resources;
  return Object.assign(core, {
    me: meResource(ctx),
    employees: employeesResource(ctx),
    progress: progressResource(ctx),
    learning: learningResource(ctx),
    goals: goalsResource(ctx),
    feedback: feedbackResource(ctx),
    team: teamResource(ctx),
    programs: programsResource(ctx),
    enrollments: enrollmentsResource(ctx),
    recommendations: recommendationsResource(ctx),
    certificates: certificatesResource(ctx),
    partners: partnersResource(ctx),
    internships: internshipsResource(ctx),
    applications: applicationsResource(ctx),
  });
}
