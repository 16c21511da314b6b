import { css } from 'lit';
import { figureStyles } from '../base/figure-styles.js';
import { tableStyles } from '../base/table-styles.js';

const ownStyles = css`
  :host {
    /* Reserved before data arrives: caption, summary, plot, actions, sources. */
    min-height: var(--kd-min-height, calc(var(--kd-chart-height, 20rem) + 13rem));
  }
  .chart-placeholder {
    min-height: var(--kd-min-height, calc(var(--kd-chart-height, 20rem) + 13rem));
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-xs) var(--_kd-space-m);
    margin: 0 0 var(--_kd-space-xs);
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
    border-radius: var(--_kd-radius);
  }
  .plot canvas {
    display: block;
  }
  .table-note {
    margin: var(--_kd-space-s) 0 0;
    font-size: 0.875em;
  }
  @media print {
    /* Paper gets both: the picture and the numbers. */
    .chart-view[hidden],
    .table-view[hidden] {
      display: block !important;
    }
    .table-view {
      margin-top: var(--_kd-space-m);
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

export const chartStyles = [tableStyles, figureStyles, ownStyles];
