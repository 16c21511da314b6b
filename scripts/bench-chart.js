// Benchmark of <indikator-chart> against a bare Chart.js page drawing the same two index lines.
//
//   npm run bench:chart                         (builds dist/ first)
//   node scripts/bench-chart.js                 (dist/ must exist)
//   BENCH_RUNS=15 BENCH_MOTION=default node scripts/bench-chart.js
//
// Both pages are served from the repository root by this script (127.0.0.1, gzip level 9) and loaded
// in one headless Chromium, each load in a fresh browser context with the cache disabled. After two
// warm-up loads per page, BENCH_RUNS loads per page alternate (element, bare, element, bare, …).
// Measured per load: JS bytes transferred (CDP Network.loadingFinished encodedDataLength of Script
// responses, headers included), all bytes, JS requests, and the time to the first painted chart
// (window.__firstChart: the frame after Chart.js' first afterRender, ms since navigation start).
// The machine is small and noisy, so only medians and ratios against the bare page of the same run
// count. This is a report, not a gate: exit code 0 even when a target is missed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARMUP = 2;
const TIMEOUT = 15_000;
// Chart.js fires afterRender only when the animation has finished, so with the element's 300 ms
// animation both pages would report "animation end", not "first paint". Reduced motion (no
// animation) on both pages measures the first painted chart; BENCH_MOTION=default keeps 300 ms.
const REDUCED = process.env.BENCH_MOTION !== 'default';
const TARGET_JS = 65_000; // bytes (65 kB = 65 000 bytes, not 65 KiB)
const TARGET_TIME = 1.2;
const PAGES = { element: '/bench/chart/element.html', bare: '/bench/chart/bare.html' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8', '.svg': 'image/svg+xml' };
const COMPRESS = new Set(['.js', '.json', '.html']);

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('BENCH_RUNS must be a positive integer');

/** A build may be running (npm run build cleans dist/ first): wait a little for the entry to appear. */
async function waitForDist() {
  for (let i = 0; i < 60; i++) {
    if (await stat(join(ROOT, 'dist/indikator-chart.js')).then(() => true, () => false)) return;
    if (i === 0) console.log('dist/indikator-chart.js missing, waiting up to 60 s (a build may be running) …');
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('dist/indikator-chart.js not found: run `npm run build` first (or `npm run bench:chart`).');
}

/** Bundles the bare page the way the library is bundled (node-resolve, terser). */
async function buildBare() {
  const bundle = await rollup({
    input: join(ROOT, 'bench/chart/bare.js'),
    plugins: [nodeResolve({ exportConditions: ['production'] }), terser({ format: { comments: false }, ecma: 2022, module: true })],
  });
  await bundle.write({ file: join(ROOT, 'bench/.build/bare.js'), format: 'es' });
  await bundle.close();
}

/** Body bytes as last served, by URL path (for the "where the bytes go" list). */
const served = new Map();

/** Static server for the repository root; gzip is computed once per file version so serving costs the same every run. */
function serve() {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
      const file = join(ROOT, path);
      if (relative(ROOT, file).split(sep)[0] === '..') throw Object.assign(new Error('outside root'), { status: 403 });
      const info = await stat(file);
      const ext = extname(file);
      const key = `${file}|${info.mtimeMs}|${info.size}`;
      if (!cache.has(key)) {
        const raw = await readFile(file);
        cache.set(key, COMPRESS.has(ext) ? gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }) : raw);
      }
      const body = cache.get(key);
      served.set(path, body.length);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...(COMPRESS.has(ext) ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    } catch (error) {
      res.writeHead(error.status ?? (error.code === 'ENOENT' ? 404 : 500)).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One page load in a fresh context; resolves with bytes, requests and time to first chart. */
async function load(browser, origin, name) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 800, height: 1000 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: REDUCED ? 'reduce' : 'no-preference' }]);
    const cdp = await page.createCDPSession();
    const scripts = new Map(); // requestId → url
    const done = new Map(); // requestId → encodedDataLength
    const foreign = [];
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      if (!request.url.startsWith(origin) && !/^(data|blob):/.test(request.url)) foreign.push(request.url);
    });
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => type === 'Script' && scripts.set(requestId, response.url));
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => done.set(requestId, encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(origin + PAGES[name], { timeout: TIMEOUT, waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__firstChart, { timeout: TIMEOUT, polling: 50 });
    const firstChart = await page.evaluate(() => window.__firstChart);
    // loadingFinished may trail the paint by a moment: wait until every script response has finished.
    for (let i = 0; i < 50 && [...scripts.keys()].some((id) => !done.has(id)); i++) await new Promise((r) => setTimeout(r, 20));
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('indikator-chart')?.shadowRoot?.querySelector('canvas') ?? document.querySelector('canvas');
      return `${c.clientWidth}×${c.clientHeight}`;
    });
    if (foreign.length) throw new Error(`request(s) leaving 127.0.0.1: ${foreign.join(', ')}`);
    const js = [...scripts].map(([id, url]) => ({ url: new URL(url).pathname, bytes: done.get(id) ?? 0 }));
    return {
      firstChart,
      jsBytes: js.reduce((s, f) => s + f.bytes, 0),
      totalBytes: [...done.values()].reduce((s, b) => s + b, 0),
      jsRequests: js.length,
      js,
      canvas,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (t) => `${t.toFixed(0)} ms`;

async function main() {
  await waitForDist();
  const built = (await stat(join(ROOT, 'dist/indikator-chart.js'))).mtimeMs;
  await buildBare();
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage',
      // Belt and braces for "nothing leaves 127.0.0.1": every other host name fails to resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const results = { element: [], bare: [] };
  try {
    console.log(`Chromium ${await browser.version()}, ${WARMUP} warm-up + ${RUNS} measured loads per page, alternating; ` +
      `motion: ${REDUCED ? 'prefers-reduced-motion emulated on both pages (no animation)' : 'default on both pages (300 ms animation; afterRender = animation end)'}`);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const name of ['element', 'bare']) {
        const r = await load(browser, origin, name).catch(async (error) => {
          const rebuilt = await stat(join(ROOT, 'dist/indikator-chart.js')).then((s) => s.mtimeMs !== built, () => true);
          throw new Error(`${name} page failed on load ${i + 1} (first chart must appear within ${TIMEOUT / 1000} s): ${error.message}` +
            (rebuilt ? ' (dist/ was rebuilt during the run; run the benchmark again)' : ''));
        });
        if (i >= WARMUP) results[name].push(r);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }

  const summary = {};
  const row = (...cells) => console.log(cells.map((c, i) => (i ? String(c).padStart([0, 13, 12, 8, 13, 9, 9, 10][i]) : c.padEnd(8))).join(''));
  console.log('');
  row('page', 'JS (med)', 'all (med)', 'JS req', 'first chart', 'min', 'max', 'canvas');
  for (const [name, rs] of Object.entries(results)) {
    const t = stats(rs.map((r) => r.firstChart));
    summary[name] = { js: median(rs.map((r) => r.jsBytes)), time: t.med };
    row(name, kb(summary[name].js), kb(median(rs.map((r) => r.totalBytes))), median(rs.map((r) => r.jsRequests)), ms(t.med), ms(t.min), ms(t.max), rs[0].canvas);
  }
  const jsRatio = summary.element.js / summary.bare.js;
  const timeRatio = summary.element.time / summary.bare.time;
  const pairRatio = median(results.element.map((r, i) => r.firstChart / results.bare[i].firstChart));
  console.log(`\nratio element/bare: JS gzip ${jsRatio.toFixed(2)}×, time to first chart ${timeRatio.toFixed(2)}× (median of per-pair ratios ${pairRatio.toFixed(2)}×)`);
  console.log(`${summary.element.js <= TARGET_JS ? 'PASS' : 'FAIL'}  element page JS ${summary.element.js} bytes transferred ≤ ${TARGET_JS} bytes (65 kB = 65 000 bytes, gzip, HTTP headers included)`);
  console.log(`${timeRatio <= TARGET_TIME ? 'PASS' : 'FAIL'}  time to first chart ${timeRatio.toFixed(2)}× the bare Chart.js page ≤ ${TARGET_TIME}×`);

  // Where the bytes go (response bodies, gzip level 9, as served; the transfer adds ~150-250 bytes of headers each).
  for (const name of ['element', 'bare']) {
    console.log(`\nJS loaded by the ${name} page (gzip body bytes):`);
    for (const { url } of results[name][0].js) console.log(`  ${url.slice(1).padEnd(50)} ${String(served.get(url)).padStart(7)}`);
  }
}

await main().catch((error) => {
  console.error(`\nbench-chart: ${error.message}`);
  process.exitCode = 1;
});
