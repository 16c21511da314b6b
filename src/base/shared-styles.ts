import { css, unsafeCSS } from 'lit';

/**
 * Dark defaults, used by `theme="dark"` and by `theme="auto"` when the
 * visitor prefers a dark scheme. Every value still yields to the page's
 * `--kd-*` properties.
 */
const darkTokens = unsafeCSS(`
  --_kd-dark: 1;
  color: var(--kd-color-text, #e8eaed);
  background: var(--kd-color-background, #1b1e23);
  --_kd-muted: var(--kd-color-muted, #b4bac2);
  --_kd-border: var(--kd-color-border, #5c636b);
  --_kd-grid: var(--kd-color-grid, #3d434a);
  --_kd-surface: var(--kd-color-surface, #25292f);
  --_kd-placeholder: var(--kd-color-placeholder, #2b3037);
  --_kd-link: var(--kd-color-link, #8ab4f8);
  --_kd-focus: var(--kd-color-focus, #8ab4f8);
  --_kd-error: var(--kd-color-error, #ff8a80);
  --_kd-error-background: var(--kd-color-error-background, #3b1f1f);
  --_kd-hover: var(--kd-color-row-hover, #2b3037);
`);

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
    color: var(--kd-color-text, inherit);
    background: var(--kd-color-background, transparent);
    min-height: var(--kd-min-height, 12rem);
    contain: layout;
    --_kd-dark: 0;
    --_kd-muted: var(--kd-color-muted, #4a4f55);
    --_kd-border: var(--kd-color-border, #c8ccd0);
    --_kd-grid: var(--kd-color-grid, #e1e4e8);
    --_kd-surface: var(--kd-color-surface, #fff);
    --_kd-placeholder: var(--kd-color-placeholder, #f1f3f5);
    --_kd-link: var(--kd-color-link, #0b5bd3);
    --_kd-focus: var(--kd-color-focus, #0b5bd3);
    --_kd-error: var(--kd-color-error, #b00020);
    --_kd-error-background: var(--kd-color-error-background, #fff4f4);
    --_kd-hover: var(--kd-color-row-hover, #f1f3f5);
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
    outline: var(--kd-focus-width, 3px) solid var(--_kd-focus);
    outline-offset: 2px;
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
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--_kd-surface);
  }
  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: var(--kd-min-height, 12rem);
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--_kd-placeholder);
    color: var(--_kd-muted);
  }
  .alert {
    min-height: var(--kd-min-height, 12rem);
    padding: 1rem;
    border: 2px solid var(--_kd-error);
    border-radius: var(--kd-radius, 0.25rem);
    background: var(--_kd-error-background);
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
