/**
 * The mapping file of the CSV and Data Package adapters: a small JSON object
 * naming which column holds what. Everything is optional; columns left out
 * are recognised by common names (ags, period, value, …).
 */
import type { Dataset, LocalizedText } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { isObject } from '../common.js';
import type { IndicatorOptions } from '../types.js';

/** A column name, or a value that holds for every row. */
export type ColumnOrFixed = string | { fixed: string };

export interface CsvMapping {
  /** Free text for people reading the mapping; ignored. */
  comment?: string;
  /** Column with the region key (AGS/ARS/"DG", or a source code translated by `regionKeys`). */
  region?: string;
  regionName?: string;
  /** Source code → official key ("DEU" → "DG"). When given, rows of other codes are skipped as "region not mapped". */
  regionKeys?: Record<string, string>;
  /** Restore one lost leading zero (4-digit Kreis "1001" → "01001", also 1/7/11 digits). */
  padKeys?: boolean;
  period?: ColumnOrFixed;
  /** Long shape: the value column. */
  value?: string;
  status?: string;
  /** Long shape: column with indicator names, or one fixed indicator id. */
  indicator?: ColumnOrFixed;
  unit?: string;
  /** Dimension id → column holding its categories. */
  breakdown?: Record<string, string>;
  /** Wide shape: value column → indicator id. */
  values?: Record<string, string>;
  decimal?: '.' | ',';
  delimiter?: ',' | ';' | '\t';
  /** Cells meaning "no value" (Table Schema `missingValues`); "" always counts. */
  missingValues?: string[];
  /** Explanations of status symbols beyond the official GENESIS legend. */
  statusSymbols?: Record<string, { label: LocalizedText; replacesValue: boolean }>;
  /** Per indicator id: label, unit, topic, kind, … */
  indicators?: Record<string, IndicatorOptions>;
  /** Dataset metadata the file lacks (sources, licence, …); command-line options win. */
  dataset?: Partial<Dataset>;
}

const STRING_KEYS = ['comment', 'region', 'regionName', 'value', 'status', 'unit'] as const;
const FIXED_KEYS = ['period', 'indicator'] as const;
const RECORD_KEYS = ['regionKeys', 'breakdown', 'values'] as const;
const OBJECT_KEYS = ['statusSymbols', 'indicators', 'dataset'] as const;
const KNOWN = new Set<string>([...STRING_KEYS, ...FIXED_KEYS, ...RECORD_KEYS, ...OBJECT_KEYS, 'padKeys', 'decimal', 'delimiter', 'missingValues']);

const fail = (what: Reason): never => {
  throw new AdapterError({ de: `Zuordnung: ${what.de}`, en: `mapping: ${what.en}` });
};

/** Checks the shape of a parsed mapping file (not its column names: those are checked against the header). */
export function parseCsvMapping(value: unknown): CsvMapping {
  if (!isObject(value)) return fail({ de: 'muss ein JSON-Objekt sein', en: 'must be a JSON object' });
  for (const key of Object.keys(value)) if (!KNOWN.has(key)) fail({ de: `unbekanntes Feld „${key}“`, en: `unknown field "${key}"` });
  for (const key of STRING_KEYS) if (value[key] !== undefined && typeof value[key] !== 'string') fail({ de: `"${key}" muss ein Spaltenname sein`, en: `"${key}" must be a column name` });
  for (const key of FIXED_KEYS) {
    const v = value[key];
    if (v !== undefined && typeof v !== 'string' && !(isObject(v) && typeof v.fixed === 'string' && Object.keys(v).length === 1)) {
      fail({ de: `"${key}" muss ein Spaltenname oder {"fixed": "…"} sein`, en: `"${key}" must be a column name or {"fixed": "…"}` });
    }
  }
  for (const key of RECORD_KEYS) {
    const v = value[key];
    if (v !== undefined && !(isObject(v) && Object.values(v).every((x) => typeof x === 'string'))) fail({ de: `"${key}" muss Namen auf Zeichenketten abbilden`, en: `"${key}" must map names to strings` });
  }
  for (const key of OBJECT_KEYS) if (value[key] !== undefined && !isObject(value[key])) fail({ de: `"${key}" muss ein Objekt sein`, en: `"${key}" must be an object` });
  if (value.padKeys !== undefined && typeof value.padKeys !== 'boolean') fail({ de: '"padKeys" muss true oder false sein', en: '"padKeys" must be true or false' });
  if (value.decimal !== undefined && value.decimal !== '.' && value.decimal !== ',') fail({ de: '"decimal" muss „.“ oder „,“ sein', en: '"decimal" must be "." or ","' });
  if (value.delimiter !== undefined && ![',', ';', '\t'].includes(value.delimiter as string)) fail({ de: '"delimiter" muss „,“, „;“ oder „\\t“ sein', en: '"delimiter" must be ",", ";" or "\\t"' });
  const missing = value.missingValues;
  if (missing !== undefined && !(Array.isArray(missing) && missing.every((x) => typeof x === 'string'))) fail({ de: '"missingValues" muss eine Liste von Zeichenketten sein', en: '"missingValues" must be a list of strings' });
  if (isObject(value.statusSymbols)) {
    for (const [symbol, def] of Object.entries(value.statusSymbols)) {
      if (!isObject(def) || typeof def.replacesValue !== 'boolean' || def.label === undefined) {
        fail({
          de: `das Zeichen „${symbol}“ braucht {"label": {"de": …, "en": …}, "replacesValue": true|false}`,
          en: `status symbol "${symbol}" needs {"label": {"de": …, "en": …}, "replacesValue": true|false}`,
        });
      }
    }
  }
  if (value.values !== undefined && value.value !== undefined) {
    fail({ de: 'entweder "value" (lange Form) oder "values" (breite Form) angeben, nicht beides', en: 'give either "value" (long shape) or "values" (wide shape), not both' });
  }
  return value as CsvMapping;
}

export type Role = 'region' | 'regionName' | 'period' | 'value' | 'status' | 'indicator' | 'unit';

/** Column names recognised without a mapping (compared lower-case, trimmed). */
const COMMON_NAMES: Record<Role, string[]> = {
  region: ['ags', 'ars', 'key', 'region', 'regionalschluessel', 'regionalschlüssel', 'gebietsschluessel', 'gebietsschlüssel'],
  regionName: ['name', 'region_name', 'regionname', 'gebiet', 'bezeichnung'],
  period: ['period', 'year', 'jahr', 'stichtag', 'time', 'zeit', 'date', 'datum'],
  value: ['value', 'wert'],
  status: ['status'],
  indicator: ['indicator', 'indikator'],
  unit: ['unit', 'einheit'],
};

/** Index of the column with a common name for `role`, among columns not taken yet. */
export function recognise(header: readonly string[], role: Role, taken: ReadonlySet<number>): number | undefined {
  const names = COMMON_NAMES[role];
  const i = header.findIndex((h, i) => !taken.has(i) && names.includes(h.trim().toLowerCase()));
  return i === -1 ? undefined : i;
}
