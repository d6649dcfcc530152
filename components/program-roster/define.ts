/** Registers `<asn-program-roster>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnProgramRoster } from './program-roster.js';

attachContextRoot();
defineElement('asn-program-roster', AsnProgramRoster);

export { AsnProgramRoster };
export type { AsnAttendanceSavedEvent, AsnProgramCompletedEvent } from './program-roster.js';
