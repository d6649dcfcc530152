import { css } from 'lit';

export const teamOverviewStyles = css`
  :host {
    /* Set from script through a constructed stylesheet (CSP-safe, see shared/virtual-rows.ts). */
    --_v-offset: 0px;
    --_v-total: 0px;
    --_row-h: var(--asn-team-row-height, 3.5rem);
  }

  .base {
    min-inline-size: 0;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2) var(--_space-3);
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .header ::slotted(*) {
    margin-inline-start: auto;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .search-label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .search {
    flex: 1 1 14rem;
    max-inline-size: 24rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-2);
    min-block-size: 2.75rem;
  }
  .no-match {
    margin: 0;
    color: var(--_muted);
  }

  .scroller {
    max-block-size: var(--asn-team-max-height, 32rem);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    position: relative;
  }

  .grid {
    min-inline-size: 50rem;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(11rem, 2fr) minmax(9rem, 2fr) minmax(8rem, 1.3fr) minmax(6rem, 1fr) minmax(5rem, 0.8fr) minmax(6.5rem, 1fr);
    align-items: center;
    column-gap: var(--_space-2);
    padding-inline: var(--_space-2);
  }

  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
  }
  .head-row {
    min-block-size: 2.75rem;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    inline-size: 100%;
    justify-content: flex-start;
    text-align: start;
    background: transparent;
    color: var(--_text);
    border: 0;
    padding: var(--_space-1);
    font-weight: 600;
    font-size: 0.875em;
    line-height: 1.2;
  }
  .num .sort {
    justify-content: flex-end;
    text-align: end;
  }
  .sort-icon path {
    fill: var(--_border);
  }
  .sort-icon.asc .up,
  .sort-icon.desc .down {
    fill: var(--_primary);
  }
  .sort.active {
    color: var(--_primary);
  }

  /* Windowing: the body is as tall as every row; the rendered rows start after the rows above them. */
  .body {
    block-size: var(--_v-total);
    padding-block-start: var(--_v-offset);
    box-sizing: border-box;
    position: relative;
  }
  .body .row {
    block-size: var(--_row-h);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
    overflow: hidden;
  }
  .body .row:hover {
    background: var(--_surface-alt);
  }
  .body .row.selected {
    background: var(--_surface-alt);
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .body .row:focus-visible {
    outline-offset: -3px;
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

  .cell {
    min-inline-size: 0;
    overflow: hidden;
  }
  .cell.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .name-cell {
    display: grid;
  }
  .name,
  .unit,
  .position {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .name {
    font-weight: 600;
  }
  .unit {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .position {
    font-size: 0.9375em;
  }
  .jp {
    display: grid;
    gap: 2px;
  }
  .jp-text {
    font-size: 0.875em;
    white-space: nowrap;
  }
  .bar.reached .bar-value {
    fill: var(--_success);
  }
  .risk {
    color: var(--_warning);
    font-weight: 700;
  }
  .days.stale {
    color: var(--_warning);
  }
`;
