import type { LocalizedText } from '../format/types.js';
import { currentLocale } from './locale.js';

/** Picks the current locale's version of a text from the data (German when no English is given). */
export function localize(text: LocalizedText): string;
export function localize(text: LocalizedText | undefined): string | undefined;
export function localize(text: LocalizedText | undefined): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return currentLocale() === 'en' ? (text.en ?? text.de) : text.de;
}
