// Bytes and time per view of the nationwide dossier (demo/kreisdossier.html, one catalogue as src).
//
//   npm run bench:views                       (builds dist/ and the nationwide data first)
//   node scripts/bench-views.js               (dist/ and demo/data/de/ must exist)
//   BENCH_RUNS=5 node scripts/bench-views.js
//
// For five Kreise in five Länder and three Gemeinden (one of about 300 inhabitants), each load in a fresh
// browser context with the cache disabled, served gzip-compressed from 127.0.0.1 (scripts/bench-common.js):
//   first view   the page opened at #region=KEY&topic=bevoelkerung until the dossier has rendered every
//                section and the network has been quiet for 500 ms: bytes transferred (all files but MapLibre
//                and its worker, which the targets leave out), the data and boundary files among them, the largest
//                file, and ms from navigation start to the dossier's kd-render
//   switch       then the hash is set to a neighbouring Kreis (from the catalogue; for a Gemeinde: another
//                Gemeinde of its Kreis): bytes added and ms until the new view's kd-render
// Checked on every load: no request leaves 127.0.0.1, no file of another Land's Gemeinden is fetched, no file
// is fetched twice. Baseline of the same run: the Kreisdossier Harz without a catalogue (its 20 files listed in
// src, as the embed builder preselects them), so the time of the 15085 view is also shown as a ratio to it.
// Targets (issue 15): first view of a Kreis ≤ 350 kB, a switch to a neighbouring Kreis ≤ 150 kB.
// This is a report, not a gate: exit code 0 even when a target is missed (1 only when a page fails).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { DOSSIER_FILES } from '../demo/baukasten-code.js';
import { join } from 'node:path';
import { ROOT, WARMUP, kb, median, ms, runsFromEnv, sum, table, waitForDist, watchNetwork, withChromium, withPage } from './bench-common.js';

/** Prints a table with columns as wide as their widest cell. */
function print(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)) + 2);
  table(widths, ...header);
  for (const r of rows) table(widths, ...r);
}

const RUNS = runsFromEnv(3);
const TIMEOUT = 90_000;
const FIRST_VIEW_LIMIT = 350_000;
const SWITCH_LIMIT = 150_000;
const CATALOGUE = 'demo/data/de/katalog.json';
const NEEDED = ['dist/kreisdossier.js', CATALOGUE];

/** Kreise of five Länder, and Gemeinden: a large town, a city that is its own Kreis, and one of about 300 inhabitants. */
const VIEWS = [
  { key: '15085', label: 'Harz (Sachsen-Anhalt)' },
  { key: '09162', label: 'München (Bayern)' },
  { key: '12062', label: 'Elbe-Elster (Brandenburg)' },
  { key: '03159', label: 'Göttingen (Niedersachsen)' },
  { key: '05315', label: 'Köln (Nordrhein-Westfalen)' },
  { key: '15085370', label: 'Wernigerode (Gemeinde, Harz)' },
  { key: '03241001', label: 'Hannover (Gemeinde, Region Hannover)' },
  { key: process.env.BENCH_SMALL_GEMEINDE ?? '16061014', label: 'Bornhagen (Gemeinde, 302 inhabitants)' },
];

const isMapLibre = (r) => /\/maplibre\//.test(r.path);

/** Waits until the dossier shows `key` with every section rendered, then for 500 ms without a new request. */
async function settle(page, key, network) {
  await page.waitForFunction(
    (k) => {
      const d = document.querySelector('themen-dossier');
      const busy = d?.shadowRoot?.querySelector('article')?.getAttribute('aria-busy');
      return (d?.region === k && busy === 'false' && window.__kdViews?.includes(k)) || !!d?.shadowRoot?.querySelector('[role="alert"]:not(.missing)');
    },
    { timeout: TIMEOUT, polling: 50 },
    key,
  );
  const alert = await page.evaluate(() => document.querySelector('themen-dossier')?.shadowRoot?.querySelector('[role="alert"]:not(.missing)')?.textContent?.trim());
  if (alert) throw new Error(`the dossier of ${key} shows an alert: ${alert}`);
  let count = -1;
  while (count !== network.list().length) {
    count = network.list().length;
    await new Promise((r) => setTimeout(r, 500));
  }
  await network.settle();
}

