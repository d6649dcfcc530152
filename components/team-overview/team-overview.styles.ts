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

  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
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
    /* The window of rows moves as one scrolls: scroll anchoring would chase it and the window never settle. */
    overflow-anchor: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    position: relative;
    /* The rows' layout follows the grid's own width (a portal's sidebar, a phone, 200 % zoom), not the viewport's. */
    container: team-grid / inline-size;
  }

  .grid {
    min-inline-size: 50rem;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(11rem, 2fr) minmax(10rem, 2fr) minmax(8rem, 1.3fr) minmax(6rem, 1fr) minmax(5rem, 0.8fr) minmax(6.5rem, 1fr);
    align-items: center;
    column-gap: var(--_space-1);
    padding-inline-end: var(--_space-2);
  }

  /*
   * Stacking inside the scroller: sticky header row (3) over a focused name cell showing all its text (2), over
   * the sticky name column and a focused cell showing all its text (1), over the other cells.
   */
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 3;
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
  }
  /* The name column stays at the inline start while the row scrolls sideways. */
  .cell.name-cell {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    align-self: stretch;
    align-content: center;
    padding-inline: var(--_space-2);
    background: var(--_surface);
    border-inline-end: 1px solid var(--_border);
  }
  .head .name-cell {
    background: var(--_surface-alt);
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
    color: var(--_primary-text);
  }

  /* Windowing: the body is as tall as every row; the rendered rows start after the rows above them. */
  .body {
    block-size: var(--_v-total);
    padding-block-start: var(--_v-offset);
    box-sizing: border-box;
    position: relative;
  }
  /* No overflow clipping on the row: it would end the name cell's stickiness. The cells clip instead. */
  .body .row {
    block-size: var(--_row-h);
    grid-template-rows: minmax(0, 1fr);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
  }
  .body .row:hover,
  .body .row.selected,
  .body .row:hover .name-cell,
  .body .row.selected .name-cell {
    background: var(--_surface-alt);
  }
  .body .row.selected .name-cell {
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .body .row:focus-visible,
  .body .cell:focus-visible {
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
    line-height: 1.25;
    /* Keeps text off the name column's edge when a cell is scrolled next to it. */
    padding-inline: var(--_space-1);
  }
  /* Each cell fills the row's height (so its focus ring does), its content centred. */
  .body .cell {
    align-self: stretch;
    display: grid;
    align-content: center;
  }
  .cell.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .name-cell {
    display: grid;
  }
  /*
   * Long names, units and positions wrap; past a few lines they end in a visible "…", and the cell shows all of
   * its text while it has focus (a tap or the arrow keys), over the rows below. Screen readers get the whole text
   * either way: it is all in the cell.
   */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines, 2);
    overflow: hidden;
    overflow-wrap: break-word;
  }
  .name {
    font-weight: 600;
  }
  .unit {
    --_lines: 1;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .position-text {
    --_lines: 3;
    font-size: 0.875em;
  }
  /* Not clipped any more, the focused cell grows downwards to fit all of its text. */
  .body .cell:focus {
    align-self: start;
    min-block-size: 100%;
    padding-block: var(--_space-1);
    overflow: visible;
    z-index: 1;
    background: var(--_surface);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
  }
  .body .name-cell:focus {
    z-index: 2;
  }
  .body .row:hover .cell:focus,
  .body .row.selected .cell:focus {
    background: var(--_surface-alt);
  }
  .body .cell:focus .clamp {
    display: block;
    overflow: visible;
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
  /* Small enough for the fixed row height, under the JP text and bar; its focus ring is not clipped by the cell. */
  .recommend {
    justify-self: end;
    min-block-size: 1.5rem;
    padding: 0 var(--_space-2);
    font-size: 0.8125em;
    background: transparent;
    color: var(--_primary-text);
  }
  .body .jp:focus-within {
    overflow: visible;
  }
  .risk {
    color: var(--_warning);
    font-weight: 700;
  }
  .days.stale {
    color: var(--_warning);
  }

  /*
   * Narrow grids (a phone, 200 % zoom; the grid's own width, not the viewport's): a slimmer sticky name column,
   * every other column at most as wide as what is visible beside it (so one cell is always readable whole), and
   * taller rows for the lines that wrap.
   */
  @container team-grid (max-width: 40rem) {
    .grid {
      inline-size: max-content;
      min-inline-size: 100%;
    }
    .row {
      --_name-w: clamp(7rem, 45cqi, 9rem);
      --_beside-name: calc(100cqi - var(--_name-w) - 1rem);
      grid-template-columns: var(--_name-w) min(11rem, var(--_beside-name)) min(8rem, var(--_beside-name)) 6rem 5rem 6.5rem;
    }
    .body .row {
      block-size: max(var(--_row-h), 5.5rem);
    }
    .unit {
      --_lines: 2;
    }
    .position-text {
      --_lines: 5;
      line-height: 1.2;
    }
  }
`;
