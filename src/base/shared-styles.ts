import { css } from 'lit';

/**
 * Styles every element shares. Colours, fonts and spacing come from `--kd-*`
 * custom properties with defaults, so a site can theme without touching
 * internals; nothing relies on the host page's global CSS.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--kd-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--kd-font-size, 1rem);
    line-height: 1.5;
    color: var(--kd-color-text, inherit);
    background: var(--kd-color-background, transparent);
    min-height: var(--kd-min-height, 12rem);
    contain: layout;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  :focus-visible {
    outline: var(--kd-focus-width, 3px) solid var(--kd-color-focus, #0b5bd3);
    outline-offset: 2px;
  }
  a {
    color: var(--kd-color-link, #0b5bd3);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    padding: 0.375rem 0.75rem;
    border: 1px solid currentColor;
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--kd-color-surface, #fff);
  }
  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: var(--kd-min-height, 12rem);
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--kd-color-placeholder, #f1f3f5);
    color: var(--kd-color-muted, #4a4f55);
  }
  .alert {
    min-height: var(--kd-min-height, 12rem);
    padding: 1rem;
    border: 2px solid var(--kd-color-error, #b00020);
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--kd-color-error-background, #fff4f4);
  }
  .alert p {
    margin: 0 0 0.5rem;
  }
  .alert ul {
    margin: 0 0 0.5rem;
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }
  .alert code {
    font-family: var(--kd-font-family-mono, ui-monospace, monospace);
  }
  .source {
    margin-top: 0.5rem;
    font-size: 0.875em;
    color: var(--kd-color-muted, #4a4f55);
  }
  .source p {
    margin: 0;
  }
  @media print {
    button {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .alert {
      border-color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
