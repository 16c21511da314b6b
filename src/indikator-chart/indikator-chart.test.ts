import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import { guardPage } from '../../test/fixtures/page-guard.js';
import { computedDocument, FORMULA } from '../../test/fixtures/computed-document.js';
import { q, qa, text } from '../../test/fixtures/shadow.js';
import type { KreisdossierDocument, Observation } from '../format/types.js';
import './define.js';
import type { IndikatorChart } from './indikator-chart.js';

const HARZ = '/examples/bevoelkerung-harz.json';
const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';
const ALQ_DE = '/demo/data/arbeitslosigkeit-kreise.json';
const AGES = '/demo/data/altersgruppen-kreise.json';


/** The element once its chart is drawn (kd-render), or once it shows an alert. */
async function rendered(template: ReturnType<typeof html>): Promise<IndikatorChart> {
  const wrapper = await fixture<HTMLDivElement>(html`<div class="wrap">${template}</div>`);
  const el = wrapper.querySelector('indikator-chart')!;
  el.scrollIntoView({ block: 'nearest' }); // charts draw only near the viewport
  await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]') || chartOf(el), 'chart did not render', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

function chartOf(el: IndikatorChart): Chart | undefined {
  const canvas = q(el, 'canvas') as HTMLCanvasElement | null;
  return (canvas && Chart.getChart(canvas)) || undefined;
}

const documents = new Map<string, Promise<KreisdossierDocument>>();
function load(url: string): Promise<KreisdossierDocument> {
  if (!documents.has(url)) documents.set(url, fetch(url).then((r) => r.json()));
  return documents.get(url)!;
}

function obs(doc: KreisdossierDocument, where: Partial<Observation> & { breakdown?: Record<string, string> }): Observation[] {
  return doc.observations.filter(
    (o) =>
      (!where.indicator || o.indicator === where.indicator) &&
      (!where.region || o.region === where.region) &&
      (!where.period || o.period === where.period) &&
      Object.entries(where.breakdown ?? {}).every(([d, c]) => o.breakdown?.[d] === c),
  );
}

const de = (v: number, digits = 0) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const en = (v: number, digits = 0) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

