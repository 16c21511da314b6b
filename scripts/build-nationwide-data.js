// `npm run data:de` (and `npm run data`): the nationwide demo data in demo/data/de/, built from the committed raw
// publisher files with the project's own CLI (`main([...])`): every Kreis table imported for all of Germany, split
// into parts by Land (`split --by auto`: Deutschland in -de, each Land with its Kreise in its part), the Gemeinde
// population split by Land, Regierungsbezirk or Kreis, the Gemeinde boundaries split the same way and the Kreis
// boundaries by Land, the region files for the search, the dossier definitions, and the catalogue over it all
// (`catalogue`, with its checks). Run after `tsc -p tsconfig.node.json`.
//
// The folder is generated and not committed (.gitignore). The build takes about a minute; it is skipped when a hash
// of its inputs (raw files, mappings, dossiers, this script and the compiled CLI) matches the last build's, so that
// `npm start` and `npm test` can call it every time. `--force` builds anyway. A failed step exits with 1 and leaves
// the previous folder as it was: everything is built in demo/data/de.build/ and renamed at the end.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../build/node/data-adapters/cli.js';
import { startReplayServer } from '../build/node/data-adapters/test/genesis-replay-server.js';
import { dossierDataFiles, dossierFor, dossierNeeds, geometryFilesFor, peerIndicators } from '../build/node/src/format/catalogue-select.js';
import { COMPUTE_JOBS, CSV_JOBS, FETCH_TABLES, GEMEINDE_POPULATION, KREIS_TABLES, REGIONALATLAS, REPLAY_ENV } from './demo-data-jobs.js';

const OUT = process.env.KD_DE_OUT ?? 'demo/data/de';
const BUILD = `${OUT}.build`;
const STAMP = '.inputs-sha256';
const started = Date.now();

/**
 * Largest part of a Kreis table, kB gzip. A Kreis's page needs the Kreise of its whole Land (their parent in the
 * data is the Land, for maps and rankings), so splitting a Land further would only add requests: the limit is set
 * above the largest Land part (Bayern's, ≈ 45 kB), and each Kreis table is one file per Land (the Land's own row
 * and its Kreise) plus one for Deutschland.
 */
const KREIS_MAX_KB = 60;
/**
 * Gemeinde population and boundaries, kB gzip: a Kreis's page needs only its own Gemeinden, so small parts pay off.
 * 30 keeps every Land, Regierungsbezirk or Kreis part under it (the largest Kreis part, Rendsburg-Eckernförde with
 * 165 Gemeinden, is ≈ 28 kB).
 */
const GEMEINDE_MAX_KB = 30;
/**
 * Kreis tables the general dossier shows for the region alone (with its Land and Deutschland), never among the
 * other Kreise: the age pyramid, births and deaths over time. Their parts may be small — a Land above
 * SMALL_MAX_KB is split by Regierungsbezirk or Kreis — so a page in Bayern loads its Regierungsbezirk's part
 * instead of the whole Land's (measured with `npm run bench:views`: München's first view 372 → ~300 kB), while a
 * page that does rank them (the Harz definition's key figures) still finds a small Land's Kreise in one part.
 */
const SMALL_PARTS = ['altersgruppen-kreise.json', 'geburten-kreise.json', 'sterbefaelle-kreise.json'];
const SMALL_MAX_KB = 15;

