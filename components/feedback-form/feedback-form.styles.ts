import { css } from 'lit';

export const feedbackFormStyles = css`
  form {
    display: grid;
  }
  .summary-errors.shown {
    margin-block-end: var(--_space-3);
  }
  .draft-note {
    margin: 0 0 var(--_space-3);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .retry {
    justify-self: start;
  }
  .success {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
  }
  .success.waiting {
    border-inline-start-color: var(--_warning);
  }
  .success-title {
    margin: 0;
    font-size: 1em;
    font-weight: 650;
    color: var(--_success);
  }
  .success.waiting .success-title {
    color: var(--_warning);
  }
  .success-message {
    margin: 0;
  }
  .sent-text {
    margin: 0;
    padding-inline-start: var(--_space-3);
    border-inline-start: 2px solid var(--_border);
    color: var(--_muted);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .again {
    justify-self: start;
  }
`;
