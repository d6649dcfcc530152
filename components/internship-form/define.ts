/** Registers `<asn-internship-form>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnInternshipForm } from './internship-form.js';

attachContextRoot();
defineElement('asn-internship-form', AsnInternshipForm);

export { AsnInternshipForm };
export type { ApplicationFormValue, AsnApplicationSubmittedDetail, AsnApplicationSubmittedEvent } from './internship-form.js';
