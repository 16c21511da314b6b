// Benchmark of <kreis-map> against a bare MapLibre GL JS page drawing the same geometry with the same colours.
//
//   npm run bench:map                                   (builds dist/ first)
//   node scripts/bench-map.js                           (dist/ must exist)
//   BENCH_RUNS=15 BENCH_MAPS=harz,deutschland-gemeinden node scripts/bench-map.js
//   BENCH_MAPS=deutschland-gemeinden BENCH_GEO=/bench/.build/variant.topo.json node scripts/bench-map.js
//     (BENCH_GEO: another boundary file for the selected maps, on both pages: to compare simplifications)
//
// Four maps (MAPS below), each drawn by the element page bench/map/element.html (one <kreis-map>, entry
// dist/kreis-map.js, its attributes in the query string; a tiny inline script makes the element where the
// parser would meet a static one, before the deferred module defines it) and by the bare page
// bench/map/bare.html with the element's src, geo, indicator, period and region in its query string, so
// both draw the same boundary file, features, data and classes:
//   harz                   20 Gemeinden of Landkreis Harz, population 31.12.2015 (demo data)
//   sachsen-anhalt         218 Gemeinden of Sachsen-Anhalt, settlement area share 2023 (demo data)
//   deutschland-kreise     401 Kreise, population density 31.12.2018 (demo data)
//   deutschland-gemeinden  10 997 Gemeinden of Germany with SYNTHETIC values (performance only), written to
//                          bench/.build/synthetic-gemeinden-de.json by this script and validated with the CLI
// Pages are served from the repository root by this script (127.0.0.1, gzip level 9) and loaded in one
// headless Chromium (SwiftShader WebGL), each load in a fresh browser context with the cache disabled. Per
// map: two warm-up loads per page, then BENCH_RUNS loads per page alternating (element, bare, …).
// Measured per load (bench/map/measure.js, in both pages):
//   first render  ms from navigation start to the first complete render: the element's kd-render, the bare
//                 map's first `idle` (MapLibre has drawn, no tile or source is loading)
//   interactive   ms from navigation start until a mousemove at the map centre, dispatched in the task after
//                 the first render, is answered (element: its tooltip is shown; bare: queryRenderedFeatures
//                 under the pointer returns a region); a point that hits no region (a hole where the tiler
//                 dropped a tiny Gemeinde) is followed by the next of a few points near the centre, one per task
//   JS bytes      CDP Network.loadingFinished encodedDataLength of scripts (headers included), including
//                 MapLibre's worker script (whose encodedDataLength covers only its headers: its body as
//                 served is added), excluding the harness bench/map/measure.js
//   geometry      bytes of the boundary file (transferred, gzip level 9) and as stored
//   long tasks    main-thread tasks over 50 ms until the first render: count and blocking time (Σ duration − 50)
// A page with only <indikator-chart> (bench/chart/element.html) is loaded too: it must request no MapLibre file.
// The machine is small and noisy, so only medians and ratios against the bare page of the same run count.
// This is a report, not a gate: exit code 0 even when a target is missed (1 only when a page fails).
// Server, browser, byte counting and helpers: scripts/bench-common.js (shared with scripts/bench-chart.js).
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, WARMUP, alternate, buildBare, isScript, kb, median, ms, rebuiltNote, runsFromEnv, served, sum, table, waitForDist, watchNetwork, withChromium, withPage, x,
} from './bench-common.js';

