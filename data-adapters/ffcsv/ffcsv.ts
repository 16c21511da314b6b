/**
 * GENESIS flat file (ffcsv) → kreisdossier document, from bytes or from a
 * stream. Both layouts (2024 and legacy, see ffcsv-layout.ts) are read with
 * csv-parse; every record goes straight to the converter, so no list of
 * records is ever built.
 */
import { parse as parseStream, CsvError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { AdapterError, csvErrorReason } from '../adapter-error.js';
import { MAX_LINE_BYTES } from '../limits.js';
import { decode } from '../decode.js';
import type { ImportResult } from '../types.js';
import { FfcsvConverter, type FfcsvOptions } from './ffcsv-convert.js';
import { DecodeStream } from './ffcsv-decode-stream.js';

export { detectFfcsvLayout, type FfcsvLayoutKind } from './ffcsv-layout.js';
export type { FfcsvOptions } from './ffcsv-convert.js';

/** Parser options shared by both paths (and by the benchmark's baseline). */
export const CSV_OPTIONS = {
  delimiter: ';',
  bom: true,
  // Cell counts are checked by the converter, with the line and a clearer message.
  relax_column_count: true,
  // Labels may contain a stray quote; GENESIS does not quote fields.
  relax_quotes: true,
  // A flat file's lines have a few hundred bytes; an endless "line" (a binary file, no line ends) is refused.
  max_record_size: MAX_LINE_BYTES,
} satisfies Options;

/** Line breaks inside (quoted) fields, so that line numbers stay exact. */
function breaksInside(record: string[]): number {
  let breaks = 0;
  for (const field of record) for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) breaks++;
  return breaks;
}

/** Parser errors (an unclosed quote, …) become AdapterErrors with their line. */
function adapterError(error: unknown): unknown {
  if (error instanceof AdapterError) return error;
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new AdapterError(csvErrorReason(error), line);
  }
  return error;
}

export function importFfcsv(bytes: Uint8Array, options: FfcsvOptions = {}): ImportResult {
  let text: string;
  let encoding: string;
  ({ text, encoding } = decode(bytes, options.encoding));
  const converter = new FfcsvConverter(options);
  try {
    // on_record hands each record over and keeps none, so no array of records is built.
    parseSync(text, {
      ...CSV_OPTIONS,
      on_record: (record: string[], info) => {
        converter.record(record, info.lines);
        return null;
      },
    });
  } catch (error) {
    throw adapterError(error);
  }
  return converter.finish(/[\r\n]$/.test(text), encoding);
}

/** Same as importFfcsv, reading the file as it streams in; memory holds only the growing document. */
export async function importFfcsvStream(input: NodeJS.ReadableStream, options: FfcsvOptions = {}): Promise<ImportResult> {
  const converter = new FfcsvConverter(options);
  const decoder = new DecodeStream(options.encoding);
  // The converter's own error, as tearing down the pipeline may report an AbortError instead.
  let failure: unknown;
  try {
    // Records are taken as they come (csv-parse's `info` per record would cost a third of the time); the line is counted here.
    await pipeline(input as Readable, decoder, parseStream(CSV_OPTIONS), async (records: AsyncIterable<string[]>) => {
      let line = 0;
      try {
        for await (const record of records) {
          line += 1 + breaksInside(record);
          converter.record(record, line);
        }
      } catch (error) {
        failure ??= error;
        throw error;
      }
    });
  } catch (error) {
    throw adapterError(failure ?? error);
  }
  return converter.finish(decoder.endsWithLineBreak, decoder.encoding ?? 'utf-8');
}
