/** The import formats of `kreisdossier import`, each reading a file into a document. */
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { importCsv } from './csv/csv-import.js';
import { importDataPackage } from './csv/datapackage-import.js';
import { parseCsvMapping } from './csv/mapping.js';
import { importFfcsvStream, type FfcsvOptions } from './ffcsv/ffcsv.js';
import { importJsonStat, type JsonStatImportOptions } from './jsonstat/jsonstat-import.js';
import { parseJson } from './jsonstat/jsonstat-read.js';
import { readInputFile } from './limits.js';
import { importGenesisTable, type GenesisMapping } from './genesis/genesis-import.js';
import type { ImportOptions, ImportResult } from './types.js';

export interface AdapterCall {
  file: string;
  options: ImportOptions;
  /** Parsed --mapping file, adapter-specific. */
  mapping?: unknown;
  /** --table: the publisher's table code, for formats that do not carry it. */
  table?: string | undefined;
}

export const ADAPTERS = {
  genesis: async ({ file, options, mapping }: AdapterCall): Promise<ImportResult> =>
    importGenesisTable(readInputFile(file), { ...options, ...(mapping ? { mapping: mapping as GenesisMapping } : {}) }),
  /** Streams the file (no size limit); the mapping file may set regionVariable and decimalSeparator. */
  ffcsv: async ({ file, options, mapping, table }: AdapterCall): Promise<ImportResult> =>
    importFfcsvStream(createReadStream(file), { ...options, ...((mapping ?? {}) as FfcsvOptions), ...(table ? { tableCode: table } : {}) }),
  /** The mapping file holds JSON-stat options: geoDimension, timeDimension, metricDimension, regionKeys, region, period, statusSymbols, genesisStatus. */
  jsonstat: async ({ file, options, mapping }: AdapterCall): Promise<ImportResult> =>
    importJsonStat(readInputFile(file), { ...options, ...((mapping ?? {}) as JsonStatImportOptions) }),
  csv: async ({ file, options, mapping }: AdapterCall): Promise<ImportResult> =>
    importCsv(readInputFile(file), { ...options, ...(mapping ? { mapping: parseCsvMapping(mapping) } : {}) }),
  datapackage: async ({ file, options, mapping, table }: AdapterCall): Promise<ImportResult> =>
    importDataPackage(parseJson(readInputFile(file)), (path) => readInputFile(join(dirname(file), path)), {
      ...options,
      ...(mapping ? { mapping: parseCsvMapping(mapping) } : {}),
      ...(table ? { resource: table } : {}),
    }),
} satisfies Record<string, (call: AdapterCall) => Promise<ImportResult>>;

export type AdapterName = keyof typeof ADAPTERS;
