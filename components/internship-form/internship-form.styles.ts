import { css } from 'lit';

export const internshipFormStyles = css`
  form {
    display: grid;
    gap: var(--_space-3);
    min-inline-size: 0;
  }
  .field + .field {
    margin-block-start: 0;
  }
  .opening-line {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .opening-meta {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .draft-note,
  .check {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .notice {
    max-block-size: 18rem;
    overflow: auto;
    overscroll-behavior: contain;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-alt);
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }
  .notice h3,
  .notice h4 {
    margin: var(--_space-2) 0 var(--_space-1);
    line-height: 1.3;
  }
  .notice h3 {
    font-size: 1em;
  }
  .notice h4 {
    font-size: 0.9375em;
  }
  .notice p {
    margin: 0 0 var(--_space-2);
    white-space: pre-line;
  }
  .notice-version {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .notice-state {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .consent {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: var(--_space-2);
    align-items: start;
    font-weight: 400;
  }
  .consent input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0.15em 0 0;
    accent-color: var(--_primary);
  }
  .notice-changed {
    margin: 0;
    font-size: 0.875em;
    color: var(--_warning);
    font-weight: 600;
  }
  /* The honeypot: off-screen for people (and out of the tab order), in the markup for bots. Never display:none. */
  .hp {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .actions {
    margin-block-start: 0;
    justify-content: flex-start;
  }
  .success {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-3);
    border-radius: calc(var(--_radius) / 2);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
    overflow-wrap: anywhere;
  }
  .success.waiting {
    border-inline-start-color: var(--_warning);
  }
  .success-title {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 650;
  }
  .success p {
    margin: 0;
  }
  .reference-label {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .reference {
    display: block;
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
    user-select: all;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .private-link {
    color: var(--_primary-text);
    font-weight: 600;
  }
  .warning-text {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .next {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .next li + li {
    margin-block-start: var(--_space-1);
  }
`;
