// The demo site, served with the strict CSP of demo/csp.js, as a visitor gets it: every page renders all
// its kreisdossier elements, passes axe, causes zero CSP violations and requests nothing from other hosts.
// The pages are loaded in same-origin iframes.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { STRICT_CSP } from '../demo/csp.js';
import { DOSSIER_FILES, GEO_ATTRIBUTION, escapeHtml, snippet } from '../demo/baukasten-code.js';

type AxeResults = { violations: Array<{ id: string; impact?: string; help: string; nodes: Array<{ target: unknown; html: string; failureSummary?: string }> }> };
type DemoWindow = Window & {
  __cspViolations: string[];
  __kdRendered: Set<EventTarget>;
  __kdFailed: Set<EventTarget>;
  axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> };
};

/** Every page in the demo navigation, in its order; each is checked in full. */
const NAV_PAGES = ['index.html', 'alle-elemente.html', 'zeitung.html', 'initiative.html', 'kreisdossier.html', 'kreisdossier-harz.html', 'baukasten.html'];
const PAGES = NAV_PAGES;

const KD_ELEMENTS = 'indikator-tabelle, indikator-chart, kreis-map, region-auswahl, themen-dossier';

// The pages load the built library, as a CMS page would: without dist/ nothing on them can render.
before(async () => {
  const bundle = await fetch('/dist/kreisdossier.bundle.js', { method: 'HEAD' });
  if (!bundle.ok) throw new Error(`dist/kreisdossier.bundle.js is missing (HTTP ${bundle.status}): run \`npm run build\` before the demo tests`);
});

/** The page's source as served, after checking it exists and carries the strict CSP. */
async function servedPage(file: string): Promise<string> {
  const response = await fetch(`/demo/${file}`);
  if (response.status === 404) throw new Error(`demo/${file} does not exist (HTTP 404) — the page is linked from the demo navigation and must be created`);
  expect(response.status, `demo/${file}: HTTP status`).to.equal(200);
  expect(response.headers.get('Content-Security-Policy'), `demo/${file}: CSP header`).to.equal(STRICT_CSP);
  return response.text();
}

