// What scripts/bench-chart.js and scripts/bench-map.js share: the static server for the repository root,
// Chromium, per-load byte counting over CDP, the warm-up/alternation loop and the table helpers.
// Both benchmarks compare an element page with a bare page of the same run, so everything here must cost the
// two pages the same: one server, one browser, one way to count.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Loads per page before measuring: the first loads pay for Chromium's own start-up work. */
export const WARMUP = 2;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json; charset=utf-8', '.svg': 'image/svg+xml' };
const COMPRESS = new Set(['.js', '.mjs', '.json', '.html']);

/** BENCH_RUNS, or the benchmark's default: measured loads per page. */
export function runsFromEnv(fallback) {
  const runs = Number(process.env.BENCH_RUNS ?? fallback);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('BENCH_RUNS must be a positive integer');
  return runs;
}

/**
 * A build may be running (npm run build cleans dist/ first): waits up to `seconds` for the files to appear.
 * Resolves with the first file's mtime, so that a failing load can tell whether dist/ was rebuilt meanwhile.
 */
export async function waitForDist(files, seconds, npmScript) {
  const exists = (file) => stat(join(ROOT, file)).then(() => true, () => false);
  for (let i = 0; i < seconds; i++) {
    if ((await Promise.all(files.map(exists))).every(Boolean)) return (await stat(join(ROOT, files[0]))).mtimeMs;
    if (i === 0) console.log(`${files.join(', ')} missing, waiting up to ${seconds} s (a build may be running) …`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${files.join(', ')} not found: run \`npm run build\` first (or \`npm run ${npmScript}\`).`);
}

/** The note for a failed load: a rebuild of dist/ during the run, not the page, may be to blame. */
export async function rebuiltNote(file, built) {
  const rebuilt = await stat(join(ROOT, file)).then((s) => s.mtimeMs !== built, () => true);
  return rebuilt ? ' (dist/ was rebuilt during the run; run the benchmark again)' : '';
}

/** Bundles a bare page's script the way the library is bundled (node-resolve, terser), so bytes compare fairly. */
export async function buildBare(input, output, external) {
  const bundle = await rollup({
    input: join(ROOT, input),
    external,
    plugins: [nodeResolve({ exportConditions: ['production'] }), terser({ format: { comments: false }, ecma: 2022, module: true })],
  });
  await bundle.write({ file: join(ROOT, output), format: 'es' });
  await bundle.close();
}

/** By URL path: body bytes as last served (gzip) and the size on disk (raw), for the "where the bytes go" lists. */
export const served = new Map();

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
      served.set(path, { gzip: body.length, raw: info.size });
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

/** Runs `fn(browser, origin)` with the server on 127.0.0.1 and one headless Chromium; closes both afterwards. */
export async function withChromium(fn) {
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
  try {
    return await fn(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Runs `fn(page)` in a fresh browser context (nothing cached or shared from an earlier load), 800×1000 px. */
export async function withPage(browser, fn) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 800, height: 1000 });
    return await fn(page);
  } finally {
    await context.close();
  }
}

/**
 * WARMUP + `runs` loads of each kind of page, alternating (element, bare, element, …) so that the machine's
 * drift hits every kind alike; resolves with the measured loads by kind. `failed(kind, i, error)` words a failure.
 */
export async function alternate(kinds, runs, loadOne, failed) {
  const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let i = 0; i < WARMUP + runs; i++) {
    for (const kind of kinds) {
      const r = await loadOne(kind).catch(async (error) => Promise.reject(new Error(await failed(kind, i, error))));
      if (i >= WARMUP) results[kind].push(r);
    }
  }
  return results;
}

/**
 * Network bookkeeping of one page load over CDP, before navigation: requests, encodedDataLength (transferred
 * bytes, headers included), requests leaving 127.0.0.1; the cache is disabled. With `workers`, workers are
 * watched too: the page's session sees MapLibre's worker script, but what a worker fetches itself (module
 * imports, …) shows only in the worker's session.
 */
export async function watchNetwork(page, origin, { workers = false } = {}) {
  const requests = new Map(); // requestId → { url, type }
  const done = new Map(); // requestId → encodedDataLength
  const foreign = [];
  const watch = async (session) => {
    session.on('Network.requestWillBeSent', ({ requestId, request, type }) => {
      if (!request.url.startsWith(origin) && !/^(data|blob):/.test(request.url)) foreign.push(request.url);
      requests.set(requestId, { url: request.url, type });
    });
    session.on('Network.responseReceived', ({ requestId, type, response }) => {
      const r = requests.get(requestId);
      requests.set(requestId, { url: response.url, type: type ?? r?.type });
    });
    session.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => done.set(requestId, encodedDataLength));
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  };
  const cdp = await page.createCDPSession();
  await watch(cdp);
  if (workers) {
    // Attach automatically, without pausing them (that would delay MapLibre's worker).
    cdp.on('sessionattached', (session) => void watch(session).catch(() => {}));
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true, filter: [{ type: 'worker', exclude: false }] });
  }
  return {
    foreign,
    /** loadingFinished may trail the paint by a moment: waits (up to 1 s) until every request seen has finished. */
    async settle() {
      for (let i = 0; i < 50 && [...requests.keys()].some((id) => !done.has(id)); i++) await new Promise((r) => setTimeout(r, 20));
    },
    /** Every request: { url, path, type, bytes transferred }. */
    list: () =>
      [...requests].map(([id, { url, type }]) => {
        const path = url.startsWith(origin) ? new URL(url).pathname : url;
        // A dedicated worker's script reports only its headers (~220 bytes) as encodedDataLength: add the body as served.
        const encoded = done.get(id) ?? 0;
        const body = served.get(path)?.gzip ?? 0;
        return { url, path, type, bytes: encoded < body ? encoded + body : encoded };
      }),
  };
}

export const isScript = (r) => r.type === 'Script' || /\.m?js$/.test(r.path);
export const sum = (rs) => rs.reduce((s, r) => s + r.bytes, 0);

/** Median of the finite values (a load without a measurement, NaN, does not count), NaN if there is none. */
export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const kb = (b) => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} kB` : 'n/a');
export const ms = (t) => (Number.isFinite(t) ? `${t.toFixed(0)} ms` : 'n/a');
export const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

/** One table row: the first cell left-aligned, the others right-aligned, in the given column widths. */
export const table = (widths, ...cells) => console.log(cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[0]))).join(''));
