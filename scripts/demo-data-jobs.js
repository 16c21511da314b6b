// The publisher files the demo data are made of, with the indicator ids, labels, mappings and explanations both
// builds use: scripts/build-demo-data.js (Sachsen-Anhalt, cut with --within) and scripts/build-nationwide-data.js
// (all of Germany, split into parts). One list, so that the Kreisdossier's indicator ids mean the same in both.

export const RAW = 'data-adapters/fixtures/datenguide-genesapi-data';
const M = 'data-adapters/mappings';

/** Kreis tables of the Regionaldatenbank (datenguide exports, 1995–2016): [input, output, ...import flags]. */
export const KREIS_TABLES = [
  [`${RAW}/12411-01-01-4_00.csv`, 'bevoelkerung-kreise.json', '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner', '--topic', 'Bevölkerung',
    '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Region gemeldet waren.'],
  [`${RAW}/12411-02-03-4_00.csv`, 'altersgruppen-kreise.json', '--mapping', `${M}/12411-02-03-4.json`],
  [`${RAW}/12411-07-01-4_00.csv`, 'durchschnittsalter-kreise.json', '--indicator', 'durchschnittsalter', '--label', 'Durchschnittsalter', '--topic', 'Bevölkerung', '--kind', 'mean',
    '--explanation', 'Das mittlere Alter aller Einwohnerinnen und Einwohner.'],
  [`${RAW}/12612-01-01-4_00.csv`, 'geburten-kreise.json', '--indicator', 'lebendgeborene', '--label', 'Lebendgeborene', '--topic', 'Bevölkerung', '--polarity', 'higher-is-better'],
  [`${RAW}/12613-01-01-4_00.csv`, 'sterbefaelle-kreise.json', '--indicator', 'gestorbene', '--label', 'Gestorbene', '--topic', 'Bevölkerung'],
  [`${RAW}/13211-02-05-4_00.csv`, 'arbeitslosigkeit-kreise.json', '--mapping', `${M}/13211-02-05-4.json`],
  [`${RAW}/13111-01-03-4_00.csv`, 'beschaeftigte-kreise.json', '--indicator', 'sv-beschaeftigte', '--label', 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort',
    '--topic', 'Arbeitsmarkt und Wirtschaft', '--polarity', 'higher-is-better'],
  [`${RAW}/22411-02-02-4_00.csv`, 'pflege-kreise.json', '--mapping', `${M}/22411-02-02-4.json`],
  [`${RAW}/21111-01-03-4.csv`, 'schulen-kreise.json', '--mapping', `${M}/21111-01-03-4.json`],
];

/** The same population figure for the Gemeinden (12411-01-01-5, 2008–2015): [input, ...import flags]. */
export const GEMEINDE_POPULATION = [`${RAW}/12411-01-01-5_00.csv`, '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner', '--topic', 'Bevölkerung',
  '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Gemeinde gemeldet waren.'];

// Current tables from the GENESIS web service (regionalstatistik.de), fetched with `kreisdossier fetch` — here from
// the real recorded answers (10.03.2026) replayed by the project's own server on 127.0.0.1, so the build is
// offline and reproducible. Title, Stand, attribution, licence and topic come from the service's metadata.
// Each asks for the period the recording holds (the replay server answers with the recording whatever is asked),
// so that the file's recorded request says what a real fetch of it would send.
export const FETCH_TABLES = [
  ['12411-01-01-4', 'bevoelkerung-kreise-2024.json', '--from', '2024', '--to', '2024', '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner',
    '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Region gemeldet waren.'],
  ['13111-01-03-4', 'beschaeftigte-kreise-2025.json', '--from', '2025', '--to', '2025', '--indicator', 'sv-beschaeftigte', '--label', 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort',
    '--polarity', 'higher-is-better'],
  ['73111-01-01-4', 'einkommen-kreise-2021.json', '--from', '2021', '--to', '2021', '--mapping', `${M}/73111-01-01-4.json`],
  ['52411-02-01-4', 'insolvenzen-kreise-2024.json', '--from', '2024', '--to', '2024', '--mapping', `${M}/52411-02-01-4.json`],
];

// A figure the dossier needs that no table publishes: computed by the CLI from two official values, marked as computed.
export const COMPUTE_JOBS = [
  ['einkommen-kreise-2021.json', '--indicator', 'einkuenfte-je-steuerpflichtigen', '--numerator', 'einkuenfte', '--denominator', 'steuerpflichtige',
    '--factor', '1000', '--unit', 'EUR', '--label', 'Einkünfte je Steuerpflichtigen', '--polarity', 'higher-is-better',
    '--explanation', 'Wie viel Geld eine steuerpflichtige Person (oder ein gemeinsam veranlagtes Ehepaar) im Jahr im Durchschnitt verdient hat, vor Steuern.'],
];

// GENESIS flat file (Regionalatlas AI-N-01-2-5, fetched 10.03.2026), an excerpt of Sachsen-Anhalt's Gemeinden: it
// carries no © line and no "Stand" (the download date is used).
export const REGIONALATLAS = ['data-adapters/fixtures/formats/genesis-ffcsv/AI-N-01-2-5_1773175147935_de_flat.excerpt-land15.csv',
  '--table', 'AI-N-01-2-5', '--mapping', `${M}/AI-N-01-2-5.json`,
  '--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', '--reference-date', '2026-03-10'];

// Breitbandatlas (Bundesnetzagentur), all Kreise, state mid-2021; names come from the BKG boundaries.
// Population density of all 401 Kreise, 31.12.2018: Destatis (GV-ISys) via the npm package landkreise-deutschland
// (CC-BY-4.0), as reshaped in ../shared/data/stats (BKG names); only the density column is imported.
export const CSV_JOBS = [
  ['data-adapters/fixtures/breitbandatlas-paket3/landkreis_privat_2021_1.csv', 'breitband-kreise-2021.json', '--mapping', `${M}/breitband-2021-1.json`,
    '--attribution', 'Breitbandatlas | Gigabit-Grundbuch (gigabitgrundbuch.bund.de), Daten verändert',
    '--license', 'Breitbandatlas-Nutzungsbedingungen (Namensnennung)', '--reference-date', '2021-06-30',
    '--region-names', 'data-adapters/fixtures/geo/de-kreise-2021.topo.json'],
  ['data-adapters/fixtures/destatis-kreise-2018/de-kreise-bevoelkerung-flaeche.csv', 'bevoelkerungsdichte-kreise-2018.json',
    '--mapping', 'data-adapters/fixtures/destatis-kreise-2018/bevoelkerungsdichte-2018.mapping.json', '--dataset-id', 'bevoelkerungsdichte-kreise-2018',
    '--attribution', '© Statistisches Bundesamt (Destatis), 2019', '--reference-date', '2018-12-31'],
];

/** The replay server wants a user name, as the real one does; only this stand-in token is passed to it. */
export const REPLAY_ENV = { KREISDOSSIER_GENESIS_TOKEN: 'replay' };
