import { css } from 'lit';

export const goalListStyles = css`
  :host {
    container-type: inline-size;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
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
  .badge.waiting {
    color: var(--_warning);
    border-color: var(--_warning);
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
  .field-row {
    display: grid;
    gap: var(--_space-3);
    margin-block-start: var(--_space-3);
  }
  .field-row .field + .field {
    margin-block-start: 0;
  }
  .field-row + .field {
    margin-block-start: var(--_space-3);
  }
  .field-row {
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
  }
`;
