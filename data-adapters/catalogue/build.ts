/**
 * `kreisdossier catalogue DIR`: a catalogue of every kreisdossier file in a folder (and its subfolders), with URLs
 * relative to the catalogue's folder and entries in a fixed order, so that the same files always give the same
 * catalogue. Data files are read one at a time; files whose coverage overlaps are read once more to compare their
 * observations.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Catalogue, CatalogueDataFile, CatalogueDossier, CatalogueGeometry, CatalogueRegion, CatalogueRegionFile } from '../../src/format/catalogue-schema.js';
import { CATALOGUE_VERSION } from '../../src/format/catalogue-schema.js';
import { isCatalogue } from '../../src/format/catalogue-validate.js';
import type { GeometryRef, KreisdossierDocument, License, RegionLevel } from '../../src/format/types.js';
import { validateDocument } from '../../src/format/validate.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { isObject } from '../common.js';
import { documentText } from '../read-document.js';
import { readBoundaries, type Boundaries } from './boundaries.js';
import { Collector, type Problem } from './collect.js';
import { dataCoverage, keyPrefixes } from './coverage.js';
import { duplicateWarning, OverlapCheck, overlappingFiles, type Contradiction } from './overlaps.js';
import { regionChanges, type KnownChange } from './region-changes.js';

export interface CatalogueOptions {
  /** Where the catalogue is written: URLs are relative to its folder, and it is not listed itself. */
  output: string;
  title?: string;
  updated?: string;
  knownChanges?: KnownChange[];
  /** Indicator for `population` (default: `bevoelkerung` when a file has it). */
  populationIndicator?: string;
  /** Attribution for the regions' types and neighbours (default: that of the Kreis boundaries). */
  geometryAttribution?: string;
  /**
   * A TopoJSON file of Kreis boundaries (keyed by `ags`, as `kreisdossier geo` writes them) to read the neighbours
   * from, and the types the listed boundaries lack: with the Kreise split into one file per Land, a Kreis's
   * neighbours in another Land share no arc with it in its own file. Read only, never listed (it may lie outside
   * the folder, and is not uploaded with it).
   */
  neighboursFrom?: string;
}

export interface DataFileReport {
  entry: CatalogueDataFile;
  observations: number;
}

export interface CatalogueBuild {
  catalogue: Catalogue;
  data: DataFileReport[];
  /** Files that cannot be listed because they are invalid (or unreadable), each `FILE: reason`. */
  invalid: Reason[];
  errors: Problem[];
  contradictions: Contradiction[];
  warnings: Problem[];
  /** JSON files in the folder that the catalogue does not list, with the reason. */
  skipped: Array<{ url: string; reason: Reason }>;
  /** Region changes without a known successor. */
  unresolved: string[];
}

const CATALOGUE_LEVELS: RegionLevel[] = ['Bund', 'Land', 'Regierungsbezirk', 'Kreis'];
const byUrl = <T extends { url: string }>(a: T, b: T) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
const urlOf = (from: string, path: string) => relative(from, path).split(sep).join('/');
const isWeb = (url: string) => /^https?:\/\//i.test(url);

