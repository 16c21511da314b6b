/**
 * Publisher files come as UTF-8 (with or without BOM) or as Latin-1 (older
 * GENESIS exports). UTF-8 is tried strictly first; a file that is not valid
 * UTF-8 is read as Windows-1252, the superset of Latin-1 browsers and
 * GENESIS use.
 */
export type Encoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

export function decode(bytes: Uint8Array, encoding?: Encoding | 'latin1' | 'iso-8859-1'): DecodedText {
  if (encoding && encoding !== 'utf-8') return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  try {
    // ignoreBOM: false (default) drops a leading BOM
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch (error) {
    if (encoding === 'utf-8') throw error;
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
