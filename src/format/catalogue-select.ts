/**
 * Which files of a catalogue a view needs. Pure functions over a validated catalogue, shared by the elements
 * (what to fetch) and the CLI (`kreisdossier dossier` copies exactly these files), so both always agree.
 *
 * A view names what it shows as needs: indicators (or whole topics) and, per region, the levels whose
 * observations it shows under a key prefix — `{ prefix: '15085', levels: ['Kreis'] }` is the Kreis itself,
 * `{ prefix: '15085', levels: ['Gemeinde'] }` its Gemeinden, `{ prefix: '15', levels: ['Kreis'] }` the Kreise of
 * Sachsen-Anhalt. A file is needed when it holds one of the indicators, one of the levels and a key prefix that
 * overlaps the need's. "DG" is Deutschland: `{ prefix: 'DG', levels: ['Bund'] }` its own numbers, and a level below
 * it under "DG" (its Länder, all its Kreise) is every file of that level, whatever its prefix — a Land's numbers
 * are in the part of the Land (`kreisdossier split`), so a view of all Länder loads every Land's part.
 */
import type { Catalogue, CatalogueDataFile, CatalogueDossier, CatalogueGeometry, CatalogueRegion, CatalogueRegionFile } from './catalogue-schema.js';
import type { KreisdossierDocument, RegionLevel, Topic } from './types.js';
import { levelOfKeyLength } from './key-level.js';

export interface RegionNeed {
  prefix: string;
  levels: readonly RegionLevel[];
}

export interface DataNeeds {
  /** Indicator ids; with `topics`, a file holding either is needed. Neither: every indicator. */
  indicators?: readonly string[];
  topics?: readonly Topic[];
  regions: readonly RegionNeed[];
}

/** The level an official key stands for (by its length); a 12-digit ARS is a Gemeinde's. */
export function levelOfKey(key: string): RegionLevel {
  return levelOfKeyLength(key) ?? 'Gemeinde';
}

/** Whether regions under two key prefixes can overlap: one begins the other ("DG" only matches itself). */
export function prefixesOverlap(a: string, b: string): boolean {
  if (a === 'DG' || b === 'DG') return a === b;
  return a.startsWith(b) || b.startsWith(a);
}

/** Whether key prefixes (a file's) may hold regions of `level` under a need's prefix; "DG" holds every region. */
function under(prefixes: readonly string[], need: string, level: RegionLevel): boolean {
  return (need === 'DG' && level !== 'Bund') || prefixes.some((p) => prefixesOverlap(p, need));
}

function coversNeed(file: CatalogueDataFile, need: RegionNeed): boolean {
  return need.levels.some((l) => file.levels.includes(l) && under(file.regions, need.prefix, l));
}

function holds(file: CatalogueDataFile, needs: DataNeeds): boolean {
  if (!needs.indicators && !needs.topics) return true;
  return file.indicators.some((i) => needs.indicators?.includes(i.id) || needs.topics?.includes(i.topic));
}

/** The data files a view needs, in catalogue order. */
export function dataFilesFor(catalogue: Catalogue, needs: DataNeeds): CatalogueDataFile[] {
  return catalogue.data.filter((f) => holds(f, needs) && needs.regions.some((n) => coversNeed(f, n)));
}

/** The boundary files for the regions of one level under a prefix (several when the level is split into parts, e.g. the Kreise per Land). */
export function geometryFilesFor(catalogue: Catalogue, need: { prefix: string; level: RegionLevel }): CatalogueGeometry[] {
  return catalogue.geometry.filter((g) => g.level === need.level && under(g.regions, need.prefix, need.level));
}

/** The files listing the regions of a level under a prefix (all of them without a prefix). */
export function regionFilesFor(catalogue: Catalogue, level: RegionLevel, prefix?: string): CatalogueRegionFile[] {
  return catalogue.regionFiles.filter((f) => f.level === level && (!prefix || f.regions.some((p) => prefixesOverlap(p, prefix))));
}

