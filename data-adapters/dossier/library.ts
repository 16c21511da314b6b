/**
 * The library files a dossier page loads, taken from the package's dist/: the one-file bundle and what it
 * fetches beside itself (MapLibre and its worker, found from the bundle's own `new URL(…, import.meta.url)`
 * references, so a later build that adds a file is followed), plus the licence texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CliError, t, type Lang } from '../cli-shared.js';

export const BUNDLE = 'kreisdossier.bundle.js';

export interface LibraryFile {
  /** Path inside the output's kreisdossier/ folder. */
  path: string;
  content: Buffer;
}

/** Asset references in built code: `new URL("maplibre/maplibre-gl.mjs",import.meta.url)`. */
const ASSET = /new URL\((["'])([^"'\\]+)\1,\s*import\.meta\.url\)/g;

export function libraryFiles(root: string, lang: Lang): LibraryFile[] {
  const dist = join(root, 'dist');
  const missing = (file: string) =>
    new CliError(
      t(
        lang,
        `${join(dist, file)} fehlt: Die Bibliothek ist nicht gebaut. Im Repository baut „npm run build“ den Ordner dist/; das npm-Paket bringt ihn mit.`,
        `${join(dist, file)} is missing: the library is not built. In the repository, "npm run build" builds dist/; the npm package ships it.`,
      ),
    );
  const read = (file: string) => {
    const path = join(dist, file);
    if (!existsSync(path)) throw missing(file);
    return readFileSync(path);
  };
  const bundle = read(BUNDLE).toString('utf8');
  const files: LibraryFile[] = [
    // Without its source map (1.9 MB, only for DevTools): the comment would make DevTools ask for a missing file.
    { path: BUNDLE, content: Buffer.from(bundle.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')) },
  ];
  const assets = [...new Set([...bundle.matchAll(ASSET)].map((m) => posix.normalize(m[2]!)))];
  for (const asset of assets) {
    if (asset.startsWith('..') || posix.isAbsolute(asset)) throw new CliError(`${BUNDLE}: ${asset}`);
    files.push({ path: asset, content: read(asset) });
    // A third-party folder keeps its licence text (maplibre/LICENSE.txt).
    const licence = posix.join(posix.dirname(asset), 'LICENSE.txt');
    if (posix.dirname(asset) !== '.' && !files.some((f) => f.path === licence) && existsSync(join(dist, licence))) files.push({ path: licence, content: read(licence) });
  }
  // kreisdossier's own licence (EUPL-1.2), which travels with the code.
  const own = join(root, 'LICENSE');
  if (existsSync(own)) files.push({ path: 'LICENSE.txt', content: readFileSync(own) });
  return files;
}
