import { css } from 'lit';

export const progressCardStyles = css`
  :host {
    container-type: inline-size;
  }

  .updated {
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  .summary {
    display: flex;
    gap: var(--_space-4);
    align-items: center;
    flex-wrap: wrap;
  }
  .jp-value {
    display: block;
    font-size: 1.75em;
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .jp-of {
    display: block;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .jp-text {
    margin: 0;
    font-weight: 600;
  }
  .jp-note {
    margin: var(--_space-1) 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .jp-note.done {
    color: var(--_success);
  }
  .summary-text {
    flex: 1 1 12rem;
  }
  .sources {
    margin: var(--_space-1) 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .sources li {
    display: inline;
  }
  /* A visual separator only: the empty alternative text keeps screen readers from reading it. */
  .sources li + li::before {
    content: ' · ' / '';
  }

  .competencies {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .competency-row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-2);
    font-size: 0.9375em;
  }
  .competency-value {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .bar.technical .bar-value {
    fill: var(--asn-color-technical, var(--_primary));
  }
  .bar.managerial .bar-value {
    fill: var(--asn-color-managerial, var(--_success));
  }
  .bar.socio-cultural .bar-value {
    fill: var(--asn-color-socio-cultural, var(--_warning));
  }

  .section-title {
    margin: 0 0 var(--_space-2);
    font-size: 0.9375em;
    font-weight: 600;
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: var(--_space-3);
    margin: 0;
  }

  .details {
    display: grid;
    gap: var(--_space-4);
  }

  @container (min-width: 36rem) {
    .details {
      grid-template-columns: 1fr 1fr;
    }
    .details .stats-block {
      grid-column: 1 / -1;
    }
  }

  .footer[hidden] {
    display: none;
  }
`;
