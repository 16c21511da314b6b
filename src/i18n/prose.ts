/** Small helpers for generated sentences (chart and map summaries). */
import type { Indicator } from '../format/types.js';
import { formatNumber, formatWithUnit } from './format.js';
import { localizeUnit } from './text.js';

/** Units that only say "a count": prose writes the bare number. */
const COUNT_UNITS = new Set(['Anzahl', 'number', 'Anz.']);

/** Whether a unit only says "a count" (then the bare number is written). */
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit.trim());
}

/** A value in running text: "221.366", "7,2 %", "43,9 Jahre". */
export function proseValue(value: number, indicator: Indicator): string {
  const unit = localizeUnit(indicator.unit);
  return isCountUnit(unit) ? formatNumber(value, indicator.decimals) : formatWithUnit(value, unit, indicator.decimals);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
