/**
 * Where `kreisdossier dossier` reads from: the package's own folder (for dist/ and, in a checkout of the
 * repository, the nationwide data in demo/data/de/), a source catalogue folder, and the files it lists.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../src/format/catalogue-schema.js';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { CliError, t, type Lang } from '../cli-shared.js';
import { decode } from '../decode.js';
import { readInputFile } from '../limits.js';
import { readDocument } from '../read-document.js';

/** The catalogue's file name, in the source folder and in the output. */
export const CATALOGUE_FILE = 'katalog.json';

/**
 * The package's root folder: the first folder above this module with the package's package.json. The same
 * from the compiled tests (build/node/data-adapters/dossier/), the shipped command (dist/cli/) and an install.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'kreisdossier') return dir;
      } catch {
        // another package.json that is no JSON: keep looking above
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kreisdossier: package.json of the package not found above the command');
    dir = parent;
  }
}

/** The source folder: --data, else the nationwide data of a checkout (demo/data/de/, built by `npm run data`). */
export function sourceFolder(data: string | undefined, lang: Lang): string {
  if (data !== undefined) {
    if (!existsSync(data) || !statSync(data).isDirectory()) {
      throw new CliError(t(lang, `--data ${data}: diesen Ordner gibt es nicht`, `--data ${data}: there is no such folder`));
    }
    if (!existsSync(join(data, CATALOGUE_FILE))) {
      throw new CliError(
        t(
          lang,
          `--data ${data}: der Ordner hat keine ${CATALOGUE_FILE}. Gemeint ist ein Datenordner mit Katalog, wie ihn „kreisdossier catalogue“ schreibt.`,
          `--data ${data}: the folder has no ${CATALOGUE_FILE}. It should be a data folder with a catalogue, as written by "kreisdossier catalogue".`,
        ),
      );
    }
    return data;
  }
  const fallback = join(packageRoot(), 'demo', 'data', 'de');
  if (existsSync(join(fallback, CATALOGUE_FILE))) return fallback;
  throw new CliError(
    t(
      lang,
      `Keine Daten gefunden: Geben Sie mit --data ORDNER einen Datenordner mit ${CATALOGUE_FILE} an, oder holen Sie die Zahlen mit --fetch direkt von regionalstatistik.de. ` +
        `Im Repository von kreisdossier erzeugt „npm run data“ die bundesweiten Daten in demo/data/de/ (hier fehlen sie: ${fallback}).`,
      `No data found: name a data folder with ${CATALOGUE_FILE} with --data FOLDER, or fetch the numbers from regionalstatistik.de with --fetch. ` +
        `In a checkout of the kreisdossier repository, "npm run data" builds the nationwide data in demo/data/de/ (missing here: ${fallback}).`,
    ),
  );
}

/** A file's text as UTF-8, its problems (missing, too large, not UTF-8) naming the file. */
export function readText(path: string, lang: Lang): string {
  try {
    return decode(readInputFile(path), 'utf-8').text;
  } catch (error) {
    if (error instanceof AdapterError) throw new CliError(`${path}: ${error.reason[lang]}`);
    throw error;
  }
}

/** A JSON file's value; its problems (missing, too large, not UTF-8, not JSON) naming the file. */
export function readJson(path: string, lang: Lang): unknown {
  const text = readText(path, lang);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path}: ${t(lang, 'kein gültiges JSON', 'not valid JSON')}: ${(error as Error).message}`);
  }
}

/** The source catalogue, validated. */
export function readCatalogue(folder: string, lang: Lang): Catalogue {
  const path = join(folder, CATALOGUE_FILE);
  const result = validateCatalogue(readJson(path, lang));
  if (!result.valid) throw new CliError(result.problems.map((p) => `${path}: ${p.path}: ${p.message[lang]}`).join('\n'));
  return result.catalogue;
}

/** A kreisdossier file of the catalogue, validated with the format's validator (as `validate` reads it). */
export function readDocumentFile(path: string, lang: Lang): KreisdossierDocument {
  try {
    return readDocument(path, lang);
  } catch (error) {
    if (error instanceof AdapterError) throw new CliError(`${path}: ${error.reason[lang]}`);
    throw error;
  }
}
