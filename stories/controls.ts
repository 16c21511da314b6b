/** Storybook controls every element shares (language, colour scheme, linking, free text). */
export const text = { control: 'text' } as const;

export const commonArgTypes = {
  linked: { control: 'boolean' },
  lang: { control: 'inline-radio', options: ['de', 'en'] },
  theme: { control: 'inline-radio', options: [undefined, 'light', 'dark', 'auto'], labels: { undefined: '(Standard)' } },
} as const;
