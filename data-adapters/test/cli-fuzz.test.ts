/**
 * Fuzzing the `kreisdossier` command (issue 7, part 8): truncated files, binary garbage, wrong
 * encodings, enormous files and malformed-but-parsable JSON, for every import format, validate,
 * export, merge and geo.
 *
 * Each case runs the real command as a child process (`node bin/kreisdossier.js`, cwd the repository
 * root) or, for the many truncation cases, `main()` in-process. Every failing case must:
 *   - exit with 1 or 2 (no signal, no timeout);
 *   - say on stderr what is wrong, in German (English with --lang en), naming the file;
 *   - show no stack trace and no unexpected JavaScript error (TypeError, "Fehler: <message>" …);
 *   - show no control characters and no overlong lines (file contents are quoted);
 *   - leave the output folder empty: no output file and no `*.tmp` next to it.
 * Where a valid result is legitimately possible (a CSV cut exactly at a line end, garbage that
 * happens to parse), the output must be a valid document (checked with `kreisdossier validate`).
 *
 * Enormous inputs are generated on the fly into the temp folder (streamed, never held in memory)
 * and deleted after their case; the peak RSS of each child is measured with an `--import` hook
 * (process.resourceUsage) and reported as a test diagnostic. Size limits: data-adapters/limits.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import mapshaper from 'mapshaper';
import { main } from '../cli.js';
import { CLI_MAX_OBSERVATIONS, MAX_FILE_BYTES } from '../limits.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = join(ROOT, 'bin/kreisdossier.js');
const fx = (p: string) => join(ROOT, 'data-adapters', p);
const TMP = mkdtempSync(join(tmpdir(), 'kd-fuzz-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

type Lang = 'de' | 'en';

// ---------------------------------------------------------------- fixtures and invocations

const EXAMPLE = join(ROOT, 'examples/bevoelkerung-harz.json');
const EXAMPLE2 = join(ROOT, 'examples/arbeitslosenquote-sachsen-anhalt.json');
const CANADA_MAPPING = join(TMP, 'canada.mapping.json');
writeFileSync(CANADA_MAPPING, JSON.stringify({ regionKeys: { CA: '01' } }));

/** Import arguments that succeed on the real fixture (checked in "baselines"). */
const IMPORT = {
  genesis: (f: string) => ['import', 'genesis', f, '--indicator', 'bevoelkerung', '--topic', 'Bevölkerung'],
  ffcsv: (f: string) => [
    'import', 'ffcsv', f, '--table', '12411-01-01-4', '--indicator', 'bevoelkerung', '--topic', 'Bevölkerung',
    '--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', '--reference-date', '2026-03-10',
  ],
  jsonstat: (f: string) => [
    'import', 'jsonstat', f, '--mapping', CANADA_MAPPING, '--region-level', 'Land', '--topic', 'Bevölkerung',
    '--license', 'CC-BY-4.0', '--attribution', 'JSON-stat sample datasets, json-stat.org (test fixture)',
  ],
  csv: (f: string) => ['import', 'csv', f, '--mapping', fx('test/fixtures-synthetic/long.mapping.json'), '--attribution', 'Test', '--license', 'CC-BY-4.0', '--reference-date', '2024-01-31'],
  breitband: (f: string) => [
    'import', 'csv', f, '--mapping', fx('mappings/breitband-2021-1.json'), '--attribution', 'Breitbandatlas', '--license', 'Breitbandatlas-Nutzungsbedingungen',
    '--reference-date', '2021-06-30',
  ],
  datapackage: (f: string) => ['import', 'datapackage', f, '--mapping', fx('test/fixtures-synthetic/population.mapping.json'), '--attribution', 'World Bank', '--reference-date', '2023-05-04'],
} as const;

/** The arguments with `--mapping FILE` instead of their own mapping (if any). */
function withMapping(args: readonly string[], file: string): string[] {
  const at = args.indexOf('--mapping');
  return at < 0 ? [...args, '--mapping', file] : [...args.slice(0, at), '--mapping', file, ...args.slice(at + 2)];
}

const F = {
  genesisLatin1: fx('fixtures/datenguide-genesapi-data/12411-01-01-4.csv'),
  genesisUtf8: fx('fixtures/datenguide-genesapi-data/12411-01-01-4_00.csv'),
  ffcsv: fx('fixtures/formats/genesis-ffcsv/12411-01-01-4_1773175772751_de_flat.csv'),
  jsonstat: fx('fixtures/formats/jsonstat/canada.json'),
  csv: fx('test/fixtures-synthetic/long.synthetic.csv'),
  breitband: fx('fixtures/breitbandatlas-paket3/landkreis_privat_2021_1.csv'),
  datapackage: fx('fixtures/formats/frictionless-datapackage/datapackage.json'),
  resource: fx('fixtures/formats/frictionless-datapackage/data/population.csv'),
  geojson: fx('fixtures/geo/harz-gemeinden-2021.geojson'),
  topojson: fx('fixtures/geo/st-gemeinden-2021.topo.json'),
  regionNames: fx('fixtures/geo/st-kreise-2021.geojson'),
};

// ---------------------------------------------------------------- running the command

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
  timedOut: boolean;
  /** Peak resident set size of the child, in MB. */
  rssMb?: number;
}

/** Writes the child's resource usage to fd 3 when it exits. */
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { try { writeSync(3, JSON.stringify(process.resourceUsage())); } catch {} });",
)}`;
const CAPTURE = 1024 * 1024;

/** Runs `node bin/kreisdossier.js ARGS` from the repository root; kills it after `timeout` ms. */
function cli(args: string[], timeout = 30_000): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LANG: 'de_DE.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let usage = '';
  child.stdout!.on('data', (d: Buffer) => (out.length < CAPTURE ? (out += d.toString('utf8')) : undefined));
  child.stderr!.on('data', (d: Buffer) => (err.length < CAPTURE ? (err += d.toString('utf8')) : undefined));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (usage += d.toString('utf8')));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeout);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let rssMb: number | undefined;
      try {
        rssMb = Math.round(JSON.parse(usage).maxRSS / 1024);
      } catch {
        rssMb = undefined;
      }
      resolve({ code, signal, out, err, ms: Date.now() - started, timedOut, ...(rssMb !== undefined ? { rssMb } : {}) });
    });
  });
}

let runs = 0;
/** Every third run through the binary, the others in-process (the same code, without starting Node). */
const sometimesBinary = (args: string[]) => (runs++ % 3 === 0 ? cli(args) : inproc(args));

/** Runs `main()` in this process (cheaper; the same code as the binary). */
async function inproc(args: string[]): Promise<Run> {
  const started = Date.now();
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, { LANG: 'de_DE.UTF-8' });
  return { code, signal: null, out, err, ms: Date.now() - started, timedOut: false };
}

// ---------------------------------------------------------------- what every case must show

const tally: Record<string, number> = {};
const count = (category: string) => (tally[category] = (tally[category] ?? 0) + 1);
after(() => {
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  console.log(`# cli-fuzz cases: ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ')}; total ${total}`);
});

