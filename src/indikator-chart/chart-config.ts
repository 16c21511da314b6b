/**
 * Chart.js configuration from a chart model and a theme. Everything a reader
 * needs in words (title, unit, tooltip, legend) is HTML around the canvas;
 * the canvas only draws.
 */
import type { ChartConfiguration, ChartDataset, Plugin, ScaleOptions } from 'chart.js';
import { hatchTile } from '../base/hatch.js';
import { shortName } from '../i18n/region-name.js';
import type { ChartModel } from './chart-model.js';
import { DASHES, MARKERS, type ChartTheme } from './chart-theme.js';

export interface ChartRenderOptions {
  /** BCP 47 tag for Chart.js' own number formatting (axis ticks). */
  intlLocale: string;
  reducedMotion: boolean;
  /** The point under keyboard focus, outlined on the canvas. */
  focus: () => { datasetIndex: number; index: number } | undefined;
  focusColor: string;
  /** Mouse over the plot: the element handles tooltip and announcement. */
  onHover: (datasetIndex: number, index: number) => void;
  onLeave: () => void;
  onClick: (datasetIndex: number, index: number) => void;
  /** Called once after the first complete draw (the `kd-render` moment). */
  onDrawn: () => void;
}

/** Diagonal hatching: reference bars, and bars under forced colours, differ by more than colour. */
function hatch(color: string, background: string): CanvasPattern | string {
  const tile = hatchTile(color, background);
  return (tile && tile.createPattern(tile.canvas, 'repeat')) ?? color;
}

