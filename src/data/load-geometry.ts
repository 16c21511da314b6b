/**
 * Boundary files (GeoJSON or TopoJSON) as GeoJSON features keyed by their
 * official region key. One request per URL per page, shared like data files;
 * anything that is not a usable boundary file is a `geometry` DataError.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { formatPath, problem, type PathSegment } from '../format/problem.js';
import { DataError } from './data-error.js';
import { absoluteUrl } from './document-cache.js';
import { fetchText } from './fetch-document.js';

export type RegionFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>> & { key: string };

export interface GeometrySource {
  url: string;
  /** Feature property with the region key (AGS/ARS). */
  keyProperty: string;
  /** TopoJSON object; default: the first. */
  object?: string | undefined;
}

const KEY = Symbol.for('kreisdossier.geometryCache.v1');
const g = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
const cache: Map<string, Promise<unknown>> = (g[KEY] ??= new Map());

function fetchJson(url: string, timeoutMs: number | undefined): Promise<unknown> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchText(url, timeoutMs).then((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        // Like a data file: the parser's reason at `$`, for the console.
        throw new DataError('json', { source: url, cause, problems: [{ ...problem('$', 'json-syntax', { detail: (cause as Error).message }), source: url }] });
      }
    });
    cache.set(url, pending);
    pending.catch(() => cache.get(url) === pending && cache.delete(url));
  }
  return pending;
}

/** Starts fetching a boundary file early (in parallel with the data), without waiting for it. */
export function prefetchGeometry(src: string, timeoutMs?: number): void {
  fetchJson(absoluteUrl(src), timeoutMs).catch(() => undefined); // failures surface when it is used
}

/**
 * Converted features per file and key: the maps of a dossier share one boundary file, and TopoJSON →
 * GeoJSON for 11 000 Gemeinden is not done once per map. The features are read-only for their users.
 */
const converted = new Map<string, Promise<RegionFeature[]>>();

/** Drops one boundary file (or all) so the next load fetches again. */
export function forgetGeometry(src?: string): void {
  if (src === undefined) {
    cache.clear();
    converted.clear();
    return;
  }
  const url = absoluteUrl(src);
  cache.delete(url);
  for (const key of converted.keys()) if (key.startsWith(`${url}#`)) converted.delete(key);
}

function isTopology(json: unknown): json is Topology {
  return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'Topology' && typeof (json as Topology).objects === 'object';
}

function isFeatureCollection(json: unknown): json is FeatureCollection {
  return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((json as FeatureCollection).features);
}

export function loadGeometry(source: GeometrySource, timeoutMs?: number): Promise<RegionFeature[]> {
  const url = absoluteUrl(source.url);
  const key = `${url}#${source.keyProperty}|${source.object ?? ''}`;
  let pending = converted.get(key);
  if (!pending) {
    pending = fetchJson(url, timeoutMs).then((json) => regionFeatures(json, source, url));
    converted.set(key, pending);
    pending.catch(() => converted.get(key) === pending && converted.delete(key));
  }
  return pending;
}

/** The features of a parsed boundary file that carry a region key, or a `geometry` DataError saying why none. */
function regionFeatures(json: unknown, source: GeometrySource, url: string): RegionFeature[] {
  /** The error names where in the file the key (or the collection) was expected, for the console. */
  const invalid = (path: PathSegment[] | string, code: 'missing' | 'one-of', params: Record<string, string>) =>
    new DataError('geometry', { source: url, value: source.keyProperty, problems: [{ ...problem(path, code, params), source: url }] });
  const type = typeof json === 'object' && json !== null ? String((json as { type?: unknown }).type) : String(json);
  let collection: FeatureCollection;
  /** Where the features are: `$.features` or `$.objects.<name>.geometries`. */
  let featuresPath: PathSegment[] = ['features'];
  if (isTopology(json)) {
    const name = source.object ?? Object.keys(json.objects)[0];
    // Own keys only: an `object` or `key-property` named "constructor" is no inherited property.
    const object = name && Object.hasOwn(json.objects, name) ? json.objects[name] : undefined;
    if (!object) throw invalid(['objects', name ?? ''], 'missing', { name: name ?? 'objects' });
    featuresPath = ['objects', name!, 'geometries'];
    const converted = topoFeature(json, object) as FeatureCollection | Feature;
    collection = converted.type === 'FeatureCollection' ? converted : { type: 'FeatureCollection', features: [converted] };
  } else if (isFeatureCollection(json)) {
    collection = json;
  } else {
    throw invalid(['type'], 'one-of', { value: type, options: 'FeatureCollection, Topology' });
  }
  const features: RegionFeature[] = [];
  for (const f of collection.features) {
    const geometry = f.geometry as Geometry | null;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const raw = source.keyProperty === 'id' ? f.id : f.properties && Object.hasOwn(f.properties, source.keyProperty) ? f.properties[source.keyProperty] : undefined;
    if (raw === undefined || raw === null || raw === '') continue;
    features.push({ ...(f as Feature<Polygon | MultiPolygon, Record<string, unknown>>), properties: f.properties ?? {}, key: String(raw) });
  }
  // A file whose features carry no key at all is the wrong file (or the wrong key-property).
  if (features.length === 0) {
    const keyPath = source.keyProperty === 'id' ? ['id'] : ['properties', source.keyProperty];
    throw invalid(`${formatPath(featuresPath)}[*]${formatPath(keyPath).slice(1)}`, 'missing', { name: source.keyProperty });
  }
  return features;
}
