/**
 * Reads JSON-stat 2.0 into cubes: dimensions with their categories in index
 * order, and cells addressed by position (row-major, last dimension fastest).
 * Values are kept as found (even strings, see order.json); what a value may
 * be is for the importer to decide. Everything malformed is an AdapterError,
 * never a crash: publisher files and hand-edited exports are untrusted input.
 */
import { AdapterError, type Reason } from '../adapter-error.js';
import { isObject } from '../common.js';
import { decode, type Encoding } from '../decode.js';
import type { JsonStatUnit } from './jsonstat-types.js';

export type Json = Record<string, unknown>;

export interface CubeCategory {
  id: string;
  label?: string;
  unit?: JsonStatUnit;
}

export interface CubeDimension {
  id: string;
  label?: string;
  categories: CubeCategory[];
  /** Category hierarchy: parent id → child ids. */
  child?: Record<string, string[]>;
  /** The dimension as published, for metadata JSON-stat has and the format has not. */
  raw: Json;
}

export interface Cube {
  /** The dataset object as published (label, source, updated, note, extension, href …). */
  raw: Json;
  dimensions: CubeDimension[];
  role: { time: string[]; geo: string[]; metric: string[] };
  /** Number of cells: the product of the sizes. */
  length: number;
  /** The cell value; undefined when a sparse value object has no entry. */
  value(position: number): unknown;
  status(position: number): string | undefined;
  /** Positions the source states a value or status for (all positions of a dense array). */
  positions(): number[];
  /** Category index per dimension of a position. */
  coordinates(position: number): number[];
}

/** A property only if the object has it itself ("constructor" is not a dimension). */
export const own = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const MAX_DEPTH = 8;

/** Parses bytes as JSON; a syntax error is reported with its line. */
export function parseJson(bytes: Uint8Array, encoding?: Encoding): unknown {
  const { text } = decode(bytes, encoding);
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 names the position for most errors (not all); a truncated file ends at its last line.
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? String(text.length) : undefined);
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
    throw new AdapterError({ de: `kein gültiges JSON: ${(error as Error).message}`, en: `not valid JSON: ${(error as Error).message}` }, line);
  }
}

/** The datasets of a JSON-stat 2.0 response: one for a dataset, all embedded ones for a collection. */
export function readJsonStat(json: unknown): Cube[] {
  return collect(json, 0);
}

function collect(json: unknown, depth: number): Cube[] {
  if (!isObject(json)) throw new AdapterError({ de: 'kein JSON-stat: die Datei ist kein JSON-Objekt', en: 'not JSON-stat: the file is not a JSON object' });
  if (depth > MAX_DEPTH) throw new AdapterError({ de: 'die Sammlungen (collection) sind zu tief ineinander verschachtelt', en: 'collections nested too deeply' });
  if (own(json, 'error') !== undefined && own(json, 'value') === undefined) {
    const error = JSON.stringify(own(json, 'error')).slice(0, 200);
    throw new AdapterError({ de: `die JSON-stat-Antwort meldet einen Fehler statt Daten: ${error}`, en: `the JSON-stat response reports an error instead of data: ${error}` });
  }
  const cls = own(json, 'class');
  const version = own(json, 'version');
  if (isJsonStat1(json)) {
    const names = cls === undefined ? Object.keys(json).slice(0, 5).join(', ') : str(own(json, 'label')) ?? 'dataset';
    throw new AdapterError({
      de:
        `das ist JSON-stat 1.x (ein Bündel von Datensätzen: ${names}), nicht JSON-stat 2.0: unterstützt wird nur JSON-stat 2.0. ` +
        'Bitte die Datei zuerst in JSON-stat 2.0 umwandeln oder erneut als JSON-stat 2.0 herunterladen (die aktuelle API von Eurostat liefert 2.0)',
      en:
        `this is JSON-stat 1.x (a bundle of datasets: ${names}), not JSON-stat 2.0: only JSON-stat 2.0 is supported. ` +
        'Convert the file to JSON-stat 2.0 first, or download it again as JSON-stat 2.0 (Eurostat\'s current API delivers 2.0)',
    });
  }
  if (version !== undefined && !(typeof version === 'string' && /^2\.\d+$/.test(version))) {
    throw new AdapterError({ de: `JSON-stat-Version ${JSON.stringify(version)} wird nicht unterstützt: nur JSON-stat 2.0`, en: `JSON-stat version ${JSON.stringify(version)} is not supported: only JSON-stat 2.0` });
  }
  if (cls === 'dataset') return [readDataset(json)];
  if (cls === 'collection') return readCollection(json, depth);
  if (cls === 'dimension') throw new AdapterError({
      de: 'diese JSON-stat-Datei ist eine einzelne Dimension, kein Datensatz: sie enthält keine Werte zum Importieren',
      en: 'this JSON-stat file is a single dimension, not a dataset: there are no values to import',
    });
  throw new AdapterError({
    de: `kein JSON-stat 2.0: „class“ ist ${JSON.stringify(cls) ?? 'nicht angegeben'}, erwartet wird „dataset“ oder „collection“`,
    en: `not JSON-stat 2.0: "class" is ${JSON.stringify(cls) ?? 'missing'}, expected "dataset" or "collection"`,
  });
}

