import { css } from 'lit';

/**
 * Design tokens with defaults. A portal overrides them on the element or any ancestor, e.g.
 * `asn-progress-card { --asn-color-primary: #7a1f2b; }`. Light and dark follow the page's `color-scheme`
 * (`light dark` by default, so `prefers-color-scheme` applies); set `color-scheme: light` on the host to force one.
 */
export const tokens = css`
  :host {
    /* Light values for every browser; the @supports block below adds dark ones. */
    --_primary: var(--asn-color-primary, #1d4f91);
    --_on-primary: var(--asn-color-on-primary, #ffffff);
    --_surface: var(--asn-color-surface, #ffffff);
    --_surface-alt: var(--asn-color-surface-alt, #f1f4f8);
    --_text: var(--asn-color-text, #1b2430);
    --_muted: var(--asn-color-muted, #56606d);
    --_border: var(--asn-color-border, #c9d1db);
    --_success: var(--asn-color-success, #1f7a3f);
    --_warning: var(--asn-color-warning, #8a5a00);
    --_danger: var(--asn-color-danger, #b3261e);
    --_focus: var(--asn-color-focus, var(--_primary));
    --_radius: var(--asn-radius, 0.75rem);
    --_space-1: var(--asn-space-1, 0.25rem);
    --_space-2: var(--asn-space-2, 0.5rem);
    --_space-3: var(--asn-space-3, 1rem);
    --_space-4: var(--asn-space-4, 1.5rem);
    --_duration: var(--asn-motion-duration, 400ms);

    font: inherit;
    color: var(--_text);
    line-height: 1.45;
  }

  /*
   * Dark follows the page: the widget inherits the host page's \`color-scheme\` (\`light dark\` on the page means
   * "follow prefers-color-scheme"; \`color-scheme: dark\` on the element or an ancestor forces dark).
   */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_primary: var(--asn-color-primary, light-dark(#1d4f91, #8db8ef));
      --_on-primary: var(--asn-color-on-primary, light-dark(#ffffff, #0b1b30));
      --_surface: var(--asn-color-surface, light-dark(#ffffff, #17202b));
      --_surface-alt: var(--asn-color-surface-alt, light-dark(#f1f4f8, #222d3a));
      --_text: var(--asn-color-text, light-dark(#1b2430, #e8edf3));
      --_muted: var(--asn-color-muted, light-dark(#56606d, #a9b4c2));
      --_border: var(--asn-color-border, light-dark(#c9d1db, #3a4757));
      --_success: var(--asn-color-success, light-dark(#1f7a3f, #6fd08f));
      --_warning: var(--asn-color-warning, light-dark(#8a5a00, #f0c060));
      --_danger: var(--asn-color-danger, light-dark(#b3261e, #ff8a80));
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus {
    outline: none;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 0.25rem;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) / 2);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    padding: var(--_space-1) var(--_space-3);
    min-height: 2.75rem;
    min-width: 2.75rem;
  }

  button:hover {
    filter: brightness(1.08);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
