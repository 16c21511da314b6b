// The folder `kreisdossier dossier` writes, served on its own as a webmaster's server would (MIME types, the
// Content-Security-Policy header its README gives) and opened in headless Chromium: the dossier renders with
// maps and charts, every request stays on the origin and succeeds, and the browser reports no CSP violation —
// on the Kreis's page, a Gemeinde's page (from the URL hash) and with every topic at once.
// Needs dist/ (`npm run build`) and Chromium (/usr/bin/chromium or CHROME_PATH), as the browser tests do.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { HEADER_CSP } from '../dossier/page.js';
import { makeCatalogueFolder, ROOT } from './dossier-fixture.js';
import { run } from './run-cli.js';

const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.txt': 'text/plain', '.md': 'text/plain' };

const work = mkdtempSync(join(tmpdir(), 'kd-dossier-browser-'));
const folder = join(work, 'harz');
let server: Server;
let origin = '';
let browser: Browser;

before(async () => {
  assert.ok(readFileSync(join(ROOT, 'dist/kreisdossier.bundle.js'), 'utf8').includes('kreisdossierCatalogue'), 'dist/ predates catalogue support: run npm run build');
  await makeCatalogueFolder(join(work, 'quelle'));
  const r = await run('dossier', '--data', join(work, 'quelle'), '--region', '15085', '--gemeinden', '-o', folder);
  assert.equal(r.code, 0, r.err);
  // The folder alone, as the README tells a server to send it.
  server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(folder, path);
    if (!file.startsWith(folder) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' };
    if (file.endsWith('.html')) headers['content-security-policy'] = HEADER_CSP;
    response.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  rmSync(work, { recursive: true, force: true });
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

interface Visit {
  page: Page;
  responses: Array<{ url: string; status: number }>;
  failed: string[];
}

async function visit(hash: string): Promise<Visit> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  const responses: Visit['responses'] = [];
  const failed: string[] = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('pageerror', (e) => failed.push(`page error: ${(e as Error).message}`));
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/${hash}`);
  // Sections arrive a few per task; then every chart and map is scrolled into view, as they draw only near it.
  await page.waitForFunction(() => document.querySelector('themen-dossier')?.shadowRoot?.querySelector('article[aria-busy="false"]'), { timeout: 30_000 });
  await page.evaluate(async () => {
    for (const el of document.querySelector('themen-dossier')!.shadowRoot!.querySelectorAll('kreis-map, indikator-chart')) {
      el.scrollIntoView({ block: 'center' });
      await new Promise((r) => setTimeout(r, 150));
    }
  });
  await page.waitForFunction(
    () => [...document.querySelector('themen-dossier')!.shadowRoot!.querySelectorAll('kreis-map')].every((m) => m.shadowRoot?.querySelector('.maplibre canvas') || m.shadowRoot?.querySelector('[role="alert"]')),
    { timeout: 30_000 },
  );
  return { page, responses, failed };
}

async function check({ page, responses, failed }: Visit, title: RegExp): Promise<void> {
  const state = await page.evaluate(() => {
    const root = document.querySelector('themen-dossier')!.shadowRoot!;
    const inner = [...root.querySelectorAll('kreis-map, indikator-chart, indikator-tabelle, region-auswahl')];
    return {
      violations: (window as unknown as { __violations: string[] }).__violations,
      title: root.querySelector('#dossier-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      alerts: [root, ...inner.map((e) => e.shadowRoot!)].flatMap((r) => [...r.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.replace(/\s+/g, ' ').trim())),
      maps: root.querySelectorAll('kreis-map').length,
      drawn: [...root.querySelectorAll('kreis-map')].filter((m) => m.shadowRoot?.querySelector('.maplibre canvas')).length,
      charts: root.querySelectorAll('indikator-chart').length,
    };
  });
  assert.deepEqual(state.violations, [], 'CSP violations');
  assert.deepEqual(failed, [], 'failed requests or page errors');
  for (const r of responses) {
    assert.ok(r.url.startsWith(`${origin}/`), `a request to another origin: ${r.url}`);
    assert.equal(r.status, 200, `${r.url}: HTTP ${r.status}`);
  }
  assert.ok(responses.some((r) => r.url.endsWith('/kreisdossier/maplibre/maplibre-gl-worker.mjs')), 'the map worker came from the folder');
  assert.match(state.title, title);
  assert.deepEqual(state.alerts, []);
  assert.ok(state.maps >= 1 && state.drawn === state.maps, `maps drawn: ${state.drawn} of ${state.maps}`);
  assert.ok(state.charts >= 1);
  await page.close();
}

describe('the dossier folder in a browser, on its own, under its CSP', { timeout: 180_000 }, () => {
  it('the Kreis’s page', async () => {
    await check(await visit(''), /Bevölkerung – Landkreis Harz/);
  });

  it('a Gemeinde’s page, every topic (from the URL hash)', async () => {
    await check(await visit('#region=15085370&topic=alle'), /Wernigerode/);
  });
});
