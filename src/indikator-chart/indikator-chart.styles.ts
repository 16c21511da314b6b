import { css } from 'lit';
import { tableStyles } from '../base/table-styles.js';

const ownStyles = css`
  :host {
    /* Reserved before data arrives: caption, summary, plot, actions, sources. */
    min-height: var(--kd-min-height, calc(var(--kd-chart-height, 20rem) + 13rem));
  }
  .chart-placeholder {
    min-height: var(--kd-min-height, calc(var(--kd-chart-height, 20rem) + 13rem));
  }
  figure {
    margin: 0;
  }
  figcaption {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }
  .title {
    font-weight: 600;
    font-size: 1.125em;
  }
  .subtitle,
  .muted {
    color: var(--_kd-muted);
    font-size: 0.875em;
  }
  .summary {
    margin: 0.5rem 0;
    max-width: 70ch;
  }
  .link-note {
    margin: 0 0 0.5rem;
    font-size: 0.875em;
    color: var(--_kd-muted);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 0.25rem;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .key {
    width: 28px;
    height: 12px;
    flex: none;
    stroke: var(--key-color, currentColor);
    fill: var(--key-color, currentColor);
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 0.75rem;
    border: 2px solid currentColor;
  }
  .swatch.highlight {
    background: var(--key-color, currentColor);
  }
  .swatch.reference {
    background: repeating-linear-gradient(135deg, currentColor 0 2px, transparent 2px 5px);
    border-width: 1px;
  }
  .plot {
    position: relative;
    height: var(--kd-chart-height, 20rem);
    min-width: 0;
    border-radius: var(--kd-radius, 0.25rem);
  }
  .plot canvas {
    display: block;
  }
  .tooltip {
    position: absolute;
    transform: translate(-50%, calc(-100% - 12px));
    max-width: min(20rem, 90%);
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_kd-border);
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--_kd-surface);
    color: inherit;
    font-size: 0.875em;
    pointer-events: none;
    white-space: normal;
    z-index: 1;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  button[disabled] {
    cursor: default;
    opacity: 0.6;
  }
  .omitted th[scope='rowgroup'] {
    text-align: start;
    padding-top: 0.75rem;
  }
  .table-note {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
  }
  .symbols {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
  }
  .symbols div {
    display: flex;
    gap: 0.5rem;
  }
  .symbols dt {
    min-width: 2ch;
    font-weight: 600;
  }
  .symbols dd {
    margin: 0;
  }
  .probe {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  @media print {
    /* Paper gets both: the picture and the numbers. */
    .chart-view[hidden],
    .table-view[hidden] {
      display: block !important;
    }
    .table-view {
      margin-top: 1rem;
      break-inside: avoid;
    }
    .actions,
    .tooltip {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .key {
      stroke: CanvasText;
      fill: CanvasText;
    }
    .plot:focus-visible {
      outline-color: Highlight;
    }
    .tooltip {
      border-color: CanvasText;
    }
  }
`;

export const chartStyles = [tableStyles, ownStyles];
