/** Shared argTypes of the stories. */
import { STORY_YEARS } from './fixtures.js';

/**
 * Takes args a story does not render out of its Controls panel: a control that changes nothing (e.g. `year` in a
 * loading story, or `summary` where a client answers) is worse than none.
 */
export const notUsed = (...names: string[]): Record<string, { table: { disable: true } }> =>
  Object.fromEntries(names.map((name) => [name, { table: { disable: true } }]));

/** `year` where the fixtures are keyed by year: only the years they have data for. */
export const yearControl = { control: { type: 'inline-radio' }, options: [...STORY_YEARS] } as const;

/**
 * Every public property has a control of its kind (README "Storybook"); the one exception is a live object such as
 * `client` (an SDK client, methods and a connection): an object control could only replace it with plain JSON.
 */
export const liveObject = (...names: string[]): Record<string, { control: false }> =>
  Object.fromEntries(names.map((name) => [name, { control: false }]));
