/**
 * Malformed input or missing metadata: the CLI prints `FILE:LINE: reason` in
 * the user's language and writes nothing. Every reason is given in German
 * and English; `message` holds the English one (for stack traces and tests).
 */
import { MAX_LINE_BYTES, mib } from './sizes.js';

export interface Reason {
  de: string;
  en: string;
}

export class AdapterError extends Error {
  readonly reason: Reason;
  /** The file `line` refers to, relative to the input file's folder, when it is another file (a data package's CSV). */
  file?: string;

  constructor(
    reason: Reason,
    readonly line?: number,
  ) {
    super(reason.en);
    this.name = 'AdapterError';
    this.reason = reason;
  }
}

/** The reason for a csv-parse error, in words (csv-parse's own message names the internals). */
export function csvErrorReason(error: unknown): Reason {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { de: 'ein Anführungszeichen wird nicht geschlossen: die Datei ist vermutlich abgeschnitten', en: 'Quote not closed: the file is probably truncated' };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return { de: 'ein Anführungszeichen steht mitten in einem Feld', en: 'Quote in the middle of a field' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { de: 'nach einem schließenden Anführungszeichen folgt kein Trennzeichen', en: 'Quote closed but not followed by a delimiter' };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        de: `eine Zeile ist zu lang (über ${mib(MAX_LINE_BYTES)} MiB): keine Tabelle dieses Formats, oder ein Zeilenende fehlt`,
        en: `a line is too long (over ${mib(MAX_LINE_BYTES)} MiB): not a table of this format, or line ends are missing`,
      };
    default: {
      const m = String(message ?? error);
      return { de: `CSV-Fehler: ${m}`, en: `CSV: ${m}` };
    }
  }
}