const GEO = 'data-adapters/fixtures/geo';
const BKG = {
  attribution: '© GeoBasis-DE / BKG (2021), Daten verändert',
  license: { id: 'dl-de/by-2-0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
  sources: [{ publisher: 'Bundesamt für Kartographie und Geodäsie (BKG)', title: 'Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021', url: 'https://gdz.bkg.bund.de' }],
  referenceDate: '2021-01-01',
};

// ---------------------------------------------------------------- skip when nothing changed

function inputFiles() {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const raw = [...KREIS_TABLES.map(([f]) => f), GEMEINDE_POPULATION[0], REGIONALATLAS[0], ...CSV_JOBS.map(([f]) => f)];
  return [
    ...raw,
    ...walk('data-adapters/fixtures/genesis-api'),
    ...walk('data-adapters/mappings'),
    'data-adapters/fixtures/destatis-kreise-2018/bevoelkerungsdichte-2018.mapping.json',
    `${GEO}/de-kreise-2021.topo.json`,
    `${GEO}/de-gemeinden-2021.topo.json`,
    'data-adapters/dossiers/kreisdossier.json',
    'data-adapters/dossiers/kreisdossier-harz.json',
    'data-adapters/region-changes.json',
    'scripts/build-nationwide-data.js',
    'scripts/demo-data-jobs.js',
    'package-lock.json',
    // The compiled CLI, the format's validator and the replay server (not the compiled tests).
    ...walk('build/node').filter((f) => f.endsWith('.js') && !f.endsWith('.test.js')),
  ].sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputFiles()) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const hash = inputsHash();
if (!process.argv.includes('--force') && existsSync(join(OUT, 'katalog.json')) && existsSync(join(OUT, STAMP)) && readFileSync(join(OUT, STAMP), 'utf8').trim() === hash) {
  console.error(`${OUT}/: up to date (inputs unchanged; --force builds anyway)`);
  process.exit(0);
}

// ---------------------------------------------------------------- output of the CLI

// Per-file detail lines of catalogue (indented) and validate ("gültig"), and the broadband file's ~80 unused columns
// are counted, not printed; everything else the CLI says is shown.
const counted = { detail: 0, columns: 0 };
const io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => {
    for (const line of t.split(/(?<=\n)/)) {
      if (/^ {2}\S/.test(line) || /: (gültig|valid)\n$/.test(line)) counted.detail++;
      else if (/Spalte „[^“]*“ nicht übernommen|cells of column "[^"]*" not imported/.test(line)) counted.columns++;
      else process.stderr.write(line);
    }
  },
};
let failed = 0;
const steps = [];
async function run(argv, env) {
  const code = await main(argv, io, env ?? {});
  steps.push(argv.slice(0, 2).join(' '));
  if (code !== 0) {
    failed++;
    console.error(`FAILED (exit ${code}): kreisdossier ${argv.join(' ')}`);
  }
  return code;
}

function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);
}

// ---------------------------------------------------------------- 1. import everything nationwide

rmSync(BUILD, { recursive: true, force: true });
const tmp = mkdtempSync(join(tmpdir(), 'kd-de-'));
const RAW_KREISE = join(tmp, 'kreise');
const RAW_GEMEINDEN = join(tmp, 'gemeinden');
mkdirSync(RAW_KREISE, { recursive: true });
mkdirSync(RAW_GEMEINDEN, { recursive: true });

for (const [input, output, ...args] of KREIS_TABLES) await run(['import', 'genesis', input, ...args, '-o', join(RAW_KREISE, output)]);
const [gemeindeInput, ...gemeindeArgs] = GEMEINDE_POPULATION;
await run(['import', 'genesis', gemeindeInput, ...gemeindeArgs, '-o', join(RAW_GEMEINDEN, 'bevoelkerung-gemeinden.json')]);

// The current tables without --region: the whole recorded table, all Kreise of Germany.
const replay = await startReplayServer();
try {
  for (const [table, output, ...args] of FETCH_TABLES) await run(['fetch', table, '--api-url', replay.url, ...args, '-o', join(RAW_KREISE, output)], REPLAY_ENV);
} finally {
  await replay.close();
}
for (const [file, ...args] of COMPUTE_JOBS) await run(['compute', join(RAW_KREISE, file), ...args, '-o', join(RAW_KREISE, file)]);
for (const [input, output, ...args] of CSV_JOBS) await run(['import', 'csv', input, ...args, '-o', join(RAW_KREISE, output)]);
// The Regionalatlas excerpt holds the Gemeinden of Sachsen-Anhalt only: it is split like the Gemeinde population.
const [atlasInput, ...atlasArgs] = REGIONALATLAS;
await run(['import', 'ffcsv', atlasInput, ...atlasArgs, '--dataset-id', 'siedlungsflaeche-gemeinden', '-o', join(RAW_GEMEINDEN, 'siedlungsflaeche-gemeinden.json')]);
if (failed) finish();

