/**
 * What a data file covers, as the catalogue states it: indicators with topics, levels and key prefixes of the
 * regions with observations, first and last period. Elements choose files by these, so a prefix may claim more
 * than the file holds (a file is then fetched in vain) but never less (data would be missing).
 */
import type { CatalogueDataFile } from '../../src/format/catalogue-schema.js';
import type { KreisdossierDocument, RegionLevel } from '../../src/format/types.js';
import { REGION_LEVELS } from '../../src/format/vocabulary.js';

/**
 * Key prefixes covering `keys`: "DG" for Deutschland, then the longest common prefix of 5, 3 or 2 digits (Kreis,
 * Regierungsbezirk, Land) when all other keys share one, else the 2-digit prefix of each Land they lie in.
 */
export function keyPrefixes(keys: Iterable<string>): string[] {
  const all = new Set(keys);
  const digits = [...all].filter((k) => k !== 'DG');
  const out = all.has('DG') ? ['DG'] : [];
  if (digits.length === 0) return out;
  for (const length of [5, 3, 2]) {
    const first = digits[0]!.slice(0, length);
    if (digits.every((k) => k.length >= length && k.startsWith(first))) return [...out, first];
  }
  return [...out, ...[...new Set(digits.map((k) => k.slice(0, 2)))].sort()];
}

/** Levels in their order from Bund to Gemeinde. */
export function orderedLevels(levels: Iterable<RegionLevel>): RegionLevel[] {
  const set = new Set(levels);
  return REGION_LEVELS.filter((l) => set.has(l));
}

/** The coverage of a data file (one with observations); url, bytes and dataset are added by the caller. */
export function dataCoverage(doc: KreisdossierDocument): Pick<CatalogueDataFile, 'indicators' | 'levels' | 'regions' | 'periods'> {
  const level = new Map(doc.regions.map((r) => [r.key, r.level]));
  const indicatorIds = new Set<string>();
  const regionKeys = new Set<string>();
  let first = doc.observations[0]!.period;
  let last = first;
  for (const o of doc.observations) {
    indicatorIds.add(o.indicator);
    regionKeys.add(o.region);
    if (o.period < first) first = o.period;
    if (o.period > last) last = o.period;
  }
  return {
    indicators: doc.indicators.filter((i) => indicatorIds.has(i.id)).map((i) => ({ id: i.id, topic: i.topic })),
    levels: orderedLevels([...regionKeys].map((k) => level.get(k)!)),
    regions: keyPrefixes(regionKeys),
    periods: { first, last },
  };
}
