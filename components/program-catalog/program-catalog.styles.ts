import { css } from 'lit';

export const programCatalogStyles = css`
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  .tabs {
    display: flex;
    gap: var(--_space-1);
    border-block-end: 1px solid var(--_border);
  }
  .tab {
    background: transparent;
    color: var(--_text);
    border: 0;
    border-block-end: 3px solid transparent;
    font-weight: 600;
  }
  .tab[aria-selected='true'] {
    color: var(--_primary-text);
    border-block-end-color: var(--_primary);
    background: var(--_surface-alt);
  }

  .panel,
  .filter,
  .card article,
  .card-header {
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
  }
  .panel {
    gap: var(--_space-3);
  }
  .panel[hidden] {
    display: none;
  }

  /* The filter bar is filterFormStyles; the program facts wrap the same way. */
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
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
  .card article {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
  }
  /* Not colour alone: the thick start border goes with the "Direkomendasikan atasan" badge and note. */
  .card.recommended article {
    border-inline-start: 6px solid var(--_warning);
  }
  .card-header {
    gap: var(--_space-1);
  }
  .card-title {
    margin: 0;
    font-size: 1em;
  }
  .card-title,
  .card dd,
  .card p {
    overflow-wrap: anywhere;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
  }
  .badge {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid;
  }
  .badge.type {
    color: var(--_primary-text);
  }
  .badge.recommended,
  .badge.waitlisted,
  .waiting,
  .full {
    color: var(--_warning);
  }
  .badge.registered,
  .badge.completed,
  .result {
    color: var(--_success);
  }
  .badge.registered::before,
  .badge.completed::before {
    content: '✓ ';
  }
  .badge.incomplete,
  .error-text {
    color: var(--_danger);
  }

  .recommendation {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .card p,
  .card dd,
  .sessions {
    margin: 0;
  }
  .label,
  .full,
  .waiting,
  .result,
  .error-text {
    font-weight: 600;
  }
  .facts dt,
  .note,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  .note.waiting {
    color: var(--_warning);
  }
  .sessions {
    list-style: none;
    padding: 0;
  }
  .card a {
    color: var(--_primary-text);
    margin-inline-end: var(--_space-2);
  }
  .description {
    white-space: pre-line;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .empty-action,
  .more {
    margin: 0;
    display: grid;
    justify-items: center;
  }

  @media (forced-colors: active) {
    .card.recommended article,
    .tab[aria-selected='true'] {
      border-color: Highlight;
    }
  }
`;
