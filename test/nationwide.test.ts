// The nationwide dossier page (demo/kreisdossier.html: one catalogue as src, built by `npm run data`) for a
// Kreis in every Land and for Gemeinden, served with the strict CSP: it renders without an alert, passes axe,
// causes no CSP violation, fetches nothing of another Land's Gemeinden, and shows the official figures
// exactly — read here from the publishers' raw files (Latin-1 CSV, as downloaded) and from the files the
// catalogue lists. Switching regions in the picker fetches exactly the files of the new view.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Catalogue } from '../src/format/catalogue-schema.js';
import { dataFilesFor, dossierNeeds, levelOfKey } from '../src/format/catalogue-select.js';
import { dossierSelection } from '../src/themen-dossier/dossier-catalogue.js';

type AxeResults = { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> };
type DemoWindow = Window & { __cspViolations: string[]; axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> } };
type Doc = { regions: Array<{ key: string; name: string }>; observations: Array<{ indicator: string; region: string; period: string; value: number | null; breakdown?: Record<string, string> }> };

const BASE = '/demo/data/de/';
const RAW = '/data-adapters/fixtures/datenguide-genesapi-data/';
/** A Kreis in every Land (Berlin, Hamburg and Bremen are Länder without Kreise in the Kreis tables: their Land key). */
const KREISE = ['01055', '02', '03159', '04012', '05315', '06411', '07111', '08111', '09162', '10041', '11', '12062', '13075', '14626', '15085', '16063'];
/** A town of Harz, Hannover (a Gemeinde of the Region Hannover), and Bornhagen (Thüringen, 302 inhabitants on 31.12.2015). */
const GEMEINDEN = ['15085370', '03241001', '16061014'];

let catalogue: Catalogue;
const files = new Map<string, Promise<Doc>>();
const file = (url: string) => {
  if (!files.has(url)) files.set(url, fetch(BASE + url).then((r) => r.json() as Promise<Doc>));
  return files.get(url)!;
};
const rawLines = new Map<string, Promise<string[]>>();
/** A publisher's raw file as downloaded (Latin-1), by line. */
const raw = (name: string) => {
  if (!rawLines.has(name)) rawLines.set(name, fetch(RAW + name).then(async (r) => new TextDecoder('latin1').decode(await r.arrayBuffer()).split(/\r?\n/)));
  return rawLines.get(name)!;
};

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const de = (n: number, digits = 0) => fold(new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n));

before(async function () {
  this.timeout(30_000);
  const response = await fetch(`${BASE}katalog.json`);
  if (!response.ok) throw new Error(`${BASE}katalog.json is missing (HTTP ${response.status}): run \`npm run data\` before the browser tests`);
  catalogue = (await response.json()) as Catalogue;
});

/** The page in a tall same-origin iframe at a hash, settled: the dossier of `key` with every section, or an alert. */
async function openDossier(key: string, topic = 'bevoelkerung'): Promise<{ frame: HTMLIFrameElement; win: DemoWindow; dossier: HTMLElement & { region?: string } }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '9000px';
  frame.src = `/demo/kreisdossier.html#region=${key}&topic=${topic}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as DemoWindow;
  // The default buffer (250 entries) would silently stop recording: the picker's region lists and shards add up.
  win.performance.setResourceTimingBufferSize(100_000);
  const dossier = win.document.querySelector('themen-dossier') as HTMLElement & { region?: string };
  await settled(dossier, key);
  return { frame, win, dossier };
}

async function settled(dossier: HTMLElement & { region?: string }, key: string): Promise<void> {
  await waitUntil(
    () =>
      (dossier.region === key && dossier.shadowRoot?.querySelector('article[aria-busy="false"]') && !(dossier as unknown as { refreshing: boolean }).refreshing) ||
      dossier.shadowRoot?.querySelector('[role="alert"]:not(.missing)'),
    `the dossier of ${key} did not settle`,
    { timeout: 30_000 },
  );
}

const tileValue = (dossier: Element, label: string) => {
  const tile = [...dossier.shadowRoot!.querySelectorAll('.tile')].find((t) => fold(t.querySelector('.tile-title')?.textContent ?? '') === label);
  return fold(tile?.querySelector('.value')?.textContent ?? '');
};

/** The latest total of an indicator for a region, from the files the catalogue lists for it. */
async function latest(indicator: string, key: string): Promise<{ period: string; value: number | null } | undefined> {
  const urls = dataFilesFor(catalogue, { indicators: [indicator], regions: [{ prefix: key, levels: [levelOfKey(key)] }] }).map((f) => f.url);
  const observations = (await Promise.all(urls.map(file))).flatMap((d) => d.observations);
  return observations
    .filter((o) => o.indicator === indicator && o.region === key && Object.values(o.breakdown ?? {}).every((c) => c === 'insgesamt'))
    .sort((a, b) => a.period.localeCompare(b.period))
    .at(-1);
}

async function axeClean(win: DemoWindow): Promise<void> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    win.document.head.append(script);
    await loaded;
  }
  const results = await win.axe!.run(win.document, { resultTypes: ['violations'] });
  expect(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => String(n.target)).join(', ')}`)).to.deep.equal([]);
}

