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

function unknown(store: DataStore, kind: DataErrorKind, value: string, path: string, options: readonly string[]): DataError {
  const located = { ...problem(path, 'one-of', { value, options: options.join(', ') }), source: store.sources.join(' ') };
  return new DataError(kind, { value, problems: [located], source: located.source });
}

export function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(Boolean);
}

export function select(store: DataStore, attrs: SelectionAttributes): Selection {
  const ids = [...store.indicators.keys()];
  const id = attrs.indicator || (ids.length === 1 ? ids[0]! : '');
  const indicator = store.indicators.get(id);
  if (!indicator) throw unknown(store, 'unknown-indicator', id, '$.indicators[*].id', ids);

  const breakdown = store.defaultBreakdown(indicator);
  for (const pair of words(attrs.breakdown)) {
    const [dimension = '', category = ''] = pair.split('=');
    const known = (indicator.dimensions ?? []).includes(dimension) ? store.dimensions.get(dimension) : undefined;
    if (!known) throw unknown(store, 'unknown-breakdown', pair, `$.indicators[?(@.id=='${indicator.id}')].dimensions`, indicator.dimensions ?? []);
    if (!known.categories.some((c) => c.id === category)) {
      throw unknown(store, 'unknown-breakdown', pair, `$.dimensions[?(@.id=='${dimension}')].categories[*].id`, known.categories.map((c) => `${dimension}=${c.id}`));
    }
    breakdown[dimension] = category;
  }

  const available = store.regionsWithData(indicator.id);
  const keys = words(attrs.region);
  for (const key of keys) {
    if (!store.regions.has(key)) throw unknown(store, 'unknown-region', key, '$.regions[*].key', available);
  }
  const regions = (keys.length ? keys : available).map((k) => store.regions.get(k)!);

  const allPeriods = store.periods(indicator.id);
  for (const p of [attrs.period, attrs.from, attrs.to]) {
    if (p && !allPeriods.includes(p)) throw unknown(store, 'unknown-period', p, '$.observations[*].period', allPeriods);
  }
  const periods = attrs.period
    ? [attrs.period]
    : allPeriods.filter((p) => (!attrs.from || p >= attrs.from) && (!attrs.to || p <= attrs.to));

  const observations = store.observations({ indicator: indicator.id, regions: regions.map((r) => r.key), periods, breakdown });
  if (observations.length === 0) throw new DataError('empty', { source: store.sources.join(' ') });
  return { indicator, regions, periods, breakdown, observations };
}
