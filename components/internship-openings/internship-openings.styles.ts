import { css } from 'lit';

export const internshipOpeningsStyles = css`
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
  }
  .opening article {
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space-3);
  }
  .opening-title {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
  }
  .opening p,
  .opening dd,
  .opening-title {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .unit,
  .facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
    gap: var(--_space-2) var(--_space-3);
    margin: 0;
  }
  .deadline {
    font-weight: 600;
  }
  .description {
    white-space: pre-line;
  }
  .skills {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .skill {
    font-size: 0.8125em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    overflow-wrap: anywhere;
  }
  .closed {
    color: var(--_warning);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .apply {
    margin-block-start: var(--_space-2);
  }
  .apply-error {
    color: var(--_danger);
    font-weight: 600;
  }
`;
