// `npm run data`: builds the demo's kreisdossier files from the committed raw publisher files
// (data-adapters/fixtures) with the project's own CLI. Run after `tsc -p tsconfig.node.json`.
import { copyFileSync, mkdirSync } from 'node:fs';
import { main } from '../build/node/data-adapters/cli.js';
import { startReplayServer } from '../build/node/data-adapters/test/genesis-replay-server.js';
import { COMPUTE_JOBS, CSV_JOBS, FETCH_TABLES, GEMEINDE_POPULATION, KREIS_TABLES, REGIONALATLAS, REPLAY_ENV } from './demo-data-jobs.js';

const OUT = process.env.KD_DEMO_OUT ?? 'demo/data';
const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
// The broadband file has ~80 columns we do not use (the area file 10); their per-column skip lines would drown the log.
let columnsNotImported = 0;
const quiet = { stdout: io.stdout, stderr: (t) => (/not imported|nicht übernommen/.test(t) ? columnsNotImported++ : process.stderr.write(t)) };

// Sachsen-Anhalt: its Kreise (with the Land and Deutschland for comparison), and the Gemeinden of Landkreis Harz.
const [gemeindeInput, ...gemeindeArgs] = GEMEINDE_POPULATION;
const jobs = [
  ...KREIS_TABLES.map(([input, output, ...args]) => [input, output, '--within', '15', ...args]),
  [gemeindeInput, 'bevoelkerung-gemeinden-harz.json', '--within', '15085', ...gemeindeArgs],
];
const fetchJobs = FETCH_TABLES;
const computeJobs = COMPUTE_JOBS;
const [atlasInput, ...atlasArgs] = REGIONALATLAS;
const ffcsvJobs = [
  [atlasInput, 'siedlungsflaeche-gemeinden.json', ...atlasArgs],
  // The same table for the Gemeinden of Landkreis Harz only: the Kreisdossier Harz offers its Kreis and Gemeinden.
  [atlasInput, 'siedlungsflaeche-gemeinden-harz.json', '--within', '15085', ...atlasArgs, '--dataset-id', 'siedlungsflaeche-gemeinden-harz'],
];
const csvJobs = CSV_JOBS;

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
    // Only the stand-in token is passed: a developer's real credentials in the environment never go to the replay
    // server, and their other settings cannot change the build.
    if ((await main(argv, io, REPLAY_ENV)) !== 0) failed++;
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
