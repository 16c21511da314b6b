/**
 * What a dossier folder holds: the catalogue's files that its pages need — with the same selection functions
 * the elements use to decide what to fetch (src/format/catalogue-select.ts), so the folder has every file a
 * view asks for — and a catalogue of only these files and the regions their pages show.
 */
import { CATALOGUE_VERSION, type Catalogue, type CatalogueDataFile, type CatalogueDossier, type CatalogueGeometry, type CatalogueInput, type CatalogueRegion, type CatalogueRegionFile, type RegionChange } from '../../src/format/catalogue-schema.js';
import { dataFilesFor, dossierFor, dossierNeeds, geometryFilesFor, levelOfKey, regionFilesFor, regionIndex, type RegionNeed } from '../../src/format/catalogue-select.js';
import type { Topic } from '../../src/format/types.js';
import type { Target } from './region.js';

export interface Selection {
  /** The regions with a page: the Kreis (and with --gemeinden its Gemeinden), or the Gemeinde. */
  pages: string[];
  needs: RegionNeed[];
  data: CatalogueDataFile[];
  geometry: CatalogueGeometry[];
  regionFiles: CatalogueRegionFile[];
  dossiers: CatalogueDossier[];
  /** Topics asked for that no copied file has numbers of for the region itself or below it. */
  empty: Topic[];
}

/** Entries in catalogue order, each once. */
function union<T extends { url: string }>(all: readonly T[], chosen: Iterable<T>): T[] {
  const set = new Set(chosen);
  return all.filter((e) => set.has(e));
}

export function selectFiles(catalogue: Catalogue, target: Target, topics: readonly Topic[], gemeindePages: boolean): Selection {
  const pages = [target.key, ...(gemeindePages ? target.gemeinden.map((g) => g.key) : [])];
  const needs: RegionNeed[] = [];
  const data: CatalogueDataFile[] = [];
  const geometry: CatalogueGeometry[] = [];
  const dossiers: CatalogueDossier[] = [];
  for (const key of pages) {
    const n = dossierNeeds(catalogue, key, topics);
    needs.push(...n.data.regions);
    data.push(...dataFilesFor(catalogue, n.data));
    for (const g of n.geometry) geometry.push(...geometryFilesFor(catalogue, g));
    const definition = dossierFor(catalogue, key);
    if (definition) dossiers.push(definition);
  }
  // Names for the picker (a Kreis with its Gemeinden) or of the Gemeinde itself: the region files under the page.
  const regionFiles = gemeindePages || target.level === 'Gemeinde' ? regionFilesFor(catalogue, 'Gemeinde', target.key) : [];
  const chosen = union(catalogue.data, data);
  const own = [{ prefix: target.key, levels: [target.level, ...(target.level === 'Kreis' ? (['Gemeinde'] as const) : [])] }];
  const empty = topics.filter((topic) => !dataFilesFor({ ...catalogue, data: chosen }, { topics: [topic], regions: own }).length);
  return {
    pages,
    needs: dedupeNeeds(needs),
    data: chosen,
    geometry: union(catalogue.geometry, geometry),
    regionFiles: union(catalogue.regionFiles, regionFiles),
    dossiers: union(catalogue.dossiers, dossiers),
    empty,
  };
}

function dedupeNeeds(needs: readonly RegionNeed[]): RegionNeed[] {
  const seen = new Map<string, RegionNeed>();
  for (const n of needs) for (const level of n.levels) seen.set(`${n.prefix}|${level}`, { prefix: n.prefix, levels: [level] });
  return [...seen.values()];
}

const matches = (key: string, level: string, need: RegionNeed) => need.levels.includes(level as never) && (key === need.prefix || (need.prefix !== 'DG' && key !== 'DG' && key.startsWith(need.prefix)));

/**
 * The regions the pages show: those of every need (the region, its parents, its parent's other children for
 * maps and rankings) and the parents of these, so that every `parent` stays known. Neighbours outside are
 * dropped (their numbers are not in the folder).
 */
export function keptRegions(catalogue: Catalogue, needs: readonly RegionNeed[]): CatalogueRegion[] {
  const index = regionIndex(catalogue);
  const keys = new Set(catalogue.regions.filter((r) => needs.some((n) => matches(r.key, r.level, n))).map((r) => r.key));
  for (const key of [...keys]) {
    for (let parent = index.get(key)?.parent; parent && !keys.has(parent); parent = index.get(parent)?.parent) keys.add(parent);
  }
  return catalogue.regions
    .filter((r) => keys.has(r.key))
    .map((r) => {
      if (!r.neighbours) return r;
      const { neighbours, ...rest } = r;
      const inside = neighbours.filter((k) => keys.has(k));
      return inside.length ? { ...rest, neighbours: inside } : rest;
    });
}

/** Changes touching the pages: of a region a need covers (a former Kreis of the Land), or leading to a kept region. */
export function keptChanges(catalogue: Catalogue, needs: readonly RegionNeed[], kept: ReadonlySet<string>): RegionChange[] {
  return catalogue.regionChanges.filter(
    (c) => needs.some((n) => matches(c.key, levelOfKey(c.key), n)) || (c.successors ?? []).some((s) => kept.has(s)),
  );
}

/**
 * The folder's catalogue: the selected entries as the source has them (URLs as they are in the folder, sizes
 * as the files are), the regions and changes of the needs, the source's attribution of the region names.
 */
export function subsetCatalogue(catalogue: Catalogue, selection: Selection, title: string, urlOf: (url: string) => string, bytesOf: (url: string) => number): CatalogueInput {
  const kept = keptRegions(catalogue, selection.needs);
  const entry = <T extends { url: string; bytes: number }>(e: T): T => ({ ...e, url: urlOf(e.url), bytes: bytesOf(e.url) });
  return {
    kreisdossierCatalogue: CATALOGUE_VERSION,
    title: { de: title },
    ...(catalogue.updated ? { updated: catalogue.updated } : {}),
    ...(catalogue.regionsAttribution ? { regionsAttribution: catalogue.regionsAttribution } : {}),
    ...(catalogue.regionsLicense ? { regionsLicense: catalogue.regionsLicense } : {}),
    regions: kept,
    regionFiles: selection.regionFiles.map(entry),
    data: selection.data.map(entry),
    geometry: selection.geometry.map(entry),
    dossiers: selection.dossiers.map(entry),
    regionChanges: keptChanges(catalogue, selection.needs, new Set(kept.map((r) => r.key))),
  };
}
