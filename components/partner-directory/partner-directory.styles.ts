import { css } from 'lit';

export const partnerDirectoryStyles = css`
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  /* Besides filterFormStyles. */
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  input,
  select {
    box-sizing: border-box;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  /* Results of the previous filters while the new ones load (no dimming: it would break the text contrast). */
  .list[aria-busy='true'] {
    cursor: progress;
  }
  .partner article {
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
  }
  .partner-header {
    display: grid;
    gap: var(--_space-1);
  }
  .partner-name {
    margin: 0;
    font-size: 1em;
  }
  .partner p,
  .partner dd,
  .partner-name,
  .agreement-heading {
    overflow-wrap: anywhere;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid;
  }
  .badge.kind {
    color: var(--_primary-text);
  }
  /* The words carry the status; the colour and the mark only repeat it. */
  .badge.active {
    color: var(--_success);
  }
  .badge.active::before {
    content: '✓ ';
  }
  .badge.expiring {
    color: var(--_warning);
  }
  .badge.expiring::before {
    content: '! ';
  }
  .badge.expired,
  .badge.upcoming {
    color: var(--_muted);
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
  }
  .facts dt,
  .muted,
  .position {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts dd,
  .partner p {
    margin: 0;
  }
  .partner a {
    color: var(--_primary-text);
  }

  .disclosure {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: 2.75rem;
    padding-inline: var(--_space-3);
  }
  .chevron {
    flex: none;
    transition: transform var(--_duration, 0.2s) ease-out;
  }
  .disclosure[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  .agreements {
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-3);
  }
  .agreements[hidden] {
    display: none;
  }
  .tree {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  /* A level under an agreement: indented, with a line that ties it to its parent. */
  .tree:not(.root) {
    margin-block-start: var(--_space-3);
    padding-inline-start: var(--_space-3);
    border-inline-start: 2px solid var(--_border);
  }
  .agreement-body {
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
  }
  .agreement-heading {
    margin: 0;
    font-size: 1em;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
  }
  .agreement-number {
    font-weight: 400;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .agreement-title {
    font-weight: 600;
  }
  .scope,
  .delivered-list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .delivered {
    display: grid;
    gap: var(--_space-1);
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space-2);
  }
  .delivered-heading {
    font-weight: 600;
  }

  .empty-action,
  .more {
    margin: 0;
    display: grid;
    gap: var(--_space-2);
    justify-items: center;
  }
  .error-text {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
    text-align: center;
  }

  @media (forced-colors: active) {
    .badge,
    .tree:not(.root) {
      border-color: CanvasText;
    }
  }
`;
