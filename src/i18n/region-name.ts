/**
 * Region names in running text. GENESIS writes names as they sort in a list
 * ("Harz, Landkreis"); a sentence needs "im Landkreis Harz". Tables, legends
 * and tooltips keep the official name unchanged; only generated prose uses
 * these helpers.
 */
import type { Region } from '../format/types.js';
import { currentLocale } from './locale.js';

/** Suffixes GENESIS appends after a comma, and the article-bearing type for German prose. */
const TYPE_SUFFIX = /^(.*),\s*(Landkreis|Kreis|Kreisfreie Stadt|Stadtkreis|Stadt|Regionalverband|Stat\. Region|Region)$/;

/** "Harz, Landkreis" → "Landkreis Harz"; "Magdeburg, Kreisfreie Stadt" → "Magdeburg". */
export function proseName(region: Region): string {
  const m = TYPE_SUFFIX.exec(region.name);
  if (!m) return region.name;
  const [, name, type] = m;
  if (type === 'Landkreis' || type === 'Kreis' || type === 'Regionalverband') return `${type} ${name}`;
  return name!;
}

/** "im Landkreis Harz", "im Land Sachsen-Anhalt", "in Deutschland", "in Magdeburg" (de); "in …" (en). */
export function inRegion(region: Region): string {
  const name = proseName(region);
  if (currentLocale() === 'en') return `in ${name}`;
  if (region.level === 'Land') return `im Land ${name}`;
  // Landkreis Harz, Saalekreis, Altmarkkreis Salzwedel, Regionalverband Saarbrücken: masculine, "im".
  if (/^\S*kreis(?:\s|$)/i.test(name) || name.startsWith('Regionalverband ')) return `im ${name}`;
  return `in ${name}`;
}

/** The subject of a German sentence: "der Landkreis Harz", "der Saalekreis", "Magdeburg". */
export function nominative(region: Region): string {
  const name = proseName(region);
  if (currentLocale() === 'en') return name;
  if (region.level === 'Land') return `das Land ${name}`;
  return /^\S*kreis(?:\s|$)/i.test(name) || name.startsWith('Regionalverband ') ? `der ${name}` : name;
}

/** The name without the type GENESIS appends: "Mansfeld-Südharz, Landkreis" → "Mansfeld-Südharz" (narrow axes). */
export function shortName(region: Region): string {
  return TYPE_SUFFIX.exec(region.name)?.[1] ?? region.name;
}
