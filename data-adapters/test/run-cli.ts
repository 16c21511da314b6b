/** The `kreisdossier` command run in-process for tests, with a German terminal and its output captured. */
import { main } from '../cli.js';

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, { LANG: 'de_DE.UTF-8' });
  return { code, out, err };
}