/** Signs of an error nobody anticipated, printed instead of a reason. */
const CRASH = /^\s+at |\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError)\b|Cannot read prop|is not a function|is not iterable|Maximum call stack|out of memory|Invalid string length|Invalid array length|\bERR_[A-Z_]{3,}|\.tmp\b|: (Fehler|error): /m;
/** Common German words: a reason in German has some. */
const GERMAN = /(?<![\p{L}])(der|die|das|des|dem|den|ein|eine[mnrs]?|ist|sind|hat|haben|nicht|kein(e[mnrs]?)?|und|oder|mit|ohne|für|von|zu|bitte|nennt|gibt|fehlt|wird|Datei|Zeile|gefunden|ungültig|abgeschnitten|beschädigt|groß|mischt)(?![\p{L}])/iu;
/** Common English words: a reason in English has some. */
const ENGLISH = /\b(the|a|an|is|are|has|have|not|no|and|or|with|without|for|of|to|pass|missing|file|line|found|invalid|truncated|damaged|large|mixes)\b/i;
/** German words that never occur in an English reason (except in quoted file contents). */
const GERMAN_ONLY = /(?<![\p{L}])(der|die|das|ist|sind|nicht|keine[mnrs]?|und|oder|bitte|Datei|Zeile|ungültig|abgeschnitten|beschädigt|enthält|fehlt)(?![\p{L}])/u;

/** The text of the messages, without file paths and quoted file contents. */
const wording = (err: string) =>
  err
    .replace(/\S*\/\S*/g, ' ')
    .replace(/„[^“]*“|"[^"\n]*"|«[^»]*»/g, ' ');

interface Expect {
  /** Files the message must name (one of them). */
  names: string[];
  /** Folder given with -o: must be empty after a failure. */
  out?: string;
  lang?: Lang;
  /** A valid result is legitimately possible. */
  mayPass?: boolean;
  /** What a successful run writes. */
  produces?: 'document' | 'geo' | 'csv' | 'jsonstat';
}

/** Asserts a clean refusal, or, where allowed, a valid result. Returns whether the command passed. */
async function check(r: Run, e: Expect, label: string): Promise<boolean> {
  const lang = e.lang ?? 'de';
  const info = `${label}\nexit ${r.code} signal ${r.signal}\n--- stderr\n${r.err.slice(0, 3000)}\n--- stdout\n${r.out.slice(0, 500)}`;
  assert.equal(r.timedOut, false, `timed out after ${r.ms} ms: ${info}`);
  assert.equal(r.signal, null, info);
  assert.doesNotMatch(r.err, CRASH, info);
  assert.doesNotMatch(r.err, /[\u0000-\u0008\u000b-\u001f\u007f]/, `control characters on stderr: ${info}`);
  assert.ok(r.err.split('\n').every((l) => l.length <= 1200), `overlong stderr line: ${info}`);
  assert.ok(r.err.length < 100_000, `stderr of ${r.err.length} characters: ${info}`);
  if (r.code === 0) {
    assert.ok(e.mayPass, `succeeded on broken input: ${info}`);
    if (e.out) await checkOutput(e, info);
    return true;
  }
  assert.ok(r.code === 1 || r.code === 2, info);
  const messages = r.err.trim();
  assert.ok(messages.length > 0, `no message on stderr: ${info}`);
  assert.ok(
    e.names.some((n) => r.err.includes(n) || r.err.includes(basename(n))),
    `stderr names none of ${e.names.map((n) => basename(n)).join(', ')}: ${info}`,
  );
  const words = wording(messages);
  if (lang === 'de') assert.match(words, GERMAN, `no German reason: ${info}`);
  else {
    assert.match(words, ENGLISH, `no English reason: ${info}`);
    assert.doesNotMatch(words, GERMAN_ONLY, `German words with --lang en: ${info}`);
  }
  if (e.out) assert.deepEqual(readdirSync(e.out), [], `output or temporary file left behind: ${info}`);
  return false;
}

/** After a success: exactly one output file, and it is valid. */
async function checkOutput(e: Expect, info: string): Promise<void> {
  const files = readdirSync(e.out!);
  assert.equal(files.length, 1, `expected one output file, found ${files.join(', ')}: ${info}`);
  const file = join(e.out!, files[0]!);
  const text = readFileSync(file, 'utf8');
  switch (e.produces ?? 'document') {
    case 'document': {
      const v = await inproc(['validate', file]);
      assert.equal(v.code, 0, `the output is not a valid document: ${v.out.slice(0, 1000)}\n${info}`);
      break;
    }
    case 'geo': {
      const json = JSON.parse(text) as { type?: string };
      assert.ok(json.type === 'FeatureCollection' || json.type === 'Topology', info);
      break;
    }
    case 'csv':
      assert.ok(text.startsWith('indicator,region,region_name,period,value,status,unit\n'), info);
      break;
    case 'jsonstat':
      assert.equal((JSON.parse(text) as { version?: string }).version, '2.0', info);
      break;
  }
  rmSync(file);
}

let caseNo = 0;
/** A fresh folder per case, with an empty `out/` for -o. */
function caseDir(): { dir: string; out: string } {
  const dir = join(TMP, `c${++caseNo}`);
  mkdirSync(join(dir, 'out'), { recursive: true });
  return { dir, out: join(dir, 'out') };
}

// ---------------------------------------------------------------- generators

/** mulberry32: a small seeded generator, so every run fuzzes the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomBytes(seed: number, length: number): Buffer {
  const next = random(seed);
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = Math.floor(next() * 256);
  return b;
}

/** Random text of CSV-ish pieces: garbage that may well parse. */
function randomCsvText(seed: number, pieces: number): Buffer {
  const next = random(seed);
  const alphabet = ['15085', '15', 'DG', '2015', '31.12.2015', ';', ',', '\t', '\n', '"', 'ags', 'jahr', 'wert', '1,5', '-', '.', 'x', 'Harz', 'GENESIS-Tabelle: 1', '__________', '{', '}', '[', ']', ':'];
  let s = '';
  for (let i = 0; i < pieces; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return Buffer.from(s);
}

const GARBAGE: Record<string, () => Buffer> = {
  'random bytes': () => randomBytes(7, 65536),
  'PNG header': () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(8, 4096)]),
  'ZIP header': () => Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), randomBytes(9, 4096)]),
  'NUL bytes': () => Buffer.alloc(4096),
  'CSV-ish text': () => randomCsvText(10, 3000),
};

function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (order === 'be') b.swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), b]) : b;
}

/**
 * Writes `head`, then lines `line(i)` for i = 0, 1, … until the file has `bytes` bytes, then `tail`;
 * in a worker thread, so that the test process stays free for the other suites, and chunk by
 * chunk, never holding the file in memory. `line` is the body of a JavaScript expression in `i`.
 */
async function writeLines(path: string, head: string, line: string, bytes: number, tail = ''): Promise<number> {
  const code = `
    const { workerData: w, parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    const line = new Function('i', 'return ' + w.line);
    const fd = fs.openSync(w.path, 'w');
    let written = fs.writeSync(fd, w.head);
    for (let i = 0; written < w.bytes; ) {
      let chunk = '';
      for (let k = 0; k < 5000; k++, i++) chunk += line(i);
      written += fs.writeSync(fd, chunk);
    }
    written += fs.writeSync(fd, w.tail);
    fs.closeSync(fd);
    parentPort.postMessage(written);`;
  const worker = new Worker(code, { eval: true, workerData: { path, head, line, bytes, tail } });
  const [written] = (await once(worker, 'message')) as [number];
  return written;
}

