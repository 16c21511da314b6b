/**
 * A value cell of a flat file together with its quality flag (`value_q` /
 * `…__q`).
 *
 * The value cell holds a number (decimal comma in German downloads, point in
 * English ones) or a symbol that replaces it ('-', '.', '...', 'x', '/').
 * The quality column holds GENESIS-Online's "Qualitätskennzeichen": '()',
 * 'p' (vorläufig), 'r' (berichtigt), 's' (geschätzt) and 'e' (endgültig).
 * In the kreisdossier legend 'e' means "geschätzte Zahl" (Regionalstatistik
 * table cells), so an 'e' from the quality column is declared in the
 * document with GENESIS-Online's meaning, and 's' is declared too.
 */
import type { StatusSymbolSchema } from '../../src/format/schema.js';
import type * as v from 'valibot';
import { AdapterError, type Reason } from '../adapter-error.js';
import { parseGenesisValue, type CellValue } from '../genesis/genesis-value.js';
import { REPLACING_SYMBOLS as REPLACING } from '../../src/format/status-symbols.js';

export type StatusSymbol = v.InferOutput<typeof StatusSymbolSchema>;

/** Quality flags that qualify a present number, and how they are written in the document. */
const QUALIFYING: Record<string, string> = { '()': '()', '( )': '()', p: 'p', r: 'r', s: 's', e: 'e', '|': '|' };

/** Symbols this adapter may have to declare, because the official legend lacks them or means something else. */
export const DECLARED_SYMBOLS: Record<string, StatusSymbol> = {
  s: { label: { de: 'geschätzte Zahl', en: 'estimated figure' }, replacesValue: false },
  e: { label: { de: 'endgültige Zahl', en: 'final figure' }, replacesValue: false },
  leer: { label: { de: 'in der Quelle leer', en: 'empty in the source' }, replacesValue: true },
};

export interface FlaggedValue extends CellValue {
  /** Digits after the decimal separator, as published. */
  decimals: number;
  /** Where the status came from: the quality column ('q') or the value cell ('cell'). */
  from?: 'q' | 'cell';
  /** A quality flag that stood beside a value-replacing symbol (kept in the summary, not in the observation). */
  qualifierOfNull?: string;
}

export type DecimalSeparator = ',' | '.';

function decimalsOf(cell: string, separator: DecimalSeparator): number {
  const at = cell.indexOf(separator);
  if (at < 0) return 0;
  let end = at + 1;
  while (end < cell.length && cell.charCodeAt(end) >= 48 && cell.charCodeAt(end) <= 57) end++;
  return end - at - 1;
}

/** Parses a value cell; undefined when it is neither a number nor a known symbol. */
function parseCell(cell: string, separator: DecimalSeparator): CellValue | undefined {
  if (separator === ',' || REPLACING.has(cell)) return parseGenesisValue(cell);
  // English downloads: "12.5" – no thousands separators are used, so a point is always decimal.
  if (cell.includes(',')) return undefined;
  return parseGenesisValue(cell.replace('.', ','));
}

/** A plain integer ("205484", "-3"), the common case, read without regular expressions. */
function plainInteger(cell: string): number | undefined {
  const n = cell.length;
  if (n === 0 || n > 15) return undefined;
  let i = cell.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return undefined;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(cell);
}

/** Value and status of one cell and its quality flag; throws an AdapterError for what cannot be told. */
export function readFlaggedValue(rawCell: string, rawFlag: string, separator: DecimalSeparator, line: number): FlaggedValue {
  if (rawFlag === '') {
    const value = plainInteger(rawCell);
    if (value !== undefined) return { value, decimals: 0 };
  }
  const cell = rawCell.trim();
  const flag = rawFlag.trim();
  const qualifier = QUALIFYING[flag];
  if (flag !== '' && !REPLACING.has(flag) && !qualifier) {
    throw new AdapterError({ de: `unbekanntes Qualitätskennzeichen „${flag}“ (bekannt: - . ... x / ( ) p r s e)`, en: `unknown quality flag "${flag}" (known: - . ... x / ( ) p r s e)` }, line);
  }
  if (cell === '') {
    if (REPLACING.has(flag)) return { value: null, status: flag, from: 'q', decimals: 0 };
    if (flag === '') return { value: null, status: 'leer', decimals: 0 };
    throw new AdapterError({ de: `leeres Wertfeld mit Qualitätskennzeichen „${flag}“`, en: `empty value cell with quality flag "${flag}"` }, line);
  }
  const parsed = parseCell(cell, separator);
  if (!parsed) {
    const hint: Reason =
      separator === ',' && /^-?\d+\.\d+$/.test(cell)
        ? { de: ' (ein englischer Download? bitte decimalSeparator „.“ angeben)', en: ' (an English download? pass decimalSeparator ".")' }
        : { de: '', en: '' };
    throw new AdapterError({ de: `Wert „${rawCell}“ ist weder eine Zahl noch ein GENESIS-Zeichen${hint.de}`, en: `value "${rawCell}" is neither a number nor a GENESIS symbol${hint.en}` }, line);
  }
  const decimals = parsed.value === null ? 0 : decimalsOf(cell, separator);
  const own = parsed.status;
  if (flag === '') return { ...parsed, decimals, ...(own ? { from: 'cell' as const } : {}) };
  if (parsed.value === null) {
    // A value-replacing symbol explains the null; a flag beside it is either the same symbol or a qualifier.
    if (REPLACING.has(flag) && flag !== own) throw new AdapterError({ de: `Wert „${cell}“ widerspricht dem Qualitätskennzeichen „${flag}“`, en: `value "${cell}" contradicts quality flag "${flag}"` }, line);
    return { ...parsed, decimals, from: 'cell', ...(qualifier ? { qualifierOfNull: qualifier } : {}) };
  }
  if (!qualifier) throw new AdapterError({ de: `Wert ${cell} widerspricht dem Qualitätskennzeichen „${flag}“, das einen Wert ersetzt`, en: `value ${cell} contradicts quality flag "${flag}", which replaces a value` }, line);
  if (own === 'e' && qualifier === 'e') throw new AdapterError({ de: '„e“ im Wertfeld (geschätzt) und in der Qualitätsspalte (endgültig) widersprechen sich', en: '"e" in the value cell (geschätzt) and in the quality column (endgültig) contradict each other' }, line);
  if (own && own !== qualifier) throw new AdapterError({ de: `Wert „${cell}“ widerspricht dem Qualitätskennzeichen „${flag}“`, en: `value "${cell}" contradicts quality flag "${flag}"` }, line);
  return { value: parsed.value, status: qualifier, decimals, from: own ? 'cell' : 'q' };
}
