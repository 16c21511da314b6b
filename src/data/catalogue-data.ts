/**
 * Data from a catalogue: the element says which files its view needs (a `CatalogueSelection`), and only those
 * are fetched and combined. Every file is fetched once per page (the document cache), and the store of one
 * selection is built once, so switching back to a region shown before costs nothing.
 */
import type { Catalogue, CatalogueGeometry, CatalogueRegionFile } from '../format/catalogue-schema.js';
import type { Region } from '../format/types.js';
import { DataStore, type SourcedDocument } from './data-store.js';
import { loadDocument } from './document-cache.js';
import { pause } from './fetch-document.js';

export interface CatalogueSelection {
  /** Data files and dossier definitions, as the catalogue names them (relative to it). */
  files: readonly string[];
  /** Boundary files for the maps of the view. */
  geometry: readonly CatalogueGeometry[];
  /** Files listing regions by name (the Gemeinden a picker searches, or the one a page is about). */
  regionFiles: readonly CatalogueRegionFile[];
}

export interface LoadedCatalogue {
  catalogue: Catalogue;
  url: string;
}

/** Identifies a selection: the same files give the same store. */
export function selectionKey(selection: CatalogueSelection): string {
  const sorted = (list: readonly string[]) => [...new Set(list)].sort().join(' ');
  return [sorted(selection.files), sorted(selection.geometry.map((g) => g.url)), sorted(selection.regionFiles.map((f) => f.url))].join('|');
}

/** Stores of the last few selections (a reader switching back and forth between two Kreise). */
const stores = new Map<string, Promise<DataStore>>();
const KEEP = 8;

export function loadFromCatalogue(source: LoadedCatalogue, selection: CatalogueSelection, timeoutMs?: number, reload = false): Promise<DataStore> {
  const key = `${source.url}#${selectionKey(selection)}`;
  let pending = stores.get(key);
  if (pending && !reload) {
    // Most recently used last.
    stores.delete(key);
    stores.set(key, pending);
    return pending;
  }
  pending = combineSelection(source, selection, timeoutMs, reload);
  stores.set(key, pending);
  pending.catch(() => stores.get(key) === pending && stores.delete(key));
  while (stores.size > KEEP) stores.delete(stores.keys().next().value!);
  return pending;
}

async function combineSelection(source: LoadedCatalogue, selection: CatalogueSelection, timeoutMs: number | undefined, reload: boolean): Promise<DataStore> {
  const resolve = (url: string) => new URL(url, source.url).href;
  const files = [...new Set(selection.files)];
  const [documents, regionDocuments] = await Promise.all([
    Promise.all(files.map(async (url): Promise<SourcedDocument> => ({ source: resolve(url), document: await loadDocument(resolve(url), timeoutMs, reload) }))),
    Promise.all(selection.regionFiles.map((f) => loadDocument(resolve(f.url), timeoutMs, reload))),
  ]);
  // Names only: the catalogue's regions, then those of the region files (the data files' own entries win).
  const names: Region[] = source.catalogue.regions.map(({ key, name, level, parent }) => (parent ? { key, name, level, parent } : { key, name, level }));
  for (const d of regionDocuments) names.push(...d.regions);
  const store = await DataStore.combineInSlices(documents, pause, names);
  for (const g of selection.geometry) {
    const { regions: _regions, bytes: _bytes, ...ref } = g;
    store.geometries.push({ ...ref, base: source.url });
  }
  store.catalogue = source;
  return store;
}

/** Drops the stores built so far (tests; a page whose files changed on the server). */
export function forgetCatalogueStores(): void {
  stores.clear();
}
