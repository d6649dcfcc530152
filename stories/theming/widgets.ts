/**
 * Every element in its loaded state, from the stories' fixtures (no network): what the theming page shows in each
 * colour scheme. One stand-in client for the page, made once, so a changed token re-renders nothing but styles.
 */
import { html, type TemplateResult } from 'lit';
import '../../components/provider/define.js';
import '../../components/progress-card/define.js';
import '../../components/goal-list/define.js';
import '../../components/feedback-form/define.js';
import '../../components/feedback-feed/define.js';
import '../../components/team-overview/define.js';
import '../../components/program-roster/define.js';
import '../../components/program-catalog/define.js';
import '../../components/internship-openings/define.js';
import '../../components/internship-form/define.js';
import '../../components/application-review/define.js';
import '../../components/partner-directory/define.js';
import type { TeamMember } from '../../src/contract/index.js';
import { FakeCoachingClient, feedbackGoals, feedbackItems, goalsForYear, progressByYear, storyGoals, teamMembers } from '../fixtures.js';
import { storyOpenings } from '../internship-fixtures.js';
import { directoryNow, directoryPartners } from '../partner-fixtures.js';
import { catalogNow, catalogPrograms, makeRoster, myEnrollments, rosterProgram } from '../program-fixtures.js';
import { prepareReviewClient, reviewApplications } from '../review-fixtures.js';

const client = prepareReviewClient(new FakeCoachingClient()).asClient();
const team: TeamMember[] = teamMembers(8, 2026);
const roster = makeRoster(12, 0);

/** Tag → the element as a story of it shows it loaded. `asn-provider` is the container of the others. */
export const WIDGETS: Readonly<Record<string, () => TemplateResult>> = {
  'asn-progress-card': () => html`<asn-progress-card .summary=${progressByYear[2025]} year="2025"></asn-progress-card>`,
  'asn-goal-list': () => html`<asn-goal-list .goals=${goalsForYear(2025)} year="2025"></asn-goal-list>`,
  'asn-feedback-form': () => html`<asn-feedback-form employee="emp_owner1" .goals=${storyGoals}></asn-feedback-form>`,
  'asn-feedback-feed': () => html`<asn-feedback-feed .items=${feedbackItems} .goals=${feedbackGoals} employee="me"></asn-feedback-feed>`,
  'asn-team-overview': () => html`<asn-team-overview .members=${team} scope="direct" year="2026"></asn-team-overview>`,
  'asn-program-roster': () => html`<asn-program-roster .programData=${rosterProgram} .roster=${roster}></asn-program-roster>`,
  'asn-program-catalog': () =>
    html`<asn-program-catalog .programs=${catalogPrograms} .enrollments=${myEnrollments} .now=${catalogNow} employee="me"></asn-program-catalog>`,
  'asn-internship-openings': () => html`<asn-internship-openings .openings=${storyOpenings}></asn-internship-openings>`,
  'asn-internship-form': () => html`<asn-internship-form opening=${storyOpenings[0].id} .client=${client}></asn-internship-form>`,
  'asn-application-review': () => html`<asn-application-review .applications=${reviewApplications}></asn-application-review>`,
  'asn-partner-directory': () => html`<asn-partner-directory .partners=${directoryPartners} .now=${directoryNow}></asn-partner-directory>`,
};

/** The widgets of one scheme, inside the provider that hands them the stand-in client. */
export const widgetsIn = (scheme: string, heading: (tag: string) => TemplateResult) =>
  html`<asn-provider .client=${client}>
    ${Object.entries(WIDGETS).map(
      ([tag, widget]) => html`<section class="theming-widget" aria-label=${`${tag} (${scheme})`}>${heading(tag)}${widget()}</section>`,
    )}
  </asn-provider>`;