/** Everything the element shows, as one string (white space folded). */
const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<indikator-chart>', () => {
  const page = guardPage();

  it('reserves the height of a chart while loading, accessibly', async () => {
    const el = await fixture<IndikatorChart>(html`<indikator-chart src="/__test__/slow/500"></indikator-chart>`);
    expect(text(q(el, '[role="status"]'))).to.equal('Daten werden geladen …');
    const reserved = el.getBoundingClientRect().height;
    expect(reserved).to.be.greaterThan(450);
    await expect(el).to.be.accessible();
    await oneEvent(el, 'kd-render');
    // The finished chart is not taller than what was reserved by much (no large layout shift).
    expect(el.getBoundingClientRect().height - reserved).to.be.lessThan(200);
  });

  describe('line', () => {
    it('draws one point per period for each region, nulls as gaps, and the Land as reference', async () => {
      const doc = await load(HARZ);
      const el = await rendered(html`<indikator-chart src=${HARZ} region="15085" compare="parent" mode="absolute"></indikator-chart>`);
      const chart = chartOf(el)!;
      const periods = [...new Set(doc.observations.map((o) => o.period))].sort();
      expect(chart.data.labels).to.have.length(periods.length);
      expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['Harz', 'Sachsen-Anhalt']);
      const harz = periods.map((p) => obs(doc, { region: '15085', period: p, breakdown: { geschlecht: 'insgesamt' } })[0]!.value);
      expect(chart.data.datasets[0]!.data).to.deep.equal(harz);
      expect(harz.filter((v) => v === null).length).to.be.greaterThan(0); // the file has '.' before 2000
      // series differ by dash pattern too, not only by colour
      const dashes = chart.data.datasets.map((d) => JSON.stringify((d as { borderDash?: number[] }).borderDash));
      expect(new Set(dashes).size).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('exposes a figure with caption, unit, summary, legend, sources and status legend', async () => {
      const el = await rendered(html`<indikator-chart src=${HARZ} region="15085" compare="parent"></indikator-chart>`);
      const figure = q(el, 'figure')!;
      expect(figure.getAttribute('aria-labelledby')).to.equal('title');
      expect(text(q(el, 'figcaption .title'))).to.equal('Einwohnerinnen und Einwohner');
      expect(text(q(el, 'figcaption .subtitle'))).to.equal('Index (31.12.2000 = 100), berechnet aus: Personen · 1995 – 2015, jeweils 31.12.');
      // the axis shows years (the caption says "jeweils 31.12."), the table and announcements full dates
      expect(chartOf(el)!.scales['x']!.getTicks().map((t) => t.label)).to.include('2015');
      expect(qa(el, '.legend li').map(text)).to.deep.equal(['Harz', 'Sachsen-Anhalt (Vergleich)']);
      expect(text(q(el, '.source'))).to.contain('Tabelle 12411-01-01-4').and.contain('Stand: 10.10.2017').and.contain('Datenlizenz Deutschland');
      expect(text(q(el, '.symbols'))).to.contain('Zahlenwert unbekannt oder geheim zu halten');
      const plot = q(el, '.plot')!;
      expect(plot.getAttribute('tabindex')).to.equal('0');
      expect(plot.getAttribute('aria-describedby')).to.equal('summary keys');
      expect(q(el, 'canvas')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('summarises the trend with numbers computed from the data, in German and English', async () => {
      const doc = await load(HARZ);
      const value = (region: string, year: number) =>
        obs(doc, { region, period: `${year}-12-31`, breakdown: { geschlecht: 'insgesamt' } })[0]!.value!;
      const change = (region: string) => (Math.abs(value(region, 2015) - value(region, 2008)) / value(region, 2008)) * 100;

      const el = await rendered(html`<indikator-chart src=${HARZ} region="15085" compare="parent" from="2008-12-31"></indikator-chart>`);
      const summary = text(q(el, '.summary'));
      expect(summary).to.contain(`In Harz sank der Wert von 2008 bis 2015 um ${de(change('15085'), 1)} % auf ${de(value('15085', 2015))} Personen.`);
      expect(summary).to.contain(`Im Land Sachsen-Anhalt sank er im gleichen Zeitraum um ${de(change('15'), 1)} % auf ${de(value('15', 2015))} Personen.`);
      expect(summary).to.contain('Index (31.12.2008 = 100)');

      const english = await rendered(html`<indikator-chart lang="en" src=${HARZ} region="15085" compare="parent" from="2008-12-31"></indikator-chart>`);
      const s2 = text(q(english, '.summary'));
      expect(s2).to.contain(`In Harz the value fell from 2008 to 2015 by ${en(change('15085'), 1)}% to ${en(value('15085', 2015))} persons.`);
      expect(s2).to.contain(`In Sachsen-Anhalt it fell over the same period by ${en(change('15'), 1)}% to ${en(value('15', 2015))} persons.`);
      expect(text(q(english, '.actions button'))).to.equal('Show table');
      await expect(english).to.be.accessible();
    });

    it('writes changes of percentages in percentage points and names the gaps with their symbol', async () => {
      const doc = await load(ALQ_DE);
      const v = (year: string) => obs(doc, { indicator: 'arbeitslosenquote', region: '15085', period: year })[0]!.value!;
      const el = await rendered(html`<indikator-chart src=${ALQ_DE} indicator="arbeitslosenquote" region="15085" compare="DG"></indikator-chart>`);
      const summary = text(q(el, '.summary'));
      const first = obs(doc, { indicator: 'arbeitslosenquote', region: '15085' })
        .filter((o) => o.value !== null)
        .sort((a, b) => a.period.localeCompare(b.period))[0]!;
      expect(summary).to.contain(`um ${de(Math.abs(v('2016') - first.value!), 1)} Prozentpunkte auf ${de(v('2016'), 1)} %`);
      const gaps = obs(doc, { indicator: 'arbeitslosenquote', region: '15085' }).filter((o) => o.value === null);
      if (gaps.length) expect(summary).to.contain(`Für ${gaps.length} Zeitpunkte liegt kein Zahlenwert vor`);
    });
  });

  describe('bar (ranking)', () => {
    it('ranks the Kreise of a Land, sorted, the highlighted one marked, the reference hatched, the rest in the table', async () => {
      const doc = await load(ALQ_DE);
      const el = await rendered(
        html`<indikator-chart type="bar" src=${ALQ_DE} indicator="arbeitslosenquote" region="15" highlight="15085" compare="DG"></indikator-chart>`,
      );
      const chart = chartOf(el)!;
      const kreise = obs(doc, { indicator: 'arbeitslosenquote', period: '2016' }).filter((o) => o.region.length === 5 && o.region.startsWith('15'));
      const valued = kreise.filter((o) => o.value !== null).sort((a, b) => b.value! - a.value!);
      expect(valued).to.have.length(14);
      expect(chart.options.indexAxis).to.equal('y');
      expect(chart.data.labels).to.have.length(15); // 14 Kreise + Deutschland
      expect(chart.data.datasets[0]!.data.slice(0, 14)).to.deep.equal(valued.map((o) => o.value));
      expect(chart.data.labels!.at(-1)).to.equal('Deutschland');
      const colors = chart.data.datasets[0]!.backgroundColor as unknown[];
      const harzIndex = valued.findIndex((o) => o.region === '15085');
      expect(colors[harzIndex]).to.not.equal(colors[(harzIndex + 1) % 14]);
      expect(colors[14]).to.be.instanceOf(CanvasPattern);

      const summary = text(q(el, '.summary'));
      // prose names: "Mansfeld-Südharz, Landkreis" → "Landkreis Mansfeld-Südharz", "Magdeburg, Kreisfreie Stadt" → "Magdeburg"
      const name = (key: string) =>
        doc.regions
          .find((r) => r.key === key)!
          .name.replace(/^(.*), Landkreis$/, 'der Landkreis $1')
          .replace(/, Kreisfreie Stadt$/, '');
      expect(summary).to.contain(`Den höchsten Wert der 14 Regionen hat ${name(valued[0]!.region)} (${de(valued[0]!.value!, 1)} %)`);
      expect(summary).to.contain(`Der Landkreis Harz liegt auf Rang ${harzIndex + 1} von 14 (${de(valued[harzIndex]!.value!, 1)} %;`);
      expect(summary).to.contain(`Zum Vergleich: Deutschland ${de(obs(doc, { indicator: 'arbeitslosenquote', region: 'DG', period: '2016' })[0]!.value!, 1)} %`);
      const omitted = doc.regions.filter(
        (r) => r.level === 'Kreis' && r.parent === '15' && obs(doc, { indicator: 'arbeitslosenquote', region: r.key, period: '2016' })[0]?.value === null,
      ).length;
      expect(omitted).to.equal(24); // the Kreise before the 2007 reform
      expect(summary).to.contain(`Für ${omitted} weitere Regionen liegt für diesen Zeitraum kein Zahlenwert vor`);
      // nothing silently dropped: the table lists them with their symbol, in a group of their own
      expect(qa(el, '.table-view tbody:not(.omitted) tr')).to.have.length(15);
      expect(qa(el, '.table-view tbody.omitted tr')).to.have.length(1 + omitted);
      expect(text(q(el, '.omitted th[scope="rowgroup"]'))).to.contain('Ohne Zahlenwert');
      await expect(el).to.be.accessible();
    });

    it('labels bars with short names on narrow screens (the table keeps the official names)', async () => {
      const el = await rendered(html`<indikator-chart type="bar" src=${ALQ_DE} indicator="arbeitslosenquote" region="15"></indikator-chart>`);
      const labels = () => chartOf(el)!.scales['y']!.ticks.map((t) => t.label);
      expect(labels()).to.include('Harz, Landkreis');
      (el.parentElement as HTMLElement).style.width = '320px';
      await waitUntil(() => labels().includes('Harz'), 'short labels');
      expect(qa(el, '.table-view th[scope="row"]').map(text)).to.include('Harz, Landkreis');
    });

    it('ranks a region among its neighbours when it has no sub-regions', async () => {
      const el = await rendered(html`<indikator-chart type="bar" src=${ALQ} region="15085" period="2010"></indikator-chart>`);
      expect(chartOf(el)!.data.labels).to.have.length(14);
      expect(text(q(el, '.legend'))).to.equal('hervorgehoben: Harz');
      expect(text(q(el, '.summary'))).to.match(/Harz liegt auf Rang \d+ von 14/);
    });
  });

  it('column: one column per period', async () => {
    const el = await rendered(html`<indikator-chart type="column" src=${HARZ} region="15085" from="2008-12-31"></indikator-chart>`);
    const chart = chartOf(el)!;
    expect((chart.config as { type: string }).type).to.equal('bar');
    expect(chart.options.indexAxis).to.equal('x');
    expect(chart.data.labels).to.have.length(8);
    expect(chart.data.datasets).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('stacked: shares of the age groups that add up to 100 % per region', async () => {
    const el = await rendered(html`<indikator-chart type="stacked" src=${AGES} region="15085 15 DG"></indikator-chart>`);
    const chart = chartOf(el)!;
    expect(chart.data.labels).to.deep.equal(['Harz, Landkreis', 'Sachsen-Anhalt', 'Deutschland']);
    expect(chart.data.datasets).to.have.length(17);
    for (let i = 0; i < 3; i++) {
      const sum = chart.data.datasets.reduce((a, d) => a + (d.data[i] as number), 0);
      expect(sum).to.be.closeTo(100, 0.001);
    }
    expect(text(q(el, 'figcaption .subtitle'))).to.equal('Anteile in %, berechnet aus: Anzahl · 31.12.2015');
    // the table keeps the official counts
    expect(text(q(el, '.table-note'))).to.contain('amtlichen Werte');
    await expect(el).to.be.accessible();
  });

  it('pyramid: men to the left, women to the right, youngest at the bottom, totals in the summary', async () => {
    const doc = await load(AGES);
    const el = await rendered(html`<indikator-chart type="pyramid" src=${AGES} region="15085"></indikator-chart>`);
    const chart = chartOf(el)!;
    expect(chart.data.labels).to.have.length(17);
    expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['männlich', 'weiblich']);
    expect((chart.data.datasets[0]!.data as number[]).every((v) => v < 0)).to.equal(true);
    expect((chart.data.datasets[1]!.data as number[]).every((v) => v > 0)).to.equal(true);
    const total = (sex: string) => obs(doc, { region: '15085', breakdown: { geschlecht: sex, altersgruppe: 'insgesamt' } })[0]!.value!;
    const summary = text(q(el, '.summary'));
    expect(summary).to.contain(`Im Landkreis Harz, 31.12.2015: männlich ${de(total('maennlich'))}, weiblich ${de(total('weiblich'))}.`);
    // official age groups differ in width, and the summary says so
    expect(summary).to.contain('Die Gruppen sind unterschiedlich breit (2 bis 10 Jahrgänge, die älteste nach oben offen)');
    // zero in the middle
    const x = chartOf(el)!.scales['x']!;
    expect(x.min).to.equal(-x.max);
    await expect(el).to.be.accessible();
  });

  it('toggles a real data table (and back), keyboard operable', async () => {
    const el = await rendered(html`<indikator-chart src=${HARZ} region="15085" from="2010-12-31"></indikator-chart>`);
    const toggle = q(el, '.actions button') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Tabelle anzeigen');
    expect((q(el, '.table-view') as HTMLElement).hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(toggle)).to.equal('Diagramm anzeigen');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect((q(el, '.chart-view') as HTMLElement).hidden).to.equal(true);
    const table = q(el, 'table')!;
    expect(table.checkVisibility()).to.equal(true);
    expect(text(table.querySelector('caption'))).to.equal('Einwohnerinnen und Einwohner (in Personen)');
    expect(qa(el, 'th[scope="col"]').map(text)).to.deep.equal(['Zeitraum', 'Harz']);
    expect(qa(el, 'th[scope="row"]')).to.have.length(6);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect((q(el, '.chart-view') as HTMLElement).hidden).to.equal(false);
  });

  it('prints both the chart and the table', async () => {
    const el = await rendered(html`<indikator-chart src=${ALQ} region="15085"></indikator-chart>`);
    expect(getComputedStyle(q(el, '.table-view')!).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(q(el, '.table-view')!).display).to.equal('block');
      expect(getComputedStyle(q(el, '.chart-view')!).display).to.equal('block');
      expect(getComputedStyle(q(el, '.actions')!).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  describe('keyboard', () => {
    it('is one Tab stop; arrows walk points and series, each announced; Escape leaves', async () => {
      const doc = await load(HARZ);
      const el = await rendered(html`<button>before</button><indikator-chart src=${HARZ} region="15085" compare="parent" from="2010-12-31"></indikator-chart>`);
      const plot = q(el, '.plot') as HTMLElement;
      const live = q(el, '[aria-live]')!;
      (el.previousElementSibling as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === plot).to.equal(true);
      expect(getComputedStyle(plot).outlineStyle).to.equal('solid'); // visible focus ring (keyboard focus)
      const value = (region: string, year: number) => de(obs(doc, { region, period: `${year}-12-31`, breakdown: { geschlecht: 'insgesamt' } })[0]!.value!);

      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(text(live)).to.equal(`Harz, 31.12.2010: ${value('15085', 2010)} Personen (Index 100,0)`);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(text(live)).to.contain(`Harz, 31.12.2012: ${value('15085', 2012)} Personen`);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(text(live)).to.contain(`Sachsen-Anhalt, 31.12.2012: ${value('15', 2012)} Personen`);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(text(live)).to.contain(`Sachsen-Anhalt, 31.12.2015: ${value('15', 2015)} Personen`);
      expect(q(el, '.tooltip')).to.exist;
      expect(chartOf(el)!.getActiveElements()).to.have.length(1);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(null);
      expect(q(el, '.tooltip')).to.equal(null);
    });

    it('announces a missing value with its status symbol and meaning', async () => {
      const el = await rendered(html`<indikator-chart src=${HARZ} region="15085" to="2001-12-31" mode="absolute"></indikator-chart>`);
      (q(el, '.plot') as HTMLElement).focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(text(q(el, '[aria-live]'))).to.equal('Harz, 31.12.1995: . (Zahlenwert unbekannt oder geheim zu halten)');
      expect(chartOf(el)!.data.datasets[0]!.data[0]).to.equal(null);
    });

    it('Enter on a bar selects the region for linked elements (kd-region-select)', async () => {
      const el = await rendered(html`<indikator-chart type="bar" src=${ALQ} period="2016"></indikator-chart>`);
      (q(el, '.plot') as HTMLElement).focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(el, 'kd-region-select')) as CustomEvent<{ key: string; name: string }>;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.name).to.equal(chartOf(el)!.data.labels![1]);
      expect(event.detail.key).to.match(/^15\d{3}$/);
    });
  });

  it('linked: follows kd-region-select from elsewhere on the page, and says when it has no data for it', async () => {
    const el = await rendered(html`<indikator-chart linked src=${ALQ} region="15085"></indikator-chart>`);
    const rerender = oneEvent(el, 'kd-render');
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15003', name: 'Magdeburg' } }));
    await rerender;
    expect(el.region).to.equal('15003');
    expect(chartOf(el)!.data.datasets[0]!.label).to.equal('Magdeburg');
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15085001', name: 'Aschersleben' } }));
    await el.updateComplete;
    expect(el.region).to.equal('15003');
    expect(text(q(el, '.link-note'))).to.contain('Für „Aschersleben“ enthält dieses Diagramm keine Daten');
    const unlinked = await rendered(html`<indikator-chart src=${ALQ} region="15085"></indikator-chart>`);
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15003' } }));
    await unlinked.updateComplete;
    expect(unlinked.region).to.equal('15085');
  });

  it('downloads the shown observations as CSV and the chart as PNG with its sources, made in the browser', async () => {
    const doc = await load(ALQ);
    const el = await rendered(html`<indikator-chart src=${ALQ} region="15085" compare="parent"></indikator-chart>`);
    const downloads: Array<{ href: string; name: string }> = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, name: this.download });
    };
    try {
      const [, csvButton, pngButton] = qa(el, '.actions button') as HTMLButtonElement[];
      csvButton!.click();
      pngButton!.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads.map((d) => d.name)).to.deep.equal(['arbeitslosenquote-15085-15.csv', 'arbeitslosenquote-15085-15.png']);
    const csv = decodeURIComponent(downloads[0]!.href.replace(/^data:text\/csv;charset=utf-8,/, ''));
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).to.equal('indicator,region,region_name,period,value,status,unit');
    const expected = doc.observations.filter((o) => o.region === '15085' || o.region === '15');
    expect(lines).to.have.length(expected.length + 1);
    const o = expected.find((x) => x.region === '15085' && x.period === '2016')!;
    expect(lines).to.include(`arbeitslosenquote,15085,Harz,2016,${o.value},${o.status ?? ''},%`);

    expect(downloads[1]!.href).to.match(/^data:image\/png;base64,/);
    const img = new Image();
    img.src = downloads[1]!.href;
    await img.decode();
    const canvas = q(el, 'canvas') as HTMLCanvasElement;
    expect(img.width).to.be.greaterThan(canvas.width);
    expect(img.height).to.be.greaterThan(canvas.height + 40); // title above, sources below
  });

  describe('embedding', () => {
    it('resizes with its container and reflows at 320 px (400 % zoom) without horizontal scrolling', async () => {
      const el = await rendered(html`<indikator-chart src=${ALQ} region="15085 15"></indikator-chart>`);
      const wrap = el.parentElement as HTMLElement;
      wrap.style.width = '800px';
      await new Promise((r) => setTimeout(r, 150));
      const wide = (q(el, 'canvas') as HTMLCanvasElement).getBoundingClientRect().width;
      wrap.style.width = '320px';
      await waitUntil(() => (q(el, 'canvas') as HTMLCanvasElement).getBoundingClientRect().width <= 320, 'canvas did not shrink');
      expect(wide).to.be.greaterThan(700);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect((q(el, 'figure') as HTMLElement).scrollWidth).to.be.at.most(320);
    });

    it('draws only when scrolled near the viewport', async () => {
      await setViewport({ width: 800, height: 600 });
      const wrapper = await fixture<HTMLDivElement>(html`<div><div style="height: 3000px"></div><indikator-chart src=${ALQ} region="15085"></indikator-chart></div>`);
      const el = wrapper.querySelector('indikator-chart')!;
      await waitUntil(() => q(el, 'canvas'), 'no data');
      await new Promise((r) => setTimeout(r, 300));
      expect(chartOf(el)).to.equal(undefined);
      const drawn = oneEvent(el, 'kd-render');
      el.scrollIntoView();
      await drawn;
      expect(chartOf(el)).to.exist;
    });

    it('disconnecting destroys the chart', async () => {
      const el = await rendered(html`<indikator-chart src=${ALQ} region="15085"></indikator-chart>`);
      const canvas = q(el, 'canvas') as HTMLCanvasElement;
      el.remove();
      expect(Chart.getChart(canvas)).to.equal(undefined);
    });
  });

  describe('media and themes', () => {
    afterEach(async () => {
      await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
      await executeServerCommand('emulate-forced-colors', { active: false });
    });

    it('does not animate when the reader prefers reduced motion', async () => {
      const animated = await rendered(html`<indikator-chart src=${ALQ} region="15085"></indikator-chart>`);
      expect(chartOf(animated)!.options.animation).to.not.equal(false);
      await emulateMedia({ reducedMotion: 'reduce' });
      const still = await rendered(html`<indikator-chart src=${ALQ} region="15085"></indikator-chart>`);
      expect(chartOf(still)!.options.animation).to.equal(false);
    });

    it('has a dark theme (attribute, or auto with prefers-color-scheme)', async () => {
      const light = await rendered(html`<indikator-chart src=${ALQ} region="15085 15"></indikator-chart>`);
      const dark = await rendered(html`<indikator-chart theme="dark" src=${ALQ} region="15085 15"></indikator-chart>`);
      expect(getComputedStyle(dark).backgroundColor, 'KERN dark background').to.equal('rgb(0, 0, 0)');
      const color = (el: IndikatorChart) => chartOf(el)!.data.datasets[0]!.borderColor;
      expect(color(dark)).to.not.equal(color(light));
      await expect(dark).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      const auto = await rendered(html`<indikator-chart theme="auto" src=${ALQ} region="15085 15"></indikator-chart>`);
      expect(color(auto)).to.equal(color(dark));
    });

    it('uses system colours under forced colours; lines stay apart by dash and marker', async () => {
      await executeServerCommand('emulate-forced-colors', { active: true });
      const el = await rendered(html`<indikator-chart src=${ALQ} region="15085 15 15003"></indikator-chart>`);
      const sets = chartOf(el)!.data.datasets as Array<{ borderColor: string; borderDash: number[]; pointStyle: string }>;
      expect(new Set(sets.map((d) => d.borderColor)).size).to.equal(1);
      expect(new Set(sets.map((d) => JSON.stringify(d.borderDash))).size).to.equal(3);
      expect(new Set(sets.map((d) => d.pointStyle)).size).to.equal(3);
    });

    it('can be themed through --kd-* custom properties', async () => {
      const el = await rendered(html`<indikator-chart style="--kd-color-series-1: rgb(200, 0, 0)" src=${ALQ} region="15085"></indikator-chart>`);
      expect(chartOf(el)!.data.datasets[0]!.borderColor).to.equal('rgb(200, 0, 0)');
    });
  });

  describe('failures', () => {
    const cases: Array<[string, ReturnType<typeof html>, RegExp]> = [
      ['HTTP 404', html`<indikator-chart src="/__test__/status/404"></indikator-chart>`, /HTTP-Status 404/],
      ['not JSON', html`<indikator-chart src="/__test__/html"></indikator-chart>`, /keine gültige JSON-Datei/],
      ['timeout', html`<indikator-chart src="/__test__/slow/3000" timeout="300"></indikator-chart>`, /kam nicht innerhalb von 0,3 Sekunden an/],
      ['unknown region', html`<indikator-chart src=${ALQ} region="15099"></indikator-chart>`, /Die Region „15099“ gibt es in den Daten nicht/],
      ['unknown indicator', html`<indikator-chart src=${ALQ_DE} indicator="quote"></indikator-chart>`, /Den Indikator „quote“ gibt es/],
      ['unknown period', html`<indikator-chart type="bar" src=${ALQ} period="2020"></indikator-chart>`, /Den Zeitraum „2020“ gibt es/],
      ['too many regions to choose from', html`<indikator-chart src=${ALQ_DE} indicator="arbeitslosenquote"></indikator-chart>`, /Region/],
      ['pyramid without sex', html`<indikator-chart type="pyramid" src=${ALQ} region="15085"></indikator-chart>`, /Gliederung/],
    ];
    for (const [name, template, message] of cases) {
      it(`${name}: an accessible alert inside the widget and a console warning`, async () => {
        const el = await rendered(template);
        const alert = q(el, '[role="alert"]');
        expect(text(alert)).to.match(message);
        expect(page.warnings().join('\n')).to.contain('<indikator-chart>');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('renders data strings as text, never as markup', async () => {
    const doc = structuredClone(await load(ALQ));
    doc.regions.find((r) => r.key === '15085')!.name = '<img src=x onerror="window.__xss=1">Harz';
    doc.indicators[0]!.label = '<b>Quote</b>';
    const el = await rendered(html`<indikator-chart .data=${doc} region="15085"></indikator-chart>`);
    expect(q(el, 'img, b')).to.equal(null);
    expect(text(q(el, '.title'))).to.equal('<b>Quote</b>');
    expect(text(q(el, '.summary'))).to.contain('<img src=x onerror="window.__xss=1">Harz');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
  describe('a computed indicator', () => {
    const COMPUTED = 'einkuenfte-je-steuerpflichtigen';

    /** The lines of the CSV the "Daten herunterladen (CSV)" button makes. */
    function csvLines(el: IndikatorChart): string[] {
      const hrefs: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        hrefs.push(this.href);
      };
      try {
        (qa(el, '.actions button')[1] as HTMLButtonElement).click();
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      return decodeURIComponent(hrefs[0]!.replace(/^data:text\/csv;charset=utf-8,/, '')).replace(/^\ufeff/, '').trim().split('\r\n');
    }

    it('says what its values are computed from in the caption, the summary, the table and the CSV', async () => {
      const el = await rendered(html`<indikator-chart .data=${computedDocument()} indicator=${COMPUTED} region="15085" compare="parent"></indikator-chart>`);
      const note = `berechnet aus: ${FORMULA.de}`;
      expect(text(q(el, '.subtitle'))).to.equal(`Einheit: EUR · ${note} · 2017 – 2018`);
      expect(text(q(el, '.summary'))).to.contain(`Die Werte sind nicht amtlich veröffentlicht, sondern ${note}.`);
      expect(text(q(el, '#table-caption'))).to.equal(`Einkünfte je Steuerpflichtigen (in EUR) ${note}`);
      expect(text(q(el, '#table-caption .computed'))).to.equal(note);
      // Caption (the figure's name), summary (the plot's description) and table: the tooltip and the
      // announcement of single values do not repeat the formula.
      expect(shown(el).split('berechnet aus').length - 1).to.equal(3);
      const lines = csvLines(el);
      // The official columns unchanged, then `note` on every computed row.
      expect(lines[0]).to.equal('indicator,region,region_name,period,value,status,unit,note');
      expect(lines).to.have.length(5);
      expect(lines).to.include(`${COMPUTED},15085,"Harz, Landkreis",2018,26733,,EUR,${note}`);
      expect(lines).to.include(`${COMPUTED},15,Sachsen-Anhalt,2017,27273,,EUR,${note}`);
      await expect(el).to.be.accessible();
    });

    it('in English', async () => {
      const el = await rendered(html`<indikator-chart lang="en" .data=${computedDocument()} indicator=${COMPUTED} region="15085" compare="parent"></indikator-chart>`);
      const note = `computed from: ${FORMULA.en}`;
      expect(text(q(el, '.subtitle'))).to.equal(`Unit: EUR · ${note} · 2017 – 2018`);
      expect(text(q(el, '.summary'))).to.contain(`The values are not officially published but ${note}.`);
      expect(text(q(el, '#table-caption'))).to.equal(`Income per taxpayer (in EUR) ${note}`);
      expect(shown(el)).not.to.contain('berechnet');
      const lines = csvLines(el);
      expect(lines[0]).to.equal('indicator,region,region_name,period,value,status,unit,note');
      expect(lines).to.include(`${COMPUTED},15085,"Harz, Landkreis",2018,26733,,EUR,"${note}"`); // "EUR 1,000": quoted
      await expect(el).to.be.accessible();
    });

    it('as an index, the table holds its values, not "official" ones', async () => {
      const el = await rendered(html`<indikator-chart .data=${computedDocument()} indicator=${COMPUTED} region="15085" compare="parent" mode="index"></indikator-chart>`);
      expect(text(q(el, '.subtitle'))).to.equal(`Index (2017 = 100), berechnet aus: EUR · berechnet aus: ${FORMULA.de} · 2017 – 2018`);
      expect(text(q(el, '.table-note'))).to.equal('Die Tabelle zeigt die Werte, aus denen das Diagramm berechnet ist.');
      expect(shown(el)).not.to.contain('amtlichen Werte');
    });

    it('an official indicator of the same file says nothing of the kind, and its CSV keeps its seven columns', async () => {
      const doc = computedDocument();
      const el = await rendered(html`<indikator-chart .data=${doc} indicator="steuerpflichtige" region="15085" compare="parent" mode="absolute"></indikator-chart>`);
      expect(text(q(el, '.subtitle'))).to.equal('Einheit: Anzahl · 2017 – 2018');
      expect(q(el, '.computed')).to.equal(null);
      expect(shown(el)).not.to.contain('berechnet').and.not.to.contain('amtlich veröffentlicht');
      expect(csvLines(el)[0]).to.equal('indicator,region,region_name,period,value,status,unit');
      await expect(el).to.be.accessible();
      const english = await rendered(html`<indikator-chart lang="en" .data=${doc} indicator="steuerpflichtige" region="15085" mode="absolute"></indikator-chart>`);
      expect(text(q(english, '.subtitle'))).to.equal('Unit: number · 2017 – 2018');
      expect(shown(english)).not.to.contain('computed');
    });
  });
});
