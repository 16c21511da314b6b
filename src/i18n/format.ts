/**
 * Numbers, dates, periods and values through Intl, in the current locale
 * (German: 1.234,5 % and 31.12.2024; English: 1,234.5% and 31 Dec 2024).
 */
import { msg, str } from '@lit/localize';
import { currentLocale, type Locale } from './locale.js';

const INTL_TAG: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${currentLocale()}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(INTL_TAG[currentLocale()], options)));
  return f;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${currentLocale()}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(INTL_TAG[currentLocale()], { timeZone: 'UTC', ...options })));
  return f;
}

/** 1234.5 → "1.234,5" (de) / "1,234.5" (en), with exactly `decimals` digits when given. */
export function formatNumber(value: number, decimals?: number): string {
  return numberFormat(
    decimals === undefined ? { maximumFractionDigits: 6 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
  ).format(value);
}

/** A value that already is in percent: 19.7 → "19,7 %" (de) / "19.7%" (en). */
export function formatPercent(value: number, decimals = 1): string {
  return numberFormat({ style: 'unit', unit: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A change in percent with its sign: −6.9 → "−6,9 %", 1.2 → "+1,2 %". */
export function formatChange(value: number, decimals = 1): string {
  return numberFormat({
    style: 'unit',
    unit: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A signed number: 1.2 → "+1,2", −0.8 → "-0,8", 0 → "0" (changes in points or in a unit). */
export function formatSigned(value: number, decimals = 0): string {
  return numberFormat({ signDisplay: 'exceptZero', minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

const PERCENT_UNITS = new Set(['%', 'Prozent', 'percent']);

/** True for units that are written as "%" after the number. */
export function isPercentUnit(unit: string): boolean {
  return PERCENT_UNITS.has(unit.trim());
}

/** A value with its unit: "221.366 Personen", "7,2 %". */
export function formatWithUnit(value: number, unit: string, decimals?: number): string {
  if (isPercentUnit(unit)) return formatPercent(value, decimals ?? 1);
  // A no-break space keeps number and unit on one line, as Intl does for "%".
  return unit ? `${formatNumber(value, decimals)}\u00a0${unit}` : formatNumber(value, decimals);
}

function utcDate(iso: string): Date {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m - 1, d));
}

/** An ISO date: "2024-12-31" → "31.12.2024" (de) / "31 Dec 2024" (en). */
export function formatDate(iso: string): string {
  const date = iso.slice(0, 10);
  if (currentLocale() === 'de') {
    // "TT.MM.JJJJ" is a reordering of the ISO date; the first Intl.DateTimeFormat of a page
    // costs ~30 ms of locale-data loading, which a German chart need not wait for.
    const [y, m, d] = date.split('-');
    return `${d}.${m}.${y}`;
  }
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }).format(utcDate(date));
}

/**
 * A period as people write it: Stichtag "31.12.2015", year "2015",
 * month "Juni 2018", quarter "1. Quartal 2015", school year "2015/16".
 */
export function formatPeriod(period: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period);
  if (/^\d{4}-\d{2}$/.test(period)) return dateFormat({ month: 'long', year: 'numeric' }).format(utcDate(period));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const [, year, q] = quarter;
    return msg(str`${q}. Quartal ${year}`, { id: 'period.quarter' });
  }
  return period;
}
