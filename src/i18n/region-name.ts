/**
 * Region names in running text. GENESIS writes names as they sort in a list
 * ("Harz, Landkreis"); a sentence needs "im Landkreis Harz". Tables, legends
 * and tooltips keep the official name unchanged; only generated prose uses
 * these helpers.
 */
import type { Region } from '../format/types.js';
import { currentLocale } from './locale.js';

/** What GENESIS and BKG append after a comma: the kind of region, not part of its name. */
const TYPES = 'Landkreis|Kreis|kreisfreie Stadt|Stadtkreis|Stadt|Landeshauptstadt|Hansestadt|Universitätsstadt|Große Kreisstadt|Gemeinde|Markt|Flecken|Regionalverband|Stat\\. Region|Region';
/**
 * Types are separated by commas. (Not `(?:type(?:,\s*)?)+`: "Stadtkreis" is also "Stadt" + "kreis",
 * and a name from the data such as "x, StadtkreisStadtkreis…!" made that backtrack exponentially.)
 */
const TYPE_SUFFIX = new RegExp(`^(.*?),\\s*((?:${TYPES})(?:,\\s*(?:${TYPES}))*(?:,\\s*)?)$`, 'i');

/** "Harz, Landkreis" → "Landkreis Harz"; "Magdeburg, kreisfreie Stadt, Landeshauptstadt" → "Magdeburg". */
export function proseName(region: Region): string {
  const m = TYPE_SUFFIX.exec(region.name);
  if (!m) return region.name;
  const [, name, types] = m;
  const county = /^(Landkreis|Kreis|Regionalverband)$/i.exec(types!.trim());
  return county ? `${county[1]} ${name}` : name!;
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

/** The name without the type GENESIS appends: "Mansfeld-Südharz, Landkreis" → "Mansfeld-Südharz" (axes, map labels). */
export function shortName(name: string): string {
  return TYPE_SUFFIX.exec(name)?.[1] ?? name;
}

/** After "für": "den Landkreis Harz", "das Land Sachsen-Anhalt", "Wernigerode". */
export function accusative(region: Region): string {
  return nominative(region).replace(/^der /, 'den ');
}
