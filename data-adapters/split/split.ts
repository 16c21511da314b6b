/**
 * `kreisdossier split`: one kreisdossier data file into parts by region key prefix, so that a page about one Kreis
 * loads the part of its Land (or Regierungsbezirk, or Kreis) and the part with Deutschland, not the whole country. Works on the kreisdossier document only: values, symbols, footnotes and metadata are copied, never
 * re-read from the publisher's file.
 *
 * Which part an observation goes to (every observation to exactly one):
 *  - A region goes to the part (unit) whose key prefix begins its key, when the unit's level is the region's or
 *    above: the unit's own row stays with the regions below it (a Land's values beside its Kreise, a
 *    Regierungsbezirk's beside its Kreise, a Kreis's beside its Gemeinden). A view of a Kreis compares with its Land
 *    and ranks it among the Kreise of its Land: both are in the one part of the Land.
 *  - Deutschland goes to the part `de`. A region above its unit — the Land when its part is split by
 *    Regierungsbezirk or Kreis, a Regierungsbezirk when split by Kreis — goes to a part of its Land of its own
 *    (`15`, holding only such rows), so a Kreis's page loads its Kreis's part, that small Land part and `de`.
 *    (The Länder are in their parts: a view that compares all Länder loads every Land's part.)
 *
 * `auto` splits by Land; a Land whose part is larger than the limit (gzip, as a web server sends it) is split by
 * Regierungsbezirk when the file names Regierungsbezirke in it and that gives at least two parts, else by Kreis; a
 * Regierungsbezirk part that is still too large is split by Kreis. A Kreis is never split.
 *
 * `onlyBelow` drops the rows of a level and those above it (a Gemeinde table's Kreis and Land rows repeat the
 * Kreis table): they are counted by level, never silently lost.
 */
import { gzipSync } from 'node:zlib';
import type { Indicator, KreisdossierDocument, Observation, Region, RegionLevel } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';

export type SplitUnit = 'land' | 'regierungsbezirk' | 'kreis';
export type SplitBy = SplitUnit | 'auto';
export const SPLIT_BY: readonly SplitBy[] = ['land', 'regierungsbezirk', 'kreis', 'auto'];

/** The part holding Deutschland (and the regions above their unit, see above). */
export const TOP_PART = 'de';

export const LEVEL_RANK: Record<RegionLevel, number> = { Bund: 0, Land: 1, Regierungsbezirk: 2, Kreis: 3, Gemeindeverband: 4, Gemeinde: 5 };
const UNIT_RANK: Record<SplitUnit, number> = { land: 1, regierungsbezirk: 2, kreis: 3 };
const UNIT_DIGITS: Record<SplitUnit, number> = { land: 2, regierungsbezirk: 3, kreis: 5 };

export interface SplitOptions {
  by: SplitBy;
  /** `auto`: the largest part wanted, in gzip bytes. Other splits: parts above it are only reported. */
  maxGzipBytes?: number;
  /** Drop the observations of this level and every level above it. */
  onlyBelow?: RegionLevel;
}

export interface SplitPart {
  /** `de` or the key prefix, as in the file name `<base>-<name>.json`. */
  name: string;
  unit: SplitUnit | typeof TOP_PART;
  document: KreisdossierDocument;
  /** The file's text, as written. */
  text: string;
  gzipBytes: number;
}

export interface SplitResult {
  parts: SplitPart[];
  observationsRead: number;
  /** Observations left out by `onlyBelow`, by level. */
  dropped: Partial<Record<RegionLevel, number>>;
  /** Regions of the input that no part needs (no observations of their own in any part, no region below them). */
  regionsLeftOut: number;
  /** Parts larger than `maxGzipBytes` that cannot be split further. */
  tooLarge: SplitPart[];
}

interface Unit {
  prefix: string;
  unit: SplitUnit;
}

/** How a kreisdossier file is written by every command: one-space indentation, final line break. */
export const documentJson = (doc: unknown): string => `${JSON.stringify(doc, null, 1)}\n`;

