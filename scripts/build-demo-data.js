// `npm run data`: builds the demo's kreisdossier files from the committed raw publisher files
// (data-adapters/fixtures) with the project's own CLI. Run after `tsc -p tsconfig.node.json`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { main } from '../build/node/data-adapters/cli.js';
import { startReplayServer } from '../build/node/data-adapters/test/genesis-replay-server.js';

const RAW = 'data-adapters/fixtures/datenguide-genesapi-data';
const OUT = process.env.KD_DEMO_OUT ?? 'demo/data';
const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
// The broadband file has ~80 columns we do not use (the area file 10); their per-column skip lines would drown the log.
let columnsNotImported = 0;
const quiet = { stdout: io.stdout, stderr: (t) => (/not imported/.test(t) ? columnsNotImported++ : process.stderr.write(t)) };

const jobs = [
  [`${RAW}/12411-01-01-4_00.csv`, 'bevoelkerung-kreise.json', '--within', '15', '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner', '--topic', 'Bevölkerung',
    '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Region gemeldet waren.'],
  [`${RAW}/12411-01-01-5_00.csv`, 'bevoelkerung-gemeinden-harz.json', '--within', '15085', '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner', '--topic', 'Bevölkerung',
    '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Gemeinde gemeldet waren.'],
  [`${RAW}/12411-02-03-4_00.csv`, 'altersgruppen-kreise.json', '--within', '15', '--mapping', 'data-adapters/mappings/12411-02-03-4.json'],
  [`${RAW}/12411-07-01-4_00.csv`, 'durchschnittsalter-kreise.json', '--within', '15', '--indicator', 'durchschnittsalter', '--label', 'Durchschnittsalter', '--topic', 'Bevölkerung', '--kind', 'mean',
    '--explanation', 'Das mittlere Alter aller Einwohnerinnen und Einwohner.'],
  [`${RAW}/12612-01-01-4_00.csv`, 'geburten-kreise.json', '--within', '15', '--indicator', 'lebendgeborene', '--label', 'Lebendgeborene', '--topic', 'Bevölkerung', '--polarity', 'higher-is-better'],
  [`${RAW}/12613-01-01-4_00.csv`, 'sterbefaelle-kreise.json', '--within', '15', '--indicator', 'gestorbene', '--label', 'Gestorbene', '--topic', 'Bevölkerung'],
  [`${RAW}/13211-02-05-4_00.csv`, 'arbeitslosigkeit-kreise.json', '--within', '15', '--mapping', 'data-adapters/mappings/13211-02-05-4.json'],
  [`${RAW}/13111-01-03-4_00.csv`, 'beschaeftigte-kreise.json', '--within', '15', '--indicator', 'sv-beschaeftigte', '--label', 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort',
    '--topic', 'Arbeitsmarkt und Wirtschaft', '--polarity', 'higher-is-better'],
  [`${RAW}/22411-02-02-4_00.csv`, 'pflege-kreise.json', '--within', '15', '--mapping', 'data-adapters/mappings/22411-02-02-4.json'],
  [`${RAW}/21111-01-03-4.csv`, 'schulen-kreise.json', '--within', '15', '--mapping', 'data-adapters/mappings/21111-01-03-4.json'],
];

