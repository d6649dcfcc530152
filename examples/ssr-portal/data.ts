// What the server hands the client bundle: the data each element was rendered with, as JSON in a
// `<script type="application/json">` (not executed, so a strict `script-src 'self'` allows it).
import type { Feedback, Goal, Partner, ProgressSummary } from 'pembinaan-asn';

/** The id of the `<script type="application/json">` element holding `PortalData`. */
export const DATA_ID = 'asn-ssr-data';

export interface PortalData {
  /** The signed-in user's bearer token for the widgets' own client (here a sandbox token standing in for the session). */
  token: string;
  /** The instant the server rendered at: the card's month and the directory's "berakhir dalam N hari" count from it. */
  now: string;
  /** Absent when the server could not load it: that element then rendered its loading state and loads by itself. */
  summary?: ProgressSummary;
  feedback?: { items: Feedback[]; goals: Array<Pick<Goal, 'id' | 'title'>> };
  partners?: Partner[];
}

/** JSON safe inside `<script>`: `<`, `>`, `&` and the JS line separators escaped, so API text cannot end the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
