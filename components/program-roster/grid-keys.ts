/** Where the roving focus of the attendance grid is: a row (from 0; -1 is the row of column headers) and a session column (from 0). */
export interface GridSpot {
  row: number;
  col: number;
}

export interface GridBounds {
  rows: number;
  cols: number;
  /** Rows a Page Up/Down moves. */
  page: number;
  /** Whether the header row takes focus (its "Semua hadir" buttons; none when the grid is read-only). */
  header: boolean;
}

/**
 * Where a key moves the focus in the grid (the ARIA grid pattern): arrows by one cell, Home/End to the first or
 * last session, with Ctrl to the first or last row, Page Up/Down by a screenful. Null for any other key (Space
 * stays with the checkbox or button, which toggles or clicks natively).
 */
export function moveInGrid(key: string, ctrl: boolean, from: GridSpot, b: GridBounds): GridSpot | null {
  let { row, col } = from;
  switch (key) {
    case 'ArrowRight':
      col += 1;
      break;
    case 'ArrowLeft':
      col -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowUp':
      row -= 1;
      break;
    case 'PageDown':
      row += b.page;
      break;
    case 'PageUp':
      // From the header there is nothing above; from a row, at most to the first row.
      if (row >= 0) row = Math.max(0, row - b.page);
      break;
    case 'Home':
      col = 0;
      if (ctrl) row = 0;
      break;
    case 'End':
      col = b.cols - 1;
      if (ctrl) row = b.rows - 1;
      break;
    default:
      return null;
  }
  const top = b.header || b.rows === 0 ? -1 : 0;
  return { row: Math.max(top, Math.min(b.rows - 1, row)), col: Math.max(0, Math.min(b.cols - 1, col)) };
}
