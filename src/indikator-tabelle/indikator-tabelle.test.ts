import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { guardPage } from '../../test/fixtures/page-guard.js';
import { computedDocument, FORMULA } from '../../test/fixtures/computed-document.js';
import { q, qa, settled as settledOn, text } from '../../test/fixtures/shadow.js';
import './define.js';
import type { IndikatorTabelle } from './indikator-tabelle.js';

const settled = (el: IndikatorTabelle) => settledOn(el, 'table');

const HARZ = '/examples/bevoelkerung-harz.json';
const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';


/** Visible text of a cell (the value as printed, without screen-reader explanations). */
const printed = (cell: Element) => text(cell.querySelector('span'));

/** Everything the element shows, as one string (white space folded). */
const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<indikator-tabelle>', () => {
  const page = guardPage();

  it('shows a reserved-size, accessible placeholder while loading', async () => {
    const el = await fixture<IndikatorTabelle>(html`<indikator-tabelle src="/__test__/slow/400"></indikator-tabelle>`);
    const status = q(el, '[role="status"]');
    expect(text(status)).to.equal('Daten werden geladen …');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(q(el, 'table')).to.exist;
  });

  it('renders real data: periods as rows, regions as columns, official values', async () => {
    const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle src=${HARZ}></indikator-tabelle>`));
    expect(text(q(el, 'caption'))).to.equal('Einwohnerinnen und Einwohner (in Personen)');
    expect(qa(el, 'thead th').map(text)).to.deep.equal(['Zeitraum', 'Sachsen-Anhalt', 'Harz']);
    const rows = qa(el, 'tbody tr');
    expect(rows).to.have.length(21);
    const last = rows[20]!;
    expect(text(last.querySelector('th'))).to.equal('31.12.2015');
    expect([...last.querySelectorAll('td')].map(printed)).to.deep.equal(['2.245.470', '221.366']);
    expect(qa(el, 'th[scope="col"]')).to.have.length(3);
    expect(qa(el, 'th[scope="row"]')).to.have.length(21);
    await expect(el).to.be.accessible();
  });

  it('shows status symbols unchanged, explained for screen readers and in a legend', async () => {
    const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle src=${HARZ} region="15085" to="2001-12-31"></indikator-tabelle>`));
    const cells = qa(el, 'tbody td');
    expect(cells.map(printed)).to.deep.equal(['.', '.', '.', '.', '.', '260.662', '258.228']);
    expect(text(cells[0]!.querySelector('.visually-hidden'))).to.equal('Zahlenwert unbekannt oder geheim zu halten');
    expect(text(q(el, '.legend'))).to.contain('.').and.contain('Zahlenwert unbekannt oder geheim zu halten');
    // the footnote on Harz 2000 is kept and numbered
    expect(text(cells[5]!.querySelector('sup'))).to.equal('1');
    expect(text(q(el, '.footnotes li'))).to.contain('Kreisreform vom 01.07.2007');
  });

  it('always shows source, reference date, attribution and licence', async () => {
    const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle src=${HARZ}></indikator-tabelle>`));
    const source = text(q(el, '[part="source"]'));
    expect(source).to.contain('Statistische Ämter des Bundes und der Länder, Tabelle 12411-01-01-4');
    expect(source).to.contain('Stand: 10.10.2017');
    expect(source).to.contain('© Statistische Ämter des Bundes und der Länder, Deutschland, 2017');
    expect(source).to.contain('Datenlizenz Deutschland – Namensnennung – Version 2.0');
    for (const a of qa(el, '[part="source"] a')) {
      expect(a.getAttribute('href')).to.match(/^https:\/\//);
      expect(a.getAttribute('rel')).to.contain('noopener').and.contain('noreferrer');
    }
  });

  it('the table is one Tab stop with a visible focus ring (scrollable by keyboard), then come the source links', async () => {
    const wrapper = await fixture(html`<div><button>vorher</button><indikator-tabelle src=${ALQ}></indikator-tabelle><button>nachher</button></div>`);
    const el = await settled(wrapper.querySelector('indikator-tabelle')!);
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const region = q(el, '.scroll') as HTMLElement;
    expect(el.shadowRoot!.activeElement === region, 'Tab focuses the table region').to.equal(true);
    expect(region.getAttribute('role')).to.equal('region');
    const style = getComputedStyle(region);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.closest('[part="source"]') !== null, 'next Tab: a source link').to.equal(true);
  });

  it('selects a breakdown category, a period and regions as rows', async () => {
    const el = await settled(
      await fixture<IndikatorTabelle>(html`<indikator-tabelle src=${HARZ} breakdown="geschlecht=weiblich" period="2015-12-31"></indikator-tabelle>`),
    );
    expect(text(q(el, 'caption'))).to.equal('Einwohnerinnen und Einwohner, weiblich (in Personen)');
    expect(qa(el, 'tbody th').map(text)).to.deep.equal(['Sachsen-Anhalt', 'Harz']);
    expect(qa(el, 'tbody td').map(printed)).to.deep.equal(['1.138.781', '112.340']);
  });

  it('speaks English on lang="en", also when inherited', async () => {
    const wrapper = await fixture(html`<div lang="en"><indikator-tabelle src=${ALQ} region="15085" from="2014"></indikator-tabelle></div>`);
    const el = await settled(wrapper.querySelector('indikator-tabelle')!);
    expect(text(q(el, 'caption'))).to.equal('Unemployment rate (in %)');
    expect(qa(el, 'thead th').map(text)).to.deep.equal(['Period', 'Harz']);
    expect(qa(el, 'tbody td').map(printed)).to.deep.equal(['8.3', '8.0', '7.2']);
    expect(text(q(el, '[part="source"]'))).to.contain('Reference date: 10 Oct 2017');
    el.lang = 'de';
    await el.updateComplete;
    expect(qa(el, 'tbody td').map(printed)).to.deep.equal(['8,3', '8,0', '7,2']);
    await expect(el).to.be.accessible();
  });

  it('reads inline JSON, and the data property', async () => {
    const doc = await (await fetch(ALQ)).text();
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<indikator-tabelle region="15003" period="2016"><script type="application/json">${doc}</script></indikator-tabelle>`;
    const inline = await settled(wrapper.querySelector('indikator-tabelle')!);
    expect(qa(inline, 'tbody td').map(printed)).to.deep.equal(['10,5']);

    const el = await fixture<IndikatorTabelle>(html`<indikator-tabelle region="15085" period="2016"></indikator-tabelle>`);
    el.data = JSON.parse(doc);
    await settled(el);
    expect(qa(el, 'tbody td').map(printed)).to.deep.equal(['7,2']);
  });

  it('shows the last requested data when attributes change faster than files arrive', async () => {
    const el = await fixture<IndikatorTabelle>(html`<indikator-tabelle src="/__test__/slow/600"></indikator-tabelle>`);
    el.src = ALQ;
    await settled(el);
    await new Promise((r) => setTimeout(r, 900)); // the slow file has arrived by now
    expect(text(q(el, 'caption'))).to.equal('Arbeitslosenquote (in %)');
  });

  it('fires kd-error with the kind and the problems', async () => {
    const el = document.createElement('indikator-tabelle');
    el.setAttribute('src', HARZ);
    el.setAttribute('indicator', 'fehlt');
    const failed = oneEvent(el, 'kd-error');
    document.body.append(el);
    const event = await failed;
    expect(event.detail.kind).to.equal('unknown-indicator');
    expect(event.detail.problems[0].path).to.equal('$.indicators[*].id');
    el.remove();
  });

  it('fires kd-render after rendering data', async () => {
    const el = document.createElement('indikator-tabelle');
    el.src = HARZ;
    const rendered = oneEvent(el, 'kd-render');
    document.body.append(el);
    const event = await rendered;
    expect(event.detail.element === el, 'detail.element is the element').to.equal(true);
    el.remove();
  });

  describe('failures become an alert inside the widget', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['unknown indicator', `<indikator-tabelle src="${HARZ}" indicator="einwohner"></indikator-tabelle>`, /Den Indikator „einwohner“ gibt es in den Daten nicht/],
      ['unknown region', `<indikator-tabelle src="${HARZ}" region="15086"></indikator-tabelle>`, /Die Region „15086“ gibt es in den Daten nicht/],
      ['unknown period', `<indikator-tabelle src="${HARZ}" period="2030"></indikator-tabelle>`, /Den Zeitraum „2030“ gibt es/],
      ['unknown breakdown', `<indikator-tabelle src="${HARZ}" breakdown="geschlecht=divers"></indikator-tabelle>`, /Die Gliederung „geschlecht=divers“/],
      ['HTTP 404', '<indikator-tabelle src="/__test__/status/404"></indikator-tabelle>', /HTTP-Status 404/],
      ['not JSON', '<indikator-tabelle src="/__test__/html"></indikator-tabelle>', /keine gültige JSON-Datei/],
      ['no data at all', '<indikator-tabelle></indikator-tabelle>', /Es sind keine Daten angegeben/],
      ['timeout', '<indikator-tabelle src="/__test__/slow/3000" timeout="300"></indikator-tabelle>', /kam nicht innerhalb von 0,3 Sekunden an/],
      ['several indicators, none chosen', `<indikator-tabelle src="${HARZ} ${ALQ}"></indikator-tabelle>`, /bitte mit dem Attribut „indicator“ einen auswählen/],
      ['invalid inline JSON', '<indikator-tabelle><script type="application/json">{"kreisdossier": </script></indikator-tabelle>', /Die eingebetteten Daten sind kein gültiges JSON/],
    ];
    for (const [name, markup, message] of cases) {
      it(name, async () => {
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = `${markup}<p id="after">Rest der Seite</p>`;
        const el = await settled(wrapper.querySelector('indikator-tabelle')!);
        const alert = q(el, '[role="alert"]');
        expect(text(alert)).to.match(message);
        expect(page.warnings().join('\n')).to.contain('<indikator-tabelle>');
        expect(wrapper.querySelector('#after')!.textContent).to.equal('Rest der Seite');
        await expect(el).to.be.accessible();
      });
    }

    it('lists schema problems with their JSON path and warns with the URL', async () => {
      const doc = JSON.parse(await (await fetch(HARZ)).text());
      delete doc.dataset.attribution;
      doc.observations[3].value = null;
      delete doc.observations[3].status;
      const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle .data=${doc}></indikator-tabelle>`));
      const items = qa(el, '[role="alert"] li').map(text);
      expect(items).to.include('$.dataset.attribution: Pflichtangabe „attribution“ fehlt.');
      expect(items.some((i) => i.startsWith('$.observations[3].status:'))).to.equal(true);
      expect(page.warnings().join('\n')).to.contain('data: $.dataset.attribution');
    });

    it('offers a retry for network failures, which loads again', async () => {
      const src = `/__test__/flaky/${Math.random()}`;
      const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle src=${src}></indikator-tabelle>`));
      expect(text(q(el, '[role="alert"]'))).to.contain('HTTP-Status 503');
      const button = q(el, '[role="alert"] button') as HTMLButtonElement;
      expect(text(button)).to.equal('Erneut versuchen');
      await expect(el).to.be.accessible();
      button.click();
      await waitUntil(() => q(el, 'table'), 'retry did not load the data');
      expect(q(el, '[role="alert"]')).to.equal(null);
    });

    it('uses the page language for messages', async () => {
      const wrapper = await fixture(html`<div lang="en"><indikator-tabelle src=${HARZ} region="99999"></indikator-tabelle></div>`);
      const el = await settled(wrapper.querySelector('indikator-tabelle')!);
      expect(text(q(el, '[role="alert"]'))).to.contain('The region “99999” does not exist in the data.');
    });
  });

  it('renders data strings as text, never as markup', async () => {
    const doc = JSON.parse(await (await fetch(HARZ)).text());
    doc.regions[1].name = '<img src=x onerror="window.__pwned=1">Harz';
    doc.dataset.attribution = '<script>window.__pwned=1</script>©';
    const el = await fixture<IndikatorTabelle>(html`<indikator-tabelle></indikator-tabelle>`);
    el.data = doc;
    await settled(el);
    expect(q(el, 'img, script')).to.equal(null);
    expect(qa(el, 'thead th').map(text)).to.include('<img src=x onerror="window.__pwned=1">Harz');
    expect((window as any).__pwned).to.equal(undefined);
  });
  describe('a computed indicator', () => {
    it('says in the caption what its values are computed from, in German and in English', async () => {
      const el = await settled(
        await fixture<IndikatorTabelle>(html`<indikator-tabelle .data=${computedDocument()} indicator="einkuenfte-je-steuerpflichtigen" region="15085"></indikator-tabelle>`),
      );
      expect(text(q(el, 'caption'))).to.equal(`Einkünfte je Steuerpflichtigen (in EUR) berechnet aus: ${FORMULA.de}`);
      expect(text(q(el, 'caption .computed'))).to.equal(`berechnet aus: ${FORMULA.de}`);
      // The caption names the table and its scroll region; the values are the data's.
      expect(q(el, '.scroll')!.getAttribute('aria-labelledby')).to.equal('caption');
      expect(qa(el, 'tbody td').map(printed)).to.deep.equal(['26.000', '26.733']);
      expect(shown(el).split('berechnet aus').length - 1, 'said once').to.equal(1);
      await expect(el).to.be.accessible();

      el.lang = 'en';
      await waitUntil(() => text(q(el, 'caption')).startsWith('Income'), 'no English caption');
      expect(text(q(el, 'caption'))).to.equal(`Income per taxpayer (in EUR) computed from: ${FORMULA.en}`);
      expect(shown(el)).not.to.contain('berechnet');
      await expect(el).to.be.accessible();
    });

    it('an official indicator of the same file says nothing of the kind', async () => {
      const doc = computedDocument();
      for (const indicator of ['steuerpflichtige', 'gesamtbetrag-der-einkuenfte']) {
        const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle .data=${doc} indicator=${indicator}></indikator-tabelle>`));
        expect(q(el, '.computed')).to.equal(null);
        expect(shown(el)).not.to.contain('berechnet');
        await expect(el).to.be.accessible();
      }
      const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle .data=${doc} indicator="steuerpflichtige" lang="en"></indikator-tabelle>`));
      expect(text(q(el, 'caption'))).to.equal('Taxpayers (in number)');
      expect(shown(el)).not.to.contain('computed');
    });

    it('renders the formula as text, never as markup', async () => {
      const doc = computedDocument();
      doc.indicators[2]!.computed!.formula = '<img src=x onerror="window.__pwned=1">A ÷ B';
      const el = await settled(await fixture<IndikatorTabelle>(html`<indikator-tabelle .data=${doc} indicator="einkuenfte-je-steuerpflichtigen"></indikator-tabelle>`));
      expect(q(el, 'img')).to.equal(null);
      expect(text(q(el, 'caption .computed'))).to.equal('berechnet aus: <img src=x onerror="window.__pwned=1">A ÷ B');
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });
});
