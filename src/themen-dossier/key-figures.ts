/**
 * The numbers behind a key-figure tile, computed from the official
 * observations only: the latest value, its change over the last period and
 * over five years, the reference regions' values, and the rank among the
 * regions of the same level in the Land. Nothing is estimated: a change that
 * needs a missing value is reported as missing, with the period it needed.
 */
import type { DataStore, StoredObservation } from '../data/data-store.js';
import type { Indicator, Region, RegionLevel } from '../format/types.js';
import { isPercentUnit } from '../i18n/format.js';
import { localizeUnit } from '../i18n/text.js';

export type Direction = 'up' | 'down' | 'same';
/** good/bad only for indicators with a polarity; a neutral indicator just rises or falls. */
export type Assessment = 'good' | 'bad' | 'neutral';
/** How a change is measured: relative for counts, in percentage points for %, in the unit otherwise. */
export type ChangeMeasure = 'percent' | 'points' | 'unit';

export interface Change {
  from: string;
  to: string;
  /** last − earlier, in the indicator's unit. */
  difference: number;
  /** In %, when the earlier value is not 0. */
  relative?: number | undefined;
  measure: ChangeMeasure;
  direction: Direction;
  assessment: Assessment;
}

/** A change that could not be computed, and why: the period it needed, and that period's status if any. */
export interface MissingChange {
  missing: string;
  observation?: StoredObservation | undefined;
}

export interface Comparison {
  region: Region;
  observation?: StoredObservation | undefined;
  /** For counts, comparing sizes says nothing: the reference's change over the same periods is compared instead. */
  change?: Change | undefined;
}

export interface Rank {
  /** 1 = highest value. */
  position: number;
  of: number;
  level: RegionLevel;
  /** The region the ranking is within (the Land, or the Kreis when the data only covers its Gemeinden). */
  scope?: Region | undefined;
}

export interface SubRegionSpread {
  level: RegionLevel;
  count: number;
  lowest: { region: Region; observation: StoredObservation };
  highest: { region: Region; observation: StoredObservation };
}

export interface KeyFigure {
  indicator: Indicator;
  breakdown: Record<string, string>;
  region: Region;
  /** The latest period of the indicator. */
  period: string;
  /** The region's observation in that period (absent: not in the data). */
  latest?: StoredObservation | undefined;
  lastPeriod?: Change | MissingChange | undefined;
  fiveYears?: Change | MissingChange | undefined;
  comparisons: Comparison[];
  rank?: Rank | undefined;
  /** When the region itself has no value but its sub-regions do (e.g. a Kreis with Gemeinde data only). */
  spread?: SubRegionSpread | undefined;
}

function changeMeasure(indicator: Indicator): ChangeMeasure {
  if (isPercentUnit(localizeUnit(indicator.unit))) return 'points';
  return indicator.kind === 'count' ? 'percent' : 'unit';
}

export function isChange(c: Change | MissingChange | undefined): c is Change {
  return !!c && 'difference' in c;
}

/** The same period five years earlier: 2015-12-31 → 2010-12-31, 2015 → 2010, 2015/16 → 2010/11. */
function fiveYearsBefore(period: string): string {
  const school = /^(\d{4})\/(\d{2})$/.exec(period);
  if (school) return `${Number(school[1]) - 5}/${String((Number(school[2]) + 95) % 100).padStart(2, '0')}`;
  return `${Number(period.slice(0, 4)) - 5}${period.slice(4)}`;
}

function assess(direction: Direction, indicator: Indicator): Assessment {
  if (direction === 'same' || indicator.polarity === 'neutral') return 'neutral';
  return (direction === 'up') === (indicator.polarity === 'higher-is-better') ? 'good' : 'bad';
}

function changeBetween(earlier: StoredObservation | undefined, later: StoredObservation, period: string, indicator: Indicator): Change | MissingChange {
  if (!earlier || earlier.value === null || later.value === null) return { missing: period, observation: earlier };
  const difference = later.value - earlier.value;
  // Compared at the published precision: 7.2 → 7.2 is "unchanged" even if float arithmetic says 1e-15.
  const rounded = Number(difference.toFixed(indicator.decimals));
  const direction: Direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  return {
    from: earlier.period,
    to: later.period,
    difference,
    relative: earlier.value !== 0 ? (difference / Math.abs(earlier.value)) * 100 : undefined,
    measure: changeMeasure(indicator),
    direction,
    assessment: assess(direction, indicator),
  };
}

/** Regions of `level` whose key starts with `prefix`, with a number in `period`. */
function valuesAt(store: DataStore, indicator: Indicator, breakdown: Record<string, string>, period: string, level: RegionLevel, prefix: string) {
  return store
    .observations({ indicator: indicator.id, periods: [period], breakdown })
    .filter((o) => o.value !== null && o.region.startsWith(prefix) && store.regions.get(o.region)?.level === level)
    .map((o) => ({ region: store.regions.get(o.region)!, observation: o }));
}

