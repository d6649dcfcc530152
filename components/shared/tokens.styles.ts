import { css, unsafeCSS } from 'lit';

/*
 * Design tokens. A portal sets them on the element or any ancestor, e.g.
 * `asn-progress-card { --asn-color-primary: #7a1f2b; }`. Widgets follow the page's `color-scheme` (`light dark`
 * means "follow prefers-color-scheme"; `color-scheme: light` or `dark` on the element or an ancestor forces one).
 *
 * Every colour has a light token and a `-dark` token; each applies only in its own scheme (a light value set by a
 * portal never lands on the dark surface):
 *
 *   token (light)           dark token                    default light / dark   used for
 *   --asn-color-primary     --asn-color-primary-dark      #1d4f91 / #8db8ef      fills: buttons, bars, ring; text and
 *                                                                                outlines on the surface (see pairing)
 *   --asn-color-on-primary  --asn-color-on-primary-dark   #ffffff / #0b1b30      text on a primary fill
 *   --asn-color-surface     --asn-color-surface-dark      #ffffff / #17202b      card background
 *   --asn-color-surface-alt --asn-color-surface-alt-dark  #f1f4f8 / #222d3a      tracks, header rows, notices
 *   --asn-color-text        --asn-color-text-dark         #1b2430 / #e8edf3      body text
 *   --asn-color-muted       --asn-color-muted-dark        #56606d / #a9b4c2      secondary text
 *   --asn-color-border      --asn-color-border-dark       #c9d1db / #3a4757      borders
 *   --asn-color-success     --asn-color-success-dark      #1f7a3f / #6fd08f      reached, achieved
 *   --asn-color-warning     --asn-color-warning-dark      #8a5a00 / #f0c060      at risk, waiting, offline
 *   --asn-color-danger      --asn-color-danger-dark       #b3261e / #ff8a80      errors
 *   --asn-color-focus       --asn-color-focus-dark        primary on surface     focus ring
 *
 * Pairing, so that a portal may set only `--asn-color-primary` (WCAG AA 4.5:1 on the default surfaces):
 * - primary-dark: when unset, the portal's primary lifted towards white until its relative luminance is at
 *   least 0.33 (readable on the dark surfaces); unset primary too → #8db8ef.
 * - on-primary / on-primary-dark: when unset and the portal set that scheme's primary (or the light one the
 *   dark derives from), black or white, whichever contrasts more with it (≥ 4.58:1 for any colour).
 * - primary used as text or outline on the surface (outlined buttons, badges, the sorted column): the primary,
 *   darkened (light scheme, luminance ≤ 0.13) or lifted (dark scheme, luminance ≥ 0.33) only when it would
 *   be unreadable. This assumes a light surface in the light scheme and a dark one in the dark scheme.
 * Browsers: relative colour syntax (`color(from …)`) computes all of this; with `light-dark()` but no relative
 * colours the dark primary is a `color-mix()` with white and on-primary is #ffffff / #0b1b30; without
 * `light-dark()` (older WebViews) the widgets stay in the light palette, on their own surface.
 */

/** WCAG relative luminance of the origin colour, inside `color(from … srgb-linear …)`. */
const LUMINANCE = '(0.2126 * r + 0.7152 * g + 0.0722 * b)';

/** Black or white, whichever contrasts more with `origin` (they tie at luminance 0.179). */
function contrasting(origin: string): string {
  const black = `clamp(0, (${LUMINANCE} - 0.179) * 100000, 1)`;
  return `color(from ${origin} srgb-linear calc(1 - ${black}) calc(1 - ${black}) calc(1 - ${black}))`;
}

/** `origin` scaled towards black (hue kept) so that its luminance is at most `max`; unchanged when it is already. */
function atMost(origin: string, max: number): string {
  const k = `min(1, ${max} / ${LUMINANCE})`;
  return `color(from ${origin} srgb-linear calc(r * ${k}) calc(g * ${k}) calc(b * ${k}))`;
}

/** `origin` mixed towards white so that its luminance is at least `min`; unchanged when it is already. */
function atLeast(origin: string, min: number): string {
  const s = `max(0, (${min} - ${LUMINANCE}) / (1 - ${LUMINANCE}))`;
  return `color(from ${origin} srgb-linear calc(r + (1 - r) * ${s}) calc(g + (1 - g) * ${s}) calc(b + (1 - b) * ${s}))`;
}

