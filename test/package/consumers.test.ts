// The package as a user gets it, in the browser: pages built by scripts/consumer-apps.js (`npm run
// test:package`) from the packed tarball — a plain page with one <script type="module"> for the bundle, and a
// Vite app that imports the package — open in same-origin iframes and must render real data, with no console
// error or warning and no request to another origin.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TAG } from '../fixtures/demo-files.js';

type ProbeWindow = Window & { __problems: string[]; __kdRendered: Set<EventTarget>; __kdFailed: Set<EventTarget> };

const TAGS = Object.values(TAG);
const BASE = '/build/consumers';

before(async () => {
  const summary = await fetch(`${BASE}/summary.json`);
  if (!summary.ok) throw new Error(`${BASE}/ is missing (HTTP ${summary.status}): run \`npm run build && npm run test:package\` first`);
});

/** A consumer page in a tall iframe, after its load event; the probe must have run. */
async function openPage(path: string): Promise<{ frame: HTMLIFrameElement; win: ProbeWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '4000px';
  frame.src = `${BASE}/${path}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as ProbeWindow;
  expect(win.__problems, `${path} does not load record-problems.js`).to.be.an('array');
  return { frame, win, doc: win.document };
}

/** Waits for kd-render (or kd-error / an alert); charts and maps draw only near the viewport, so scroll there. */
async function rendered(win: ProbeWindow, el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  await waitUntil(() => win.__kdRendered.has(el) || win.__kdFailed.has(el) || !!el.shadowRoot?.querySelector('[role="alert"]'), `<${el.localName}> did not render`, {
    timeout: 20_000,
  });
  const alert = el.shadowRoot!.querySelector('[role="alert"]');
  expect(alert, `<${el.localName}>: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
  expect(win.__kdFailed.has(el), `<${el.localName}> fired kd-error`).to.equal(false);
}

/** The Harz population 2015 in the table: the value examples/bevoelkerung-harz.json holds, German format. */
async function expectTable(win: ProbeWindow, doc: Document): Promise<void> {
  const table = doc.querySelector('indikator-tabelle')!;
  await rendered(win, table);
  const cells = [...table.shadowRoot!.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
  expect(cells.some((c) => c.startsWith('221.366')), `table cells: ${cells.join(' | ')}`).to.equal(true);
}

/** Chart.js drew: it sizes the canvas to its box (an untouched canvas keeps 300 × 150 and no style). */
async function expectChart(win: ProbeWindow, doc: Document): Promise<void> {
  const chart = doc.querySelector('indikator-chart')!;
  await rendered(win, chart);
  const canvas = chart.shadowRoot!.querySelector('canvas');
  expect(canvas, 'chart canvas').to.exist;
  expect(canvas!.hasAttribute('style') && canvas!.width > 0 && canvas!.height > 0, 'chart canvas drawn').to.equal(true);
}

/** MapLibre was found beside the package's files and drew with WebGL. */
async function expectMap(win: ProbeWindow, doc: Document): Promise<void> {
  const map = doc.querySelector('kreis-map')!;
  await rendered(win, map);
  const notice = map.shadowRoot!.querySelector('[part="notice"]');
  expect(notice, `map notice: ${notice?.textContent?.trim() ?? ''}`).to.be.null;
  expect(map.shadowRoot!.querySelector('figure .maplibre canvas'), 'map canvas').to.exist;
}

/** The picker rendered its combobox with the data's regions. */
async function expectPicker(win: ProbeWindow, doc: Document): Promise<void> {
  const picker = doc.querySelector('region-auswahl')!;
  await rendered(win, picker);
  expect(picker.shadowRoot!.querySelector('input[role="combobox"]'), 'combobox').to.exist;
}

/** Console errors and warnings, failed loads, uncaught errors; and every request went to this server. */
async function expectQuietAndLocal(win: ProbeWindow): Promise<void> {
  await new Promise((r) => setTimeout(r, 100)); // late rejections
  expect(win.__problems, 'console errors/warnings and failed loads').to.deep.equal([]);
  const requests = ((await executeServerCommand('record-requests', { action: 'stop' })) as string[] | undefined) ?? [];
  expect(requests.length, 'requests recorded').to.be.greaterThan(2);
  expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== location.origin), 'requests to other origins').to.deep.equal([]);
}

const defined = (win: ProbeWindow) => TAGS.filter((tag) => win.customElements.get(tag));

describe('the packed package in a consumer page', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('plain page: one <script type="module"> for kreisdossier.bundle.js renders table, chart, map and picker', async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const page = await openPage('plain/index.html');
    frame = page.frame;
    const scripts = [...page.doc.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src')!);
    // (the test server adds its own web socket script to every HTML page)
    expect(scripts.filter((src) => !src.startsWith('/__web-dev-server'))).to.deep.equal(['assets/kreisdossier/kreisdossier.bundle.js']);
    await waitUntil(() => defined(page.win).length === TAGS.length, `elements defined: ${defined(page.win).join(', ')}`);
    await expectTable(page.win, page.doc);
    await expectChart(page.win, page.doc);
    await expectMap(page.win, page.doc);
    await expectPicker(page.win, page.doc);
    await expectQuietAndLocal(page.win);
  });

  it("Vite app: import 'kreisdossier' and kreisdossier/format.js render table, chart and picker and validate data", async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const page = await openPage('vite-app/index.html');
    frame = page.frame;
    await waitUntil(() => defined(page.win).length === TAGS.length, `elements defined: ${defined(page.win).join(', ')}`);
    await expectTable(page.win, page.doc);
    await expectChart(page.win, page.doc);
    await expectPicker(page.win, page.doc);
    await waitUntil(() => page.doc.querySelector('#validation')!.textContent, 'no validation result');
    expect(page.doc.querySelector('#validation')!.textContent).to.equal('gültig: 126 Beobachtungen (kreisdossier data format 1.x)');
    await expectQuietAndLocal(page.win);
  });

  it('Vite app: the element entries, imported only for their side effect, are kept and register only their elements', async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const page = await openPage('vite-app/single.html');
    frame = page.frame;
    await waitUntil(() => defined(page.win).length === 4, `elements defined: ${defined(page.win).join(', ')}`);
    expect(defined(page.win)).to.deep.equal(['indikator-tabelle', 'indikator-chart', 'kreis-map', 'region-auswahl']);
    await expectTable(page.win, page.doc);
    await expectChart(page.win, page.doc);
    await expectPicker(page.win, page.doc);
    await expectQuietAndLocal(page.win);
  });

  // A bundler copies each file the chunks name with `new URL(…, import.meta.url)` under a hashed name: MapLibre
  // and its worker are both named (kreis-map/maplibre-url.ts), so the worker is not looked for beside MapLibre.
  it('Vite app: <kreis-map> finds MapLibre and its worker as the bundler emitted them, and draws', async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const page = await openPage('vite-app/map.html');
    frame = page.frame;
    await expectMap(page.win, page.doc);
    await expectQuietAndLocal(page.win);
  });

  it('Vite app: kreisdossier/format.js alone validates and registers no element', async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const page = await openPage('vite-app/format.html');
    frame = page.frame;
    await waitUntil(() => page.doc.querySelector('#validation')!.textContent, 'no validation result');
    expect(page.doc.querySelector('#validation')!.textContent).to.equal('gültig: 126 Beobachtungen');
    expect(defined(page.win)).to.deep.equal([]);
    await expectQuietAndLocal(page.win);
  });
});
