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
import type { Encoding } from '../decode.js';

const hasHighByte = (chunk: Uint8Array): boolean => {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! > 0x7f) return true;
  return false;
};

export class DecodeStream extends Transform {
  /** Decided encoding; undefined while only ASCII was seen. */
  encoding?: Encoding;
  private utf8?: TextDecoder;
  private cp1252?: TextDecoder;
  private lastByte = -1;
  private lines = 1;

  constructor(encoding?: Encoding) {
    super();
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
    try {
      if (this.encoding === undefined && hasHighByte(chunk)) this.decide(chunk);
      if (this.encoding === 'windows-1252') this.push(Buffer.from(this.cp1252!.decode(chunk, { stream: true }), 'utf8'));
      else {
        // Validates only (fatal decoder); the parser reads the bytes themselves.
        if (this.utf8) this.utf8.decode(chunk, { stream: true });
        this.push(chunk);
      }
    } catch {
      return callback(new AdapterError({ de: 'die Datei ist kein gültiges UTF-8 (gemischte Kodierungen?): bitte --encoding windows-1252 angeben', en: 'the file is not valid UTF-8 (mixed encodings?): pass --encoding windows-1252' }, this.lines));
    }
    this.lastByte = chunk[chunk.length - 1]!;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) this.lines++;
    callback();
  }

  private decide(chunk: Buffer): void {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
      this.use('utf-8');
    } catch {
      this.use('windows-1252');
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.utf8) this.utf8.decode();
    } catch {
      return callback(new AdapterError({ de: 'die Datei endet mitten in einem UTF-8-Zeichen: sie ist vermutlich abgeschnitten', en: 'the file ends inside a UTF-8 character: it is probably truncated' }, this.lines));
    }
    callback();
  }
}
