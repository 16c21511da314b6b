/**
 * `kreisdossier export csv`: the long table
 * `indicator,region,region_name,period,value,status,unit` (see src/format/csv-rows.ts), and, as in the
 * elements' CSV download, a last column `note` ("berechnet aus: …") when the file has computed indicators.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, csvTable, germanText } from '../src/format/csv-rows.js';
import type { KreisdossierDocument } from '../src/format/types.js';
import { computedNote } from '../src/i18n/computed.js';
import { withLocale } from '../src/i18n/locale.js';

export { CSV_COLUMNS };

export function exportCsv(doc: KreisdossierDocument): string {
  const names = new Map(doc.regions.map((r) => [r.key, r.name]));
  const units = new Map(doc.indicators.map((x) => [x.id, germanText(x.unit)]));
  const indicators = new Map(doc.indicators.map((x) => [x.id, x]));
  // Written in the data's language, German, like the units.
  const note = (id: string) => withLocale('de', () => computedNote(indicators.get(id)));
  return stringify(csvTable(doc.observations, (k) => names.get(k) ?? '', (id) => units.get(id) ?? '', note));
}
