import { css } from 'lit';

/** Styles of the shared primitives in `primitives.ts`. */
export const primitiveStyles = css`
  .ring {
    position: relative;
    inline-size: var(--asn-ring-size, 8.5rem);
    block-size: var(--asn-ring-size, 8.5rem);
    flex: none;
  }
  .ring-svg {
    display: block;
  }
  .ring-track {
    stroke: var(--_surface-alt);
  }
  .ring-value {
    stroke: var(--_primary);
    transition: stroke-dasharray var(--_duration) ease-out;
  }
  .ring.complete .ring-value {
    stroke: var(--_success);
  }
  .ring-center {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    text-align: center;
    padding: var(--_space-3);
  }

  .bar {
    display: block;
  }
  .bar-track {
    fill: var(--_surface-alt);
  }
  .bar-value {
    fill: var(--_primary);
    transition: width var(--_duration) ease-out;
  }

  .chart {
    margin: 0;
  }
  .chart-caption {
    font-size: 0.875em;
    color: var(--_muted);
    margin-block-end: var(--_space-1);
  }
  .chart-svg {
    display: block;
  }
  .chart-bar {
    fill: var(--_primary);
    opacity: 0.75;
  }
  .chart-bar.current {
    opacity: 1;
  }
  .chart-base {
    fill: var(--_border);
  }
  .chart-label {
    fill: var(--_muted);
    font-size: 8px;
    font-family: inherit;
  }

  dl.stats {
    margin: 0;
  }
  .stat {
    margin: 0;
  }
  .stat-label {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .stat-value {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .stat.success .stat-value {
    color: var(--_success);
  }
  .stat.warning .stat-value {
    color: var(--_warning);
  }
  .stat.danger .stat-value {
    color: var(--_danger);
  }

  .skeleton-row {
    display: flex;
    gap: var(--_space-3);
    align-items: center;
  }
  .skeleton-lines {
    flex: 1;
    display: grid;
    gap: var(--_space-2);
  }
  .skeleton-block {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
    animation: asn-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-circle {
    inline-size: 6rem;
    block-size: 6rem;
    border-radius: 50%;
  }
  .skeleton-line {
    block-size: 0.9rem;
  }
  .skeleton-line.short {
    inline-size: 60%;
  }
  .skeleton-chart {
    block-size: 4rem;
    margin-block-start: var(--_space-3);
  }
  @keyframes asn-pulse {
    50% {
      opacity: 0.45;
    }
  }

  .empty,
  .error {
    text-align: center;
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-2);
    justify-items: center;
  }
  .empty-icon {
    color: var(--_primary-text);
  }
  .empty-title,
  .error-title {
    margin: 0;
    font-weight: 600;
  }
  .empty-message,
  .error-message {
    margin: 0;
    color: var(--_muted);
    max-inline-size: 40ch;
  }
  .error-title {
    color: var(--_danger);
  }

  .offline {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
    color: var(--_text);
    border-inline-start: 4px solid var(--_warning);
    font-size: 0.875em;
  }
  .offline svg {
    color: var(--_warning);
    flex: none;
  }
`;
