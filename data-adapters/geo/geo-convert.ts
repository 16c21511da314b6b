/**
 * The geometry adapter behind `kreisdossier geo`: boundary files (GeoJSON, TopoJSON or a
 * Shapefile set) in, a WGS84 GeoJSON or TopoJSON out whose features carry the official key as
 * the string property `ags` (plus `ars` and `name` when the source has them), ready to be named
 * in a kreisdossier file's `geometry` reference with `keyProperty: "ags"`.
 *
 * Reading, projection, filtering, simplification and writing are done by mapshaper in memory
 * (`applyCommands`, no temporary files). Keys are read and checked here, in two passes:
 *   1. mapshaper reads the file and hands back its attribute table;
 *   2. the keys are checked and normalised ("01001", never 1001), and mapshaper runs
 *      `-proj wgs84 [init=…]`, `-join` (the checked keys by feature number), `-filter`,
 *      `-simplify … keep-shapes`, `-filter-fields ags,ars,name` and `-o`.
 * Features without a valid key are never dropped silently: they are listed in `warnings`
 * with their count. Nothing left (e.g. `--within 99`) is an AdapterError.
 *
 * Coordinate systems: GeoJSON and TopoJSON are read as WGS84 longitude/latitude (or the EPSG
 * code of an old-style GeoJSON `crs` member); a Shapefile by its .prj. BKG's Gauss-Krüger .prj
 * files (DHDN, EPSG:31466–31469, as in VG250/VG5000 "gk3" downloads) carry no datum shift, so a
 * projection by the .prj alone puts every point ≈150 m off; such a .prj is replaced by the EPSG
 * definition with the 7-parameter DHDN→WGS84 shift (mapshaper `-proj wgs84 init=EPSG:31467`),
 * and a warning says so. `sourceCrs` (`--source-crs`) overrides the .prj in any case.
 */
import mapshaper from 'mapshaper';
import type { RegionLevel } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { isObject, levelOfKey } from '../common.js';
import {
  ARS_CANDIDATES,
  KEY_CANDIDATES,
  NAME_CANDIDATES,
  agsOfKey,
  checkWithin,
  isWithin,
  keyReader,
  showValue,
  type KeyValue,
} from './geo-keys.js';

export type GeoFormat = 'geojson' | 'topojson';

export interface GeoInput {
  /**
   * One GeoJSON file, one TopoJSON file, or a Shapefile set (.shp + .dbf, with .shx, .prj and
   * .cpg when present), keyed by file name. The kind is told by the names and the content.
   */
  files: Record<string, Uint8Array | string>;
}

export interface GeoOptions {
  /** Source attribute holding the official key; default: the first of ags, AGS, ars, ARS, RS, id (the feature id) present. */
  keyProperty?: string;
  /** Keep only features whose key (AGS or ARS) starts with this official key, e.g. "15085". */
  within?: string;
  /** mapshaper-style simplification: share of removable vertices to keep ("10%", "0.1") or an interval ("100m", "2km", "interval=500"). Shapes are kept. */
  simplify?: string;
  /** Output format; default geojson. */
  format?: GeoFormat;
  /**
   * Coordinate precision. GeoJSON: decimal places (default 5, ≈1 m). TopoJSON: decimal places
   * (0–15, a grid of 10^-n degrees) or a quantization (≥ 100, e.g. 1e5 = the default).
   */
  precision?: number;
  /**
   * Source coordinate system ("EPSG:31467", "EPSG:25832", a proj4 string), overriding the .prj
   * (or the WGS84 assumption for GeoJSON/TopoJSON). For DHDN Gauss-Krüger give the EPSG code:
   * only `init=EPSG:31467` (etc.) brings the 7-parameter datum shift to WGS84 (≈150 m otherwise).
   */
  sourceCrs?: string;
  /**
   * Name of the TopoJSON object written (default by level: "gemeinden", "kreise", "laender", …,
   * or "regionen"). For a TopoJSON input with several objects, also the object to read.
   */
  objectName?: string;
  /** Further source attributes copied unchanged to the output, e.g. ["type"] (BKG's kind of Kreis), for the catalogue. */
  keepProperties?: string[];
}

export interface GeoResult {
  /** The output file text. */
  data: string;
  format: GeoFormat;
  featureCount: number;
  /** Property of the output features holding the official key (always `ags`). */
  keyProperty: 'ags';
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [number, number, number, number];
  warnings: Reason[];
  /** The TopoJSON object name (for the geometry reference's `object`); GeoJSON: the layer name. */
  object: string;
  /** The level of all features, when they share one (for the geometry reference's `level`). */
  level?: RegionLevel;
  /** The source attribute the keys were read from. */
  sourceKeyProperty: string;
}

/** Germany with a margin: lon 5.5–15.5, lat 47–55.5 (VG5000: 5.87–15.04, 47.27–55.06). */
const GERMANY: readonly [number, number, number, number] = [5.5, 47, 15.5, 55.5];
const DEFAULT_DECIMALS = 5;
const DEFAULT_QUANTIZATION = 100000;
const MAX_LISTED = 10;

const OBJECT_NAMES: Record<RegionLevel, string> = {
  Bund: 'deutschland',
  Land: 'laender',
  Regierungsbezirk: 'regierungsbezirke',
  Kreis: 'kreise',
  Gemeindeverband: 'gemeindeverbaende',
  Gemeinde: 'gemeinden',
};

type Cache = Record<string, string | Uint8Array>;

interface PreparedInput {
  kind: 'geojson' | 'topojson' | 'shapefile';
  cache: Cache;
  /** File name for `-i`. */
  main: string;
  /** Source CRS for `-proj init=`. */
  init?: string;
  /** Whether to run `-proj wgs84`. */
  project: boolean;
}

