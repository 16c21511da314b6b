/** `kreisdossier inspect`: placeholder. */
import type { Io, Lang, Values } from './cli-shared.js';

export const INSPECT_HELP: [de: string, en: string] = ['kreisdossier inspect DATEI', 'kreisdossier inspect FILE'];

export async function runInspect(call: { file: string; values: Values; io: Io; lang: Lang }): Promise<number> {
  call.io.stderr('not yet\n');
  return 2;
}
