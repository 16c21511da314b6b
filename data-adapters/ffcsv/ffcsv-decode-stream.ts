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
  /** Line of the first byte that is not UTF-8 (checked in every mode, like decode.ts checks the whole file). */
  private invalidLine?: number;
  /** Line of the first UTF-8 encoded letter (Ä, ö, ß …). */
  private utf8LetterLine?: number;
  /** Checks every chunk for UTF-8 validity, whatever the stream decodes as. */
  private readonly validator = new TextDecoder('utf-8', { fatal: true });
  private validatorFailed = false;

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
    // What decode.ts judges for a whole file, judged chunk by chunk: where UTF-8 letters are, where bytes are not UTF-8.
    if (this.utf8LetterLine === undefined) {
      const letter = (this.lastByte === -1 && hasUtf8Bom(chunk)) || (this.lastByte === 0xc3 && chunk[0]! >= 0x80 && chunk[0]! <= 0xbf) ? 0 : utf8LetterAt(chunk);
      if (letter >= 0) this.utf8LetterLine = this.lines + countLineBreaks(chunk.subarray(0, letter));
    }
    if (!this.validatorFailed && hasHighByte(chunk)) {
      try {
        this.validator.decode(chunk, { stream: true });
      } catch {
        this.validatorFailed = true;
        // The line of the first byte that is not UTF-8 (a lenient decode marks it with U+FFFD; once per file).
        const text = new TextDecoder('utf-8').decode(chunk);
        this.invalidLine ??= this.lines + (text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).match(/\n/g)?.length ?? 0);
      }
    }
    // UTF-8 letters and bytes that are not UTF-8 in one file: no single encoding reads it right.
    if (this.utf8LetterLine !== undefined && this.invalidLine !== undefined) {
      return callback(new AdapterError(mixedEncoding(this.utf8LetterLine, this.invalidLine), Math.max(this.utf8LetterLine, this.invalidLine)));
    }
    // Told to read Latin-1, the file has UTF-8 letters (as far as read): each would turn into "Ã¶".
    if (this.explicit && this.encoding === 'windows-1252' && this.utf8LetterLine !== undefined) {
      return callback(new AdapterError(UTF8_NOT_LATIN1, this.utf8LetterLine));
    }
    try {
      if (this.encoding === undefined && hasHighByte(chunk)) this.use(this.invalidLine === undefined ? 'utf-8' : 'windows-1252');
      if (this.encoding === 'windows-1252') this.push(Buffer.from(this.cp1252!.decode(chunk, { stream: true }), 'utf8'));
      else {
        // Validates only (fatal decoder); the parser reads the bytes themselves.
        if (this.utf8) this.utf8.decode(chunk, { stream: true });
        this.push(chunk);
      }
    } catch {
      return callback(new AdapterError({ de: 'die Datei ist kein gültiges UTF-8: bitte --encoding latin1 angeben', en: 'the file is not valid UTF-8: pass --encoding latin1' }, this.lines));
    }
    this.lastByte = chunk[chunk.length - 1]!;
    this.lines += countLineBreaks(chunk);
    callback();
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