/** The other region to switch to: a neighbouring Kreis (same Land first), or for a Gemeinde another one of its Kreis. */
function nextRegion(catalogue, key, gemeinden) {
  if (key.length === 5) {
    const region = catalogue.regions.find((r) => r.key === key);
    const neighbours = region?.neighbours ?? [];
    return neighbours.find((n) => n.startsWith(key.slice(0, 2))) ?? neighbours[0];
  }
  return gemeinden.find((g) => g !== key && g.startsWith(key.slice(0, 5)));
}

/** Opens `url` in a fresh context, recording when the dossier first renders each region, and waits for `key`. */
async function openView(page, origin, url, key) {
  await page.evaluateOnNewDocument(() => {
    window.__kdViews = [];
    window.__kdRenderAt = {};
    document.addEventListener('kd-render', (e) => {
      const el = e.composedPath()[0];
      if (el?.localName !== 'themen-dossier' || !el.region) return;
      window.__kdViews.push(el.region);
      window.__kdRenderAt[el.region] ??= performance.now();
    });
  });
  const network = await watchNetwork(page, origin, { workers: true });
  await page.goto(`${origin}${url}`, { waitUntil: 'load', timeout: TIMEOUT });
  await settle(page, key, network);
  return network;
}

async function measure(browser, origin, view, next) {
  return withPage(browser, async (page) => {
    const network = await openView(page, origin, `/demo/kreisdossier.html#region=${view.key}&topic=bevoelkerung`, view.key);
    const first = network.list();
    const firstMs = await page.evaluate((k) => window.__kdRenderAt[k], view.key);
    let added = [];
    let switchMs = NaN;
    if (next) {
      const start = await page.evaluate((k) => {
        location.hash = `#region=${k}&topic=bevoelkerung`;
        return performance.now();
      }, next);
      await settle(page, next, network);
      added = network.list().slice(first.length);
      switchMs = (await page.evaluate((k) => window.__kdRenderAt[k], next)) - start;
    }
    const all = network.list();
    const land = view.key.slice(0, 2);
    const otherGemeinden = all.filter((r) => /\/gemeinden/.test(r.path) && !new RegExp(`gemeinden[^/]*-(${land}|${next?.slice(0, 2) ?? land})`).test(r.path));
    const twice = all.map((r) => r.path).filter((p, i, list) => list.indexOf(p) !== i);
    const firstShown = first.filter((r) => !isMapLibre(r));
    return {
      bytes: sum(firstShown),
      data: sum(first.filter((r) => r.path.startsWith('/demo/data/'))),
      requests: firstShown.length,
      largest: [...firstShown].sort((a, b) => b.bytes - a.bytes)[0],
      ms: firstMs,
      added: sum(added.filter((r) => !isMapLibre(r))),
      addedRequests: added.filter((r) => !isMapLibre(r)).length,
      switchMs,
      foreign: network.foreign,
      otherGemeinden: otherGemeinden.map((r) => r.path),
      twice,
    };
  });
}

/**
 * The baseline of the run: the Kreisdossier Harz without a catalogue, its 20 files listed in `src` as the embed
 * builder preselects them (demo/baukasten-code.js) — a page written to bench/.build/ by this script.
 */
const HARZ_FILES_PAGE = 'bench/.build/views-harz-files.html';
async function writeHarzFilesPage() {
  const src = DOSSIER_FILES.map((f) => `/demo/data/${f}`).join(' ');
  await mkdir(join(ROOT, 'bench/.build'), { recursive: true });
  await writeFile(
    join(ROOT, HARZ_FILES_PAGE),
    `<!doctype html>\n<html lang="de">\n<head><meta charset="utf-8"><title>Kreisdossier Harz, 20 files</title>\n<script type="module" src="/dist/kreisdossier.js"></script></head>\n<body><themen-dossier hash region="15085" topic="bevoelkerung" within="15085" src="${src}"></themen-dossier></body>\n</html>\n`,
  );
}

