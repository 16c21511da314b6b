import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { guardPage } from '../../test/fixtures/page-guard.js';
import { computedDocument, FORMULA } from '../../test/fixtures/computed-document.js';
import { q, qa, text } from '../../test/fixtures/shadow.js';
import { forgetGeometry } from '../data/load-geometry.js';
import type { KreisdossierDocument, KreisdossierInput } from '../format/types.js';
import './define.js';
import type { KreisMap } from './kreis-map.js';

const HARZ_DATA = '/demo/data/bevoelkerung-gemeinden-harz.json';
const HARZ_GEO = '/demo/data/geo/harz-gemeinden-2021.topo.json';
const ALQ_DATA = '/demo/data/arbeitslosigkeit-kreise.json';
const ST_GEO = '/demo/data/geo/st-kreise-2021.topo.json';
const BKG = '© GeoBasis-DE / BKG (2021), Daten verändert';

const mapOf = (el: KreisMap) => (el as unknown as { map?: MapLibreMap }).map;
const de = (v: number, digits = 0) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

/** Everything the element shows, as one string (white space folded). */
const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** The element once it has drawn (kd-render) or shows an alert. */
async function rendered(template: ReturnType<typeof html>): Promise<KreisMap> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 800px">${template}</div>`);
  const el = wrapper.querySelector('kreis-map')!;
  el.scrollIntoView({ block: 'nearest' });
  const done = new Promise((resolve) => el.addEventListener('kd-render', resolve, { once: true }));
  await Promise.race([done, waitUntil(() => q(el, '[role="alert"]'), 'map did not render', { timeout: 15000 })]);
  await el.updateComplete;
  return el;
}

const harz = (attrs = html``) => html`<kreis-map src=${HARZ_DATA} geo=${HARZ_GEO} geo-attribution=${BKG} region="15085" period="2015-12-31">${attrs}</kreis-map>`;

async function harzValues(period: string): Promise<Map<string, number | null>> {
  const doc = (await (await fetch(HARZ_DATA)).json()) as KreisdossierDocument;
  const topo = await (await fetch(HARZ_GEO)).json();
  const keys: string[] = topo.objects.gemeinden.geometries.map((g: { properties: { ags: string } }) => g.properties.ags);
  return new Map(
    keys.map((k) => [k, doc.observations.find((o) => o.region === k && o.period === period && o.breakdown?.['geschlecht'] === 'insgesamt')?.value ?? null]),
  );
}

