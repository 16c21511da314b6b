/**
 * The text summary of a chart, computed from its model: what a sighted reader
 * takes from the picture (trend, change, extremes, rank, largest group), in
 * German or English. Screen-reader users and newspaper readers get the same
 * sentences, visible under the title.
 */
import { msg, str } from '@lit/localize';
import type { DataStore } from '../data/data-store.js';
import type { Indicator, Region } from '../format/types.js';
import { formatNumber, formatPercent, formatPeriod, isPercentUnit } from '../i18n/format.js';
import { inRegion, nominative, proseName } from '../i18n/region-name.js';
import { computedSentence } from '../i18n/computed.js';
import { capitalize, proseValue } from '../i18n/prose.js';
import { localizeUnit } from '../i18n/text.js';
import { unequalBands } from './age-bands.js';
import type { ChartCategory, ChartModel, ChartPoint, ChartSeries } from './chart-model.js';

/** Series described one by one in a time chart; more would be a wall of text. */
const DESCRIBED_SERIES = 4;

/**
 * A period in running text. Stichtage on the same day of every year read as
 * years ("von 2008 bis 2015"); the table keeps the full dates.
 */
function prosePeriod(period: string, model: ChartModel): string {
  const sameDay = model.categoryKind === 'period' && new Set(model.categories.map((c) => c.id.slice(4))).size === 1;
  return sameDay && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period.slice(0, 4) : formatPeriod(period);
}

interface Trend {
  first: { period: string; value: number };
  last: { period: string; value: number };
  max: { period: string; value: number };
  min: { period: string; value: number };
}

/** First, last, highest and lowest official value of a series over time. */
function trendOf(series: ChartSeries, model: ChartModel): Trend | undefined {
  const points = series.points
    .map((p, i) => ({ period: model.categories[i]!.id, value: p.observation?.value ?? null }))
    .filter((p): p is { period: string; value: number } => p.value !== null);
  if (!points.length) return undefined;
  const max = points.reduce((a, b) => (b.value > a.value ? b : a));
  const min = points.reduce((a, b) => (b.value < a.value ? b : a));
  return { first: points[0]!, last: points.at(-1)!, max, min };
}

/** "um 6,9 %" for counts, "um 1,2 Prozentpunkte" for percentages. */
function changeText(t: Trend, indicator: Indicator): string | undefined {
  if (isPercentUnit(localizeUnit(indicator.unit))) {
    const points = Math.abs(t.last.value - t.first.value);
    return msg(str`um ${formatNumber(points, Math.max(indicator.decimals, 1))} Prozentpunkte`, { id: 'summary.change-points' });
  }
  if (t.first.value === 0) return undefined;
  const relative = Math.abs((t.last.value - t.first.value) / t.first.value) * 100;
  return msg(str`um ${formatPercent(relative, 1)}`, { id: 'summary.change-percent' });
}

function trendSentence(series: ChartSeries, t: Trend, model: ChartModel, sameAs: Trend | undefined): string {
  const where = capitalize(series.region ? inRegion(series.region) : series.label);
  const from = prosePeriod(t.first.period, model);
  const to = prosePeriod(t.last.period, model);
  const last = proseValue(t.last.value, model.indicator);
  if (t.first.period === t.last.period) {
    return msg(str`${where} liegt nur ein Wert vor: ${last} (${to}).`, { id: 'summary.single-value' });
  }
  const change = changeText(t, model.indicator);
  const delta = t.last.value - t.first.value;
  const same = sameAs && sameAs.first.period === t.first.period && sameAs.last.period === t.last.period;
  if (delta === 0 || !change) {
    return same
      ? msg(str`${where} blieb er im gleichen Zeitraum bei ${last}.`, { id: 'summary.same-period-flat' })
      : msg(str`${where} lag der Wert ${from} wie ${to} bei ${last}.`, { id: 'summary.flat' });
  }
  if (same) {
    return delta > 0
      ? msg(str`${where} stieg er im gleichen Zeitraum ${change} auf ${last}.`, { id: 'summary.same-period-rose' })
      : msg(str`${where} sank er im gleichen Zeitraum ${change} auf ${last}.`, { id: 'summary.same-period-fell' });
  }
  return delta > 0
    ? msg(str`${where} stieg der Wert von ${from} bis ${to} ${change} auf ${last}.`, { id: 'summary.rose' })
    : msg(str`${where} sank der Wert von ${from} bis ${to} ${change} auf ${last}.`, { id: 'summary.fell' });
}

/** Highest and lowest value of the first series when they lie between the ends. */
function extremesSentence(t: Trend, model: ChartModel): string | undefined {
  const inside = (x: { period: string }) => x.period !== t.first.period && x.period !== t.last.period;
  const max = inside(t.max) ? t.max : undefined;
  const min = inside(t.min) ? t.min : undefined;
  const v = (x: { value: number }) => proseValue(x.value, model.indicator);
  const p = (x: { period: string }) => prosePeriod(x.period, model);
  if (max && min) {
    return msg(str`Der höchste Wert war ${v(max)} (${p(max)}), der niedrigste ${v(min)} (${p(min)}).`, { id: 'summary.extremes' });
  }
  if (max) return msg(str`Der höchste Wert war ${v(max)} (${p(max)}).`, { id: 'summary.max' });
  if (min) return msg(str`Der niedrigste Wert war ${v(min)} (${p(min)}).`, { id: 'summary.min' });
  return undefined;
}

