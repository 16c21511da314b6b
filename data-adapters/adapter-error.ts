/**
 * Malformed input or missing metadata: the CLI prints `FILE:LINE: reason` in
 * the user's language and writes nothing. Every reason is given in German
 * and English; `message` holds the English one (for stack traces and tests).
 */
export interface Reason {
  de: string;
  en: string;
}

export class AdapterError extends Error {
  readonly reason: Reason;

  constructor(
    reason: Reason,
    readonly line?: number,
  ) {
    super(reason.en);
    this.name = 'AdapterError';
    this.reason = reason;
  }
}