interface SourceRecord {
  [field: string]: unknown;
  __null?: boolean;
  __type?: string | null;
  __id?: unknown;
}

interface Region {
  ags: string;
  ars?: string;
  name?: string;
}

/** Converts a boundary file to WGS84 GeoJSON/TopoJSON keyed by official key (`ags`). */
export function convertGeometry(input: GeoInput, options: GeoOptions = {}): Promise<GeoResult> {
  // mapshaper's logging functions are process-wide: one conversion at a time.
  const run = queue.then(() => convert(input, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function convert(input: GeoInput, options: GeoOptions): Promise<GeoResult> {
  const warnings: Reason[] = [];
  const format = options.format ?? 'geojson';
  if (format !== 'geojson' && format !== 'topojson') {
    throw new AdapterError({ de: `--format ${String(format)}: erwartet wird geojson oder topojson`, en: `--format ${String(format)}: expected geojson or topojson` });
  }
  const within = options.within === undefined ? undefined : checkWithin(options.within);
  const simplify = options.simplify === undefined ? [] : simplifyArgs(options.simplify);
  const precision = precisionArgs(format, options.precision);
  if (options.objectName !== undefined && !/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(options.objectName)) {
    throw new AdapterError({
      de: `Objektname „${options.objectName}“: bitte nur Buchstaben, Ziffern, „_“ und „-“ verwenden`,
      en: `object name ${JSON.stringify(options.objectName)}: use letters, digits, "_" and "-"`,
    });
  }
  const keepProperties = options.keepProperties ?? [];
  for (const p of keepProperties) {
    if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(p) || ['ags', 'ars', 'name'].includes(p)) {
      throw new AdapterError({
        de: `--keep-properties ${p}: erwartet werden Namen von Attributen der Quelle (nicht ags, ars, name, die immer übernommen werden)`,
        en: `--keep-properties ${p}: expected names of source attributes (not ags, ars, name, which are always kept)`,
      });
    }
  }
  const prepared = prepareInput(input, options, warnings);
  const notes: string[] = [];

  // Pass 1: the attribute table, with null geometries and the layer type.
  const json = prepared.kind !== 'shapefile';
  const first = await runMapshaper(
    [
      '-i', prepared.main, ...(json ? ['id-field=__id'] : []),
      '-each', '__null = this.isNull; __type = this.layer.type',
      '-o', 'attributes.json', 'format=json',
    ],
    prepared.cache,
    notes,
    prepared.init,
  );
  const tables = Object.values(first);
  if (tables.length !== 1) throw new AdapterError({ de: `erwartet wird eine Ebene mit Flächen, gefunden: ${tables.length} Ebenen`, en: `expected one layer of polygons, found ${tables.length} layers` });
  const records = JSON.parse(text(tables[0]!)) as SourceRecord[];
  if (records.length === 0) throw new AdapterError({ de: 'die Datei enthält keine Gebiete', en: 'the file has no features' });
  const layerType = records.find((r) => !r.__null)?.__type;
  if (!layerType) throw new AdapterError({ de: 'kein Gebiet hat eine Geometrie', en: 'no feature has a geometry' });
  if (layerType !== 'polygon') {
    throw new AdapterError({
      de: `erwartet werden Flächen (Gebietsgrenzen), gefunden: Gebiete vom Typ ${layerType}`,
      en: `expected polygons (region boundaries), found ${layerType} features`,
    });
  }

  // Keys.
  const { regions, sourceKeyProperty } = readRegions(records, options.keyProperty, warnings);
  const label = (i: number) => {
    const r = regions[i];
    const name = r && 'name' in r ? r.name : nameOf(records[i]!);
    return `#${i + 1}${name ? ` ${name}` : ''}`;
  };
  const invalid: Reason[] = [];
  const nullGeometry: string[] = [];
  const keep = records.map((rec, i) => {
    const r = regions[i]!;
    if ('invalid' in r) {
      invalid.push({ de: `${label(i)} (${r.invalid.de})`, en: `${label(i)} (${r.invalid.en})` });
      return false;
    }
    if (rec.__null) {
      nullGeometry.push(`${label(i)} (${r.ags})`);
      return false;
    }
    return within === undefined || isWithin(within, r.ags, r.ars);
  });
  const valid = regions.filter((r): r is Region => 'ags' in r);
  if (valid.length === 0) {
    const example = regions.find((r): r is { invalid: Reason } => 'invalid' in r)?.invalid ?? { de: 'kein Schlüssel', en: 'no key' };
    const attributes = fieldList(records);
    throw new AdapterError({
      de:
        `kein Gebiet hat einen gültigen amtlichen Regionalschlüssel in „${sourceKeyProperty}“ (z. B. ${example.de}); ` +
        `bitte das Attribut mit dem Schlüssel mit --key-property angeben (Attribute: ${attributes.de})`,
      en:
        `no feature has a valid official key in "${sourceKeyProperty}" (e.g. ${example.en}); ` +
        `name the attribute holding the key with --key-property (attributes: ${attributes.en})`,
    });
  }
  if (invalid.length) {
    warnings.push(MESSAGES['cli.geo.invalid-keys'](invalid.length, sourceKeyProperty, listed(invalid)));
  }
  if (nullGeometry.length) warnings.push(MESSAGES['cli.geo.no-geometry'](nullGeometry.length, listed(nullGeometry)));

  const kept = keep.map((k, i) => (k ? (regions[i] as Region) : undefined)).filter((r): r is Region => r !== undefined);
  if (kept.length === 0) {
    const keys = valid.map((r) => r.ags).sort();
    throw new AdapterError(
      within === undefined
        ? { de: 'kein Gebiet zum Schreiben übrig', en: 'no feature left to write' }
        : {
            de: `keine Gebiete innerhalb von ${within} (--within): die Schlüssel in der Datei reichen von ${keys[0]} bis ${keys[keys.length - 1]}`,
            en: `no features within ${within} (--within): the keys in the file run from ${keys[0]} to ${keys[keys.length - 1]}`,
          },
    );
  }
  const duplicates = duplicateKeys(kept);
  if (duplicates.length) {
    warnings.push(MESSAGES['cli.geo.duplicate-keys'](duplicates.length, listed(duplicates)));
  }

  const levels = new Set(kept.map((r) => levelOfKey(r.ags)));
  const level = levels.size === 1 ? [...levels][0] : undefined;
  const object = options.objectName ?? (level ? OBJECT_NAMES[level] : undefined) ?? 'regionen';
  const withArs = kept.some((r) => r.ars !== undefined);
  const withName = kept.some((r) => r.name !== undefined);
  for (const p of keepProperties) {
    if (!present(records, p)) throw new AdapterError({ de: `--keep-properties ${p}: die Quelle hat kein solches Attribut (Attribute: ${fieldList(records).de})`, en: `--keep-properties ${p}: the source has no such attribute (attributes: ${fieldList(records).en})` });
  }
  const fields = ['ags', ...(withArs ? ['ars'] : []), ...(withName ? ['name'] : []), ...keepProperties];
  const joinTable = records.map((_, i) => {
    const r = keep[i] ? (regions[i] as Region) : undefined;
    return {
      __fid: i,
      __keep: keep[i],
      ags: r?.ags ?? null,
      ...(withArs ? { ars: r?.ars ?? null } : {}),
      ...(withName ? { name: r?.name ?? null } : {}),
      ...Object.fromEntries(keepProperties.map((p) => [p, r ? (records[i]![p] ?? null) : null])),
    };
  });

  // Pass 2: project, key, filter, simplify, write.
  const second = await runMapshaper(
    [
      '-i', prepared.main,
      ...(prepared.project ? ['-proj', 'wgs84', ...(prepared.init ? [`init=${prepared.init}`] : [])] : []),
      '-each', '__fid = this.id',
      '-filter-fields', '__fid',
      '-join', 'regions.json', 'keys=__fid,__fid',
      ...(kept.length < records.length ? ['-filter', '__keep === true', 'cleanup'] : []),
      ...(simplify.length ? ['-simplify', ...simplify, 'keep-shapes'] : []),
      '-filter-fields', fields.join(','),
      '-rename-layers', object,
      '-o', 'output.json', `format=${format}`, 'bbox', 'id-field=ags', ...precision,
    ],
    { ...prepared.cache, 'regions.json': JSON.stringify(joinTable) },
    notes,
    prepared.init,
  );
  const outputs = Object.values(second);
  if (outputs.length !== 1) throw new AdapterError({ de: `mapshaper hat ${outputs.length} Dateien statt einer geschrieben`, en: `mapshaper wrote ${outputs.length} files instead of one` });
  const data = text(outputs[0]!);
  const written = JSON.parse(data) as {
    bbox?: number[];
    features?: unknown[];
    objects?: Record<string, { geometries?: unknown[] }>;
  };
  const featureCount = (format === 'geojson' ? written.features : written.objects?.[object]?.geometries)?.length ?? 0;
  if (featureCount !== kept.length) warnings.push(MESSAGES['cli.geo.feature-count'](featureCount, kept.length));
  const bbox = checkBbox(written.bbox, warnings);
  for (const note of new Set(notes)) warnings.push(MESSAGES['cli.geo.mapshaper-note'](note));

  return {
    data,
    format,
    featureCount,
    keyProperty: 'ags',
    bbox,
    warnings,
    object,
    ...(level ? { level } : {}),
    sourceKeyProperty,
  };
}

// ---------------------------------------------------------------- input

const extOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const stemOf = (name: string) => name.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '').toLowerCase();
const SHAPEFILE_PARTS = ['shp', 'dbf', 'shx', 'prj', 'cpg'];

function prepareInput(input: GeoInput, options: GeoOptions, warnings: Reason[]): PreparedInput {
  const names = Object.keys(input.files ?? {});
  if (names.length === 0) throw new AdapterError({ de: 'keine Eingabedatei', en: 'no input file' });
  const shp = names.filter((n) => extOf(n) === 'shp');
  if (shp.length > 1) {
    throw new AdapterError({
      de: `mehrere .shp-Dateien (${shp.join(', ')}): bitte jeweils nur ein Shapefile umwandeln`,
      en: `several .shp files (${shp.join(', ')}): convert one Shapefile at a time`,
    });
  }
  if (shp.length === 1) return prepareShapefile(input.files, names, shp[0]!, options, warnings);
  if (names.length > 1) {
    throw new AdapterError({
      de: `erwartet wird eine GeoJSON- oder TopoJSON-Datei oder ein Shapefile-Satz (.shp, .dbf, .shx, .prj); angegeben: ${names.join(', ')}`,
      en: `expected one GeoJSON or TopoJSON file, or a Shapefile set (.shp, .dbf, .shx, .prj); got ${names.join(', ')}`,
    });
  }
  return prepareJson(input.files[names[0]!]!, names[0]!, options, warnings);
}

function prepareShapefile(
  files: GeoInput['files'],
  names: string[],
  shpName: string,
  options: GeoOptions,
  warnings: Reason[],
): PreparedInput {
  const stem = stemOf(shpName);
  const part = (ext: string) => {
    const same = names.find((n) => extOf(n) === ext && stemOf(n) === stem);
    if (same !== undefined) return same;
    const any = names.filter((n) => extOf(n) === ext);
    return any.length === 1 ? any[0] : undefined;
  };
  const found = Object.fromEntries(SHAPEFILE_PARTS.map((ext) => [ext, part(ext)])) as Record<string, string | undefined>;
  if (!found.dbf) {
    throw new AdapterError({
      de: `zu ${shpName} fehlt die .dbf-Datei (die Attribute mit dem amtlichen Regionalschlüssel)`,
      en: `${shpName} needs its .dbf file (the attributes with the official key)`,
    });
  }
  const ignored = names.filter((n) => !Object.values(found).includes(n));
  if (ignored.length) warnings.push(MESSAGES['cli.geo.ignored-files'](ignored.join(', '), shpName));

  const binary = (name: string): Uint8Array => {
    const content = files[name]!;
    if (typeof content === 'string') throw new AdapterError({ de: `${name} muss als Bytes angegeben werden, nicht als Text`, en: `${name} must be given as bytes, not as text` });
    return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  };
  const textual = (name: string): string => {
    const content = files[name]!;
    return (typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)).replace(/^\uFEFF/, '').trim();
  };
  const cache: Cache = { 'input.shp': binary(shpName), 'input.dbf': binary(found.dbf) };
  if (found.shx) cache['input.shx'] = binary(found.shx);
  if (found.cpg) cache['input.cpg'] = textual(found.cpg);
  checkShapefileSizes(cache, { shp: shpName, dbf: found.dbf, shx: found.shx });

  let init = options.sourceCrs?.trim() || undefined;
  const prj = found.prj ? textual(found.prj) : undefined;
  if (init === undefined && prj !== undefined) {
    const dhdn = dhdnWithoutShift(prj);
    if (typeof dhdn === 'number') {
      init = `EPSG:${dhdn}`;
      warnings.push(MESSAGES['cli.geo.dhdn-shifted'](found.prj!, init));
    } else if (dhdn === 'unknown') {
      warnings.push(MESSAGES['cli.geo.dhdn-unknown'](found.prj!));
    }
  }
  // With an explicit source CRS the .prj is not read at all.
  if (init === undefined && prj !== undefined) cache['input.prj'] = prj;
  return { kind: 'shapefile', cache, main: 'input.shp', project: true, ...(init ? { init } : {}) };
}

