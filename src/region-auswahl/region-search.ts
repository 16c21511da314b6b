/**
 * Searching regions by name or key for `<region-auswahl>`: case- and
 * diacritic-insensitive ("gottingen" and "goettingen" find "Göttingen"),
 * anywhere in the name, prefix matches first; a key prefix finds the region
 * and everything below it ("15085" → Landkreis Harz and its Gemeinden).
 */
import { REGION_LEVELS } from '../format/vocabulary.js';
import type { Region, RegionLevel } from '../format/types.js';

/** Lower case, without diacritics; ß → ss. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').trim();
}

/** The German transliteration: ä → ae, ö → oe, ü → ue. */
function transliterate(text: string): string {
  return fold(text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
}

export interface SearchEntry {
  region: Region;
  levelIndex: number;
  forms: string[];
  key: string;
}

export interface SearchResult {
  /** Every matching region (the number to announce). */
  total: number;
  /** The regions to show, at most `limit`, best first within each level; in level order. */
  groups: Array<{ level: RegionLevel; regions: Region[] }>;
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Prepares regions for searching (once per data). */
export function searchIndex(regions: Iterable<Region>): SearchEntry[] {
  return [...regions].map((region) => {
    const forms = [...new Set([fold(region.name), transliterate(region.name)])];
    return { region, levelIndex: REGION_LEVELS.indexOf(region.level), forms, key: region.key.toLowerCase() };
  });
}

/** 0: key or name starts with the query, 1: a word starts with it, 2: anywhere in the name; -1: no match. */
function rank(entry: SearchEntry, query: string): number {
  if (!query) return 0;
  if (entry.key.startsWith(query)) return 0;
  let best = -1;
  for (const form of entry.forms) {
    const at = form.indexOf(query);
    if (at < 0) continue;
    const r = at === 0 ? 0 : /[\s,(/-]/.test(form[at - 1]!) ? 1 : 2;
    if (best < 0 || r < best) best = r;
  }
  return best;
}

/** Regions matching `text`, at most `limit` of them, grouped by level; `keep` (the current region) is always shown if it matches. */
export function search(index: readonly SearchEntry[], text: string, limit: number, keep?: string): SearchResult {
  const query = fold(text);
  const hits: Array<{ entry: SearchEntry; rank: number }> = [];
  for (const entry of index) {
    const r = rank(entry, query);
    if (r >= 0) hits.push({ entry, rank: r });
  }
  const byLevelThenName = (a: { entry: SearchEntry; rank: number }, b: { entry: SearchEntry; rank: number }) =>
    a.entry.levelIndex - b.entry.levelIndex || a.rank - b.rank || collator.compare(a.entry.region.name, b.entry.region.name) || a.entry.key.localeCompare(b.entry.key);
  // The best matches overall make the cut; they are shown grouped by level.
  let shown = [...hits].sort((a, b) => a.rank - b.rank || byLevelThenName(a, b)).slice(0, limit);
  const kept = keep ? hits.find((h) => h.entry.region.key === keep) : undefined;
  if (kept && !shown.includes(kept)) shown = [...shown.slice(0, limit - 1), kept];
  shown.sort(byLevelThenName);
  const groups: SearchResult['groups'] = [];
  for (const { entry } of shown) {
    const last = groups[groups.length - 1];
    if (last?.level === entry.region.level) last.regions.push(entry.region);
    else groups.push({ level: entry.region.level, regions: [entry.region] });
  }
  return { total: hits.length, groups };
}
