/**
 * Where an element's data comes from, in order of precedence:
 * 1. the `data` property (a document, its JSON text, an array of them, or a DataStore), set from JavaScript;
 * 2. otherwise every `src` URL (space-separated) and every inline
 *    `<script type="application/json">` child, combined.
 */
import type { KreisdossierDocument } from '../format/types.js';
import { DataError } from './data-error.js';
import type { CatalogueSelection, LoadedCatalogue } from './catalogue-data.js';
import { loadCatalogueSupport, type CatalogueSupport } from './catalogue-loader.js';
import { DataStore, type SourcedDocument } from './data-store.js';
import { absoluteUrl, loadDocument, loadSource } from './document-cache.js';
import { checkDocument, parseText, pause } from './fetch-document.js';

export interface DataSources {
  data?: unknown;
  src?: string | null;
  inline?: readonly string[];
  timeoutMs?: number;
  /** Bypass the browser's HTTP cache (after a failure). */
  reload?: boolean;
  /** When `src` is a catalogue: the files the element's current view needs from it. */
  select?: (catalogue: LoadedCatalogue, support: CatalogueSupport) => CatalogueSelection | Promise<CatalogueSelection>;
}

function fromProperty(data: unknown): Promise<SourcedDocument[]> {
  const list = Array.isArray(data) ? data : [data];
  return Promise.all(
    list.map(async (value, i) => {
      const source = list.length > 1 ? `data[${i}]` : 'data';
      // JSON text is accepted too: a CMS template may hand the file's content over as a string.
      return { source, document: await (typeof value === 'string' ? parseText(value, source) : checkDocument(value, source)) };
    }),
  );
}

export async function loadData(sources: DataSources): Promise<DataStore> {
  // A composing element (<themen-dossier>) hands its children the store it already built: no second fetch or combine.
  // Each composed child renders in a task of its own, not all in the parent's.
  if (sources.data instanceof DataStore) {
    await pause();
    return sources.data;
  }
  // An empty list of documents is no data at all, not an empty store (which would blame the attributes).
  if (Array.isArray(sources.data) && sources.data.length === 0) throw new DataError('no-data', { source: 'data' });
  if (sources.data !== undefined && sources.data !== null) return DataStore.combine(await fromProperty(sources.data));

  const urls = (sources.src ?? '').split(/\s+/).filter(Boolean);
  const inline = sources.inline ?? [];
  if (urls.length === 0 && inline.length === 0) throw new DataError('no-data');

  // One URL may be a catalogue: then only the files the view needs are fetched.
  if (urls.length === 1 && inline.length === 0) {
    const source = await loadSource(urls[0]!, sources.timeoutMs, sources.reload);
    if (source.kind === 'catalogue') {
      const loaded = { catalogue: source.catalogue, url: source.url };
      const support = await loadCatalogueSupport();
      const selection = sources.select ? await sources.select(loaded, support) : support.everything(loaded);
      return support.loadFromCatalogue(loaded, selection, sources.timeoutMs, sources.reload);
    }
  }

  const inlineDocs = await Promise.all(
    inline.map(async (text, i) => {
      const source = `inline #${i + 1}`;
      return { source, document: await parseText(text, source) };
    }),
  );
  const fetched = await Promise.all(
    urls.map(async (url) => ({ source: absoluteUrl(url), document: await loadDocument(url, sources.timeoutMs, sources.reload) })),
  );
  // Many files: combined one per task, so the page stays responsive while a dossier loads.
  if (fetched.length + inlineDocs.length > 1) return DataStore.combineInSlices([...fetched, ...inlineDocs], pause);
  if (inlineDocs.length) return DataStore.combine(inlineDocs);
  // One file, however many elements show it: combined once, and in a task of its own — every element waiting
  // for the file resumes in the same task, and five stores of a 10 MB file built there froze the page for seconds.
  const file = fetched[0]!.document;
  await pause();
  let store = singleFileStores.get(file);
  if (!store) singleFileStores.set(file, (store = DataStore.combine(fetched)));
  return store;
}

/** Stores of one fetched file, shared by the elements showing it (a store does not change once combined). */
const singleFileStores = new WeakMap<KreisdossierDocument, DataStore>();