/** The dossier definition for a region: the entry with the longest matching prefix; one without `regions` applies to all. */
export function dossierFor(catalogue: Catalogue, key: string): CatalogueDossier | undefined {
  let best: { entry: CatalogueDossier; length: number } | undefined;
  for (const entry of catalogue.dossiers) {
    const lengths = entry.regions ? entry.regions.filter((p) => key === p || (p !== 'DG' && key !== 'DG' && key.startsWith(p))).map((p) => p.length) : [0];
    const length = Math.max(-1, ...lengths);
    if (length >= 0 && (!best || length > best.length)) best = { entry, length };
  }
  return best?.entry;
}

/** Levels below a region's, nearest first. */
export function levelsBelow(level: RegionLevel): RegionLevel[] {
  const order: RegionLevel[] = ['Bund', 'Land', 'Regierungsbezirk', 'Kreis', 'Gemeindeverband', 'Gemeinde'];
  return order.slice(order.indexOf(level) + 1);
}

/**
 * A region's chain of parents, nearest first (Gemeinde → Kreis → [Regierungsbezirk] → Land → Deutschland), from
 * the catalogue's regions; a Gemeinde (which the catalogue lists in region files) starts at its Kreis, the first
 * five digits of its key.
 */
export function ancestorKeys(catalogue: Catalogue, key: string): string[] {
  const byKey = regionIndex(catalogue);
  const chain: string[] = [];
  let current = byKey.get(key)?.parent ?? (key.length > 5 && key !== 'DG' ? key.slice(0, 5) : undefined);
  while (current && !chain.includes(current) && current !== key) {
    chain.push(current);
    current = byKey.get(current)?.parent;
  }
  return chain;
}

const indexes = new WeakMap<Catalogue, Map<string, CatalogueRegion>>();

/** The catalogue's regions by key (built once per catalogue). */
export function regionIndex(catalogue: Catalogue): Map<string, CatalogueRegion> {
  let index = indexes.get(catalogue);
  if (!index) indexes.set(catalogue, (index = new Map(catalogue.regions.map((r) => [r.key, r]))));
  return index;
}

/** Topics for which some file has observations of the region itself or of regions below it. */
export function topicsWithData(catalogue: Catalogue, key: string): Set<Topic> {
  const level = levelOfKey(key);
  const needs = [{ prefix: key, levels: [level, ...levelsBelow(level)] }];
  const topics = new Set<Topic>();
  for (const f of dataFilesFor(catalogue, { regions: needs })) for (const i of f.indicators) topics.add(i.topic);
  return topics;
}

/** Kreisfreie Städte (Stadtkreise in Baden-Württemberg) are compared with their own kind, Landkreise with theirs. */
function isCity(region: CatalogueRegion): boolean {
  return /kreisfreie stadt|stadtkreis/i.test(region.type ?? '');
}

/** Size classes by inhabitants: under 100 000, under 250 000, under 500 000, 500 000 and more. */
export const SIZE_CLASS_LIMITS = [100_000, 250_000, 500_000] as const;

export function sizeClass(population: number): number {
  const index = SIZE_CLASS_LIMITS.findIndex((limit) => population < limit);
  return index === -1 ? SIZE_CLASS_LIMITS.length : index;
}

/**
 * Regions like this one: the same level and Land, the same type (kreisfreie Stadt or Landkreis) and size class,
 * largest first. Without types or population in the catalogue: none (nothing is guessed).
 */
export function similarRegions(catalogue: Catalogue, key: string): CatalogueRegion[] {
  const region = regionIndex(catalogue).get(key);
  if (!region?.type || region.population === undefined || key === 'DG') return [];
  const land = key.slice(0, 2);
  return catalogue.regions
    .filter(
      (r) =>
        r.key !== key &&
        r.level === region.level &&
        r.key.startsWith(land) &&
        r.type !== undefined &&
        isCity(r) === isCity(region) &&
        r.population !== undefined &&
        sizeClass(r.population) === sizeClass(region.population!),
    )
    .sort((a, b) => b.population! - a.population!);
}

/** The regions sharing a boundary with this one (from the catalogue's `neighbours`). */
export function neighbourRegions(catalogue: Catalogue, key: string): CatalogueRegion[] {
  const index = regionIndex(catalogue);
  return (index.get(key)?.neighbours ?? []).map((k) => index.get(k)).filter((r): r is CatalogueRegion => !!r);
}

