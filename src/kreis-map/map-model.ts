/**
 * What a map shows, independent of MapLibre: the regions on the map (a
 * boundary feature joined with its official observation), their classes and
 * colours, and what could not be joined. The legend, summary, table,
 * keyboard announcements and the MapLibre style all come from this model.
 */
import polylabel from 'polylabel';
import type { DataStore, StoredObservation } from '../data/data-store.js';
import { DataError } from '../data/data-error.js';
import type { RegionFeature } from '../data/load-geometry.js';
import { noValues, resolveBreakdown, resolveIndicator, resolvePeriods, words } from '../data/selection.js';
import { problem } from '../format/problem.js';
import type { Indicator, Region, RegionLevel } from '../format/types.js';
import { CLASS_SCHEMES, DIVERGING_SCHEMES, SEQUENTIAL_SCHEMES } from '../generated/palette.js';
import { classify, classOf, CLASSIFICATIONS, type Classes, type Classification } from './classify.js';

export const SCHEMES = [...SEQUENTIAL_SCHEMES, ...DIVERGING_SCHEMES] as const;
/** Regions up to this many get visible name labels (HTML, no font downloads). */
export const MAX_LABELS = 30;

export interface MapAttributes {
  indicator?: string | undefined;
  region?: string | undefined;
  period?: string | undefined;
  breakdown?: string | undefined;
  classes?: number | undefined;
  classification?: string | undefined;
  breaks?: string | undefined;
  scheme?: string | undefined;
}

export interface MapRegion {
  key: string;
  /** Official name from the data, else from the boundary file, else the key. */
  name: string;
  feature: RegionFeature;
  observation: StoredObservation | undefined;
  /** Class index, or -1 without a value. */
  classIndex: number;
  /** Where the name label goes (the roomiest spot inside the area). */
  labelPoint: [number, number] | undefined;
  /** How much room the label has there (degrees); larger regions keep their label when labels collide. */
  labelRoom: number;
}

export interface MapModel {
  indicator: Indicator;
  period: string;
  /** Regions on the map, alphabetical (the keyboard order). */
  regions: MapRegion[];
  classes: Classes;
  /** Regions per class. */
  counts: number[];
  colors: string[];
  classification: Classification;
  highlight: string | undefined;
  /** Regions with data below the shown region that have no boundary in the file. */
  withoutGeometry: Array<{ region: Region; observation: StoredObservation }>;
  observations: StoredObservation[];
}

/** Parent key → its sub-regions on the map; none → every feature. AGS keys nest by prefix. */
function featuresUnder(features: readonly RegionFeature[], parent: string | undefined): RegionFeature[] {
  if (!parent || parent === 'DG') return [...features];
  return features.filter((f) => f.key.startsWith(parent) && f.key !== parent);
}

/** The label point of a (multi)polygon: the pole of inaccessibility of its roomiest part. */
export function labelPoint(feature: RegionFeature): [number, number] & { distance: number } {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let best: ([number, number] & { distance: number }) | undefined;
  for (const polygon of polygons) {
    // ~1 km is precise enough for a name label and keeps this cheap on detailed boundaries
    const p = polylabel(polygon as Array<Array<[number, number]>>, 0.01);
    if (!best || p.distance > best.distance) best = p;
  }
  return best!;
}