describe('<kreis-map>', function () {
  this.timeout(30_000);
  const page = guardPage();
  afterEach(() => forgetGeometry());

  it('reserves its height while loading, accessibly', async () => {
    const el = await fixture<KreisMap>(html`<kreis-map src="/__test__/slow/400" geo=${HARZ_GEO}></kreis-map>`);
    expect(text(q(el, '[role="status"]'))).to.equal('Daten werden geladen …');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(600);
    await expect(el).to.be.accessible();
  });

  it('colours the 20 Gemeinden of Harz by quintile of their population (rendered features)', async () => {
    const values = await harzValues('2015-12-31');
    const el = await rendered(harz());
    const map = mapOf(el)!;
    // the map fills its area (MapLibre's container must not collapse)
    const area = (q(el, '.map') as HTMLElement).getBoundingClientRect();
    expect(area.height).to.be.greaterThan(250);
    expect(map.getCanvas().getBoundingClientRect().height).to.be.closeTo(area.height, 1);
    const features = map.queryRenderedFeatures({ layers: ['kd-fill'] });
    const classes = new Map(features.map((f) => [f.properties['_kdKey'] as string, f.properties['_kdClass'] as number]));
    expect(classes.size).to.equal(20);
    // quintiles of 20 distinct values: 4 regions per class, in the order of their values
    const ranked = [...values].sort((a, b) => a[1]! - b[1]!);
    ranked.forEach(([key], rank) => expect(classes.get(key), key).to.equal(Math.floor(rank / 4)));
    expect(text(q(el, '.legend-title'))).to.equal('Klassen (Anzahl)');
    expect(qa(el, '.legend li').map(text)).to.deep.equal(
      [0, 1, 2, 3, 4].map((c) => {
        const members = ranked.slice(c * 4, c * 4 + 4).map(([, v]) => v!);
        return `${de(members[0]!)} – ${de(members[3]!)} (4)`;
      }),
    );
    // the no-data layer is empty; the highlight and focus layers start empty
    expect(map.queryRenderedFeatures({ layers: ['kd-no-data'] })).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('summarises the map with numbers from the data and names its sources, data and boundaries', async () => {
    const values = await harzValues('2015-12-31');
    const max = Math.max(...([...values.values()] as number[]));
    const min = Math.min(...([...values.values()] as number[]));
    const el = await rendered(html`<kreis-map src=${HARZ_DATA} geo=${HARZ_GEO} geo-attribution=${BKG} region="15085" highlight="15085370"></kreis-map>`);
    const summary = text(q(el, '.summary'));
    expect(summary).to.contain(`31.12.2015: Den höchsten Wert der 20 Gebiete hat Halberstadt (${de(max)}), den niedrigsten Groß Quenstedt (${de(min)}).`);
    expect(summary).to.contain(`Der höchste Wert ist ${de(max / min, 1)}-mal so hoch wie der niedrigste.`);
    expect(summary).to.contain(`Wernigerode liegt auf Rang 2 von 20 (${de(values.get('15085370')!)};`);
    expect(summary).to.contain('5 Klassen mit etwa gleich vielen Gebieten (Quantile)');
    expect(text(q(el, '.source'))).to.contain('Stand:').and.contain('Datenlizenz Deutschland');
    expect(text(q(el, '.geo-source'))).to.equal(`Gebietsgrenzen: ${BKG}`);
    expect(mapOf(el)!.getFilter('kd-highlight')).to.deep.equal(['==', ['get', '_kdKey'], '15085370']);
    // small maps name their regions in HTML (no glyph downloads)
    expect(qa(el, '.label')).to.have.length(20);
    expect(qa(el, '.label').map(text)).to.include('Wernigerode');
  });

  it('hatches regions without a value and says why (status symbol)', async () => {
    const values = await harzValues('2008-12-31');
    const missing = [...values].filter(([, v]) => v === null).map(([k]) => k);
    expect(missing).to.have.length(3);
    const el = await rendered(html`<kreis-map src=${HARZ_DATA} geo=${HARZ_GEO} geo-attribution=${BKG} region="15085" period="2008-12-31"></kreis-map>`);
    const noData = mapOf(el)!.queryRenderedFeatures({ layers: ['kd-no-data'] }).map((f) => f.properties['_kdKey']);
    expect([...new Set(noData)].sort()).to.deep.equal(missing.sort());
    expect(text(q(el, '.legend li:last-child'))).to.equal('keine Daten (-) (3)');
    expect(text(q(el, '.summary'))).to.contain('Für 3 Gebiete liegt kein Zahlenwert vor (- = nichts vorhanden); sie sind schraffiert.');
  });

  it('is one Tab stop; arrows visit every region alphabetically, each announced; Enter selects; Escape leaves', async () => {
    const values = await harzValues('2015-12-31');
    const el = await rendered(harz());
    const area = q(el, '.map') as HTMLElement;
    expect(area.getAttribute('tabindex')).to.equal('0');
    expect(mapOf(el)!.getCanvas().getAttribute('tabindex')).to.equal('-1');
    area.focus();
    const live = q(el, '[aria-live]')!;
    const heard: string[] = [];
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      heard.push(text(live));
    }
    const names = heard.map((h) => h.split(':')[0]!);
    expect(new Set(names).size).to.equal(20);
    expect([...names]).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'de')));
    expect(heard).to.include(`Wernigerode, Stadt: ${de(values.get('15085370')!)} (31.12.2015), Klasse 5 von 5`);
    expect(mapOf(el)!.getFilter('kd-focus')).to.deep.equal(['==', ['get', '_kdKey'], '15085370']); // the last, alphabetically
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(text(live)).to.match(/^Ballenstedt, Stadt: /);
    expect(q(el, '.tooltip')).to.exist;
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(el, 'kd-region-select')) as CustomEvent<{ key: string; name: string }>;
    expect(event.detail).to.deep.equal({ key: '15085040', name: 'Ballenstedt, Stadt' });
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(null);
    expect(mapOf(el)!.getFilter('kd-focus')).to.deep.equal(['==', ['get', '_kdKey'], '']);
  });

  it('linked: highlights a region selected elsewhere on the page', async () => {
    const el = await rendered(html`<kreis-map linked src=${ALQ_DATA} geo=${ST_GEO} geo-attribution=${BKG} indicator="arbeitslosenquote" region="15"></kreis-map>`);
    expect(mapOf(el)!.queryRenderedFeatures({ layers: ['kd-fill'] }).map((f) => f.properties['_kdKey']).filter((k, i, a) => a.indexOf(k) === i)).to.have.length(14);
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15085', name: 'Harz' } }));
    await el.updateComplete;
    expect(el.highlight).to.equal('15085');
    await waitUntil(() => JSON.stringify(mapOf(el)!.getFilter('kd-highlight')) === JSON.stringify(['==', ['get', '_kdKey'], '15085']), 'highlight filter');
    expect(text(q(el, '.summary'))).to.contain('Der Landkreis Harz liegt auf Rang 13 von 14 (7,2 %;');
  });

  it('has a sortable data table (toggle), with class and status per region', async () => {
    const el = await rendered(harz());
    const toggle = q(el, '.actions button') as HTMLButtonElement;
    toggle.click();
    await el.updateComplete;
    expect((q(el, '.map-view') as HTMLElement).hidden).to.equal(true);
    const names = () => qa(el, 'tbody th[scope="row"]').map(text);
    expect(names()[0]).to.equal('Ballenstedt, Stadt');
    const valueHeader = qa(el, 'thead th')[1]!;
    (valueHeader.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(valueHeader.getAttribute('aria-sort')).to.equal('descending');
    expect(names()[0]).to.equal('Halberstadt, Stadt');
    expect(text(qa(el, 'tbody tr')[0]!.querySelectorAll('td')[1])).to.equal('5 von 5');
    await expect(el).to.be.accessible();
  });

  it('without WebGL shows the table and a clear notice, never an empty box', async () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/.test(type) ? null : getContext.call(this, type as '2d', ...(rest as []));
    } as typeof getContext;
    try {
      const el = await rendered(harz());
      expect(text(q(el, '[part="notice"]'))).to.contain('WebGL ist nicht verfügbar');
      expect((q(el, '.table-view') as HTMLElement).hidden).to.equal(false);
      expect(qa(el, 'tbody tr')).to.have.length(20);
      expect(mapOf(el)).to.equal(undefined);
      await expect(el).to.be.accessible();
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });

  it('when MapLibre cannot be loaded, shows the table and says so', async () => {
    const el = await rendered(html`<kreis-map maplibre-url="/__test__/status/404" src=${HARZ_DATA} geo=${HARZ_GEO} region="15085"></kreis-map>`);
    expect(text(q(el, '[part="notice"]'))).to.contain('Kartenbibliothek konnte nicht geladen werden');
    expect((q(el, '.table-view') as HTMLElement).hidden).to.equal(false);
  });

  it('requests nothing from any other host', async () => {
    await rendered(harz());
    const origins = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
    expect([...origins]).to.deep.equal([location.origin]);
  });

  it('removing the element removes the map (frees the WebGL context)', async () => {
    const el = await rendered(harz());
    const map = mapOf(el)!;
    const canvas = map.getCanvas();
    el.remove();
    expect(mapOf(el)).to.equal(undefined);
    expect(canvas.isConnected).to.equal(false);
  });

  it('speaks English on lang="en"', async () => {
    const el = await rendered(html`<kreis-map lang="en" src=${HARZ_DATA} geo=${HARZ_GEO} geo-attribution=${BKG} region="15085"></kreis-map>`);
    expect(text(q(el, '.summary'))).to.match(/^31 Dec 2015: of the 20 regions, Halberstadt has the highest value \(43,768\)/);
    expect(text(q(el, '.actions button'))).to.equal('Show table');
    await expect(el).to.be.accessible();
  });

  describe('failures', () => {
    const cases: Array<[string, ReturnType<typeof html>, RegExp]> = [
      ['boundary file missing', html`<kreis-map src=${HARZ_DATA} geo="/__test__/status/404" region="15085"></kreis-map>`, /HTTP-Status 404/],
      ['boundaries without the key property', html`<kreis-map src=${HARZ_DATA} geo=${HARZ_GEO} key-property="gkz"></kreis-map>`, /Eigenschaft „gkz“/],
      ['boundary file not JSON', html`<kreis-map src=${HARZ_DATA} geo="/__test__/html"></kreis-map>`, /keine gültige JSON-Datei/],
      ['no boundaries named', html`<kreis-map src=${HARZ_DATA}></kreis-map>`, /Gebietsgrenzen/],
      ['a region with no sub-regions on the map', html`<kreis-map src=${HARZ_DATA} geo=${HARZ_GEO} region="16"></kreis-map>`, /Die Region „16“ gibt es/],
      ['unknown indicator', html`<kreis-map src=${ALQ_DATA} geo=${ST_GEO} indicator="quote"></kreis-map>`, /Den Indikator „quote“ gibt es/],
      ['data file missing', html`<kreis-map src="/__test__/status/500" geo=${ST_GEO}></kreis-map>`, /HTTP-Status 500/],
    ];
    for (const [name, template, message] of cases) {
      it(`${name}: an accessible alert and a console warning`, async () => {
        const el = await rendered(template);
        expect(text(q(el, '[role="alert"]'))).to.match(message);
        expect(page.warnings().join('\n')).to.contain('<kreis-map>');
        await expect(el).to.be.accessible();
      });
    }
  });
  describe('a computed indicator', () => {
    const COMPUTED = 'einkuenfte-je-steuerpflichtigen';
    const map = (doc: KreisdossierInput, indicator: string, lang = 'de') =>
      rendered(html`<kreis-map lang=${lang} .data=${doc} geo=${ST_GEO} geo-attribution=${BKG} indicator=${indicator} region="15" period="2018"></kreis-map>`);

    /** The first line of the CSV the download button makes. */
    function csvHeader(el: KreisMap): string {
      let href = '';
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        href = this.href;
      };
      try {
        (qa(el, '.actions button').at(-1) as HTMLButtonElement).click();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      return decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, '')).replace(/^\ufeff/, '').split('\r\n')[0]!;
    }

    it('says what its values are computed from in the caption, the legend, the summary and the table', async () => {
      const el = await map(computedDocument(), COMPUTED);
      const note = `berechnet aus: ${FORMULA.de}`;
      expect(text(q(el, '.subtitle'))).to.equal(`Einheit: EUR · ${note} · 2018`);
      expect(text(q(el, '.legend-title'))).to.equal(`Klassen (EUR) ${note}`);
      expect(text(q(el, '.legend-title .computed'))).to.equal(note);
      expect(text(q(el, '.summary'))).to.contain(`Die Werte sind nicht amtlich veröffentlicht, sondern ${note}.`);
      expect(text(q(el, '#table-caption'))).to.equal(`Einkünfte je Steuerpflichtigen (EUR, 2018) ${note}`);
      // Neither the tooltip nor the announcement of single regions repeats it: the summary describes the map area.
      expect(shown(el).split('berechnet aus').length - 1).to.equal(4);
      expect(csvHeader(el)).to.equal('indicator,region,region_name,period,value,status,unit,note');
      await expect(el).to.be.accessible();
    });

    it('in English', async () => {
      const el = await map(computedDocument(), COMPUTED, 'en');
      const note = `computed from: ${FORMULA.en}`;
      expect(text(q(el, '.subtitle'))).to.equal(`Unit: EUR · ${note} · 2018`);
      expect(text(q(el, '.legend-title'))).to.equal(`Classes (EUR) ${note}`);
      expect(text(q(el, '.summary'))).to.contain(`The values are not officially published but ${note}.`);
      expect(text(q(el, '#table-caption'))).to.equal(`Income per taxpayer (EUR, 2018) ${note}`);
      expect(shown(el)).not.to.contain('berechnet');
      await expect(el).to.be.accessible();
    });

    it('an official indicator of the same file says nothing of the kind', async () => {
      const el = await map(computedDocument(), 'steuerpflichtige');
      expect(text(q(el, '.subtitle'))).to.equal('Einheit: Anzahl · 2018');
      expect(text(q(el, '.legend-title'))).to.equal('Klassen (Anzahl)');
      expect(q(el, '.computed')).to.equal(null);
      expect(shown(el)).not.to.contain('berechnet').and.not.to.contain('amtlich veröffentlicht');
      expect(csvHeader(el)).to.equal('indicator,region,region_name,period,value,status,unit');
      await expect(el).to.be.accessible();
    });
  });
});