/** "Für 7 Zeitpunkte liegt kein Zahlenwert vor (. = Zahlenwert unbekannt …)." — gaps are said, not hidden. */
function gapsSentence(store: DataStore, points: readonly ChartPoint[], of: 'periods' | 'regions'): string | undefined {
  const gaps = points.filter((p) => p.observation?.value === null);
  if (!gaps.length) return undefined;
  const symbols = [...new Set(gaps.map((p) => p.observation!.status!))]
    .map((s) => `${s} = ${store.statusInfo(s)?.label ?? s}`)
    .join('; ');
  const n = gaps.length;
  if (of === 'regions') {
    return n === 1
      ? msg(str`Für eine Region liegt kein Zahlenwert vor (${symbols}).`, { id: 'summary.gap-region' })
      : msg(str`Für ${n} Regionen liegt kein Zahlenwert vor (${symbols}).`, { id: 'summary.gaps-regions' });
  }
  return n === 1
    ? msg(str`Für einen Zeitpunkt liegt kein Zahlenwert vor (${symbols}).`, { id: 'summary.gap' })
    : msg(str`Für ${n} Zeitpunkte liegt kein Zahlenwert vor (${symbols}).`, { id: 'summary.gaps' });
}

function timeSummary(store: DataStore, model: ChartModel): string[] {
  const sentences: string[] = [];
  let firstTrend: Trend | undefined;
  for (const series of model.series.slice(0, DESCRIBED_SERIES)) {
    const t = trendOf(series, model);
    if (!t) {
      const where = capitalize(series.region ? inRegion(series.region) : series.label);
      sentences.push(msg(str`${where} liegt im gezeigten Zeitraum kein Zahlenwert vor.`, { id: 'summary.no-values' }));
      continue;
    }
    sentences.push(trendSentence(series, t, model, firstTrend));
    if (!firstTrend) {
      firstTrend = t;
      const extremes = extremesSentence(t, model);
      if (extremes) sentences.push(extremes);
    }
  }
  if (model.series.length > DESCRIBED_SERIES) {
    sentences.push(msg(str`Die Werte aller ${model.series.length} Regionen stehen in der Tabelle.`, { id: 'summary.more-series' }));
  }
  const gaps = gapsSentence(store, model.series[0]!.points, 'periods');
  if (gaps) sentences.push(gaps);
  if (model.mode === 'index') {
    const basePeriod = formatPeriod(model.basePeriod!); // as in the caption
    sentences.push(
      msg(str`Das Diagramm zeigt einen Index (${basePeriod} = 100), damit sich Regionen unterschiedlicher Größe vergleichen lassen.`, {
        id: 'summary.index',
      }),
    );
  }
  return sentences;
}

/** Rankings and regions side by side for one period: extremes, spread, the highlighted region's rank. */
function regionSummary(store: DataStore, model: ChartModel): string[] {
  const period = formatPeriod(model.period!);
  const points = model.series[0]!.points;
  const rows = model.categories.map((c, i) => ({ category: c, value: points[i]!.observation?.value ?? null }));
  const ranked = rows.filter((r) => !r.category.reference && r.value !== null) as Array<{ category: { region?: Region; label: string }; value: number }>;
  const name = (c: { region?: Region; label: string }) => (c.region ? proseName(c.region) : c.label);
  const subject = (c: { region?: Region; label: string }) => (c.region ? nominative(c.region) : c.label);
  const v = (x: number) => proseValue(x, model.indicator);
  const sentences: string[] = [];
  if (ranked.length >= 2) {
    const sorted = [...ranked].sort((a, b) => b.value - a.value);
    const top = sorted[0]!;
    const bottom = sorted.at(-1)!;
    sentences.push(
      msg(str`${period}: Den höchsten Wert der ${ranked.length} Regionen hat ${subject(top.category)} (${v(top.value)}), den niedrigsten ${subject(bottom.category)} (${v(bottom.value)}).`, {
        id: 'summary.ranking-extremes',
      }),
    );
    const h = model.highlight && sorted.findIndex((r) => r.category.region?.key === model.highlight);
    if (typeof h === 'number' && h >= 0) {
      const hr = sorted[h]!;
      sentences.push(
        msg(str`${capitalize(nominative(hr.category.region!))} liegt auf Rang ${h + 1} von ${ranked.length} (${v(hr.value)}; Rang 1 = höchster Wert).`, {
          id: 'summary.rank',
        }),
      );
    }
  } else if (ranked.length === 1) {
    sentences.push(msg(str`${period}: ${name(ranked[0]!.category)} ${v(ranked[0]!.value)}.`, { id: 'summary.one-region' }));
  }
  const references = model.categories.flatMap((c, i) => (c.reference ? [{ c, p: points[i]! }] : []));
  if (references.length) {
    const list = references.map(({ c, p }) => `${name(c)} ${p.value === null ? (p.observation?.status ?? '') : v(p.value)}`).join(', ');
    sentences.push(msg(str`Zum Vergleich: ${list}.`, { id: 'summary.references' }));
  }
  const gaps = gapsSentence(store, points.filter((_, i) => !model.categories[i]!.reference), 'regions');
  if (gaps) sentences.push(gaps);
  if (model.omitted.length) {
    sentences.push(
      msg(str`Für ${model.omitted.length} weitere Regionen liegt für diesen Zeitraum kein Zahlenwert vor; sie stehen nur in der Tabelle.`, {
        id: 'summary.omitted',
      }),
    );
  }
  return sentences;
}

