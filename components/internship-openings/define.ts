/** Registers `<asn-internship-openings>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnInternshipOpenings } from './internship-openings.js';

attachContextRoot();
defineElement('asn-internship-openings', AsnInternshipOpenings);

export { AsnInternshipOpenings };
export type { AsnApplyDetail, AsnApplyEvent } from './internship-openings.js';
