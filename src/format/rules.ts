/**
 * Rules beyond what a JSON Schema can say: unique keys, references between
 * the sections of a document, the status vocabulary and real calendar dates.
 * They run on documents that already passed the schema.
 */
import { observationKey } from './observation-key.js';
import { formatPath, problem, type PathSegment, type Problem } from './problem.js';
import { statusSymbolInfo } from './status-symbols.js';
import type { KreisdossierDocument, RegionLevel } from './types.js';

/** Key lengths allowed per level (ARS with 12 digits everywhere below Bund). */
const KEY_LENGTHS: Record<RegionLevel, readonly number[]> = {
  Bund: [],
  Land: [2, 12],
  Regierungsbezirk: [3, 12],
  Kreis: [5, 12],
  Gemeindeverband: [9, 12],
  Gemeinde: [8, 12],
};

function describeLengths(level: RegionLevel): string {
  return level === 'Bund' ? '"DG"' : KEY_LENGTHS[level].map((n) => `${n}`).join(' / ');
}

function keyFitsLevel(key: string, level: RegionLevel): boolean {
  if (level === 'Bund') return key === 'DG';
  return KEY_LENGTHS[level].includes(key.length) && key !== 'DG';
}

/** Records first occurrences and reports later duplicates. */
function uniqueIndex<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  pathOf: (i: number) => PathSegment[],
  problems: Problem[],
): Map<string, T> {
  const seen = new Map<string, number>();
  const index = new Map<string, T>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem(pathOf(i), 'duplicate-key', { value: key, first: formatPath(pathOf(first)) }));
    } else {
      seen.set(key, i);
      index.set(key, item);
    }
  });
  return index;
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export function checkRules(doc: KreisdossierDocument): Problem[] {
  const problems: Problem[] = [];

  for (const [path, value] of [
    [['dataset', 'referenceDate'], doc.dataset.referenceDate],
    [['dataset', 'updated'], doc.dataset.updated],
  ] as const) {
    if (value !== undefined && !isRealDate(value)) problems.push(problem([...path], 'invalid-date', { value }));
  }

  const regions = uniqueIndex(doc.regions, (r) => r.key, (i) => ['regions', i, 'key'], problems);
  doc.regions.forEach((r, i) => {
    if (!keyFitsLevel(r.key, r.level)) {
      problems.push(problem(['regions', i, 'key'], 'level-key-mismatch', { value: r.key, level: r.level, expected: describeLengths(r.level) }));
    }
    if (r.parent === r.key) problems.push(problem(['regions', i, 'parent'], 'parent-is-self'));
  });

  const dimensions = uniqueIndex(doc.dimensions ?? [], (d) => d.id, (i) => ['dimensions', i, 'id'], problems);
  const categories = new Map<string, Set<string>>();
  (doc.dimensions ?? []).forEach((d, i) => {
    const ids = uniqueIndex(d.categories, (c) => c.id, (j) => ['dimensions', i, 'categories', j, 'id'], problems);
    categories.set(d.id, new Set(ids.keys()));
    if (d.total !== undefined && !ids.has(d.total)) {
      problems.push(problem(['dimensions', i, 'total'], 'unknown-category', { value: d.total, dimension: d.id }));
    }
  });

  const indicators = uniqueIndex(doc.indicators, (x) => x.id, (i) => ['indicators', i, 'id'], problems);
  doc.indicators.forEach((x, i) =>
    (x.dimensions ?? []).forEach((d, j) => {
      if (!dimensions.has(d)) problems.push(problem(['indicators', i, 'dimensions', j], 'unknown-dimension', { value: d }));
    }),
  );
  // A computed indicator names its inputs, so that "berechnet aus …" can be shown with their labels.
  doc.indicators.forEach((x, i) =>
    x.computed?.from.forEach((id, j) => {
      if (!indicators.has(id) || id === x.id) problems.push(problem(['indicators', i, 'computed', 'from', j], 'unknown-indicator', { value: id }));
    }),
  );

  const seen = new Map<string, number>();
  // Files hold tens of thousands of observations over a few periods, indicators and symbols: each is judged once.
  const realPeriod = new Map<string, boolean>();
  const expectedDimensions = new Map<string, string>();
  const statusInfo = new Map<string, ReturnType<typeof statusSymbolInfo>>();
  doc.observations.forEach((o, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['observations', i, ...rest];
    const indicator = indicators.get(o.indicator);
    if (!indicator) problems.push(problem(at('indicator'), 'unknown-indicator', { value: o.indicator }));
    if (!regions.has(o.region)) problems.push(problem(at('region'), 'unknown-region', { value: o.region }));
    let real = realPeriod.get(o.period);
    if (real === undefined) realPeriod.set(o.period, (real = !/^\d{4}-\d{2}-\d{2}$/.test(o.period) || isRealDate(o.period)));
    if (!real) problems.push(problem(at('period'), 'invalid-date', { value: o.period }));

    const breakdown = o.breakdown ?? {};
    const given = o.breakdown ? Object.keys(breakdown).sort().join(', ') : '';
    if (indicator) {
      let expected = expectedDimensions.get(indicator.id);
      if (expected === undefined) expectedDimensions.set(indicator.id, (expected = [...(indicator.dimensions ?? [])].sort().join(', ')));
      if (expected !== given) {
        problems.push(problem(at('breakdown'), 'breakdown-mismatch', { expected: expected || '–', received: given || '–' }));
      }
    }
    if (o.breakdown) {
      for (const [dimension, category] of Object.entries(breakdown)) {
        const known = categories.get(dimension);
        if (!known) problems.push(problem(at('breakdown', dimension), 'unknown-dimension', { value: dimension }));
        else if (!known.has(category)) problems.push(problem(at('breakdown', dimension), 'unknown-category', { value: category, dimension }));
      }
    }

    // 1e308 is finite, but differences, sums and indexes of such numbers are not: every number an element
    // shows or derives must stay exact and finite. No official statistic comes near 2^53.
    if (o.value !== null && Math.abs(o.value) > Number.MAX_SAFE_INTEGER) {
      problems.push(problem(at('value'), o.value > 0 ? 'max-value' : 'min-value', { value: String(o.value), limit: o.value > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER }));
    }

    if (o.status !== undefined) {
      if (!statusInfo.has(o.status)) statusInfo.set(o.status, statusSymbolInfo(o.status, doc.statusSymbols));
      const info = statusInfo.get(o.status);
      if (!info) problems.push(problem(at('status'), 'unknown-status', { value: o.status }));
      else if (info.replacesValue && o.value !== null) problems.push(problem(at('value'), 'status-replaces-value', { value: o.status }));
      else if (!info.replacesValue && o.value === null) problems.push(problem(at('status'), 'status-does-not-explain-null', { value: o.status }));
    }

    const key = observationKey(o);
    const first = seen.get(key);
    if (first !== undefined) problems.push(problem(at(), 'duplicate-observation', { first: formatPath(['observations', first]) }));
    else seen.set(key, i);
  });

  // A file without indicators is a dossier definition for data files loaded beside it: its references are
  // checked when the files are combined (<themen-dossier> names any it cannot find).
  if (doc.indicators.length) doc.dossier?.topics.forEach((t, i) =>
    t.sections.forEach((s, j) =>
      s.indicators.forEach((id, k) => {
        if (!indicators.has(id)) problems.push(problem(['dossier', 'topics', i, 'sections', j, 'indicators', k], 'unknown-indicator', { value: id }));
      }),
    ),
  );

  return problems;
}
