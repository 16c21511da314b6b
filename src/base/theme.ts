import { unsafeCSS, type CSSResult } from 'lit';
import { DARK2 } from '../generated/series-colors.js';

/**
 * The theme: every colour, spacing and focus default of every element, and the only place with colour
 * literals (a test keeps it so; data colours for series and map classes come from generated/).
 *
 * The defaults are KERN-UX 2.7 tokens (`@kern-ux/native`, the German public sector's design system),
 * converted from OKLCH to sRGB, so a widget sits beside KERN components without a theme file. Sites on
 * KERN can follow its tokens exactly (also its dark mode and brand colours) with `themes/kern.css`, which
 * names the KERN token behind each default (theme.test.ts checks that they match).
 *
 * Each token `name` becomes the internal property `--_kd-name`, which yields to the page's public
 * `--kd-…` property. Contrast (tested in theme.test.ts): texts ≥ 4.5:1 on background, surface and
 * placeholder; focus ring and control borders ≥ 3:1 (WCAG 1.4.3, 1.4.11).
 */
export interface Token {
  /** Internal name: `--_kd-<name>`. */
  name: string;
  /** Public property a page sets: `--kd-<property>`. */
  property: string;
  light: string;
  dark: string;
}

export const COLOR_TOKENS: readonly Token[] = [
  { name: 'muted', property: 'color-muted', light: '#51577a', dark: '#b2b6cc' },
  { name: 'border', property: 'color-border', light: '#c0c3d5', dark: '#454b6b' },
  { name: 'grid', property: 'color-grid', light: '#dfe1ea', dark: '#30344f' },
  { name: 'surface', property: 'color-surface', light: '#ffffff', dark: '#1d2034' },
  { name: 'placeholder', property: 'color-placeholder', light: '#f3f4f7', dark: '#131525' },
  { name: 'link', property: 'color-link', light: '#2044aa', dark: '#97afe1' },
  { name: 'focus', property: 'color-focus', light: '#454b6b', dark: '#a9aec6' },
  { name: 'error', property: 'color-error', light: '#c31c13', dark: '#ea7060' },
  { name: 'error-background', property: 'color-error-background', light: '#fee4e0', dark: '#4c0000' },
  { name: 'hover', property: 'color-row-hover', light: '#f3f4f7', dark: '#131525' },
  { name: 'good', property: 'color-good', light: '#007155', dark: '#16a884' },
  { name: 'bad', property: 'color-bad', light: '#c31c13', dark: '#ea7060' },
  { name: 'label', property: 'color-label', light: '#131525', dark: '#f3f4f7' },
  { name: 'overlay', property: 'color-overlay', light: 'rgb(19 21 37 / 0.6)', dark: 'rgb(0 0 0 / 0.6)' },
  { name: 'overlay-text', property: 'color-overlay-text', light: '#ffffff', dark: '#ffffff' },
];

/** Text and background of the element itself: light inherits the page's, dark brings its own. */
export const BASE_COLORS = {
  text: { light: 'inherit', dark: '#f3f4f7' },
  background: { light: 'transparent', dark: '#000000' },
} as const;

/** Sizes that do not change with the colour scheme. Spacing follows KERN's scale (4, 8, 16, 32 px). */
export const METRIC_TOKENS: readonly Omit<Token, 'dark'>[] = [
  { name: 'space-xs', property: 'space-xs', light: '0.25rem' },
  { name: 'space-s', property: 'space-s', light: '0.5rem' },
  { name: 'space-m', property: 'space-m', light: '1rem' },
  { name: 'space-xl', property: 'space-xl', light: '2rem' },
  { name: 'radius', property: 'radius', light: '0.25rem' },
  { name: 'focus-width', property: 'focus-width', light: '4px' },
  { name: 'focus-offset', property: 'focus-offset', light: '2px' },
  { name: 'shadow', property: 'shadow', light: '0 0.125rem 0.5rem rgb(0 0 0 / 0.2)' },
];

const declarations = (tokens: readonly Omit<Token, 'dark'>[], scheme: 'light' | 'dark') =>
  tokens.map((t) => `--_kd-${t.name}: var(--kd-${t.property}, ${(t as Token)[scheme]});`).join('\n');

/** Custom property declarations for `:host`, light. */
export const lightTokens: CSSResult = unsafeCSS(
  `--_kd-dark: 0;
  color: var(--kd-color-text, ${BASE_COLORS.text.light});
  background: var(--kd-color-background, ${BASE_COLORS.background.light});
  ${declarations(METRIC_TOKENS, 'light')}
  ${declarations(COLOR_TOKENS, 'light')}`,
);

/** Dark defaults, used by `theme="dark"` and by `theme="auto"` when the visitor prefers a dark scheme. */
export const darkTokens: CSSResult = unsafeCSS(
  `--_kd-dark: 1;
  color: var(--kd-color-text, ${BASE_COLORS.text.dark});
  background: var(--kd-color-background, ${BASE_COLORS.background.dark});
  ${declarations(COLOR_TOKENS, 'dark')}`,
);

/**
 * Ordered parts (age groups, youngest to oldest) get a ramp through three colours, mixed by the browser in
 * OKLab: Dark2's purple (darkened), teal and yellow (lightened). Series colours themselves are Dark2/Set2
 * (generated/series-colors.ts); `--kd-color-series-1` … `-8` override them.
 */
export const SEQUENCE_ANCHORS = {
  start: `color-mix(in oklab, ${DARK2[2]} 70%, black)`,
  middle: DARK2[0]!,
  end: `color-mix(in oklab, ${DARK2[5]} 60%, white)`,
} as const;

/** A token's default, for canvas code that needs a value when the computed style has none. */
export function defaultColor(name: string, dark = false): string {
  const token = COLOR_TOKENS.find((t) => t.name === name);
  if (!token) throw new Error(`unknown colour token ${name}`);
  return dark ? token.dark : token.light;
}
