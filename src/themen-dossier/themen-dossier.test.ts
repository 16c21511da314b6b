import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { guardPage } from '../../test/fixtures/page-guard.js';
import { HARZ_DOSSIER_FILES } from '../../test/fixtures/demo-files.js';
import { computedDocument, FORMULA } from '../../test/fixtures/computed-document.js';
import { q, qa, text } from '../../test/fixtures/shadow.js';
import type { KreisdossierInput } from '../format/types.js';
import '../kreisdossier.js';
import type { ThemenDossier } from './themen-dossier.js';

const FILES = HARZ_DOSSIER_FILES;
const SRC = FILES.join(' ');
const HARZ = '15085';
const WERNIGERODE = '15085370';

interface Obs {
  indicator: string;
  region: string;
  period: string;
  value: number | null;
  status?: string;
  breakdown?: Record<string, string>;
}
interface Doc {
  regions: Array<{ key: string; name: string; level: string; parent?: string }>;
  observations: Obs[];
  dossier?: { topics: Array<{ topic: string; sections: Array<{ id: string; title: { de: string; en?: string }; element: string; indicators: string[] }> }> };
  dataset: { attribution: string };
}
const json = async (url: string): Promise<Doc> => (await fetch(url)).json() as Promise<Doc>;
/** Intl's no-break spaces folded, as `text()` reads the page. */
const fold = (s: string) => s.replace(/\s+/g, ' ');
const de = (n: number, digits = 0) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const dePercent = (n: number) => fold(new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n));

