/**
 * Colours, fonts and line styles for the canvas. A canvas cannot read CSS,
 * so the resolved `--kd-*` custom properties of the host are read here.
 * Series differ by colour *and* dash pattern and marker shape, so they stay
 * apart for colour-blind readers, in print and under forced colours.
 */
import { resolveColor as resolve } from '../base/resolve-color.js';
import { defaultColor, SEQUENCE_ANCHORS } from '../base/theme.js';
import { DARK2, SET2 } from '../generated/series-colors.js';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  /** Colour of the n-th series (cycled). */
  series: (index: number, count: number) => string;
  /** Colours for the parts of a whole, in order (sequential: age groups are ordered). */
  sequence: (index: number, count: number) => string;
  highlight: string;
  reference: string;
  forcedColors: boolean;
  dark: boolean;
}

/** Line dash per series: solid, dashed, dotted, dash-dot, long dash … */
export const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [14, 5], [4, 2, 4, 6]];
/** Marker shape per series (Chart.js point styles). */
export const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

// ColorBrewer Dark2 (light theme) and Set2 (dark theme) are qualitative schemes whose first
// colours stay apart under the common colour-vision deficiencies; the yellow that falls below
// 3:1 contrast on white (Dark2's sixth colour) is left out.
const LIGHT_SERIES = DARK2.filter((_, i) => i !== 5);
const DARK_SERIES = SET2;


function prop(style: CSSStyleDeclaration, name: string): string {
  return style.getPropertyValue(name).trim();
}

/** The theme as the host currently looks (call again after theme or media changes). */
export function readTheme(host: HTMLElement, probe: HTMLElement): ChartTheme {
  const style = getComputedStyle(host);
  const forcedColors = matchMedia('(forced-colors: active)').matches;
  const dark = prop(style, '--_kd-dark') === '1';
  if (forcedColors) {
    // System colours only; series still differ by dash and marker.
    const text = resolve(probe, 'CanvasText');
    return {
      text,
      muted: text,
      grid: resolve(probe, 'GrayText'),
      background: resolve(probe, 'Canvas'),
      font: style.fontFamily,
      series: () => text,
      sequence: (i) => (i % 2 ? resolve(probe, 'Canvas') : text),
      highlight: resolve(probe, 'Highlight'),
      reference: resolve(probe, 'GrayText'),
      forcedColors,
      dark,
    };
  }
  const palette = dark ? DARK_SERIES : LIGHT_SERIES;
  const custom = (i: number) => prop(style, `--kd-color-series-${i + 1}`);
  // Ordered parts (youngest to oldest) get an ordered multi-hue ramp through three palette colours
  // (like viridis: lightness rises steadily, hue changes too, so neighbours stay apart), mixed by
  // the browser in OKLab: any number of parts, and no colour-interpolation code shipped.
  const background = resolve(probe, prop(style, '--_kd-surface') || defaultColor('surface'));
  const anchors = [
    prop(style, '--kd-color-sequence-start') || SEQUENCE_ANCHORS.start,
    prop(style, '--kd-color-sequence-middle') || SEQUENCE_ANCHORS.middle,
    prop(style, '--kd-color-sequence-end') || SEQUENCE_ANCHORS.end,
  ];
  const ramp = (t: number) =>
    t <= 0.5
      ? `color-mix(in oklab, ${anchors[1]} ${Math.round(t * 200)}%, ${anchors[0]})`
      : `color-mix(in oklab, ${anchors[2]} ${Math.round((t - 0.5) * 200)}%, ${anchors[1]})`;
  return {
    text: style.color,
    muted: resolve(probe, prop(style, '--_kd-muted') || style.color),
    grid: resolve(probe, prop(style, '--_kd-grid') || defaultColor('grid', dark)),
    background,
    font: style.fontFamily,
    series: (i) => resolve(probe, custom(i % 8) || palette[i % palette.length]!),
    sequence: (i, n) => resolve(probe, ramp(i / Math.max(1, n - 1))),
    highlight: resolve(probe, prop(style, '--kd-color-highlight') || palette[1]!),
    reference: resolve(probe, prop(style, '--kd-color-reference') || prop(style, '--_kd-muted') || defaultColor('muted', dark)),
    forcedColors,
    dark,
  };
}