/**
 * A cut-off or damaged .shp, .shx or .dbf is refused before mapshaper reads it: mapshaper stops
 * with an index error, or, for a short .shx, reads the missing shapes as empty and leaves them out.
 * The .shp and .shx headers state the file length; the .dbf header its records and their length.
 */
function checkShapefileSizes(cache: Cache, names: { shp: string; dbf: string; shx?: string | undefined }): void {
  const view = (name: string) => {
    const b = cache[name] as Uint8Array;
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  const damaged = (file: string, de: string, en: string) =>
    new AdapterError({ de: `${file} ist abgeschnitten oder beschädigt (${de}): bitte die vollständige Datei angeben`, en: `${file} is cut off or damaged (${en}): give the complete file` });
  const main = (name: string, file: string) => {
    const v = view(name);
    if (v.byteLength < 100 || v.getInt32(0) !== 9994) throw damaged(file, 'kein Shapefile-Kopf', 'no Shapefile header');
    const stated = v.getInt32(24) * 2;
    if (stated !== v.byteLength) throw damaged(file, `laut Kopf ${stated} Bytes, vorhanden ${v.byteLength}`, `${stated} bytes according to its header, ${v.byteLength} present`);
  };
  main('input.shp', names.shp);
  if (names.shx) main('input.shx', names.shx);
  const dbf = view('input.dbf');
  if (dbf.byteLength < 32) throw damaged(names.dbf, 'kein dBase-Kopf', 'no dBase header');
  const records = dbf.getUint32(4, true);
  const headerLength = dbf.getUint16(8, true);
  const recordLength = dbf.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1) throw damaged(names.dbf, 'kein dBase-Kopf', 'no dBase header');
  const needed = headerLength + records * recordLength;
  if (dbf.byteLength < needed) throw damaged(names.dbf, `laut Kopf ${needed} Bytes, vorhanden ${dbf.byteLength}`, `${needed} bytes according to its header, ${dbf.byteLength} present`);
  if (names.shx && (view('input.shx').byteLength - 100) / 8 !== records) {
    throw new AdapterError({
      de: `${names.shx} und ${names.dbf} passen nicht zusammen (${(view('input.shx').byteLength - 100) / 8} Formen, ${records} Datensätze): bitte die Dateien eines Shapefiles angeben`,
      en: `${names.shx} and ${names.dbf} do not match (${(view('input.shx').byteLength - 100) / 8} shapes, ${records} records): give the files of one Shapefile`,
    });
  }
}

