// `npm run size` (also the last step of `npm run build`): what a page downloads for each element, gzip -9
// (brotli for comparison), against budgets. Fails when a budget is exceeded.
//
// A page's download is the entry file, every chunk it imports statically, and the chunks it always fetches on
// first render: the validator (with the first data file) and, for charts, Chart.js. The English texts are
// fetched only for `lang="en"` and are listed on their own; MapLibre (not our code, fetched by the first map)
// too. Sizes come from the built files, so run after rollup.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;

/**
 * Budgets in kB (1000 bytes) of gzip. `target` is the goal set in issue 8 where it differs from what is
 * enforced today: the chart page is over it (see README, "Size"), and the budget keeps it from growing.
 */
const BUDGETS = [
  { name: 'core (shared by every element, without MapLibre)', files: () => [chunk('core'), chunk('format')], budget: 20 },
  { name: '<indikator-tabelle> page', entry: 'indikator-tabelle.js', budget: 29 },
  { name: '<indikator-chart> page (incl. Lit and Chart.js)', entry: 'indikator-chart.js', extra: ['chart-runtime'], budget: 88, target: 65 },
  { name: '<kreis-map> page (without MapLibre)', entry: 'kreis-map.js', budget: 46 },
  // +1 kB (issue 15): a picker given a catalogue searches all 11 000 regions; the code that reads catalogues loads only then.
  { name: '<region-auswahl> page', entry: 'region-auswahl.js', budget: 33 },
  { name: 'all elements, kreisdossier.js (without MapLibre)', entry: 'kreisdossier.js', extra: ['chart-runtime'], budget: 125 },
  // +3 kB (issue 15): the one-file bundle inlines everything, also the catalogue code the modular build loads on demand.
  { name: 'kreisdossier.bundle.js (one file, without MapLibre)', files: () => ['kreisdossier.bundle.js'], budget: 125 },
  { name: 'catalogue code (only when a src is a catalogue)', files: () => [chunk('catalogue')], budget: 5 },
  { name: 'English texts (only for lang="en")', files: () => [chunk('en')], budget: 7 },
  { name: 'format.js (validator for developers, no Lit)', entry: 'format.js', extra: ['validate'], budget: 12 },
];
/** Fetched on first render by every element (load-validator.ts). */
const ALWAYS = ['validate'];

/** A chunk by name, among the files the entries reach (a stale dist/chunks/ may hold older copies). */
function chunk(name) {
  const found = [...reachable].filter((f) => f.startsWith('chunks/') && f.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '') === name);
  if (found.length !== 1) throw new Error(`expected one chunk named "${name}" reachable from dist/*.js, found ${found.length}`);
  return found[0];
}

const code = (file) => readFileSync(join(DIST, file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
const gzip = (file) => gzipSync(code(file), { level: 9 }).length;
const brotli = (file) => brotliCompressSync(code(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** The entry and every file it imports statically (`import … from`, `import "…"`, `export … from`) — or also dynamically. */
function closure(entry, patterns = [STATIC_IMPORT]) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const pattern of patterns) for (const m of code(file).matchAll(pattern)) visit(relative(DIST, join(DIST, dirname(file), m[1])));
  };
  visit(entry);
  return [...seen];
}
const staticClosure = (entry) => closure(entry);
const reachable = new Set(
  readdirSync(DIST)
    .filter((f) => f.endsWith('.js') && !f.endsWith('.bundle.js'))
    .flatMap((entry) => closure(entry, [STATIC_IMPORT, DYNAMIC_IMPORT])),
);

const kB = (bytes) => (bytes / 1000).toFixed(1);
let failed = false;
const rows = [];
for (const b of BUDGETS) {
  const files = b.files ? b.files() : [...new Set([...staticClosure(b.entry), ...[...ALWAYS, ...(b.extra ?? [])].map(chunk)])];
  const gz = files.reduce((sum, f) => sum + gzip(f), 0);
  const br = files.reduce((sum, f) => sum + brotli(f), 0);
  const over = gz > b.budget * 1000;
  failed ||= over;
  const target = b.target && gz > b.target * 1000 ? `  (issue 8 target ${b.target} kB: ${kB(gz - b.target * 1000)} kB over)` : '';
  rows.push(`${over ? '✗' : '✓'} ${b.name.padEnd(52)} ${kB(gz).padStart(6)} kB gzip ${kB(br).padStart(6)} kB brotli  budget ${String(b.budget).padStart(3)} kB${target}`);
  rows.push(`    ${files.map((f) => `${f.replace(/-[\w-]{8}\.js$/, '.js')} ${kB(gzip(f))}`).join(' + ')}`);
}
// The validator must come with the first data file, not before the first paint: no element entry imports it.
for (const entry of ['kreisdossier.js', 'indikator-tabelle.js', 'indikator-chart.js', 'kreis-map.js', 'region-auswahl.js']) {
  if (staticClosure(entry).includes(chunk('validate'))) {
    rows.push(`✗ ${entry} imports the validator statically (it should load with the data: data/load-validator.ts)`);
    failed = true;
  }
}
const maplibre = ['maplibre/maplibre-gl.mjs', 'maplibre/maplibre-gl-worker.mjs'];
rows.push(`  MapLibre GL JS (first map on a page; not bundled)         ${maplibre.map((f) => `${f.slice(9)} ${kB(gzip(f))} kB`).join(', ')}`);
console.log(rows.join('\n'));
if (failed) {
  console.error('\nSize budget exceeded (scripts/size.js). Shrink the code, or raise the budget in a reviewed commit with the reason.');
  process.exit(1);
}
