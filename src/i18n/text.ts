import type { LocalizedText } from '../format/types.js';
import { currentLocale } from './locale.js';

/** Picks the current locale's version of a text from the data (German when no English is given). */
export function localize(text: LocalizedText): string;
export function localize(text: LocalizedText | undefined): string | undefined;
export function localize(text: LocalizedText | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return currentLocale() === 'en' ? (text.en ?? text.de) : text.de;
}

/** GENESIS units as English speakers write them, for data that gives only the German unit. */
const ENGLISH_UNITS: Record<string, string> = {
  Anzahl: 'number',
  Personen: 'persons',
  Jahre: 'years',
  Prozent: 'percent',
  Hektar: 'hectares',
  'Tsd.': 'thousand',
};

/** An indicator's unit in the current locale: the data's own English, else a known translation. */
export function localizeUnit(unit: LocalizedText): string {
  const text = localize(unit);
  if (currentLocale() !== 'en' || (typeof unit !== 'string' && unit.en)) return text;
  const key = text.trim();
  // Own keys only: a unit such as "constructor" is not an inherited property.
  return Object.hasOwn(ENGLISH_UNITS, key) ? ENGLISH_UNITS[key]! : text;
}
