/**
 * Reading kreisdossier files for the commands that take them as input (validate, export, merge, compute, split,
 * catalogue): UTF-8 only (a BOM is dropped, as browsers do), at most MAX_FILE_BYTES, validated.
 */
import type { KreisdossierDocument } from '../src/format/types.js';
import { parseDocument } from '../src/format/validate.js';
import { AdapterError } from './adapter-error.js';
import { CliError, type Lang } from './cli-shared.js';
import { decode, NOT_UTF8, UTF16 } from './decode.js';
import { readInputFile } from './limits.js';

/**
 * A kreisdossier file's text. decode's advice for publisher files (--encoding latin1, or saving as Latin-1)
 * does not fit a kreisdossier file, which is always UTF-8: those two reasons are reworded.
 */
export function documentText(file: string): string {
  try {
    return decode(readInputFile(file), 'utf-8').text;
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    if (error.reason === UTF16) {
      throw new AdapterError({ de: 'die Datei ist UTF-16-kodiert: kreisdossier-Dateien sind UTF-8', en: 'the file is UTF-16 encoded: kreisdossier files are UTF-8' }, error.line);
    }
    if (error.reason === NOT_UTF8) {
      throw new AdapterError({ de: 'die Datei ist kein gültiges UTF-8: kreisdossier-Dateien sind UTF-8', en: 'the file is not valid UTF-8: kreisdossier files are UTF-8' }, error.line);
    }
    throw error;
  }
}

/** A valid kreisdossier document, or a CliError listing every problem as `FILE: $.path: reason`. */
export function readDocument(file: string, lang: Lang): KreisdossierDocument {
  const result = parseDocument(documentText(file));
  if (!result.valid) throw new CliError(result.problems.map((p) => `${file}: ${p.path}: ${p.message[lang]}`).join('\n'));
  return result.document;
}
