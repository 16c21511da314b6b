/** Malformed input: the CLI prints `FILE:LINE: reason` and writes nothing. */
export class AdapterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'AdapterError';
  }
}