// ---------------------------------------------------------------- 2. split

const kreisFiles = readdirSync(RAW_KREISE).sort().map((f) => join(RAW_KREISE, f));
await run(['split', ...kreisFiles.filter((f) => !SMALL_PARTS.some((t) => f.endsWith(t))), '--by', 'auto', '--max-kb', String(KREIS_MAX_KB), '-o', join(BUILD, 'kreise')]);
await run(['split', ...kreisFiles.filter((f) => SMALL_PARTS.some((t) => f.endsWith(t))), '--by', 'auto', '--max-kb', String(SMALL_MAX_KB), '-o', join(BUILD, 'kreise')]);
// The Gemeinde table's Kreis, Land and Bund rows repeat the Kreis table (identical values): left out, and counted.
await run(['split', join(RAW_GEMEINDEN, 'bevoelkerung-gemeinden.json'), '--by', 'auto', '--max-kb', String(GEMEINDE_MAX_KB), '--only-below', 'kreis', '-o', join(BUILD, 'gemeinden')]);
await run(['split', join(RAW_GEMEINDEN, 'siedlungsflaeche-gemeinden.json'), '--by', 'auto', '--max-kb', String(GEMEINDE_MAX_KB), '-o', join(BUILD, 'gemeinden')]);
if (failed) finish();

// ---------------------------------------------------------------- 3. boundaries

const geoDir = join(BUILD, 'geo');
mkdirSync(geoDir, { recursive: true });
const reference = (id, title, url, object, level) => ({
  $schema: '../../../../schema/kreisdossier-1.schema.json',
  kreisdossier: '1.0',
  dataset: { id, title, sources: BKG.sources, license: BKG.license, attribution: BKG.attribution, referenceDate: BKG.referenceDate },
  regions: [],
  indicators: [],
  observations: [],
  geometry: { url, format: 'topojson', object, keyProperty: 'ags', level, attribution: BKG.attribution, license: BKG.license },
});

// Kreise: one file per Land, since a Kreis's page maps the Kreise of its Land (a map of all Kreise of Germany merges
// the 16). Cut from the source with a grid of 0.001° (≈ 70 × 110 m), about the one a single file for Germany had
// with a 1e4 quantization, so the parts carry no more detail than that file did; VG5000 is generalized far coarser.
// With BKG's type of each Kreis for the catalogue. The neighbours across Länder borders share no arc within one
// Land's file: the catalogue reads them from a file for all of Germany (`--neighbours-from`), written to the
// temporary folder, never published.
const kreisBoundaries = JSON.parse(readFileSync(`${GEO}/de-kreise-2021.topo.json`, 'utf8')).objects.kreise.geometries.map((g) => g.properties);
const kreisLaender = [...new Set(kreisBoundaries.map((p) => p.ags.slice(0, 2)))].sort();
const KREISE_DE = join(tmp, 'kreise-de.topo.json');
await run(['geo', `${GEO}/de-kreise-2021.topo.json`, '--format', 'topojson', '--precision', '10000', '--keep-properties', 'type', '-o', KREISE_DE]);
const landNamesOfKreise = new Map(
  JSON.parse(readFileSync(join(RAW_KREISE, 'bevoelkerung-kreise.json'), 'utf8'))
    .regions.filter((r) => r.level === 'Land')
    .map((r) => [r.key, r.name]),
);
for (const land of kreisLaender) {
  const file = `kreise-${land}.topo.json`;
  await run(['geo', `${GEO}/de-kreise-2021.topo.json`, '--within', land, '--format', 'topojson', '--precision', '3', '--keep-properties', 'type', '-o', join(geoDir, file)]);
  const name = landNamesOfKreise.get(land) ?? land;
  writeJson(join(geoDir, `grenzen-kreise-${land}.json`), reference(`grenzen-kreise-${land}-2021`, { de: `Gebietsgrenzen der Kreise: ${name}`, en: `Boundaries of the Kreise: ${name}` }, file, 'kreise', 'Kreis'));
}
if (failed) finish();
// Every Kreis of the boundaries in exactly one part.
const kreiseInParts = kreisLaender.flatMap((l) => JSON.parse(readFileSync(join(geoDir, `kreise-${l}.topo.json`), 'utf8')).objects.kreise.geometries.map((g) => g.properties.ags));
if (kreiseInParts.length !== kreisBoundaries.length || new Set(kreiseInParts).size !== kreisBoundaries.length) {
  console.error(`the Kreis boundary parts hold ${kreiseInParts.length} areas (${new Set(kreiseInParts).size} keys), the source ${kreisBoundaries.length}`);
  failed++;
}

