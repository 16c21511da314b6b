/**
 * What the single elements need from a catalogue. A chart of Harz with Sachsen-Anhalt and Deutschland needs
 * the three regions' own numbers; a ranking (bars) also the other regions of their parent; a map the regions
 * below the one it shows, and their boundaries.
 */
import type { Catalogue } from '../format/catalogue-schema.js';
import { ancestorKeys, childLevel, dataFilesFor, geometryFilesFor, levelOfKey, prefixesOverlap, regionFilesFor, type RegionNeed } from '../format/catalogue-select.js';
import type { CatalogueSelection } from './catalogue-data.js';
import { words } from './selection.js';

function filesOf(catalogue: Catalogue, indicator: string | undefined, needs: RegionNeed[] | undefined): string[] {
  const id = indicator?.trim();
  const files = needs ? dataFilesFor(catalogue, { regions: needs, ...(id ? { indicators: [id] } : {}) }) : catalogue.data;
  return files.filter((f) => !id || f.indicators.some((i) => i.id === id)).map((f) => f.url);
}

/** A chart: the regions' own numbers; for bars (a ranking) also the regions below each and beside it. */
export function chartSelection(catalogue: Catalogue, attrs: { indicator?: string | undefined; region?: string | undefined; compare?: string | undefined; type?: string | undefined }): CatalogueSelection {
  const keys = [...words(attrs.region), ...words(attrs.compare)];
  if (!keys.length) return { files: filesOf(catalogue, attrs.indicator, undefined), geometry: [], regionFiles: [] };
  const needs: RegionNeed[] = keys.map((k) => ({ prefix: k, levels: [levelOfKey(k)] }));
  if (attrs.type === 'bar' || attrs.type === 'column') {
    for (const k of words(attrs.region)) {
      const below = childLevel(levelOfKey(k));
      const children = below ? [{ prefix: k, levels: [below] }] : [];
      needs.push(...children);
      const parent = ancestorKeys(catalogue, k).find((a) => childLevel(levelOfKey(a)) === levelOfKey(k));
      // A Land among the other Länder needs every Land's part: only when it has no sub-regions to rank instead.
      if (parent && (parent !== 'DG' || !filesOf(catalogue, attrs.indicator, children).length)) needs.push({ prefix: parent, levels: [levelOfKey(k)] });
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

/** The files of `indicator` (all without) holding the own numbers of `region` and `compare` (all regions without). */
export function defaultSelection(catalogue: Catalogue, attrs: { indicator?: string | undefined; region?: string | undefined; compare?: string | undefined }): CatalogueSelection {
  const keys = [...words(attrs.region), ...words(attrs.compare)];
  return { files: filesOf(catalogue, attrs.indicator, keys.length ? keys.map((k) => ({ prefix: k, levels: [levelOfKey(k)] })) : undefined), geometry: [], regionFiles: [] };
}

/**
 * A picker: the catalogue's Länder and Kreise at once (no file), the Gemeinden (a list of names per Land,
 * 11 000 in all) once the reader opens the list or types — a page that only shows the picker does not load them;
 * with `indicator`, its files (only regions with its numbers are offered).
 */
export function pickerSelection(
  catalogue: Catalogue,
  attrs: { within?: string | undefined; level?: string | undefined; region?: string | undefined; indicator?: string | undefined; searching: boolean },
): CatalogueSelection {
  const within = attrs.within?.trim() ?? '';
  const levels = words(attrs.level);
  let regionFiles: CatalogueSelection['regionFiles'] = [];
  if (!levels.length || levels.includes('Gemeinde')) {
    if (attrs.searching || within.length >= 5) regionFiles = regionFilesFor(catalogue, 'Gemeinde', within || undefined);
    else if (attrs.region && levelOfKey(attrs.region) === 'Gemeinde') regionFiles = regionFilesFor(catalogue, 'Gemeinde', attrs.region);
  }
  const indicator = attrs.indicator?.trim();
  const files = indicator
    ? catalogue.data.filter((f) => f.indicators.some((i) => i.id === indicator) && (!within || f.regions.some((p) => prefixesOverlap(p, within)))).map((f) => f.url)
    : [];
  return { files, geometry: [], regionFiles };
}
