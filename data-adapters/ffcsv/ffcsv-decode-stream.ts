/**
 * Streaming counterpart of decode.ts: passes UTF-8 through (the CSV parser
 * reads UTF-8 bytes) and turns Windows-1252 into UTF-8.
 *
 * Without an explicit encoding, the stream stays undecided while it sees only
 * ASCII; the first chunk with other bytes decides: valid UTF-8 → UTF-8,
 * otherwise Windows-1252 (ASCII reads the same in both, so nothing read
 * before is reinterpreted). A file that turns invalid later is refused, as it
 * cannot be re-read from a stream.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { AdapterError } from '../adapter-error.js';
import { BINARY, hasUtf16Bom, hasUtf8Bom, mixedEncoding, TRUNCATED_UTF8, UTF16, UTF8_NOT_LATIN1, utf8LetterAt, type Encoding } from '../decode.js';

const hasHighByte = (chunk: Uint8Array): boolean => {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! > 0x7f) return true;
  return false;
};

function countLineBreaks(chunk: Uint8Array): number {
  let n = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) n++;
  return n;
}

export class DecodeStream extends Transform {
  /** Decided encoding; undefined while only ASCII was seen. */
  encoding?: Encoding;
  private utf8?: TextDecoder;
  private cp1252?: TextDecoder;
  private lastByte = -1;
  private lines = 1;
  private readonly explicit: boolean;
  /** Line of the first byte that is not UTF-8, once the stream reads Windows-1252. */
  private invalidLine?: number;

  constructor(encoding?: Encoding) {
    super();
    this.explicit = encoding !== undefined;
    if (encoding) this.use(encoding);
  }

  /** Whether the input ended with a line break (an unterminated last line may be cut off). */
  get endsWithLineBreak(): boolean {
    return this.lastByte === 0x0a || this.lastByte === 0x0d;
  }

  private use(encoding: Encoding): void {
    this.encoding = encoding;
    if (encoding === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true });
    else this.cp1252 = new TextDecoder('windows-1252');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length === 0) return callback();
    if (this.lastByte === -1 && hasUtf16Bom(chunk)) return callback(new AdapterError(UTF16, 1));
    const nul = chunk.indexOf(0);
    if (nul >= 0) return callback(new AdapterError(BINARY, this.lines + countLineBreaks(chunk.subarray(0, nul))));
    try {
      if (this.encoding === undefined && hasHighByte(chunk)) this.decide(chunk);
      if (this.encoding === 'windows-1252') {
        // UTF-8 letters (Ä, ö, ß: C3 80–BF) never occur in Windows-1252 text: a UTF-8 file, or a mixed one.
        const letter = (this.lastByte === -1 && hasUtf8Bom(chunk)) || (this.lastByte === 0xc3 && chunk[0]! >= 0x80 && chunk[0]! <= 0xbf) ? 0 : utf8LetterAt(chunk);
        if (letter >= 0) {
          const line = this.lines + countLineBreaks(chunk.subarray(0, letter));
          return callback(new AdapterError(this.invalidLine === undefined && this.explicit ? UTF8_NOT_LATIN1 : mixedEncoding(line, this.invalidLine ?? line), line));
        }
        if (this.invalidLine === undefined && hasHighByte(chunk)) this.invalidLine = this.lines;
        this.push(Buffer.from(this.cp1252!.decode(chunk, { stream: true }), 'utf8'));
      } else {
        // Validates only (fatal decoder); the parser reads the bytes themselves.
        if (this.utf8) this.utf8.decode(chunk, { stream: true });
        this.push(chunk);
      }
    } catch {
      return callback(new AdapterError({ de: 'die Datei ist kein gültiges UTF-8 (gemischte Kodierungen?): bitte --encoding windows-1252 angeben', en: 'the file is not valid UTF-8 (mixed encodings?): pass --encoding windows-1252' }, this.lines));
    }
    this.lastByte = chunk[chunk.length - 1]!;
    this.lines += countLineBreaks(chunk);
    callback();
  }

  private decide(chunk: Buffer): void {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
      this.use('utf-8');
    } catch {
      this.use('windows-1252');
      this.invalidLine = this.lines;
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.utf8) this.utf8.decode();
    } catch {
      return callback(new AdapterError(TRUNCATED_UTF8, this.lines));
    }
    callback();
  }
}
