/** Registers `<asn-team-overview>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnTeamOverview } from './team-overview.js';

attachContextRoot();
defineElement('asn-team-overview', AsnTeamOverview);

export { AsnTeamOverview };
export type { AsnEmployeeSelectedDetail, AsnEmployeeSelectedEvent, TeamColumn } from './team-overview.js';