async function measureHarzPage(browser, origin) {
  return withPage(browser, async (page) => {
    const network = await openView(page, origin, `/${HARZ_FILES_PAGE}#region=15085&topic=bevoelkerung`, '15085');
    return { bytes: sum(network.list().filter((r) => !isMapLibre(r))), ms: await page.evaluate(() => window.__kdRenderAt['15085']) };
  });
}

await waitForDist(NEEDED, 120, 'bench:views');
await writeHarzFilesPage();
const catalogue = JSON.parse(await readFile(join(ROOT, CATALOGUE), 'utf8'));
// Gemeinde keys for the switch: from the region files of the catalogue.
const gemeinden = [];
for (const f of catalogue.regionFiles ?? []) {
  const doc = JSON.parse(await readFile(join(ROOT, 'demo/data/de', f.url), 'utf8'));
  gemeinden.push(...doc.regions.filter((r) => r.level === 'Gemeinde').map((r) => r.key));
}

let failed = false;
const rows = [];
await withChromium(async (browser, origin) => {
  const results = new Map(VIEWS.map((v) => [v.key, []]));
  const harz = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Alternating: the baseline page, then every view, so the machine's drift hits all alike.
    const h = await measureHarzPage(browser, origin).catch((e) => ((failed = true), console.error(`Harz page: ${e.message}`), undefined));
    if (i >= WARMUP && h) harz.push(h);
    for (const view of VIEWS) {
      const r = await measure(browser, origin, view, nextRegion(catalogue, view.key, gemeinden)).catch((e) => {
        failed = true;
        console.error(`${view.label}: ${e.message}`);
        return undefined;
      });
      if (i >= WARMUP && r) results.get(view.key).push(r);
    }
  }
  const harzMs = median(harz.map((h) => h.ms));
  console.log(`\nBaseline: the Harz dossier without a catalogue (20 files in src): ${kb(median(harz.map((h) => h.bytes)))}, first view ${ms(harzMs)} (median of ${harz.length})\n`);
  for (const view of VIEWS) {
    const rs = results.get(view.key);
    if (!rs.length) continue;
    const m = (f) => median(rs.map(f));
    const r = rs[0];
    const isKreis = view.key.length === 5;
    const problems = [...new Set(rs.flatMap((x) => [...x.foreign.map((u) => `foreign ${u}`), ...x.otherGemeinden.map((p) => `other Land ${p}`), ...x.twice.map((p) => `twice ${p}`)]))];
    if (problems.length) failed = true;
    rows.push([
      `${view.label} ${view.key}`,
      `${kb(m((x) => x.bytes))}${isKreis ? (m((x) => x.bytes) <= FIRST_VIEW_LIMIT ? ' ✓' : ' ✗') : ''}`,
      `${kb(m((x) => x.data))}`,
      `${m((x) => x.requests)}`,
      `${r.largest ? `${r.largest.path.replace('/demo/data/de/', '')} ${kb(r.largest.bytes)}` : ''}`,
      `${ms(m((x) => x.ms))}${view.key === '15085' ? ` (${(m((x) => x.ms) / harzMs).toFixed(2)}× without catalogue)` : ''}`,
      `${kb(m((x) => x.added))}${isKreis ? (m((x) => x.added) <= SWITCH_LIMIT ? ' ✓' : ' ✗') : ''} / ${m((x) => x.addedRequests)} req`,
      `${ms(m((x) => x.switchMs))}`,
      problems.length ? problems.join('; ') : 'ok',
    ]);
  }
});
print(['view (topic Bevölkerung)', 'first view (no MapLibre)', 'data+geo', 'requests', 'largest file', 'render', 'switch: added', 'switch render', 'checks'], rows);
console.log(`\nTargets: first view of a Kreis ≤ ${kb(FIRST_VIEW_LIMIT)}, switch to a neighbouring Kreis ≤ ${kb(SWITCH_LIMIT)} (gzip as served, MapLibre excluded). Median of ${RUNS} loads each, after ${WARMUP} warm-up rounds.`);
process.exit(failed ? 1 : 0);
