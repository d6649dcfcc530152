/**
 * Fixed-row-height windowing for long grids (`asn-team-overview` with an admin's 5,000 rows).
 *
 * Why our own and not `@lit/virtualizer`: a fixed-height ARIA grid with a roving tabindex needs control over
 * which rows exist in the DOM (the focused cell must stay rendered even when scrolled away, `aria-rowindex` must
 * match the full list), and the virtualizer measures every row, which a fixed height does not need.
 *
 * CSP: a strict portal CSP (`style-src 'self'`) forbids `style=` attributes in markup, so sizes are never
 * rendered into the template. `VirtualSheet` writes them as custom properties into a constructed stylesheet
 * adopted by the shadow root (CSSOM, allowed by CSP); without constructable stylesheets it falls back to
 * `style.setProperty()` on the host (CSSOM too).
 */

export interface VirtualWindow {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
  /** Height of everything above `start`, in px. */
  offset: number;
  /** Height of all rows, in px. */
  total: number;
}

export interface WindowInput {
  count: number;
  rowHeight: number;
  /** Scroll position inside the rows (the scroller's `scrollTop` minus anything above the first row). */
  scrollTop: number;
  /** Visible height of the scroller, in px. */
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones. Default 8. */
  overscan?: number;
}

/** Which rows to render for a scroll position. Pure; always a valid (possibly empty) range. */
export function computeWindow({ count, rowHeight, scrollTop, viewportHeight, overscan = 8 }: WindowInput): VirtualWindow {
  const h = rowHeight > 0 ? rowHeight : 1;
  const total = count * h;
  if (count === 0) return { start: 0, end: 0, offset: 0, total: 0 };
  const top = Math.max(0, scrollTop);
  const visible = Math.max(1, Math.ceil(Math.max(viewportHeight, h) / h));
  const first = Math.min(count - 1, Math.floor(top / h));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offset: start * h, total };
}

/**
 * The `scrollTop` that brings row `index` fully into view (`current` when it already is). `headerHeight` is the
 * height of a sticky header inside the scroller covering the top rows.
 */
export function scrollTopFor(index: number, rowHeight: number, current: number, viewportHeight: number, headerHeight = 0): number {
  const rowTop = index * rowHeight; // relative to the first row; the first row sits at headerHeight in the scroller
  const visibleRows = viewportHeight - headerHeight;
  if (rowTop < current) return rowTop;
  if (rowTop + rowHeight > current + visibleRows) return Math.max(0, rowTop + rowHeight - visibleRows);
  return current;
}

/** CSP-safe dynamic sizes for one shadow root: custom properties set through CSSOM, never a `style=` attribute. */
export class VirtualSheet {
  private readonly _rule: CSSStyleRule | null = null;
  private readonly _host: HTMLElement;
  private readonly _values = new Map<string, string>();

  constructor(host: HTMLElement, root: ShadowRoot | HTMLElement) {
    this._host = host;
    if (root instanceof ShadowRoot && 'adoptedStyleSheets' in root && typeof CSSStyleSheet !== 'undefined') {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(':host {}');
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this._rule = sheet.cssRules[0] as CSSStyleRule;
      } catch {
        this._rule = null;
      }
    }
  }

  /** Sets a custom property (e.g. `--_v-offset`) to a px value on the host; a no-op when unchanged. */
  set(name: string, px: number): void {
    const value = `${Math.round(px * 100) / 100}px`;
    if (this._values.get(name) === value) return;
    this._values.set(name, value);
    if (this._rule) this._rule.style.setProperty(name, value);
    else this._host.style.setProperty(name, value);
  }

  get(name: string): string | undefined {
    return this._values.get(name);
  }
}