/** 1.x keeps id/size inside "dimension" and wraps datasets in a bundle object without "class". */
function isJsonStat1(json: Json): boolean {
  const inner = own(json, 'dimension');
  if (isObject(inner) && (Array.isArray(own(inner, 'id')) || Array.isArray(own(inner, 'size')))) return true;
  if (own(json, 'class') !== undefined || own(json, 'version') !== undefined) return false;
  return Object.values(json).some((v) => isObject(v) && isObject(own(v, 'dimension')));
}

function readCollection(json: Json, depth: number): Cube[] {
  const link = own(json, 'link');
  const items = isObject(link) ? own(link, 'item') : undefined;
  if (!Array.isArray(items) || items.length === 0) throw new AdapterError({ de: 'die Sammlung (collection) hat keine Liste link.item mit Datensätzen', en: 'the collection has no link.item list of datasets' });
  const bare = items.filter((item) => isObject(item) && own(item, 'class') === 'dataset' && own(item, 'value') === undefined);
  if (bare.length) {
    const hrefs = bare.map((item) => str(own(item as Json, 'href')) ?? str(own(item as Json, 'label')) ?? '?');
    const shown = `${hrefs.slice(0, 3).join(', ')}${hrefs.length > 3 ? ', …' : ''}`;
    throw new AdapterError({
      de:
        `die Sammlung enthält ${bare.length} ihrer ${items.length} Datensätze nur als Verweis ohne Daten (${shown}): ` +
        'bitte die Datensätze zuerst herunterladen und einzeln importieren (oder eine Sammlung mit eingebetteten Datensätzen verwenden)',
      en:
        `the collection only links ${bare.length} of its ${items.length} datasets without their data (${shown}): ` +
        'download the datasets first and import each of them (or a collection with the datasets embedded)',
    });
  }
  return items.flatMap((item) => collect(item, depth + 1));
}