/** Luminance bounds of primary text: at most 0.13 on the light surfaces (≥ 5.2:1 on #f1f4f8), at least 0.33 on the dark ones (≥ 5:1 on #222d3a). */
const TEXT_ON_LIGHT = 0.13;
const TEXT_ON_DARK = 0.33;

export const tokens = css`
  :host {
    /* Light values for every browser; the @supports blocks below add dark ones and the derived pairs. */
    --_primary-l: var(--asn-color-primary, #1d4f91);
    --_on-primary-l: var(--asn-color-on-primary, var(--_on-primary-auto-l, #ffffff));
    --_primary-text-l: var(--_primary-l);
    --_primary: var(--_primary-l);
    --_on-primary: var(--_on-primary-l);
    --_primary-text: var(--_primary-text-l);
    --_surface: var(--asn-color-surface, #ffffff);
    --_surface-alt: var(--asn-color-surface-alt, #f1f4f8);
    --_text: var(--asn-color-text, #1b2430);
    --_muted: var(--asn-color-muted, #56606d);
    --_border: var(--asn-color-border, #c9d1db);
    --_success: var(--asn-color-success, #1f7a3f);
    --_warning: var(--asn-color-warning, #8a5a00);
    --_danger: var(--asn-color-danger, #b3261e);
    --_focus: var(--asn-color-focus, var(--_primary-text));
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

  /* Dark values: each \`-dark\` token, else the default; the primary's dark value derives from the portal's. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      /* Invalid (so the default applies) while the portal has not set --asn-color-primary. */
      --_primary-lifted: color-mix(in srgb, var(--asn-color-primary) 40%, #fff);
      --_primary-d: var(--asn-color-primary-dark, var(--_primary-lifted, #8db8ef));
      --_on-primary-d: var(--asn-color-on-primary-dark, var(--_on-primary-auto-d, #0b1b30));
      --_primary-text-d: var(--_primary-d);
      --_primary: light-dark(var(--_primary-l), var(--_primary-d));
      --_on-primary: light-dark(var(--_on-primary-l), var(--_on-primary-d));
      --_primary-text: light-dark(var(--_primary-text-l), var(--_primary-text-d));
      --_focus: light-dark(
        var(--asn-color-focus, var(--_primary-text-l)),
        var(--asn-color-focus-dark, var(--_primary-text-d))
      );
      --_surface: light-dark(var(--asn-color-surface, #ffffff), var(--asn-color-surface-dark, #17202b));
      --_surface-alt: light-dark(var(--asn-color-surface-alt, #f1f4f8), var(--asn-color-surface-alt-dark, #222d3a));
      --_text: light-dark(var(--asn-color-text, #1b2430), var(--asn-color-text-dark, #e8edf3));
      --_muted: light-dark(var(--asn-color-muted, #56606d), var(--asn-color-muted-dark, #a9b4c2));
      --_border: light-dark(var(--asn-color-border, #c9d1db), var(--asn-color-border-dark, #3a4757));
      --_success: light-dark(var(--asn-color-success, #1f7a3f), var(--asn-color-success-dark, #6fd08f));
      --_warning: light-dark(var(--asn-color-warning, #8a5a00), var(--asn-color-warning-dark, #f0c060));
      --_danger: light-dark(var(--asn-color-danger, #b3261e), var(--asn-color-danger-dark, #ff8a80));
    }
  }

  /* Exact pairs where relative colours exist (after the block above, so these win). */
  @supports (color: color(from red srgb-linear calc(r * 0.5) g b)) {
    :host {
      --_on-primary-auto-l: ${unsafeCSS(contrasting('var(--asn-color-primary)'))};
      --_primary-text-l: ${unsafeCSS(atMost('var(--_primary-l)', TEXT_ON_LIGHT))};
      --_primary-lifted: ${unsafeCSS(atLeast('var(--asn-color-primary)', TEXT_ON_DARK))};
      --_on-primary-auto-d: ${unsafeCSS(contrasting('var(--asn-color-primary-dark, var(--_primary-lifted))'))};
      --_primary-text-d: ${unsafeCSS(atLeast('var(--_primary-d)', TEXT_ON_DARK))};
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
