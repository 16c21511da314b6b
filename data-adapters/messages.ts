/**
 * The CLI's report lines that the adapters produce (skipped rows in an import summary, merge
 * conflicts, geometry warnings, command-line errors), each with a stable id, German source text and
 * English text. The CLI prints `reason[lang]`.
 *
 * These live here, not in `msg()` calls: `lit-localize extract` reads only `src/` (tsconfig.build.json),
 * so a `msg()` in data-adapters/ would never reach xliff/en.xlf or the English catalogue (and extract
 * would remove a unit added by hand). Like every `AdapterError` reason, a message is a `{ de, en }` pair.
 */
import type { Reason } from './adapter-error.js';

export interface Message extends Reason {
  /** Stable id (for tests and for finding a message from its output). */
  id: string;
}

type Text = string | number;

const m = (id: string, de: string, en: string): Message => ({ id, de, en });
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Every message, by id: the CLI tests check each language's output against the other's texts. */
export const MESSAGES = {
  // ------------------------------------------------------------ import summary: skipped rows
  'cli.skip.outside-within': (key: Text) => m('cli.skip.outside-within', `Beobachtungen außerhalb von --within ${key}`, `observations outside --within ${key}`),
  'cli.skip.empty-row': () => m('cli.skip.empty-row', 'leere Zeilen', 'empty row'),
  'cli.skip.region-not-mapped': () => m('cli.skip.region-not-mapped', 'Region nicht zugeordnet', 'region not mapped'),
  'cli.skip.column-not-imported': (column: Text) =>
    m('cli.skip.column-not-imported', `Zellen der Spalte „${column}“ nicht übernommen`, `cells of column "${column}" not imported`),
  'cli.skip.genesis-no-ags': () =>
    m(
      'cli.skip.genesis-no-ags',
      'Zeilen mit Schlüsseln der Regionalstatistik, die weder AGS noch ARS sind (Mitglieder von Gemeindeverbänden)',
      'rows with Regionalstatistik keys that are no AGS/ARS (members of Gemeindeverbände)',
    ),
  'cli.skip.genesis-unmapped-cells': () =>
    m('cli.skip.genesis-unmapped-cells', 'Zellen in Wertspalten, die keinem Indikator zugeordnet sind', 'cells in value columns not mapped to an indicator'),
  'cli.skip.footer': () => m('cli.skip.footer', 'Fußzeilen', 'footer'),
  'cli.skip.empty-line': () => m('cli.skip.empty-line', 'Leerzeilen', 'empty line'),
  'cli.skip.no-official-key': () =>
    m('cli.skip.no-official-key', 'Region ohne amtlichen Schlüssel (eine Summe wie „Insgesamt“)', 'region without an official key (an aggregate such as "Insgesamt")'),
  'cli.skip.jsonstat-sparse': () =>
    m(
      'cli.skip.jsonstat-sparse',
      'Zellen ohne Eintrag im dünn besetzten Objekt „value“ (JSON-stat: kein Wert)',
      'cell without an entry in the sparse value object (JSON-stat: no value)',
    ),
  'cli.skip.jsonstat-geo-not-key': () =>
    m('cli.skip.jsonstat-geo-not-key', 'geo-Kategorie nicht in regionKeys (kein amtlicher deutscher Regionalschlüssel)', 'geo category not in regionKeys (not a German official key)'),
  'cli.skip.jsonstat-duplicate': () =>
    m('cli.skip.jsonstat-duplicate', 'dieselbe Beobachtung noch einmal (in einem anderen Datensatz der Sammlung)', 'the same observation again (in another dataset of the collection)'),
  'cli.skip.jsonstat-empty-cell': () => m('cli.skip.jsonstat-empty-cell', 'leere Zellen: keine Beobachtung', 'empty cell: no observation'),

  // ------------------------------------------------------------ merge conflicts
  'cli.merge.no-files': () => m('cli.merge.no-files', 'keine Dateien zum Zusammenführen', 'no files to merge'),
  'cli.merge.licence': (here: Text, before: Text) =>
    m(
      'cli.merge.licence',
      `Lizenz ${here} weicht von ${before} ab: die Dateien stattdessen nebeneinander laden`,
      `licence ${here} differs from ${before}: load the files side by side instead`,
    ),
  'cli.merge.region': (key: Text, here: Text, before: Text) =>
    m('cli.merge.region', `Region ${key} hat hier Ebene/übergeordnete Region ${here}, vorher ${before}`, `region ${key} has level/parent ${here} here, ${before} before`),
  'cli.merge.indicator': (id: Text) =>
    m(
      'cli.merge.indicator',
      `Indikator ${id} hat eine andere Einheit, Nachkommastellen, Art oder andere Dimensionen als vorher`,
      `indicator ${id} has another unit, decimals, kind or dimensions than before`,
    ),
  'cli.merge.status-symbol': (symbol: Text) =>
    m('cli.merge.status-symbol', `Zeichen ${symbol} ist anders erklärt als vorher`, `status symbol ${symbol} is declared differently`),
  'cli.merge.observation': (observation: Text, here: Text, before: Text) =>
    m('cli.merge.observation', `${observation}: hier ${here}, vorher ${before}`, `${observation}: ${here} here, ${before} before`),

  // ------------------------------------------------------------ geo warnings
  'cli.geo.invalid-keys': (n: number, property: Text, list: Reason) =>
    m(
      'cli.geo.invalid-keys',
      `${n} ${plural(n, 'Gebiet', 'Gebiete')} ohne gültigen Schlüssel in „${property}“ ausgelassen: ${list.de}`,
      `${n} ${plural(n, 'feature', 'features')} without a valid key in "${property}" left out: ${list.en}`,
    ),
  'cli.geo.no-geometry': (n: number, list: Reason) =>
    m(
      'cli.geo.no-geometry',
      `${n} ${plural(n, 'Gebiet', 'Gebiete')} ohne Geometrie ausgelassen: ${list.de}`,
      `${n} ${plural(n, 'feature', 'features')} without geometry left out: ${list.en}`,
    ),
  'cli.geo.duplicate-keys': (n: number, list: Reason) =>
    m(
      'cli.geo.duplicate-keys',
      `${n} ${plural(n, 'Schlüssel steht', 'Schlüssel stehen')} an mehreren Gebieten (eine Karte zeigt sie als eine Region; vorher auflösen oder filtern): ${list.de}`,
      `${n} ${plural(n, 'key', 'keys')} on several features (a map shows them as one region; dissolve or filter them first): ${list.en}`,
    ),
  'cli.geo.feature-count': (written: number, expected: number) =>
    m('cli.geo.feature-count', `${written} Gebiete geschrieben, erwartet waren ${expected}`, `wrote ${written} features, expected ${expected}`),
  'cli.geo.mapshaper-note': (note: Text) => m('cli.geo.mapshaper-note', `mapshaper meldet: ${note}`, `mapshaper reports: ${note}`),
  'cli.geo.ignored-files': (files: Text, shp: Text) =>
    m('cli.geo.ignored-files', `nicht verwendet: ${files} (gehört nicht zum Shapefile ${shp})`, `ignored ${files} (not part of the Shapefile ${shp})`),
  'cli.geo.dhdn-shifted': (prj: Text, crs: Text) =>
    m(
      'cli.geo.dhdn-shifted',
      `${prj} beschreibt DHDN ohne Datumsverschiebung; gelesen als ${crs} mit der 7-Parameter-Verschiebung DHDN→WGS84 ` +
        '(nach der .prj allein läge jeder Punkt ≈150 m daneben; --source-crs hat Vorrang)',
      `${prj} describes DHDN without a datum shift; read as ${crs} with the 7-parameter DHDN→WGS84 shift ` +
        '(the .prj alone would put every point ≈150 m off; --source-crs overrides this)',
    ),
  'cli.geo.dhdn-unknown': (prj: Text) =>
    m(
      'cli.geo.dhdn-unknown',
      `${prj} beschreibt DHDN ohne Datumsverschiebung: die Lage kann ≈150 m abweichen; ` +
        'bitte den EPSG-Code mit --source-crs angeben (z. B. EPSG:31467 für Gauß-Krüger-Streifen 3)',
      `${prj} describes DHDN without a datum shift: positions may be ≈150 m off; ` +
        'give the EPSG code with --source-crs (e.g. EPSG:31467 for Gauss-Krüger zone 3)',
    ),
  'cli.geo.not-polygons': (n: number, types: Text) =>
    m(
      'cli.geo.not-polygons',
      `${n} ${plural(n, 'Gebiet, das keine Fläche ist', 'Gebiete, die keine Flächen sind')} (${types}), ausgelassen`,
      `${n} ${plural(n, 'feature that is not a polygon', 'features that are not polygons')} (${types}) left out`,
    ),
  'cli.geo.ars-not-copied': (field: Text, why: Reason) =>
    m('cli.geo.ars-not-copied', `„${field}“ nicht als ars übernommen: ${why.de}`, `"${field}" not copied to ars: ${why.en}`),
  'cli.geo.ars-mismatch': (n: number, field: Text) =>
    m(
      'cli.geo.ars-mismatch',
      `${n} ${plural(n, 'Gebiet', 'Gebiete')}, deren „${field}“ nicht zum Schlüssel passt: dort ohne ars`,
      `${n} ${plural(n, 'feature', 'features')} whose "${field}" does not match the key: ars left out there`,
    ),
  'cli.geo.outside-germany': (box: Text, lon: Text, lat: Text) =>
    m(
      'cli.geo.outside-germany',
      `das umgebende Rechteck ${box} reicht über Deutschland hinaus (Länge ${lon}, Breite ${lat}): ` +
        'bitte das Koordinatensystem (--source-crs) und die Achsenreihenfolge prüfen',
      `the bounding box ${box} reaches beyond Germany (lon ${lon}, lat ${lat}): ` + 'check the coordinate system (--source-crs) and the axis order',
    ),
  'cli.geo.more': (shown: Text, n: number) => m('cli.geo.more', `${shown}, … (${n} weitere)`, `${shown}, … (${n} more)`),

  // ------------------------------------------------------------ command line (node:util parseArgs)
  'cli.args.unknown-option': (option: Text) =>
    m('cli.args.unknown-option', `unbekannte Option ${option} (kreisdossier --help zeigt die Optionen)`, `unknown option ${option} (kreisdossier --help shows the options)`),
  'cli.args.missing-value': (option: Text) =>
    m('cli.args.missing-value', `die Option ${option} braucht einen Wert`, `option ${option} needs a value`),
  'cli.args.ambiguous-value': (option: Text) =>
    m(
      'cli.args.ambiguous-value',
      `nach der Option ${option} folgt ein Wert mit „-“ am Anfang: fehlt ihr Wert? Einen solchen Wert als ${option}=-WERT angeben`,
      `the value after option ${option} starts with "-": is its value missing? Give such a value as ${option}=-VALUE`,
    ),
  'cli.args.takes-no-value': (option: Text) => m('cli.args.takes-no-value', `die Option ${option} nimmt keinen Wert an`, `option ${option} takes no value`),
} satisfies Record<string, (...args: never) => Message>;

export type MessageId = keyof typeof MESSAGES;
