/**
 * Turns an element's attributes (indicator, region, period, from, to,
 * breakdown) into the observations to show, or a DataError saying exactly
 * which attribute names something the data does not have.
 */
import { problem } from '../format/problem.js';
import type { Indicator, Region } from '../format/types.js';
import { DataError, type DataErrorKind } from './data-error.js';
import type { DataStore, StoredObservation } from './data-store.js';

export interface SelectionAttributes {
  indicator?: string | undefined;
  /** Space-separated region keys. */
  region?: string | undefined;
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Space-separated `dimension=category` pairs. */
  breakdown?: string | undefined;
}

export interface Selection {
  indicator: Indicator;
  regions: Region[];
  periods: string[];
  breakdown: Record<string, string>;
  observations: StoredObservation[];
}

/** An attribute names something the data lacks: the error lists what the data has. */
export function unknownValue(store: DataStore, kind: DataErrorKind, value: string, path: string, options: readonly string[]): DataError {
  const located = { ...problem(path, 'one-of', { value, options: options.join(', ') }), source: store.sources.join(' ') };
  return new DataError(kind, { value, problems: [located], source: located.source });
}

export function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Nothing to show for the selection: no observation of the indicator (`withValue`: none with a number) for
 * the regions and periods shown. The problem names where in the files such observations would be, for the
 * console: `$.observations[?(@.indicator=='x' && @.region=='15085')]` (a few regions or periods are named).
 */
export function noValues(store: DataStore, indicator: string, withValue = false, where: { regions?: readonly string[]; periods?: readonly string[] } = {}): DataError {
  const anyOf = (field: string, values: readonly string[] = []) =>
    values.length === 0 || values.length > 3 ? [] : [values.length === 1 ? `@.${field}=='${values[0]}'` : `(${values.map((v) => `@.${field}=='${v}'`).join(' || ')})`];
  const conditions = [`@.indicator=='${indicator}'`, ...anyOf('region', where.regions), ...anyOf('period', where.periods), ...(withValue ? ['@.value != null'] : [])];
  const path = `$.observations[?(${conditions.join(' && ')})]`;
  const located = { ...problem(path, 'min-items'), source: store.sources.join(' ') };
  return new DataError('empty', { source: located.source, problems: [located] });
}

/** The indicator an element names, or the only one in the data. */
export function resolveIndicator(store: DataStore, id: string | undefined): Indicator {
  const ids = [...store.indicators.keys()];
  if (!id && ids.length === 0) {
    // e.g. only a boundary file: "several indicators, choose one" would be wrong.
    const located = { ...problem('$.indicators', 'min-items'), source: store.sources.join(' ') };
    throw new DataError('empty', { source: located.source, problems: [located] });
  }
  const chosen = id || (ids.length === 1 ? ids[0]! : '');
  const indicator = store.indicators.get(chosen);
  if (!indicator) throw unknownValue(store, 'unknown-indicator', chosen, '$.indicators[*].id', ids);
  return indicator;
}

/** Each dimension's total (or first) category, overridden by `dimension=category` pairs. */
export function resolveBreakdown(store: DataStore, indicator: Indicator, pairs: string | undefined): Record<string, string> {
  const breakdown = store.defaultBreakdown(indicator);
  for (const pair of words(pairs)) {
    const [dimension = '', category = ''] = pair.split('=');
    const known = (indicator.dimensions ?? []).includes(dimension) ? store.dimensions.get(dimension) : undefined;
    if (!known) throw unknownValue(store, 'unknown-breakdown', pair, `$.indicators[?(@.id=='${indicator.id}')].dimensions`, indicator.dimensions ?? []);
    if (!known.categories.some((c) => c.id === category)) {
      throw unknownValue(store, 'unknown-breakdown', pair, `$.dimensions[?(@.id=='${dimension}')].categories[*].id`, known.categories.map((c) => `${dimension}=${c.id}`));
    }
    breakdown[dimension] = category;
  }
  return breakdown;
}

/** Regions by key; an unknown key is an error listing the regions that have data. */
export function resolveRegions(store: DataStore, indicator: Indicator, keys: readonly string[]): Region[] {
  for (const key of keys) {
    if (!store.regions.has(key)) throw unknownValue(store, 'unknown-region', key, '$.regions[*].key', store.regionsWithData(indicator.id));
  }
  return keys.map((k) => store.regions.get(k)!);
}

/** The indicator's periods, narrowed by `period` or `from`/`to`; each named period must exist. */
export function resolvePeriods(store: DataStore, indicator: Indicator, attrs: Pick<SelectionAttributes, 'period' | 'from' | 'to'>): string[] {
  const all = store.periods(indicator.id);
  for (const p of [attrs.period, attrs.from, attrs.to]) {
    if (p && !all.includes(p)) throw unknownValue(store, 'unknown-period', p, '$.observations[*].period', all);
  }
  return attrs.period ? [attrs.period] : all.filter((p) => (!attrs.from || p >= attrs.from) && (!attrs.to || p <= attrs.to));
}

export function select(store: DataStore, attrs: SelectionAttributes): Selection {
  const indicator = resolveIndicator(store, attrs.indicator);
  const breakdown = resolveBreakdown(store, indicator, attrs.breakdown);
  const keys = words(attrs.region);
  const regions = resolveRegions(store, indicator, keys.length ? keys : store.regionsWithData(indicator.id));
  const periods = resolvePeriods(store, indicator, attrs);
  const observations = store.observations({ indicator: indicator.id, regions: regions.map((r) => r.key), periods, breakdown });
  if (observations.length === 0) throw noValues(store, indicator.id, false, { regions: regions.map((r) => r.key), periods });
  return { indicator, regions, periods, breakdown, observations };
}
