/** `kreisdossier fetch`: placeholder until the GENESIS client lands. */
import type { Io, Lang, Values } from '../cli-shared.js';

export const FETCH_HELP: [de: string, en: string] = ['kreisdossier fetch TABELLE…', 'kreisdossier fetch TABLE…'];

export interface FetchCall {
  tables: string[];
  values: Values;
  io: Io;
  lang: Lang;
  env: NodeJS.ProcessEnv;
}

export async function runFetch(call: FetchCall): Promise<number> {
  call.io.stderr('not yet\n');
  return 2;
}
