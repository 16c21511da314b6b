/**
 * What a chart shows, independent of Chart.js: categories along one axis,
 * series across them, each point holding the official observation it comes
 * from. The text summary, the data table, keyboard announcements, the CSV
 * download and the Chart.js configuration are all derived from this model,
 * so they cannot disagree.
 */
import type { DataStore, StoredObservation } from '../data/data-store.js';
import {
  noValues,
  resolveBreakdown,
  resolveIndicator,
  resolvePeriods,
  resolveRegions,
  unknownValue,
  words,
  type SelectionAttributes,
} from '../data/selection.js';
import type { Dimension, Indicator, Region } from '../format/types.js';
import { formatPeriod } from '../i18n/format.js';
import { localize } from '../i18n/text.js';

export const CHART_TYPES = ['line', 'bar', 'column', 'stacked', 'pyramid'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
/** absolute: official values; index: base period = 100; share: percent of the whole (stacked). */
export type ChartMode = 'absolute' | 'index' | 'share';

export interface ChartAttributes extends SelectionAttributes {
  type?: string | undefined;
  /** "parent", "ancestors" and/or region keys, separated by spaces. */
  compare?: string | undefined;
  mode?: string | undefined;
  /** Base period of `mode="index"`. */
  base?: string | undefined;
  /** The breakdown dimension split into series (stacked) or along the axis (pyramid). */
  dimension?: string | undefined;
  highlight?: string | undefined;
}

export interface ChartPoint {
  /** The plotted number (official value, index or share); null is a gap. */
  value: number | null;
  /** The official observation behind the point; undefined when the data has none. */
  observation: StoredObservation | undefined;
}

export interface ChartSeries {
  id: string;
  label: string;
  /** The region a series stands for (line, column); undefined for category series. */
  region: Region | undefined;
  /** A comparison line or bar (Land, Bund), drawn more quietly. */
  reference: boolean;
  points: ChartPoint[];
}

export interface ChartCategory {
  id: string;
  /** Full label (table, announcements): "31.12.2015", "Harz, Landkreis". */
  label: string;
  /** Shorter axis label where the full one repeats what the caption says ("2015" for Stichtag 31.12.). */
  tick?: string;
  /** Set when categories are regions (ranking, regions side by side). */
  region?: Region;
  /** A reference region among ranked ones (not ranked). */
  reference?: boolean;
}

export interface ChartModel {
  type: ChartType;
  indicator: Indicator;
  mode: ChartMode;
  /** Whether `mode` was chosen automatically (index for regions of very different size). */
  autoMode: boolean;
  basePeriod: string | undefined;
  /** The one period shown by rankings, pyramids and region comparisons. */
  period: string | undefined;
  categoryKind: 'period' | 'region' | 'category';
  categories: ChartCategory[];
  series: ChartSeries[];
  /** Region marked in a ranking (highlight attribute). */
  highlight: string | undefined;
  /** Fixed non-total breakdown categories, for the title ("weiblich"). */
  breakdownLabels: string[];
  /** Every official observation the chart rests on (sources, status legend, CSV). */
  observations: StoredObservation[];
  /** Regions left out of an automatic ranking because they have no value in the period. */
  omitted: Array<{ region: Region; observation: StoredObservation | undefined }>;
  /** "12-31" when every period is a Stichtag on that day: axes then show years. */
  sameDay: string | undefined;
}

/** Line or column charts compare regions of very different size by index when no mode is set. */
const AUTO_INDEX_RATIO = 5;
/** More regions than this without a `region` attribute: ask the page author to choose. */
const MAX_DEFAULT_SERIES = 6;

export function chartType(value: string | undefined): ChartType {
  return (CHART_TYPES as readonly string[]).includes(value ?? '') ? (value as ChartType) : 'line';
}

export function buildChartModel(store: DataStore, attrs: ChartAttributes): ChartModel {
  const type = chartType(attrs.type);
  const indicator = resolveIndicator(store, attrs.indicator);
  const breakdown = resolveBreakdown(store, indicator, attrs.breakdown);
  const periods = resolvePeriods(store, indicator, attrs);
  if (attrs.base && !store.periods(indicator.id).includes(attrs.base)) {
    throw unknownValue(store, 'unknown-period', attrs.base, '$.observations[*].period', store.periods(indicator.id));
  }
  const highlight = attrs.highlight || undefined;
  if (highlight) resolveRegions(store, indicator, [highlight]);
  const ctx: Context = { store, attrs, type, indicator, breakdown, periods, highlight };

  if (type === 'bar') return ranking(ctx);
  if (type === 'pyramid') return pyramid(ctx);
  if (type === 'stacked') return stacked(ctx);
  return timeOrRegions(ctx);
}

interface Context {
  store: DataStore;
  attrs: ChartAttributes;
  type: ChartType;
  indicator: Indicator;
  breakdown: Record<string, string>;
  periods: string[];
  highlight: string | undefined;
}

function base(ctx: Context, rest: Partial<ChartModel> & Pick<ChartModel, 'categoryKind' | 'categories' | 'series'>): ChartModel {
  const observations = rest.series.flatMap((s) => s.points.map((p) => p.observation)).filter((o): o is StoredObservation => !!o);
  if (observations.length === 0) {
    const regions = [...rest.series.map((s) => s.region?.key), ...rest.categories.map((c) => c.region?.key)].filter((k): k is string => !!k);
    throw noValues(ctx.store, ctx.indicator.id, false, { regions });
  }
  return {
    type: ctx.type,
    indicator: ctx.indicator,
    mode: 'absolute',
    autoMode: false,
    basePeriod: undefined,
    period: undefined,
    highlight: ctx.highlight,
    breakdownLabels: breakdownLabels(ctx.store, ctx.breakdown, []),
    observations,
    omitted: [],
    sameDay: undefined,
    ...rest,
  };
}

/** Labels of the chosen categories that are not a dimension's total ("weiblich"). */
function breakdownLabels(store: DataStore, breakdown: Record<string, string>, skip: readonly string[]): string[] {
  return Object.entries(breakdown)
    .filter(([d, c]) => !skip.includes(d) && store.dimensions.get(d)?.total !== c)
    .map(([d, c]) => localize(store.dimensions.get(d)!.categories.find((x) => x.id === c)!.label));
}

function hasValue(ctx: Context, region: string, period: string, breakdown = ctx.breakdown): boolean {
  return (ctx.store.get(ctx.indicator.id, region, period, nonEmpty(breakdown))?.value ?? null) !== null;
}

function nonEmpty(b: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(b).length ? b : undefined;
}

function point(ctx: Context, region: string, period: string, breakdown = ctx.breakdown): ChartPoint {
  const observation = ctx.store.get(ctx.indicator.id, region, period, nonEmpty(breakdown));
  return { value: observation?.value ?? null, observation };
}

/** The main regions: the `region` attribute, or every region with data when there are few. */
function mainRegions(ctx: Context): Region[] {
  const keys = words(ctx.attrs.region);
  if (keys.length) return resolveRegions(ctx.store, ctx.indicator, keys);
  const available = ctx.store.regionsWithData(ctx.indicator.id);
  if (available.length <= MAX_DEFAULT_SERIES) return resolveRegions(ctx.store, ctx.indicator, available);
  // Dozens of lines help nobody: ask for a choice and list what there is.
  throw unknownValue(ctx.store, 'unknown-region', '', '$.regions[*].key', available);
}

/** Reference regions: "parent" (nearest ancestor with data), "ancestors" (all of them), or keys. */
function compareRegions(ctx: Context, main: readonly Region[]): Region[] {
  const withData = new Set(ctx.store.regionsWithData(ctx.indicator.id));
  const result: Region[] = [];
  const add = (r: Region | undefined) => r && !main.includes(r) && !result.includes(r) && result.push(r);
  for (const word of words(ctx.attrs.compare)) {
    if (word === 'parent' || word === 'ancestors') {
      let r = main[0] && ctx.store.regions.get(main[0].parent ?? '');
      while (r) {
        if (withData.has(r.key)) {
          add(r);
          if (word === 'parent') break;
        }
        r = ctx.store.regions.get(r.parent ?? '');
      }
    } else {
      add(resolveRegions(ctx.store, ctx.indicator, [word])[0]);
    }
  }
  return result;
}

/** Latest period in which any of the regions has a value (rankings, pyramids). */
function latestPeriod(ctx: Context, regions: readonly Region[], breakdown = ctx.breakdown): string {
  if (ctx.attrs.period) return ctx.attrs.period;
  for (let i = ctx.periods.length - 1; i >= 0; i--) {
    if (regions.some((r) => hasValue(ctx, r.key, ctx.periods[i]!, breakdown))) return ctx.periods[i]!;
  }
  throw noValues(ctx.store, ctx.indicator.id, true);
}

/** Periods as categories; Stichtage on the same day each year are ticked with the year alone. */
function periodCategories(periods: readonly string[]): Pick<ChartModel, 'categories' | 'sameDay'> {
  const days = new Set(periods.map((p) => (/^\d{4}-\d{2}-\d{2}$/.test(p) ? p.slice(5) : '')));
  const sameDay = days.size === 1 && !days.has('') && periods.length > 1 ? [...days][0] : undefined;
  return {
    categories: periods.map((p) => ({ id: p, label: formatPeriod(p), ...(sameDay ? { tick: p.slice(0, 4) } : {}) })),
    sameDay,
  };
}

function regionCategory(r: Region, reference = false): ChartCategory {
  return { id: r.key, label: r.name, region: r, ...(reference ? { reference } : {}) };
}

/** Line and column: periods along the axis, one series per region (or regions along the axis for one period). */
function timeOrRegions(ctx: Context): ChartModel {
  const main = mainRegions(ctx);
  const references = compareRegions(ctx, main);
  const regions = [...main, ...references];
  if (ctx.type === 'column' && ctx.periods.length === 1) {
    const period = ctx.periods[0]!;
    return base(ctx, {
      period,
      categoryKind: 'region',
      categories: regions.map((r) => regionCategory(r, references.includes(r))),
      series: [{ id: period, label: formatPeriod(period), region: undefined, reference: false, points: regions.map((r) => point(ctx, r.key, period)) }],
    });
  }
  const series: ChartSeries[] = regions.map((r) => ({
    id: r.key,
    label: r.name,
    region: r,
    reference: references.includes(r),
    points: ctx.periods.map((p) => point(ctx, r.key, p)),
  }));
  const model = base(ctx, { categoryKind: 'period', ...periodCategories(ctx.periods), series });
  const wanted = ctx.attrs.mode === 'index' ? 'index' : ctx.attrs.mode === 'absolute' ? 'absolute' : autoMode(ctx, series);
  if (wanted === 'index') indexSeries(ctx, model);
  return model;
}

/** Index when counts of regions of very different size share one axis (Harz vs. Sachsen-Anhalt). */
function autoMode(ctx: Context, series: readonly ChartSeries[]): ChartMode {
  if (ctx.indicator.kind !== 'count' || series.length < 2) return 'absolute';
  const typical = series
    .map((s) => s.points.map((p) => p.value).filter((v): v is number => v !== null && v > 0))
    .filter((vs) => vs.length)
    .map((vs) => vs.reduce((a, b) => a + b, 0) / vs.length);
  return typical.length >= 2 && Math.max(...typical) / Math.min(...typical) >= AUTO_INDEX_RATIO ? 'index' : 'absolute';
}

/** Turns every series into an index of its value in the base period (= 100). */
function indexSeries(ctx: Context, model: ChartModel): void {
  const at = (s: ChartSeries, period: string) => s.points[model.categories.findIndex((c) => c.id === period)]?.value ?? null;
  const candidates = ctx.attrs.base ? [ctx.attrs.base] : model.categories.map((c) => c.id);
  const basePeriod = candidates.find((p) => model.series.every((s) => (at(s, p) ?? 0) !== 0));
  if (!basePeriod) {
    console.warn(`[kreisdossier] <indikator-chart>: no period in which every series has a value to index on; showing official values.`);
    return;
  }
  for (const s of model.series) {
    const b = at(s, basePeriod)!;
    s.points = s.points.map((p) => ({ ...p, value: p.value === null ? null : (p.value / b) * 100 }));
  }
  model.mode = 'index';
  model.autoMode = ctx.attrs.mode !== 'index';
  model.basePeriod = basePeriod;
}

/**
 * A ranking of regions for one period. One region with sub-regions ranks its
 * sub-regions; a region without them ranks it among its siblings, highlighted.
 */
function ranking(ctx: Context): ChartModel {
  const keys = words(ctx.attrs.region);
  let candidates: Region[];
  let explicit = keys.length > 1;
  let highlight = ctx.highlight;
  if (keys.length > 1) {
    candidates = resolveRegions(ctx.store, ctx.indicator, keys);
  } else {
    const withData = new Set(ctx.store.regionsWithData(ctx.indicator.id));
    let pool: Region[];
    if (keys.length === 1) {
      const region = resolveRegions(ctx.store, ctx.indicator, keys)[0]!;
      const children = ctx.store.childrenOf(region.key).filter((r) => withData.has(r.key));
      if (children.length) pool = children;
      else {
        pool = region.parent ? ctx.store.childrenOf(region.parent).filter((r) => withData.has(r.key)) : [region];
        highlight ??= region.key;
      }
    } else {
      pool = [...withData].map((k) => ctx.store.regions.get(k)!);
    }
    const period = latestPeriod(ctx, pool);
    const valued = pool.filter((r) => hasValue(ctx, r.key, period));
    // The level most ranked regions share (Kreise, not the Land above them).
    const levels = new Map<string, number>();
    for (const r of valued) levels.set(r.level, (levels.get(r.level) ?? 0) + 1);
    const level = [...levels].sort((a, b) => b[1] - a[1])[0]?.[0];
    candidates = pool.filter((r) => r.level === level);
    explicit = false;
  }
  const period = latestPeriod(ctx, candidates);
  const references = compareRegions(ctx, candidates);
  const ranked = candidates.map((r) => ({ region: r, point: point(ctx, r.key, period) }));
  const shown = explicit ? ranked : ranked.filter((x) => x.point.value !== null);
  const omitted = explicit ? [] : ranked.filter((x) => x.point.value === null).map((x) => ({ region: x.region, observation: x.point.observation }));
  // Highest first; gaps (explicitly named regions without a value) last, in the given order.
  shown.sort((a, b) => (b.point.value ?? -Infinity) - (a.point.value ?? -Infinity));
  const rows = [...shown, ...references.map((r) => ({ region: r, point: point(ctx, r.key, period) }))];
  return base(ctx, {
    period,
    categoryKind: 'region',
    categories: rows.map((x) => regionCategory(x.region, references.includes(x.region))),
    series: [{ id: period, label: formatPeriod(period), region: undefined, reference: false, points: rows.map((x) => x.point) }],
    highlight,
    omitted,
  });
}

/** The dimension split into parts: the `dimension` attribute, else the indicator's last divided one. */
function splitDimension(ctx: Context, exclude?: Dimension): Dimension {
  const ids = ctx.indicator.dimensions ?? [];
  if (ctx.attrs.dimension) {
    const d = ids.includes(ctx.attrs.dimension) ? ctx.store.dimensions.get(ctx.attrs.dimension) : undefined;
    if (!d) throw unknownValue(ctx.store, 'unknown-breakdown', ctx.attrs.dimension, `$.indicators[?(@.id=='${ctx.indicator.id}')].dimensions`, ids);
    return d;
  }
  const candidates = ids.map((id) => ctx.store.dimensions.get(id)!).filter((d) => d !== exclude && parts(d).length > 1);
  const d = candidates.at(-1);
  if (!d) throw unknownValue(ctx.store, 'unknown-breakdown', '', `$.indicators[?(@.id=='${ctx.indicator.id}')].dimensions`, ids);
  return d;
}

/** A dimension's categories without its total. */
function parts(d: Dimension) {
  return d.categories.filter((c) => c.id !== d.total);
}

/** Shares of a whole (e.g. age groups), one stacked bar per region or per period. */
function stacked(ctx: Context): ChartModel {
  const dimension = splitDimension(ctx);
  const main = mainRegions(ctx);
  const regions = [...main, ...compareRegions(ctx, main)];
  const byRegion = regions.length > 1 || ctx.periods.length === 1;
  const period = byRegion ? latestPeriod(ctx, regions, { ...ctx.breakdown, [dimension.id]: parts(dimension)[0]!.id }) : undefined;
  const slots = byRegion ? regions.map((r) => ({ region: r.key, period: period! })) : ctx.periods.map((p) => ({ region: main[0]!.key, period: p }));
  const share = ctx.attrs.mode !== 'absolute';

  const series: ChartSeries[] = parts(dimension).map((c) => ({
    id: c.id,
    label: localize(c.label),
    region: undefined,
    reference: false,
    points: slots.map((s) => point(ctx, s.region, s.period, { ...ctx.breakdown, [dimension.id]: c.id })),
  }));
  if (share) {
    slots.forEach((slot, i) => {
      const total = dimension.total ? point(ctx, slot.region, slot.period, { ...ctx.breakdown, [dimension.id]: dimension.total }).value : null;
      const whole = total ?? series.reduce((sum, s) => sum + (s.points[i]!.value ?? 0), 0);
      for (const s of series) {
        const p = s.points[i]!;
        p.value = p.value === null || !whole ? null : (p.value / whole) * 100;
      }
    });
  }
  return base(ctx, {
    mode: share ? 'share' : 'absolute',
    period,
    categoryKind: byRegion ? 'region' : 'period',
    ...(byRegion ? { categories: regions.map((r) => regionCategory(r)) } : periodCategories(ctx.periods)),
    series,
    breakdownLabels: breakdownLabels(ctx.store, ctx.breakdown, [dimension.id]),
  });
}

/** The sex dimension: named so, or the one whose categories are male and female. */
function sexDimension(ctx: Context): Dimension | undefined {
  const dims = (ctx.indicator.dimensions ?? []).map((id) => ctx.store.dimensions.get(id)!);
  return (
    dims.find((d) => /^(geschlecht|sex|gender)$/i.test(d.id)) ??
    dims.find((d) => d.categories.some((c) => /^(maennlich|männlich|male|m)$/i.test(c.id)))
  );
}

/** Population by age group (categories) and sex (two mirrored series), one region, one period. */
function pyramid(ctx: Context): ChartModel {
  const sex = sexDimension(ctx);
  if (!sex || parts(sex).length !== 2) {
    throw unknownValue(ctx.store, 'unknown-breakdown', 'geschlecht', `$.indicators[?(@.id=='${ctx.indicator.id}')].dimensions`, ctx.indicator.dimensions ?? []);
  }
  const age = splitDimension(ctx, sex);
  const region = mainRegions(ctx)[0]!;
  const groups = parts(age);
  const period = latestPeriod(ctx, [region], { ...ctx.breakdown, [sex.id]: parts(sex)[0]!.id, [age.id]: groups[0]!.id });
  const series: ChartSeries[] = parts(sex).map((s) => ({
    id: s.id,
    label: localize(s.label),
    region,
    reference: false,
    points: groups.map((g) => point(ctx, region.key, period, { ...ctx.breakdown, [sex.id]: s.id, [age.id]: g.id })),
  }));
  return base(ctx, {
    period,
    categoryKind: 'category',
    categories: groups.map((g) => ({ id: g.id, label: localize(g.label) })),
    series,
    breakdownLabels: breakdownLabels(ctx.store, ctx.breakdown, [sex.id, age.id]),
  });
}
