/** Registers `<asn-provider>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnProvider } from './provider.js';

attachContextRoot();
defineElement('asn-provider', AsnProvider);

export { AsnProvider };
