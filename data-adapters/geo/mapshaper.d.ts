/**
 * The part of mapshaper 0.7.x (CommonJS, no bundled types) that the geometry adapter uses.
 * `applyCommands(argv, files)` runs mapshaper commands on an in-memory file cache and resolves
 * to the files written by `-o`, keyed by file name (Buffers for JSON and binary output).
 */
declare module 'mapshaper' {
  type MapshaperInput = Record<string, string | Uint8Array | object>;
  type MapshaperOutput = Record<string, string | Uint8Array>;
  type LogFunction = (...args: unknown[]) => void;

  interface MapshaperInternal {
    /** A function that puts back the logging functions active when this was called. */
    getLoggingSetter(): () => void;
    /** Replaces the process-wide message / error / stop / warn functions. */
    setLoggingFunctions(message: LogFunction, error: LogFunction, stop: LogFunction, warn: LogFunction): void;
  }

  interface Mapshaper {
    applyCommands(argv: string | string[], input?: MapshaperInput): Promise<MapshaperOutput>;
    internal: MapshaperInternal;
  }

  const mapshaper: Mapshaper;
  export default mapshaper;
}
