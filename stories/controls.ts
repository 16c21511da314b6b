import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';

/** Storybook controls every element shares (language, colour scheme, linking, free text). */
export const text = { control: 'text' } as const;

export const commonArgTypes = {
  linked: { control: 'boolean' },
  lang: { control: 'inline-radio', options: ['de', 'en'] },
  theme: { control: 'inline-radio', options: [undefined, 'light', 'dark', 'auto'], labels: { undefined: '(Standard)' } },
} as const;

/** A dark page around the element, so `theme="dark"` is seen as on a dark site. */
export const darkPage: Decorator = (story) => html`<div class="kd-story-dark">
  <style>
    .kd-story-dark {
      background: #121417;
      color: #e8eaed;
      padding: 1.5rem;
    }
  </style>
  ${story()}
</div>`;
