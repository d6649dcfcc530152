import { css } from 'lit';

export const goalListStyles = css`
  :host {
    container-type: inline-size;
  }
  .notice {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .notice:empty {
    display: none;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .goal {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-2);
  }
  .goal.waiting {
    border-style: dashed;
    border-color: var(--_warning);
  }
  .goal-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
  }
  .goal-title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    flex: 1 1 12rem;
  }
  .badge {
    font-size: 0.75em;
    font-weight: 600;
    padding: 0.125rem var(--_space-2);
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .badge.achieved {
    color: var(--_success);
    border-color: var(--_success);
  }
  .badge.missed,
  .badge.cancelled {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .badge.waiting,
  .badge.at-risk {
    color: var(--_warning);
    border-color: var(--_warning);
  }
  .badge.overdue {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .bar.achieved .bar-value {
    fill: var(--_success);
  }
  .progress-text {
    margin: 0;
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .meta div {
    display: flex;
    gap: var(--_space-1);
  }
  .meta dt::after {
    content: ':';
  }
  .meta dd {
    margin: 0;
    color: var(--_text);
  }
  .checkin {
    justify-self: start;
  }
  /* Two fields side by side, each with its error under itself: the row's cells start at the top and do not
     stretch, so an error under one field never grows or shifts the field beside it. */
  .field-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    align-items: start;
    gap: var(--_space-3);
    margin-block-start: var(--_space-3);
  }
  .field-row > .field {
    min-inline-size: 0;
    align-content: start;
  }
  .field-row .field + .field {
    margin-block-start: 0;
  }
  .field-row + .field {
    margin-block-start: var(--_space-3);
  }
  .draft-note {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
    font-size: 0.875em;
  }
  .actions .clear {
    margin-inline-end: auto;
  }
`;
