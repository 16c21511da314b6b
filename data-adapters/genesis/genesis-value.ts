/**
 * One cell of a GENESIS / Regionalstatistik table: a number with decimal
 * comma, or a symbol that replaces it ('-', '.', '...', 'x', '/'), or a number
 * qualified by '()' ("(12,5)") or by 'p', 'r', 's', 'e' before or after it.
 */
import { REPLACING_SYMBOLS as REPLACING } from '../../src/format/status-symbols.js';

export interface CellValue {
  value: number | null;
  status?: string;
}

const NUMBER = /^-?\d+(?:,\d+)?$/;
const QUALIFIED = /^([prse])\s*(-?\d+(?:,\d+)?)$|^(-?\d+(?:,\d+)?)\s*([prse])$/;
const BRACKETED = /^\((-?\d+(?:,\d+)?)\)$/;

const toNumber = (s: string): number => Number(s.replace(',', '.'));

/** Parses a cell, or returns undefined when it is neither a number nor a known symbol. */
export function parseGenesisValue(raw: string): CellValue | undefined {
  const cell = raw.trim();
  if (REPLACING.has(cell)) return { value: null, status: cell };
  if (NUMBER.test(cell)) return { value: toNumber(cell) };
  const bracketed = BRACKETED.exec(cell);
  if (bracketed) return { value: toNumber(bracketed[1]!), status: '()' };
  const qualified = QUALIFIED.exec(cell);
  if (qualified) {
    const [, prefix, prefixed, suffixed, suffix] = qualified;
    return { value: toNumber((prefixed ?? suffixed)!), status: (prefix ?? suffix)! };
  }
  return undefined;
}
