/**
 * `kreisdossier export csv`: the long table
 * `indicator,region,region_name,period,value,status,unit`,
 * value with "." as decimal separator and empty when null.
 */
import { stringify } from 'csv-stringify/sync';
import type { KreisdossierDocument, LocalizedText } from '../src/format/types.js';

export const CSV_COLUMNS = ['indicator', 'region', 'region_name', 'period', 'value', 'status', 'unit'] as const;

const german = (t: LocalizedText) => (typeof t === 'string' ? t : t.de);

export function exportCsv(doc: KreisdossierDocument): string {
  const names = new Map(doc.regions.map((r) => [r.key, r.name]));
  const units = new Map(doc.indicators.map((x) => [x.id, german(x.unit)]));
  // Breakdown categories have no column of their own: one row per observation keeps the table lossless
  // only for undivided indicators, so the category is appended to the indicator id ("bevoelkerung[geschlecht=weiblich]").
  const rows = doc.observations.map((o) => {
    const breakdown = Object.entries(o.breakdown ?? {})
      .map(([d, c]) => `${d}=${c}`)
      .join(',');
    return [
      breakdown ? `${o.indicator}[${breakdown}]` : o.indicator,
      o.region,
      names.get(o.region) ?? '',
      o.period,
      o.value === null ? '' : String(o.value),
      o.status ?? '',
      units.get(o.indicator) ?? '',
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows]);
}
