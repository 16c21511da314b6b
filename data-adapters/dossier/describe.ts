/**
 * A kreisdossier data file as a catalogue entry, with the `catalogue` command's own coverage rules (so a folder
 * described here and one catalogued by that command agree). `dossier --fetch` describes the files it fetched
 * with it, and the tests build their catalogue folders with it.
 */
import type { CatalogueDataFile } from '../../src/format/catalogue-schema.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { dataCoverage } from '../catalogue/coverage.js';

/** `document` must have observations (a fetched table without values is refused before). */
export function describeDataFile(document: KreisdossierDocument, url: string, bytes: number): CatalogueDataFile {
  return { url, bytes, dataset: document.dataset.id, ...dataCoverage(document) };
}
