import { css } from 'lit';

export const applicationReviewStyles = css`
  /* The queue and the open application side by side when there is room, one at a time below 48rem (320 px phones). */
  .base {
    container: review / inline-size;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }
  .count {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Besides filterFormStyles. */
  .filter label {
    font-size: 0.9375em;
  }
  input,
  select {
    min-width: 0;
  }

  .layout {
    display: grid;
    gap: var(--_space-3);
    min-width: 0;
  }
  .queue-pane,
  .detail-pane {
    display: grid;
    gap: var(--_space-3);
    align-content: start;
    min-width: 0;
  }
  @container review (min-width: 48rem) {
    .layout.open {
      grid-template-columns: minmax(15rem, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }
  @container review (max-width: 47.99rem) {
    .layout.open .queue-pane {
      display: none;
    }
  }

  .queue {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .queue[aria-busy='true'] {
    cursor: progress;
  }
  .row-button {
    display: grid;
    gap: 0.125rem;
    inline-size: 100%;
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-2) var(--_space-3);
  }
  .row-button:hover {
    filter: none;
    border-color: var(--_primary);
  }
  /* Not colour alone: the open row also has aria-current and a thick start border. */
  .row-button.selected {
    background: var(--_surface-alt);
    border-color: var(--_primary);
    border-inline-start-width: 6px;
  }
  .row-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
  }
  .name {
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  .erased-name {
    font-style: italic;
    font-weight: 400;
    color: var(--_muted);
  }
  .row-line {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .ref,
  .hash {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9375em;
  }
  .muted {
    color: var(--_muted);
  }

  .badge {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid;
    white-space: nowrap;
  }
  .badge.submitted {
    color: var(--_primary-text);
  }
  .badge.reviewing,
  .badge.new {
    color: var(--_warning);
  }
  .badge.accepted {
    color: var(--_success);
  }
  .badge.accepted::before {
    content: '✓ ';
  }
  .badge.rejected {
    color: var(--_danger);
  }
  .badge.withdrawn {
    color: var(--_muted);
  }

  .more,
  .empty-action {
    margin: 0;
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
  }
  .more-error {
    margin: 0;
    color: var(--_danger);
  }

  .detail {
    display: grid;
    gap: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
    min-width: 0;
  }
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .detail-title {
    margin: 0;
    font-size: 1.0625em;
    overflow-wrap: anywhere;
  }
  .close {
    justify-self: start;
  }
  .section-title {
    margin: 0 0 var(--_space-1);
    font-size: 0.9375em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
  }
  .fact {
    min-width: 0;
  }
  .fact dt {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .fact dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* What a student typed: as text, its line breaks kept. */
  .text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .consent {
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .erased {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_muted);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
    font-weight: 600;
  }
  .problem {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }
  .problem p {
    margin: 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .draft {
    margin: 0;
    font-size: 0.875em;
  }

  @media (forced-colors: active) {
    .row-button.selected {
      border-color: Highlight;
    }
  }
`;
