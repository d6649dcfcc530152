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

/** A property with no effect in the fixture-fed stories (e.g. `employee` when the data is given): listed, no control. */
export const noControl = { control: false } as const;

/** Properties a story cannot drive (a live client, the form's own state): in the table, with no control. */
export const listedOnly = (...names: string[]): Record<string, typeof noControl> =>
  Object.fromEntries(names.map((name) => [name, noControl]));
