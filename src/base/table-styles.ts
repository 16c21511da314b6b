/** Data tables: the table element, and the table view of charts and maps. */
import { css } from 'lit';

export const tableStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
    width: max-content;
    min-width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    font-size: 1.125em;
    padding-bottom: var(--_kd-space-s);
  }
  caption .unit {
    font-weight: normal;
  }
  /* "berechnet aus: …" of a computed indicator: a line of its own under the title */
  caption .computed {
    display: block;
    font-weight: normal;
    font-size: calc(0.875em / 1.125); /* the small text size (the caption is 1.125em) */
  }
  th,
  td {
    padding: var(--_kd-space-xs) 0.75rem;
    border-bottom: 1px solid var(--_kd-border);
  }
  thead th {
    border-bottom-width: 2px;
    vertical-align: bottom;
  }
  thead th:first-child,
  th[scope='row'] {
    text-align: start;
    font-weight: normal;
  }
  thead th:not(:first-child),
  td {
    text-align: end;
    white-space: nowrap;
  }
  tbody tr:hover {
    background: var(--_kd-hover);
  }
  .note-title {
    margin: 0.75rem 0 0;
    font-size: 0.875em;
    font-weight: 600;
  }
  .legend,
  .footnotes {
    margin: var(--_kd-space-s) 0 0;
    font-size: 0.875em;
  }
  .legend div {
    display: flex;
    gap: var(--_kd-space-s);
  }
  .legend dt {
    min-width: 2ch;
    font-weight: 600;
  }
  .legend dd {
    margin: 0;
  }
  .footnotes {
    padding-inline-start: 1.25rem;
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    tbody tr:hover {
      background: none;
    }
  }
  @media (forced-colors: active) {
    th,
    td {
      border-color: CanvasText;
    }
  }
`;
