/**
 * Where the copied files go. The output's daten/ folder keeps the files' layout relative to each other, so
 * references between them (a data file's boundaries) stay valid; only when a catalogue names files outside
 * its own folder (`../geo/…`) does daten/ start higher up, and the catalogue's URLs are rewritten to match.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CliError, t, type Lang } from '../cli-shared.js';

/** A catalogue URL as a path: relative, without ?query or #anchor, %-escapes decoded. */
export function sourcePath(base: string, url: string, lang: Lang, where = url): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('\\')) {
    throw new CliError(
      t(
        lang,
        `${where}: liegt nicht im Datenordner (${url}). Das Dossier bekommt eine Kopie jeder Datei; eine Datei auf einem anderen Server kann es nicht mitnehmen.`,
        `${where}: is not in the data folder (${url}). The dossier gets a copy of every file; it cannot take a file on another server along.`,
      ),
    );
  }
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    throw new CliError(`${where}: ${t(lang, 'ungültige %-Kodierung in der Adresse', 'invalid %-encoding in the address')} (${url})`);
  }
  return resolve(base, path);
}

export interface Layout {
  /** The folder daten/ stands for. */
  root: string;
  /** A source file's path inside daten/, with "/" separators. */
  target(path: string): string;
  /** The URL a file gets in the output's katalog.json (which lies in daten/). */
  url(original: string, path: string): string;
}

export function layoutFor(catalogueFolder: string, paths: readonly string[]): Layout {
  const folder = resolve(catalogueFolder);
  let root = folder;
  for (const p of paths) while (!inside(root, p)) root = dirname(root);
  return {
    root,
    target: (path) => relative(root, path).split(sep).join('/'),
    url(original, path) {
      if (root === folder) return original;
      const query = /[?#].*$/.exec(original)?.[0] ?? '';
      return `${relative(root, path).split(sep).map(encodeURIComponent).join('/')}${query}`;
    },
  };
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