// Current tables from the GENESIS web service (regionalstatistik.de), fetched with `kreisdossier fetch` — here from
// the real recorded answers (10.03.2026) replayed by the project's own server on 127.0.0.1, so the build is
// offline and reproducible. Title, Stand, attribution, licence and topic come from the service's metadata.
const M = 'data-adapters/mappings';
// Each asks for the period the recording holds (the replay server answers with the recording whatever is asked),
// so that the file's recorded request says what a real fetch of it would send.
const fetchJobs = [
  ['12411-01-01-4', 'bevoelkerung-kreise-2024.json', '--from', '2024', '--to', '2024', '--indicator', 'bevoelkerung', '--label', 'Einwohnerinnen und Einwohner',
    '--explanation', 'Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Region gemeldet waren.'],
  ['13111-01-03-4', 'beschaeftigte-kreise-2025.json', '--from', '2025', '--to', '2025', '--indicator', 'sv-beschaeftigte', '--label', 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort',
    '--polarity', 'higher-is-better'],
  ['73111-01-01-4', 'einkommen-kreise-2021.json', '--from', '2021', '--to', '2021', '--mapping', `${M}/73111-01-01-4.json`],
  ['52411-02-01-4', 'insolvenzen-kreise-2024.json', '--from', '2024', '--to', '2024', '--mapping', `${M}/52411-02-01-4.json`],
];
// A figure the dossier needs that no table publishes: computed by the CLI from two official values, marked as computed.
const computeJobs = [
  ['einkommen-kreise-2021.json', '--indicator', 'einkuenfte-je-steuerpflichtigen', '--numerator', 'einkuenfte', '--denominator', 'steuerpflichtige',
    '--factor', '1000', '--unit', 'EUR', '--label', 'Einkünfte je Steuerpflichtigen', '--polarity', 'higher-is-better',
    '--explanation', 'Wie viel Geld eine steuerpflichtige Person (oder ein gemeinsam veranlagtes Ehepaar) im Jahr im Durchschnitt verdient hat, vor Steuern.'],
];

// GENESIS flat files (Regionalatlas, fetched 10.03.2026): they carry no © line and no "Stand".
const FF = 'data-adapters/fixtures/formats/genesis-ffcsv';
const ffcsvJobs = [
  [`${FF}/AI-N-01-2-5_1773175147935_de_flat.excerpt-land15.csv`, 'siedlungsflaeche-gemeinden.json', '--table', 'AI-N-01-2-5', '--mapping', 'data-adapters/mappings/AI-N-01-2-5.json',
    '--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', '--reference-date', '2026-03-10'],
  // The same table for the Gemeinden of Landkreis Harz only: the Kreisdossier Harz offers its Kreis and Gemeinden.
  [`${FF}/AI-N-01-2-5_1773175147935_de_flat.excerpt-land15.csv`, 'siedlungsflaeche-gemeinden-harz.json', '--within', '15085', '--table', 'AI-N-01-2-5', '--mapping', 'data-adapters/mappings/AI-N-01-2-5.json',
    '--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', '--reference-date', '2026-03-10', '--dataset-id', 'siedlungsflaeche-gemeinden-harz'],
];

// Breitbandatlas (Bundesnetzagentur), all Kreise, state mid-2021; names come from the BKG boundaries.
const csvJobs = [
  ['data-adapters/fixtures/breitbandatlas-paket3/landkreis_privat_2021_1.csv', 'breitband-kreise-2021.json', '--mapping', 'data-adapters/mappings/breitband-2021-1.json',
    '--attribution', 'Breitbandatlas | Gigabit-Grundbuch (gigabitgrundbuch.bund.de), Daten verändert',
    '--license', 'Breitbandatlas-Nutzungsbedingungen (Namensnennung)', '--reference-date', '2021-06-30',
    '--region-names', 'data-adapters/fixtures/geo/de-kreise-2021.topo.json'],
  // Population density of all 401 Kreise, 31.12.2018: Destatis (GV-ISys) via the npm package landkreise-deutschland
  // (CC-BY-4.0), as reshaped in ../shared/data/stats (BKG names); only the density column is imported.
  ['data-adapters/fixtures/destatis-kreise-2018/de-kreise-bevoelkerung-flaeche.csv', 'bevoelkerungsdichte-kreise-2018.json',
    '--mapping', 'data-adapters/fixtures/destatis-kreise-2018/bevoelkerungsdichte-2018.mapping.json', '--dataset-id', 'bevoelkerungsdichte-kreise-2018',
    '--attribution', '© Statistisches Bundesamt (Destatis), 2019', '--reference-date', '2018-12-31'],
];