/**
 * EPSG code (31466–31469, or 4314 for geographic DHDN) for a .prj in DHDN that lacks TOWGS84,
 * 'unknown' for a DHDN .prj that cannot be matched, undefined when the .prj is not DHDN or has a shift.
 */
export function dhdnWithoutShift(prj: string): number | 'unknown' | undefined {
  if (/TOWGS84/i.test(prj) || !/DHDN|Deutsches[_ ]Hauptdreiecksnetz|Potsdam/i.test(prj)) return undefined;
  if (/^\s*GEOGCS/i.test(prj)) return 4314;
  if (!/^\s*PROJCS/i.test(prj) || !/Transverse_Mercator|Gauss/i.test(prj)) return 'unknown';
  const parameter = (name: string) => {
    const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.]+)\\s*\\]`, 'i').exec(prj);
    return m ? Number(m[1]) : undefined;
  };
  const centralMeridian = parameter('central_meridian');
  const falseEasting = parameter('false_easting');
  const scale = parameter('scale_factor');
  const zone = centralMeridian !== undefined ? centralMeridian / 3 : undefined;
  if (zone === undefined || ![2, 3, 4, 5].includes(zone)) return 'unknown';
  if (falseEasting !== zone * 1e6 + 500000 || (scale !== undefined && scale !== 1)) return 'unknown';
  return 31464 + zone;
}

function prepareJson(content: Uint8Array | string, name: string, options: GeoOptions, warnings: Reason[]): PreparedInput {
  let source: string;
  if (typeof content === 'string') source = content;
  else {
    if (content[0] === 0x50 && content[1] === 0x4b) {
      throw new AdapterError({
        de: `${name} ist ein ZIP-Archiv: bitte entpacken und die enthaltenen Dateien angeben`,
        en: `${name} is a ZIP archive: unpack it and give the files inside`,
      });
    }
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      throw new AdapterError({
        de: `${name} ist kein UTF-8-Text: erwartet wird GeoJSON, TopoJSON oder ein Shapefile-Satz (.shp, .dbf, .shx, .prj)`,
        en: `${name} is not UTF-8 text: expected GeoJSON, TopoJSON or a Shapefile set (.shp, .dbf, .shx, .prj)`,
      });
    }
  }
  source = source.replace(/^\uFEFF/, '');
  const doc = parseJson(source, name);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new AdapterError({
      de: `${name} ist weder GeoJSON noch TopoJSON: erwartet wird ein JSON-Objekt`,
      en: `${name} is neither GeoJSON nor TopoJSON: expected a JSON object`,
    });
  }
  const type = (doc as { type?: unknown }).type;
  let init = options.sourceCrs?.trim() || undefined;
  let kind: 'geojson' | 'topojson';
  let changed = false;
  if (type === 'Topology') {
    kind = 'topojson';
    changed = selectTopologyObject(doc as Topology, options.objectName, warnings);
    checkTopology(doc as Topology, name);
  } else if (type === 'FeatureCollection' || type === 'Feature' || type === 'Polygon' || type === 'MultiPolygon') {
    kind = 'geojson';
    checkGeoJson(doc as GeoJsonRoot, name);
    changed = dropNonPolygons(doc as GeoJsonRoot, warnings);
    const crs = crsOfGeoJson(doc as GeoJsonRoot);
    if (init === undefined && crs !== undefined) init = crs;
  } else {
    throw new AdapterError({
      de: `${name} ist weder GeoJSON noch TopoJSON ("type": ${showValue(type, 'de')})`,
      en: `${name} is neither GeoJSON nor TopoJSON ("type": ${showValue(type)})`,
    });
  }
  return {
    kind,
    cache: { 'input.json': changed ? JSON.stringify(doc) : source },
    main: 'input.json',
    project: init !== undefined,
    ...(init ? { init } : {}),
  };
}

function malformed(name: string, de: string, en: string): AdapterError {
  return new AdapterError({ de: `${name} ist beschädigt: ${de}`, en: `${name} is damaged: ${en}` });
}

/** A geometry mapshaper can read: null, or an object with a list of coordinates (of geometries for a collection). */
function geometryOk(g: unknown): boolean {
  if (g === null) return true;
  if (!isObject(g) || typeof g.type !== 'string') return false;
  return g.type === 'GeometryCollection' ? Array.isArray(g.geometries) && g.geometries.every(geometryOk) : Array.isArray(g.coordinates);
}

/** The structure mapshaper relies on (it stops with a TypeError otherwise). */
function checkGeoJson(doc: GeoJsonRoot, name: string): void {
  const bad = (what: string, whatEn: string) =>
    malformed(name, `${what} hat keine gültige Geometrie („coordinates“ fehlt oder ist keine Liste)`, `${whatEn} has no valid geometry ("coordinates" missing or not a list)`);
  if (doc.type === 'Polygon' || doc.type === 'MultiPolygon') {
    if (!geometryOk(doc)) throw bad('die Geometrie', 'the geometry');
  } else if (doc.type === 'Feature') {
    if (doc.geometry !== undefined && !geometryOk(doc.geometry)) throw bad('das Gebiet', 'the feature');
  } else if (Array.isArray(doc.features)) {
    doc.features.forEach((f, i) => {
      if (!isObject(f)) throw malformed(name, `Gebiet #${i + 1} ist kein GeoJSON-Feature`, `feature #${i + 1} is not a GeoJSON Feature`);
      if (f.geometry !== undefined && !geometryOk(f.geometry)) throw bad(`Gebiet #${i + 1}`, `feature #${i + 1}`);
    });
  }
}