/** One line of `bytes` bytes: head, then `fill` repeated, then tail. */
async function writeLongLine(path: string, head: string, fill: string, bytes: number, tail: string): Promise<void> {
  const stream = createWriteStream(path);
  stream.write(head);
  const block = fill.repeat(Math.ceil((1 << 20) / fill.length));
  const blockBytes = Buffer.byteLength(block);
  for (let n = 0; n < bytes; n += blockBytes) if (!stream.write(block)) await once(stream, 'drain');
  stream.end(tail);
  await once(stream, 'finish');
}

// ---------------------------------------------------------------- cut points

interface Cut {
  at: number;
  what: string;
  /** The cut falls right after a line break (a line-oriented file may then legitimately be complete). */
  lineEnd: boolean;
}

const lineStart = (b: Buffer, at: number) => b.lastIndexOf(0x0a, at - 1) + 1;
const lineEnd = (b: Buffer, at: number) => {
  const i = b.indexOf(0x0a, at);
  return i < 0 ? b.length : i;
};

/** Cut points of a text file: mid-header, mid-line, at line ends, inside a UTF-8 character or after a Latin-1 letter. */
function textCuts(b: Buffer, delimiter = ';'): Cut[] {
  const cuts: Cut[] = [];
  const firstEnd = lineEnd(b, 0);
  cuts.push({ at: Math.max(1, Math.floor(firstEnd / 2)), what: 'mid-header', lineEnd: false });
  for (const share of [0.25, 0.5, 0.75]) {
    const s = lineStart(b, Math.floor(b.length * share));
    const e = lineEnd(b, s);
    // In the middle of the line, but before its last delimiter (a cut in the last field can look complete).
    const last = b.lastIndexOf(delimiter.charCodeAt(0), e - 1);
    const at = Math.min(s + Math.floor((e - s) / 2), last > s ? last : e - 1);
    if (at > s) cuts.push({ at, what: `mid-line ${Math.round(share * 100)}%`, lineEnd: false });
  }
  for (const share of [0.4, 0.8]) cuts.push({ at: lineStart(b, Math.floor(b.length * share)), what: `line end ${Math.round(share * 100)}%`, lineEnd: true });
  // Inside a multi-byte UTF-8 character (lead byte kept, continuation cut), or just after a Latin-1 letter.
  for (const share of [0.1, 0.6]) {
    let i = Math.floor(b.length * share);
    while (i < b.length && b[i]! < 0x80) i++;
    if (i >= b.length) continue;
    const utf8 = b[i]! >= 0xc2 && b[i]! <= 0xf4 && (b[i + 1]! & 0xc0) === 0x80;
    cuts.push({ at: i + 1, what: utf8 ? `mid-UTF-8 ${Math.round(share * 100)}%` : `after Latin-1 letter ${Math.round(share * 100)}%`, lineEnd: false });
  }
  cuts.push({ at: b.length - 1, what: 'last byte', lineEnd: b[b.length - 1] === 0x0a });
  return cuts;
}

