/**
 * Official region keys (AGS / ARS) from boundary attributes. Keys are strings with their
 * leading zeros: "01001", "15085040", "150850040040". A number that lost its leading zero
 * (1001) is repaired only when its length tells the level unambiguously; otherwise the file is
 * refused rather than guessed.
 */
import { AdapterError, type Reason } from '../adapter-error.js';

/** Lengths of official keys: Land 2, Regierungsbezirk 3, Kreis 5, Gemeinde 8, Gemeindeverband 9, ARS 12. */
export const KEY_LENGTHS: readonly number[] = [2, 3, 5, 8, 9, 12];

/** Attributes tried, in this order, when no key property is given. `id` is also the GeoJSON/TopoJSON feature id. */
export const KEY_CANDIDATES: readonly string[] = ['ags', 'AGS', 'ars', 'ARS', 'RS', 'id'];
/** Attributes holding the regional key (ARS), copied to `ars`. */
export const ARS_CANDIDATES: readonly string[] = ['ars', 'ARS', 'RS', 'rs'];
/** Attributes holding the region name, copied to `name` (GEN in BKG VG250/VG5000). */
export const NAME_CANDIDATES: readonly string[] = ['name', 'GEN', 'NAME', 'Name', 'gen'];

export type KeyValue = { key: string } | { invalid: Reason };

const isKeyString = (s: string) => s === 'DG' || (/^\d+$/.test(s) && KEY_LENGTHS.includes(s.length));

/** Shows an attribute value in a message (German: strings in „…“). */
export function showValue(value: unknown, lang: keyof Reason = 'en'): string {
  if (value === undefined || value === null) return lang === 'de' ? 'fehlt' : 'missing';
  const json = typeof value === 'string' ? JSON.stringify(value) : undefined;
  const s = json === undefined ? String(value) : lang === 'de' ? `„${json.slice(1, -1)}“` : json;
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Shows an attribute value in both languages. */
const shown = (value: unknown): Reason => ({ de: showValue(value, 'de'), en: showValue(value) });

/**
 * Returns a function turning one attribute value of `property` into an official key.
 * `values` is the whole column: a number that lost its leading zero is only repaired when
 * the column as a whole tells which level it is.
 *
 * @throws AdapterError when numeric keys are ambiguous (e.g. 8 digits: Gemeinde, or a
 *   Gemeindeverband whose leading zero was lost).
 */
export function keyReader(values: readonly unknown[], property: string): (value: unknown) => KeyValue {
  const digits = new Set<number>();
  const stringLengths = new Set<number>();
  for (const v of values) {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) digits.add(String(v).length);
    else if (typeof v === 'string' && isKeyString(v.trim())) stringLengths.add(v.trim().length);
  }
  const padTo = new Map<number, number>([
    [1, 2],
    [3, 3],
    [4, 5],
    [5, 5],
    [7, 8],
    [9, 9],
    [11, 12],
    [12, 12],
  ]);
  const ambiguous = (shorter: [number, string, boolean], longer: [number, string, boolean], example: number) => {
    const [a, aName, aSeen] = shorter;
    const [b, bName, bSeen] = longer;
    if (aSeen !== bSeen) return aSeen ? a : b;
    throw new AdapterError({
      de:
        `der numerische Schlüssel ${example} in der Eigenschaft „${property}“ ist mehrdeutig: ein ${a}-stelliger Schlüssel (${aName}) ` +
        `oder ein ${b}-stelliger Schlüssel (${bName}), dessen führende Null verloren gegangen ist. Bitte die Schlüssel als Text mit ihren führenden Nullen speichern (z. B. „0${example}“ oder „${example}“)`,
      en:
        `numeric key ${example} in property "${property}" is ambiguous: a ${a}-digit ${aName} key or a ${b}-digit ${bName} key ` +
        `that lost its leading zero. Store the keys as text with their leading zeros (e.g. "0${example}" or "${example}")`,
    });
  };
  const example = (d: number) => values.find((v) => typeof v === 'number' && String(v).length === d) as number;
  if (digits.has(2)) {
    const land = digits.has(1) || stringLengths.has(2);
    const bezirk = digits.has(3) || stringLengths.has(3);
    padTo.set(2, ambiguous([2, 'Land', land], [3, 'Regierungsbezirk', bezirk], example(2)));
  }
  if (digits.has(8)) {
    // An AGS never has 9 digits (Gemeindeverband keys are regional keys), so 8 digits in an AGS column are a Gemeinde.
    const gemeinde = digits.has(7) || stringLengths.has(8) || /^ags/i.test(property);
    const verband = digits.has(9) || stringLengths.has(9);
    padTo.set(8, ambiguous([8, 'Gemeinde', gemeinde], [9, 'Gemeindeverband', verband], example(8)));
  }

  return (value: unknown): KeyValue => {
    if (value === undefined || value === null) return { invalid: { de: 'kein Schlüssel', en: 'no key' } };
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value <= 0) return { invalid: notAKey(value) };
      const s = String(value);
      const length = padTo.get(s.length);
      if (length === undefined) return { invalid: { de: `${s} ist kein amtlicher Regionalschlüssel (${s.length} Stellen)`, en: `${s} is not an official key (${s.length} digits)` } };
      return { key: s.padStart(length, '0') };
    }
    if (typeof value !== 'string') return { invalid: notAKey(value) };
    const s = value.trim();
    if (s === '') return { invalid: { de: 'leerer Schlüssel', en: 'empty key' } };
    if (isKeyString(s)) return { key: s };
    if (/^\d+$/.test(s) && [1, 4, 7, 11].includes(s.length)) {
      const v = shown(value);
      return { invalid: { de: `${v.de} ist kein amtlicher Regionalschlüssel (${s.length} Stellen: führende Null fehlt?)`, en: `${v.en} is not an official key (${s.length} digits: leading zero missing?)` } };
    }
    return { invalid: notAKey(value) };
  };
}

function notAKey(value: unknown): Reason {
  const v = shown(value);
  return { de: `${v.de} ist kein amtlicher Regionalschlüssel`, en: `${v.en} is not an official key` };
}

/** AGS from a key: a 12-digit ARS (Land, RB, Kreis, Verband, Gemeinde) becomes the 8-digit AGS; other keys stay. */
export function agsOfKey(key: string): string {
  return key.length === 12 ? key.slice(0, 5) + key.slice(9) : key;
}

/** Does the region `ags` (with regional key `ars`) lie within the official key `within`? */
export function isWithin(within: string, ags: string, ars?: string): boolean {
  return within === 'DG' || ags.startsWith(within) || (ars !== undefined && ars.startsWith(within));
}

/** Checks a --within key: "DG" or 2, 3, 5, 8, 9 or 12 digits. */
export function checkWithin(within: string): string {
  const w = within.trim();
  if (!isKeyString(w)) {
    throw new AdapterError({
      de: `--within „${within}“ ist kein amtlicher Regionalschlüssel (2, 3, 5, 8, 9 oder 12 Ziffern, z. B. 15085)`,
      en: `--within ${JSON.stringify(within)} is not an official key (2, 3, 5, 8, 9 or 12 digits, e.g. 15085)`,
    });
  }
  return w;
}
