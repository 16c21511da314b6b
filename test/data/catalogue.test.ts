// Elements reading a catalogue fetch only the files of the current view, fetch what a new view adds, and
// never fetch a file twice. The fixture catalogue (test/fixtures/catalogue/katalog.json) lists the
// Sachsen-Anhalt demo files; what an element fetched is read from the page's resource timing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { forgetCatalogueStores } from '../../src/data/catalogue-data.js';
import { forgetDocument } from '../../src/data/document-cache.js';
import { forgetGeometry } from '../../src/data/load-geometry.js';
import type { ThemenDossier } from '../../src/themen-dossier/themen-dossier.js';
import type { IndikatorChart } from '../../src/indikator-chart/indikator-chart.js';
import type { RegionAuswahl } from '../../src/region-auswahl/region-auswahl.js';
import '../../src/kreisdossier.js';
import { q, qa, text } from '../fixtures/shadow.js';
import { guardPage } from '../fixtures/page-guard.js';

const CATALOGUE = '/test/fixtures/catalogue/katalog.json';

/** The demo data files fetched since the last `clearResourceTimings()`, by file name. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => u.includes('/demo/data/'))
    .map((u) => u.replace(/^.*\/demo\/data\//, ''))
    .sort();

async function settledDossier(el: ThemenDossier): Promise<ThemenDossier> {
  await waitUntil(() => q(el, 'article[aria-busy="false"], [role="alert"]:not(.missing)'), 'dossier did not settle', { timeout: 15_000 });
  await el.updateComplete;
  return el;
}

/** Switches and waits until the new view is rendered (not the previous one kept while its files load). */
async function switchTo(el: ThemenDossier, change: Partial<Pick<ThemenDossier, 'region' | 'topic'>>): Promise<void> {
  const rendered = new Promise((resolve) => el.addEventListener('kd-render', resolve, { once: true }));
  Object.assign(el, change);
  await rendered;
  await settledDossier(el);
}

describe('catalogue as src', function () {
  this.timeout(60_000);
  guardPage();

  beforeEach(() => {
    forgetDocument();
    forgetGeometry();
    forgetCatalogueStores();
    performance.clearResourceTimings();
  });

  it('a dossier fetches the files of its region and topic only, adds those of a new view, and never fetches one twice', async () => {
    const el = await settledDossier(await fixture<ThemenDossier>(html`<themen-dossier src=${CATALOGUE} region="15085" topic="arbeitsmarkt-wirtschaft"></themen-dossier>`));
    expect(q(el, '[role="alert"]:not(.missing)')).to.equal(null);
    expect(text(q(el, '#dossier-title'))).to.contain('Arbeitsmarkt und Wirtschaft');
    const first = fetched();
    expect(first).to.include.members(['arbeitslosigkeit-kreise.json', 'beschaeftigte-kreise.json', 'insolvenzen-kreise-2024.json', 'kreisdossier-harz.json']);
    // Nothing of other topics.
    for (const other of ['bevoelkerung-kreise.json', 'altersgruppen-kreise.json', 'pflege-kreise.json', 'schulen-kreise.json', 'breitband-kreise-2021.json']) {
      expect(first, other).not.to.include(other);
    }
    await expect(el).to.be.accessible();

    performance.clearResourceTimings();
    await switchTo(el, { topic: 'bevoelkerung' });
    const added = fetched();
    expect(added).to.include.members(['bevoelkerung-kreise.json', 'altersgruppen-kreise.json', 'bevoelkerung-gemeinden-harz.json']);
    expect(added, 'files of the first view are not fetched again').not.to.include.members(['arbeitslosigkeit-kreise.json']);
    expect(added).not.to.include('kreisdossier-harz.json');

    // Halle (Saale), a kreisfreie Stadt: the Kreis files are in already, the Gemeinden of Harz are not needed.
    performance.clearResourceTimings();
    const beforeHalle = fetched();
    await switchTo(el, { region: '15002' });
    expect(text(q(el, '#dossier-title'))).to.contain('Halle');
    expect(fetched().filter((f) => !f.startsWith('geo/')), 'switching to a Kreis of the same Land fetches no data file').to.deep.equal(beforeHalle);

    // Back to the first view: no data file again. (A boundary file may arrive now for the first time: maps load
    // theirs once near the viewport.) Over the whole test, no file was fetched twice.
    const before = fetched();
    await switchTo(el, { region: '15085', topic: 'arbeitsmarkt-wirtschaft' });
    expect(fetched().filter((f) => !f.startsWith('geo/')), 'back to the first view: nothing fetched').to.deep.equal(before.filter((f) => !f.startsWith('geo/')));
    const all = [...first, ...added, ...fetched()];
    expect(all.length, `fetched twice: ${all.join(', ')}`).to.equal(new Set(all).size);
    await expect(el).to.be.accessible();
  });

  it('the topic navigation marks topics the catalogue has no numbers for, without fetching them', async () => {
    const el = await settledDossier(await fixture<ThemenDossier>(html`<themen-dossier src=${CATALOGUE} region="15085085" topic="bevoelkerung"></themen-dossier>`));
    // A Gemeinde of Harz: population and settlement area have Gemeinde numbers, the other topics do not.
    const marks = qa(el, 'nav.topics li').map(text);
    expect(marks.find((m) => m.startsWith('Bevölkerung'))).not.to.contain('keine Daten');
    expect(marks.find((m) => m.startsWith('Bildung'))).to.contain('keine Daten');
    expect(fetched()).not.to.include('schulen-kreise.json');
  });

  it('an unknown region is an alert inside the dossier, and the page goes on', async () => {
    const el = await settledDossier(await fixture<ThemenDossier>(html`<themen-dossier src=${CATALOGUE} region="99999"></themen-dossier>`));
    expect(q(el, '[role="alert"]')).not.to.equal(null);
    expect(text(q(el, '[role="alert"]'))).to.contain('99999');
    await expect(el).to.be.accessible();
  });

  it('a chart fetches only the files of its indicator and regions', async () => {
    const el = await fixture<IndikatorChart>(html`<indikator-chart src=${CATALOGUE} indicator="arbeitslosenquote" region="15085" compare="15 DG"></indikator-chart>`);
    await waitUntil(() => q(el, 'canvas, [role="alert"]'), 'chart did not render', { timeout: 10_000 });
    expect(q(el, '[role="alert"]')).to.equal(null);
    expect(fetched()).to.deep.equal(['arbeitslosigkeit-kreise.json']);
  });

  it('a picker offers the catalogue regions without fetching data files', async () => {
    const el = await fixture<RegionAuswahl>(html`<region-auswahl src=${CATALOGUE} level="Kreis"></region-auswahl>`);
    await waitUntil(() => q(el, 'input, [role="alert"]'), 'picker did not render', { timeout: 10_000 });
    const input = q(el, 'input') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'Harz' });
    await waitUntil(() => qa(el, '[role="option"]').length > 0, 'no options', { timeout: 10_000 });
    expect(qa(el, '[role="option"]').map(text)).to.include('Harz, Landkreis 15085');
    expect(fetched()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