function schemeColors(scheme: string, count: number): string[] {
  const byCount = CLASS_SCHEMES[scheme]!;
  if (count >= 3) return [...byCount[Math.min(9, count)]!];
  // One or two classes: the ends of the three-class scheme, so both stay far apart.
  const three = byCount[3]!;
  return count === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/** `geometryUrl` names the boundary file in messages about regions it lacks. */
/**
 * The level of the regions a map shows: the sub-regions of `parent` that have
 * data for the indicator (Gemeinden under a Kreis, Kreise under a Land), or the
 * most common level with data when no parent is named.
 */
export function shownLevel(store: DataStore, indicatorId: string | undefined, parent: string | undefined): RegionLevel | undefined {
  const ids = [...store.indicators.keys()];
  const id = indicatorId || (ids.length === 1 ? ids[0] : undefined);
  if (!id) return undefined;
  const counts = new Map<RegionLevel, number>();
  for (const key of store.regionsWithData(id)) {
    const region = store.regions.get(key)!;
    if (parent && region.parent !== parent) continue;
    counts.set(region.level, (counts.get(region.level) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * A map shows one level: boundary files holding Kreise and Gemeinden together would otherwise draw them on
 * top of each other and classify Kreis totals with Gemeinde values. Below a named region the nearest level
 * (the shortest keys) is shown; without one, the level with the most data. The rest is named in the console.
 */
function oneLevel(store: DataStore, indicator: Indicator, shown: RegionFeature[], parent: string | undefined, geometryUrl: string): RegionFeature[] {
  const byLength = new Map<number, RegionFeature[]>();
  for (const f of shown) {
    let list = byLength.get(f.key.length);
    if (!list) byLength.set(f.key.length, (list = []));
    list.push(f);
  }
  if (byLength.size < 2) return shown;
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const withData = (length: number) => byLength.get(length)!.filter((f) => store.hasData(indicator.id, f.key)).length;
  const chosen = parent && parent !== 'DG' ? lengths[0]! : lengths.reduce((best, l) => (withData(l) > withData(best) ? l : best));
  const left = shown.filter((f) => f.key.length !== chosen);
  console.warn(
    `[kreisdossier] <kreis-map>: ${geometryUrl}: $.features[*].properties: the boundaries mix levels; ${left.length} regions with keys of ${[...new Set(left.map((f) => f.key.length))].join('/')} digits (e.g. ${left[0]!.key}) are not shown, only the ${byLength.get(chosen)!.length} with keys of ${chosen} digits.`,
  );
  return byLength.get(chosen)!;
}

export function buildMapModel(store: DataStore, features: readonly RegionFeature[], attrs: MapAttributes, geometryUrl = ''): MapModel {
  const indicator = resolveIndicator(store, attrs.indicator);
  const breakdown = resolveBreakdown(store, indicator, attrs.breakdown);
  const scheme = (SCHEMES as readonly string[]).includes(attrs.scheme ?? '') ? attrs.scheme! : 'blues';
  let classification = (CLASSIFICATIONS as readonly string[]).includes(attrs.classification ?? '')
    ? (attrs.classification as Classification)
    : attrs.breaks
      ? 'breaks'
      : 'quantile';
  const parent = words(attrs.region)[0];
  let shown = featuresUnder(features, parent);
  if (shown.length === 0) {
    // The boundary file, not the data, lacks the region: say so with its path and URL.
    const options = [...new Set(features.map((f) => f.key.slice(0, Math.max(2, f.key.length - 3))))].slice(0, 50).join(', ');
    const located = { ...problem('$.features[*].properties', 'one-of', { value: parent ?? '', options }), source: geometryUrl };
    throw new DataError('unknown-region', { value: parent ?? '', problems: [located], source: geometryUrl });
  }

  shown = oneLevel(store, indicator, shown, parent, geometryUrl);

  const keys = new Set(shown.map((f) => f.key));
  const withData = store.regionsWithData(indicator.id).filter((k) => keys.has(k));
  if (withData.length === 0 && store.regionsWithData(indicator.id).length > 0) {
    // Boundaries and data share no key: the wrong boundary file (or level) for these data.
    const located = { ...problem('$.features[*].properties', 'unknown-region', { value: shown[0]!.key }), source: geometryUrl };
    throw new DataError('empty', { source: geometryUrl, problems: [located] });
  }
  const periods = resolvePeriods(store, indicator, { period: attrs.period });
  const period =
    attrs.period ??
    [...periods].reverse().find((p) => withData.some((k) => (store.get(indicator.id, k, p, breakdown)?.value ?? null) !== null));
  if (!period) throw noValues(store, indicator.id, true);

  const regions: MapRegion[] = shown.map((feature) => ({
    key: feature.key,
    name: store.regions.get(feature.key)?.name ?? String(feature.properties['name'] ?? feature.key),
    feature,
    observation: store.get(indicator.id, feature.key, period, Object.keys(breakdown).length ? breakdown : undefined),
    classIndex: -1,
    labelPoint: undefined,
    labelRoom: 0,
  }));
  regions.sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const values = regions.map((r) => r.observation?.value).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) throw noValues(store, indicator.id, true);
  const count = Math.min(9, Math.max(1, Math.round(attrs.classes ?? 5)));
  const breaks = words(attrs.breaks).map(Number).filter(Number.isFinite);
  // "breaks" without usable breaks is classified by quantiles — and the summary must say so, not "given classes".
  if (classification === 'breaks' && breaks.length === 0) classification = 'quantile';
  const classes = classify(values, count, classification, breaks);
  for (const r of regions) {
    const v = r.observation?.value;
    r.classIndex = typeof v === 'number' ? classOf(v, classes) : -1;
  }
  if (regions.length <= MAX_LABELS) {
    for (const r of regions) {
      const p = labelPoint(r.feature);
      r.labelPoint = [p[0], p[1]];
      r.labelRoom = p.distance;
    }
  }

  // Regions in the data (below the shown region) that the boundary file does not have.
  const withoutGeometry = [...store.regions.values()].flatMap((region) => {
    if (keys.has(region.key) || region.key.length !== shown[0]!.key.length || (parent && !region.key.startsWith(parent))) return [];
    const observation = store.get(indicator.id, region.key, period, Object.keys(breakdown).length ? breakdown : undefined);
    return observation && observation.value !== null ? [{ region, observation }] : [];
  });

  return {
    indicator,
    period,
    regions,
    classes,
    counts: classes.ranges.map((_, i) => regions.filter((r) => r.classIndex === i).length),
    colors: schemeColors(scheme, classes.ranges.length),
    classification,
    // the element adds it to a copy: a highlight change does not rebuild the model
    highlight: undefined,
    withoutGeometry,
    observations: regions.map((r) => r.observation).filter((o): o is StoredObservation => !!o),
  };
}
