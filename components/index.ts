/**
 * Registers every element: `<asn-provider>` first (static markup needs its context before the widgets
 * upgrade), then the widgets. Import a single element's `define.js` to register only that one.
 */
import './provider/define.js';
import './progress-card/define.js';

export { AsnProvider } from './provider/provider.js';
export { AsnProgressCard } from './progress-card/progress-card.js';
export type { AsnProgressLoadedDetail, AsnProgressLoadedEvent } from './progress-card/progress-card.js';
export { clientContext } from './shared/context.js';
export { defineElement } from './shared/define-element.js';
export { setExplicitLocale as setLocale, currentLocale as getLocale } from './i18n/locale.js';