/** "Die Altersgruppen sind unterschiedlich breit …": wide groups count more people, the picture must not mislead. */
function bandsSentence(labels: readonly string[]): string | undefined {
  const bands = unequalBands(labels);
  if (!bands) return undefined;
  return bands.open
    ? msg(str`Die Gruppen sind unterschiedlich breit (${bands.min} bis ${bands.max} Jahrgänge, die älteste nach oben offen); breitere Gruppen zählen mehr Menschen.`, {
        id: 'summary.bands-open',
      })
    : msg(str`Die Gruppen sind unterschiedlich breit (${bands.min} bis ${bands.max} Jahrgänge); breitere Gruppen zählen mehr Menschen.`, {
        id: 'summary.bands',
      });
}

/** Shares: the largest part per region or period, said once when it is the same everywhere. */
function stackedSummary(model: ChartModel): string[] {
  const sentences: string[] = [];
  const shares = model.mode === 'share';
  const slots = model.categories.length > 3 ? [0, model.categories.length - 1] : model.categories.map((_, i) => i);
  const largest = slots.flatMap((i) => {
    const best = model.series
      .map((s) => ({ s, value: s.points[i]!.value }))
      .filter((x): x is { s: ChartSeries; value: number } => x.value !== null)
      .sort((a, b) => b.value - a.value)[0];
    return best ? [{ c: model.categories[i]!, ...best }] : [];
  });
  const amount = (v: number) => (shares ? formatPercent(v, 1) : proseValue(v, model.indicator));
  const where = (c: ChartCategory) => (c.region ? proseName(c.region) : formatPeriod(c.id));
  if (largest.length > 1 && largest.every((x) => x.s === largest[0]!.s)) {
    const list = largest.map((x) => `${where(x.c)} ${amount(x.value)}`).join(', ');
    sentences.push(msg(str`Der größte Teil ist überall „${largest[0]!.s.label}“ (${list}).`, { id: 'summary.largest-part-everywhere' }));
  } else {
    for (const x of largest) {
      const place = x.c.region ? capitalize(inRegion(x.c.region)) : formatPeriod(x.c.id);
      sentences.push(msg(str`${place} ist „${x.s.label}“ der größte Teil (${amount(x.value)}).`, { id: 'summary.largest-part' }));
    }
  }
  const bands = bandsSentence(model.series.map((s) => s.label));
  if (bands) sentences.push(bands);
  if (shares) sentences.push(msg('Die Anteile sind in Prozent der Summe je Balken berechnet.', { id: 'summary.shares' }));
  return sentences;
}

/**
 * Pyramid: totals per sex, youngest and oldest group. (No "largest group":
 * official age groups differ in width, so the widest would win.)
 */
function pyramidSummary(model: ChartModel): string[] {
  const region = model.series[0]!.region!;
  const n = (v: number) => formatNumber(v, model.indicator.decimals);
  const totals = model.series.map((s) => `${s.label} ${n(s.points.reduce((a, p) => a + (p.value ?? 0), 0))}`).join(', ');
  const group = (i: number) => ({ label: model.categories[i]!.label, sum: n(model.series.reduce((a, s) => a + (s.points[i]!.value ?? 0), 0)) });
  const youngest = group(0);
  const oldest = group(model.categories.length - 1);
  const sentences = [
    msg(str`${capitalize(inRegion(region))}, ${formatPeriod(model.period!)}: ${totals}.`, { id: 'summary.pyramid-totals' }),
    msg(str`Die jüngste Gruppe („${youngest.label}“) zählt ${youngest.sum}, die älteste („${oldest.label}“) ${oldest.sum}.`, {
      id: 'summary.pyramid-ends',
    }),
  ];
  const bands = bandsSentence(model.categories.map((c) => c.label));
  if (bands) sentences.push(bands);
  return sentences;
}

export function summarize(store: DataStore, model: ChartModel): string[] {
  const sentences =
    model.type === 'pyramid'
      ? pyramidSummary(model)
      : model.type === 'stacked'
        ? stackedSummary(model)
        : model.categoryKind === 'region'
          ? regionSummary(store, model)
          : timeSummary(store, model);
  // A computed indicator's values never pass as official: the summary (the plot's description) says so too.
  const computed = computedSentence(model.indicator);
  return computed ? [...sentences, computed] : sentences;
}
