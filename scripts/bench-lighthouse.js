// Lighthouse (performance, accessibility, best practices) for demo pages, as a visitor's phone would see them.
//
//   npm run bench:lighthouse                               (builds dist/ first)
//   node scripts/bench-lighthouse.js                       (dist/ must exist)
//   BENCH_RUNS=5 node scripts/bench-lighthouse.js --page /demo/index.html --page /demo/kreisdossier-harz.html
//
// Per page: the three category scores (0–100), CLS, LCP, TBT, FCP, total transfer bytes and the failed
// accessibility audits. Targets: accessibility 100, performance ≥ 95, CLS 0. Lighthouse's defaults otherwise:
// mobile emulation and simulated throttling (slow 4G, 4× CPU slowdown) — the headline score everyone quotes.
// The full JSON report of the median run (by performance score) goes to bench/.build/lighthouse/<page>.json.
//
// Why the page's own server: the pages must be measured as a municipal site would deliver them — with the same
// strict Content-Security-Policy as `npm start` (demo/csp.js, so a CSP violation shows up as a console error in
// best practices), compressed (brotli or gzip, which is what the performance score's transfer sizes depend on) and
// with Cache-Control; the script serves the repository root itself on 127.0.0.1 (random free port), and Chromium
// cannot resolve any other host, so nothing leaves the machine.
// Why the median: the machine is a noisy 2-core box and Lighthouse's simulated metrics still scale with the main-
// thread task times it measures, so one run can be off by several points; the median of BENCH_RUNS runs (default 3)
// is reported with the spread (min–max). Each page gets one unmeasured warm-up load first (fills the server's
// compression cache and the OS file cache), and each run gets a fresh browser context.
// This is a report, not a gate: exit code 0 even when a target is missed (or a page does not exist yet, 404);
// non-zero only when Lighthouse could not run.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, normalize, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { demoCspMiddleware } from '../demo/csp.js';
import { ROOT, median, rebuiltNote, runsFromEnv, waitForDist } from './bench-common.js';

