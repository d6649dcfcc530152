import { css } from 'lit';
import { buttonStyles } from './button.styles.js';

/** Styles of native form controls, field errors and the error summary shared by the form widgets. */
export const formStyles = css`
  .field {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
  }
  .field + .field {
    margin-block-start: var(--_space-3);
  }
  label,
  legend {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .hint {
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-2) var(--_space-3) var(--_space-3);
    margin: 0;
    min-inline-size: 0;
  }
  fieldset + .field,
  .field + fieldset,
  fieldset + fieldset {
    margin-block-start: var(--_space-3);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-weight: 400;
    min-block-size: 2.75rem;
  }
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    accent-color: var(--_primary);
    margin: 0;
  }
  input:not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-2);
    min-block-size: 2.75rem;
    inline-size: 100%;
  }
  textarea {
    resize: vertical;
    min-block-size: 8rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    display: flex;
    gap: var(--_space-1);
    align-items: flex-start;
    margin: 0;
    color: var(--_danger);
    font-size: 0.875em;
  }
  .field-error svg {
    flex: none;
    margin-block-start: 0.15em;
  }
  .counter {
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  /* Kept in the page while empty (a live region must exist before it speaks); drawn only when it holds errors. */
  .summary-errors.shown {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .summary-errors p {
    margin: 0;
    font-weight: 600;
    color: var(--_danger);
  }
  .summary-errors ul {
    margin: var(--_space-1) 0 0;
    padding-inline-start: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: flex-end;
    margin-block-start: var(--_space-3);
  }
  ${buttonStyles}
`;
