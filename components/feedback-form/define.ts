/** Registers `<asn-feedback-form>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnFeedbackForm } from './feedback-form.js';

attachContextRoot();
defineElement('asn-feedback-form', AsnFeedbackForm);

export { AsnFeedbackForm };
export type { AsnFeedbackSubmittedDetail, AsnFeedbackSubmittedEvent, FeedbackFormValue } from './feedback-form.js';
