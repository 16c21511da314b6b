import { css } from 'lit';

/** Around the picture of a chart or map: caption, summary, tooltip, actions, symbol legend, print. */
export const figureStyles = css`
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
  .muted,
  .link-note {
    color: var(--_kd-muted);
    font-size: 0.875em;
  }
  .summary {
    margin: var(--_kd-space-s) 0;
    max-width: 70ch;
  }
  .link-note {
    margin: 0 0 var(--_kd-space-s);
  }
  .tooltip {
    position: absolute;
    transform: translate(-50%, calc(-100% - 12px));
    max-width: min(22rem, 90%);
    padding: var(--_kd-space-xs) var(--_kd-space-s);
    border: 1px solid var(--_kd-border);
    border-radius: var(--_kd-radius);
    background: var(--_kd-surface);
    color: inherit;
    font-size: 0.875em;
    pointer-events: none;
    white-space: normal;
    z-index: 2;
    box-shadow: var(--_kd-shadow);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-s);
    margin-top: var(--_kd-space-s);
  }
  button[disabled] {
    cursor: default;
    opacity: 0.6;
  }
  .omitted th[scope='rowgroup'] {
    text-align: start;
    padding-top: 0.75rem;
  }
  .symbols {
    margin: var(--_kd-space-s) 0 0;
    font-size: 0.875em;
  }
  .symbols div {
    display: flex;
    gap: var(--_kd-space-s);
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
    .actions,
    .tooltip {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .tooltip {
      border-color: CanvasText;
    }
  }
`;
