/**
 * Everything elements need to read a catalogue, in one module loaded on demand: a page whose elements read
 * data files never downloads it (see catalogue-loader.ts).
 */
export { loadFromCatalogue, selectionKey } from './catalogue-data.js';
export { validateCatalogue } from '../format/catalogue-validate.js';
export { chartSelection, defaultSelection, mapSelection, pickerSelection } from './catalogue-views.js';
export { ancestorKeys, dossierFor, neighbourRegions, similarRegions, topicsWithData } from '../format/catalogue-select.js';
export { dossierSelection, mayOffer, PAGE_LEVELS, viewTopics } from '../themen-dossier/dossier-catalogue.js';

/** Without an element's own choice: every data file. */
export function everything({ catalogue }: import('./catalogue-data.js').LoadedCatalogue): import('./catalogue-data.js').CatalogueSelection {
  return { files: catalogue.data.map((f) => f.url), geometry: catalogue.geometry, regionFiles: [] };
}