/** Writes the status symbol where a value is missing, so a gap is never mistaken for zero. */
function gapSymbols(model: ChartModel, theme: ChartTheme): Plugin {
  return {
    id: 'kdGapSymbols',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.fillStyle = theme.muted;
      ctx.font = `600 12px ${theme.font}`;
      ctx.textBaseline = 'middle';
      model.series.forEach((s, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        s.points.forEach((p, i) => {
          const status = p.value === null ? p.observation?.status : undefined;
          const el = meta.data[i] as unknown as { x: number; y: number; base?: number } | undefined;
          if (!status || !el) return;
          if (model.type === 'bar' || model.type === 'pyramid') {
            ctx.textAlign = 'left';
            ctx.fillText(status, (el.base ?? chartArea.left) + 4, el.y);
          } else if (model.type === 'line') {
            if (d > 0) return; // one row of symbols, for the first series
            ctx.textAlign = 'center';
            ctx.fillText(status, el.x, chartArea.bottom - 8);
          } else {
            ctx.textAlign = 'center';
            ctx.fillText(status, el.x, (el.base ?? chartArea.bottom) - 8);
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Below this width, ranked regions are labelled without their type ("Harz" for "Harz, Landkreis"). */
const NARROW = 560;

/** Keyboard focus on the canvas: a ring around the focused point or bar. */
function focusRing(options: ChartRenderOptions): Plugin {
  return {
    id: 'kdFocusRing',
    afterDatasetsDraw(chart) {
      const f = options.focus();
      const el = f && (chart.getDatasetMeta(f.datasetIndex).data[f.index] as unknown as Record<string, number> | undefined);
      if (!el) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.strokeStyle = options.focusColor;
      ctx.lineWidth = 3;
      if ('width' in el && 'base' in el && Number.isFinite(el.x)) {
        const props = (el as unknown as { getProps: (k: string[], final: boolean) => Record<string, number> }).getProps(
          ['x', 'y', 'base', 'width', 'height'],
          true,
        );
        const horizontal = chart.options.indexAxis === 'y';
        const [x0, x1] = horizontal ? [Math.min(props.base!, props.x!), Math.max(props.base!, props.x!)] : [props.x! - props.width! / 2, props.x! + props.width! / 2];
        const [y0, y1] = horizontal ? [props.y! - props.height! / 2, props.y! + props.height! / 2] : [Math.min(props.base!, props.y!), Math.max(props.base!, props.y!)];
        ctx.strokeRect(x0 - 3, y0 - 3, Math.max(x1 - x0, 2) + 6, y1 - y0 + 6);
      } else if (Number.isFinite(el.y)) {
        ctx.beginPath();
        ctx.arc(el.x!, el.y!, 9, 0, Math.PI * 2);
        ctx.stroke();
      } else {
        // A gap: mark the period on the axis.
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(el.x!, chartArea.top);
        ctx.lineTo(el.x!, chartArea.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

function drawnOnce(options: ChartRenderOptions): Plugin {
  let done = false;
  return {
    id: 'kdDrawn',
    afterRender() {
      if (done) return;
      done = true;
      options.onDrawn();
    },
  };
}

function scale(theme: ChartTheme, extra: Record<string, unknown>): ScaleOptions {
  return {
    grid: { color: theme.grid },
    border: { color: theme.muted },
    ticks: { color: theme.text, font: { family: theme.font, size: 12 } },
    ...extra,
  } as ScaleOptions;
}

function datasets(model: ChartModel, theme: ChartTheme): ChartDataset[] {
  const n = model.series.length;
  if (model.type === 'line') {
    return model.series.map((s, i) => ({
      type: 'line',
      label: s.label,
      data: s.points.map((p) => p.value),
      borderColor: theme.series(i, n),
      backgroundColor: theme.series(i, n),
      borderWidth: s.reference ? 2 : 3,
      borderDash: DASHES[i % DASHES.length],
      pointStyle: MARKERS[i % MARKERS.length],
      pointRadius: model.categories.length > 40 ? 0 : 3.5,
      pointHoverRadius: 6,
      spanGaps: false,
      tension: 0,
    })) as ChartDataset[];
  }
  if (model.type === 'bar' || (model.type === 'column' && model.categoryKind === 'region')) {
    const s = model.series[0]!;
    const colors = model.categories.map((c) =>
      c.reference ? hatch(theme.reference, theme.background) : c.region && c.region.key === model.highlight ? theme.highlight : theme.series(0, 1),
    );
    return [
      {
        type: 'bar',
        label: s.label,
        data: s.points.map((p) => p.value),
        backgroundColor: colors,
        borderColor: model.categories.map((c) => (c.region?.key === model.highlight ? theme.text : 'transparent')),
        borderWidth: model.categories.map((c) => (c.region?.key === model.highlight ? 2 : 0)),
        maxBarThickness: 28,
      },
    ] as ChartDataset[];
  }
  const sequence = model.type === 'stacked';
  return model.series.map((s, i) => {
    const color = sequence ? theme.sequence(i, n) : theme.series(i, n);
    const fill = theme.forcedColors && i % 2 ? hatch(theme.text, theme.background) : color;
    return {
      type: 'bar',
      label: s.label,
      data: s.points.map((p) => (p.value === null ? null : model.type === 'pyramid' && i === 0 ? -p.value : p.value)),
      backgroundColor: fill,
      borderColor: sequence ? theme.background : theme.forcedColors ? theme.text : color,
      borderWidth: sequence ? 1 : theme.forcedColors ? 1 : 0,
      maxBarThickness: sequence ? 96 : 48,
      ...(sequence ? { categoryPercentage: 0.7, barPercentage: 0.95 } : {}),
      ...(model.type === 'pyramid' || sequence ? {} : { borderDash: DASHES[i % DASHES.length] }),
    };
  }) as ChartDataset[];
}

export function chartConfig(model: ChartModel, theme: ChartTheme, options: ChartRenderOptions): ChartConfiguration {
  const horizontal = model.type === 'bar' || model.type === 'pyramid';
  const stacked = model.type === 'stacked' || model.type === 'pyramid';
  const numberFormat = new Intl.NumberFormat(options.intlLocale, { maximumFractionDigits: model.mode === 'absolute' ? model.indicator.decimals : 1 });
  const valueAxis = scale(theme, {
    type: 'linear',
    stacked,
    beginAtZero: model.type !== 'line',
    ...(model.type === 'stacked' && model.mode === 'share' ? { max: 100 } : {}),
    ticks: {
      color: theme.text,
      font: { family: theme.font, size: 12 },
      // Pyramid: men are drawn to the left as negative numbers, but labelled as counts.
      callback: (v: number | string) => numberFormat.format(Math.abs(Number(v))),
    },
  });
  const categoryAxis = scale(theme, {
    type: 'category',
    stacked,
    reverse: model.type === 'pyramid', // youngest at the bottom
    grid: { display: false },
    ticks: {
      color: theme.text,
      font: { family: theme.font, size: 12 },
      autoSkip: !horizontal,
      // Full labels stay in the table, tooltip and announcements; axes use the short forms.
      callback(this: { chart: { width: number } }, _value: number | string, index: number) {
        const c = model.categories[index];
        if (!c) return '';
        if (c.region && this.chart.width < NARROW) return shortName(c.region.name);
        return c.tick ?? c.label;
      },
    },
  });
  if (model.type === 'pyramid') {
    // Zero in the middle: men and women on equal scales.
    const largest = Math.max(...model.series.flatMap((s) => s.points.map((p) => p.value ?? 0)));
    Object.assign(valueAxis, { suggestedMin: -largest, suggestedMax: largest });
  }
  const axisKey = horizontal ? 'y' : 'x';
  return {
    type: model.type === 'line' ? 'line' : 'bar',
    data: { labels: model.categories.map((c) => c.label), datasets: datasets(model, theme) },
    options: {
      locale: options.intlLocale,
      responsive: true,
      maintainAspectRatio: false,
      animation: options.reducedMotion ? false : { duration: 300 },
      indexAxis: horizontal ? 'y' : 'x',
      interaction: { mode: 'nearest', intersect: false, axis: axisKey },
      events: ['mousemove', 'mouseout', 'click', 'touchstart', 'touchmove'],
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      layout: { padding: { top: 8, right: 12 } },
      onHover: (event, elements) => {
        if (event.type === 'mouseout') return options.onLeave();
        const e = elements[0];
        if (e) options.onHover(e.datasetIndex, e.index);
      },
      onClick: (_event, elements) => {
        const e = elements[0];
        if (e) options.onClick(e.datasetIndex, e.index);
      },
    },
    plugins: [gapSymbols(model, theme), focusRing(options), drawnOnce(options)],
  };
}