export function splitDocument(doc: KreisdossierDocument, options: SplitOptions): SplitResult {
  if (doc.dossier || doc.geometry) {
    throw new AdapterError({
      de: 'die Datei hat eine Dossier-Definition oder einen Verweis auf Grenzen: split teilt nur Datendateien (Beobachtungen); solche Angaben gehören in eine eigene Datei',
      en: 'the file has a dossier definition or a boundary reference: split only divides data files (observations); keep those in a file of their own',
    });
  }
  if (doc.observations.length === 0) throw new AdapterError({ de: 'die Datei hat keine Beobachtungen zum Aufteilen', en: 'the file has no observations to split' });
  const regions = new Map(doc.regions.map((r) => [r.key, r]));
  const rank = (key: string) => LEVEL_RANK[regions.get(key)!.level];

  const dropped: Partial<Record<RegionLevel, number>> = {};
  const kept: Observation[] = [];
  for (const o of doc.observations) {
    const level = regions.get(o.region)!.level;
    if (options.onlyBelow && LEVEL_RANK[level] <= LEVEL_RANK[options.onlyBelow]) dropped[level] = (dropped[level] ?? 0) + 1;
    else kept.push(o);
  }
  if (kept.length === 0) {
    throw new AdapterError({
      de: `nach --only-below ${options.onlyBelow} bleibt keine Beobachtung übrig`,
      en: `no observation is left after --only-below ${options.onlyBelow}`,
    });
  }

  // A unit holds the observations under its prefix whose level is the unit's or below (a Land unit its Land's own
  // row too); Deutschland is in no unit (it goes to `de`).
  const below = (key: string, unit: SplitUnit) => rank(key) >= UNIT_RANK[unit];
  const inUnit = (o: Observation, u: Unit) => o.region.startsWith(u.prefix) && below(o.region, u.unit);
  const unitsOf = (observations: Observation[], unit: SplitUnit): Unit[] => {
    const prefixes = new Set<string>();
    for (const o of observations) if (below(o.region, unit)) prefixes.add(o.region.slice(0, UNIT_DIGITS[unit]));
    return [...prefixes].sort().map((prefix) => ({ prefix, unit }));
  };
  const group = (observations: Observation[], units: Unit[]) => {
    const byUnit = new Map<string, Observation[]>(units.map((u) => [u.prefix, []]));
    for (const o of observations) {
      const u = units.find((x) => inUnit(o, x));
      if (u) byUnit.get(u.prefix)!.push(o);
    }
    return units.map((u) => ({ unit: u, observations: byUnit.get(u.prefix)! }));
  };
  const build = (name: string, unit: SplitPart['unit'], observations: Observation[]): SplitPart => {
    const document = partDocument(doc, regions, name, observations);
    const text = documentJson(document);
    return { name, unit, document, text, gzipBytes: gzipSync(text).length };
  };

  const parts: SplitPart[] = [];
  const tooLarge: SplitPart[] = [];
  const max = options.maxGzipBytes;
  if (options.by === 'auto') {
    const pending = group(kept, unitsOf(kept, 'land'));
    while (pending.length) {
      const { unit, observations } = pending.shift()!;
      const part = build(unit.prefix, unit.unit, observations);
      if (max === undefined || part.gzipBytes <= max) {
        parts.push(part);
        continue;
      }
      const finer = refine(unit, observations);
      if (finer) pending.unshift(...group(observations, finer));
      else {
        parts.push(part);
        tooLarge.push(part);
      }
    }
  } else {
    for (const { unit, observations } of group(kept, unitsOf(kept, options.by))) {
      const part = build(unit.prefix, unit.unit, observations);
      parts.push(part);
      if (max !== undefined && part.gzipBytes > max) tooLarge.push(part);
    }
  }

  /** A unit split one level finer, when that gives at least two parts. */
  function refine(unit: Unit, observations: Observation[]): Unit[] | undefined {
    // "Has Regierungsbezirke": the file names some in this Land (with --only-below their own rows may be gone).
    if (unit.unit === 'land' && doc.regions.some((r) => r.level === 'Regierungsbezirk' && r.key.startsWith(unit.prefix))) {
      const rb = unitsOf(observations, 'regierungsbezirk');
      if (rb.length >= 2) return rb;
    }
    if (unit.unit === 'kreis') return undefined;
    const kreise = unitsOf(observations, 'kreis');
    return kreise.length >= 2 ? kreise : undefined;
  }

  // Whatever no unit took: Deutschland goes to `de`; a region above its unit (a Land split further, a
  // Regierungsbezirk split by Kreis) to a part of its Land of its own (`15`: the Land's row and its
  // Regierungsbezirke), so that a Kreis's page loads its Kreis's part, its Land's small part and `de` — not every
  // Land's rows. (When the Land's name is taken, to `de`.)
  const placed = new Set<Observation>(parts.flatMap((p) => p.document.observations));
  const leftover = kept.filter((o) => !placed.has(o));
  const names = new Set(parts.map((p) => p.name));
  const byLand = new Map<string, Observation[]>();
  const top: Observation[] = [];
  for (const o of leftover) {
    const land = /^\d{2}/.test(o.region) ? o.region.slice(0, 2) : undefined;
    if (!land || names.has(land)) top.push(o);
    else byLand.set(land, [...(byLand.get(land) ?? []), o]);
  }
  for (const [land, observations] of [...byLand].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const part = build(land, 'land', observations);
    parts.push(part);
    if (max !== undefined && part.gzipBytes > max) tooLarge.push(part);
  }
  if (top.length) {
    const part = build(TOP_PART, TOP_PART, top);
    parts.unshift(part);
    if (max !== undefined && part.gzipBytes > max) tooLarge.push(part);
  }

  const written = parts.reduce((n, p) => n + p.document.observations.length, 0);
  const droppedCount = Object.values(dropped).reduce((n, c) => n + c, 0);
  if (written + droppedCount !== doc.observations.length) throw new Error(`split: ${written} + ${droppedCount} observations of ${doc.observations.length}`);

  const used = new Set(parts.flatMap((p) => p.document.regions.map((r) => r.key)));
  return { parts, observationsRead: doc.observations.length, dropped, regionsLeftOut: doc.regions.filter((r) => !used.has(r.key)).length, tooLarge };
}

