/** Registers `<asn-application-review>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnApplicationReview } from './application-review.js';

attachContextRoot();
defineElement('asn-application-review', AsnApplicationReview);

export { AsnApplicationReview };
export type { AsnApplicationTransitionedDetail, AsnApplicationTransitionedEvent } from './application-review.js';
