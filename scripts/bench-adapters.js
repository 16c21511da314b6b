// Benchmark of the streaming GENESIS flat file (ffcsv) import.
//
//   npx tsc -p tsconfig.node.json && node scripts/bench-adapters.js      (npm run bench:adapters)
//   BENCH_ROWS=100000 node scripts/bench-adapters.js                     (smaller try)
//
// Writes a synthetic 2024-layout ffcsv file (population by Gemeinde, sex and year, with some
// status symbols) to the temp directory, then measures, each in its own process so that peak
// memory is not shared:
//   (a) csv-parse streaming alone (the adapter's parser options), only counting the records;
//   (b) importFfcsvStream converting the same file into a kreisdossier document.
// Both run on the full file and on a file with a quarter of the rows, to show whether memory
// grows with the file size.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const HEADER =
  'statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label';
const SEXES = [
  ['', 'Insgesamt'],
  ['GESM', 'männlich'],
  ['GESW', 'weiblich'],
];
const SYMBOLS = ['-', '.', '...', 'x', '/'];
const OPTIONS = {
  dataset: { attribution: 'Synthetische Benchmark-Daten (keine amtlichen Zahlen)', referenceDate: '2025-03-31' },
  indicator: { topic: 'Bevölkerung' },
  tableCode: '12411-09-01-5',
};

/** A small deterministic random generator, so every run writes the same file. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Gemeinde keys (8 digits) spread over the 16 Länder. */
function gemeindeKeys(count) {
  const keys = [];
  for (let i = 0; keys.length < count; i++) {
    const land = String((i % 16) + 1).padStart(2, '0');
    const kreis = String(100 + (Math.floor(i / 16) % 60)).padStart(3, '0');
    const gemeinde = String(Math.floor(i / 960) + 1).padStart(3, '0');
    keys.push(`${land}${kreis}${gemeinde}`);
  }
  return keys;
}

async function writeFile(path, rows) {
  const next = random(42);
  const years = 30;
  const keys = gemeindeKeys(Math.ceil(rows / (years * SEXES.length)));
  const out = createWriteStream(path);
  out.write(`\uFEFF${HEADER}\n`);
  let lines = [];
  let written = 0;
  for (let y = 0; y < years && written < rows; y++) {
    const time = `${1995 + y}-12-31`;
    for (let k = 0; k < keys.length && written < rows; k++) {
      for (const [code, label] of SEXES) {
        if (written >= rows) break;
        const r = next();
        const value = r < 0.02 ? SYMBOLS[Math.floor(r * 250) % SYMBOLS.length] : String(Math.floor(next() * 250_000));
        lines.push(
          `12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;${time};GEMEIN;Gemeinden;${keys[k]};Gemeinde ${keys[k]};GES;Geschlecht;${code};${label};${value};Anzahl;BEVSTD;Bevölkerungsstand`,
        );
        written++;
        if (lines.length === 10_000) {
          if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
          lines = [];
        }
      }
    }
  }
  if (lines.length) out.write(`${lines.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

/** Runs one measurement in this process (the child side). */
async function child(mode, path) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  let rows = 0;
  let observations = 0;
  let document;
  if (mode === 'parse') {
    // The adapter's own parser options; records are only counted.
    const { parse } = await import('csv-parse');
    const { pipeline } = await import('node:stream/promises');
    const { CSV_OPTIONS } = await import('../build/node/data-adapters/ffcsv/ffcsv.js');
    await pipeline(createReadStream(path), parse(CSV_OPTIONS), async (records) => {
      for await (const _ of records) rows++;
    });
    rows -= 1; // header
  } else {
    const { importFfcsvStream } = await import('../build/node/data-adapters/ffcsv/ffcsv.js');
    const result = await importFfcsvStream(createReadStream(path), OPTIONS);
    rows = result.summary.rowsRead;
    observations = result.summary.observationsWritten;
    document = result.document;
  }
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  // What stays on the heap once the work is done: the document (b) or nothing (a).
  globalThis.gc?.();
  const retainedHeap = process.memoryUsage().heapUsed;
  process.stdout.write(JSON.stringify({ mode, rows, observations, ms, peakRss: peak, retainedHeap, kept: document ? 1 : 0 }));
}

function measure(mode, path) {
  const run = spawnSync(process.execPath, ['--expose-gc', SCRIPT, '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (m) => `${Math.round(m.rows / (m.ms / 1000)).toLocaleString('en')} rows/s`;

async function main() {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  if (!Number.isInteger(rows) || rows < 4) throw new Error('BENCH_ROWS must be an integer ≥ 4');
  const sizes = [Math.floor(rows / 4), rows];
  const files = sizes.map((n) => join(tmpdir(), `kreisdossier-bench-ffcsv-${n}.csv`));
  try {
    for (const [i, n] of sizes.entries()) {
      const start = performance.now();
      await writeFile(files[i], n);
      console.log(`wrote ${n.toLocaleString('en')} rows, ${mb(statSync(files[i]).size)}, in ${((performance.now() - start) / 1000).toFixed(1)} s: ${files[i]}`);
    }
    const results = sizes.map((n, i) => ({ n, parse: measure('parse', files[i]), convert: measure('convert', files[i]) }));

    console.log('\nrows        step                          wall      throughput          peak RSS   heap kept after GC');
    for (const { n, parse, convert } of results) {
      for (const [name, m] of [
        ['(a) csv-parse stream, count', parse],
        ['(b) importFfcsvStream', convert],
      ]) {
        console.log(
          `${n.toLocaleString('en').padEnd(11)} ${name.padEnd(29)} ${`${(m.ms / 1000).toFixed(2)} s`.padStart(8)}  ${rate(m).padStart(18)}  ${mb(m.peakRss).padStart(9)}   ${mb(m.retainedHeap).padStart(6)}`,
        );
      }
    }
    const full = results[results.length - 1];
    const quarter = results[0];
    const ratio = full.convert.ms / full.parse.ms;
    console.log(`\nratio (b)/(a) at ${rows.toLocaleString('en')} rows: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
    console.log(
      `peak RSS ${quarter.n.toLocaleString('en')} → ${full.n.toLocaleString('en')} rows: (a) ${mb(quarter.parse.peakRss)} → ${mb(full.parse.peakRss)}, (b) ${mb(quarter.convert.peakRss)} → ${mb(full.convert.peakRss)}`,
    );
    const perObservation = (full.convert.retainedHeap - quarter.convert.retainedHeap) / (full.convert.observations - quarter.convert.observations);
    const working = (m) => m.peakRss - m.retainedHeap;
    console.log(
      `peak RSS minus heap kept after GC: (a) ${mb(working(quarter.parse))} → ${mb(working(full.parse))}, (b) ${mb(working(quarter.convert))} → ${mb(working(full.convert))}`,
    );
    console.log(
      `\nNote: (a) keeps nothing; the parser holds one chunk and the record at hand, so its memory should not\n` +
        `grow with the file (compare its peak RSS at both sizes above). (b) reads the same way, but the output\n` +
        `document is built in memory: one observation object per row (about ${perObservation.toFixed(0)} bytes each on the heap\n` +
        `here; breakdown objects, region keys and periods are shared), plus regions and categories. That\n` +
        `document is what grows with the file ("heap kept after GC"); what remains of the peak is the reading\n` +
        `itself plus garbage not yet collected (V8 lets the heap grow in proportion to what is live).`,
    );
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
