import type { KreisdossierDocument } from '../format/types.js';
import { fetchDocument } from './fetch-document.js';

/**
 * One request per URL per page, however many elements use it. Failed loads
 * are forgotten so that a retry fetches again. The cache lives on `globalThis`
 * under a symbol so two copies of the bundle on one page share it.
 */
const KEY = Symbol.for('kreisdossier.documentCache.v1');
const g = globalThis as unknown as Record<symbol, Map<string, Promise<KreisdossierDocument>> | undefined>;
const cache: Map<string, Promise<KreisdossierDocument>> = (g[KEY] ??= new Map());

/** Absolute URL of `src` relative to the page (what the cache is keyed by). */
export function absoluteUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

export function loadDocument(src: string, timeoutMs?: number, reload = false): Promise<KreisdossierDocument> {
  const url = absoluteUrl(src);
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchDocument(url, timeoutMs, reload ? 'reload' : 'default');
    cache.set(url, pending);
    pending.catch(() => {
      if (cache.get(url) === pending) cache.delete(url);
    });
  }
  return pending;
}

/** Drops one URL (or everything) so the next load fetches again. */
export function forgetDocument(src?: string): void {
  if (src === undefined) cache.clear();
  else cache.delete(absoluteUrl(src));
}