// Gemeinden: split the same way as the Gemeinde population (one file per part of the data), and the Gemeinden the
// data do not cover (kreisfreie Städte, Rheinland-Pfalz, the Stadtstaaten) one file per Kreis. Each part is cut from
// its Land's file (cut once from the national file): much faster than cutting every part from the whole country.
const gemeindeBoundaries = JSON.parse(readFileSync(`${GEO}/de-gemeinden-2021.topo.json`, 'utf8')).objects.gemeinden.geometries.map((g) => g.properties);
const dataUnits = readdirSync(join(BUILD, 'gemeinden'))
  .map((f) => /^bevoelkerung-gemeinden-(\d+)\.json$/.exec(f)?.[1])
  .filter(Boolean);
const unitOf = (ags) => dataUnits.find((u) => ags.startsWith(u)) ?? ags.slice(0, 5);
const geoUnits = [...new Set(gemeindeBoundaries.map((p) => unitOf(p.ags)))].sort();
const laender = [...new Set(gemeindeBoundaries.map((p) => p.ags.slice(0, 2)))].sort();
const landDir = join(tmp, 'geo');
mkdirSync(landDir, { recursive: true });
for (const land of laender) {
  await run(['geo', `${GEO}/de-gemeinden-2021.topo.json`, '--within', land, '--format', 'topojson', '--precision', '10000', '-o', join(landDir, `gemeinden-${land}.topo.json`)]);
}
for (const unit of geoUnits) {
  const file = `gemeinden-${unit}.topo.json`;
  const land = join(landDir, `gemeinden-${unit.slice(0, 2)}.topo.json`);
  if (unit.length === 2) copyFileSync(land, join(geoDir, file));
  else await run(['geo', land, '--within', unit, '--format', 'topojson', '--precision', '10000', '-o', join(geoDir, file)]);
  writeJson(
    join(geoDir, `grenzen-gemeinden-${unit}.json`),
    reference(`grenzen-gemeinden-${unit}-2021`, { de: `Gebietsgrenzen der Gemeinden (${unit})`, en: `Boundaries of the Gemeinden (${unit})` }, file, 'gemeinden', 'Gemeinde'),
  );
}
if (failed) finish();
// Every Gemeinde of the boundaries in exactly one part.
const inParts = geoUnits.flatMap((u) => JSON.parse(readFileSync(join(geoDir, `gemeinden-${u}.topo.json`), 'utf8')).objects.gemeinden.geometries.map((g) => g.properties.ags));
if (inParts.length !== gemeindeBoundaries.length || new Set(inParts).size !== gemeindeBoundaries.length) {
  console.error(`the Gemeinde boundary parts hold ${inParts.length} areas (${new Set(inParts).size} keys), the source ${gemeindeBoundaries.length}`);
  failed++;
}

// ---------------------------------------------------------------- 4. region files: every Gemeinde, by Land, for the search

