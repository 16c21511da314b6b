/**
 * Downloads made in the browser ("Daten herunterladen (CSV)"): no server, no
 * third party, no blob: URL (which some strict CSPs forbid).
 */
import type { DataStore, StoredObservation } from '../data/data-store.js';
import { csvTable } from '../format/csv-rows.js';
import { computedNote } from '../i18n/computed.js';
import { localize } from '../i18n/text.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Observations as CSV (with a byte-order mark, so spreadsheet programs read UTF-8): the columns of
 * `kreisdossier export csv`, unchanged. When some of the values are computed (an indicator with
 * `computed`), a last column `note` says so on their rows ("berechnet aus: …") and is empty on official
 * rows, so every row stays one observation and every value keeps its column.
 */
export function observationsCsv(store: DataStore, observations: readonly StoredObservation[]): string {
  const table = csvTable(
    observations,
    (key) => store.regions.get(key)?.name ?? '',
    (id) => localize(store.indicators.get(id)?.unit ?? ''),
    (id) => computedNote(store.indicators.get(id)),
  );
  return `\ufeff${table.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

export function csvHref(csv: string): string {
  // A lone surrogate (possible in JSON text) has no UTF-8 form: U+FFFD, as every UTF-8 encoder writes
  // it — encodeURIComponent would throw at the page instead.
  const wellFormed = csv.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(wellFormed)}`;
}

/** Starts a download of a data: URL. */
export function download(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.click();
}

/** A safe file name from parts: "arbeitslosenquote-15085-2016.csv". */
export function fileNameOf(parts: ReadonlyArray<string | undefined>, extension: string): string {
  return `${[...new Set(parts.filter(Boolean))].join('-').replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;
}
