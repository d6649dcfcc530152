/**
 * Everything the goal dialog needs, in one module that `<asn-goal-list>` imports only for the owner (a supervisor
 * reading the list never downloads it): the goal and check-in forms, their validation and drafts, the dialog frame.
 * Fetched when the browser is idle after the owner's list appears, so opening the dialog rarely waits for it.
 */
export { checkinForm } from './checkin-form.js';
export { writeForm } from './form-fields.js';
export { renderGoalDialog } from './goal-dialog.js';
export { goalForm } from './goal-form.js';
