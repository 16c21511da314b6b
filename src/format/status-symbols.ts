/**
 * The official GENESIS / Regionalstatistik legend ("Zeichenerklärung").
 * Symbols are shown exactly as published; their explanations are localized.
 */
import { msg } from '@lit/localize';
import type { KreisdossierDocument } from './types.js';
import { localize } from '../i18n/text.js';

export interface StatusSymbolInfo {
  symbol: string;
  /** Explanation in the current locale. */
  label: string;
  /** true: the symbol stands instead of a value. */
  replacesValue: boolean;
}

const OFFICIAL: ReadonlyArray<readonly [symbol: string, replacesValue: boolean, label: () => string]> = [
  ['-', true, () => msg('nichts vorhanden', { id: 'status.dash' })],
  ['.', true, () => msg('Zahlenwert unbekannt oder geheim zu halten', { id: 'status.dot' })],
  ['...', true, () => msg('Angabe fällt später an', { id: 'status.ellipsis' })],
  ['x', true, () => msg('Tabellenfach gesperrt, weil Aussage nicht sinnvoll', { id: 'status.x' })],
  ['/', true, () => msg('keine Angaben, da Zahlenwert nicht sicher genug', { id: 'status.slash' })],
  ['()', false, () => msg('Aussagewert eingeschränkt, da der Zahlenwert statistisch relativ unsicher ist', { id: 'status.parens' })],
  ['p', false, () => msg('vorläufige Zahl', { id: 'status.p' })],
  ['r', false, () => msg('berichtigte Zahl', { id: 'status.r' })],
  ['s', false, () => msg('geschätzte Zahl', { id: 'status.s' })],
  // GENESIS-Online quality flag (value_q): "e" marks a final figure, not an estimate.
  ['e', false, () => msg('endgültige Zahl', { id: 'status.e' })],
  ['|', false, () => msg('grundsätzliche Änderung innerhalb einer Reihe, die den zeitlichen Vergleich beeinträchtigt', { id: 'status.bar' })],
];

/** The official symbols, in legend order. */
export const OFFICIAL_SYMBOLS: readonly string[] = OFFICIAL.map(([s]) => s);
/** Official symbols that stand instead of a value ('-', '.', '...', 'x', '/'). */
export const REPLACING_SYMBOLS: ReadonlySet<string> = new Set(OFFICIAL.filter(([, replaces]) => replaces).map(([s]) => s));
/** Official symbols that qualify a value ('()', 'p', 'r', 's', 'e', '|'). */
export const QUALIFYING_SYMBOLS: ReadonlySet<string> = new Set(OFFICIAL.filter(([, replaces]) => !replaces).map(([s]) => s));

/** Explanation of a symbol in the current locale, from the official legend or the document's own. */
export function statusSymbolInfo(
  symbol: string,
  declared?: KreisdossierDocument['statusSymbols'],
): StatusSymbolInfo | undefined {
  // Own keys only: "toString" or "constructor" are not declared just because every object has them.
  const own = declared && Object.hasOwn(declared, symbol) ? declared[symbol] : undefined;
  if (own) return { symbol, label: localize(own.label), replacesValue: own.replacesValue };
  const official = OFFICIAL.find(([s]) => s === symbol);
  return official && { symbol, replacesValue: official[1], label: official[2]() };
}