const landNames = landNamesOfKreise;
const regionFiles = [];
let listed = 0;
for (const land of laender) {
  const regions = gemeindeBoundaries
    .filter((p) => p.ags.startsWith(land))
    .sort((a, b) => (a.ags < b.ags ? -1 : 1))
    .map((p) => ({ key: p.ags, name: p.name, level: 'Gemeinde', parent: p.ags.slice(0, 5) }));
  const name = landNames.get(land) ?? land;
  const path = join(BUILD, 'regionen', `gemeinden-${land}.json`);
  writeJson(path, {
    $schema: '../../../../schema/kreisdossier-1.schema.json',
    kreisdossier: '1.0',
    dataset: {
      id: `gemeinden-${land}`,
      title: { de: `Gemeinden: ${name}`, en: `Gemeinden: ${name}` },
      description: { de: 'Namen und Schlüssel aller Gemeinden (auch gemeindefreier Gebiete) für die Suche, aus den Gebietsgrenzen des BKG.', en: 'Names and keys of every Gemeinde (and unincorporated area) for the search, from the BKG boundaries.' },
      sources: BKG.sources,
      license: BKG.license,
      attribution: BKG.attribution,
      referenceDate: BKG.referenceDate,
    },
    regions,
    indicators: [],
    observations: [],
  });
  regionFiles.push(path);
  listed += regions.length;
}
// Every Gemeinde of the boundaries can be found by name.
if (listed !== new Set(gemeindeBoundaries.map((p) => p.ags)).size || listed !== gemeindeBoundaries.length) {
  console.error(`the region files list ${listed} Gemeinden, the boundaries ${gemeindeBoundaries.length}`);
  failed++;
}

// ---------------------------------------------------------------- 5. dossier definitions

const dossierDir = join(BUILD, 'dossiers');
mkdirSync(dossierDir, { recursive: true });
copyFileSync('data-adapters/dossiers/kreisdossier.json', join(dossierDir, 'kreisdossier.json'));
// The Harz definition, listed for Landkreis Harz only: the catalogue offers a definition for the regions its file names.
const harz = JSON.parse(readFileSync('data-adapters/dossiers/kreisdossier-harz.json', 'utf8'));
writeJson(join(dossierDir, 'kreisdossier-harz.json'), { ...harz, regions: [{ key: '15085', name: 'Harz, Landkreis', level: 'Kreis', parent: '15' }] });
for (const file of [join(dossierDir, 'kreisdossier.json'), join(dossierDir, 'kreisdossier-harz.json')]) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  doc.$schema = '../../../../schema/kreisdossier-1.schema.json';
  writeJson(file, doc);
}

const written = readdirSync(BUILD, { recursive: true })
  .filter((f) => f.endsWith('.json') && !f.endsWith('.topo.json') && !f.startsWith('kreise') && !f.startsWith('gemeinden'))
  .map((f) => join(BUILD, f));
await run(['validate', ...written]);
if (failed) finish();

// ---------------------------------------------------------------- 6. the catalogue, with its checks

await run(['catalogue', BUILD, '-o', join(BUILD, 'katalog.json'), '--title', 'kreisdossier – bundesweite Demo-Daten', '--region-changes', 'data-adapters/region-changes.json', '--neighbours-from', KREISE_DE]);
if (failed) finish();

// ---------------------------------------------------------------- 7. README, report, swap

const files = readdirSync(BUILD, { recursive: true })
  .filter((f) => statSync(join(BUILD, f)).isFile())
  .map((f) => {
    const text = readFileSync(join(BUILD, f));
    return { file: f.split('\\').join('/'), raw: text.length, gzip: gzipSync(text).length };
  });
const catalogue = JSON.parse(readFileSync(join(BUILD, 'katalog.json'), 'utf8'));
writeFileSync(join(BUILD, 'README.md'), readme(catalogue, files));
writeFileSync(join(BUILD, STAMP), `${hash}\n`);
report(files, catalogue);
rmSync(OUT, { recursive: true, force: true });
renameSync(BUILD, OUT);
finish();

// ---------------------------------------------------------------- helpers

function finish() {
  rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (failed) {
    console.error(`${failed} of ${steps.length} steps failed; ${OUT}/ left as it was (partial build in ${BUILD}/)`);
    process.exit(1);
  }
  console.error(`${OUT}/ built in ${seconds} s (${counted.detail} per-file lines and ${counted.columns} unused-column notes of the CLI not shown)`);
  process.exit(0);
}