/** Cut points of a JSON file: inside a string, a number, after a colon or a comma, mid-file. */
function jsonCuts(b: Buffer): Cut[] {
  const s = b.toString('latin1');
  const cuts: Cut[] = [{ at: 1, what: 'after the first byte', lineEnd: false }];
  const find = (re: RegExp, from: number, what: string, offset: number) => {
    re.lastIndex = from;
    const m = re.exec(s);
    if (m) cuts.push({ at: m.index + offset, what, lineEnd: false });
  };
  find(/"[A-Za-z]{3,}/g, Math.floor(s.length * 0.3), 'mid-string', 2);
  find(/\d{2,}/g, Math.floor(s.length * 0.5), 'mid-number', 1);
  find(/:/g, Math.floor(s.length * 0.6), 'after a colon', 1);
  find(/,/g, Math.floor(s.length * 0.7), 'after a comma', 1);
  find(/[\u00c2-\u00f4][\u0080-\u00bf]/g, 0, 'mid-UTF-8', 1);
  cuts.push({ at: Math.floor(b.length / 2), what: 'mid-file', lineEnd: false });
  cuts.push({ at: b.lastIndexOf('}'), what: 'without the last "}"', lineEnd: false });
  return cuts;
}

/** Cut points of a binary file: inside the header, at its end, mid-file, last byte. */
function binaryCuts(b: Buffer): Cut[] {
  const points = [0, 1, 50, 99, 100, 101, 108, Math.floor(b.length / 3), Math.floor(b.length / 2), b.length - 8, b.length - 1];
  return [...new Set(points)].filter((at) => at >= 0 && at < b.length).map((at) => ({ at, what: `byte ${at}`, lineEnd: false }));
}

const cutFile = (dir: string, source: string | Buffer, at: number, name: string) => {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const path = join(dir, name);
  writeFileSync(path, bytes.subarray(0, at));
  return path;
};

// ================================================================ the cases

// The suites run side by side: the enormous files mostly wait for child processes.
describe('kreisdossier CLI fuzzing', { concurrency: true }, () => {
  it('baselines: every invocation used below succeeds on the intact fixture', async () => {
    const runs: Array<[string[], Expect['produces']]> = [
      [IMPORT.genesis(F.genesisUtf8), 'document'],
      [IMPORT.genesis(F.genesisLatin1), 'document'],
      [IMPORT.ffcsv(F.ffcsv), 'document'],
      [IMPORT.jsonstat(F.jsonstat), 'document'],
      [IMPORT.csv(F.csv), 'document'],
      [IMPORT.breitband(F.breitband), 'document'],
      [IMPORT.datapackage(F.datapackage), 'document'],
      [['export', 'csv', EXAMPLE], 'csv'],
      [['export', 'jsonstat', EXAMPLE], 'jsonstat'],
      [['merge', EXAMPLE, EXAMPLE2], 'document'],
      [['geo', F.geojson], 'geo'],
      [['geo', F.topojson], 'geo'],
    ];
    for (const [args, produces] of runs) {
      const { out } = caseDir();
      const r = await inproc([...args, '-o', join(out, 'x.out')]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
      await check(r, { names: [], out, mayPass: true, produces }, args.join(' '));
    }
    assert.equal((await inproc(['validate', EXAMPLE])).code, 0);
  });

  // ------------------------------------------------------------ truncated files
  describe('truncated files', { concurrency: 1 }, () => {
    interface Target {
      name: string;
      source: string;
      cuts: (b: Buffer) => Cut[];
      argv: (input: string) => string[];
      /** May this cut legitimately give a complete file? */
      mayPass: (cut: Cut, length: number) => boolean;
      produces?: Expect['produces'];
    }
    const never = () => false;
    // A CSV or flat file cut exactly at a line end is indistinguishable from a shorter file.
    const atLineEnd = (c: Cut) => c.lineEnd;
    const targets: Target[] = [
      // The GENESIS footer ("__________", ©, "Stand") proves a table complete; only the clock time of "Stand" may go.
      { name: 'import genesis (Latin-1)', source: F.genesisLatin1, cuts: (b) => textCuts(b), argv: IMPORT.genesis, mayPass: (c, n) => c.at > n - 12 },
      { name: 'import genesis (UTF-8)', source: F.genesisUtf8, cuts: (b) => textCuts(b), argv: IMPORT.genesis, mayPass: (c, n) => c.at > n - 12 },
      // A flat file's last line must end with a line break.
      { name: 'import ffcsv', source: F.ffcsv, cuts: (b) => textCuts(b), argv: IMPORT.ffcsv, mayPass: atLineEnd },
      { name: 'import jsonstat', source: F.jsonstat, cuts: jsonCuts, argv: IMPORT.jsonstat, mayPass: never },
      { name: 'import csv (long)', source: F.csv, cuts: (b) => textCuts(b), argv: IMPORT.csv, mayPass: atLineEnd },
      { name: 'import csv (Breitbandatlas)', source: F.breitband, cuts: (b) => textCuts(b), argv: IMPORT.breitband, mayPass: atLineEnd },
      { name: 'import datapackage (descriptor)', source: F.datapackage, cuts: jsonCuts, argv: IMPORT.datapackage, mayPass: never },
      { name: 'validate', source: EXAMPLE, cuts: jsonCuts, argv: (f) => ['validate', f], mayPass: never },
      { name: 'export csv', source: EXAMPLE, cuts: jsonCuts, argv: (f) => ['export', 'csv', f], mayPass: never, produces: 'csv' },
      { name: 'export jsonstat', source: EXAMPLE, cuts: jsonCuts, argv: (f) => ['export', 'jsonstat', f], mayPass: never, produces: 'jsonstat' },
      { name: 'merge', source: EXAMPLE2, cuts: jsonCuts, argv: (f) => ['merge', EXAMPLE, f], mayPass: never },
      { name: 'geo GeoJSON', source: F.geojson, cuts: jsonCuts, argv: (f) => ['geo', f], mayPass: never, produces: 'geo' },
      { name: 'geo TopoJSON', source: F.topojson, cuts: jsonCuts, argv: (f) => ['geo', f], mayPass: never, produces: 'geo' },
      {
        name: 'import csv --mapping (the mapping file cut)',
        source: fx('mappings/breitband-2021-1.json'),
        cuts: jsonCuts,
        argv: (f) => withMapping(IMPORT.breitband(F.breitband), f),
        mayPass: never,
      },
      {
        name: 'import csv --region-names (the names file cut)',
        source: F.regionNames,
        cuts: jsonCuts,
        argv: (f) => [...IMPORT.breitband(F.breitband), '--region-names', f],
        mayPass: never,
      },
    ];

    for (const target of targets) {
      it(target.name, async (t) => {
        const bytes = readFileSync(target.source);
        const cuts = target.cuts(bytes);
        let passed = 0;
        for (const [i, cut] of cuts.entries()) {
          const { dir, out } = caseDir();
          const input = cutFile(dir, bytes, cut.at, `cut${cut.at}-${basename(target.source)}`);
          const outFile = join(out, target.produces === 'csv' ? 'x.csv' : 'x.json');
          const args = target.name === 'validate' ? target.argv(input) : [...target.argv(input), '-o', outFile];
          const lang: Lang = i % 4 === 3 ? 'en' : 'de';
          // Every sixth case through the binary, the rest in-process.
          const r = i % 6 === 0 ? await cli([...args, ...(lang === 'en' ? ['--lang', 'en'] : [])]) : await inproc([...args, ...(lang === 'en' ? ['--lang', 'en'] : [])]);
          count('truncated');
          const ok = await check(
            r,
            { names: [input], out, lang, mayPass: target.mayPass(cut, bytes.length), produces: target.produces ?? 'document' },
            `${target.name}, cut at ${cut.at}/${bytes.length} (${cut.what})`,
          );
          if (ok) passed++;
        }
        t.diagnostic(`${cuts.length} cuts, ${passed} legitimately complete`);
      });
    }

    it('import datapackage (its CSV resource cut): the message names the CSV file', async (t) => {
      const bytes = readFileSync(F.resource);
      const cuts = textCuts(bytes, ',');
      for (const [i, cut] of cuts.entries()) {
        const { dir, out } = caseDir();
        mkdirSync(join(dir, 'data'));
        copyFileSync(F.datapackage, join(dir, 'datapackage.json'));
        const resource = cutFile(join(dir, 'data'), bytes, cut.at, 'population.csv');
        const args = [...IMPORT.datapackage(join(dir, 'datapackage.json')), '-o', join(out, 'x.json')];
        const r = i % 6 === 0 ? await cli(args) : await inproc(args);
        count('truncated');
        await check(r, { names: [resource], out, mayPass: cut.lineEnd }, `data/population.csv cut at ${cut.at} (${cut.what})`);
      }
      t.diagnostic(`${cuts.length} cuts`);
    });

    it('geo Shapefile (.shp, .shx, .dbf, .prj cut)', async (t) => {
      const source = readFileSync(F.regionNames, 'utf8');
      const set = await mapshaper.applyCommands(['-i', 'in.json', '-proj', 'init=wgs84', 'EPSG:25832', '-o', 'st.shp'], { 'in.json': source });
      const parts = ['st.shp', 'st.shx', 'st.dbf', 'st.prj', 'st.cpg'];
      const whole = Object.fromEntries(parts.map((p) => [p, Buffer.from(set[p] as Uint8Array | string)]));
      {
        const { dir, out } = caseDir();
        for (const p of parts) writeFileSync(join(dir, p), whole[p]!);
        const r = await inproc(['geo', ...parts.map((p) => join(dir, p)), '-o', join(out, 'x.json')]);
        assert.equal(r.code, 0, r.err);
        await check(r, { names: [], out, mayPass: true, produces: 'geo' }, 'intact Shapefile');
      }
      let cases = 0;
      for (const part of ['st.shp', 'st.shx', 'st.dbf', 'st.prj']) {
        const bytes = whole[part]!;
        const cuts = part === 'st.prj' ? textCuts(bytes, ',') : binaryCuts(bytes);
        for (const [i, cut] of cuts.entries()) {
          const { dir, out } = caseDir();
          for (const p of parts) writeFileSync(join(dir, p), p === part ? bytes.subarray(0, cut.at) : whole[p]!);
          const args = ['geo', ...parts.map((p) => join(dir, p)), '-o', join(out, 'x.json')];
          // One cut per part through the binary (each start loads mapshaper), the rest in-process.
          const r = i === 0 ? await cli(args) : await inproc(args);
          count('truncated');
          cases++;
          // The .dbf's last byte is an optional end-of-file marker (0x1A).
          const mayPass = part === 'st.dbf' && cut.at === bytes.length - 1 && bytes[bytes.length - 1] === 0x1a;
          await check(r, { names: parts.map((p) => join(dir, p)), out, mayPass, produces: 'geo' }, `${part} cut at ${cut.at}/${bytes.length}`);
        }
      }
      t.diagnostic(`${cases} cuts`);
    });
  });

  // ------------------------------------------------------------ binary garbage
  describe('binary garbage', { concurrency: 4 }, () => {
    interface Command {
      name: string;
      /** File names to write the garbage to (a Shapefile set: several). */
      files: string[];
      argv: (inputs: string[], out: string) => string[];
      produces?: Expect['produces'];
      validate?: boolean;
    }
    const commands: Command[] = [
      ...(['genesis', 'ffcsv', 'jsonstat', 'csv', 'datapackage'] as const).map((format) => ({
        name: `import ${format}`,
        files: [format === 'jsonstat' || format === 'datapackage' ? 'input.json' : 'input.csv'],
        argv: ([f]: string[], out: string) => [...IMPORT[format](f!), '-o', join(out, 'x.json')],
      })),
      { name: 'validate', files: ['doc.json'], argv: ([f]) => ['validate', f!], validate: true },
      { name: 'export csv', files: ['doc.json'], argv: ([f], out) => ['export', 'csv', f!, '-o', join(out, 'x.csv')], produces: 'csv' },
      { name: 'export jsonstat', files: ['doc.json'], argv: ([f], out) => ['export', 'jsonstat', f!, '-o', join(out, 'x.json')], produces: 'jsonstat' },
      { name: 'merge', files: ['doc.json'], argv: ([f], out) => ['merge', EXAMPLE, f!, '-o', join(out, 'x.json')] },
      { name: 'geo GeoJSON', files: ['g.geojson'], argv: ([f], out) => ['geo', f!, '-o', join(out, 'x.json')], produces: 'geo' },
      { name: 'geo TopoJSON', files: ['g.topo.json'], argv: ([f], out) => ['geo', f!, '-o', join(out, 'x.json')], produces: 'geo' },
      { name: 'geo Shapefile', files: ['g.shp', 'g.dbf', 'g.shx'], argv: (fs, out) => ['geo', ...fs, '-o', join(out, 'x.json')], produces: 'geo' },
      { name: 'import csv --mapping', files: ['m.json'], argv: ([f], out) => [...withMapping(IMPORT.csv(F.csv), f!), '-o', join(out, 'x.json')] },
    ];
    for (const [kind, make] of Object.entries(GARBAGE)) {
      for (const [ci, command] of commands.entries()) {
        const lang: Lang = ci % 3 === 2 ? 'en' : 'de';
        it(`${command.name}: ${kind}${lang === 'en' ? ' (--lang en)' : ''}`, async () => {
          const { dir, out } = caseDir();
          const garbage = make();
          const inputs = command.files.map((name) => join(dir, name));
          for (const f of inputs) writeFileSync(f, garbage);
          const r = await sometimesBinary([...command.argv(inputs, out), ...(lang === 'en' ? ['--lang', 'en'] : [])]);
          count('garbage');
          await check(r, { names: inputs, out, lang, mayPass: kind === 'CSV-ish text', produces: command.produces ?? 'document' }, `${command.name} on ${kind}`);
          if (command.validate) assert.notEqual(r.code, 0, 'garbage is never a valid document');
        });
      }
    }
  });

  // ------------------------------------------------------------ wrong encodings
  describe('wrong encodings', { concurrency: 4 }, () => {
    const text = (f: string) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
    const latin1 = (f: string) => Buffer.from(text(f), 'latin1');
    const half = (f: string, firstUtf8: boolean) => {
      const lines = text(f).split('\n');
      const cut = Math.floor(lines.length / 2);
      const a = lines.slice(0, cut).join('\n') + '\n';
      const b = lines.slice(cut).join('\n');
      return firstUtf8 ? Buffer.concat([Buffer.from(a, 'utf8'), Buffer.from(b, 'latin1')]) : Buffer.concat([Buffer.from(a, 'latin1'), Buffer.from(b, 'utf8')]);
    };
    interface EncodingCase {
      name: string;
      file: string;
      bytes: () => Buffer;
      argv: (f: string) => string[];
      /** Which outcome is right: refused (with a reason matching), or a valid result. */
      expect: RegExp | 'valid';
      lang?: Lang;
    }
    const importers = [
      { name: 'genesis', file: 'table.csv', source: F.genesisUtf8, argv: IMPORT.genesis },
      { name: 'ffcsv', file: 'flat.csv', source: F.ffcsv, argv: IMPORT.ffcsv },
      { name: 'csv', file: 'long.csv', source: F.csv, argv: IMPORT.csv },
      { name: 'jsonstat', file: 'canada.json', source: F.jsonstat, argv: IMPORT.jsonstat },
    ];
    const cases: EncodingCase[] = [];
    for (const im of importers) {
      cases.push(
        { name: `import ${im.name}: UTF-16 LE with BOM`, file: im.file, bytes: () => utf16(text(im.source), 'le'), argv: im.argv, expect: /UTF-16/ },
        { name: `import ${im.name}: UTF-16 BE with BOM`, file: im.file, bytes: () => utf16(text(im.source), 'be'), argv: im.argv, expect: /UTF-16/, lang: 'en' },
        { name: `import ${im.name}: UTF-16 LE without BOM`, file: im.file, bytes: () => utf16(text(im.source), 'le', false), argv: im.argv, expect: /NUL/ },
        { name: `import ${im.name}: UTF-8 with BOM`, file: im.file, bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(im.source))]), argv: im.argv, expect: 'valid' },
      );
    }
    for (const im of importers.filter((x) => x.name !== 'jsonstat')) {
      cases.push(
        { name: `import ${im.name}: Latin-1, detected`, file: im.file, bytes: () => latin1(im.source), argv: im.argv, expect: 'valid' },
        { name: `import ${im.name}: Latin-1 declared as UTF-8`, file: im.file, bytes: () => latin1(im.source), argv: (f) => [...im.argv(f), '--encoding', 'utf-8'], expect: /UTF-8/ },
        { name: `import ${im.name}: UTF-8 declared as latin1`, file: im.file, bytes: () => Buffer.from(text(im.source)), argv: (f) => [...im.argv(f), '--encoding', 'latin1'], expect: /UTF-8/ },
        { name: `import ${im.name}: UTF-8 declared as latin1 (--lang en)`, file: im.file, bytes: () => Buffer.from(text(im.source)), argv: (f) => [...im.argv(f), '--encoding', 'latin1'], expect: /UTF-8/, lang: 'en' },
        { name: `import ${im.name}: mixed, UTF-8 then Latin-1`, file: im.file, bytes: () => half(im.source, true), argv: im.argv, expect: /UTF-8/ },
        { name: `import ${im.name}: mixed, Latin-1 then UTF-8`, file: im.file, bytes: () => half(im.source, false), argv: im.argv, expect: /UTF-8/ },
        { name: `import ${im.name}: mixed, declared latin1`, file: im.file, bytes: () => half(im.source, false), argv: (f) => [...im.argv(f), '--encoding', 'latin1'], expect: /UTF-8/ },
      );
    }
    cases.push(
      {
        name: 'import csv: ASCII with a UTF-8 BOM, declared latin1',
        file: 'bom.csv',
        bytes: () => Buffer.from('\uFEFFags;jahr;wert\n15085;2020;1\n'),
        argv: (f) => [...IMPORT.csv(f), '--encoding', 'latin1'],
        expect: /UTF-8/,
      },
      { name: 'import datapackage: descriptor in UTF-16', file: 'datapackage.json', bytes: () => utf16(text(F.datapackage), 'le'), argv: IMPORT.datapackage, expect: /UTF-16/ },
      { name: 'import datapackage: descriptor with UTF-8 BOM', file: 'datapackage.json', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(F.datapackage)]), argv: IMPORT.datapackage, expect: 'valid' },
      { name: 'validate: document with UTF-8 BOM (as browsers accept it)', file: 'doc.json', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(EXAMPLE)]), argv: (f) => ['validate', f], expect: 'valid' },
      { name: 'validate: document in Latin-1', file: 'doc.json', bytes: () => latin1(EXAMPLE), argv: (f) => ['validate', f], expect: /UTF-8/ },
      { name: 'validate: document in UTF-16', file: 'doc.json', bytes: () => utf16(text(EXAMPLE), 'le'), argv: (f) => ['validate', f], expect: /UTF-16/ },
      { name: 'export csv: document in Latin-1', file: 'doc.json', bytes: () => latin1(EXAMPLE), argv: (f) => ['export', 'csv', f], expect: /UTF-8/, lang: 'en' },
      { name: 'merge: document in UTF-16', file: 'doc.json', bytes: () => utf16(text(EXAMPLE2), 'be'), argv: (f) => ['merge', EXAMPLE, f], expect: /UTF-16/ },
      { name: 'geo: GeoJSON in UTF-16', file: 'g.geojson', bytes: () => utf16(text(F.geojson), 'le'), argv: (f) => ['geo', f], expect: /UTF-8/ },
      { name: 'geo: GeoJSON in Latin-1', file: 'g.geojson', bytes: () => latin1(F.geojson), argv: (f) => ['geo', f], expect: /UTF-8/ },
    );
    for (const c of cases) {
      it(c.name, async () => {
        const { dir, out } = caseDir();
        const input = join(dir, c.file);
        if (c.file === 'datapackage.json') {
          mkdirSync(join(dir, 'data'));
          copyFileSync(F.resource, join(dir, 'data/population.csv'));
        }
        writeFileSync(input, c.bytes());
        const produces = c.argv(input)[0] === 'geo' ? 'geo' : c.argv(input)[1] === 'csv' && c.argv(input)[0] === 'export' ? 'csv' : 'document';
        const writes = c.argv(input)[0] !== 'validate';
        const withOut = writes ? [...c.argv(input), '-o', join(out, produces === 'csv' ? 'x.csv' : 'x.json')] : c.argv(input);
        const r = await sometimesBinary([...withOut, ...(c.lang === 'en' ? ['--lang', 'en'] : [])]);
        count('encoding');
        const passed = await check(r, { names: [input], ...(writes ? { out } : {}), lang: c.lang ?? 'de', mayPass: c.expect === 'valid', produces }, c.name);
        if (c.expect === 'valid') assert.ok(passed, `${c.name}: should succeed\n${r.err}`);
        else assert.match(r.err, c.expect, c.name);
      });
    }
    it('datapackage: its CSV resource in Latin-1 without "encoding": the message names the CSV file', async () => {
      const { dir, out } = caseDir();
      mkdirSync(join(dir, 'data'));
      copyFileSync(F.datapackage, join(dir, 'datapackage.json'));
      const resource = join(dir, 'data/population.csv');
      writeFileSync(resource, Buffer.from(`${readFileSync(F.resource, 'utf8')}Curaçao,CUW,2025,1\n`, 'latin1'));
      const r = await cli([...IMPORT.datapackage(join(dir, 'datapackage.json')), '-o', join(out, 'x.json')]);
      count('encoding');
      await check(r, { names: [resource], out }, 'Latin-1 resource');
      assert.match(r.err, /data\/population\.csv:\d+: .*UTF-8/);
    });
  });

  // ------------------------------------------------------------ malformed but parsable
  describe('malformed but parsable JSON', { concurrency: 4 }, () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const polygon = [[[10.5, 51.7], [10.9, 51.7], [10.9, 51.9], [10.5, 51.7]]];
    const docs: Record<string, string> = {
      null: 'null',
      number: '42',
      string: '"GENESIS-Tabelle: 1"',
      array: '[]',
      'empty object': '{}',
      'deeply nested (100 000)': deep(100_000),
      'huge number': '{"value": 1e999999}',
    };
    const geo: Record<string, unknown> = {
      'Polygon without coordinates': { type: 'Polygon' },
      'coordinates not an array': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ags: '15085' }, geometry: { type: 'Polygon', coordinates: 'x' } }] },
      'features not an array': { type: 'FeatureCollection', features: {} },
      'features of null': { type: 'FeatureCollection', features: [null, 1, 'x'] },
      'TopoJSON object null': { type: 'Topology', objects: { a: null } },
      'TopoJSON arcs missing': { type: 'Topology', objects: { a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[99]], properties: { ags: '15085' } }] } }, arcs: [] },
      'TopoJSON arcs not an array': { type: 'Topology', objects: { a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: 'x', properties: { ags: '15085' } }] } }, arcs: 'y' },
      'TopoJSON geometry null': { type: 'Topology', objects: { a: { type: 'GeometryCollection', geometries: [null] } }, arcs: [] },
      'coordinates out of range': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ags: '15085' }, geometry: { type: 'Polygon', coordinates: [[[1e308, 51], [11, 51], [11, 52], [1e308, 51]]] } }] },
      'a valid Harz polygon': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ags: '15085', name: 'Harz' }, geometry: { type: 'Polygon', coordinates: polygon } }] },
    };
    const jsonstat: Record<string, unknown> = {
      'size and id differ': { version: '2.0', class: 'dataset', id: ['a'], size: [1, 2], dimension: { a: { category: { index: ['x'] } } }, value: [1] },
      'value too short': { version: '2.0', class: 'dataset', id: ['geo'], size: [3], role: { geo: ['geo'] }, dimension: { geo: { category: { index: ['15', '16', '17'] } } }, value: [1] },
      'negative size': { version: '2.0', class: 'dataset', id: ['geo'], size: [-1], dimension: { geo: { category: { index: [] } } }, value: [] },
      'collection of itself': { version: '2.0', class: 'collection', link: { item: [{ class: 'collection', link: { item: [null] } }] } },
      'huge size': { version: '2.0', class: 'dataset', id: ['a', 'b', 'c'], size: [100000, 100000, 100000], dimension: {}, value: {} },
    };
    const mapping: Record<string, string> = { null: 'null', array: '[]', string: '"x"', 'indicators not an object': '{"indicators": 5}', 'deeply nested': deep(50_000) };

    const cases: Array<{ name: string; file: string; content: string; argv: (f: string, out: string) => string[]; produces: Expect['produces']; mayPass?: boolean }> = [];
    for (const [name, content] of Object.entries(docs)) {
      cases.push({ name: `validate: ${name}`, file: 'doc.json', content, argv: (f) => ['validate', f], produces: 'document' });
      cases.push({ name: `merge: ${name}`, file: 'doc.json', content, argv: (f, o) => ['merge', EXAMPLE, f, '-o', join(o, 'x.json')], produces: 'document' });
      cases.push({ name: `import jsonstat: ${name}`, file: 'x.json', content, argv: (f, o) => [...IMPORT.jsonstat(f), '-o', join(o, 'x.json')], produces: 'document' });
      cases.push({ name: `import datapackage: ${name}`, file: 'datapackage.json', content, argv: (f, o) => [...IMPORT.datapackage(f), '-o', join(o, 'x.json')], produces: 'document' });
      cases.push({ name: `geo: ${name}`, file: 'g.geojson', content, argv: (f, o) => ['geo', f, '-o', join(o, 'x.json')], produces: 'geo' });
    }
    for (const [name, json] of Object.entries(geo)) {
      cases.push({ name: `geo: ${name}`, file: 'g.json', content: JSON.stringify(json), argv: (f, o) => ['geo', f, '-o', join(o, 'x.json')], produces: 'geo', mayPass: name.startsWith('a valid') });
      cases.push({ name: `--region-names: ${name}`, file: 'names.json', content: JSON.stringify(json), argv: (f, o) => [...IMPORT.breitband(F.breitband), '--region-names', f, '-o', join(o, 'x.json')], produces: 'document', mayPass: name.startsWith('a valid') });
    }
    for (const [name, json] of Object.entries(jsonstat)) {
      cases.push({ name: `import jsonstat: ${name}`, file: 'x.json', content: JSON.stringify(json), argv: (f, o) => [...IMPORT.jsonstat(f), '-o', join(o, 'x.json')], produces: 'document' });
    }
    for (const [name, content] of Object.entries(mapping)) {
      for (const format of ['genesis', 'csv', 'jsonstat'] as const) {
        const source = format === 'genesis' ? F.genesisUtf8 : format === 'csv' ? F.csv : F.jsonstat;
        cases.push({
          name: `import ${format} --mapping: ${name}`,
          file: 'mapping.json',
          content,
          argv: (f, o) => [...withMapping(IMPORT[format](source), f), '-o', join(o, 'x.json')],
          produces: 'document',
          mayPass: true,
        });
      }
    }
    for (const c of cases) {
      it(c.name, async () => {
        const { dir, out } = caseDir();
        const input = join(dir, c.file);
        writeFileSync(input, c.content);
        const r = await sometimesBinary(c.argv(input, out));
        count('malformed');
        // A mapping that parses may still lead to a problem with the data file, named as such.
        const names = c.file === 'mapping.json' ? [input, F.genesisUtf8, F.csv, F.jsonstat] : [input];
        await check(r, { names, out, mayPass: c.mayPass ?? false, produces: c.produces }, c.name);
      });
    }
  });

  // ------------------------------------------------------------ output files and odd paths
  describe('output files and odd paths', { concurrency: 4 }, () => {
    it('a failing import leaves an existing output file untouched and no *.tmp', async () => {
      const { dir, out } = caseDir();
      const target = join(out, 'x.json');
      writeFileSync(target, 'OLD');
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, readFileSync(F.csv).subarray(0, 300));
      const r = await cli([...IMPORT.csv(bad), '-o', target]);
      count('paths');
      assert.equal(r.code, 2, r.err);
      assert.deepEqual(readdirSync(out), ['x.json']);
      assert.equal(readFileSync(target, 'utf8'), 'OLD');
    });
    it('-o in a folder that does not exist: the message names the output file', async () => {
      const { dir } = caseDir();
      const target = join(dir, 'missing', 'x.json');
      const r = await cli([...IMPORT.csv(F.csv), '-o', target]);
      count('paths');
      await check(r, { names: [target] }, '-o missing folder');
      assert.equal(existsSync(dirname(target)), false);
    });
    it('-o naming a folder: refused, nothing left', async () => {
      const { out } = caseDir();
      const r = await cli([...IMPORT.csv(F.csv), '-o', out]);
      count('paths');
      await check(r, { names: [out], out }, '-o folder');
    });
    it('an input that is a folder', async () => {
      const { dir, out } = caseDir();
      for (const args of [IMPORT.csv(dir), ['validate', dir], ['geo', dir]]) {
        const r = await cli([...args, '-o', join(out, 'x.json')]);
        count('paths');
        await check(r, { names: [dir], out }, `${args[0]} on a folder`);
      }
    });
    it('a missing input, in German and English', async () => {
      const { dir, out } = caseDir();
      const missing = join(dir, 'nicht-da.csv');
      for (const lang of ['de', 'en'] as const) {
        const r = await cli([...IMPORT.genesis(missing), '-o', join(out, 'x.json'), '--lang', lang]);
        count('paths');
        await check(r, { names: [missing], out, lang }, `missing input (${lang})`);
      }
    });
  });

  // ------------------------------------------------------------ enormous files
  // One at a time: each generates a file of up to 200 MB, and the timings should not depend on the others.
  describe('enormous files', { concurrency: 1 }, () => {
    const MB = 1024 * 1024;
    const report = (t: TestContext, what: string, r: Run, bytes: number) => {
      t.diagnostic(`${what}: ${Math.round(bytes / MB)} MB in ${(r.ms / 1000).toFixed(1)} s, exit ${r.code}, peak RSS ${r.rssMb ?? '?'} MB`);
    };
    const FLAT_HEADER =
      'statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;' +
      '2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n';
    /** A flat file row of a Gemeinde (population, 31 Dec). */
    const flatRow = (key: string, year: number, value: number) =>
      `12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;${year}-12-31;GEMEIN;Gemeinden;${key};Gemeinde ${key};GES;Geschlecht;;Insgesamt;${value};Anzahl;BEVSTD;Bevölkerungsstand\n`;
    /** The same row for writeLines: key, year and value are JavaScript expressions in `i`. */
    const flatLine = (key: string, year: string, value: string) => `(${flatRow.toString()})(${key}, ${year}, ${value})`;

    it('200 MB of CSV lines: files read whole are refused by size, at once, for every command', async (t) => {
      const { dir, out } = caseDir();
      const big = join(dir, 'big.csv');
      const bytes = await writeLines(big, 'GENESIS-Tabelle: 1\nags;jahr;wert\n', '`0${1001000 + (i % 2000)};2020;${i % 99991}\\n`', 200 * MB);
      assert.ok(bytes > MAX_FILE_BYTES);
      const commands: Array<[string, string[]]> = [
        ['import csv', [...IMPORT.csv(big), '-o', join(out, 'x.json')]],
        ['import genesis', [...IMPORT.genesis(big), '-o', join(out, 'x.json')]],
        ['import jsonstat', [...IMPORT.jsonstat(big), '-o', join(out, 'x.json')]],
        ['validate', ['validate', big]],
        ['export csv', ['export', 'csv', big, '-o', join(out, 'x.csv')]],
        ['merge', ['merge', EXAMPLE, big, '-o', join(out, 'x.json')]],
        ['geo', ['geo', big, '-o', join(out, 'x.json'), '--lang', 'en']],
        ['--mapping', [...IMPORT.genesis(F.genesisUtf8), '--mapping', big, '-o', join(out, 'x.json')]],
      ];
      for (const [name, args] of commands) {
        const r = await cli(args, 20_000);
        count('enormous');
        report(t, `${name} (refused by size)`, r, bytes);
        await check(r, { names: [big], out, lang: args.includes('en') ? 'en' : 'de' }, name);
        assert.match(r.err, /zu groß|too large/);
        // Refused before reading: the memory of a bare Node process (the time depends on the machine's load).
        assert.ok((r.rssMb ?? 0) < 300, `${name}: peak RSS ${r.rssMb} MB`);
      }
      rmSync(big);
    });

    it('a data package whose CSV resource has 200 MB (a sparse file): refused by size', async (t) => {
      const { dir, out } = caseDir();
      mkdirSync(join(dir, 'data'));
      copyFileSync(F.datapackage, join(dir, 'datapackage.json'));
      const big = join(dir, 'data/population.csv');
      // The size is checked before reading: a sparse file (no disk space, no time to write) is enough.
      writeFileSync(big, 'Country Name,Country Code,Year,Value\n');
      truncateSync(big, 200 * MB);
      const bytes = 200 * MB;
      const r = await cli([...IMPORT.datapackage(join(dir, 'datapackage.json')), '-o', join(out, 'x.json')], 20_000);
      count('enormous');
      report(t, 'import datapackage, 200 MB resource', r, bytes);
      await check(r, { names: [big], out }, 'datapackage resource 200 MB');
      assert.match(r.err, /population\.csv.*zu groß/);
      rmSync(big);
    });

    it('GENESIS flat file, 200 MB streamed (rows without an official key): memory stays flat', async (t) => {
      const { dir, out } = caseDir();
      const big = join(dir, 'flat.csv');
      // 7-digit keys are members of Gemeindeverbände, neither AGS nor ARS: skipped and counted, not kept.
      const tail = flatRow('15085040', 2024, 1000) + flatRow('15085055', 2024, 2000);
      const bytes = await writeLines(big, FLAT_HEADER, flatLine('String(1000000 + (i % 8999999))', '2024', 'i % 1000'), 200 * MB, tail);
      const r = await cli([...IMPORT.ffcsv(big), '-o', join(out, 'x.json')], 120_000);
      count('enormous');
      report(t, 'import ffcsv, 200 MB of skipped rows', r, bytes);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /Zeilen gelesen \d{6,}, Beobachtungen geschrieben 2\b/);
      await check(r, { names: [big], out, mayPass: true }, 'ffcsv 200 MB');
      assert.ok((r.rssMb ?? 0) < 400, `peak RSS ${r.rssMb} MB for a streamed file`);
      rmSync(big);
    });

    it(`GENESIS flat file, 200 MB of distinct observations: stops at ${CLI_MAX_OBSERVATIONS.toLocaleString('en')} observations`, async (t) => {
      const { dir, out } = caseDir();
      const big = join(dir, 'flat.csv');
      const bytes = await writeLines(big, FLAT_HEADER, flatLine("String(1001000 + (i % 900000)).padStart(8, '0')", '1000 + Math.floor(i / 900000)', 'i % 99991'), 200 * MB);
      const r = await cli([...IMPORT.ffcsv(big), '-o', join(out, 'x.json'), '--lang', 'en'], 120_000);
      count('enormous');
      report(t, 'import ffcsv, 200 MB of observations', r, bytes);
      await check(r, { names: [big], out, lang: 'en' }, 'ffcsv 200 MB observations');
      assert.match(r.err, /more than 500,000 observations/);
      assert.ok((r.rssMb ?? 0) < 1500, `peak RSS ${r.rssMb} MB`);
      rmSync(big);
    });

    it('GENESIS flat file, 200 MB cut with --within to one Kreis: the limit counts what is written', async (t) => {
      const { dir, out } = caseDir();
      const big = join(dir, 'flat.csv');
      const bytes = await writeLines(big, FLAT_HEADER, flatLine("String(1001000 + (i % 900000)).padStart(8, '0')", '1000 + Math.floor(i / 900000)', 'i % 99991'), 200 * MB);
      const r = await cli([...IMPORT.ffcsv(big), '--within', '01001', '-o', join(out, 'x.json'), '--lang', 'en'], 120_000);
      count('enormous');
      report(t, 'import ffcsv, 200 MB cut to one Kreis', r, bytes);
      assert.equal(r.code, 0, r.err);
      const written = Number(/observations written (\d+)/.exec(r.err)?.[1]);
      assert.ok(written > 0 && written <= 2000, `observations written: ${written}`); // 1000 Gemeinden × at most 2 years
      assert.ok((r.rssMb ?? 0) < 1500, `peak RSS ${r.rssMb} MB`);
      rmSync(big);
    });

    it('a single 50 MB line, for every reader', async (t) => {
      const { dir, out } = caseDir();
      const size = 50 * MB;
      const cases: Array<[string, string, string, string, string, (f: string) => string[], Expect['produces']?]> = [
        ['import csv (no delimiter)', 'a.csv', '', 'x', '\n', (f) => IMPORT.csv(f)],
        ['import csv (a 50 MB cell)', 'b.csv', 'ags;jahr;wert\n15085;2020;', '7', '\n', (f) => IMPORT.csv(f)],
        ['import genesis', 'c.csv', 'GENESIS-Tabelle: 1\n;', 'x', '\n', (f) => IMPORT.genesis(f)],
        ['import ffcsv', 'd.csv', '', 'x;', '\n', (f) => IMPORT.ffcsv(f)],
        ['import jsonstat', 'e.json', '{"version":"2.0","class":"dataset","label":"', 'x', '"}', (f) => IMPORT.jsonstat(f)],
        ['validate', 'f.json', '{"title":"', 'ä', '"}', (f) => ['validate', f]],
        ['geo (a 50 MB name)', 'g.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[10.5,51.7],[10.9,51.7],[10.9,51.9],[10.5,51.7]]]},"properties":{"ags":"15085","name":"', 'Harz', '"}}]}', (f) => ['geo', f], 'geo'],
      ];
      for (const [name, file, head, fill, tail, argv, produces] of cases) {
        const input = join(dir, file);
        await writeLongLine(input, head, fill, size, tail);
        const args = name === 'validate' ? argv(input) : [...argv(input), '-o', join(out, 'x.json')];
        const r = await cli(args, 60_000);
        count('enormous');
        report(t, name, r, statSync(input).size);
        await check(r, { names: [input], out, mayPass: produces === 'geo', produces: produces ?? 'document' }, name);
        assert.ok((r.rssMb ?? 0) < 1200, `${name}: peak RSS ${r.rssMb} MB`);
        rmSync(input);
      }
    });

    it('endless inputs (/dev/zero, /dev/urandom) end with a message', async (t) => {
      if (!existsSync('/dev/zero')) return t.skip('no /dev/zero');
      const { out } = caseDir();
      const cases: Array<[string, string[]]> = [
        ['import csv /dev/zero', [...IMPORT.csv('/dev/zero'), '-o', join(out, 'x.json')]],
        ['import ffcsv /dev/zero', [...IMPORT.ffcsv('/dev/zero'), '-o', join(out, 'x.json')]],
        ['import ffcsv /dev/urandom', [...IMPORT.ffcsv('/dev/urandom'), '-o', join(out, 'x.json')]],
        ['validate /dev/zero', ['validate', '/dev/zero']],
        ['geo /dev/urandom', ['geo', '/dev/urandom', '-o', join(out, 'x.json')]],
      ];
      for (const [name, args] of cases) {
        const r = await cli(args, 30_000);
        count('enormous');
        report(t, name, r, 0);
        await check(r, { names: [args.find((a) => a.startsWith('/dev/'))!], out }, name);
        assert.ok((r.rssMb ?? 0) < 800, `${name}: peak RSS ${r.rssMb} MB`);
      }
    });
  });
});