/** Every .json/.geojson file below `dir`, sorted by path. */
function jsonFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => /\.(geo)?json$/i.test(path) && statSync(path).isFile())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function buildCatalogue(dir: string, options: CatalogueOptions): CatalogueBuild {
  const base = dirname(resolve(options.output));
  const self = resolve(options.output);
  const invalid: Reason[] = [];
  const skipped: CatalogueBuild['skipped'] = [];
  const warnings: Problem[] = [];
  const populationIndicator = options.populationIndicator ?? 'bevoelkerung';
  const collector = new Collector(populationIndicator);

  const data: DataFileReport[] = [];
  const dataPaths = new Map<string, string>();
  const geometry: CatalogueGeometry[] = [];
  const regionFiles: CatalogueRegionFile[] = [];
  const dossiers: CatalogueDossier[] = [];
  const boundaryFiles = new Set<string>();
  const referenced = new Set<string>();
  const kreisBoundaries: Array<{ boundaries: Boundaries; ref: GeometryRef; doc: KreisdossierDocument }> = [];
  const neighboursFrom = options.neighboursFrom === undefined ? undefined : readNeighbourBoundaries(options.neighboursFrom);

  for (const path of jsonFiles(dir)) {
    if (resolve(path) === self) continue;
    const url = urlOf(base, path);
    let json: unknown;
    try {
      json = JSON.parse(documentText(path));
    } catch (error) {
      if (error instanceof AdapterError) invalid.push({ de: `${url}: ${error.reason.de}`, en: `${url}: ${error.reason.en}` });
      else if (error instanceof SyntaxError) invalid.push({ de: `${url}: kein gültiges JSON (${error.message})`, en: `${url}: not valid JSON (${error.message})` });
      else throw error;
      continue;
    }
    if (isCatalogue(json)) {
      skipped.push({ url, reason: { de: 'ein Katalog', en: 'a catalogue' } });
      continue;
    }
    if (isObject(json) && (json.type === 'Topology' || json.type === 'FeatureCollection')) {
      boundaryFiles.add(resolve(path));
      continue;
    }
    if (!isObject(json) || !('kreisdossier' in json)) {
      skipped.push({ url, reason: { de: 'keine kreisdossier-Datei', en: 'not a kreisdossier file' } });
      continue;
    }
    const result = validateDocument(json);
    if (!result.valid) {
      for (const p of result.problems.slice(0, 5)) invalid.push({ de: `${url}: ${p.path}: ${p.message.de}`, en: `${url}: ${p.path}: ${p.message.en}` });
      if (result.problems.length > 5) invalid.push({ de: `${url}: … ${result.problems.length - 5} weitere Probleme`, en: `${url}: … ${result.problems.length - 5} more problems` });
      continue;
    }
    const doc = result.document;
    const bytes = statSync(path).size;

    if (doc.observations.length > 0) {
      collector.add(url, doc);
      data.push({ entry: { url, bytes, dataset: doc.dataset.id, ...dataCoverage(doc) }, observations: doc.observations.length });
      dataPaths.set(url, path);
      if (doc.geometry) {
        warnings.push({
          files: [url],
          reason: {
            de: `${url}: der Verweis einer Datendatei auf Grenzen wird nicht gelistet; einen eigenen Verweis (ohne Beobachtungen) in den Ordner legen`,
            en: `${url}: a data file's boundary reference is not listed; put a reference of its own (without observations) in the folder`,
          },
        });
      }
      if (doc.dossier) {
        warnings.push({
          files: [url],
          reason: {
            de: `${url}: die Dossier-Definition einer Datendatei wird nicht gelistet; in eine eigene Datei legen, um sie anzubieten`,
            en: `${url}: a data file's dossier definition is not listed; move it to a file of its own to offer it`,
          },
        });
      }
    }
    if (doc.geometry && doc.observations.length === 0) {
      const ref = doc.geometry;
      if (isWeb(ref.url)) {
        warnings.push({ files: [url], reason: { de: `${url}: Grenzen im Web (${ref.url}) werden nicht gelistet`, en: `${url}: boundaries on the web (${ref.url}) are not listed` } });
      } else {
        const target = resolve(dirname(path), ref.url);
        const targetUrl = urlOf(base, target);
        referenced.add(target);
        let boundaries: Boundaries;
        try {
          boundaries = readBoundaries(target, ref);
        } catch (error) {
          const reason = error instanceof AdapterError ? error.reason : undefined;
          const code = (error as NodeJS.ErrnoException).code;
          if (!reason && !code) throw error;
          invalid.push({ de: `${url}: ${ref.url}: ${reason?.de ?? `Datei nicht lesbar (${code})`}`, en: `${url}: ${ref.url}: ${reason?.en ?? `cannot read the file (${code})`}` });
          continue;
        }
        if (geometry.some((g) => g.url === targetUrl)) {
          warnings.push({ files: [url], reason: { de: `${url}: ${targetUrl} ist schon über einen anderen Verweis gelistet`, en: `${url}: ${targetUrl} is already listed through another reference` } });
        } else {
          const license: License | undefined = ref.license ?? doc.dataset.license;
          geometry.push({ ...ref, url: targetUrl, ...(license ? { license } : {}), level: boundaries.level, regions: keyPrefixes(boundaries.keys), bytes: statSync(target).size });
          if (boundaries.level === 'Kreis') kreisBoundaries.push({ boundaries, ref, doc });
        }
      }
    }
    if (doc.dossier && doc.observations.length === 0) {
      const prefixes = [...new Set(doc.regions.map((r) => r.key))];
      dossiers.push({ url, ...(prefixes.length ? { regions: prefixes } : {}), bytes });
    }
    if (doc.observations.length === 0 && !doc.geometry && !doc.dossier) {
      if (doc.regions.length === 0) {
        skipped.push({ url, reason: { de: 'weder Beobachtungen noch Regionen, Grenzen oder Dossier', en: 'neither observations nor regions, boundaries or dossier' } });
        continue;
      }
      const counts = new Map<RegionLevel, number>();
      for (const r of doc.regions) counts.set(r.level, (counts.get(r.level) ?? 0) + 1);
      const level = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      if (counts.size > 1) {
        warnings.push({
          files: [url],
          reason: {
            de: `${url}: Regionen mehrerer Ebenen (${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}); gelistet als Datei der Ebene ${level}`,
            en: `${url}: regions of several levels (${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}); listed as a file of the level ${level}`,
          },
        });
      }
      regionFiles.push({ url, level, regions: keyPrefixes(doc.regions.map((r) => r.key)), bytes });
    }
  }
  for (const path of boundaryFiles) {
    if (!referenced.has(path)) {
      const url = urlOf(base, path);
      if (options.neighboursFrom !== undefined && path === resolve(options.neighboursFrom)) {
        skipped.push({ url, reason: { de: 'nur für die Nachbarn gelesen (--neighbours-from)', en: 'read for the neighbours only (--neighbours-from)' } });
      } else skipped.push({ url, reason: { de: 'Grenzen, auf die kein Verweis zeigt', en: 'boundaries that no reference points to' } });
    }
  }
  if (options.populationIndicator && !collector.populationFound) {
    throw new AdapterError({
      de: `--population-indicator ${options.populationIndicator}: keine Datendatei hat diesen Indikator`,
      en: `--population-indicator ${options.populationIndicator}: no data file has this indicator`,
    });
  }

  // Pass 2: observations of files that may hold the same ones.
  const overlapping = overlappingFiles(data.map((d) => d.entry));
  const check = new OverlapCheck(overlapping);
  const toCompare = new Set([...overlapping.values()].flatMap((s) => [...s]));
  for (const { entry } of data) {
    if (toCompare.has(entry.url)) check.add(entry.url, JSON.parse(documentText(dataPaths.get(entry.url)!)) as KreisdossierDocument);
  }
  for (const d of check.identical) warnings.push({ files: d.files, reason: duplicateWarning(d) });

  // Regions: those of the data files, Kreise the boundaries add, with types, population and neighbours.
  const kreisKeys = new Set(kreisBoundaries.flatMap((k) => k.boundaries.keys));
  const regions = new Map<string, CatalogueRegion>();
  for (const r of collector.regions.values()) {
    if (CATALOGUE_LEVELS.includes(r.level)) regions.set(r.key, { key: r.key, name: r.name, level: r.level, ...(r.parent ? { parent: r.parent } : {}) });
  }
  for (const { boundaries } of kreisBoundaries) {
    for (const key of boundaries.keys) {
      if (regions.has(key)) continue;
      const land = key.slice(0, 2);
      regions.set(key, { key, name: boundaries.names.get(key) ?? key, level: 'Kreis', ...(regions.has(land) ? { parent: land } : {}) });
    }
  }
  const withoutParent: string[] = [];
  for (const r of regions.values()) {
    if (r.parent && !regions.has(r.parent)) {
      withoutParent.push(`${r.key} (${r.parent})`);
      delete r.parent;
    }
    const population = collector.population.get(r.key);
    if (population) r.population = population.value;
    if (r.level !== 'Kreis') continue;
    // The nationwide file first for the neighbours (across Länder borders), the listed files first for the type.
    for (const boundaries of [...kreisBoundaries.map((k) => k.boundaries), ...(neighboursFrom ? [neighboursFrom] : [])]) {
      const type = boundaries.types.get(r.key);
      if (type && !r.type) r.type = type;
    }
    for (const boundaries of [...(neighboursFrom ? [neighboursFrom] : []), ...kreisBoundaries.map((k) => k.boundaries)]) {
      const neighbours = boundaries.neighbours?.get(r.key)?.filter((k) => regions.has(k));
      if (neighbours?.length && !r.neighbours) r.neighbours = neighbours;
    }
  }
  if (withoutParent.length) {
    warnings.push({
      files: [],
      reason: {
        de: `${withoutParent.length} Regionen ohne übergeordnete Region im Katalog, weil keine Datei diese nennt: ${withoutParent.slice(0, 5).join(', ')}${withoutParent.length > 5 ? ', …' : ''}`,
        en: `${withoutParent.length} regions without their parent in the catalogue, because no file names it: ${withoutParent.slice(0, 5).join(', ')}${withoutParent.length > 5 ? ', …' : ''}`,
      },
    });
  }
  if (!neighboursFrom && kreisBoundaries.some((k) => !k.boundaries.neighbours)) {
    warnings.push({ files: [], reason: { de: 'Nachbarn nur aus TopoJSON-Kreisgrenzen (GeoJSON hat keine gemeinsamen Kanten)', en: 'neighbours only from TopoJSON Kreis boundaries (GeoJSON has no shared arcs)' } });
  }
  const sortedRegions = [...regions.values()].sort((a, b) => (a.key === 'DG' ? -1 : b.key === 'DG' ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let changes: Catalogue['regionChanges'] = [];
  if (kreisBoundaries.length) {
    // Only keys of the Länder the boundaries show: Kreis boundaries of one Land say nothing about another's Kreise.
    const laender = new Set([...kreisKeys].map((k) => k.slice(0, 2)));
    const history = new Map([...collector.kreisHistory].filter(([key]) => laender.has(key.slice(0, 2))));
    changes = regionChanges({
      history,
      boundaryKeys: kreisKeys,
      boundaryDate: kreisBoundaries[0]!.doc.dataset.referenceDate,
      names: new Map(sortedRegions.map((r) => [r.key, r.name])),
      known: options.knownChanges ?? [],
    });
  } else if (collector.kreisHistory.size) {
    warnings.push({ files: [], reason: { de: 'keine Kreisgrenzen im Ordner: Gebietsänderungen nicht ermittelt', en: 'no Kreis boundaries in the folder: region changes not determined' } });
  }

  const kreisRef = kreisBoundaries[0];
  const regionsAttribution = options.geometryAttribution ?? kreisRef?.ref.attribution;
  const regionsLicense = kreisRef ? (kreisRef.ref.license ?? kreisRef.doc.dataset.license) : undefined;
  const catalogue: Catalogue = {
    kreisdossierCatalogue: CATALOGUE_VERSION,
    ...(options.title ? { title: options.title } : {}),
    ...(options.updated ? { updated: options.updated } : {}),
    ...(regionsAttribution ? { regionsAttribution } : {}),
    ...(regionsLicense ? { regionsLicense } : {}),
    regions: sortedRegions,
    regionFiles: regionFiles.sort(byUrl),
    data: data.map((d) => d.entry).sort(byUrl),
    geometry: geometry.sort(byUrl),
    dossiers: dossiers.sort(byUrl),
    regionChanges: changes,
  };
  return {
    catalogue,
    data: data.sort((a, b) => byUrl(a.entry, b.entry)),
    invalid,
    errors: collector.errors,
    contradictions: check.contradictions,
    warnings: [...collector.warnings, ...warnings],
    skipped,
    unresolved: changes.filter((c) => !c.successors).map((c) => c.key),
  };
}

/** The Kreis boundaries of `--neighbours-from`: TopoJSON (shared arcs), keyed by `ags`, of the level Kreis. */
function readNeighbourBoundaries(path: string): Boundaries {
  const option = (reason: Reason): AdapterError => new AdapterError({ de: `--neighbours-from ${path}: ${reason.de}`, en: `--neighbours-from ${path}: ${reason.en}` });
  let boundaries: Boundaries;
  try {
    boundaries = readBoundaries(path, { format: 'topojson', keyProperty: 'ags' });
  } catch (error) {
    if (error instanceof AdapterError) throw option(error.reason);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw option({ de: `Datei nicht lesbar (${code})`, en: `cannot read the file (${code})` });
    throw error;
  }
  if (boundaries.level !== 'Kreis') {
    throw option({
      de: `erwartet werden Grenzen von Kreisen (fünfstellige Schlüssel in „ags“), die Datei hat Gebiete der Ebene ${boundaries.level}`,
      en: `expected boundaries of Kreise (five-digit keys in "ags"), the file has features of the level ${boundaries.level}`,
    });
  }
  return boundaries;
}
