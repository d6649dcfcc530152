/** Registers `<asn-goal-list>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnGoalList } from './goal-list.js';

attachContextRoot();
defineElement('asn-goal-list', AsnGoalList);

export { AsnGoalList };
export type { AsnCheckinCreatedDetail, AsnCheckinCreatedEvent, AsnGoalCreatedDetail, AsnGoalCreatedEvent } from './goal-list.js';
