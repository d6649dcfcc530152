/**
 * Registers every element: `<asn-provider>` first (static markup needs its context before the widgets
 * upgrade), then the widgets. Import a single element's `define.js` to register only that one.
 */
import './provider/define.js';
import './progress-card/define.js';
import './goal-list/define.js';
import './feedback-form/define.js';
import './feedback-feed/define.js';
import './team-overview/define.js';
import './program-roster/define.js';
import './program-catalog/define.js';
import './internship-openings/define.js';
import './internship-form/define.js';
import './partner-directory/define.js';
import './application-review/define.js';

export { AsnProvider } from './provider/provider.js';
export { AsnProgressCard } from './progress-card/progress-card.js';
export type { AsnProgressLoadedDetail, AsnProgressLoadedEvent } from './progress-card/progress-card.js';
export { AsnGoalList } from './goal-list/goal-list.js';
export type {
  AsnCheckinCreatedDetail,
  AsnCheckinCreatedEvent,
  AsnGoalCreatedDetail,
  AsnGoalCreatedEvent,
} from './goal-list/goal-list.js';
export { AsnFeedbackForm } from './feedback-form/feedback-form.js';
export type {
  AsnFeedbackSubmittedDetail,
  AsnFeedbackSubmittedEvent,
  FeedbackFormValue,
} from './feedback-form/feedback-form.js';
export { AsnFeedbackFeed } from './feedback-feed/feedback-feed.js';
export type { AsnFeedbackAcknowledgedDetail, AsnFeedbackAcknowledgedEvent } from './feedback-feed/feedback-feed.js';
export { AsnTeamOverview } from './team-overview/team-overview.js';
export type { AsnEmployeeSelectedDetail, AsnEmployeeSelectedEvent, TeamColumn } from './team-overview/team-overview.js';
export { AsnProgramRoster } from './program-roster/program-roster.js';
export type { AsnAttendanceSavedEvent, AsnProgramCompletedEvent } from './program-roster/program-roster.js';
export { AsnProgramCatalog } from './program-catalog/program-catalog.js';
export type {
  AsnEnrollmentCancelledDetail,
  AsnEnrollmentCancelledEvent,
  AsnEnrollmentCreatedDetail,
  AsnEnrollmentCreatedEvent,
  CatalogView,
} from './program-catalog/program-catalog.js';
export { AsnInternshipOpenings } from './internship-openings/internship-openings.js';
export type { AsnApplyDetail, AsnApplyEvent } from './internship-openings/internship-openings.js';
export { AsnInternshipForm } from './internship-form/internship-form.js';
export type {
  ApplicationFormValue,
  AsnApplicationSubmittedDetail,
  AsnApplicationSubmittedEvent,
} from './internship-form/internship-form.js';
export { AsnPartnerDirectory } from './partner-directory/partner-directory.js';
export type { AsnPartnerSelectDetail, AsnPartnerSelectEvent } from './partner-directory/partner-directory.js';
export { AsnApplicationReview } from './application-review/application-review.js';
export type { AsnApplicationTransitionedDetail, AsnApplicationTransitionedEvent } from './application-review/application-review.js';
export { clientContext } from './shared/context.js';
export { defineElement } from './shared/define-element.js';
export { setExplicitLocale as setLocale, currentLocale as getLocale } from './i18n/locale.js';
