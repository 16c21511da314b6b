/**
 * The flat file out of the service's ZIP. The service writes a streaming ZIP (sizes in data descriptors
 * after each entry, not in its local header), which naive readers get wrong; fflate reads the central
 * directory instead. Exactly one file is expected: none or several are reported, not guessed between.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { t, type Lang } from '../cli-shared.js';
import { FetchProblem } from './statuses.js';

/** The flat file is decoded as one string later: stay well below V8's ~512 MiB string limit. */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;

export function unzipFlatFile(zip: Uint8Array, table: string, lang: Lang): { name: string; bytes: Uint8Array } {
  const broken = (detail: string) =>
    new FetchProblem(`${table}: ${t(lang, `die ZIP-Datei des Dienstes ist beschädigt oder unvollständig (${detail})`, `the service's ZIP file is damaged or incomplete (${detail})`)}`);
  // First pass: the list of entries only (the filter extracts nothing).
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(zip, { filter: (file) => (entries.push(file), false) });
  } catch (error) {
    throw broken((error as Error).message);
  }
  const files = entries.filter((e) => !e.name.endsWith('/'));
  if (files.length !== 1) {
    const names = files.map((f) => f.name).join(', ');
    throw new FetchProblem(
      `${table}: ${t(
        lang,
        files.length === 0 ? 'die ZIP-Datei des Dienstes enthält keine Datei' : `die ZIP-Datei des Dienstes enthält ${files.length} Dateien statt einer (${names})`,
        files.length === 0 ? "the service's ZIP file holds no file" : `the service's ZIP file holds ${files.length} files instead of one (${names})`,
      )}`,
    );
  }
  const file = files[0]!;
  if (file.originalSize > MAX_UNZIPPED_BYTES) {
    throw new FetchProblem(
      `${table}: ${t(
        lang,
        `die Tabelle ist entpackt ${Math.round(file.originalSize / 2 ** 20)} MiB groß, zu groß für eine kreisdossier-Datei: bitte die Auswahl verkleinern (--region, --from/--to)`,
        `the table is ${Math.round(file.originalSize / 2 ** 20)} MiB unpacked, too large for a kreisdossier file: please narrow the selection (--region, --from/--to)`,
      )}`,
    );
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = unzipSync(zip, { filter: (f) => f.name === file.name })[file.name];
  } catch (error) {
    throw broken((error as Error).message);
  }
  if (!bytes || bytes.length !== file.originalSize) throw broken(t(lang, 'Größe stimmt nicht', 'size mismatch'));
  return { name: file.name, bytes };
}
