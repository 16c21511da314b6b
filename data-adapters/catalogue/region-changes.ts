/**
 * Kreis keys the current boundaries no longer have (dissolved or merged Kreise), for the catalogue's
 * `regionChanges`: every Kreis key with observations but no Kreis boundary, and every key of the known-changes
 * file (`--region-changes`, e.g. data-adapters/region-changes.json) that the data hold. Successors and dates come
 * only from that file, which cites an official source for each; the others get a note saying what the files
 * still hold and nothing more (nothing is guessed).
 */
import type { RegionChange } from '../../src/format/catalogue-schema.js';
import type { LocalizedText } from '../../src/format/types.js';
import { DATE_PATTERN, REGION_KEY_PATTERN } from '../../src/format/vocabulary.js';
import { AdapterError } from '../adapter-error.js';
import { isObject } from '../common.js';
import type { KeyHistory } from './collect.js';

export interface KnownChange {
  key: string;
  name: string;
  successors?: string[];
  date?: string;
  note: { de: string; en: string };
  source: string;
}

/** The known-changes file: `{ "changes": [{ key, name, successors?, date?, note: {de, en}, source }] }`. */
export function parseKnownChanges(json: unknown): KnownChange[] {
  const fail = (where: string, de: string, en: string) => {
    throw new AdapterError({ de: `${where}: ${de}`, en: `${where}: ${en}` });
  };
  if (!isObject(json) || !Array.isArray(json.changes)) fail('$', 'erwartet wird ein Objekt mit der Liste "changes"', 'expected an object with the list "changes"');
  const seen = new Set<string>();
  return ((json as { changes: unknown[] }).changes).map((c, i) => {
    const at = `$.changes[${i}]`;
    if (!isObject(c)) return fail(at, 'erwartet wird ein Objekt', 'expected an object');
    const { key, name, successors, date, note, source } = c;
    if (typeof key !== 'string' || !REGION_KEY_PATTERN.test(key)) fail(`${at}.key`, 'kein amtlicher Schlüssel', 'not an official key');
    if (seen.has(key as string)) fail(`${at}.key`, `${key} steht zweimal in der Liste`, `${key} is listed twice`);
    seen.add(key as string);
    if (typeof name !== 'string' || !name.trim()) fail(`${at}.name`, 'Name fehlt', 'name missing');
    if (successors !== undefined && (!Array.isArray(successors) || !successors.every((s) => typeof s === 'string' && REGION_KEY_PATTERN.test(s)))) {
      fail(`${at}.successors`, 'erwartet wird eine Liste amtlicher Schlüssel', 'expected a list of official keys');
    }
    if (date !== undefined && (typeof date !== 'string' || !DATE_PATTERN.test(date))) fail(`${at}.date`, 'erwartet wird JJJJ-MM-TT', 'expected YYYY-MM-DD');
    if (!isObject(note) || typeof note.de !== 'string' || typeof note.en !== 'string') fail(`${at}.note`, 'erwartet wird {"de": …, "en": …}', 'expected {"de": …, "en": …}');
    if (typeof source !== 'string' || !/^https?:\/\//.test(source)) fail(`${at}.source`, 'erwartet wird die Adresse der amtlichen Quelle', 'expected the address of the official source');
    return { key, name, ...(successors ? { successors } : {}), ...(date ? { date } : {}), note, source } as KnownChange;
  });
}

export interface ChangeInput {
  /** Kreis keys with observations, and what the files hold of each. */
  history: Map<string, KeyHistory>;
  /** Keys of the Kreis boundaries. */
  boundaryKeys: Set<string>;
  /** "Stand" of the Kreis boundaries (the reference's dataset.referenceDate). */
  boundaryDate: string;
  names: Map<string, string>;
  known: KnownChange[];
}

export function regionChanges({ history, boundaryKeys, boundaryDate, names, known }: ChangeInput): RegionChange[] {
  const byKey = new Map(known.map((k) => [k.key, k]));
  const keys = [...history.keys()].filter((k) => !boundaryKeys.has(k) || byKey.has(k)).sort();
  return keys.map((key) => {
    const h = history.get(key)!;
    const k = byKey.get(key);
    const held = heldNote(h, boundaryKeys.has(key), boundaryDate);
    const note: LocalizedText = k ? { de: `${k.note.de} ${held.de}`, en: `${k.note.en} ${held.en}` } : held;
    return {
      key,
      name: names.get(key) ?? k?.name ?? key,
      ...(k?.successors ? { successors: k.successors } : {}),
      ...(k?.date ? { date: k.date } : {}),
      note,
    };
  });
}

const range = (periods: string[]) => (periods.length === 1 ? periods[0]! : `${periods[0]} – ${periods[periods.length - 1]}`);

function heldNote(h: KeyHistory, hasBoundary: boolean, boundaryDate: string): { de: string; en: string } {
  const values = [...h.withValue].sort();
  // Periods with observations of this key but not a single value: what the tables say after the change.
  const empty = [...h.withoutValue.keys()].filter((p) => !h.withValue.has(p)).sort();
  const symbols = [...new Set(empty.flatMap((p) => [...h.withoutValue.get(p)!]))].sort().map((s) => `„${s}“`);
  const files = h.files.size;
  const de = [
    hasBoundary ? `Die Kreisgrenzen (Stand ${boundaryDate}) zeigen den Kreis noch.` : `Die Kreisgrenzen (Stand ${boundaryDate}) haben diesen Schlüssel nicht mehr.`,
    values.length ? `Die Daten enthalten Werte für ${range(values)} (${files} ${files === 1 ? 'Datei' : 'Dateien'}).` : `Die Daten enthalten keine Werte (${files} ${files === 1 ? 'Datei' : 'Dateien'}).`,
    empty.length ? `Für ${range(empty)} stehen nur Zeichen (${symbols.join(', ')}).` : '',
  ];
  const en = [
    hasBoundary ? `The Kreis boundaries (as of ${boundaryDate}) still show the Kreis.` : `The Kreis boundaries (as of ${boundaryDate}) no longer have this key.`,
    values.length ? `The data hold values for ${range(values)} (${files} ${files === 1 ? 'file' : 'files'}).` : `The data hold no values (${files} ${files === 1 ? 'file' : 'files'}).`,
    empty.length ? `For ${range(empty)} there are only symbols (${symbols.join(', ').replace(/[„“]/g, '"')}).` : '',
  ];
  return { de: de.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') };
}
