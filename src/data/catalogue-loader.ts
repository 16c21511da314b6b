/**
 * The catalogue code is fetched the first time a `src` turns out to be a catalogue; until then elements know
 * only its types. Once loaded, it is at hand synchronously (renders and property checks cannot wait).
 */
import { DataError } from './data-error.js';

export type CatalogueSupport = typeof import('./catalogue-support.js');

let support: CatalogueSupport | undefined;
let loading: Promise<CatalogueSupport> | undefined;

export function loadCatalogueSupport(): Promise<CatalogueSupport> {
  loading ??= import('./catalogue-support.js').then(
    (module) => (support = module),
    (cause: unknown) => {
      loading = undefined; // a failed fetch (a deploy in progress) is tried again by the next load
      throw new DataError('network', { source: 'kreisdossier (catalogue)', cause });
    },
  );
  return loading;
}

/** The catalogue code; only called where a catalogue has been loaded (and so the code with it). */
export function catalogueSupport(): CatalogueSupport {
  if (!support) throw new Error('kreisdossier: catalogue code used before a catalogue was loaded');
  return support;
}
