import { css } from 'lit';
import { figureStyles } from '../base/figure-styles.js';
import { tableStyles } from '../base/table-styles.js';

const ownStyles = css`
  :host {
    min-height: var(--kd-min-height, calc(var(--kd-map-height, 28rem) + 14rem));
  }
  .map-placeholder {
    min-height: var(--kd-min-height, calc(var(--kd-map-height, 28rem) + 14rem));
  }
  .notice {
    padding: 0.75rem var(--_kd-space-m);
    border-inline-start: 4px solid var(--_kd-focus);
    background: var(--_kd-placeholder);
  }
  .map {
    position: relative;
    /* narrower screens get a shorter map, not a tall empty box */
    height: var(--kd-map-height, clamp(16rem, 75vw, 28rem));
    overflow: hidden;
    border-radius: var(--_kd-radius);
  }
  /* The few MapLibre rules a map without controls needs (its stylesheet is not loaded into the shadow
     root). MapLibre adds .maplibregl-map to this container; it must keep filling the map area. */
  .maplibre,
  .maplibre.maplibregl-map {
    position: absolute;
    inset: 0;
    overflow: hidden;
    -webkit-tap-highlight-color: transparent;
  }
  .maplibregl-canvas {
    position: absolute;
    left: 0;
    top: 0;
  }
  .maplibregl-canvas-container.maplibregl-interactive {
    cursor: grab;
  }
  .maplibregl-cooperative-gesture-screen {
    align-items: center;
    background: var(--_kd-overlay);
    color: var(--_kd-overlay-text);
    display: flex;
    font-size: 1.25em;
    inset: 0;
    justify-content: center;
    line-height: 1.2;
    opacity: 0;
    padding: var(--_kd-space-m);
    pointer-events: none;
    position: absolute;
    transition: opacity 1s ease 1s;
    z-index: 99999;
  }
  .maplibregl-cooperative-gesture-screen.maplibregl-show {
    opacity: 1;
    transition: opacity 0.05s;
  }
  .maplibregl-cooperative-gesture-screen .maplibregl-mobile-message {
    display: none;
  }
  @media (hover: none), (width <= 480px) {
    .maplibregl-cooperative-gesture-screen .maplibregl-desktop-message {
      display: none;
    }
    .maplibregl-cooperative-gesture-screen .maplibregl-mobile-message {
      display: block;
    }
  }
  .labels {
    position: absolute;
    inset: 0;
    pointer-events: none;
    overflow: hidden;
  }
  .label {
    position: absolute;
    left: 0;
    top: 0;
    font-size: 0.75em;
    line-height: 1.1;
    white-space: nowrap;
    color: var(--_kd-label);
    /* a halo keeps names readable on every class colour */
    text-shadow:
      0 0 2px var(--_kd-surface),
      0 0 2px var(--_kd-surface),
      0 0 3px var(--_kd-surface);
  }
  .legend {
    margin: var(--_kd-space-s) 0;
    font-size: 0.875em;
  }
  .legend-title {
    margin: 0 0 var(--_kd-space-xs);
    font-weight: 600;
  }
  /* "berechnet aus: …" of a computed indicator, under "Klassen (…)" */
  .legend-title .computed {
    display: block;
    font-weight: normal;
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_kd-space-xs) var(--_kd-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    display: inline-block;
    width: 1.25rem;
    height: 0.875rem;
    border: 1px solid var(--_kd-border);
    background: var(--swatch, transparent);
    /* class colours are the content: keep them under forced colours */
    forced-color-adjust: none;
  }
  .swatch.no-data {
    background: repeating-linear-gradient(135deg, var(--_kd-muted) 0 1.5px, var(--kd-color-no-data, var(--_kd-placeholder)) 1.5px 5px);
  }
  .sort {
    border: 0;
    padding: 0;
    background: none;
    font-weight: inherit;
  }
  .geo-source {
    margin-top: 0;
  }
  @media print {
    .map-view[hidden],
    .table-view[hidden] {
      display: block !important;
    }
    .actions,
    .tooltip {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .map:focus-visible {
      outline-color: Highlight;
    }
    .label {
      forced-color-adjust: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .maplibregl-cooperative-gesture-screen {
      transition: none;
    }
  }
`;

export const mapStyles = [tableStyles, figureStyles, ownStyles];