function checkTopology(doc: Topology & { arcs?: unknown; transform?: unknown }, name: string): void {
  if (!Array.isArray(doc.arcs) || !doc.arcs.every(Array.isArray)) throw malformed(name, '„arcs“ fehlt oder ist keine Liste von Linien', '"arcs" missing or not a list of lines');
  if (doc.transform !== undefined) {
    const t = doc.transform as { scale?: unknown; translate?: unknown } | null;
    const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (!isObject(t) || !pair(t.scale) || !pair(t.translate)) throw malformed(name, '„transform“ braucht „scale“ und „translate“ mit je zwei Zahlen', '"transform" needs "scale" and "translate" with two numbers each');
  }
  for (const [objectName, object] of Object.entries<unknown>(doc.objects ?? {})) {
    const geometries: unknown = isObject(object) && object.type === 'GeometryCollection' ? object.geometries : [object];
    if (!Array.isArray(geometries)) throw malformed(name, `Objekt „${objectName}“ hat keine Liste „geometries“`, `object ${JSON.stringify(objectName)} has no "geometries" list`);
    geometries.forEach((g, i) => {
      if (!isObject(g) || ((g.type === 'Polygon' || g.type === 'MultiPolygon') && !Array.isArray(g.arcs))) {
        throw malformed(name, `Gebiet #${i + 1} in „${objectName}“ hat keine gültige Geometrie („arcs“)`, `feature #${i + 1} of ${JSON.stringify(objectName)} has no valid geometry ("arcs")`);
      }
    });
  }
}