const RUNS = runsFromEnv(3);
const DEFAULT_PAGES = ['/demo/kreisdossier-harz.html'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const ENTRY = 'dist/kreisdossier.bundle.js';
const OUT = join(ROOT, 'bench/.build/lighthouse');
const TARGETS = { performance: 95, accessibility: 100, cls: 0 };

// ---- static server ------------------------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.pbf': 'application/x-protobuf',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.md', '.csv']);
/** Rollup's content-hashed chunk names (dist/chunks/core-0BNZUqF0.js): safe to cache for a year. */
const HASHED = /^\/dist\/chunks\/.+-[\w-]{8}\.m?js$/;

/** Encoded bodies by file version (path|mtime|size), compressed once: serving costs the same in every run. */
const bodies = new Map();
/** Content-Encoding by URL path as last served, for the report header. */
const encodings = new Map();

async function encoded(key, file, ext, encoding) {
  const k = `${key}|${encoding}`;
  if (!bodies.has(k)) {
    const raw = await readFile(file);
    // Maximum compression, as a site would precompress static files; source maps (fetched only by Lighthouse's
    // source-map audit, after the load) at a cheaper brotli level — 1.7 MB at quality 11 takes seconds.
    const body =
      encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: ext === '.map' ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : encoding === 'gzip' ? gzipSync(raw, { level: constants.Z_BEST_COMPRESSION })
      : raw;
    bodies.set(k, body);
  }
  return bodies.get(k);
}

/** Static server for the repository root with the demo's CSP (demo/csp.js, applied as `npm start` applies it). */
function serve() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path === '/' || path === '/demo') return void res.writeHead(302, { location: '/demo/' }).end();
      let file = join(ROOT, path);
      if (relative(ROOT, file).split(sep)[0] === '..') throw Object.assign(new Error('outside root'), { status: 403 });
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      // The same Koa middleware `npm start` uses, on a minimal Koa-like context: same headers, kept in sync.
      await demoCspMiddleware({ path, set: (name, value) => res.setHeader(name, value) }, async () => {});
      const ext = extname(file);
      const key = `${file}|${info.mtimeMs}|${info.size}`;
      const etag = `"${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        // Hashed chunks never change; everything else (HTML, data, unhashed entry points) is revalidated.
        'cache-control': HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'last-modified': new Date(info.mtimeMs).toUTCString(),
      };
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
      let encoding = 'identity';
      if (COMPRESS.has(ext)) {
        headers.vary = 'Accept-Encoding';
        const accept = String(req.headers['accept-encoding'] ?? '');
        encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
      }
      const body = await encoded(key, file, ext, encoding);
      encodings.set(path, encoding);
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const status = error.status ?? (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 404 : 500);
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${status}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---- Lighthouse -----------------------------------------------------------------------------------------------

const FLAGS = { logLevel: process.env.BENCH_VERBOSE ? 'info' : 'error', output: 'json', onlyCategories: CATEGORIES, disableFullPageScreenshot: true };

/** One unmeasured load (fills caches); resolves with the HTTP status and the page's recorded CSP violations. */
async function warmUp(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000 });
    const status = response?.status() ?? 0;
    const csp = status === 200 ? await page.evaluate(() => window.__cspViolations ?? []) : [];
    return { status, csp };
  } finally {
    await context.close();
  }
}

/** One Lighthouse run in a fresh browser context; resolves with { lhr, report } or throws. */
async function runLighthouse(browser, url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const result = await lighthouse(url, FLAGS, undefined, page);
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return { lhr, report: result.report };
  } finally {
    await context.close();
  }
}

const score = (lhr, category) => (lhr.categories[category]?.score == null ? NaN : Math.round(lhr.categories[category].score * 100));
const numeric = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;

/**
 * The items an audit lists. Where every item carries sub-items (valid-source-maps lists each large script, its
 * problems as sub-items), only the items with problems count.
 */
function itemCount(audit) {
  const items = audit.details?.items ?? [];
  return items.length && items.every((i) => i.subItems) ? items.filter((i) => i.subItems.items?.length).length : items.length;
}

/** Audits of a category that failed (score < 1) or errored, with the number of items they list. */
function failedAudits(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => ({ a: lhr.audits[ref.id], weight: ref.weight }))
    .filter(({ a }) => a && (a.scoreDisplayMode === 'error' || ((a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric') && a.score !== null && a.score < 1)))
    .map(({ a, weight }) => ({ id: a.id, title: a.title, items: itemCount(a), weight, error: a.scoreDisplayMode === 'error' ? a.errorMessage : undefined }));
}

/** What one run yields for the summary. */
function summarize(lhr, origin) {
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    bytes: numeric(lhr, 'total-byte-weight'),
    requests: requests.length,
    a11y: failedAudits(lhr, 'accessibility'),
    bestPractices: failedAudits(lhr, 'best-practices'),
    foreign: requests.map((r) => r.url).filter((u) => !u.startsWith(origin) && !/^(data|blob|chrome|about):/.test(u)),
    failedRequests: requests.filter((r) => r.statusCode >= 400 || r.statusCode === -1).map((r) => `${r.statusCode} ${r.url.replace(origin, '')}`),
    warnings: lhr.runWarnings ?? [],
    benchmarkIndex: lhr.environment?.benchmarkIndex,
  };
}

// ---- report ---------------------------------------------------------------------------------------------------

const spread = (xs, fmt) => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? `${fmt(median(ok))}`.padStart(10) + `   (${fmt(Math.min(...ok))}–${fmt(Math.max(...ok))})`.padEnd(24) : 'n/a'.padStart(10).padEnd(34);
};
const int = (v) => String(Math.round(v));
const msFmt = (v) => `${Math.round(v)} ms`;
const clsFmt = (v) => v.toFixed(3);
const kbFmt = (v) => `${(v / 1000).toFixed(1)} kB`;
const mark = (ok, text) => `${ok ? '✓' : '✗'} ${text}`;

/** Failed audits over all runs: each once, with its item count (max over runs) and in how many runs it failed. */
function auditList(runs, key) {
  const byId = new Map();
  for (const run of runs) for (const a of run[key]) {
    const seen = byId.get(a.id) ?? { ...a, runs: 0 };
    byId.set(a.id, { ...seen, items: Math.max(seen.items, a.items), runs: seen.runs + 1 });
  }
  return [...byId.values()].map((a) =>
    `    ${a.id} — ${a.title} (${a.items} item${a.items === 1 ? '' : 's'})` +
    (a.runs < runs.length ? ` [in ${a.runs} of ${runs.length} runs]` : '') + (a.weight ? '' : ' [weight 0: does not lower the score]') +
    (a.error ? ` [audit error: ${a.error}]` : ''));
}

function printPage(path, runs, file) {
  const m = (f) => runs.map(f);
  const perf = median(m((r) => r.scores.performance));
  const a11y = median(m((r) => r.scores.accessibility));
  const cls = median(m((r) => r.cls));
  const shifted = runs.filter((r) => r.cls > 0).length;
  console.log(`                      median     (min–max)`);
  console.log(`  performance     ${spread(m((r) => r.scores.performance), int)}${mark(perf >= TARGETS.performance, `target ≥ ${TARGETS.performance}`)}`);
  console.log(`  accessibility   ${spread(m((r) => r.scores.accessibility), int)}${mark(a11y >= TARGETS.accessibility, `target ${TARGETS.accessibility}`)}`);
  console.log(`  best practices  ${spread(m((r) => r.scores['best-practices']), int)}`);
  console.log(`  CLS             ${spread(m((r) => r.cls), clsFmt)}${mark(cls <= TARGETS.cls, `target ${TARGETS.cls}`)}` +
    (shifted && cls <= TARGETS.cls ? ` (but shifted in ${shifted} of ${runs.length} runs)` : ''));
  console.log(`  LCP             ${spread(m((r) => r.lcp), msFmt)}`);
  console.log(`  TBT             ${spread(m((r) => r.tbt), msFmt)}`);
  console.log(`  FCP             ${spread(m((r) => r.fcp), msFmt)}`);
  console.log(`  transfer        ${spread(m((r) => r.bytes), kbFmt)}${median(m((r) => r.requests))} requests`);
  const a11yFailed = auditList(runs, 'a11y');
  console.log(a11yFailed.length ? `  failed accessibility audits:\n${a11yFailed.join('\n')}` : '  failed accessibility audits: none');
  const bpFailed = auditList(runs, 'bestPractices');
  if (bpFailed.length) console.log(`  failed best-practices audits:\n${bpFailed.join('\n')}`);
  const foreign = [...new Set(runs.flatMap((r) => r.foreign))];
  if (foreign.length) console.log(`  ! requests to other hosts (blocked, should not exist): ${foreign.join(', ')}`);
  const failed = [...new Set(runs.flatMap((r) => r.failedRequests))];
  if (failed.length) console.log(`  ! failed requests: ${failed.join(', ')}`);
  const warnings = [...new Set(runs.flatMap((r) => r.warnings))];
  for (const w of warnings) console.log(`  ! Lighthouse: ${w.replace(/\s+/g, ' ')}`);
  console.log(`  full report (median run): ${relative(ROOT, file)}`);
}

/** bench/.build/lighthouse/<name>.json: the page's file name, or its whole path if two pages share a name. */
function reportNames(pages) {
  const short = pages.map((p) => basename(p).replace(/\.html?$/, '') || 'index');
  return pages.map((p, i) => (short.filter((s) => s === short[i]).length > 1 ? p.replace(/^\/+/, '').replace(/\.html?$/, '').replace(/[^\w.-]+/g, '-') : short[i]));
}

async function main() {
  const started = performance.now();
  const { values } = parseArgs({ options: { page: { type: 'string', multiple: true } } });
  const pages = (values.page?.length ? values.page : DEFAULT_PAGES).map((p) => (p.startsWith('/') ? p : `/${p}`));
  const names = reportNames(pages);
  const built = await waitForDist([ENTRY, 'dist/maplibre/maplibre-gl.mjs'], 120, 'bench:lighthouse');
  await mkdir(OUT, { recursive: true });

  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  let broken = 0;
  try {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      defaultViewport: null, // Lighthouse sets the (mobile) screen emulation itself
      args: [
        '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage',
        // Nothing leaves 127.0.0.1: every other host name fails to resolve.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const { version } = JSON.parse(await readFile(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8'));
    console.log(`Lighthouse ${version}, ${await browser.version()}; ${RUNS} run(s) per page after 1 warm-up load; ` +
      'defaults: mobile emulation, simulated throttling (slow 4G, 4× CPU); server: 127.0.0.1, demo CSP, brotli/gzip');
    for (const [i, path] of pages.entries()) {
      const url = origin + path;
      const pageStarted = performance.now();
      console.log(`\n${path}`);
      const warm = await warmUp(browser, url).catch((error) => ({ status: 0, error }));
      if (warm.status === 404) {
        console.log(`  page not found (404): ${path} does not exist (yet) — skipped.`);
        continue;
      }
      if (warm.status !== 200) console.log(`  ! warm-up load: ${warm.error ? warm.error.message : `HTTP ${warm.status}`}`);
      if (warm.csp?.length) console.log(`  ! CSP violations on the warm-up load: ${[...new Set(warm.csp)].join(', ')}`);
      const runs = [];
      const reports = [];
      for (let r = 0; r < RUNS; r++) {
        try {
          const { lhr, report } = await runLighthouse(browser, url);
          runs.push(summarize(lhr, origin));
          reports.push(report);
        } catch (error) {
          console.log(`  ! run ${r + 1} failed: ${error.message}`);
        }
      }
      if (!runs.length) {
        console.log(`  Lighthouse could not run on ${path}${await rebuiltNote(ENTRY, built)}`);
        broken++;
        continue;
      }
      // The run whose performance score is the median (the first such run) supplies the full report.
      const perf = median(runs.map((r) => r.scores.performance));
      const best = runs.reduce((b, r, k) => (Math.abs(r.scores.performance - perf) < Math.abs(runs[b].scores.performance - perf) ? k : b), 0);
      const file = join(OUT, `${names[i]}.json`);
      await writeFile(file, reports[best]);
      const enc = encodings.get(path);
      console.log(`  ${runs.length} of ${RUNS} runs, ${((performance.now() - pageStarted) / 1000).toFixed(0)} s; ` +
        `HTML served ${enc === 'identity' ? 'uncompressed' : enc}; BenchmarkIndex ${int(median(runs.map((r) => r.benchmarkIndex)))}`);
      printPage(path, runs, file);
      const note = await rebuiltNote(ENTRY, built);
      if (note) console.log(`  !${note}`);
    }
  } finally {
    await browser?.close();
    server.closeAllConnections();
    server.close();
  }
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (broken) throw new Error(`Lighthouse could not run on ${broken} page(s)`);
}

await main().catch((error) => {
  console.error(`\nbench-lighthouse: ${error.message}`);
  process.exitCode = 1;
});
