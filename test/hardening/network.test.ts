// Issue 7, part 4: network faults. Every element kind, German and English: HTTP errors, a timeout, a refused
// connection, an HTML page instead of JSON, a cross-origin file the server does not allow (CORS), a slow file
// (a reserved-size placeholder first, then the content) and a retry that fetches again and succeeds. The map
// also with failing boundary files, the dossier with one failing file among several. Nothing reaches the page
// as an uncaught error or unhandled rejection (guardPage).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/kreisdossier.js';
import { guardPage } from '../fixtures/page-guard.js';
import { text } from '../fixtures/shadow.js';
import { KINDS, TAG, type Kind } from '../fixtures/demo-files.js';


const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';
const GEO = '/examples/st-kreise-2021.geojson';
/** A boundary-only file (regions and a geometry reference), as dossiers load beside their data. */
const GEO_REF = '/demo/data/geo/grenzen-kreise.json';

/** Attributes each kind needs to show the examples (the unemployment rates, and the population of Harz the test server sends). */
const BASE: Record<Kind, Record<string, string>> = {
  table: { region: '15085' },
  chart: { region: '15085' },
  map: { geo: GEO, region: '15' },
  picker: {},
  dossier: { region: '15085' },
};

/** Height each kind reserves while loading (px at 16px/rem; the dossier a viewport). */
const RESERVED: Record<Kind, () => number> = {
  table: () => 12 * 16 - 2,
  chart: () => 33 * 16 - 2,
  map: () => 42 * 16 - 2,
  picker: () => 4.5 * 16 - 2,
  dossier: () => innerHeight - 2,
};

const abs = (path: string) => new URL(path, location.href).href;
const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
type KdEl = HTMLElement & { updateComplete: Promise<unknown> };

function element(kind: Kind, attrs: Record<string, string>, lang?: string): KdEl {
  const el = document.createElement(TAG[kind]) as KdEl;
  for (const [name, value] of Object.entries({ ...BASE[kind], ...attrs })) el.setAttribute(name, value);
  if (lang) el.setAttribute('lang', lang);
  return el;
}

/** Side by side at the top of the page, where charts and maps draw. */
async function mount(...els: HTMLElement[]): Promise<HTMLDivElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 900px; display: grid; grid-template-columns: repeat(2, 1fr); align-items: start"></div>`);
  wrapper.append(...els);
  return wrapper;
}

const alertOf = (el: Element) => el.shadowRoot?.querySelector('[role="alert"]:not(.missing)') ?? null;

async function alerted(...els: KdEl[]): Promise<void> {
  await waitUntil(() => els.every(alertOf), `no alert in ${els.map((e) => e.localName).join(', ')}`, { timeout: 8000 });
  await Promise.all(els.map((e) => e.updateComplete));
}

const rendered = (el: Element, timeout = 10_000) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`<${el.localName}> did not render: ${text(alertOf(el))}`)), timeout);
    el.addEventListener('kd-render', () => (clearTimeout(timer), resolve()), { once: true });
  });

type Said = [string, string];
const TITLE: Said = ['Die Daten können nicht angezeigt werden.', 'The data cannot be shown.'];
const RETRY: Said = ['Erneut versuchen', 'Try again'];
const M = {
  http: (url: string, status: number): Said => [
    `Der Server hat die Datei ${url} nicht geliefert (HTTP-Status ${status}).`,
    `The server did not deliver the file ${url} (HTTP status ${status}).`,
  ],
  timeout: (url: string, de: string, en: string): Said => [`Die Datei ${url} kam nicht innerhalb von ${de} Sekunden an.`, `The file ${url} did not arrive within ${en} seconds.`],
  network: (url: string): Said => [
    `Die Datei ${url} konnte nicht geladen werden (keine Verbindung, oder der Server erlaubt den Abruf nicht).`,
    `The file ${url} could not be loaded (no connection, or the server does not allow the request).`,
  ],
  json: (url: string): Said => [`Die Datei ${url} ist keine gültige JSON-Datei.`, `The file ${url} is not a valid JSON file.`],
};

/**
 * The German and the English element show `said` in their alert, with a retry button exactly when
 * `retry`, and each warns in the console naming the element and the file.
 */