function report(list, catalogue) {
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  const folders = new Map();
  for (const f of list) {
    const folder = f.file.includes('/') ? f.file.slice(0, f.file.indexOf('/')) : '.';
    const s = folders.get(folder) ?? { files: 0, raw: 0, gzip: 0 };
    folders.set(folder, { files: s.files + 1, raw: s.raw + f.raw, gzip: s.gzip + f.gzip });
  }
  const total = list.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });
  console.error(`\n${OUT}/: ${list.length} files, ${kb(total.raw)} raw, ${kb(total.gzip)} gzip`);
  console.error('folder        files        raw       gzip');
  for (const [folder, s] of [...folders].sort()) console.error(`${folder.padEnd(12)} ${String(s.files).padStart(6)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)}`);
  console.error('\nlargest files (gzip)                                   raw       gzip');
  for (const f of [...list].sort((a, b) => b.gzip - a.gzip).slice(0, 8)) console.error(`${f.file.padEnd(50)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)}`);
  const byUrl = new Map(list.map((f) => [f.file, f]));
  console.error('\nKreis view, topic Bevölkerung, as <themen-dossier> selects it (its definition, dossierNeeds → dossierDataFiles, geometryFilesFor):');
  for (const key of ['09162', '15085', '05315']) {
    const definition = dossierFor(catalogue, key)?.url;
    const document = definition ? JSON.parse(readFileSync(join(BUILD, definition), 'utf8')) : undefined;
    const needs = dossierNeeds(catalogue, key, ['Bevölkerung'], [], document && peerIndicators(document, ['Bevölkerung']));
    const urls = [...dossierDataFiles(catalogue, needs).map((f) => f.url), ...needs.geometry.flatMap((g) => geometryFilesFor(catalogue, g).map((f) => f.url)), ...(definition ? [definition] : [])];
    const sum = urls.reduce((n, u) => n + byUrl.get(u).gzip, 0);
    const name = catalogue.regions.find((r) => r.key === key)?.name ?? key;
    console.error(`  ${key} ${name}: ${urls.length} files, ${kb(sum)} gzip (+ katalog.json ${kb(byUrl.get('katalog.json').gzip)})`);
  }
}

