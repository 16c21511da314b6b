/**
 * The two header layouts of GENESIS flat files ("ffcsv").
 *
 * 2024 layout (GENESIS-Online, Regionaldatenbank; English column names in
 * every language): one value per row, described by `value_unit`,
 * `value_variable_code` and `value_variable_label`, optionally with a
 * `value_q` quality column.
 *
 * Legacy layout: German column names and one column per value variable,
 * named `<CODE>__<Label>__<Einheit>` (label and unit with `_` for spaces),
 * each optionally followed by its status column `<CODE>__q` or
 * `<CODE>__<Label>__q`.
 *
 * Both have the statistic and time columns first, then four columns per
 * classifying variable (code, label, attribute code, attribute label).
 */
import { AdapterError, type Reason } from '../adapter-error.js';

export type FfcsvLayoutKind = 'ffcsv-2024' | 'ffcsv-legacy';

/** Column indices of one classifying variable ("1_variable_…" / "1_Merkmal_…"). */
export interface VariableSlot {
  code: number;
  label: number;
  attributeCode: number;
  attributeLabel: number;
}

interface CommonLayout {
  /** Number of columns every row must have. */
  width: number;
  statisticsCode: number;
  statisticsLabel: number;
  time: number;
  slots: VariableSlot[];
}

export interface Layout2024 extends CommonLayout {
  kind: 'ffcsv-2024';
  value: number;
  unit: number;
  variableCode: number;
  variableLabel: number;
  /** `value_q`, when the download included quality flags. */
  quality?: number;
}

/** One value column of the legacy layout. */
export interface LegacyValueColumn {
  index: number;
  /** The column name as published (trimmed). */
  header: string;
  code: string;
  label: string;
  /** Missing for derived columns such as `Verbraucherpreisindex__CH0004`. */
  unit?: string;
  /** Index of its `__q` column, if any. */
  quality?: number;
}

export interface LayoutLegacy extends CommonLayout {
  kind: 'ffcsv-legacy';
  values: LegacyValueColumn[];
}

export type FfcsvLayout = Layout2024 | LayoutLegacy;

const PREFIX_2024 = ['statistics_code', 'statistics_label', 'time_code', 'time_label', 'time'];
const PREFIX_LEGACY = ['statistik_code', 'statistik_label', 'zeit_code', 'zeit_label', 'zeit'];
const SLOT_2024 = ['variable_code', 'variable_label', 'variable_attribute_code', 'variable_attribute_label'];
const SLOT_LEGACY = ['merkmal_code', 'merkmal_label', 'auspraegung_code', 'auspraegung_label'];
const VALUE_2024 = ['value', 'value_unit', 'value_variable_code', 'value_variable_label'] as const;

function unknown(cells: string[], detail: Reason): never {
  const hint: Reason =
    cells.length === 1 && /[,\t|]/.test(cells[0] ?? '')
      ? {
          de: ' (die Kopfzeile hat nur eine Spalte: falsches Trennzeichen? GENESIS-Flatfile-CSV-Dateien verwenden „;“)',
          en: ' (the header has a single column: wrong delimiter? GENESIS flat files use ";")',
        }
      : { de: '', en: '' };
  throw new AdapterError(
    {
      de: `unbekannter Aufbau: keine GENESIS-Flatfile-CSV-Datei (ffcsv): ${detail.de}${hint.de}`,
      en: `unknown layout: not a GENESIS flat file (ffcsv): ${detail.en}${hint.en}`,
    },
    1,
  );
}

/** Reads the four-column groups of classifying variables starting at `from`; returns them and the next index. */
function readSlots(cells: string[], names: string[], from: number, suffixes: string[]): { slots: VariableSlot[]; next: number } {
  const slots: VariableSlot[] = [];
  let i = from;
  for (let n = 1; names[i] === `${n}_${suffixes[0]}`; n++, i += 4) {
    for (let k = 1; k < 4; k++) {
      if (names[i + k] !== `${n}_${suffixes[k]}`) unknown(cells, { de: `Spalte ${i + k + 1} müsste „${n}_${suffixes[k]}“ heißen`, en: `column ${i + k + 1} should be "${n}_${suffixes[k]}"` });
    }
    slots.push({ code: i, label: i + 1, attributeCode: i + 2, attributeLabel: i + 3 });
  }
  return { slots, next: i };
}

const clean = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());

