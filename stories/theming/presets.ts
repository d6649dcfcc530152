/**
 * Starting points for a portal's look: token values only (what a portal would put in its stylesheet). Each pairs
 * its colours for WCAG AA on its own surfaces in both schemes; the dark scheme derives what a preset leaves unset
 * (see components/shared/tokens.styles.ts).
 */
import type { TokenValues } from './tokens.js';

export interface Preset {
  id: string;
  /** Its story on the theming page (stories/theming.stories.ts). */
  story: string;
  /** Indonesian first, as everything a user sees. */
  label: { id: string; en: string };
  values: TokenValues;
}

/** Kota Sorong's portal: sea blue and the green of the city's emblem, soft corners. */
export const sorongPortal: Preset = {
  id: 'sorong',
  story: 'design-theming--sorong-city-portal',
  label: { id: 'Portal Pemerintah Kota Sorong', en: 'Sorong city portal' },
  values: {
    '--asn-color-primary': '#005b7f',
    '--asn-color-surface': '#fbfdfe',
    '--asn-color-surface-alt': '#e6f2f6',
    '--asn-color-border': '#b7ccd6',
    '--asn-color-text': '#10252f',
    '--asn-color-success': '#1b6e3a',
    '--asn-color-warning': '#855400',
    '--asn-color-surface-dark': '#0f1f27',
    '--asn-color-surface-alt-dark': '#17303b',
    '--asn-radius': '0.5rem',
  },
};

/** A university's site (Universitas Muhammadiyah Sorong style): deep maroon, square corners, tighter spacing. */
export const universitySite: Preset = {
  id: 'university',
  story: 'design-theming--university-site',
  label: { id: 'Situs universitas', en: 'University site' },
  values: {
    '--asn-color-primary': '#7a1f2b',
    '--asn-color-surface': '#fffdf8',
    '--asn-color-surface-alt': '#f5efe4',
    '--asn-color-border': '#d6c9b3',
    '--asn-color-text': '#231a14',
    '--asn-color-muted': '#5c5148',
    '--asn-color-primary-dark': '#f0a8b0',
    '--asn-color-surface-dark': '#1e1716',
    '--asn-color-surface-alt-dark': '#2c2220',
    '--asn-radius': '0.125rem',
    '--asn-space-3': '0.875rem',
    '--asn-space-4': '1.25rem',
    '--asn-ring-size': '7.5rem',
  },
};

export const PRESETS: readonly Preset[] = [sorongPortal, universitySite];
