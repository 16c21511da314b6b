/**
 * What the single elements need from a catalogue. A chart of Harz with Sachsen-Anhalt and Deutschland needs
 * the three regions' own numbers; a ranking (bars) also the other regions of their parent; a map the regions
 * below the one it shows, and their boundaries.
 */
import type { Catalogue } from '../format/catalogue-schema.js';
import { ancestorKeys, childLevel, dataFilesFor, geometryFilesFor, levelOfKey, type RegionNeed } from '../format/catalogue-select.js';
import type { CatalogueSelection } from './catalogue-data.js';
import { words } from './selection.js';

function filesOf(catalogue: Catalogue, indicator: string | undefined, needs: RegionNeed[] | undefined): string[] {
  const id = indicator?.trim();
  return catalogue.data
    .filter((f) => !id || f.indicators.some((i) => i.id === id))
    .filter((f) => !needs || dataFilesFor(catalogue, { regions: needs }).includes(f))
    .map((f) => f.url);
}

/** A chart: the regions' own numbers; for bars (a ranking) also the regions below each and beside it. */
export function chartSelection(catalogue: Catalogue, attrs: { indicator?: string | undefined; region?: string | undefined; compare?: string | undefined; type?: string | undefined }): CatalogueSelection {
  const keys = [...words(attrs.region), ...words(attrs.compare)];
  if (!keys.length) return { files: filesOf(catalogue, attrs.indicator, undefined), geometry: [], regionFiles: [] };
  const needs: RegionNeed[] = keys.map((k) => ({ prefix: k, levels: [levelOfKey(k)] }));
  if (attrs.type === 'bar' || attrs.type === 'column') {
    for (const k of words(attrs.region)) {
      const below = childLevel(levelOfKey(k));
      if (below) needs.push({ prefix: k, levels: [below] });
      const parent = ancestorKeys(catalogue, k).find((a) => childLevel(levelOfKey(a)) === levelOfKey(k));
      if (parent) needs.push({ prefix: parent, levels: [levelOfKey(k)] });
    }
  }
  return { files: filesOf(catalogue, attrs.indicator, needs), geometry: [], regionFiles: [] };
}

/** A map: the regions one level below `region` (Deutschland's Kreise without), and their boundaries. */
export function mapSelection(catalogue: Catalogue, attrs: { indicator?: string | undefined; region?: string | undefined; highlight?: string | undefined }): CatalogueSelection {
  const region = words(attrs.region)[0];
  const prefix = region ?? 'DG';
  const level = region ? childLevel(levelOfKey(region)) : 'Kreis';
  if (!level) return { files: filesOf(catalogue, attrs.indicator, [{ prefix, levels: [levelOfKey(prefix)] }]), geometry: [], regionFiles: [] };
  // Deutschland's Kreise: every Land's part.
  const prefixes = prefix === 'DG' ? [...new Set(catalogue.regions.filter((r) => r.level === 'Land').map((r) => r.key))] : [prefix];
  const needs = prefixes.map((p) => ({ prefix: p, levels: [level] }));
  const geometry = prefixes.flatMap((p) => geometryFilesFor(catalogue, { prefix: p, level }));
  return { files: filesOf(catalogue, attrs.indicator, needs), geometry: [...new Set(geometry)], regionFiles: [] };
}