/** The Land of a Kreis or Gemeinde (first two digits of the AGS). */
function landKeyOf(region: Region): string | undefined {
  return /^\d{2}/.test(region.key) && region.level !== 'Land' && region.level !== 'Bund' ? region.key.slice(0, 2) : undefined;
}

function rankIn(store: DataStore, indicator: Indicator, breakdown: Record<string, string>, region: Region, latest: StoredObservation | undefined, period: string): Rank | undefined {
  const land = landKeyOf(region);
  if (!land || latest?.value == null) return undefined;
  const peers = valuesAt(store, indicator, breakdown, period, region.level, land);
  if (peers.length < 3 || !peers.some((p) => p.region.key === region.key)) return undefined;
  // The data may cover only the Gemeinden of one Kreis: then the ranking is within that Kreis, and says so.
  const kreis = region.key.slice(0, 5);
  const scopeKey = region.level === 'Gemeinde' && peers.every((p) => p.region.key.startsWith(kreis)) ? kreis : land;
  const value = latest.value;
  return {
    position: 1 + peers.filter((p) => p.observation.value! > value).length,
    of: peers.length,
    level: region.level,
    scope: store.regions.get(scopeKey),
  };
}

function spreadBelow(store: DataStore, indicator: Indicator, breakdown: Record<string, string>, region: Region, period: string): SubRegionSpread | undefined {
  const children = store.childrenOf(region.key);
  const level = children[0]?.level;
  if (!level) return undefined;
  const values = valuesAt(store, indicator, breakdown, period, level, region.key === 'DG' ? '' : region.key).filter((v) => v.region.parent === region.key);
  if (values.length < 2) return undefined;
  const sorted = [...values].sort((a, b) => a.observation.value! - b.observation.value!);
  return { level, count: values.length, lowest: sorted[0]!, highest: sorted.at(-1)! };
}

/**
 * The latest period of the indicator in which the region, or else its
 * sub-regions, have an observation: a Gemeinde file from 2015 is not shown as
 * "no data" because a Kreis file reaches 2016.
 */
function latestPeriod(store: DataStore, indicator: Indicator, breakdown: Record<string, string>, region: Region): string | undefined {
  const periods = store.periods(indicator.id);
  for (let i = periods.length - 1; i >= 0; i--) {
    if (store.get(indicator.id, region.key, periods[i]!, breakdown)) return periods[i];
  }
  const below = store.observations({ indicator: indicator.id, breakdown }).filter((o) => store.regions.get(o.region)?.parent === region.key && o.value !== null);
  return below.map((o) => o.period).sort().at(-1);
}

/** The tile's numbers; undefined when neither the region nor its sub-regions have data for the indicator. */
export function keyFigure(store: DataStore, indicator: Indicator, region: Region, compare: readonly Region[]): KeyFigure | undefined {
  const breakdown = store.defaultBreakdown(indicator);
  const period = latestPeriod(store, indicator, breakdown, region);
  if (!period) return undefined;
  const periods = store.periods(indicator.id);
  const latest = store.get(indicator.id, region.key, period, breakdown);
  const index = periods.indexOf(period);
  const previous = index > 0 ? periods[index - 1]! : undefined;
  const fivePeriod = fiveYearsBefore(period);
  const figure: KeyFigure = { indicator, breakdown, region, period, latest, comparisons: [] };

  if (latest) {
    if (previous) figure.lastPeriod = changeBetween(store.get(indicator.id, region.key, previous, breakdown), latest, previous, indicator);
    // "Five years" only when the series reaches that far back; a one-period file has no such claim to make.
    if (periods[0]! <= fivePeriod && fivePeriod !== previous) {
      figure.fiveYears = changeBetween(store.get(indicator.id, region.key, fivePeriod, breakdown), latest, fivePeriod, indicator);
    }
    figure.rank = rankIn(store, indicator, breakdown, region, latest, period);
  } else {
    figure.spread = spreadBelow(store, indicator, breakdown, region, period);
  }

  const own = isChange(figure.fiveYears) ? figure.fiveYears : isChange(figure.lastPeriod) ? figure.lastPeriod : undefined;
  for (const reference of compare) {
    const observation = store.get(indicator.id, reference.key, period, breakdown);
    if (!observation) continue;
    const comparison: Comparison = { region: reference, observation };
    if (indicator.kind === 'count' && own) {
      const earlier = store.get(indicator.id, reference.key, own.from, breakdown);
      const change = changeBetween(earlier, observation, own.from, indicator);
      if (isChange(change)) comparison.change = change;
    }
    figure.comparisons.push(comparison);
  }
  return figure;
}
