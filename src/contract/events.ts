// Live events: topics and types (event-kinds.ts: small, in every widget's bundle) and the event schema with its
// payloads (server-event.ts: in the event stream's chunk only), one import path for both.
export * from './event-kinds.js';
export * from './server-event.js';