function readDataset(json: Json): Cube {
  const ids = own(json, 'id');
  const sizes = own(json, 'size');
  const dimension = own(json, 'dimension');
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw new AdapterError({ de: 'der Datensatz hat keine Liste „id“ mit den Kennungen der Dimensionen', en: 'the dataset has no "id" list of dimension ids' });
  if (!Array.isArray(sizes) || !sizes.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new AdapterError({ de: 'der Datensatz hat keine Liste „size“ mit ganzen Zahlen', en: 'the dataset has no "size" list of whole numbers' });
  if (ids.length !== sizes.length) throw new AdapterError({ de: `„id“ nennt ${ids.length} Dimensionen, „size“ gibt ${sizes.length} Größen an`, en: `"id" names ${ids.length} dimensions, "size" gives ${sizes.length} sizes` });
  if (new Set(ids).size !== ids.length) throw new AdapterError({ de: '„id“ nennt eine Dimension zweimal', en: '"id" names a dimension twice' });
  if (!isObject(dimension)) throw new AdapterError({ de: 'der Datensatz hat kein Objekt „dimension“', en: 'the dataset has no "dimension" object' });

  const dimensions = (ids as string[]).map((id, k) => readDimension(id, own(dimension, id), sizes[k] as number));
  const length = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(length)) throw new AdapterError({ de: 'der Datenwürfel ist zu groß', en: 'the cube is too large' });
  const strides = dimensions.map((_, k) => (sizes as number[]).slice(k + 1).reduce((a, b) => a * b, 1));

  const { status, statusPositions } = readStatus(own(json, 'status'), length);
  const values = own(json, 'value');
  let value: (p: number) => unknown;
  let stated: () => number[];
  if (Array.isArray(values)) {
    if (values.length !== length) {
      throw new AdapterError({
        de: `„value“ hat ${values.length} Einträge, die Größen ${sizes.join(' × ')} ergeben ${length}`,
        en: `"value" has ${values.length} entries, the sizes ${sizes.join(' × ')} make ${length}`,
      });
    }
    value = (p) => values[p];
    stated = () => [...values.keys()];
  } else if (isObject(values)) {
    const sparse = positionMap(values, length, 'value');
    value = (p) => sparse.get(p);
    stated = () => [...new Set([...sparse.keys(), ...statusPositions()])].sort((a, b) => a - b);
  } else {
    throw new AdapterError({ de: 'der Datensatz hat kein Array oder Objekt „value“', en: 'the dataset has no "value" array or object' });
  }

  return {
    raw: json,
    dimensions,
    role: readRole(own(json, 'role'), ids as string[]),
    length,
    value,
    status,
    positions: stated,
    coordinates: (p) => strides.map((s, k) => Math.floor(p / s) % (sizes[k] as number)),
  };
}

function readDimension(id: string, raw: unknown, size: number): CubeDimension {
  if (!isObject(raw)) {
    throw new AdapterError({
      de: `die Dimension „${id}“ steht in „id“, ist aber unter „dimension“ nicht beschrieben`,
      en: `dimension "${id}" is listed in "id" but not described in "dimension"`,
    });
  }
  const category = own(raw, 'category');
  if (!isObject(category)) throw new AdapterError({ de: `die Dimension „${id}“ hat keine Angabe „category“`, en: `dimension "${id}" has no "category"` });
  const index = own(category, 'index');
  const labels = isObject(own(category, 'label')) ? (own(category, 'label') as Json) : {};
  let order: string[];
  if (Array.isArray(index)) {
    if (!index.every((x) => typeof x === 'string')) throw new AdapterError({ de: `Dimension „${id}“: „category.index“ muss Kennungen auflisten`, en: `dimension "${id}": category index must list ids` });
    order = index as string[];
  } else if (isObject(index)) {
    order = [];
    for (const [cat, at] of Object.entries(index)) {
      if (!Number.isSafeInteger(at) || (at as number) < 0 || (at as number) >= size || order[at as number] !== undefined) {
        throw new AdapterError({
          de: `Dimension „${id}“: die Ausprägung „${cat}“ hat den Index ${JSON.stringify(at)}, erwartet wird eine noch nicht vergebene Position kleiner als ${size}`,
          en: `dimension "${id}": category "${cat}" has index ${JSON.stringify(at)}, expected a distinct position below ${size}`,
        });
      }
      order[at as number] = cat;
    }
  } else if (index === undefined && Object.keys(labels).length === 1) {
    order = Object.keys(labels); // JSON-stat allows leaving out the index of a single category
  } else {
    throw new AdapterError({ de: `die Dimension „${id}“ hat keinen Index der Ausprägungen („category.index“)`, en: `dimension "${id}" has no category index` });
  }
  if (order.length !== size || order.includes(undefined as unknown as string)) {
    const found = order.filter((c) => c !== undefined).length;
    throw new AdapterError({ de: `die Dimension „${id}“ hat ${found} Ausprägungen, laut „size“ sind es ${size}`, en: `dimension "${id}" has ${found} categories, "size" says ${size}` });
  }
  if (new Set(order).size !== order.length) throw new AdapterError({ de: `die Dimension „${id}“ führt eine Ausprägung zweimal auf`, en: `dimension "${id}" lists a category twice` });
  const units = isObject(own(category, 'unit')) ? (own(category, 'unit') as Json) : {};
  const child = own(category, 'child');
  return {
    id,
    ...(str(own(raw, 'label')) !== undefined ? { label: own(raw, 'label') as string } : {}),
    categories: order.map((cat) => {
      const label = str(own(labels, cat));
      const unit = own(units, cat);
      return { id: cat, ...(label !== undefined ? { label } : {}), ...(isObject(unit) ? { unit: unit as JsonStatUnit } : {}) };
    }),
    ...(isObject(child) ? { child: child as Record<string, string[]> } : {}),
    raw,
  };
}

