import { css } from 'lit';
import { darkTokens, lightTokens } from './theme.js';

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
    /* medium: the reader's default size, not the page's root size (a CMS's "html { font-size: 62.5% }" would
       make 1rem unreadably small) */
    font-size: var(--kd-font-size, medium);
    line-height: 1.5;
    /* The element's own typography: text properties a page gives its body do not leak in (colour does, by
       design). Rules on the element itself, e.g. a reader's text-spacing override, still apply. */
    font-style: normal;
    font-weight: normal;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    min-height: var(--kd-min-height, 12rem);
    contain: layout;
    ${lightTokens}
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
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
    outline: var(--_kd-focus-width) solid var(--_kd-focus);
    outline-offset: var(--_kd-focus-offset);
  }
  a {
    color: var(--_kd-link);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    padding: 0.375rem 0.75rem;
    border: 1px solid currentColor;
    border-radius: var(--_kd-radius);
    background: var(--_kd-surface);
  }
  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: var(--kd-min-height, 12rem);
    border-radius: var(--_kd-radius);
    background: var(--_kd-placeholder);
    color: var(--_kd-muted);
  }
  .alert {
    min-height: var(--kd-min-height, 12rem);
    padding: var(--_kd-space-m);
    border: 2px solid var(--_kd-error);
    border-radius: var(--_kd-radius);
    background: var(--_kd-error-background);
  }
  .alert p {
    margin: 0 0 var(--_kd-space-s);
  }
  .alert ul {
    margin: 0 0 var(--_kd-space-s);
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }
  .alert code {
    font-family: var(--kd-font-family-mono, ui-monospace, monospace);
  }
  .source {
    margin-top: var(--_kd-space-s);
    font-size: 0.875em;
    color: var(--_kd-muted);
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
