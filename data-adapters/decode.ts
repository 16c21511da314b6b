/**
 * Publisher files come as UTF-8 (with or without BOM) or as Latin-1 (older
 * GENESIS exports). UTF-8 is tried strictly first; a file that is not valid
 * UTF-8 is read as Windows-1252, the superset of Latin-1 browsers and
 * GENESIS use.
 */
import { AdapterError } from './adapter-error.js';

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

export function decode(bytes: Uint8Array, encoding?: Encoding | 'latin1' | 'iso-8859-1'): DecodedText {
  if (encoding && encoding !== 'utf-8') return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  try {
    // ignoreBOM: false (default) drops a leading BOM
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw new AdapterError({ de: 'die Datei ist kein gültiges UTF-8: bitte --encoding latin1 angeben', en: 'the file is not valid UTF-8: pass --encoding latin1' }, firstInvalidLine(bytes));
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