function parseJson(source: string, name: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    const line = (at === undefined ? source : source.slice(0, Number(at))).split('\n').length;
    throw new AdapterError({ de: `${name} ist kein gültiges JSON (abgeschnitten?): ${message}`, en: `${name} is not valid JSON (truncated?): ${message}` }, line);
  }
}

interface GeoJsonRoot {
  type: string;
  features?: Array<{ geometry?: { type?: string } | null; properties?: Record<string, unknown> | null; id?: unknown }>;
  geometry?: { type?: string } | null;
  crs?: { properties?: { name?: unknown } };
}

interface Topology {
  type: 'Topology';
  objects?: Record<string, { type?: string | null; geometries?: Array<{ type?: string | null; properties?: Record<string, unknown>; id?: unknown }> }>;
}

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/** Leaves only polygons (and features without geometry, reported later) in a FeatureCollection. */
function dropNonPolygons(doc: GeoJsonRoot, warnings: Reason[]): boolean {
  if (doc.type === 'Feature' && doc.geometry && !POLYGONAL.has(doc.geometry.type ?? '')) {
    throw new AdapterError({
      de: `erwartet werden Flächen (Gebietsgrenzen), gefunden: ein Gebiet vom Typ ${showValue(doc.geometry.type, 'de')}`,
      en: `expected polygons (region boundaries), found a ${showValue(doc.geometry.type)} feature`,
    });
  }
  if (doc.type !== 'FeatureCollection') return false;
  if (!Array.isArray(doc.features)) throw new AdapterError({ de: 'die GeoJSON-FeatureCollection hat keine Liste „features“', en: 'the GeoJSON FeatureCollection has no "features" list' });
  const other = doc.features.filter((f) => f && f.geometry && !POLYGONAL.has(f.geometry.type ?? ''));
  if (other.length === 0) return false;
  const types = [...new Set(other.map((f) => String(f.geometry!.type)))].join(', ');
  if (other.length === doc.features.length) {
    throw new AdapterError({
      de: `erwartet werden Flächen (Gebietsgrenzen), gefunden: nur Gebiete vom Typ ${types}`,
      en: `expected polygons (region boundaries), found only ${types} features`,
    });
  }
  warnings.push(MESSAGES['cli.geo.not-polygons'](other.length, types));
  doc.features = doc.features.filter((f) => !other.includes(f));
  return true;
}

/** EPSG code from an old-style GeoJSON `crs` member, unless it is WGS84. */
function crsOfGeoJson(doc: GeoJsonRoot): string | undefined {
  const name = doc.crs?.properties?.name;
  if (typeof name !== 'string' || /CRS84|EPSG:{1,2}4326$/i.test(name)) return undefined;
  const code = /EPSG:{1,2}(\d+)$/i.exec(name)?.[1];
  if (!code) {
    throw new AdapterError({
      de: `GeoJSON-"crs" „${name}“ ist kein EPSG-Code: bitte --source-crs angeben`,
      en: `GeoJSON "crs" ${JSON.stringify(name)} is not an EPSG code: give --source-crs`,
    });
  }
  return `EPSG:${code}`;
}

/** Keeps the one object to read (and only its polygons); true when the topology was changed. */
function selectTopologyObject(doc: Topology, objectName: string | undefined, warnings: Reason[]): boolean {
  const names = Object.keys(doc.objects ?? {});
  if (names.length === 0) throw new AdapterError({ de: 'das TopoJSON enthält keine Objekte', en: 'the TopoJSON has no objects' });
  let name = names[0]!;
  let changed = false;
  if (names.length > 1) {
    if (objectName === undefined || !names.includes(objectName)) {
      throw new AdapterError({
        de: `das TopoJSON enthält mehrere Objekte (${names.join(', ')}): bitte das zu lesende als Objektnamen angeben`,
        en: `the TopoJSON has several objects (${names.join(', ')}): name the one to read as the object name`,
      });
    }
    name = objectName;
    doc.objects = { [name]: doc.objects![name]! };
    changed = true;
  }
  const object = doc.objects![name]!;
  if (typeof object !== 'object' || object === null) {
    throw new AdapterError({ de: `das TopoJSON-Objekt „${name}“ ist keine Geometrie`, en: `TopoJSON object ${JSON.stringify(name)} is not a geometry` });
  }
  if (object.type !== 'GeometryCollection') {
    if (object.type && !POLYGONAL.has(object.type)) {
      throw new AdapterError({
        de: `erwartet werden Flächen (Gebietsgrenzen), gefunden: ${object.type}`,
        en: `expected polygons (region boundaries), found ${object.type}`,
      });
    }
    return changed;
  }
  const geometries = object.geometries ?? [];
  const other = geometries.filter((g) => g && g.type && !POLYGONAL.has(g.type));
  if (other.length === 0) return changed;
  const types = [...new Set(other.map((g) => String(g.type)))].join(', ');
  if (other.length === geometries.length) {
    throw new AdapterError({
      de: `erwartet werden Flächen (Gebietsgrenzen), gefunden: nur ${types}`,
      en: `expected polygons (region boundaries), found only ${types}`,
    });
  }
  warnings.push(MESSAGES['cli.geo.not-polygons'](other.length, types));
  object.geometries = geometries.filter((g) => !other.includes(g));
  return true;
}

// ---------------------------------------------------------------- keys

const INTERNAL = new Set(['__null', '__type', '__id']);

function fieldsOf(records: SourceRecord[]): string[] {
  const fields = new Set<string>();
  for (const r of records) for (const f of Object.keys(r)) if (!INTERNAL.has(f)) fields.add(f);
  return [...fields];
}

