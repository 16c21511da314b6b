/**
 * Value cells of plain CSV files: numbers with "." or "," as decimal
 * separator (never both, never guessed per cell), GENESIS symbols, and
 * markers the source declares as missing (Table Schema `missingValues`).
 */
import { AdapterError, type Reason } from '../adapter-error.js';
import { QUALIFYING_SYMBOLS as QUALIFYING, REPLACING_SYMBOLS as REPLACING } from '../../src/format/status-symbols.js';

export type Decimal = '.' | ',';

/** The official legend, in one place (src/format/status-symbols.ts). */
export { QUALIFYING_SYMBOLS as QUALIFYING, REPLACING_SYMBOLS as REPLACING } from '../../src/format/status-symbols.js';
export const isOfficial = (s: string) => REPLACING.has(s) || QUALIFYING.has(s);

/** The status of an empty cell (declared in the document as "in der Quelle leer"). */
export const EMPTY_STATUS = 'leer';

export interface NumberFormat {
  decimal: Decimal;
  /** Thousands separator, only when the source declares one (Table Schema `groupChar`). */
  group?: string;
  /** Table Schema type "integer": no fractional part. */
  integer?: boolean;
}

export type Cell =
  | { value: number; status?: string; places: number }
  /** `marker` is set when the cell was empty or a declared missing value (not an official symbol). */
  | { value: null; status: string; marker?: string };

const POINT = /^-?\d+(?:\.(\d+))?$/;
const COMMA = /^-?\d+(?:,(\d+))?$/;
const FRACTION = /^-?\d+([.,])(\d+)$/;
const BRACKETED = /^\((.+)\)$/;
const QUALIFIED = /^([pre])\s*(\S.*)$|^(.*\S)\s*([pre])$/;

/** A plain number in the given format, with its number of decimal places as written. */
export function parseNumber(raw: string, format: NumberFormat): { value: number; places: number } | undefined {
  let s = raw.trim();
  if (format.group) s = s.split(format.group).join('');
  const m = (format.decimal === ',' ? COMMA : POINT).exec(s);
  if (!m || (format.integer && m[1] !== undefined)) return undefined;
  const value = Number(s.replace(',', '.'));
  return Number.isFinite(value) ? { value, places: m[1]?.length ?? 0 } : undefined;
}

/** Parses a value cell; undefined when it is neither a number, a symbol nor a missing marker. */
export function parseCell(raw: string, format: NumberFormat, missing: ReadonlySet<string>): Cell | undefined {
  const cell = raw.trim();
  if (REPLACING.has(cell)) return { value: null, status: cell };
  if (cell === '' || missing.has(raw) || missing.has(cell)) return { value: null, status: cell || EMPTY_STATUS, marker: cell };
  const plain = parseNumber(cell, format);
  if (plain) return plain;
  const bracketed = BRACKETED.exec(cell);
  const inner = bracketed && parseNumber(bracketed[1]!, format);
  if (inner) return { ...inner, status: '()' };
  const qualified = QUALIFIED.exec(cell);
  if (qualified) {
    const [, prefix, prefixed, suffixed, suffix] = qualified;
    const n = parseNumber((prefixed ?? suffixed)!, format);
    if (n) return { ...n, status: (prefix ?? suffix)! };
  }
  return undefined;
}

/** The number part of a cell without brackets and p/r/e qualifiers. */
const numberPart = (raw: string) =>
  raw
    .trim()
    .replace(BRACKETED, '$1')
    .replace(/^[pre]\s*|\s*[pre]$/g, '');

/**
 * The decimal separator of a file: the one its first fractional cell uses.
 * When every fractional cell has exactly three digits ("1.234"), the
 * separator may as well be a thousands separator: refused, never guessed.
 */
export function detectDecimal(cells: Iterable<{ raw: string; line: number }>): { decimal: Decimal; line?: number } {
  let first: { decimal: Decimal; line: number; raw: string } | undefined;
  let onlyThreeDigits = true;
  for (const { raw, line } of cells) {
    const m = FRACTION.exec(numberPart(raw));
    if (!m) continue;
    if (!first) first = { decimal: m[1] as Decimal, line, raw: raw.trim() };
    if (m[2]!.length !== 3) onlyThreeDigits = false;
  }
  if (!first) return { decimal: '.' };
  if (onlyThreeDigits) {
    throw new AdapterError(
      {
        de: `ob „${first.raw}“ ein Dezimal- oder ein Tausendertrennzeichen enthält, lässt sich nicht erkennen: bitte "decimal": "." oder "," in der Zuordnung angeben`,
        en: `cannot tell whether "${first.raw}" has a decimal or a thousands separator: set "decimal": "." or "," in the mapping`,
      },
      first.line,
    );
  }
  return { decimal: first.decimal, line: first.line };
}

/** Why a cell is refused, for the error message (German and English). */
export function badCellReason(raw: string, format: NumberFormat, detectedAt?: number): Reason {
  const cell = raw.trim();
  const other = format.decimal === ',' ? '.' : ',';
  const source: Reason = detectedAt !== undefined ? { de: ` (erkannt in Zeile ${detectedAt})`, en: ` (detected from line ${detectedAt})` } : { de: '', en: '' };
  if (FRACTION.test(numberPart(cell)) && numberPart(cell).includes(other)) {
    return {
      de: `„${cell}“ ist mehrdeutig: das Dezimaltrennzeichen ist „${format.decimal}“${source.de}, „${other}“ könnte also ein Tausendertrennzeichen sein`,
      en: `"${cell}" is ambiguous: the decimal separator is "${format.decimal}"${source.en}, so "${other}" could be a thousands separator`,
    };
  }
  if (format.integer && parseNumber(cell, { decimal: format.decimal }) !== undefined) return { de: `„${cell}“ ist keine ganze Zahl`, en: `"${cell}" is not an integer` };
  return {
    de: `„${cell}“ ist weder eine Zahl (Dezimaltrennzeichen „${format.decimal}“${source.de}) noch ein Zeichen noch ein als fehlend erklärter Wert`,
    en: `"${cell}" is neither a number (decimal separator "${format.decimal}"${source.en}) nor a status symbol nor a declared missing value`,
  };
}

/** Why a cell is refused, in English (the text of `badCellReason(…).en`). */
export function explainBadCell(raw: string, format: NumberFormat, detectedAt?: number): string {
  return badCellReason(raw, format, detectedAt).en;
}