/**
 * One part: its observations in the input's order, the regions they refer to with their parent chain (names only,
 * for the chain Gemeinde → Kreis → Land → Deutschland), and the indicators, dimensions and declared symbols they use.
 * The dataset stays the same (sources, licence, attribution, Stand) except its id, which gets the part's name.
 */
function partDocument(doc: KreisdossierDocument, regions: Map<string, Region>, name: string, observations: Observation[]): KreisdossierDocument {
  const keys = new Set(observations.map((o) => o.region));
  for (const key of [...keys]) {
    for (let parent = regions.get(key)?.parent; parent && regions.has(parent) && !keys.has(parent); parent = regions.get(parent)!.parent) keys.add(parent);
  }
  const indicatorIds = new Set(observations.map((o) => o.indicator));
  const byId = new Map(doc.indicators.map((i) => [i.id, i]));
  // A computed indicator names the indicators it is computed from; the validator wants them in the same file.
  for (const id of [...indicatorIds]) addSources(byId.get(id), byId, indicatorIds);
  const indicators = doc.indicators.filter((i) => indicatorIds.has(i.id));
  const dimensionIds = new Set(indicators.flatMap((i) => i.dimensions ?? []));
  const symbols = new Set(observations.map((o) => o.status).filter((s): s is string => s !== undefined));

  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    switch (field) {
      case 'dataset':
        out.dataset = { ...doc.dataset, id: `${doc.dataset.id}-${name}` };
        break;
      case 'regions':
        out.regions = doc.regions.filter((r) => keys.has(r.key));
        break;
      case 'indicators':
        out.indicators = indicators;
        break;
      case 'dimensions':
        out.dimensions = (doc.dimensions ?? []).filter((d) => dimensionIds.has(d.id));
        break;
      case 'statusSymbols': {
        const declared = Object.entries(doc.statusSymbols ?? {}).filter(([symbol]) => symbols.has(symbol));
        if (declared.length) out.statusSymbols = Object.fromEntries(declared);
        break;
      }
      case 'observations':
        out.observations = observations;
        break;
      default:
        out[field] = value;
    }
  }
  return out as KreisdossierDocument;
}

function addSources(indicator: Indicator | undefined, byId: Map<string, Indicator>, ids: Set<string>): void {
  for (const from of indicator?.computed?.from ?? []) {
    if (ids.has(from)) continue;
    ids.add(from);
    addSources(byId.get(from), byId, ids);
  }
}