/** A sparse object keyed by cell position ("12": …). */
function positionMap(o: Json, length: number, what: string): Map<number, unknown> {
  const map = new Map<number, unknown>();
  for (const [key, v] of Object.entries(o)) {
    const p = Number(key);
    if (!/^\d+$/.test(key) || p >= length) {
      throw new AdapterError({
        de: `„${what}“ hat den Eintrag „${key}“, keine Feldposition kleiner als ${length}`,
        en: `"${what}" has the entry "${key}", not a cell position below ${length}`,
      });
    }
    map.set(p, v);
  }
  return map;
}

/** Status as one string for all cells, an array (one entry for all, or one per cell) or a sparse object. */
function readStatus(raw: unknown, length: number): { status: (p: number) => string | undefined; statusPositions: () => number[] } {
  const check = (s: unknown, where: Reason): string | undefined => {
    if (s === null || s === undefined || s === '') return undefined;
    if (typeof s !== 'string') {
      throw new AdapterError({ de: `„status“ ${where.de} ist ${JSON.stringify(s)}, keine Zeichenkette`, en: `status ${where.en} is ${JSON.stringify(s)}, not a string` });
    }
    return s;
  };
  const at = (p: number): Reason => ({ de: `an Position ${p}`, en: `at ${p}` });
  if (raw === undefined || raw === null) return { status: () => undefined, statusPositions: () => [] };
  if (typeof raw === 'string' || (Array.isArray(raw) && raw.length === 1 && length !== 1)) {
    const all = check(Array.isArray(raw) ? raw[0] : raw, { de: 'für alle Felder', en: 'for all cells' });
    return { status: () => all, statusPositions: () => [] };
  }
  if (Array.isArray(raw)) {
    if (raw.length !== length) throw new AdapterError({ de: `„status“ hat ${raw.length} Einträge, der Datenwürfel hat ${length} Felder`, en: `"status" has ${raw.length} entries, the cube has ${length} cells` });
    const list = raw.map((s, p) => check(s, at(p)));
    return { status: (p) => list[p], statusPositions: () => [...list.keys()].filter((p) => list[p] !== undefined) };
  }
  if (isObject(raw)) {
    const map = positionMap(raw, length, 'status');
    for (const [p, s] of map) map.set(p, check(s, at(p)));
    return { status: (p) => map.get(p) as string | undefined, statusPositions: () => [...map.keys()].filter((p) => map.get(p) !== undefined) };
  }
  throw new AdapterError({ de: '„status“ muss eine Zeichenkette, ein Array oder ein Objekt sein', en: '"status" must be a string, an array or an object' });
}

function readRole(raw: unknown, ids: string[]): Cube['role'] {
  const role: Cube['role'] = { time: [], geo: [], metric: [] };
  if (raw === undefined) return role;
  if (!isObject(raw)) throw new AdapterError({ de: '„role“ muss ein Objekt sein', en: '"role" must be an object' });
  for (const kind of ['time', 'geo', 'metric'] as const) {
    const list = own(raw, kind);
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((d) => typeof d === 'string' && ids.includes(d))) {
      throw new AdapterError({ de: `die Rolle „${kind}“ muss Dimensionen des Datensatzes auflisten`, en: `role "${kind}" must list dimensions of the dataset` });
    }
    role[kind] = list as string[];
  }
  return role;
}
