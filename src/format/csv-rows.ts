/**
 * The long CSV table of observations, shared by `kreisdossier export csv`
 * and the charts' "Daten herunterladen (CSV)":
 * `indicator,region,region_name,period,value,status,unit`, value with "." as
 * decimal separator and empty when null, the status symbol unchanged.
 */
import type { LocalizedText, Observation } from './types.js';

export const CSV_COLUMNS = ['indicator', 'region', 'region_name', 'period', 'value', 'status', 'unit'] as const;

/** The extra last column on the rows of computed values ("berechnet aus: …"); only there when some are. */
export const CSV_NOTE_COLUMN = 'note';

/**
 * The whole table, header first: the columns above, and `note` as a last column when `noteOf` gives a text
 * for any observation's indicator (computed values), empty on official rows, so every row stays one observation.
 */
export function csvTable(
  observations: readonly Observation[],
  regionName: (key: string) => string,
  unitOf: (indicator: string) => string,
  noteOf: (indicator: string) => string,
): string[][] {
  const rows = csvRows(observations, regionName, unitOf);
  const notes = observations.map((o) => noteOf(o.indicator));
  if (!notes.some(Boolean)) return [[...CSV_COLUMNS], ...rows];
  return [[...CSV_COLUMNS, CSV_NOTE_COLUMN], ...rows.map((r, i) => [...r, notes[i]!])];
}

/** One row per observation; region names and units are looked up by the caller's language. */
export function csvRows(
  observations: readonly Observation[],
  regionName: (key: string) => string,
  unitOf: (indicator: string) => string,
): string[][] {
  // Breakdown categories have no column of their own: the category is appended to the
  // indicator id ("bevoelkerung[geschlecht=weiblich]"), which keeps one row per observation.
  return observations.map((o) => {
    const breakdown = Object.entries(o.breakdown ?? {})
      .map(([d, c]) => `${d}=${c}`)
      .join(',');
    return [
      breakdown ? `${o.indicator}[${breakdown}]` : o.indicator,
      o.region,
      regionName(o.region),
      o.period,
      o.value === null ? '' : String(o.value),
      o.status ?? '',
      unitOf(o.indicator),
    ];
  });
}

/** German text of a localized string (CSV files are written in the data's language). */
export function germanText(t: LocalizedText): string {
  return typeof t === 'string' ? t : t.de;
}
