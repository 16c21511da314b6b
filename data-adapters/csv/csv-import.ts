/**
 * Plain CSV (`,` `;` or tab; decimal "." or ",") in long or wide shape →
 * kreisdossier document. A plain CSV file says nothing about itself, so title,
 * source, licence, attribution, reference date, unit and topic come from the
 * options or the mapping.
 */
import { decode } from '../decode.js';
import type { ImportOptions, ImportResult } from '../types.js';
import { readCsvTable } from './csv-table.js';
import { parseCsvMapping, type CsvMapping } from './mapping.js';
import { tableToDocument } from './table-import.js';

export interface CsvImportOptions extends ImportOptions {
  mapping?: CsvMapping;
}

export function importCsv(bytes: Uint8Array, options: CsvImportOptions = {}): ImportResult {
  const mapping = parseCsvMapping(options.mapping ?? {});
  const { text } = decode(bytes, options.encoding);
  const table = readCsvTable(text, mapping.delimiter);
  return tableToDocument({ table, mapping }, options);
}