/** The level a map or ranking below a region shows: Länder below Deutschland, Kreise below a Land, Gemeinden below a Kreis. */
export function childLevel(level: RegionLevel): RegionLevel | undefined {
  switch (level) {
    case 'Bund':
      return 'Land';
    case 'Land':
    case 'Regierungsbezirk':
      return 'Kreis';
    case 'Kreis':
    case 'Gemeindeverband':
      return 'Gemeinde';
    default:
      return undefined;
  }
}

export interface DossierNeeds {
  data: DataNeeds;
  /** With `peerIndicators`: the other regions of the parent, for those indicators only. */
  peers?: DataNeeds | undefined;
  /** Boundaries for the maps: the region's sub-regions, and the region among its parent's. */
  geometry: Array<{ prefix: string; level: RegionLevel }>;
}

/**
 * What a dossier page of one region needs for some topics: the region's own numbers, those of its parents
 * (Land, Deutschland; for a Gemeinde its Kreis) for comparison, of its sub-regions (a Kreis's Gemeinden) and of
 * its parent's other children (the Kreise of its Land, for maps, rankings and ranks), and the boundaries for the
 * maps of both. `compare` adds regions the reader compares with (their own numbers only). `peerIndicators`: the
 * indicators the page shows among the parent's other children (in maps, rankings and key figures); the others'
 * numbers of those regions are not needed (an age pyramid shows the region alone). Without it: all of the topics'.
 */
export function dossierNeeds(catalogue: Catalogue, key: string, topics: readonly Topic[], compare: readonly string[] = [], peerIndicators?: readonly string[]): DossierNeeds {
  const level = levelOfKey(key);
  const ancestors = ancestorKeys(catalogue, key);
  const regions: RegionNeed[] = [{ prefix: key, levels: [level] }];
  const geometry: DossierNeeds['geometry'] = [];
  let peers: DataNeeds | undefined;
  const below = childLevel(level);
  if (below) {
    regions.push({ prefix: key, levels: [below] });
    geometry.push({ prefix: key, level: below });
  }
  for (const a of ancestors) regions.push({ prefix: a, levels: [levelOfKey(a)] });
  // The nearest parent with the region's level below it: a Gemeinde's Kreis (not its Gemeindeverband).
  const parent = ancestors.find((a) => childLevel(levelOfKey(a)) === level);
  if (parent && parent !== 'DG') {
    const need = { prefix: parent, levels: [level] };
    if (peerIndicators) peers = { indicators: peerIndicators, regions: [need] };
    else regions.push(need);
    geometry.push({ prefix: parent, level });
  }
  for (const c of compare) regions.push({ prefix: c, levels: [levelOfKey(c)] });
  return { data: { topics, regions }, peers, geometry };
}

/** The data files of a dossier view: those of `data` and of `peers`, in catalogue order. */
export function dossierDataFiles(catalogue: Catalogue, needs: DossierNeeds): CatalogueDataFile[] {
  const wanted = new Set([...dataFilesFor(catalogue, needs.data), ...(needs.peers ? dataFilesFor(catalogue, needs.peers) : [])]);
  return catalogue.data.filter((f) => wanted.has(f));
}

/**
 * The indicators a definition shows among the other regions of the parent — key figures (rank in the Land),
 * maps, rankings (bars) — for some topics; undefined when a topic has no sections there (the page then shows
 * the default layout, with key figures and a map of every indicator).
 */
export function peerIndicators(definition: KreisdossierDocument | undefined, topics: readonly Topic[]): string[] | undefined {
  const ids = new Set<string>();
  for (const topic of topics) {
    const sections = (definition?.dossier?.topics ?? []).filter((t) => t.topic === topic).flatMap((t) => t.sections);
    if (!sections.length) return undefined;
    for (const s of sections) {
      const ranking = s.element === 'chart' && (s.options?.['type'] === 'bar' || s.options?.['type'] === 'column');
      if (s.element === 'figures' || s.element === 'map' || ranking) s.indicators.forEach((i) => ids.add(i));
    }
  }
  return [...ids];
}