function expectAlerts(de: Element, en: Element, said: Said, retry: boolean, warnings: string[], url: string, tag = de.localName): void {
  const [deAlert, enAlert] = [alertOf(de), alertOf(en)];
  expect(text(deAlert)).to.contain(TITLE[0]).and.contain(said[0]);
  expect(text(enAlert)).to.contain(TITLE[1]).and.contain(said[1]);
  const [deButton, enButton] = [deAlert, enAlert].map((a) => a!.querySelector('button[part="retry"]'));
  if (retry) {
    expect(text(deButton)).to.equal(RETRY[0]);
    expect(text(enButton)).to.equal(RETRY[1]);
  } else {
    expect(deButton, 'no retry for a file that is not JSON').to.equal(null);
    expect(enButton).to.equal(null);
  }
  const named = warnings.filter((w) => w.includes(`<${tag}>`) && w.includes(url));
  expect(named, warnings.join('\n')).to.have.length.of.at.least(2);
}

describe('network faults', function () {
  this.timeout(30_000);
  const page = guardPage();

  // First in this file: the English texts are not loaded yet on this page.
  it('an English element waiting for a slow file never says "Daten werden geladen" (nor anything German)', async () => {
    const url = abs(`/__test__/slow/500?${unique('first')}`);
    const el = element('table', { src: url }, 'en');
    const said = new Set<string>();
    const observer = new MutationObserver(() => said.add(text(el.shadowRoot?.querySelector('[part="placeholder"]'))));
    const done = rendered(el);
    await mount(el);
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    said.add(text(el.shadowRoot!.querySelector('[part="placeholder"]')));
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part="placeholder"]')) === 'Loading data …', 'the English placeholder', { timeout: 2000 });
    await done;
    observer.disconnect();
    said.delete('');
    expect([...said]).to.deep.equal(['Loading data …']);
  });

  for (const kind of KINDS) {
    describe(`<${TAG[kind]}>`, () => {
      it('HTTP 404: an alert naming the file and the status, with a retry button; accessible', async () => {
        const url = abs('/__test__/status/404');
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.http(url, 404), true, page.warnings(), url);
        await expect(de).to.be.accessible();
        await expect(en).to.be.accessible();
      });

      it('HTTP 500', async () => {
        const url = abs('/__test__/status/500');
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.http(url, 500), true, page.warnings(), url);
      });

      it('timeout (timeout="200", the file takes 2 s)', async () => {
        const url = abs(`/__test__/slow/2000?${unique('timeout')}`);
        const [de, en] = [element(kind, { src: url, timeout: '200' }), element(kind, { src: url, timeout: '200' }, 'en')];
        const start = performance.now();
        await mount(de, en);
        await alerted(de, en);
        expect(performance.now() - start, 'gave up after its timeout, not after the file').to.be.below(1500);
        expectAlerts(de, en, M.timeout(url, '0,2', '0.2'), true, page.warnings(), url);
      });

      it('connection refused (a port on 127.0.0.1 nobody listens on)', async () => {
        const port = (await (await fetch('/__test__/closed-port')).json()) as number;
        const url = `http://127.0.0.1:${port}/daten.json`;
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.network(url), true, page.warnings(), url);
      });

      it('an HTML page (status 200) instead of JSON: no retry, it would not help', async () => {
        const url = abs('/__test__/html');
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.json(url), false, page.warnings(), url);
      });

      it('CORS: a file on another origin that sends no CORS headers (the server answered, the browser withheld it)', async () => {
        const name = unique('cors');
        // localhost is another origin than the page's 127.0.0.1: same server, no Access-Control-Allow-Origin.
        const url = `http://localhost:${location.port}/__test__/example/${name}`;
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.network(url), true, page.warnings(), url);
        // It reached the server and was answered (once, for both elements): the failure is the browser's CORS check.
        expect(await (await fetch(`/__test__/count/${name}`)).json()).to.equal(1);
        expect(await (await fetch(`/__test__/example/${name}`)).ok, 'the same file from the page origin loads').to.equal(true);
      });

      it('slow file: a reserved-size placeholder (role="status") first, then the content', async () => {
        const url = abs(`/__test__/slow/700?${unique('slow')}`);
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        const done = Promise.all([rendered(de), rendered(en)]);
        await mount(de, en);
        await Promise.all([de.updateComplete, en.updateComplete]);
        const placeholder = (el: Element) => el.shadowRoot!.querySelector('[part="placeholder"]');
        for (const el of [de, en]) {
          expect(placeholder(el)?.getAttribute('role')).to.equal('status');
          expect(el.getBoundingClientRect().height, `height reserved by <${el.localName}>`).to.be.at.least(RESERVED[kind]());
          expect(alertOf(el)).to.equal(null);
        }
        expect(text(placeholder(de))).to.equal('Daten werden geladen …');
        await waitUntil(() => text(placeholder(en)) === 'Loading data …', 'the English placeholder', { timeout: 2000 });
        await done;
        for (const el of [de, en]) {
          expect(placeholder(el)).to.equal(null);
          expect(alertOf(el)).to.equal(null);
        }
        expect(page.warnings()).to.deep.equal([]);
      });

      it('retry: "Erneut versuchen" fetches again and then shows the data', async () => {
        const url = abs(`/__test__/flaky/${unique(kind)}`);
        const [de, en] = [element(kind, { src: url }), element(kind, { src: url }, 'en')];
        await mount(de, en);
        await alerted(de, en);
        expectAlerts(de, en, M.http(url, 503), true, page.warnings(), url);
        const done = Promise.all([rendered(de), rendered(en)]);
        (alertOf(de)!.querySelector('button') as HTMLButtonElement).click();
        (alertOf(en)!.querySelector('button') as HTMLButtonElement).click();
        await done;
        expect(alertOf(de)).to.equal(null);
        expect(alertOf(en)).to.equal(null);
      });
    });
  }

  describe('<kreis-map>: boundary files', () => {
    const map = (geo: string, lang?: string, extra: Record<string, string> = {}) => element('map', { src: ALQ, geo, ...extra }, lang);

    it('boundary file 404: the alert names the boundary file, with a retry button', async () => {
      const url = abs(`/__test__/status/404?${unique('geo')}`);
      const [de, en] = [map(url), map(url, 'en')];
      await mount(de, en);
      await alerted(de, en);
      expectAlerts(de, en, M.http(url, 404), true, page.warnings(), url);
      await expect(de).to.be.accessible();
    });

    it('boundary file is an HTML page: no retry', async () => {
      const url = abs(`/__test__/html?${unique('geo')}`);
      const [de, en] = [map(url), map(url, 'en')];
      await mount(de, en);
      await alerted(de, en);
      expectAlerts(de, en, M.json(url), false, page.warnings(), url);
      expect(page.warnings().join('\n')).to.contain(`${url}: $: Kein gültiges JSON`);
    });

    it('boundary file times out', async () => {
      const url = abs(`/__test__/slow/2000?${unique('geo')}`);
      const [de, en] = [map(url, undefined, { timeout: '300' }), map(url, 'en', { timeout: '300' })];
      await mount(de, en);
      await alerted(de, en);
      expectAlerts(de, en, M.timeout(url, '0,3', '0.3'), true, page.warnings(), url);
    });

    it('retry after a failed boundary file fetches it again, and the map draws', async () => {
      // Down (503) until switched on: the map may ask twice (an early prefetch, then the load), both fail.
      const name = unique('geo');
      const url = abs(`/__test__/switch/${name}`);
      const de = map(url);
      await mount(de);
      await alerted(de);
      expect(text(alertOf(de))).to.contain(M.http(url, 503)[0]);
      await fetch(`/__test__/switch-on/${name}`);
      const done = rendered(de);
      (alertOf(de)!.querySelector('button') as HTMLButtonElement).click();
      await done;
      expect(alertOf(de)).to.equal(null);
      expect(de.shadowRoot!.querySelector('.maplibre canvas')).to.exist;
    });
  });

  describe('<themen-dossier>: one of several files fails', () => {
    it('one clear alert naming that file, nothing else; retry loads all and shows the dossier', async () => {
      const failing = abs(`/__test__/flaky/${unique('dossier')}`);
      const src = `${ALQ} ${GEO_REF} ${failing}`;
      const [de, en] = [element('dossier', { src }), element('dossier', { src }, 'en')];
      await mount(de, en);
      await alerted(de, en);
      expectAlerts(de, en, M.http(failing, 503), true, page.warnings(), failing);
      for (const el of [de, en]) {
        expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
        expect(text(alertOf(el))).not.to.contain(abs(ALQ));
        expect(el.shadowRoot!.querySelector('article, indikator-chart, kreis-map')).to.equal(null);
      }
      const done = Promise.all([rendered(de), rendered(en)]);
      (alertOf(de)!.querySelector('button') as HTMLButtonElement).click();
      (alertOf(en)!.querySelector('button') as HTMLButtonElement).click();
      await done;
      expect(alertOf(de)).to.equal(null);
      expect(de.shadowRoot!.querySelector('article')).to.exist;
    });

    it('a missing file in the middle of the list: the alert names it (HTTP 404), not the files that loaded', async () => {
      const missing = abs(`/__test__/status/404?${unique('dossier')}`);
      const el = element('dossier', { src: `${ALQ} ${missing} ${GEO_REF}` });
      await mount(el);
      await alerted(el);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(text(alertOf(el))).to.contain(M.http(missing, 404)[0]);
      await expect(el).to.be.accessible();
    });
  });
});
