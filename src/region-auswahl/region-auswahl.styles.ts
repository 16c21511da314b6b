import { css } from 'lit';

/** Styles of `<region-auswahl>`: a text field with its list positioned under it, inside the shadow root. */
export const regionAuswahlStyles = css`
  :host {
    min-height: var(--kd-min-height, 0);
    max-width: 100%;
  }
  /* Above the page content that follows while the list is open. */
  :host(:focus-within) {
    position: relative;
    z-index: 2;
  }
  .placeholder,
  .alert {
    min-height: var(--kd-min-height, 4.5rem);
  }
  .picker {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    max-width: 100%;
  }
  label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.875em;
    color: var(--_kd-muted);
  }
  .field {
    position: relative;
    max-width: 100%;
  }
  input {
    display: block;
    width: 100%;
    min-width: 0;
    margin: 0;
    padding: var(--_kd-space-s) 2.25rem var(--_kd-space-s) 0.625rem;
    font: inherit;
    color: inherit;
    background: var(--_kd-surface);
    border: 1px solid var(--_kd-muted);
    border-radius: var(--_kd-radius);
    text-overflow: ellipsis;
  }
  input:focus-visible {
    outline-offset: 0;
  }
  .chevron {
    position: absolute;
    top: 0;
    right: 0;
    bottom: 0;
    width: 2.25rem;
    display: flex;
    align-items: center;
    justify-content: center;
    cursor: pointer;
  }
  .chevron::before {
    content: '';
    width: 0.5rem;
    height: 0.5rem;
    margin-top: -0.25rem;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(45deg);
  }
  input[aria-expanded='true'] + .chevron::before {
    margin-top: var(--_kd-space-xs);
    transform: rotate(225deg);
  }
  .popup {
    position: absolute;
    top: 100%;
    left: 0;
    right: 0;
    margin-top: var(--_kd-space-xs);
    z-index: 1;
    color: var(--kd-color-text, inherit);
    background: var(--_kd-surface);
    border: 1px solid var(--_kd-border);
    border-radius: var(--_kd-radius);
    box-shadow: var(--_kd-shadow);
  }
  .popup[hidden],
  [role='listbox'][hidden] {
    display: none;
  }
  [role='listbox'] {
    max-height: var(--kd-picker-max-height, 18rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_kd-space-xs) 0;
  }
  .group-label {
    padding: 0.375rem 0.625rem 0.125rem;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_kd-muted);
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    column-gap: 0.75rem;
    padding: 0.375rem 0.625rem 0.375rem 1.25rem;
    cursor: pointer;
    overflow-wrap: anywhere;
    border-left: 4px solid transparent;
  }
  .option:hover {
    background: var(--_kd-hover);
  }
  .option.chosen .name {
    font-weight: 600;
  }
  .option.chosen .name::before {
    content: '✓ ' / '';
  }
  .key {
    font-variant-numeric: tabular-nums;
    color: var(--_kd-muted);
  }
  /* The option with visual focus: a coloured bar and outline, not colour alone. */
  .option.active {
    background: var(--_kd-hover);
    border-left-color: var(--_kd-focus);
    outline: 2px solid var(--_kd-focus);
    outline-offset: -2px;
  }
  .message {
    margin: 0;
    padding: var(--_kd-space-s) 0.625rem;
    color: var(--_kd-muted);
  }
  [role='listbox'] + .message {
    border-top: 1px solid var(--_kd-grid);
  }
  @media (forced-colors: active) {
    input,
    .popup {
      border-color: CanvasText;
    }
    .option.active {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-left-color: HighlightText;
      outline-color: HighlightText;
    }
    .option.active .key {
      color: HighlightText;
    }
  }
  @media print {
    .popup,
    .chevron,
    .hint {
      display: none;
    }
  }
`;