/** A demo page in a tall iframe (the whole page laid out at once; elements are scrolled into view to draw). */
async function openPage(file: string, width = 1000): Promise<{ frame: HTMLIFrameElement; win: DemoWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '9000px';
  frame.src = `/demo/${file}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as DemoWindow;
  expect(win.__cspViolations, `demo/${file} does not load csp-report.js`).to.be.an('array');
  return { frame, win, doc: win.document };
}

/** Label of an element in messages. */
function describeElement(el: Element): string {
  return `<${el.localName}${['src', 'type', 'indicator', 'region'].map((a) => (el.hasAttribute(a) ? ` ${a}="${el.getAttribute(a)}"` : '')).join('')}>`;
}

/**
 * Waits until an element has rendered (kd-render, recorded by csp-report.js from the start of the page)
 * or shows its alert. Charts and maps draw only near the viewport — for a same-origin frame the top-level
 * one — so the element is scrolled into view first.
 */
async function rendered(win: DemoWindow, el: Element, timeout = 20_000): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  await waitUntil(
    () => win.__kdRendered.has(el) || win.__kdFailed.has(el) || !!el.shadowRoot?.querySelector('[role="alert"]'),
    `${describeElement(el)} did not render`,
    { timeout },
  );
}

async function renderAll(win: DemoWindow): Promise<Element[]> {
  const elements = [...win.document.querySelectorAll(KD_ELEMENTS)];
  for (const el of elements) await rendered(win, el);
  return elements;
}

/** The origins of every resource the page requested. */
function requestOrigins(win: DemoWindow): string[] {
  return [...new Set((win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => new URL(e.name).origin))];
}

/**
 * Runs axe-core inside the page's own window (axe measures colours and layout with the window it runs in).
 * The script is a same-origin file, so the page's CSP allows it.
 */
async function axe(win: DemoWindow): Promise<AxeResults> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('axe-core could not be loaded')), { once: true });
    });
    win.document.head.append(script);
    await loaded;
  }
  return win.axe!.run(win.document, { resultTypes: ['violations'] });
}

function axeReport(results: AxeResults): string {
  return results.violations
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help}\n${v.nodes.map((n) => `  ${String(n.target)}: ${n.html}\n  ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

describe('demo site', () => {
  for (const file of PAGES) {
    describe(file, () => {
      it('is a static page a strict CSP allows: no inline script, style or handler; German; skip link, navigation, footer', async () => {
        const source = await servedPage(file);
        const page = new DOMParser().parseFromString(source, 'text/html');
        expect(page.documentElement.lang).to.equal('de');
        expect(page.title, 'title').to.not.equal('');
        expect(page.querySelectorAll('h1'), 'one h1').to.have.length(1);
        expect(page.querySelectorAll('style'), '<style> blocks').to.have.length(0);
        expect(page.querySelectorAll('[style]'), 'style attributes').to.have.length(0);
        const inline = [...page.querySelectorAll('script')].filter((s) => !s.src && s.type !== 'application/json');
        expect(inline.map((s) => s.outerHTML), 'inline scripts').to.deep.equal([]);
        const handlers = [...page.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.localName} ${a.name}`));
        expect(handlers, 'on* handlers').to.deep.equal([]);
        // Everything the page refers to lies on this server (relative URLs only; data: only for the empty icon).
        const urls = [...page.querySelectorAll('[src], [href]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '');
        expect(urls.filter((u) => (/^[a-z][a-z0-9+.-]*:/i.test(u) && u !== 'data:,') || u.startsWith('//')), 'absolute URLs').to.deep.equal([]);
        // If the page shows elements, it loads the library as a webmaster would: the one bundle file.
        if (page.querySelector(KD_ELEMENTS)) {
          // (The dossier page takes the modular entry, which fetches Chart.js and MapLibre only when needed.)
          expect(page.querySelector('script[type="module"][src="../dist/kreisdossier.bundle.js"], script[type="module"][src="../dist/kreisdossier.js"]'), 'bundle script').to.exist;
        }
        expect(page.querySelector('head script[src="csp-report.js"]:not([type])'), 'csp-report.js').to.exist;

        // Skip link to the main content.
        const skip = page.querySelector('body > a.skip-link');
        expect(skip?.getAttribute('href')).to.equal('#inhalt');
        expect(page.querySelector('main#inhalt')).to.exist;
        // The demo navigation: every page, the current one marked.
        const links = [...page.querySelectorAll('header nav a')];
        expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(NAV_PAGES);
        expect(links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.getAttribute('href'))).to.deep.equal([file]);
        // The footer names where the data come from.
        expect(page.querySelector('footer')?.textContent).to.match(/Quellen/);
      });

      it('renders every element and passes axe, with zero CSP violations and only same-origin requests', async function () {
        this.timeout(120_000);
        await servedPage(file);
        await executeServerCommand('record-requests', { action: 'start' });
        const { frame, win } = await openPage(file);
        const elements = await renderAll(win);
        for (const el of elements) {
          // The only alert on the whole site is the error example at the end of alle-elemente.html.
          if (file === 'alle-elemente.html' && el.getAttribute('region') === '15099') continue;
          const alert = el.shadowRoot?.querySelector('[role="alert"]');
          expect(alert, `${describeElement(el)}: ${alert?.textContent?.trim() ?? ''}`).to.be.null;
        }
        // Charts drew on their canvas; maps found MapLibre beside the bundle (dist/maplibre/) and drew with WebGL.
        for (const chart of elements.filter((e) => e.localName === 'indikator-chart' && !e.shadowRoot!.querySelector('[role="alert"]'))) {
          expect(drawn(chart), `${describeElement(chart)}: canvas not drawn`).to.equal(true);
        }
        for (const map of elements.filter((e) => e.localName === 'kreis-map')) {
          const notice = map.shadowRoot!.querySelector('[part="notice"]');
          expect(notice, `${describeElement(map)}: ${notice?.textContent?.trim() ?? ''}`).to.be.null;
          expect(map.shadowRoot!.querySelector('figure .maplibre canvas'), `${describeElement(map)}: no canvas`).to.exist;
        }
        if (file === 'alle-elemente.html') {
          // Four tables (the last one the error example), four charts, two maps.
          const tables = elements.filter((e) => e.localName === 'indikator-tabelle');
          expect(tables).to.have.length(4);
          expect(elements.filter((e) => e.localName === 'indikator-chart')).to.have.length(4);
          expect(elements.filter((e) => e.localName === 'kreis-map')).to.have.length(2);
          expect(tables.filter((el) => el.shadowRoot!.querySelector('table'))).to.have.length(3);
          expect(tables[3]!.shadowRoot!.querySelector('[role="alert"]')).to.exist;
        }
        expect(win.__cspViolations, 'CSP violations').to.deep.equal([]);
        expect(requestOrigins(win), 'request origins').to.deep.equal([location.origin]);

        const results = await axe(win);
        expect(results.violations, axeReport(results)).to.deep.equal([]);
        // axe itself is a same-origin file and needs nothing the CSP forbids.
        expect(win.__cspViolations, 'CSP violations after axe').to.deep.equal([]);
        // Privacy: every request the browser made (as DevTools saw it, so also ones that would never arrive
        // anywhere) went to this server. data: URLs are no requests.
        const requests = ((await executeServerCommand('record-requests', { action: 'stop' })) as string[] | undefined) ?? [];
        expect(requests.length, 'requests recorded').to.be.greaterThan(2);
        expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== location.origin), 'requests to other origins').to.deep.equal([]);
        frame.remove();
      });
    });
  }

  it('the request recorder sees a request to another host (control for the privacy checks)', async () => {
    await executeServerCommand('record-requests', { action: 'start' });
    const url = 'http://192.0.2.1/kreisdossier-privacy-control.png'; // TEST-NET-1: never routed
    new Image().src = url;
    // DevTools reports the request asynchronously: wait until the recorder has it (or give up after 5 s).
    const seen = async () => (((await executeServerCommand('record-requests', { action: 'peek' })) as string[] | undefined) ?? []).includes(url);
    for (let i = 0; i < 50 && !(await seen()); i++) await new Promise((r) => setTimeout(r, 100));
    const requests = ((await executeServerCommand('record-requests', { action: 'stop' })) as string[] | undefined) ?? [];
    expect(requests).to.include('http://192.0.2.1/kreisdossier-privacy-control.png');
  });

  it('alle-elemente.html shows the exact CSP header it is served with', async () => {
    const source = await servedPage('alle-elemente.html');
    const page = new DOMParser().parseFromString(source, 'text/html');
    expect(page.getElementById('csp-wert')?.textContent).to.equal(STRICT_CSP);
    expect(page.querySelector('h1')?.textContent).to.equal('Alle Elemente unter strenger Content-Security-Policy');
  });

  it('the Kreisdossier Harz page is the nationwide page with a preset: the same catalogue, Harz and its Gemeinden', async () => {
    const harz = new DOMParser().parseFromString(await servedPage('kreisdossier-harz.html'), 'text/html').querySelector('themen-dossier')!;
    const all = new DOMParser().parseFromString(await servedPage('kreisdossier.html'), 'text/html').querySelector('themen-dossier')!;
    expect(harz.getAttribute('src')).to.equal(all.getAttribute('src'));
    expect(harz.getAttribute('src')).to.equal('data/de/katalog.json');
    expect([harz.getAttribute('region'), harz.getAttribute('within')]).to.deep.equal(['15085', '15085']);
    // The embed builder's dossier preset lists the same figures file by file (for a site without the catalogue).
    for (const f of DOSSIER_FILES) expect((await fetch(`/demo/data/${f}`, { method: 'HEAD' })).status, f).to.equal(200);
  });

  it('the landing page links every demo page, including the Harz dossier', async () => {
    const page = new DOMParser().parseFromString(await servedPage('index.html'), 'text/html');
    expect(page.title).to.equal('kreisdossier – Demo');
    const listed = [...page.querySelectorAll('main .seiten a')].map((a) => a.getAttribute('href'));
    expect(listed).to.deep.equal(NAV_PAGES.filter((p) => p !== 'index.html'));
    expect(page.querySelector('main a[href="kreisdossier-harz.html"]')?.closest('li')?.textContent).to.contain(
      'Kreisdossier Harz – alle Themen für den Landkreis und seine 20 Gemeinden',
    );
  });

  // Every number in the article and on the initiative page is marked up with where it comes from.
  for (const file of ['zeitung.html', 'initiative.html']) {
    it(`${file}: every number in the text is the one in the data`, async () => {
      const page = new DOMParser().parseFromString(await servedPage(file), 'text/html');
      const numbers = [...page.querySelectorAll('main data.zahl')] as HTMLDataElement[];
      expect(numbers.length).to.be.greaterThan(3);
      for (const data of numbers) {
        const files = data.dataset['datei']!.split(' ');
        const periods = data.dataset['zeit']!.split(' ');
        const n = Math.max(files.length, periods.length);
        const values: number[] = [];
        for (let i = 0; i < n; i++) {
          values.push(await officialValue(files[Math.min(i, files.length - 1)]!, data.dataset['indikator'], data.dataset['region']!, periods[Math.min(i, periods.length - 1)]!));
        }
        const [a, b] = values as [number, number];
        const kind = data.dataset['art'] ?? 'wert';
        const formulas: Record<string, () => number> = {
          wert: () => a,
          differenz: () => Math.abs(b - a),
          prozent: () => round1((Math.abs(b - a) / a) * 100),
          index: () => round1((b / a) * 100),
        };
        const expected = formulas[kind]?.();
        const where = `${data.outerHTML}`;
        expect(expected, `${where}: unknown data-art`).to.be.a('number');
        expect(Number(data.value), where).to.equal(expected);
        const decimals = data.value.split('.')[1]?.length ?? 0;
        const shown = new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(data.value));
        expect(data.textContent, where).to.equal(shown);
      }
    });
  }
});

const documents = new Map<string, Promise<any>>();
/** The value of an observation for the dimensions' totals, straight from the demo data file. */
async function officialValue(file: string, indicator: string | undefined, region: string, period: string): Promise<number> {
  if (!documents.has(file)) documents.set(file, fetch(`/demo/data/${file}`).then((r) => r.json()));
  const doc = await documents.get(file)!;
  const id = indicator ?? doc.indicators[0].id;
  const totals = Object.fromEntries((doc.dimensions ?? []).map((d: { id: string; total?: string }) => [d.id, d.total]));
  const observation = doc.observations.find(
    (o: { indicator: string; region: string; period: string; breakdown?: Record<string, string> }) =>
      o.indicator === id && o.region === region && o.period === period && Object.entries(o.breakdown ?? {}).every(([k, v]) => totals[k] === v),
  );
  expect(observation?.value, `${file}: ${id} ${region} ${period}`).to.be.a('number');
  return observation.value;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

describe('demo page "alle Elemente" under a strict Content-Security-Policy', () => {
  // The map fills its area, and the tooltip shown on focus is positioned without a style attribute
  // (which style-src 'self' would block).
  it('shows the map and the linked chart follows a Kreis chosen with the keyboard, with zero CSP violations', async function () {
    this.timeout(30_000);
    const { frame, win } = await openPage('alle-elemente.html');
    const map = win.document.querySelector('kreis-map[linked]')!;
    const chart = win.document.querySelector('indikator-chart[linked]')!;
    await drawMap(win, map);
    const area = map.shadowRoot!.querySelector<HTMLElement>('[part="map"]')!;
    const canvas = map.shadowRoot!.querySelector('.maplibre canvas')!;
    expect(canvas.getBoundingClientRect().height).to.equal(area.getBoundingClientRect().height);
    expect(map.shadowRoot!.querySelector('.maplibre')!.getBoundingClientRect().height).to.equal(area.getBoundingClientRect().height);
    // Home walks to the first Kreis (alphabetical: Altmarkkreis Salzwedel), Enter selects it.
    area.focus();
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => chart.getAttribute('region') === '15081', 'the linked chart did not follow the map', { timeout: 4000 });
    expect(win.__cspViolations).to.deep.equal([]);
    frame.remove();
  });
});

describe('embed builder (baukasten.html)', () => {
  type Builder = { frame: HTMLIFrameElement; win: DemoWindow; doc: Document; form: HTMLFormElement; code: HTMLElement; preview: HTMLElement };

  async function openBuilder(): Promise<Builder> {
    const { frame, win, doc } = await openPage('baukasten.html');
    const form = doc.getElementById('bk-form') as HTMLFormElement;
    const code = doc.getElementById('bk-code')!;
    const preview = doc.getElementById('bk-vorschau')!;
    await ready(form);
    await waitUntil(() => preview.firstElementChild && code.textContent, 'the builder shows no preview', { timeout: 8000 });
    return { frame, win, doc, form, code, preview };
  }

  /** The builder loads the chosen data file; aria-busy is set meanwhile. */
  async function ready(form: HTMLFormElement): Promise<void> {
    await waitUntil(() => !form.hasAttribute('aria-busy'), 'the builder did not finish loading the data', { timeout: 15_000 });
  }

  /** Chooses like a reader: sets the value and fires the change event the browser would. */
  function choose(b: Builder, id: string, value: string): void {
    const control = b.doc.getElementById(id) as HTMLSelectElement | HTMLInputElement;
    // (instanceof would compare with the frame's own HTMLSelectElement)
    const values = control.localName === 'select' ? [...(control as HTMLSelectElement).options].map((o) => o.value) : [value];
    expect(values, `#${id} offers ${value}`).to.include(value);
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function type(b: Builder, id: string, text: string): void {
    const input = b.doc.getElementById(id) as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('choosing file, element and indicator updates the preview and the exact snippet', async function () {
    this.timeout(90_000);
    const b = await openBuilder();
    choose(b, 'bk-element', 'indikator-chart');
    choose(b, 'bk-datei', 'arbeitslosigkeit-kreise.json');
    await ready(b.form);
    // The indicators and regions now come from the chosen file.
    const indicators = [...(b.doc.getElementById('bk-indikator') as HTMLSelectElement).options].map((o) => o.value);
    expect(indicators).to.deep.equal(['arbeitslose', 'arbeitslosenquote']);
    choose(b, 'bk-indikator', 'arbeitslosenquote');
    choose(b, 'bk-region', '15085');
    choose(b, 'bk-vergleich', 'DG');
    (b.doc.getElementById('bk-zeit-raum') as HTMLInputElement).click();
    choose(b, 'bk-von', '2007');

    expect(b.code.textContent).to.equal(
      '<script type="module" src="/kreisdossier/kreisdossier.bundle.js"></script>\n' +
        '<indikator-chart src="/kreisdossier/daten/arbeitslosigkeit-kreise.json" indicator="arbeitslosenquote" region="15085" compare="DG" from="2007"></indikator-chart>',
    );
    // The code is text, never markup.
    expect(b.code.children).to.have.length(0);
    const files = [...b.doc.querySelectorAll('#bk-dateien code')].map((c) => c.textContent);
    expect(files).to.deep.equal(['/kreisdossier/kreisdossier.bundle.js', '/kreisdossier/maplibre/', '/kreisdossier/daten/arbeitslosigkeit-kreise.json']);

    // The preview is the same element, pointing at the demo's own files, and it draws.
    const chart = b.preview.firstElementChild!;
    expect(chart.localName).to.equal('indikator-chart');
    expect(Object.fromEntries([...chart.attributes].map((a) => [a.name, a.value]))).to.deep.equal({
      src: 'data/arbeitslosigkeit-kreise.json',
      indicator: 'arbeitslosenquote',
      region: '15085',
      compare: 'DG',
      from: '2007',
    });
    await rendered(b.win, chart);
    expect(chart.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
    expect(chart.shadowRoot!.querySelector('figure canvas')).to.exist;

    // Switched to a map: the builder proposes the Land and the matching boundaries, and the map draws.
    choose(b, 'bk-element', 'kreis-map');
    await ready(b.form);
    expect(b.code.textContent).to.equal(
      '<script type="module" src="/kreisdossier/kreisdossier.bundle.js"></script>\n' +
        `<kreis-map src="/kreisdossier/daten/arbeitslosigkeit-kreise.json" geo="/kreisdossier/daten/geo/st-kreise-2021.topo.json" geo-attribution="${escapeHtml(GEO_ATTRIBUTION)}" indicator="arbeitslosenquote" region="15"></kreis-map>`,
    );
    const map = b.preview.firstElementChild!;
    expect(map.localName).to.equal('kreis-map');
    expect(map.getAttribute('geo')).to.equal('data/geo/st-kreise-2021.topo.json');
    await rendered(b.win, map, 30_000);
    expect(map.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
    expect(map.shadowRoot!.querySelector('figure .maplibre canvas')).to.exist;

    expect(b.win.__cspViolations).to.deep.equal([]);
    expect(requestOrigins(b.win)).to.deep.equal([location.origin]);
    b.frame.remove();
  });

  it('escapes what the reader types, and the base path, in the snippet; the preview gets the raw text', async function () {
    this.timeout(30_000);
    const b = await openBuilder();
    choose(b, 'bk-element', 'indikator-tabelle');
    choose(b, 'bk-datei', 'bevoelkerung-kreise.json');
    await ready(b.form);
    choose(b, 'bk-region', '15085');
    const heading = `Einwohner "Harz" <b>&</b> 'Land'`;
    type(b, 'bk-ueberschrift', heading);
    type(b, 'bk-basis', '/assets/kd"><script>x</script>');
    expect(b.code.textContent).to.equal(
      '<script type="module" src="/assets/kd&quot;&gt;&lt;script&gt;x&lt;/script&gt;/kreisdossier.bundle.js"></script>\n' +
        '<indikator-tabelle src="/assets/kd&quot;&gt;&lt;script&gt;x&lt;/script&gt;/daten/bevoelkerung-kreise.json" indicator="bevoelkerung" region="15085"' +
        ' heading="Einwohner &quot;Harz&quot; &lt;b&gt;&amp;&lt;/b&gt; &#39;Land&#39;"></indikator-tabelle>',
    );
    expect(b.code.children).to.have.length(0);
    // The preview follows after a short pause, with the heading as an attribute value, not as markup.
    await waitUntil(() => b.preview.firstElementChild?.getAttribute('heading') === heading, 'the preview did not take the heading', { timeout: 4000 });
    const table = b.preview.firstElementChild!;
    expect(table.children).to.have.length(0);
    await rendered(b.win, table);
    expect(table.shadowRoot!.querySelector('caption')?.textContent).to.contain(heading);
    expect(b.doc.querySelector('#bk-vorschau b, #bk-vorschau script')).to.be.null;
    expect(b.win.__cspViolations).to.deep.equal([]);
    b.frame.remove();
  });

  it('escapes strings from the data (ids, keys, periods, file names) in the snippet', () => {
    const code = snippet({
      element: 'indikator-chart',
      base: '/k/',
      file: 'a"b.json',
      indicator: 'x<y>&z',
      region: `15'085`,
      type: 'bar',
      compare: '"DG"',
      time: 'period',
      period: '2015<',
    });
    expect(code).to.equal(
      '<script type="module" src="/k/kreisdossier.bundle.js"></script>\n' +
        '<indikator-chart src="/k/daten/a&quot;b.json" indicator="x&lt;y&gt;&amp;z" region="15&#39;085" type="bar" compare="&quot;DG&quot;" period="2015&lt;"></indikator-chart>',
    );
  });

  it('offers the Themen-Dossier with the definition file and all data files preselected', async function () {
    this.timeout(60_000);
    const b = await openBuilder();
    choose(b, 'bk-element', 'themen-dossier');
    await ready(b.form);
    // Only the dossier's choices are shown: no single data file, no indicator.
    expect((b.doc.getElementById('bk-datei')!.closest('[data-fuer]') as HTMLElement).hidden).to.be.true;
    expect((b.doc.getElementById('bk-indikator')!.closest('[data-fuer]') as HTMLElement).hidden).to.be.true;
    const src = DOSSIER_FILES.map((f) => `/kreisdossier/daten/${f}`).join(' ');
    expect(b.code.textContent).to.equal(
      '<script type="module" src="/kreisdossier/kreisdossier.bundle.js"></script>\n' + `<themen-dossier src="${src}" region="15085" topic="alle"></themen-dossier>`,
    );
    choose(b, 'bk-thema', 'digitalisierung');
    (b.doc.getElementById('bk-hash') as HTMLInputElement).click();
    type(b, 'bk-dossier-vergleich', '  15   DG ');
    expect(b.code.textContent).to.match(/ region="15085" topic="digitalisierung" compare="15 DG" hash><\/themen-dossier>$/);
    const dossier = b.preview.firstElementChild!;
    expect(dossier.localName).to.equal('themen-dossier');
    expect(dossier.getAttribute('src')).to.equal(DOSSIER_FILES.map((f) => `data/${f}`).join(' '));
    b.frame.remove();
  });

  it('"Kopieren" copies the code or selects it, and says so in a polite live region', async function () {
    this.timeout(30_000);
    const b = await openBuilder();
    const status = b.doc.getElementById('bk-kopiert')!;
    expect(status.getAttribute('role')).to.equal('status');
    (b.doc.getElementById('bk-kopieren') as HTMLButtonElement).click();
    await waitUntil(() => status.textContent !== '', 'no confirmation after "Kopieren"', { timeout: 5000 });
    const copied = status.textContent!.includes('Zwischenablage');
    // Without clipboard access (headless, in a frame) the code is selected for Ctrl+C instead.
    if (!copied) expect(b.win.getSelection()?.toString()).to.equal(b.code.textContent);
    b.frame.remove();
  });
});

/** Waits until a map has drawn (kd-render once MapLibre is idle) or shows its alert. */
async function drawMap(win: DemoWindow, map: Element): Promise<void> {
  map.scrollIntoView({ block: 'center' });
  await waitUntil(
    () => (win.__kdRendered.has(map) && map.shadowRoot?.querySelector('figure')) || map.shadowRoot?.querySelector('[role="alert"]'),
    `demo map (${map.getAttribute('src') ?? ''}) did not render`,
    { timeout: 15_000 },
  );
}

/** Caption and canvas are there, and Chart.js has taken over the canvas (it sets its inline size when it draws). */
function drawn(el: Element): boolean {
  return !!el.shadowRoot?.querySelector('figure') && canvasDrawn(el.shadowRoot.querySelector('canvas'));
}

/** Chart.js sizes the canvas to its box when it draws; an undrawn canvas keeps the default 300 × 150. */
function canvasDrawn(canvas: HTMLCanvasElement | null | undefined): boolean {
  return !!canvas && canvas.hasAttribute('style') && canvas.width > 0 && canvas.height > 0;
}
