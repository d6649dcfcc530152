import { css } from 'lit';

/** Buttons that send: the quiet secondary look, and the busy state (`aria-disabled` + spinner) that blocks a double submit. */
export const buttonStyles = css`
  button.secondary {
    background: transparent;
    color: var(--_primary-text);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-1);
    vertical-align: -0.15em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: asn-spin 0.8s linear infinite;
  }
  @keyframes asn-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
