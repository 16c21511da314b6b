/**
 * A boundary file named by a geometry reference, read for the catalogue: the region keys it has (its level and key
 * prefixes), each region's official type (BKG's `type`, or `BEZ` as in VG250/VG5000 shapefiles) and, for TopoJSON,
 * which regions share a border (topojson-client's `neighbors`: shared arcs).
 */
import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';
import { neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { levelOfKey } from '../../src/format/catalogue-select.js';
import type { GeometryRef, RegionLevel } from '../../src/format/types.js';
import { REGION_KEY_PATTERN } from '../../src/format/vocabulary.js';
import { AdapterError } from '../adapter-error.js';
import { readInputFile } from '../limits.js';

export interface Boundaries {
  keys: string[];
  level: RegionLevel;
  /** Official type by key, where the file has one. */
  types: Map<string, string>;
  /** Names by key (`name`, or BKG's `GEN`), where the file has them. */
  names: Map<string, string>;
  /** Keys sharing a border, by key; undefined for GeoJSON (no shared arcs to read). */
  neighbours?: Map<string, string[]>;
}

export function readBoundaries(path: string, ref: Pick<GeometryRef, 'format' | 'keyProperty' | 'object' | 'level'>): Boundaries {
  let json: unknown;
  try {
    json = JSON.parse(readInputFile(path).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new AdapterError({ de: `keine gültige JSON-Datei (${error.message})`, en: `not valid JSON (${error.message})` });
    throw error;
  }
  const property = ref.keyProperty ?? 'ags';
  let properties: GeoJsonProperties[];
  let topology: { object: GeometryCollection<GeoJsonProperties> } | undefined;
  if (ref.format === 'topojson') {
    const t = json as Topology;
    if (t?.type !== 'Topology' || typeof t.objects !== 'object') throw new AdapterError({ de: 'keine TopoJSON-Datei', en: 'not a TopoJSON file' });
    const names = Object.keys(t.objects);
    const name = ref.object ?? (names.length === 1 ? names[0] : undefined);
    const object = name === undefined ? undefined : t.objects[name];
    if (!object || object.type !== 'GeometryCollection') {
      throw new AdapterError({
        de: `die TopoJSON-Datei hat kein Objekt „${ref.object ?? ''}“ mit Gebieten (Objekte: ${names.join(', ')}); der Verweis nennt es mit "object"`,
        en: `the TopoJSON file has no object "${ref.object ?? ''}" with features (objects: ${names.join(', ')}); the reference names it with "object"`,
      });
    }
    topology = { object: object as GeometryCollection<GeoJsonProperties> };
    properties = object.geometries.map((g) => g.properties ?? null);
  } else {
    const fc = json as FeatureCollection;
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new AdapterError({ de: 'keine GeoJSON-FeatureCollection', en: 'not a GeoJSON FeatureCollection' });
    properties = fc.features.map((f: Feature) => f.properties);
  }

  const keys = properties.map((p) => (p?.[property] === undefined || p[property] === null ? '' : String(p[property])));
  const bad = keys.filter((k) => !REGION_KEY_PATTERN.test(k));
  if (bad.length) {
    throw new AdapterError({
      de: `${bad.length} Gebiete ohne gültigen Schlüssel in „${property}“ (z. B. „${bad[0]}“)`,
      en: `${bad.length} features without a valid key in "${property}" (e.g. "${bad[0]}")`,
    });
  }
  if (keys.length === 0) throw new AdapterError({ de: 'die Datei enthält keine Gebiete', en: 'the file has no features' });
  const levels = new Set(keys.map(levelOfKey));
  const level = ref.level ?? (levels.size === 1 ? [...levels][0]! : undefined);
  if (!level) {
    throw new AdapterError({
      de: `die Gebiete gehören zu mehreren Ebenen (${[...levels].join(', ')}); der Verweis nennt die Ebene mit "level"`,
      en: `the features belong to several levels (${[...levels].join(', ')}); name the level in the reference with "level"`,
    });
  }

  const types = new Map<string, string>();
  const names = new Map<string, string>();
  properties.forEach((p, i) => {
    const type = p?.type ?? p?.BEZ;
    if (typeof type === 'string' && type.trim()) types.set(keys[i]!, type.trim());
    const name = p?.name ?? p?.GEN;
    if (typeof name === 'string' && name.trim() && !names.has(keys[i]!)) names.set(keys[i]!, name.trim());
  });
  let neighbours: Map<string, string[]> | undefined;
  if (topology) {
    neighbours = new Map();
    neighbors(topology.object.geometries as Parameters<typeof neighbors>[0]).forEach((list, i) => {
      const own = keys[i]!;
      const found = new Set([...(neighbours!.get(own) ?? []), ...list.map((j) => keys[j]!).filter((k) => k !== own)]);
      neighbours!.set(own, [...found].sort());
    });
  }
  return { keys: [...new Set(keys)], level, types, names, ...(neighbours ? { neighbours } : {}) };
}
