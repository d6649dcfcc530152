import { css } from 'lit';

export const programRosterStyles = css`
  :host {
    /* Set from script through a constructed stylesheet (CSP-safe, see shared/virtual-rows.ts). */
    --_v-offset: 0px;
    --_v-total: 0px;
    --_row-h: var(--asn-roster-row-height, 3rem);
  }
  /* One column that never grows past the card: a wide grid scrolls inside its scroller instead. */
  .base {
    min-inline-size: 0;
    grid-template-columns: minmax(0, 1fr);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
  }
  .summary .stat-value {
    font-size: 0.9375em;
  }
  .actions-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .badge {
    display: inline-block;
    white-space: nowrap;
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.3;
    padding: 0.125rem var(--_space-2);
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .badge.completed {
    color: var(--_success);
    border-color: var(--_success);
  }
  .badge.incomplete,
  .badge.cancelled {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .badge.unsaved {
    color: var(--_warning);
    border-color: var(--_warning);
  }

  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
    margin-block-end: var(--_space-2);
  }
  .section-title {
    margin: 0;
    font-size: 1em;
    font-weight: 650;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .notice,
  .result {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
    border-inline-start: 4px solid var(--_border);
  }
  .result {
    border-inline-start-color: var(--_success);
    display: grid;
    gap: var(--_space-1);
  }
  .result p {
    margin: 0;
  }

  .scroller {
    max-block-size: var(--asn-roster-max-height, 28rem);
    overflow: auto;
    overscroll-behavior: contain;
    /* The window of rows is placed by script: the browser's scroll anchoring would move it again (and again). */
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    position: relative;
    /* The columns follow the grid's own width (a phone, a portal's sidebar, 200 % zoom), not the viewport's. */
    container: roster-grid / inline-size;
  }
  /* As wide as its columns (sideways scrolling with many sessions), at least as wide as the scroller. */
  .grid {
    inline-size: max-content;
    min-inline-size: 100%;
  }
  .row {
    display: flex;
    align-items: stretch;
  }
  .cell {
    flex: 0 0 7.5rem;
    min-inline-size: 0;
    display: flex;
    align-items: center;
    padding: var(--_space-1) var(--_space-2);
    line-height: 1.25;
  }
  .name-cell {
    flex: 1 0 13rem;
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_surface);
    border-inline-end: 1px solid var(--_border);
  }
  .status-cell {
    flex-basis: 9.5rem;
  }
  .cell.session,
  .cell.check {
    flex-basis: 8.5rem;
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
    font-weight: 600;
    font-size: 0.875em;
  }
  .head .name-cell {
    background: var(--_surface-alt);
  }
  .head .session {
    flex-direction: column;
    align-items: flex-start;
    justify-content: flex-end;
    gap: 2px;
    padding-block: var(--_space-2);
  }
  .session-time {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9em;
  }
  button.all {
    min-block-size: 2.25rem;
    padding: 0 var(--_space-2);
    white-space: nowrap;
    margin-block-start: var(--_space-1);
  }

  /* Windowing: the body is as tall as every row; the rendered rows start after the rows above them. */
  .body {
    block-size: var(--_v-total);
    padding-block-start: var(--_v-offset);
    position: relative;
  }
  .body .row {
    block-size: var(--_row-h);
    border-block-end: 1px solid var(--_border);
  }
  .body .row:hover,
  .body .row:hover .name-cell {
    background: var(--_surface-alt);
  }
  /* The focused row scrolled out of the window: kept in the DOM (focus stays), out of sight. */
  .body .row.detached {
    position: absolute;
    inset-block-start: 0;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .check {
    justify-content: center;
  }
  /* The whole cell is the checkbox's target. */
  .box {
    display: grid;
    place-items: center;
    inline-size: 100%;
    block-size: 100%;
    cursor: pointer;
  }
  .box input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
    cursor: inherit;
  }
  .box input[aria-disabled='true'] {
    cursor: default;
    opacity: 0.75;
  }
  /* An unsaved tick: a dashed warning frame (colour is not the only signal: the column says "Belum disimpan"). */
  .check.changed .box {
    outline: 2px dashed var(--_warning);
    outline-offset: -4px;
    border-radius: 0.25rem;
  }

  .save-bar {
    display: grid;
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
    border-inline-start: 4px solid var(--_warning);
  }
  .pending {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }
  .pending-text,
  .save-error {
    margin: 0;
    flex: 1 1 16rem;
  }
  .save-error,
  .form-error {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Narrow: a slimmer sticky name column (names wrap to two lines), so a session column fits beside it. */
  @container roster-grid (max-width: 32rem) {
    .name-cell {
      flex: 0 0 8.5rem;
    }
    .status-cell {
      flex-basis: 7.5rem;
    }
    .cell.session,
    .cell.check {
      flex-basis: 7rem;
    }
    .name {
      white-space: normal;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow-wrap: anywhere;
    }
  }

  .error-message {
    margin-inline: auto;
  }

  .waitlist {
    margin: var(--_space-2) 0 0;
    padding-inline-start: 2rem;
    display: grid;
    gap: var(--_space-1);
  }
`;
