/**
 * Size limits, so that an enormous or endless input ends with a message instead of
 * exhausting memory (Node's heap is about 4 GB, and one JSON string can hold at most
 * ~512 MiB, the whole output of an import):
 *
 * - Files read whole (GENESIS tables, CSV, JSON-stat, data packages and their CSV files,
 *   mapping and region-name files, boundary files, kreisdossier files for validate, export
 *   and merge) may have at most MAX_FILE_BYTES (128 MiB); boundary files together as well.
 * - A table read whole (GENESIS table, CSV) may have at most MAX_ROWS (1 000 000) lines.
 * - GENESIS flat files are streamed and have no size limit; one line may have at most
 *   MAX_LINE_BYTES (1 MiB) (real lines have a few hundred bytes).
 * - The `kreisdossier` command writes at most CLI_MAX_OBSERVATIONS (500 000) observations
 *   per import, ≈ 120 MB of JSON: already far more than a page can load, and still a file
 *   `validate`, `export` and `merge` can read. Split larger data by topic, region or period.
 *   With `--within` that counts the observations kept; converting the whole file is bounded by
 *   CLI_MAX_CONVERTED. Used as a library, the adapters have no observation limit unless
 *   `limitObservations` is called.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AdapterError } from './adapter-error.js';
import { parseJson } from './jsonstat/jsonstat-read.js';
import { MAX_LINE_BYTES, mib } from './sizes.js';

export { MAX_LINE_BYTES };

export const MAX_FILE_BYTES = 128 * 1024 * 1024;
export const MAX_ROWS = 1_000_000;
export const CLI_MAX_OBSERVATIONS = 500_000;
/**
 * With `--within`, the limit counts what is written, after the cut: a nationwide file cut to one Kreis is fine.
 * While converting, only a memory guard applies (≈ 1 GB of observations before the cut).
 */
export const CLI_MAX_CONVERTED = 2_000_000;

let maxObservations = Infinity;

/** Sets the most observations one import may write (the CLI: CLI_MAX_OBSERVATIONS). */
export function limitObservations(max: number): void {
  maxObservations = max;
}

const number = (n: number, lang: 'de' | 'en') => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');

/** Throws when an import writes more observations than allowed (`max`: the limit set with `limitObservations`). */
export function checkObservationCount(written: number, max = maxObservations): void {
  if (written <= max) return;
  throw new AdapterError({
    de: `mehr als ${number(max, 'de')} Beobachtungen: zu viele für eine kreisdossier-Datei; bitte die Daten aufteilen (z. B. nach Thema, Region oder Zeitraum)`,
    en: `more than ${number(max, 'en')} observations: too many for one kreisdossier file; split the data (e.g. by topic, region or period)`,
  });
}

/** Throws when a table read whole has more rows than MAX_ROWS. */
export function checkRowCount(rows: number, line?: number): void {
  if (rows <= MAX_ROWS) return;
  throw new AdapterError(
    {
      de: `die Tabelle hat mehr als ${number(MAX_ROWS, 'de')} Zeilen: zu groß, um sie ganz einzulesen; bitte aufteilen`,
      en: `the table has more than ${number(MAX_ROWS, 'en')} lines: too large to read whole; split it`,
    },
    line,
  );
}

/** Throws when files read whole together exceed MAX_FILE_BYTES. */
export function checkFileSize(paths: readonly string[]): void {
  const size = paths.reduce((sum, p) => sum + statSync(p).size, 0);
  if (size > MAX_FILE_BYTES) throw tooLarge(paths.map((p) => basename(p)).join(', '), size, MAX_FILE_BYTES);
}

function tooLarge(names: string, size: number, limit: number): AdapterError {
  const more = size > limit && size - limit < 1024 * 1024 ? '>' : '';
  return new AdapterError({
    de: `${names}: zu groß (${more}${mib(size)} MiB; ganz eingelesen werden höchstens ${mib(limit)} MiB): bitte die Datei aufteilen oder verkleinern`,
    en: `${names}: too large (${more}${mib(size)} MiB; at most ${mib(limit)} MiB are read whole): split or reduce the file`,
  });
}

/** Reads a file whole, after checking its size; a pipe or device (size unknown, maybe endless) only up to the limit. */
export function readInputFile(path: string): Buffer {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new AdapterError({ de: `${basename(path)} ist ein Ordner, keine Datei`, en: `${basename(path)} is a folder, not a file` });
  if (stat.isFile()) {
    checkFileSize([path]);
    return readFileSync(path);
  }
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, size);
      size += n;
      if (size > MAX_FILE_BYTES) throw tooLarge(basename(path), size, MAX_FILE_BYTES);
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a JSON file given with a flag (--mapping, --region-names); its problems name the file and the flag. */
export function readJsonFile(path: string, flag: string): unknown {
  try {
    return parseJson(readInputFile(path));
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    const at = `${path}${error.line ? `:${error.line}` : ''}`;
    throw new AdapterError({ de: `${flag} ${at}: ${error.reason.de}`, en: `${flag} ${at}: ${error.reason.en}` });
  }
}
