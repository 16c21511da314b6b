/**
 * Frictionless (Tabular) Data Package → kreisdossier document. Title,
 * description, sources and licence come from `datapackage.json`; field
 * types, titles, decimal/group characters and `missingValues` from the
 * resource's Table Schema. Attribution and reference date are not part of
 * the standard and must be given (--attribution, --reference-date).
 *
 * Packages from outside the German statistical system key their rows by other
 * codes (ISO country codes, NUTS …): `regionKeys` in the mapping translates
 * the ones wanted, every other row is counted as "region not mapped".
 */
import { HTTP_URL_PATTERN, IDENTIFIER_PATTERN } from '../../src/format/schema.js';
import type { Dataset, License, Source } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { isObject, slug } from '../common.js';
import { decode } from '../decode.js';
import type { ImportOptions, ImportResult } from '../types.js';
import { readCsvTable, type Delimiter } from './csv-table.js';
import { EMPTY_STATUS, type NumberFormat } from './csv-value.js';
import { parseCsvMapping, type CsvMapping } from './mapping.js';
import { tableToDocument } from './table-import.js';

export interface DataPackageImportOptions extends ImportOptions {
  /** Name of the resource to import; needed when the package has several. */
  resource?: string;
  mapping?: CsvMapping;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function chooseResource(pkg: Json, name?: string): Json {
  const resources = list(pkg.resources);
  if (name !== undefined) {
    const found = resources.find((r) => r.name === name);
    if (!found) {
      const names = resources.map((r) => String(r.name)).join(', ');
      throw new AdapterError({ de: `das Paket hat keine Ressource „${name}“ (vorhanden: ${names})`, en: `the package has no resource "${name}" (it has: ${names})` });
    }
    return found;
  }
  const tabular = resources.filter((r) => isObject(r.schema) || typeof r.schema === 'string' || r.format === 'csv' || /\.csv$/i.test(String(r.path)));
  if (tabular.length === 1) return tabular[0]!;
  if (tabular.length === 0) throw new AdapterError({ de: 'das Paket hat keine tabellarische Ressource (CSV)', en: 'the package has no tabular (CSV) resource' });
  const names = tabular.map((r) => String(r.name)).join(', ');
  throw new AdapterError({
    de: `das Paket hat mehrere tabellarische Ressourcen (${names}): bitte eine davon angeben (--table)`,
    en: `the package has several tabular resources (${names}): name one (--table)`,
  });
}

/** A path inside the package: relative, without "..", never a URL. */
function checkPath(path: unknown): string {
  if (Array.isArray(path)) throw new AdapterError({ de: 'auf mehrere Dateien verteilte Ressourcen werden nicht unterstützt', en: 'resources split over several files are not supported' });
  const p = str(path);
  if (!p) throw new AdapterError({ de: 'die Ressource hat keinen "path" (eingebettete "data" werden nicht unterstützt)', en: 'the resource has no "path" (inline "data" is not supported)' });
  if (/^[a-z][a-z0-9+.-]*:/i.test(p)) throw new AdapterError({ de: `die Ressource liegt nicht lokal vor (${p}): bitte herunterladen und "path" auf die Kopie setzen`, en: `the resource is remote (${p}): download it and point "path" at the copy` });
  if (p.startsWith('/') || p.split(/[\\/]/).includes('..')) throw new AdapterError({ de: `der Ressourcenpfad „${p}“ führt aus dem Paketordner hinaus`, en: `resource path "${p}" leaves the package folder` });
  return p;
}

function readJson(bytes: Uint8Array, what: Reason): unknown {
  try {
    return JSON.parse(decode(bytes, 'utf-8').text);
  } catch (error) {
    const message = (error as Error).message;
    throw new AdapterError({ de: `${what.de}: ${message}`, en: `${what.en}: ${message}` });
  }
}

function sourcesOf(items: Json[]): Source[] {
  return items.flatMap((s): Source[] => {
    const publisher = str(s.title) ?? str(s.name);
    if (!publisher) return [];
    const url = str(s.path) ?? str(s.url);
    return [{ publisher, ...(url && HTTP_URL_PATTERN.test(url) ? { url } : {}) }];
  });
}

function licenseOf(items: Json[], given: boolean): License | undefined {
  if (items.length > 1 && !given) {
    const names = items.map((l) => String(l.name ?? l.title)).join(', ');
    throw new AdapterError({
      de: `das Paket nennt ${items.length} Lizenzen (${names}): bitte --license angeben`,
      en: `the package names ${items.length} licences (${names}): pass --license`,
    });
  }
  const l = items[0];
  const id = l && (str(l.name) ?? str(l.title));
  if (!l || !id) return undefined;
  const url = str(l.path);
  return { id, ...(str(l.title) ? { name: str(l.title)! } : {}), ...(url && HTTP_URL_PATTERN.test(url) ? { url } : {}) };
}

function numberFormatOf(field: Json): Partial<NumberFormat> | undefined {
  if (field.type !== 'number' && field.type !== 'integer') return undefined;
  if (field.bareNumber === false) throw new AdapterError({ de: `Feld „${String(field.name)}“: "bareNumber": false wird nicht unterstützt`, en: `field "${String(field.name)}": "bareNumber": false is not supported` });
  const group = str(field.groupChar);
  // An integer has no decimal separator: with groupChar "." its cells may hold "," only as an error.
  const decimal = field.decimalChar ?? (field.type === 'integer' && group === '.' ? ',' : '.');
  if (decimal !== '.' && decimal !== ',') {
    throw new AdapterError({
      de: `Feld „${String(field.name)}“: decimalChar „${String(decimal)}“ wird nicht unterstützt`,
      en: `field "${String(field.name)}": decimalChar "${String(decimal)}" is not supported`,
    });
  }
  if (group === decimal) {
    throw new AdapterError({
      de: `Feld „${String(field.name)}“: groupChar und decimalChar sind beide „${decimal}“`,
      en: `field "${String(field.name)}": groupChar and decimalChar are both "${decimal}"`,
    });
  }
  return { decimal, ...(group ? { group } : {}), ...(field.type === 'integer' ? { integer: true } : {}) };
}

export function importDataPackage(
  descriptor: unknown,
  readResource: (path: string) => Uint8Array,
  options: DataPackageImportOptions = {},
): ImportResult {
  if (!isObject(descriptor) || !Array.isArray(descriptor.resources)) {
    throw new AdapterError({ de: 'kein Data Package: datapackage.json braucht "resources"', en: 'not a Data Package: datapackage.json needs "resources"' });
  }
  const mapping = parseCsvMapping(options.mapping ?? {});
  const resource = chooseResource(descriptor, options.resource);
  const path = checkPath(resource.path);

  const schema = typeof resource.schema === 'string' ? readJson(readResource(checkPath(resource.schema)), { de: `Schema ${resource.schema}`, en: `schema ${resource.schema}` }) : resource.schema;
  if (!isObject(schema) || !Array.isArray(schema.fields)) {
    throw new AdapterError({ de: `die Ressource „${String(resource.name)}“ hat kein Table Schema mit "fields"`, en: `resource "${String(resource.name)}" has no Table Schema with "fields"` });
  }
  const fields = list(schema.fields);
  if (fields.length !== schema.fields.length || fields.some((f) => !str(f.name))) {
    throw new AdapterError({ de: 'jedes Feld des Schemas braucht einen "name"', en: 'every schema field needs a "name"' });
  }

  const dialect = isObject(resource.dialect) ? resource.dialect : {};
  if (dialect.header === false) {
    throw new AdapterError({ de: 'Ressourcen ohne Kopfzeile ("header": false) werden nicht unterstützt', en: 'resources without a header row ("header": false) are not supported' });
  }
  const delimiter = (mapping.delimiter ?? dialect.delimiter ?? ',') as Delimiter;
  if (![',', ';', '\t'].includes(delimiter)) throw new AdapterError({ de: `das Trennzeichen „${String(delimiter)}“ wird nicht unterstützt`, en: `delimiter "${String(delimiter)}" is not supported` });
  const encoding = options.encoding ?? (/^(latin-?1|iso-8859-1|windows-1252|cp1252)$/i.test(String(resource.encoding ?? '')) ? 'windows-1252' : 'utf-8');
  // Lines in messages from here on are lines of the resource's CSV file.
  try {
    const table = readCsvTable(decode(readResource(path), encoding).text, delimiter);

    fields.forEach((f, i) => {
      if (table.header[i] !== f.name) {
        throw new AdapterError(
          {
            de: `Spalte ${i + 1} von ${path} heißt „${table.header[i] ?? ''}“, laut Schema „${String(f.name)}“`,
            en: `column ${i + 1} of ${path} is "${table.header[i] ?? ''}", the schema says "${String(f.name)}"`,
          },
          1,
        );
      }
    });
    if (table.header.length !== fields.length) {
      throw new AdapterError({ de: `${path} hat ${table.header.length} Spalten, das Schema ${fields.length}`, en: `${path} has ${table.header.length} columns, the schema ${fields.length}` }, 1);
    }

    // Table Schema v1: ["", "NA"]; v2 also [{"value": "-99", "label": "…"}].
    const missingList: unknown[] = schema.missingValues === undefined ? [''] : Array.isArray(schema.missingValues) ? schema.missingValues : [null];
    const missing = missingList.map((m) => (typeof m === 'string' ? { value: m } : isObject(m) && typeof m.value === 'string' ? { value: m.value, label: str(m.label) } : undefined));
    if (missing.some((m) => m === undefined)) {
      throw new AdapterError({ de: '"missingValues" muss Zeichenketten oder {"value": …, "label": …} aufführen', en: '"missingValues" must list strings or {"value": …, "label": …}' });
    }

    const name = str(descriptor.name);
    const title = str(resource.title) ?? str(descriptor.title) ?? name;
    const description = str(resource.description) ?? str(descriptor.description);
    const sources = sourcesOf(list(resource.sources ?? descriptor.sources));
    const license = licenseOf(list(resource.licenses ?? descriptor.licenses), options.dataset?.license !== undefined || mapping.dataset?.license !== undefined);
    const about = Object.fromEntries(
      (['name', 'version', 'created', 'last_updated'] as const).flatMap((k) => (str(descriptor[k]) ? [[k, descriptor[k]]] : [])),
    );
    const dataset: Partial<Dataset> = {
      ...(name ? { id: IDENTIFIER_PATTERN.test(name) ? name : slug(name) } : {}),
      ...(title ? { title } : {}),
      ...(description ? { description } : {}),
      ...(sources.length ? { sources } : {}),
      ...(license ? { license } : {}),
      extensions: { datapackage: { ...about, resource: String(resource.name ?? path), path } },
    };

    return tableToDocument(
      {
        table,
        mapping,
        dataset,
        columnLabels: Object.fromEntries(fields.flatMap((f) => (str(f.title) ? [[String(f.name), str(f.title)!]] : []))),
        numberFormats: Object.fromEntries(fields.flatMap((f) => {
          const format = numberFormatOf(f);
          return format ? [[String(f.name), format]] : [];
        })),
        missingValues: missing.map((m) => m!.value),
        missingLabels: Object.fromEntries(missing.flatMap((m) => (m!.label ? [[m!.value.trim() || EMPTY_STATUS, m!.label]] : []))),
      },
      options,
    );
  } catch (error) {
    if (error instanceof AdapterError && error.line !== undefined) error.file ??= path;
    throw error;
  }
}