/** Requests for Gemeinde files (data or boundaries) of a Land other than `land`. */
function otherLandsGemeinden(win: Window, land: string): string[] {
  return (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((e) => e.name.replace(/^.*\/demo\/data\/de\//, ''))
    .filter((p) => /gemeinden/i.test(p) && /-(\d{2})\d*\.(topo\.)?json$/.test(p) && !new RegExp(`-${land}\\d*\\.(topo\\.)?json$`).test(p));
}

describe('nationwide dossier (demo/kreisdossier.html)', function () {
  this.timeout(120_000);

  for (const key of KREISE) {
    it(`${key}: renders axe-clean under the strict CSP with the official figures`, async () => {
      const { frame, win, dossier } = await openDossier(key);
      const alert = dossier.shadowRoot!.querySelector('[role="alert"]:not(.missing)');
      expect(alert, fold(alert?.textContent ?? '')).to.equal(null);
      const name = catalogue.regions.find((r) => r.key === key)!.name.split(',')[0]!;
      expect(fold(dossier.shadowRoot!.querySelector('#dossier-title')!.textContent!)).to.contain(name);
      // Population: the latest figure the data have for the region.
      const population = await latest('bevoelkerung', key);
      expect(population, `population of ${key}`).to.exist;
      expect(tileValue(dossier, 'Einwohnerinnen und Einwohner')).to.equal(de(population!.value!));
      // Mean age on 31.12.2015, straight from the publisher's Latin-1 CSV (12411-07-01-4): "44,2".
      const line = (await raw('12411-07-01-4_00.csv')).find((l) => l.startsWith(`31.12.2015;${key};`));
      expect(line, `12411-07-01-4 has ${key}`).to.exist;
      // A status symbol ("-": Göttingen as merged in 2016 did not exist in 2015) is shown as published.
      const meanAge = line!.split(';')[3]!;
      const shownAge = tileValue(dossier, 'Durchschnittsalter');
      expect(shownAge === meanAge || shownAge.startsWith(`${meanAge} `), `${shownAge} shows ${meanAge}`).to.equal(true);
      expect(otherLandsGemeinden(win, key.slice(0, 2))).to.deep.equal([]);
      // A table loaded in several parts (its Land's and Deutschland's) is named once in the sources.
      const sources = [...dossier.shadowRoot!.querySelectorAll('#quellen .source')].flatMap((s) => [...s.querySelectorAll('p')].map((p) => fold(p.textContent ?? '')));
      expect(sources.length).to.be.greaterThan(0);
      const pairs = sources.filter((_, i) => i % 2 === 0).map((p, i) => `${p} ${sources[2 * i + 1]}`);
      expect(pairs.length, `a source named twice: ${pairs.join(' | ')}`).to.equal(new Set(pairs).size);
      await axeClean(win);
      expect(win.__cspViolations).to.deep.equal([]);
      frame.remove();
    });
  }

  for (const key of GEMEINDEN) {
    it(`Gemeinde ${key}: renders axe-clean with its population of 31.12.2015 as published`, async () => {
      const { frame, win, dossier } = await openDossier(key);
      const alert = dossier.shadowRoot!.querySelector('[role="alert"]:not(.missing)');
      expect(alert, fold(alert?.textContent ?? '')).to.equal(null);
      // The latest figure of the data; where that is 31.12.2015, as the publisher's Latin-1 file
      // 12411-01-01-5 has it (key;name;31.12.2015 insgesamt;…).
      const population = await latest('bevoelkerung', key);
      expect(tileValue(dossier, 'Einwohnerinnen und Einwohner')).to.equal(de(population!.value!));
      const line = (await raw('12411-01-01-5_00.csv')).find((l) => l.split(';')[0]!.trim() === key);
      expect(line, `12411-01-01-5 has ${key}`).to.exist;
      if (population!.period === '2015-12-31') expect(population!.value).to.equal(Number(line!.split(';')[2]));
      expect(otherLandsGemeinden(win, key.slice(0, 2))).to.deep.equal([]);
      await axeClean(win);
      expect(win.__cspViolations).to.deep.equal([]);
      frame.remove();
    });
  }

  it('offers similar and neighbouring Kreise from the catalogue, and following one shows its dossier', async () => {
    const { frame, win, dossier } = await openDossier('15085');
    const related = dossier.shadowRoot!.querySelector('nav.related')!;
    expect(related, 'related regions').to.exist;
    const harz = catalogue.regions.find((r) => r.key === '15085')!;
    const neighbours = [...related.querySelectorAll('#related-neighbours + ul a')].map((a) => new URLSearchParams(a.getAttribute('href')!.slice(1)).get('region'));
    expect(neighbours.sort()).to.deep.equal([...harz.neighbours!].sort());
    expect(neighbours, 'Goslar in Niedersachsen borders Harz').to.include('03153');
    const similar = [...related.querySelectorAll('#related-similar + ul a')].map((a) => new URLSearchParams(a.getAttribute('href')!.slice(1)).get('region')!);
    expect(similar.length).to.be.greaterThan(0);
    for (const key of similar) {
      const r = catalogue.regions.find((x) => x.key === key)!;
      expect(key.slice(0, 2), 'same Land').to.equal('15');
      expect(r.type, 'same type').to.equal(harz.type);
    }
    related.querySelector<HTMLAnchorElement>('#related-neighbours + ul a[href*="region=15083"]')!.click();
    await (dossier as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    await settled(dossier, '15083');
    expect(fold(dossier.shadowRoot!.querySelector('#dossier-title')!.textContent!)).to.contain('Börde');
    await axeClean(win);
    frame.remove();
  });

  it('choosing another Kreis in the picker fetches exactly the files of the new view, none twice', async () => {
    const { frame, win, dossier } = await openDossier('15085');
    const before = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);
    const picker = dossier.shadowRoot!.querySelector('region-auswahl')!;
    const input = picker.shadowRoot!.querySelector('input')!;
    input.focus();
    input.select(); // the field shows the chosen region's name: typing replaces it
    await sendKeys({ type: 'Elbe-Elster' });
    await waitUntil(() => [...picker.shadowRoot!.querySelectorAll('[role="option"]')].some((o) => o.textContent!.includes('12062')), 'Elbe-Elster not offered', { timeout: 20_000 });
    const option = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent!.includes('12062'))!;
    option.click();
    // The click sets the region at once; the files are asked for in the update that follows.
    await (dossier as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    await settled(dossier, '12062');
    expect(win.location.hash).to.contain('region=12062');
    const after = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name);
    const added = after.slice(before.length).filter((u) => u.includes('/demo/data/de/') && !/\/regionen\//.test(u) && !/\.topo\.json$/.test(u));
    const expected = dossierSelection({ catalogue, url: new URL(`${BASE}katalog.json`, location.href).href }, '12062', 'bevoelkerung', []).files.map((f) => new URL(BASE + f, location.href).href);
    const earlier = new Set(before);
    expect([...new Set(added)].sort()).to.deep.equal(expected.filter((u) => !earlier.has(u)).sort());
    expect(after.length, `fetched twice: ${after.filter((u, i) => after.indexOf(u) !== i).join(', ')}`).to.equal(new Set(after).size);
    // Gemeinde data and boundaries: only Brandenburg's besides Sachsen-Anhalt's of the first view. (Typing in
    // the picker loaded every Land's list of Gemeinde names, regionen/gemeinden-LL.json, to search them.)
    expect(otherLandsGemeinden(win, '12').filter((p) => !/-15\d*\./.test(p) && !p.startsWith('regionen/'))).to.deep.equal([]);
    expect(dossierNeeds(catalogue, '12062', ['Bevölkerung']).data.regions.length).to.be.greaterThan(2);
    frame.remove();
  });
});