function fieldList(records: SourceRecord[]): Reason {
  const fields = fieldsOf(records);
  return fields.length ? { de: fields.join(', '), en: fields.join(', ') } : { de: 'keine', en: 'none' };
}

const present = (records: SourceRecord[], field: string) =>
  records.some((r) => r[field] !== undefined && r[field] !== null && r[field] !== '');

function nameOf(record: SourceRecord): string | undefined {
  for (const field of NAME_CANDIDATES) {
    const v = record[field];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

type RegionOrInvalid = Region | { invalid: Reason; name?: string };

function readRegions(
  records: SourceRecord[],
  keyProperty: string | undefined,
  warnings: Reason[],
): { regions: RegionOrInvalid[]; sourceKeyProperty: string } {
  let field: string;
  let sourceKeyProperty: string;
  if (keyProperty !== undefined) {
    sourceKeyProperty = keyProperty.trim();
    field = sourceKeyProperty;
    if (!fieldsOf(records).includes(field)) {
      if (field === 'id' && present(records, '__id')) field = '__id';
      else {
        const fields = fieldList(records);
        throw new AdapterError({
          de: `Schlüsselattribut „${sourceKeyProperty}“ (--key-property) nicht gefunden; die Gebiete haben: ${fields.de}`,
          en: `key property "${sourceKeyProperty}" (--key-property) not found; the features have: ${fields.en}`,
        });
      }
    }
  } else {
    const found = KEY_CANDIDATES.find((c) => present(records, c) || (c === 'id' && present(records, '__id')));
    if (found === undefined) {
      const fields = fieldList(records);
      throw new AdapterError({
        de:
          `kein Schlüsselattribut: die Gebiete haben keines von ${KEY_CANDIDATES.join(', ')} (und keine Feature-ID); ` +
          `bitte das Attribut mit dem amtlichen Regionalschlüssel mit --key-property angeben (Attribute: ${fields.de})`,
        en:
          `no key property: the features have none of ${KEY_CANDIDATES.join(', ')} (or a feature id); ` +
          `name the attribute holding the official key with --key-property (attributes: ${fields.en})`,
      });
    }
    sourceKeyProperty = found;
    field = present(records, found) ? found : '__id';
  }

  const readKey = keyReader(records.map((r) => r[field]), sourceKeyProperty);
  const arsField = ARS_CANDIDATES.find((c) => c !== field && present(records, c));
  let readArs: ((v: unknown) => KeyValue) | undefined;
  if (arsField !== undefined) {
    try {
      readArs = keyReader(records.map((r) => r[arsField]), arsField);
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      warnings.push(MESSAGES['cli.geo.ars-not-copied'](arsField, error.reason));
    }
  }
  const keyIsArs = ARS_CANDIDATES.includes(sourceKeyProperty);
  let arsMismatch = 0;
  const regions = records.map((record): RegionOrInvalid => {
    const name = nameOf(record);
    const k = readKey(record[field]);
    if ('invalid' in k) return { invalid: k.invalid, ...(name ? { name } : {}) };
    const ags = agsOfKey(k.key);
    let ars: string | undefined;
    if (k.key.length === 12 || k.key.length === 9 || keyIsArs) ars = k.key;
    else if (readArs && arsField) {
      const a = readArs(record[arsField]);
      if ('key' in a) {
        if (agsOfKey(a.key) === ags) ars = a.key;
        else arsMismatch++;
      }
    }
    return { ags, ...(ars ? { ars } : {}), ...(name ? { name } : {}) };
  });
  if (arsMismatch) warnings.push(MESSAGES['cli.geo.ars-mismatch'](arsMismatch, arsField!));
  return { regions, sourceKeyProperty };
}

function duplicateKeys(regions: Region[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const r of regions) byKey.set(r.ags, [...(byKey.get(r.ags) ?? []), r.name ?? '']);
  return [...byKey].filter(([, names]) => names.length > 1).map(([key, names]) => `${key} ×${names.length}${names[0] ? ` (${names[0]})` : ''}`);
}

// ---------------------------------------------------------------- options

/** mapshaper -simplify arguments from "10%", "0.1", "100m", "2km" or "interval=500". */
export function simplifyArgs(simplify: string): string[] {
  const s = simplify.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(s);
  if (percent) {
    const p = Number(percent[1]);
    if (p > 0 && p <= 100) return [`percentage=${p}%`];
  }
  if (/^(?:0?\.\d+|1(?:\.0*)?)$/.test(s) && Number(s) > 0) return [`percentage=${Number(s)}`];
  const interval = /^(?:interval=)?(\d+(?:\.\d+)?)\s*(m|km)?$/.exec(s);
  if (interval && (interval[2] || s.startsWith('interval='))) {
    const meters = Number(interval[1]) * (interval[2] === 'km' ? 1000 : 1);
    if (meters > 0) return [`interval=${meters}`];
  }
  throw new AdapterError({
    de: `--simplify „${simplify}“: erwartet wird der Anteil der zu behaltenden Stützpunkte (z. B. 10%) oder ein Abstand (z. B. 100m)`,
    en: `--simplify ${JSON.stringify(simplify)}: expected the share of vertices to keep (e.g. 10%) or an interval (e.g. 100m)`,
  });
}

function precisionArgs(format: GeoFormat, precision: number | undefined): string[] {
  const decimals = (d: number) => [`precision=${(10 ** -d).toFixed(d)}`];
  if (precision === undefined) return format === 'geojson' ? decimals(DEFAULT_DECIMALS) : [`quantization=${DEFAULT_QUANTIZATION}`];
  if (Number.isInteger(precision) && precision >= 0 && precision <= 15) return decimals(precision);
  if (format === 'topojson' && Number.isInteger(precision) && precision >= 100) return [`quantization=${precision}`];
  throw new AdapterError(
    format === 'geojson'
      ? { de: `Genauigkeit ${precision}: erwartet wird eine Zahl von Nachkommastellen (0–15)`, en: `precision ${precision}: expected decimal places (0–15)` }
      : {
          de: `Genauigkeit ${precision}: erwartet wird eine Zahl von Nachkommastellen (0–15) oder eine Quantisierung (≥ 100, z. B. 100000)`,
          en: `precision ${precision}: expected decimal places (0–15) or a quantization (≥ 100, e.g. 100000)`,
        },
  );
}

// ---------------------------------------------------------------- output

function checkBbox(bbox: number[] | undefined, warnings: Reason[]): [number, number, number, number] {
  if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    throw new AdapterError({ de: 'die Ausgabe hat kein umgebendes Rechteck (keine Koordinaten?)', en: 'the output has no bounding box (no coordinates?)' });
  }
  const [w, s, e, n] = bbox as [number, number, number, number];
  if (w < -180 || e > 180 || s < -90 || n > 90) {
    const box = bbox.map((v) => Math.round(v)).join(', ');
    throw new AdapterError({
      de:
        `die Koordinaten sind keine geographische Länge/Breite (umgebendes Rechteck ${box}): ` +
        'die Daten scheinen projiziert zu sein; bitte ihr Koordinatensystem mit --source-crs angeben (z. B. EPSG:25832)',
      en:
        `the coordinates are not longitude/latitude (bounding box ${box}): ` +
        'the data seem to be projected; give their coordinate system with --source-crs (e.g. EPSG:25832)',
    });
  }
  const [gw, gs, ge, gn] = GERMANY;
  if (w < gw || s < gs || e > ge || n > gn) {
    warnings.push(MESSAGES['cli.geo.outside-germany'](bbox.map((v) => v.toFixed(3)).join(', '), `${gw}–${ge}`, `${gs}–${gn}`));
  }
  return [w, s, e, n];
}

// ---------------------------------------------------------------- mapshaper

const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));