function readme(catalogue, list) {
  const count = (folder) => list.filter((f) => f.file.startsWith(`${folder}/`)).length;
  const changes = catalogue.regionChanges;
  const known = changes.filter((c) => c.successors);
  return `# Nationwide demo data (generated)

Built by \`npm run data:de\` (\`scripts/build-nationwide-data.js\`) with the project's own \`kreisdossier\` CLI from
the raw publisher files committed in \`data-adapters/fixtures/\`. Generated, not committed: do not edit; run the
script again (it rebuilds only when its inputs changed, \`--force\` always).

| path | what |
|---|---|
| \`katalog.json\` | the catalogue (\`kreisdossier catalogue\`): every file below and what it covers; elements given \`src="katalog.json"\` fetch only what a view needs |
| \`kreise/<table>-de.json\` | Deutschland of each Kreis table (and the row of a Land whose part is split further) |
| \`kreise/<table>-<LL>.json\` | one Land: its own row, its Regierungsbezirke and Kreise (${count('kreise')} files, \`split --by auto --max-kb ${KREIS_MAX_KB}\`) |
| \`gemeinden/bevoelkerung-gemeinden-<prefix>.json\` | Gemeinde population by Land, Regierungsbezirk or Kreis (\`split --by auto --max-kb ${GEMEINDE_MAX_KB} --only-below kreis\`) |
| \`gemeinden/siedlungsflaeche-gemeinden-<prefix>.json\` | Regionalatlas land use, Gemeinden of Sachsen-Anhalt only (the committed excerpt) |
| \`geo/kreise-<LL>.topo.json\`, \`geo/grenzen-kreise-<LL>.json\` | boundaries of the ${kreisBoundaries.length} Kreise, one file per Land, and their references |
| \`geo/gemeinden-<prefix>.topo.json\`, \`geo/grenzen-gemeinden-<prefix>.json\` | boundaries of all 10 997 Gemeinden, split like the Gemeinde data (Gemeinden without data: one file per Kreis) |
| \`regionen/gemeinden-<LL>.json\` | names of all Gemeinden of a Land, for the region search |
| \`dossiers/kreisdossier.json\` | the dossier definition for every region (from \`data-adapters/dossiers/\`, CC0-1.0) |
| \`dossiers/kreisdossier-harz.json\` | the Kreisdossier Harz's definition, listed for 15085 only |

${list.length} files. Every observation is the publisher's, unchanged; \`split\` only distributes them (each to
exactly one file) and \`catalogue\` compared every overlap between files (none contradicts another).

## Sources and attribution

Each data file carries its own source, licence, attribution line and "Stand"; elements show them under every
table, chart and map.

- Kreis tables 12411-01-01-4, 12411-02-03-4, 12411-07-01-4, 12612-01-01-4, 12613-01-01-4, 13111-01-03-4,
  13211-02-05-4 (source: Bundesagentur für Arbeit), 21111-01-03-4, 22411-02-02-4 and the Gemeinde table
  12411-01-01-5 of the Regionaldatenbank Deutschland, 1995–2016, via \`datenguide/genesapi-data\`:
  **© Statistische Ämter des Bundes und der Länder, Deutschland, 2017** – Datenlizenz Deutschland – Namensnennung –
  Version 2.0 (dl-de/by-2-0).
- Current tables from the GENESIS web service (regionalstatistik.de), fetched with \`kreisdossier fetch\` without a
  region restriction (the real answers of 10 March 2026, replayed offline by
  \`data-adapters/test/genesis-replay-server.ts\`): 12411-01-01-4 (31.12.2024), 13111-01-03-4 (30.06.2025),
  73111-01-01-4 (2021, with *Einkünfte je Steuerpflichtigen* computed by \`kreisdossier compute\` and marked as
  computed) and 52411-02-01-4 (2024): **© Statistische Ämter des Bundes und der Länder, Deutschland, 2026** –
  dl-de/by-2-0.
- Regionalatlas AI-N-01-2-5 (GENESIS flat file, fetched 10.03.2026; no "Stand" in the file, the download date is
  used), an excerpt with the Gemeinden of Sachsen-Anhalt only: **© Statistische Ämter des Bundes und der Länder,
  Deutschland, 2026** – dl-de/by-2-0.
- Breitbandatlas "Paket 3" (Bundesnetzagentur), private households per Kreis, mid-2021 (30.06.2021 entered as the
  reference date): **Breitbandatlas | Gigabit-Grundbuch (gigabitgrundbuch.bund.de), Daten verändert** – terms of use
  of the Breitbandatlas (attribution).
- Population density of the 401 Kreise, 31.12.2018: Statistisches Bundesamt (GV-ISys) via the npm package
  \`landkreise-deutschland\` 3.0.0: **© Statistisches Bundesamt (Destatis), 2019** – CC-BY-4.0.
- Boundaries, region names of the Gemeinden (\`regionen/\`), the Kreise's types and neighbours in the catalogue: BKG
  VG5000, Stand 01.01.2021, cut and written with a 1e4 grid: **${BKG.attribution}** – dl-de/by-2-0.
- Dossier definitions: kreisdossier demo, CC0-1.0.

## Old keys

The Kreis tables of 1995–2016 still hold the Kreise before the reforms of Sachsen-Anhalt (2007), Sachsen (2008),
Mecklenburg-Vorpommern (2011), Aachen (2009) and Göttingen/Osterode (2016), with their values up to the change and
"-" after it; the 2024 tables list some of them with "-" too. They are kept unchanged in the data. (The
Breitbandatlas file of mid-2021 still names Landkreis Göttingen by its old key 03152, with values: the publisher's
key, kept as it is, so a page about 03159 finds no broadband figures.) The boundaries
(2021) no longer have them, so the catalogue lists them under \`regionChanges\` (${changes.length} keys) with a note
saying which periods the files hold. ${known.length} of them name successors and the date of the change, taken from
\`data-adapters/region-changes.json\`, which cites an official source for each
(${known.map((c) => c.key).join(', ')}); the others are reported without successors, never guessed:
${changes.filter((c) => !c.successors).map((c) => c.key).join(', ')}.
`;
}
