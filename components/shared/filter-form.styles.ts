import { css } from 'lit';

/**
 * The filter bar of `filterForm()` (shared/filter-form.ts): fields in a wrapping grid, the search box on a row of its own.
 * Goes before the widget's own styles, which may add to it.
 */
export const filterFormStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
    align-items: end;
    margin: 0;
  }
  .filter {
    display: grid;
    gap: var(--_space-1);
    min-width: 0;
  }
  .search {
    grid-column: 1 / -1;
  }
  .filter label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-2);
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  .clear {
    justify-self: start;
  }
`;