async function dossier(markup: ReturnType<typeof html>): Promise<ThemenDossier> {
  const el = await fixture<ThemenDossier>(markup);
  // Sections arrive a few per task: settled when the article is no longer busy (or an alert shows).
  await waitUntil(() => q(el, 'article[aria-busy="false"], [role="alert"]:not(.missing)'), 'dossier did not settle', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const sectionTitles = (el: Element) => qa(el, 'section.section .section-title').map(text);
const tile = (el: Element, label: string) => qa(el, '.tile').find((t) => text(t.querySelector('.tile-title')) === label);

/** Everything the element shows, as one string (white space folded). */
const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<themen-dossier>', function () {
  this.timeout(30_000);
  const page = guardPage();

  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the sections of the dossier definition for Landkreis Harz, in order, with a table of contents', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bevoelkerung"></themen-dossier>`);
    const definition = await json(FILES[0]!);
    const expected = definition.dossier!.topics.find((t) => t.topic === 'Bevölkerung')!.sections.map((s) => s.title.de);
    expect(sectionTitles(el)).to.deep.equal(expected);
    expect(qa(el, '.toc a').map(text)).to.deep.equal([...expected, 'Quellen und Lizenzen']);
    expect(text(q(el, '.title'))).to.equal('Bevölkerung – Landkreis Harz');
    expect(text(q(el, '.eyebrow'))).to.equal('Kreis · Sachsen-Anhalt · Regionalschlüssel 15085');
    expect(text(q(el, '.intro'))).to.contain('Der Landkreis Harz liegt im Land Sachsen-Anhalt').and.contain('im Vergleich mit Sachsen-Anhalt und Deutschland');
    // The "Stand" of the numbers, not the date the definition file was written.
    // 12411-01-01-4 as fetched from the web service: its "Stand" is the metadata's Updated, 31.03.2025.
    expect(text(q(el, '.meta'))).to.equal('Datenstand: 31.03.2025 (jüngste Veröffentlichung der verwendeten Statistiken)');
    // Charts and maps are the composed elements, fed with the dossier's data (no second fetch).
    const charts = qa(el, 'indikator-chart');
    expect(charts.map((c) => c.getAttribute('indicator'))).to.deep.equal(['bevoelkerung', 'bevoelkerung-altersgruppen', 'durchschnittsalter', 'lebendgeborene', 'gestorbene']);
    expect(charts[0]!.getAttribute('region')).to.equal(HARZ);
    expect(charts[0]!.getAttribute('compare')).to.equal('15 DG');
    expect(charts[1]!.getAttribute('type')).to.equal('pyramid');
    const maps = qa(el, 'kreis-map');
    expect(maps.map((m) => [m.getAttribute('indicator'), m.getAttribute('region'), m.getAttribute('highlight')])).to.deep.equal([
      ['bevoelkerung', HARZ, null], // Harz's Gemeinden
      ['bevoelkerungsdichte', '15', HARZ], // no Gemeinde data: Harz among the Kreise
    ]);
    expect(qa(el, '.explanation p').map(text)).to.include('Einwohnerinnen und Einwohner: Wie viele Menschen am 31. Dezember mit Hauptwohnsitz in der Region gemeldet waren.');
  });

  it('tiles show the official value, the changes, the reference regions and the rank, as in the data', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bevoelkerung"></themen-dossier>`);
    const [kreise, current, births] = await Promise.all([json('/demo/data/bevoelkerung-kreise.json'), json('/demo/data/bevoelkerung-kreise-2024.json'), json('/demo/data/geburten-kreise.json')]);
    const total = (doc: Doc, indicator: string, region: string, period: string) =>
      doc.observations.find((o) => o.indicator === indicator && o.region === region && o.period === period && o.breakdown?.['geschlecht'] === 'insgesamt')?.value ?? undefined;
    const rank = (doc: Doc, indicator: string, period: string, value: number) => {
      const kreisKeys = doc.regions.filter((r) => r.level === 'Kreis' && r.key.startsWith('15')).map((r) => r.key);
      const values = kreisKeys.map((k) => total(doc, indicator, k, period)).filter((v): v is number => v != null);
      return `Rang ${1 + values.filter((v) => v > value).length} von ${values.length} Kreisen und kreisfreien Städten im Land Sachsen-Anhalt, vom höchsten Wert aus gezählt`;
    };

    // Population: the newest official value (31.12.2024, fetched from the web service), its change since the latest
    // earlier Stichtag the data has (31.12.2015), and the five-year change named as not computable (no 31.12.2019).
    const t = tile(el, 'Einwohnerinnen und Einwohner')!;
    const now = total(current, 'bevoelkerung', HARZ, '2024-12-31')!;
    expect(now).to.equal(205484);
    expect(text(t.querySelector('.value'))).to.equal(de(now));
    expect(text(t.querySelector('.period'))).to.equal('Stand 31.12.2024');
    const changes = [...t.querySelectorAll('.change')].map(text);
    const since2015 = now - total(kreise, 'bevoelkerung', HARZ, '2015-12-31')!;
    expect(changes[0]).to.equal(`▼ gesunken: ${dePercent((since2015 / total(kreise, 'bevoelkerung', HARZ, '2015-12-31')!) * 100)} (${de(since2015)}) gegenüber 31.12.2015`);
    expect(changes[1]).to.equal('in fünf Jahren (seit 31.12.2019): nicht berechenbar (kein Wert für 31.12.2019 in den Daten)');
    // Population is neutral: no verdict on it. The 2024 table has Kreise only, so no Land or Bund value is claimed.
    expect(t.querySelector('.assessment')).to.be.null;
    expect(t.querySelector('.compare')).to.be.null;
    expect(text(t.querySelector('.rank'))).to.equal(rank(current, 'bevoelkerung', '2024-12-31', now));

    // Births, a series with every year: both changes, their verdict (more births are favourable), Land and Bund.
    const b = tile(el, 'Lebendgeborene')!;
    const born = (region: string, year: string) => total(births, 'lebendgeborene', region, year)!;
    expect(text(b.querySelector('.value'))).to.equal(de(born(HARZ, '2015')));
    const [last, five] = [born(HARZ, '2015') - born(HARZ, '2014'), born(HARZ, '2015') - born(HARZ, '2010')];
    const arrow = (n: number) => (n > 0 ? '▲ gestiegen' : '▼ gesunken');
    const verdict = (n: number) => (n > 0 ? 'günstige Entwicklung' : 'ungünstige Entwicklung');
    const signed = (n: number) => (n > 0 ? `+${de(n)}` : de(n));
    expect([...b.querySelectorAll('.change')].map(text)).to.deep.equal([
      `${arrow(last)}: ${dePercent((last / born(HARZ, '2014')) * 100)} (${signed(last)}) gegenüber 2014 (${verdict(last)})`,
      `${arrow(five)}: ${dePercent((five / born(HARZ, '2010')) * 100)} (${signed(five)}) in fünf Jahren (seit 2010) (${verdict(five)})`,
    ]);
    const change = (key: string) => dePercent(((born(key, '2015') - born(key, '2010')) / born(key, '2010')) * 100);
    expect(text(b.querySelector('.compare'))).to.equal(`Zum Vergleich, Veränderung seit 2010: Sachsen-Anhalt ${change('15')} · Deutschland ${change('DG')}`);
    expect(text(b.querySelector('.rank'))).to.equal(rank(births, 'lebendgeborene', '2015', born(HARZ, '2015')));

    // A longer unit sits beside the number, small.
    expect(text(tile(el, 'Bevölkerungsdichte')!.querySelector('.value .unit'))).to.equal('Einwohner je km²');
  });

  it('arrows and words respect the polarity: a falling unemployment rate is good news, said in words', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="arbeitsmarkt-wirtschaft"></themen-dossier>`);
    const data = await json('/demo/data/arbeitslosigkeit-kreise.json');
    const rate = (region: string, period: string) => data.observations.find((o) => o.indicator === 'arbeitslosenquote' && o.region === region && o.period === period)!.value!;
    const t = tile(el, 'Arbeitslosenquote')!;
    expect(text(t.querySelector('.value'))).to.equal(`${de(rate(HARZ, '2016'), 1)} %`);
    const first = t.querySelector('.change')!;
    const points = rate(HARZ, '2016') - rate(HARZ, '2015');
    expect(points).to.be.below(0);
    expect(first.classList.contains('good')).to.equal(true);
    expect(text(first)).to.equal(`▼ gesunken: ${de(points, 1).replace('-', '-')} Prozentpunkte gegenüber 2015 (günstige Entwicklung)`);
    // Rates are compared as values with the Land and Germany.
    expect(text(t.querySelector('.compare'))).to.equal(`Zum Vergleich: Sachsen-Anhalt ${de(rate('15', '2016'), 1)} % · Deutschland ${de(rate('DG', '2016'), 1)} %`);
    // The ranking chart and the map of the Land's Kreise are linked to the dossier.
    const bar = qa(el, 'indikator-chart').find((c) => c.getAttribute('type') === 'bar')!;
    expect(bar.getAttribute('region')).to.equal(HARZ);
    await expect(el).to.be.accessible();
  });

  it('a topic without data says so, and what data it would need', async () => {
    // The Kreisdossier without its income file: "Soziale Lage" has no numbers then.
    const withoutIncome = FILES.filter((f) => !f.endsWith('/einkommen-kreise-2021.json')).join(' ');
    expect(withoutIncome).not.to.equal(SRC);
    const el = await dossier(html`<themen-dossier src=${withoutIncome} region=${HARZ} topic="soziale-lage"></themen-dossier>`);
    expect(text(q(el, '.empty-topic p'))).to.equal('Zum Thema „Soziale Lage“ liegen für den Landkreis Harz in den geladenen Daten keine Zahlen vor.');
    // No dead links: the table of contents is left out, and no source is claimed for numbers not shown.
    expect(q(el, '.toc')).to.be.null;
    expect(text(q(el, '.sources'))).not.to.contain('Alle Zahlen auf dieser Seite');
    expect(qa(el, '.empty-topic li').map(text)[0]).to.contain('SGB II');
    const nav = qa(el, '.topics button').map(text);
    expect(nav).to.include('Soziale Lage (keine Daten)').and.include('Bevölkerung');
    expect(q(el, '.topics button[aria-pressed="true"]')!.textContent).to.contain('Soziale Lage');
    await expect(el).to.be.accessible();
  });

  it('a Gemeinde gets its own numbers, its Kreis for comparison, and a way to its Kreis where it has none', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${WERNIGERODE} topic="bevoelkerung"></themen-dossier>`);
    expect(text(q(el, '.title'))).to.equal('Bevölkerung – Wernigerode');
    expect(text(q(el, '.intro'))).to.contain('Wernigerode ist eine Stadt im Landkreis Harz');
    const population = tile(el, 'Einwohnerinnen und Einwohner')!;
    expect(text(population.querySelector('.compare'))).to.match(/^Zum Vergleich, Veränderung seit 31\.12\.2010: Landkreis Harz -?[\d,]+ % · Sachsen-Anhalt/);
    // Ranked among the Gemeinden the data has: those of Landkreis Harz.
    expect(text(population.querySelector('.rank'))).to.match(/von 20 Gemeinden im Landkreis Harz/);
    // The age pyramid exists only for Kreise: the section says so and offers the Kreis.
    const note = qa(el, '.no-data').find((n) => text(n).includes('Einwohnerinnen und Einwohner nach Altersgruppen'))!;
    expect(text(note)).to.contain('Für Wernigerode liegen zu „Einwohnerinnen und Einwohner nach Altersgruppen“ keine Zahlen vor.');
    // The Gemeinde map shows Harz's Gemeinden with Wernigerode highlighted.
    const map = qa(el, 'kreis-map').find((m) => m.getAttribute('indicator') === 'bevoelkerung')!;
    expect([map.getAttribute('region'), map.getAttribute('highlight')]).to.deep.equal([HARZ, WERNIGERODE]);
    await expect(el).to.be.accessible();
    (note.querySelector('button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.region).to.equal(HARZ);
    await waitUntil(() => text(q(el, '.title')) === 'Bevölkerung – Landkreis Harz', 'did not switch to the Kreis');
    expect(text(q(el, '[role="status"][aria-live="polite"]'))).to.equal('Angezeigt: Landkreis Harz, Bevölkerung');
  });

  it('a Kreis whose numbers exist only for its Gemeinden shows their range and ranking', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="strukturwandel"></themen-dossier>`);
    const t = tile(el, 'Anteil der Siedlungs- und Verkehrsfläche an der Gesamtfläche')!;
    const data = await json('/demo/data/siedlungsflaeche-gemeinden-harz.json');
    const values = data.observations.filter((o) => o.indicator === 'ai0111' && o.value !== null).map((o) => o.value!);
    expect(text(t.querySelector('.value'))).to.equal(`${de(Math.min(...values), 1)} % – ${de(Math.max(...values), 1)} %`);
    expect(text(t.querySelector('.spread-note'))).to.contain(`Für den Landkreis Harz insgesamt liegt kein Wert vor.`).and.contain(`(${values.length} Gemeinden mit Angaben)`);
    const bar = q(el, 'indikator-chart')!;
    expect([bar.getAttribute('type'), bar.getAttribute('region')]).to.deep.equal(['bar', HARZ]);
  });

  it('the built-in picker switches the region by keyboard, and every composed chart and map follows', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bevoelkerung" within=${HARZ}></themen-dossier>`);
    const picker = q(el, 'region-auswahl')!;
    await waitUntil(() => picker.shadowRoot?.querySelector('input'), 'picker did not render');
    // Only the Kreis and its 20 current Gemeinden are offered (within="15085"), not dissolved ones.
    expect(picker.getAttribute('regions')!.split(' ')).to.have.length(21);
    const input = picker.shadowRoot!.querySelector('input')!;
    input.focus();
    input.select();
    await sendKeys({ type: 'Werniger' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.region === WERNIGERODE, 'the picker did not switch the dossier');
    await el.updateComplete;
    const chart = qa(el, 'indikator-chart').find((c) => c.getAttribute('indicator') === 'bevoelkerung')!;
    expect(chart.getAttribute('region')).to.equal(WERNIGERODE);
    expect(chart.getAttribute('compare')).to.equal('15085 15 DG');
    const map = qa(el, 'kreis-map').find((m) => m.getAttribute('indicator') === 'bevoelkerung')!;
    expect(map.getAttribute('highlight')).to.equal(WERNIGERODE);
  });

  it('follows regions chosen in its own map or ranking, and with `linked` anywhere on the page', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="arbeitsmarkt-wirtschaft" within="15" linked></themen-dossier>`);
    const map = q(el, 'kreis-map')!;
    map.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '15003', name: 'Magdeburg' } }));
    await el.updateComplete;
    expect(el.region).to.equal('15003');
    await waitUntil(() => q(el, 'kreis-map')?.getAttribute('highlight') === '15003', 'map did not follow');
    expect(qa(el, 'indikator-chart').every((c) => c.getAttribute('region') === '15003')).to.equal(true);
    // Another element on the page (a picker outside the dossier).
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: HARZ } }));
    await el.updateComplete;
    expect(el.region).to.equal(HARZ);
    // A region the dossier has no page for is announced, not followed.
    document.body.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: '09162', name: 'München' } }));
    await el.updateComplete;
    expect(el.region).to.equal(HARZ);
    expect(text(q(el, '[role="status"][aria-live="polite"]'))).to.equal('Zu „München“ gibt es in diesem Dossier keine eigene Seite.');
  });

  it('keeps region and topic in the URL hash: shared links open the view, Back returns to the previous one', async () => {
    history.replaceState(null, '', `#region=${WERNIGERODE}&topic=strukturwandel`);
    const el = await dossier(html`<themen-dossier hash src=${SRC} region=${HARZ} topic="bevoelkerung"></themen-dossier>`);
    expect([el.region, el.topic]).to.deep.equal([WERNIGERODE, 'strukturwandel']);
    expect(text(q(el, '.title'))).to.equal('Strukturwandel – Wernigerode');
    // Topic links are real links to the shareable view.
    const link = qa(el, '.topics a').find((a) => text(a) === 'Bevölkerung') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(`#region=${WERNIGERODE}&topic=bevoelkerung`);
    expect(q(el, '.topics a[aria-current="page"]')!.textContent).to.contain('Strukturwandel');
    const followed = oneEvent(window, 'hashchange');
    link.click();
    await followed;
    await waitUntil(() => q(el, 'article[aria-busy="false"] kreis-map'), 'the new topic did not render');
    expect(el.topic).to.equal('bevoelkerung');
    // A region chosen in the page goes into the hash as a new history entry.
    const selected = oneEvent(window, 'hashchange');
    q(el, 'kreis-map')!.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: HARZ } }));
    await selected;
    await el.updateComplete;
    expect(location.hash).to.equal(`#region=${HARZ}&topic=bevoelkerung`);
    let back = oneEvent(window, 'hashchange');
    history.back();
    await back;
    await el.updateComplete;
    expect([el.region, el.topic]).to.deep.equal([WERNIGERODE, 'bevoelkerung']);
    back = oneEvent(window, 'hashchange');
    history.back();
    await back;
    await el.updateComplete;
    expect([el.region, el.topic]).to.deep.equal([WERNIGERODE, 'strukturwandel']);
  });

  it('the table of contents moves focus to the section heading', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bildung"></themen-dossier>`);
    const link = qa(el, '.toc a').find((a) => text(a) === 'Schulen als Tabelle') as HTMLAnchorElement;
    link.click();
    await el.updateComplete;
    expect(text(el.shadowRoot!.activeElement)).to.equal('Schulen als Tabelle');
    expect(location.hash).to.equal('');
  });

  it('renders the first sections at once and the rest a few per task, busy until complete; kd-render once complete', async () => {
    const rendered: number[] = [];
    const el = document.createElement('themen-dossier') as ThemenDossier;
    Object.assign(el, { src: SRC, region: HARZ, topic: 'bevoelkerung' });
    el.addEventListener('kd-render', (e) => e.composedPath()[0] === el && rendered.push(qa(el, 'section.section').length));
    // What the first render with data shows, read in the same task (a mutation record is a microtask).
    let first: { busy: string | null; sections: number; toc: number } | undefined;
    document.body.append(el); // connecting creates the shadow root; the data arrive tasks later
    new MutationObserver((_, observer) => {
      const article = q(el, 'article');
      if (!article) return;
      first = { busy: article.getAttribute('aria-busy'), sections: qa(el, 'section.section').length, toc: qa(el, '.toc a').length };
      observer.disconnect();
    }).observe(el.shadowRoot!, { childList: true, subtree: true });
    await waitUntil(() => first, 'no article', { timeout: 10_000 });
    // Two sections at first; the table of contents already lists all seven and the sources.
    expect(first).to.deep.equal({ busy: 'true', sections: 2, toc: 8 });
    await waitUntil(() => q(el, 'article[aria-busy="false"]'), 'never complete', { timeout: 10_000 });
    expect(qa(el, 'section.section')).to.have.length(7);
    expect(rendered).to.deep.equal([7]);
    el.remove();
  });

  it('a link from a shared URL to a section opens it once the section is there', async () => {
    history.replaceState(null, '', '#region=15085&topic=bevoelkerung&section=bevoelkerung--dichte');
    const el = await dossier(html`<themen-dossier hash src=${SRC} region=${HARZ}></themen-dossier>`);
    await waitUntil(() => el.shadowRoot!.activeElement, 'the section heading did not get focus');
    expect(text(el.shadowRoot!.activeElement)).to.equal('Bevölkerungsdichte im Land');
  });

  it('`within` holds for every way of switching: the URL hash, offers to see an ancestor, the picker', async () => {
    history.replaceState(null, '', '#region=15&topic=bevoelkerung');
    const el = await dossier(html`<themen-dossier hash within=${HARZ} src=${SRC} region=${WERNIGERODE} topic="bildung"></themen-dossier>`);
    // The hash names Sachsen-Anhalt, outside `within`: not followed (its topic is).
    expect([el.region, el.topic]).to.deep.equal([WERNIGERODE, 'bevoelkerung']);
    expect(text(q(el, '[role="status"][aria-live="polite"]'))).to.equal('Zu „15“ gibt es in diesem Dossier keine eigene Seite.');
    // Where Wernigerode has no numbers, the offer names the Kreis, never the Land or Deutschland.
    expect(new Set(qa(el, 'button.switch').map(text))).to.deep.equal(new Set(['Zahlen für Landkreis Harz ansehen']));
    const changed = oneEvent(window, 'hashchange');
    history.pushState(null, '', '#region=DG&topic=bevoelkerung');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await changed;
    await el.updateComplete;
    expect(el.region).to.equal(WERNIGERODE);
    expect(text(q(el, '[role="status"][aria-live="polite"]'))).to.equal('Zu „DG“ gibt es in diesem Dossier keine eigene Seite.');
    expect(q(el, '[role="alert"]')).to.be.null;
  });

  it('tells the page which view it shows (kd-dossier-change), with the topic it defaulted to', async () => {
    const views: unknown[] = [];
    const el = await fixture<ThemenDossier>(html`<themen-dossier src=${SRC} region=${HARZ} @kd-dossier-change=${(e: CustomEvent) => views.push(e.detail)}></themen-dossier>`);
    await waitUntil(() => views.length, 'no kd-dossier-change', { timeout: 10_000 });
    expect(views).to.deep.equal([{ region: HARZ, topic: 'bevoelkerung' }]);
    el.region = WERNIGERODE;
    await waitUntil(() => views.length === 2, 'no second kd-dossier-change', { timeout: 10_000 });
    expect(views[1]).to.deep.equal({ region: WERNIGERODE, topic: 'bevoelkerung' });
  });

  it('editing its light-DOM content does not reload the data (only inline JSON does)', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bildung"><p slot="after-kennzahlen">Alt</p></themen-dossier>`);
    // a reload from the document cache is over within milliseconds: count the calls, not the placeholder
    let reloads = 0;
    const reload = el.reload.bind(el);
    el.reload = (bypass?: boolean) => {
      reloads++;
      reload(bypass);
    };
    el.querySelector('p')!.textContent = 'Neu';
    el.append(Object.assign(document.createElement('p'), { textContent: 'Noch ein Absatz' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(reloads, 'reloads after light-DOM edits').to.equal(0);
    await el.updateComplete;
    expect(q(el, '[part="placeholder"]')).to.be.null;
    expect(q(el, 'article')).to.exist;
    // control: inline JSON is data, so adding it reloads
    el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: '{}' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(reloads, 'inline JSON added: one reload').to.equal(1);
  });

  it('takes light-DOM content into its sections, and `sections` picks and orders them', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="arbeitsmarkt-wirtschaft" sections="arbeitslosenquote-karte kennzahlen">
      <p slot="after-kennzahlen" id="own">Unser Kommentar zum Arbeitsmarkt.</p>
      <aside id="end">Kontakt: Wirtschaftsförderung</aside>
    </themen-dossier>`);
    expect(sectionTitles(el)).to.deep.equal(['Arbeitslosenquote auf der Karte', 'Kennzahlen']);
    expect(qa(el, '.toc a').map(text)).to.deep.equal(['Arbeitslosenquote auf der Karte', 'Kennzahlen', 'Quellen und Lizenzen']);
    const slot = q(el, 'slot[name="after-kennzahlen"]') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([el.querySelector('#own')]);
    expect(slot.closest('section')!.id).to.equal('arbeitsmarkt-wirtschaft--kennzahlen');
    const rest = q(el, 'slot:not([name])') as HTMLSlotElement;
    expect(rest.assignedElements()).to.deep.equal([el.querySelector('#end')]);
  });

  it('collects every source, licence and boundary line of the page in one list', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="digitalisierung"></themen-dossier>`);
    const list = text(q(el, '.sources'));
    const broadband = await json('/demo/data/breitband-kreise-2021.json');
    expect(list).to.contain(broadband.dataset.attribution);
    expect(list).to.contain('Gebietsgrenzen: © GeoBasis-DE / BKG (2021), Daten verändert (dl-de/by-2-0)');
    expect(list).to.contain('Auswahl der Themen und Erläuterungen:').and.contain('kreisdossier-Demo');
    // Files whose numbers are not on this page are not listed.
    expect(list).not.to.contain('12411-01-01-4');
  });

  it('shows every topic on one page with topic="alle"', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="alle" navigation="topics"></themen-dossier>`);
    expect(qa(el, '.topic-title').map(text)).to.deep.equal([
      'Bevölkerung',
      'Gesundheit und Pflege',
      'Bildung',
      'Arbeitsmarkt und Wirtschaft',
      'Soziale Lage',
      'Digitalisierung',
      'Strukturwandel',
    ]);
    expect(q(el, 'region-auswahl')).to.be.null;
    // Tile ids stay unique although every topic has a "kennzahlen" section.
    const ids = qa(el, '[id]').map((n) => n.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('the Kreisdossier Harz has numbers in all seven topics, the newest from the web service where a table has them', async () => {
    // Newest period per topic: from the tables fetched with `kreisdossier fetch` (2021–2025) where one exists;
    // Gesundheit und Pflege and Bildung have no recorded current table, so their long series end in 2015.
    const newest: Record<string, string> = {
      bevoelkerung: '31.12.2024',
      'gesundheit-pflege': '31.12.2015',
      bildung: '2015',
      'arbeitsmarkt-wirtschaft': '30.06.2025',
      'soziale-lage': '2021',
      digitalisierung: 'Juni 2021',
      strukturwandel: '2023',
    };
    for (const [topic, period] of Object.entries(newest)) {
      const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic=${topic}></themen-dossier>`);
      expect(q(el, '.empty-topic'), topic).to.be.null;
      expect(text(q(el, '.intro')), topic).to.contain(`Die neuesten Zahlen beziehen sich auf ${period}.`);
      if (topic === 'soziale-lage') {
        // The one computed figure says so on its tile and in the sources; the official ones do not.
        const computed = tile(el, 'Einkünfte je Steuerpflichtigen')!;
        expect(text(computed.querySelector('.computed'))).to.equal('berechnet aus: Gesamtbetrag der Einkünfte (Tsd. EUR) × 1.000 ÷ Lohn- und Einkommensteuerpflichtige (Anzahl)');
        expect(tile(el, 'Lohn- und Einkommensteuerpflichtige')!.querySelector('.computed')).to.be.null;
        expect(text(q(el, '.sources'))).to.contain('Einkünfte je Steuerpflichtigen – berechnet aus:');
        await expect(el).to.be.accessible();
      }
      el.remove();
    }
  });

  it('speaks English on lang="en"', async () => {
    const el = await dossier(html`<themen-dossier lang="en" src=${SRC} region=${HARZ} topic="arbeitsmarkt-wirtschaft"></themen-dossier>`);
    expect(text(q(el, '.title'))).to.equal('Labour market and economy – Landkreis Harz');
    expect(sectionTitles(el)[0]).to.equal('Key figures');
    expect(text(q(el, '.explanation-title'))).to.equal('What does this mean?');
    expect(text(tile(el, 'Unemployment rate')!.querySelector('.change'))).to.match(/^▼ down: -[\d.]+ percentage points compared with 2015 \(favourable\)$/);
    expect(q(el, 'indikator-chart')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('passes only declared attributes from the data to composed elements, and names missing indicators', async () => {
    const definition = {
      kreisdossier: '1.0',
      dataset: { id: 'd', title: 'D', sources: [{ publisher: 'P' }], license: { id: 'CC0-1.0' }, attribution: 'A', referenceDate: '2024-01-01' },
      regions: [],
      indicators: [],
      observations: [],
      dossier: {
        topics: [
          {
            topic: 'Arbeitsmarkt und Wirtschaft',
            sections: [
              { id: 'x', title: '<img src=x onerror=alert(1)>', element: 'chart', indicators: ['arbeitslosenquote', 'gibt-es-nicht'], options: { type: 'bar', onclick: 'alert(1)', style: 'display:none', src: '/evil.json' } },
            ],
          },
        ],
      },
    };
    const el = await fixture<ThemenDossier>(html`<themen-dossier src="/demo/data/arbeitslosigkeit-kreise.json" region=${HARZ} topic="arbeitsmarkt-wirtschaft">
      <script type="application/json">${JSON.stringify(definition)}</script>
    </themen-dossier>`);
    await waitUntil(() => q(el, 'article[aria-busy="false"] .section .missing'), 'no missing-indicator note', { timeout: 10_000 });
    const chart = q(el, 'indikator-chart')!;
    expect(chart.getAttribute('type')).to.equal('bar');
    for (const name of ['onclick', 'style', 'src']) expect(chart.hasAttribute(name), name).to.equal(false);
    expect(text(q(el, '.section .section-title'))).to.equal('<img src=x onerror=alert(1)>');
    expect(q(el, '.section img')).to.be.null;
    expect(q(el, '.section .missing')!.getAttribute('role')).to.equal('alert');
    expect(page.warnings().join('\n')).to.contain('inline #1: $.dossier.topics[0].sections[0].indicators[1]: indicator "gibt-es-nicht"');
  });

  it('unknown regions and topics give an accessible alert naming what exists', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region="15999"></themen-dossier>`);
    expect(text(q(el, '[role="alert"]'))).to.contain('Die Region „15999“ gibt es in den Daten nicht.');
    await expect(el).to.be.accessible();
    const other = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="sport"></themen-dossier>`);
    expect(text(q(other, '[role="alert"]'))).to.contain('Das Thema „sport“ gibt es nicht.').and.contain('soziale-lage');
    expect(page.warnings().join('\n')).to.contain('topic');
  });

  it('prints the content without the controls', async () => {
    const el = await dossier(html`<themen-dossier src=${SRC} region=${HARZ} topic="bildung"></themen-dossier>`);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(q(el, '.controls')!).display).to.equal('none');
      expect(getComputedStyle(q(el, '.toc')!).display).to.equal('none');
      expect(getComputedStyle(q(el, '.tile')!).breakInside).to.equal('avoid');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('reserves a screen of height while loading, so the page below does not jump', async () => {
    const el = await fixture<ThemenDossier>(html`<themen-dossier src=${SRC} region=${HARZ}></themen-dossier>`);
    expect(el.getBoundingClientRect().height).to.be.at.least(innerHeight - 1);
    expect(q(el, '[role="status"]')).to.exist;
    await expect(el).to.be.accessible();
  });
  describe('a computed indicator', () => {
    const COMPUTED_LABEL = { de: 'Einkünfte je Steuerpflichtigen', en: 'Income per taxpayer' };
    /** The test document with a key-figure section of `indicators` (default: all three). */
    function withFigures(indicators = ['gesamtbetrag-der-einkuenfte', 'steuerpflichtige', 'einkuenfte-je-steuerpflichtigen']): KreisdossierInput {
      return {
        ...computedDocument(),
        dossier: { topics: [{ topic: 'Arbeitsmarkt und Wirtschaft', sections: [{ id: 'kennzahlen', title: { de: 'Kennzahlen', en: 'Key figures' }, element: 'figures', indicators }] }] },
      };
    }

    it('its tile, its explanation and the sources list say what it is computed from; official tiles do not', async () => {
      const el = await dossier(html`<themen-dossier .data=${withFigures()} region="15085" topic="arbeitsmarkt-wirtschaft"></themen-dossier>`);
      const note = `berechnet aus: ${FORMULA.de}`;
      const computed = tile(el, COMPUTED_LABEL.de)!;
      expect(text(computed.querySelector('.value'))).to.equal('26.733 EUR'); // the value as in the data
      expect(text(computed.querySelector('.computed'))).to.equal(note);
      for (const label of ['Gesamtbetrag der Einkünfte', 'Lohn- und Einkommensteuerpflichtige']) {
        expect(tile(el, label)!.querySelector('.computed'), label).to.equal(null);
        expect(text(tile(el, label)), label).not.to.contain('berechnet');
      }
      expect(qa(el, '.explanation p').map(text)).to.deep.equal([
        'Gesamtbetrag der Einkünfte: Summe der Einkünfte aller Steuerpflichtigen vor Abzügen.',
        `${COMPUTED_LABEL.de}: Wie hoch die Einkünfte im Durchschnitt sind. Berechnet aus: ${FORMULA.de}.`,
      ]);
      expect(text(q(el, '.intro'))).to.contain('Diese Seite zeigt 3 Kennzahlen').and.contain('Eine davon ist aus amtlichen Zahlen berechnet (siehe „Quellen und Lizenzen“).');
      const sources = text(q(el, '.sources'));
      expect(sources).to.contain('Sie werden unverändert wiedergegeben, außer den folgenden, die aus ihnen berechnet sind:');
      expect(sources).not.to.contain('sie werden unverändert wiedergegeben.');
      expect(qa(el, '.sources .computed-list li').map(text)).to.deep.equal([`${COMPUTED_LABEL.de} – ${note}`]);
      await expect(el).to.be.accessible();
    });

    it('in English', async () => {
      const el = await dossier(html`<themen-dossier lang="en" .data=${withFigures()} region="15085" topic="arbeitsmarkt-wirtschaft"></themen-dossier>`);
      const note = `computed from: ${FORMULA.en}`;
      expect(text(tile(el, COMPUTED_LABEL.en)!.querySelector('.computed'))).to.equal(note);
      expect(tile(el, 'Taxpayers')!.querySelector('.computed')).to.equal(null);
      expect(qa(el, '.explanation p').map(text)).to.include(`${COMPUTED_LABEL.en}: How high income is on average. Computed from: ${FORMULA.en}.`);
      expect(text(q(el, '.intro'))).to.contain('One of them is computed from official figures');
      expect(text(q(el, '.sources'))).to.contain('They are shown unchanged, except the following, which are computed from them:');
      expect(qa(el, '.sources .computed-list li').map(text)).to.deep.equal([`${COMPUTED_LABEL.en} – ${note}`]);
      expect(shown(el)).not.to.contain('berechnet');
      await expect(el).to.be.accessible();
    });

    it('a page of official figures only says they are shown unchanged, and nothing about computing', async () => {
      const el = await dossier(html`<themen-dossier .data=${withFigures(['gesamtbetrag-der-einkuenfte', 'steuerpflichtige'])} region="15085" topic="arbeitsmarkt-wirtschaft"></themen-dossier>`);
      expect(qa(el, '.tile')).to.have.length(2);
      expect(q(el, '.computed, .computed-list')).to.equal(null);
      expect(text(q(el, '.sources'))).to.contain('Alle Zahlen auf dieser Seite stammen aus diesen Veröffentlichungen; sie werden unverändert wiedergegeben.');
      expect(shown(el)).not.to.contain('berechnet');
      await expect(el).to.be.accessible();
    });
  });
});
