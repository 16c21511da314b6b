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
// Server, browser, byte counting and helpers: scripts/bench-common.js (shared with scripts/bench-map.js).
import {
  WARMUP, alternate, buildBare, isScript, kb, median, ms, rebuiltNote, runsFromEnv, served, sum, table, waitForDist, watchNetwork, withChromium, withPage,
} from './bench-common.js';

const RUNS = runsFromEnv(9);
const TIMEOUT = 15_000;
// Chart.js fires afterRender only when the animation has finished, so with the element's 300 ms
// animation both pages would report "animation end", not "first paint". Reduced motion (no
// animation) on both pages measures the first painted chart; BENCH_MOTION=default keeps 300 ms.
const REDUCED = process.env.BENCH_MOTION !== 'default';
const TARGET_JS = 65_000; // bytes (65 kB = 65 000 bytes, not 65 KiB)
const TARGET_TIME = 1.2;
const PAGES = { element: '/bench/chart/element.html', bare: '/bench/chart/bare.html' };
const ENTRY = 'dist/indikator-chart.js';

/** One page load in a fresh context; resolves with bytes, requests and time to first chart. */
async function load(browser, origin, name) {
  return withPage(browser, async (page) => {
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: REDUCED ? 'reduce' : 'no-preference' }]);
    const net = await watchNetwork(page, origin);
    await page.goto(origin + PAGES[name], { timeout: TIMEOUT, waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__firstChart, { timeout: TIMEOUT, polling: 50 });
    const firstChart = await page.evaluate(() => window.__firstChart);
    await net.settle();
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('indikator-chart')?.shadowRoot?.querySelector('canvas') ?? document.querySelector('canvas');
      return `${c.clientWidth}×${c.clientHeight}`;
    });
    if (net.foreign.length) throw new Error(`request(s) leaving 127.0.0.1: ${net.foreign.join(', ')}`);
    const all = net.list();
    const js = all.filter(isScript);
    return { firstChart, jsBytes: sum(js), totalBytes: sum(all), jsRequests: js.length, js, canvas };
  });
}

const stats = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

async function main() {
  const built = await waitForDist([ENTRY], 60, 'bench:chart');
  await buildBare('bench/chart/bare.js', 'bench/.build/bare.js');
  const results = await withChromium(async (browser, origin) => {
    console.log(`Chromium ${await browser.version()}, ${WARMUP} warm-up + ${RUNS} measured loads per page, alternating; ` +
      `motion: ${REDUCED ? 'prefers-reduced-motion emulated on both pages (no animation)' : 'default on both pages (300 ms animation; afterRender = animation end)'}`);
    return alternate(['element', 'bare'], RUNS, (name) => load(browser, origin, name), async (name, i, error) =>
      `${name} page failed on load ${i + 1} (first chart must appear within ${TIMEOUT / 1000} s): ${error.message}${await rebuiltNote(ENTRY, built)}`);
  });

  const summary = {};
  const W = [8, 13, 12, 8, 13, 9, 9, 10];
  console.log('');
  table(W, 'page', 'JS (med)', 'all (med)', 'JS req', 'first chart', 'min', 'max', 'canvas');
  for (const [name, rs] of Object.entries(results)) {
    const t = stats(rs.map((r) => r.firstChart));
    summary[name] = { js: median(rs.map((r) => r.jsBytes)), time: t.med };
    table(W, name, kb(summary[name].js), kb(median(rs.map((r) => r.totalBytes))), median(rs.map((r) => r.jsRequests)), ms(t.med), ms(t.min), ms(t.max), rs[0].canvas);
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
    for (const { path } of results[name][0].js) console.log(`  ${path.slice(1).padEnd(50)} ${String(served.get(path)?.gzip).padStart(7)}`);
  }
}

await main().catch((error) => {
  console.error(`\nbench-chart: ${error.message}`);
  process.exitCode = 1;
});
