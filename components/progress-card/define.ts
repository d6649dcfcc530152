/** Registers `<asn-progress-card>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnProgressCard } from './progress-card.js';

attachContextRoot();
defineElement('asn-progress-card', AsnProgressCard);

export { AsnProgressCard };
export type { AsnProgressLoadedDetail, AsnProgressLoadedEvent } from './progress-card.js';
