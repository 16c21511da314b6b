/** Small helpers every adapter needs, so they name and key things the same way. */

/** Publisher of the Regionaldatenbank (regionalstatistik.de) tables. */
export const REGIONALSTATISTIK = 'Statistische Ämter des Bundes und der Länder';
/** The licence of GENESIS / Regionalstatistik data. */
export const DL_DE_BY_2_0 = {
  id: 'dl-de/by-2-0',
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
};
import type { RegionLevel } from '../src/format/types.js';
import { levelOfKeyLength } from '../src/format/key-level.js';

/** A plain JSON object: not null, not an array. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Region level from an official key: DG, 2 (Land), 3 (Regierungsbezirk), 5 (Kreis), 8 (Gemeinde), 9 (Gemeindeverband). */
export function levelOfKey(key: string, fallback?: RegionLevel): RegionLevel | undefined {
  return levelOfKeyLength(key) ?? fallback;
}

/** The parent key implied by an AGS: Gemeinde → Kreis → Land → DG (Regierungsbezirke skipped). */
export function parentOfKey(key: string): string | undefined {
  if (key === 'DG') return undefined;
  if (key.length === 2) return 'DG';
  if (key.length === 3 || key.length === 5) return key.slice(0, 2);
  if (key.length === 8 || key.length === 9) return key.slice(0, 5);
  return undefined;
}

/** An identifier from a label: "männlich" → "maennlich", "15 bis unter 20 Jahre" → "15-bis-unter-20-jahre". */
export function slug(label: string): string {
  const s = label
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/**
 * A short identifier from a (long) label: its slug, cut after whole words at `max` characters
 * ("Bevölkerung nach Geschlecht und Altersgruppen - Stichtag 31.12. - …" → "bevoelkerung-nach-geschlecht").
 */
export function shortSlug(label: string, max = 32): string {
  const full = slug(label);
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return at > 0 ? cut.slice(0, at) : full.slice(0, max);
}

/** "31.12.2015" → "2015-12-31"; "2015" and "2015/16" stay; undefined for anything else. */
export function isoPeriod(raw: string): string | undefined {
  const s = raw.trim();
  const date = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (date) return `${date[3]}-${date[2]}-${date[1]}`;
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|\/\d{2})?$/.test(s)) return s;
  return undefined;
}
