/**
 * `kreisdossier export csv`: the long table
 * `indicator,region,region_name,period,value,status,unit` (see src/format/csv-rows.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, csvRows, germanText } from '../src/format/csv-rows.js';
import type { KreisdossierDocument } from '../src/format/types.js';

export { CSV_COLUMNS };

export function exportCsv(doc: KreisdossierDocument): string {
  const names = new Map(doc.regions.map((r) => [r.key, r.name]));
  const units = new Map(doc.indicators.map((x) => [x.id, germanText(x.unit)]));
  const rows = csvRows(doc.observations, (k) => names.get(k) ?? '', (id) => units.get(id) ?? '');
  return stringify([[...CSV_COLUMNS], ...rows]);
}
