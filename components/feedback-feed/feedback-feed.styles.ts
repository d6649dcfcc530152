import { css } from 'lit';

export const feedbackFeedStyles = css`
  :host {
    container-type: inline-size;
  }

  .open-count {
    margin: 0;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_warning);
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
    min-width: 0;
  }
  /* Grid and flex children default to their content's width: a long word or name would push out of the card. */
  .item,
  .item article > *,
  .item-header > * {
    min-width: 0;
  }

  .item article {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
    display: grid;
    gap: var(--_space-2);
  }
  /* Not colour alone: a thick start border, a filled background and the "Belum ditanggapi" badge text. */
  .item.unacknowledged article {
    border-inline-start: 6px solid var(--_warning);
    background: var(--_surface-alt);
  }

  .item-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-3);
  }
  .item-title {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .time,
  .goal,
  .acked,
  .queued {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .goal .label {
    font-weight: 600;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .badge.kind.appreciation {
    color: var(--_primary-text);
    border-color: var(--_primary-text);
  }
  .badge.kind.guidance {
    color: var(--_warning);
    border-color: var(--_warning);
  }
  .badge.rating.above {
    color: var(--_success);
  }
  .badge.rating.below {
    color: var(--_danger);
  }
  .badge.status.open {
    color: var(--_surface);
    background: var(--_warning);
    border-color: var(--_warning);
  }
  .badge.status.open::before {
    content: '● ';
  }
  .badge.status.done {
    color: var(--_success);
  }
  .badge.status.done::before {
    content: '✓ ';
  }

  .message {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .response {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 3px solid var(--_border);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .response p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .response-label {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
  }

  .ack-form {
    display: grid;
    gap: var(--_space-1);
  }
  .reply-label {
    font-weight: 600;
    font-size: 0.875em;
  }
  .ack-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .ack-row input {
    flex: 1 1 14rem;
    min-width: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: var(--_space-2);
    min-block-size: 2.75rem;
  }
  .ack-row input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .ack-error,
  .more-error {
    margin: 0;
    overflow-wrap: anywhere;
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }


  .more {
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
  }

  @media (forced-colors: active) {
    .item.unacknowledged article {
      border-inline-start-color: Highlight;
    }
  }
`;