const RUNS = runsFromEnv(7);
const TIMEOUT = 60_000;
const HOVER_TIMEOUT = 10_000;
const TARGET_RATIO = 1.15;
const TARGET_INTERACTIVE = 2000; // ms, the nationwide Gemeinde map
const NATIONWIDE = 'deutschland-gemeinden';
const SYNTHETIC = 'bench/.build/synthetic-gemeinden-de.json';
// Each map's label and <kreis-map> attributes (besides geo-attribution). The bare page mirrors only MIRRORED
// and draws 5 quantile classes in Blues from the `ags` property, so the element must keep its defaults for
// classes, classification, breaks, scheme, key-property, breakdown and basemap.
const MAPS = {
  harz: {
    label: 'Harz: 20 Gemeinden',
    attributes: { src: '/demo/data/bevoelkerung-gemeinden-harz.json', geo: '/demo/data/geo/harz-gemeinden-2021.topo.json', region: '15085', period: '2015-12-31' },
  },
  'sachsen-anhalt': {
    label: 'Sachsen-Anhalt: 218 Gemeinden',
    attributes: { src: '/demo/data/siedlungsflaeche-gemeinden.json', geo: '/demo/data/geo/st-gemeinden-2021.topo.json', indicator: 'ai0111', period: '2023' },
  },
  'deutschland-kreise': {
    label: 'Deutschland: 401 Kreise',
    attributes: { src: '/demo/data/bevoelkerungsdichte-kreise-2018.json', geo: '/demo/data/geo/de-kreise-2021.topo.json', indicator: 'bevoelkerungsdichte', period: '2018-12-31' },
  },
  // SYNTHETIC values (written by this script): performance only, not official statistics.
  'deutschland-gemeinden': {
    label: 'Deutschland: 10 997 Gemeinden (synthetic values)',
    attributes: { src: `/${SYNTHETIC}`, geo: '/demo/data/geo/de-gemeinden-2021.topo.json', indicator: 'synthetisch', period: '2021' },
  },
};
const MIRRORED = ['src', 'geo', 'indicator', 'period', 'region'];
const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG (2021), Daten verändert';
const HARNESS = '/bench/map/measure.js';
const CHART_PAGE = '/bench/chart/element.html';
const ENTRY = 'dist/kreis-map.js';
const GEO_OVERRIDE = process.env.BENCH_GEO;
const NEEDED = [ENTRY, 'dist/maplibre/maplibre-gl.mjs', 'dist/maplibre/maplibre-gl-worker.mjs', 'dist/indikator-chart.js'];

const selected = process.env.BENCH_MAPS ? process.env.BENCH_MAPS.split(',').map((s) => s.trim()) : Object.keys(MAPS);
for (const m of selected) if (!MAPS[m]) throw new Error(`BENCH_MAPS: unknown map "${m}" (known: ${Object.keys(MAPS).join(', ')})`);

/** The element and bare page URLs of a map (BENCH_GEO replaces the boundary file on both), its geo and src. */
function pagesOf(name) {
  const attributes = { ...MAPS[name].attributes, ...(GEO_OVERRIDE ? { geo: GEO_OVERRIDE } : {}) };
  for (const a in attributes) if (!MIRRORED.includes(a)) throw new Error(`MAPS.${name}: attribute ${a} is not mirrored by the bare page`);
  const element = new URLSearchParams({ ...attributes, 'geo-attribution': GEO_ATTRIBUTION });
  return { element: `/bench/map/element.html?${element}`, bare: `/bench/map/bare.html?${new URLSearchParams(attributes)}`, geo: attributes.geo, src: attributes.src };
}

