/** Registers `<asn-program-catalog>` (skips quietly when another copy already did). */
import { attachContextRoot } from '../shared/context.js';
import { defineElement } from '../shared/define-element.js';
import { AsnProgramCatalog } from './program-catalog.js';

attachContextRoot();
defineElement('asn-program-catalog', AsnProgramCatalog);

export { AsnProgramCatalog };
export type {
  AsnEnrollmentCancelledDetail,
  AsnEnrollmentCancelledEvent,
  AsnEnrollmentCreatedDetail,
  AsnEnrollmentCreatedEvent,
  CatalogView,
} from './program-catalog.js';