function layout2024(cells: string[], names: string[]): Layout2024 {
  const { slots, next } = readSlots(cells, names, PREFIX_2024.length, SLOT_2024);
  const rest = new Map<string, number>();
  for (let i = next; i < names.length; i++) {
    if (rest.has(names[i]!)) unknown(cells, { de: `Spalte „${cells[i]}“ kommt zweimal vor`, en: `column "${cells[i]}" appears twice` });
    rest.set(names[i]!, i);
  }
  for (const name of VALUE_2024) if (!rest.has(name)) unknown(cells, { de: `Spalte „${name}“ fehlt`, en: `column "${name}" is missing` });
  for (const [name] of rest) if (!(VALUE_2024 as readonly string[]).includes(name) && name !== 'value_q') unknown(cells, { de: `unerwartete Spalte „${name}“`, en: `unexpected column "${name}"` });
  const quality = rest.get('value_q');
  return {
    kind: 'ffcsv-2024',
    width: cells.length,
    statisticsCode: 0,
    statisticsLabel: 1,
    time: 4,
    slots,
    value: rest.get('value')!,
    unit: rest.get('value_unit')!,
    variableCode: rest.get('value_variable_code')!,
    variableLabel: rest.get('value_variable_label')!,
    ...(quality !== undefined ? { quality } : {}),
  };
}

/** "BEVSTD__Bevoelkerungsstand__Anzahl" → code, label, unit; header spellings use "_" for spaces. */
function legacyValueColumn(header: string, index: number): LegacyValueColumn {
  const parts = header.split('__');
  const words = (s: string) => s.replace(/_/g, ' ').trim();
  if (parts.length >= 3) {
    const unit = words(parts[parts.length - 1]!);
    return { index, header, code: parts[0]!, label: words(parts.slice(1, -1).join(' ')), ...(unit ? { unit } : {}) };
  }
  // Derived columns such as "Verbraucherpreisindex__CH0004" carry no unit.
  return { index, header, code: header, label: `${words(parts[0]!)} (${parts[1]})` };
}

function layoutLegacy(cells: string[], names: string[]): LayoutLegacy {
  const { slots, next } = readSlots(cells, names, PREFIX_LEGACY.length, SLOT_LEGACY);
  const values: LegacyValueColumn[] = [];
  for (let i = next; i < cells.length; i++) {
    const header = cells[i]!;
    const parts = header.split('__');
    if (parts.length < 2 || parts[0] === '') unknown(cells, { de: `Spalte „${header}“ ist keine Wertspalte (CODE__Label__Einheit)`, en: `column "${header}" is not a value column (CODE__Label__Einheit)` });
    if (parts[parts.length - 1] === 'q') {
      // A status column belongs to the value column right before it.
      const prefix = parts.slice(0, -1).join('__');
      const owner = values[values.length - 1];
      if (!owner || owner.index !== i - 1 || !(owner.header === prefix || owner.header.startsWith(`${prefix}__`))) {
        unknown(cells, { de: `Statusspalte „${header}“ folgt nicht auf ihre Wertspalte`, en: `status column "${header}" does not follow its value column` });
      }
      owner.quality = i;
    } else {
      values.push(legacyValueColumn(header, i));
    }
  }
  if (values.length === 0) unknown(cells, { de: 'keine Wertspalte (CODE__Label__Einheit)', en: 'no value column (CODE__Label__Einheit)' });
  return { kind: 'ffcsv-legacy', width: cells.length, statisticsCode: 0, statisticsLabel: 1, time: 4, slots, values };
}

/** The full layout of a header row; throws an AdapterError (line 1) for anything else. */
export function parseFfcsvHeader(headerCells: string[]): FfcsvLayout {
  const cells = clean(headerCells);
  const names = cells.map((c) => c.toLowerCase());
  if (PREFIX_2024.every((p, i) => names[i] === p)) return layout2024(cells, names);
  if (PREFIX_LEGACY.every((p, i) => names[i] === p)) return layoutLegacy(cells, names);
  const start = cells.slice(0, 3).join(';').slice(0, 80);
  return unknown(cells, { de: `die Kopfzeile beginnt mit „${start}“`, en: `the header starts with "${start}"` });
}

/** Which ffcsv layout a header row has; throws an AdapterError (line 1) for an unknown header. */
export function detectFfcsvLayout(headerCells: string[]): FfcsvLayoutKind {
  return parseFfcsvHeader(headerCells).kind;
}
