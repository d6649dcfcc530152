/** Registers `<asn-partner-directory>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnPartnerDirectory } from './partner-directory.js';

attachContextRoot();
defineElement('asn-partner-directory', AsnPartnerDirectory);

export { AsnPartnerDirectory };
export type { AsnPartnerSelectDetail, AsnPartnerSelectEvent } from './partner-directory.js';
