import { problem } from '../format/problem.js';
import type { KreisdossierDocument } from '../format/types.js';
import { DataError } from './data-error.js';
import { fetchSource, type LoadedSource } from './fetch-document.js';

/**
 * One request per URL per page, however many elements use it. Failed loads
 * are forgotten so that a retry fetches again. The cache lives on `globalThis`
 * under a symbol so two copies of the bundle on one page share it.
 */
const KEY = Symbol.for('kreisdossier.documentCache.v2');
const g = globalThis as unknown as Record<symbol, Map<string, Promise<LoadedSource>> | undefined>;
const cache: Map<string, Promise<LoadedSource>> = (g[KEY] ??= new Map());

/** Absolute URL of `src` relative to the page (what the cache is keyed by). */
export function absoluteUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

/** A data file or a catalogue, fetched once per page. */
export function loadSource(src: string, timeoutMs?: number, reload = false): Promise<LoadedSource> {
  const url = absoluteUrl(src);
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchSource(url, timeoutMs, reload ? 'reload' : 'default');
    cache.set(url, pending);
    pending.catch(() => {
      if (cache.get(url) === pending) cache.delete(url);
    });
  }
  return pending;
}

/** A data file; a catalogue where a data file belongs (listed in a catalogue, or beside other files) is an error. */
export async function loadDocument(src: string, timeoutMs?: number, reload = false): Promise<KreisdossierDocument> {
  const source = await loadSource(src, timeoutMs, reload);
  if (source.kind === 'document') return source.document;
  const url = absoluteUrl(src);
  throw new DataError('schema', { source: url, problems: [{ ...problem(['kreisdossierCatalogue'], 'catalogue-alone'), source: url }] });
}

/** Drops one URL (or everything) so the next load fetches again. */
export function forgetDocument(src?: string): void {
  if (src === undefined) cache.clear();
  else cache.delete(absoluteUrl(src));
}
