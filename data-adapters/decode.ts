/**
 * Publisher files come as UTF-8 (with or without BOM) or as Latin-1 (older
 * GENESIS exports). UTF-8 is tried strictly first; a file that is not valid
 * UTF-8 is read as Windows-1252, the superset of Latin-1 browsers and
 * GENESIS use.
 *
 * Refused with a reason instead of read as garbage: UTF-16 (byte order mark),
 * binary files (NUL bytes), UTF-8 cut off inside a character, and UTF-8
 * letters in a file read as Windows-1252 (mixed encodings, or --encoding
 * latin1 for a UTF-8 file), which would turn every "ö" into "Ã¶".
 */
import { AdapterError, type Reason } from './adapter-error.js';

export type Encoding = 'utf-8' | 'windows-1252';

/** 1-based line of the first byte sequence that is not UTF-8. */
function firstInvalidLine(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const lineAt = (bytes: Uint8Array, at: number): number => {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
};

/** A UTF-16 byte order mark (little or big endian). */
export const hasUtf16Bom = (bytes: Uint8Array): boolean => bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

export const UTF16: Reason = {
  de: 'die Datei ist UTF-16-kodiert: bitte als UTF-8 (oder Latin-1) speichern',
  en: 'the file is UTF-16 encoded: save it as UTF-8 (or Latin-1)',
};
export const BINARY: Reason = {
  de: 'die Datei enthält NUL-Bytes: sie ist keine Textdatei (eine Binärdatei wie ZIP, Excel oder ein Bild, oder UTF-16 ohne Kennung?)',
  en: 'the file contains NUL bytes: it is not a text file (a binary file such as ZIP, Excel or an image, or UTF-16 without a byte order mark?)',
};
export const TRUNCATED_UTF8: Reason = {
  de: 'die Datei endet mitten in einem UTF-8-Zeichen: sie ist vermutlich abgeschnitten',
  en: 'the file ends inside a UTF-8 character: it is probably truncated',
};

/**
 * Index of the first UTF-8 encoded letter of Latin-1 (Ä, ö, ü, ß, é …: bytes C3 80–BF). Text
 * read as Windows-1252 never has them ("Ã" followed by a symbol), so such a file is UTF-8, wholly
 * or in parts: reading it as Windows-1252 would turn "ö" into "Ã¶" in every name.
 */
export function utf8LetterAt(bytes: Uint8Array, from = 0): number {
  for (let i = bytes.indexOf(0xc3, from); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(0xc3, i + 1)) {
    if (bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0xbf) return i;
  }
  return -1;
}

export function mixedEncoding(utf8Line: number, otherLine: number): Reason {
  return {
    de: `die Datei mischt Kodierungen: Zeile ${utf8Line} ist UTF-8, Zeile ${otherLine} nicht; bitte einheitlich als UTF-8 speichern`,
    en: `the file mixes encodings: line ${utf8Line} is UTF-8, line ${otherLine} is not; save it as UTF-8 throughout`,
  };
}

/** A file declared UTF-8 (--encoding utf-8) that is not; the advice suits publisher files, not kreisdossier files. */
export const NOT_UTF8: Reason = {
  de: 'die Datei ist kein gültiges UTF-8: bitte --encoding latin1 angeben',
  en: 'the file is not valid UTF-8: pass --encoding latin1',
};

export const UTF8_NOT_LATIN1: Reason = {
  de: 'die Datei ist UTF-8-kodiert, nicht Latin-1: bitte --encoding weglassen oder utf-8 angeben',
  en: 'the file is UTF-8 encoded, not Latin-1: leave out --encoding or pass utf-8',
};

/** The UTF-8 byte order mark EF BB BF. */
export const hasUtf8Bom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function windows1252(bytes: Uint8Array, explicit: boolean): DecodedText {
  const letter = hasUtf8Bom(bytes) ? 0 : utf8LetterAt(bytes);
  if (letter >= 0) {
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      valid = false;
    }
    if (valid && explicit) throw new AdapterError(UTF8_NOT_LATIN1, lineAt(bytes, letter));
    if (!valid) throw new AdapterError(mixedEncoding(lineAt(bytes, letter), firstInvalidLine(bytes)), firstInvalidLine(bytes));
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

export function decode(bytes: Uint8Array, encoding?: Encoding | 'latin1' | 'iso-8859-1'): DecodedText {
  if (hasUtf16Bom(bytes)) throw new AdapterError(UTF16, 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new AdapterError(BINARY, lineAt(bytes, nul));
  if (encoding && encoding !== 'utf-8') return windows1252(bytes, true);
  try {
    // ignoreBOM: false (default) drops a leading BOM
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Valid UTF-8 with letters beyond ASCII, but for an incomplete character at the very end: cut off.
    try {
      const head = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
      if (/[^\u0000-\u007f\ufeff]/.test(head)) throw new AdapterError(TRUNCATED_UTF8, lineAt(bytes, bytes.length));
    } catch (error) {
      if (error instanceof AdapterError) throw error;
    }
    if (encoding === 'utf-8') throw new AdapterError(NOT_UTF8, firstInvalidLine(bytes));
    return windows1252(bytes, false);
  }
}
