/** Registers `<asn-feedback-feed>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnFeedbackFeed } from './feedback-feed.js';

attachContextRoot();
defineElement('asn-feedback-feed', AsnFeedbackFeed);

export { AsnFeedbackFeed };
export type { AsnFeedbackAcknowledgedDetail, AsnFeedbackAcknowledgedEvent } from './feedback-feed.js';
