/** The API contract: schemas of every entity and the route table, shared by the SDK and the server. */
export * from './primitives.js';
export * from './nip.js';
export * from './phone.js';
export * from './problem.js';
export * from './pagination.js';
export * from './employee.js';
export * from './goal.js';
export * from './learning.js';
export * from './progress.js';
export * from './feedback.js';
export * from './program.js';
export * from './partner.js';
export * from './internship.js';
export * from './events.js';
export * from './routes.js';
export * from './team.js';