/** Deterministic pseudo-random number in [0, 1) from a string (FNV-1a, then a xorshift mix). */
function hash01(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

/**
 * SYNTHETIC data for the nationwide Gemeinde map: one made-up value per Gemeinde of the boundary file
 * (the repository has no official statistic for all Gemeinden). Deterministic, clearly labelled, valid
 * kreisdossier format (checked with `kreisdossier validate`). For performance measurements only.
 */
async function buildSynthetic(geoPath) {
  const topo = JSON.parse(await readFile(join(ROOT, geoPath), 'utf8'));
  const object = Object.values(topo.objects)[0];
  const gemeinden = object.geometries.map((g) => ({ key: String(g.properties.ags), name: String(g.properties.name ?? g.properties.ags) }));
  const label = 'SYNTHETISCH: keine amtlichen Daten – Werte für Leistungstests erzeugt';
  const doc = {
    kreisdossier: '1.0',
    dataset: {
      id: 'synthetisch-gemeinden-de',
      title: { de: 'Synthetische Werte für alle Gemeinden Deutschlands (nur Leistungstest)', en: 'Synthetic values for all Gemeinden of Germany (performance test only)' },
      description: {
        de: 'Von scripts/bench-map.js deterministisch aus dem Gemeindeschlüssel erzeugte Zufallswerte. Keine Statistik; nur zum Messen der Kartendarstellung.',
        en: 'Pseudo-random values made by scripts/bench-map.js from each Gemeinde key. Not a statistic; for measuring map rendering only.',
      },
      sources: [{ publisher: 'kreisdossier, scripts/bench-map.js (synthetische Werte)', title: label }],
      license: { id: 'CC0-1.0', name: 'Creative Commons Zero 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      attribution: label,
      referenceDate: '2021-01-01',
    },
    regions: gemeinden.map((g) => ({ key: g.key, name: g.name, level: 'Gemeinde', parent: g.key.slice(0, 5) })),
    indicators: [
      {
        id: 'synthetisch',
        label: { de: 'Synthetischer Wert (kein amtlicher Wert)', en: 'Synthetic value (not an official figure)' },
        unit: 'Punkte',
        decimals: 1,
        topic: 'Strukturwandel',
        explanation: { de: 'Ein erfundener Wert, nur für Leistungstests.', en: 'A made-up value, for performance tests only.' },
        polarity: 'neutral',
        kind: 'index',
      },
    ],
    observations: gemeinden.map((g) => ({
      indicator: 'synthetisch',
      region: g.key,
      period: '2021',
      // Some structure by Land and Kreis, noise by Gemeinde; one decimal.
      value: Math.round((20 * hash01(g.key.slice(0, 2)) + 30 * hash01(g.key.slice(0, 5)) + 50 * hash01(g.key)) * 10) / 10,
    })),
  };
  await mkdir(join(ROOT, 'bench/.build'), { recursive: true });
  await writeFile(join(ROOT, SYNTHETIC), JSON.stringify(doc));
  try {
    execFileSync(process.execPath, [join(ROOT, 'bin/kreisdossier.js'), 'validate', join(ROOT, SYNTHETIC)], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`${SYNTHETIC} is not valid: ${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
  return gemeinden.length;
}

/** One page load in a fresh context; resolves with times, bytes, long tasks, classes and the waterfall. */
async function load(browser, origin, url, geoPath) {
  return withPage(browser, async (page) => {
    const net = await watchNetwork(page, origin, { workers: true });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin + url, { timeout: TIMEOUT, waitUntil: 'domcontentloaded' });
    await page
      .waitForFunction(() => window.__bench?.render || window.__bench?.error, { timeout: TIMEOUT, polling: 50 })
      .catch((e) => Promise.reject(new Error(`${e.message}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`)));
    await page.waitForFunction(() => window.__bench.interactive || window.__bench.error, { timeout: HOVER_TIMEOUT, polling: 20 }).catch(() => {});
    await net.settle();
    const m = await page.evaluate(() => {
      const b = window.__bench;
      const map = document.querySelector('kreis-map');
      let classes = b.classes;
      if (map) {
        // The element's legend: class counts and swatch colours.
        const items = [...map.shadowRoot.querySelectorAll('.legend li')].filter((li) => li.querySelector('.swatch[data-class]'));
        classes = {
          counts: items.map((li) => Number(li.querySelector('.muted')?.textContent.replace(/\D/g, ''))),
          colors: items.map((li) => li.querySelector('.swatch').style.getPropertyValue('--swatch').trim()),
        };
      }
      const resources = performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }));
      return { render: b.render, interactive: b.interactive, hoverAt: b.hoverAt, hoverTries: b.hoverTries, error: b.error, canvas: b.canvas, longTasks: b.longTasks, classes, resources };
    });
    if (m.error) throw new Error(m.error);
    if (net.foreign.length) throw new Error(`request(s) leaving 127.0.0.1: ${net.foreign.join(', ')}`);
    const all = net.list();
    const js = all.filter((r) => isScript(r) && r.path !== HARNESS);
    const geo = all.find((r) => r.path === geoPath);
    const before = (m.longTasks ?? []).filter(([start]) => start < m.render);
    return {
      ...m,
      jsBytes: sum(js),
      jsRequests: js.length,
      js,
      geoBytes: geo?.bytes ?? 0,
      totalBytes: sum(all),
      longTaskCount: m.longTasks ? before.length : NaN,
      blocking: m.longTasks ? before.reduce((s, [, d]) => s + Math.max(0, d - 50), 0) : NaN,
      maxTask: m.longTasks ? Math.max(0, ...before.map(([, d]) => d)) : NaN,
      errors,
    };
  });
}

/** The page with only <indikator-chart>: which files it requests (none may be MapLibre's). */
async function loadChartPage(browser, origin) {
  return withPage(browser, async (page) => {
    const net = await watchNetwork(page, origin, { workers: true });
    await page.goto(origin + CHART_PAGE, { timeout: TIMEOUT, waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__firstChart, { timeout: TIMEOUT, polling: 50 });
    await new Promise((r) => setTimeout(r, 1000)); // anything loaded lazily after the first chart
    await net.settle();
    return net.list();
  });
}

async function main() {
  const built = await waitForDist(NEEDED, 90, 'bench:map');
  await buildBare('bench/map/bare.js', 'bench/.build/map-bare.js', (id) => id.startsWith('/dist/')); // MapLibre stays external
  const pages = Object.fromEntries(selected.map((name) => [name, pagesOf(name)]));
  if (GEO_OVERRIDE) console.log(`BENCH_GEO: boundaries ${GEO_OVERRIDE} instead of the pages' own`);
  if (pages[NATIONWIDE]) {
    const n = await buildSynthetic(pages[NATIONWIDE].geo.slice(1));
    console.log(`${SYNTHETIC}: SYNTHETIC values for ${n} Gemeinden (performance only, not official data), valid kreisdossier file`);
  }
  const results = {};
  const chartRequests = await withChromium(async (browser, origin) => {
    console.log(`Chromium ${await browser.version()} (SwiftShader WebGL), ${WARMUP} warm-up + ${RUNS} measured loads per page and map, alternating element/bare`);
    for (const name of selected) {
      const t0 = Date.now();
      results[name] = await alternate(['element', 'bare'], RUNS, (kind) => load(browser, origin, pages[name][kind], pages[name].geo), async (kind, i, error) =>
        `${name}: ${kind} page failed on load ${i + 1} (first render must come within ${TIMEOUT / 1000} s): ${error.message}${await rebuiltNote(ENTRY, built)}`);
      console.log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    return loadChartPage(browser, origin);
  });

  // Per map and page: medians.
  const summary = {};
  for (const name of selected) {
    summary[name] = {};
    for (const kind of ['element', 'bare']) {
      const rs = results[name][kind];
      summary[name][kind] = {
        render: median(rs.map((r) => r.render)),
        min: Math.min(...rs.map((r) => r.render)),
        max: Math.max(...rs.map((r) => r.render)),
        interactive: median(rs.map((r) => r.interactive ?? NaN)),
        answered: rs.filter((r) => r.interactive).length,
        js: median(rs.map((r) => r.jsBytes)),
        jsRequests: median(rs.map((r) => r.jsRequests)),
        geo: median(rs.map((r) => r.geoBytes)),
        total: median(rs.map((r) => r.totalBytes)),
        longTasks: median(rs.map((r) => r.longTaskCount)),
        blocking: median(rs.map((r) => r.blocking)),
        maxTask: median(rs.map((r) => r.maxTask)),
        canvas: rs[0].canvas,
        classes: rs[0].classes,
      };
    }
    const pair = median(results[name].element.map((r, i) => r.render / results[name].bare[i].render));
    summary[name].ratio = summary[name].element.render / summary[name].bare.render;
    summary[name].pairRatio = pair;
  }

  const W1 = [24, 12, 11, 8, 13, 11, 11, 9, 10];
  console.log('\nTime to first complete render (median of the runs; min–max), ratio element/bare of the same run');
  table(W1, 'map', 'element', 'bare', 'ratio', 'pair ratio', 'el. min', 'el. max', 'bare min', 'bare max');
  for (const name of selected) {
    const s = summary[name];
    table(W1, name, ms(s.element.render), ms(s.bare.render), x(s.ratio), x(s.pairRatio), ms(s.element.min), ms(s.element.max), ms(s.bare.min), ms(s.bare.max));
  }

  const W2 = [30, 9, 12, 8, 12, 12, 12, 6, 10, 10];
  console.log('\nBytes (median, transferred, gzip level 9, headers included) and main thread until the first render');
  table(W2, 'map / page', 'regions', 'JS', 'JS req', 'geometry', 'geo (raw)', 'all', 'long', 'blocking', 'max task');
  for (const name of selected) {
    for (const kind of ['element', 'bare']) {
      const s = summary[name][kind];
      const regions = s.classes?.counts?.reduce((a, b) => a + b, 0) ?? '';
      table(W2, `${name} ${kind}`, regions, kb(s.js), s.jsRequests, kb(s.geo), kb(served.get(pages[name].geo)?.raw), kb(s.total), s.longTasks, ms(s.blocking), ms(s.maxTask));
    }
  }

  console.log('\nTime to interactive (median; hover near the map centre answered, ms since navigation start; first hover right after the first render)');
  const W3 = [24, 14, 14, 12, 12, 13, 10];
  table(W3, 'map', 'element', 'bare', 'el. hover', 'bare hover', 'points (max)', 'canvas');
  for (const name of selected) {
    const s = summary[name];
    const hover = (kind) => median(results[name][kind].map((r) => (r.interactive ? r.interactive - r.hoverAt : NaN)));
    const answered = (kind) => (s[kind].answered < RUNS ? ` (${s[kind].answered}/${RUNS})` : '');
    const tries = (kind) => Math.max(...results[name][kind].map((r) => r.hoverTries ?? 0));
    table(W3, name, ms(s.element.interactive) + answered('element'), ms(s.bare.interactive) + answered('bare'), ms(hover('element')), ms(hover('bare')), `${tries('element')} / ${tries('bare')}`, s.element.canvas);
  }

  // Same map on both pages? Class counts and colours of the element's legend against the bare page's classes.
  console.log('');
  let sameClasses = true;
  for (const name of selected) {
    const e = summary[name].element.classes;
    const b = summary[name].bare.classes;
    const same = JSON.stringify(e) === JSON.stringify(b);
    sameClasses &&= same;
    if (!same) console.log(`classes differ on ${name}: element ${JSON.stringify(e)}, bare ${JSON.stringify(b)}`);
  }
  if (summary[selected[0]].element.canvas !== summary[selected[0]].bare.canvas) {
    console.log(`canvas sizes differ: element ${summary[selected[0]].element.canvas}, bare ${summary[selected[0]].bare.canvas}`);
  }
  console.log(`${sameClasses ? 'same' : 'DIFFERENT'} classes, counts and colours on element and bare pages (${selected.join(', ')})`);

  for (const name of selected) {
    const s = summary[name];
    console.log(`${s.ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}  ${name}: first render ${x(s.ratio)} the bare MapLibre page ≤ ${TARGET_RATIO}× (${MAPS[name].label})`);
  }
  if (summary[NATIONWIDE]) {
    const t = summary[NATIONWIDE].element.interactive;
    console.log(`${t <= TARGET_INTERACTIVE ? 'PASS' : 'FAIL'}  ${NATIONWIDE}: element interactive after ${ms(t)} ≤ ${TARGET_INTERACTIVE} ms (first render ${ms(summary[NATIONWIDE].element.render)})`);
  }
  const mapFiles = chartRequests.filter((r) => /maplibre/i.test(r.path));
  const chartJs = chartRequests.filter(isScript);
  console.log(`${mapFiles.length ? 'FAIL' : 'PASS'}  ${CHART_PAGE} (only <indikator-chart>): ${mapFiles.length ? `loads ${mapFiles.map((r) => r.path).join(', ')}` : 'no MapLibre file requested'}; ` +
    `${chartRequests.length} requests, JS ${kb(sum(chartJs))} in ${chartJs.length} files (${chartJs.map((r) => r.path.split('/').pop()).join(', ')})`);

  // Where the time goes: the median element and bare load of each map, resources by start time.
  for (const name of selected) {
    console.log(`\nWaterfall of ${name} (the run with the median first render; ms since navigation start, start → end of response):`);
    for (const kind of ['element', 'bare']) {
      const rs = [...results[name][kind]].sort((a, b) => a.render - b.render);
      const r = rs[(rs.length - 1) >> 1];
      // (A worker script's entry has no useful end here: its start only.)
      const steps = r.resources.filter((e) => e.path !== HARNESS).map((e) => `${e.path.split('/').pop()} ${e.start.toFixed(0)}${e.end >= e.start ? `→${e.end.toFixed(0)}` : ''}`);
      console.log(`  ${kind.padEnd(8)} ${steps.join(', ')}; first render ${ms(r.render)}, interactive ${ms(r.interactive)}`);
    }
  }

  // Where the bytes go (response bodies, gzip level 9, as served).
  const bytesRow = (path) => console.log(`  ${path.slice(1).padEnd(44)} ${String(served.get(path)?.gzip).padStart(8)} ${String(served.get(path)?.raw).padStart(9)}`);
  console.log(`\nJS loaded by the element page (gzip body bytes; raw bytes):`);
  for (const { path } of results[selected[0]].element[0].js) bytesRow(path);
  console.log(`JS loaded by the bare page:`);
  for (const { path } of results[selected[0]].bare[0].js) bytesRow(path);
  console.log('Geometry and data files (gzip body bytes; raw bytes):');
  for (const name of selected) {
    for (const path of [pages[name].geo, pages[name].src]) bytesRow(path);
  }
  const errors = selected.flatMap((name) => ['element', 'bare'].flatMap((k) => results[name][k].flatMap((r) => r.errors)));
  if (errors.length) console.log(`\npage errors: ${[...new Set(errors)].join(' | ')}`);
}

await main().catch((error) => {
  console.error(`\nbench-map: ${error.message}`);
  process.exitCode = 1;
});
