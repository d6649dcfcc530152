import { html, nothing, type TemplateResult } from 'lit';
import { offlineNotice } from './primitives.js';

export interface FrameOptions {
  /** The widget's heading (`title` part, id `title`, focusable by script after a reload of the data). */
  title: string;
  /** Beside the heading: counts, an "add" button, a slot for the portal's actions. */
  headerExtras?: TemplateResult | typeof nothing;
  /** Below the heading, in the header (e.g. "Updated …"). */
  subtitle?: TemplateResult | typeof nothing;
  /** True while there is nothing to show yet (`aria-busy`). */
  busy: boolean;
  /** The offline notice's text when the browser is offline, else null. */
  offline: string | null;
  /** Text for screen readers, announced politely when it changes (new feedback, saved, sorted). */
  announcement?: string;
  /** The widget's own content: list, grid, form, loading, empty or error state. */
  body: TemplateResult | typeof nothing;
}

/**
 * Every widget's frame, rendered once here: the `base` card labelled by its heading, the `header`, the offline
 * notice and a polite live region. Styles: `frameStyles` (frame.styles.ts).
 */
export function widgetFrame(o: FrameOptions): TemplateResult {
  return html`<section class="base" part="base" aria-busy=${o.busy ? 'true' : 'false'} aria-labelledby="title">
    <header class="header" part="header">
      <div class="heading">
        <h2 class="title" id="title" part="title" tabindex="-1">${o.title}</h2>
        ${o.subtitle ?? nothing}
      </div>
      ${o.headerExtras ?? nothing}
    </header>
    ${o.offline ? offlineNotice(o.offline) : nothing}
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${o.announcement ?? ''}</div>
    ${o.body}
  </section>`;
}