/** Messages worth passing on (mapshaper also reports routine steps such as "Joined 218 records"). */
const NOTEWORTHY = /warn|unable|fail|invalid|encoding|could not|not supported|missing|skipp/i;

/** Runs mapshaper on the in-memory files, collecting its warnings and turning its errors into AdapterErrors. */
async function runMapshaper(argv: string[], cache: Cache, notes: string[], init: string | undefined): Promise<Record<string, string | Uint8Array>> {
  const restore = mapshaper.internal.getLoggingSetter();
  const join = (args: unknown[]) => args.map(String).join(' ');
  mapshaper.internal.setLoggingFunctions(
    (...args) => {
      const m = join(args);
      if (NOTEWORTHY.test(m)) notes.push(m);
    },
    (...args) => {
      throw new Error(join(args));
    },
    (...args) => {
      const error = new Error(join(args));
      error.name = 'UserError';
      throw error;
    },
    (...args) => notes.push(join(args)),
  );
  try {
    return await mapshaper.applyCommands(argv, { ...cache });
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/source coordinate system is unknown/i.test(message)) {
      throw new AdapterError({
        de: 'das Koordinatensystem ist unbekannt (keine .prj-Datei): bitte mit --source-crs angeben, z. B. EPSG:25832 (UTM 32N) oder EPSG:31467 (Gauß-Krüger-Streifen 3)',
        en: 'the coordinate system is unknown (no .prj file): give it with --source-crs, e.g. EPSG:25832 (UTM 32N) or EPSG:31467 (Gauss-Krüger zone 3)',
      });
    }
    if (init !== undefined && /projection|init|crs/i.test(message)) {
      throw new AdapterError({
        de: `Quell-Koordinatensystem „${init}“ (--source-crs) nicht verwendbar: ${message}`,
        en: `source coordinate system ${JSON.stringify(init)} (--source-crs) not usable: ${message}`,
      });
    }
    if (/\.prj/i.test(message)) {
      throw new AdapterError({
        de: `die .prj-Datei ist nicht lesbar (abgeschnitten?): bitte vollständig oder das Koordinatensystem mit --source-crs angeben (mapshaper: ${message})`,
        en: `the .prj file is not readable (cut off?): give it complete, or the coordinate system with --source-crs (mapshaper: ${message})`,
      });
    }
    // mapshaper's own checks throw a UserError; anything else means input it could not make sense of.
    // A JavaScript engine error (TypeError, RangeError …) says nothing to the user and is left out.
    if (error instanceof Error && error.name !== 'UserError') {
      const detail = error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError ? '' : ` (mapshaper: ${message})`;
      throw new AdapterError({
        de: `die Datei ist beschädigt oder hat einen unerwarteten Aufbau${detail}`,
        en: `the file is damaged or not laid out as expected${detail}`,
      });
    }
    throw new AdapterError({ de: `mapshaper konnte die Datei nicht verarbeiten: ${message}`, en: `mapshaper could not process the file: ${message}` });
  } finally {
    restore();
  }
}

/** Up to MAX_LISTED items (language-neutral labels, or worded in both languages), then how many more. */
function listed(items: ReadonlyArray<string | Reason>): Reason {
  const shown = (lang: 'de' | 'en') => items.slice(0, MAX_LISTED).map((i) => (typeof i === 'string' ? i : i[lang])).join(', ');
  if (items.length <= MAX_LISTED) return { de: shown('de'), en: shown('en') };
  const more = items.length - MAX_LISTED;
  return { de: MESSAGES['cli.geo.more'](shown('de'), more).de, en: MESSAGES['cli.geo.more'](shown('en'), more).en };
}