// Boundaries (BKG VG5000, 2021) as WGS84 TopoJSON keyed by AGS.
const GEO = 'data-adapters/fixtures/geo';
const geoJobs = [
  [`${GEO}/harz-gemeinden-2021.geojson`, 'geo/harz-gemeinden-2021.topo.json', '--within', '15085'],
  [`${GEO}/st-kreise-2021.geojson`, 'geo/st-kreise-2021.topo.json'],
  [`${GEO}/de-kreise-2021.topo.json`, 'geo/de-kreise-2021.topo.json'],
  [`${GEO}/st-gemeinden-2021.topo.json`, 'geo/st-gemeinden-2021.topo.json'],
  // All 10 997 Gemeinden (already simplified to 25 % in ../shared/data). Measured with scripts/bench-map.js: further
  // --simplify barely helps (arc end points stay: 77 376 → 66 115 vertices at 10 %, 696 → 652 kB gzip) and drops
  // small exclaves/holes (11 rings at 10 %, 8 at 50 %), render time is the same within noise; a 1e4 quantization grid
  // (≈ 65 × 90 m, finer than VG5000's 1:5 000 000 generalisation) saves 13 % (609 kB gzip) and keeps every ring.
  [`${GEO}/de-gemeinden-2021.topo.json`, 'geo/de-gemeinden-2021.topo.json', '--precision', '10000'],
];

mkdirSync(`${OUT}/geo`, { recursive: true });
let failed = 0;
for (const [input, output, ...args] of jobs) {
  const code = await main(['import', 'genesis', input, ...args, '-o', `${OUT}/${output}`], io);
  if (code !== 0) failed++;
}
const replay = await startReplayServer();
try {
  for (const [table, output, ...args] of fetchJobs) {
    const argv = ['fetch', table, '--api-url', replay.url, '--region', '15', '--level', 'kreis', ...args, '-o', `${OUT}/${output}`];
    // The replay server wants a user name, as the real one does. Only this stand-in token is passed: a developer's
    // real credentials in the environment never go to it, and their other settings cannot change the build.
    if ((await main(argv, io, { KREISDOSSIER_GENESIS_TOKEN: 'replay' })) !== 0) failed++;
  }
} finally {
  await replay.close();
}
for (const [file, ...args] of computeJobs) {
  if ((await main(['compute', `${OUT}/${file}`, ...args, '-o', `${OUT}/${file}`], io)) !== 0) failed++;
}
for (const [input, output, ...args] of ffcsvJobs) {
  const code = await main(['import', 'ffcsv', input, ...args, '-o', `${OUT}/${output}`], io);
  if (code !== 0) failed++;
}
for (const [input, output, ...args] of csvJobs) {
  const code = await main(['import', 'csv', input, ...args, '-o', `${OUT}/${output}`], quiet);
  if (code !== 0) failed++;
}
if (columnsNotImported) console.error(`(${columnsNotImported} unused columns of the broadband and area files not imported, each counted by the CLI)`);
for (const [input, output, ...args] of geoJobs) {
  const code = await main(['geo', input, ...args, '--format', 'topojson', '-o', `${OUT}/${output}`], io);
  if (code !== 0) failed++;
}
// The Kreisdossier Harz: its definition (topics, sections, texts) and one boundary reference per level, written by
// hand in data-adapters/dossiers/, validated and placed beside the files they refer to.
const dossierFiles = [
  ['data-adapters/dossiers/kreisdossier-harz.json', 'kreisdossier-harz.json'],
  ['data-adapters/dossiers/grenzen-kreise.json', 'geo/grenzen-kreise.json'],
  ['data-adapters/dossiers/grenzen-gemeinden.json', 'geo/grenzen-gemeinden.json'],
];
if ((await main(['validate', ...dossierFiles.map(([from]) => from)], io)) !== 0) failed++;
else for (const [from, to] of dossierFiles) copyFileSync(from, `${OUT}/${to}`);
if (failed) {
  console.error(`${failed} of ${jobs.length + fetchJobs.length + computeJobs.length + ffcsvJobs.length + csvJobs.length + geoJobs.length + 1} demo steps failed (the last: validating the dossier files)`);
  process.exit(1);
}
console.error(`${jobs.length + fetchJobs.length + ffcsvJobs.length + csvJobs.length + geoJobs.length + dossierFiles.length} demo files written to ${OUT}/`);
