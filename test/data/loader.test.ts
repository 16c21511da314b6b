import { expect } from '@open-wc/testing';
import { DataError } from '../../src/data/data-error.js';
import { forgetDocument, loadDocument } from '../../src/data/document-cache.js';
import { fetchDocument } from '../../src/data/fetch-document.js';
import { loadData } from '../../src/data/load-data.js';
import { example } from '../fixtures/load-example.js';

async function rejection(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a rejection');
}

describe('loader', () => {
  afterEach(() => forgetDocument());

  it('loads and validates a file from a URL', async () => {
    const store = await loadData({ src: '/examples/bevoelkerung-harz.json' });
    expect(store.get('bevoelkerung', '15085', '2015-12-31', { geschlecht: 'insgesamt' })?.value).to.equal(221366);
    expect(store.sources[0]).to.match(/\/examples\/bevoelkerung-harz\.json$/);
  });

  it('fetches a URL once however many elements ask', async () => {
    const name = `dedupe-${Math.random()}`;
    const url = `/__test__/example/${name}`;
    const docs = await Promise.all([loadDocument(url), loadDocument(url), loadData({ src: url })]);
    expect(docs[0]).to.equal(docs[1]);
    const count = await (await fetch(`/__test__/count/${name}`)).json();
    expect(count).to.equal(1);
  });

  it('combines several files and inline JSON', async () => {
    const inline = JSON.stringify(await example('arbeitslosenquote-sachsen-anhalt'));
    const store = await loadData({ src: '/examples/bevoelkerung-harz.json', inline: [inline] });
    expect([...store.indicators.keys()]).to.deep.equal(['bevoelkerung', 'arbeitslosenquote']);
    expect(store.get('arbeitslosenquote', '15085', '2016')?.value).to.equal(7.2);
    expect(store.regions.size).to.equal(15);
    expect(store.datasets).to.have.length(2);
  });

  it('answers queries by level, parent, period and breakdown', async () => {
    const store = await loadData({ src: '/examples/arbeitslosenquote-sachsen-anhalt.json' });
    expect(store.regionsAt('Kreis')).to.have.length(14);
    expect(store.childrenOf('15').map((r) => r.key)).to.include('15085').and.have.length(14);
    expect(store.periods('arbeitslosenquote')).to.have.length(16);
    expect(store.periods('arbeitslosenquote')[0]).to.equal('2001');
    const harz = await loadData({ src: '/examples/bevoelkerung-harz.json' });
    expect(harz.defaultBreakdown(harz.indicators.get('bevoelkerung')!)).to.deep.equal({ geschlecht: 'insgesamt' });
    const women2015 = harz.observations({ indicator: 'bevoelkerung', periods: ['2015-12-31'], breakdown: { geschlecht: 'weiblich' } });
    expect(women2015.map((o) => o.value)).to.deep.equal([1138781, 112340]);
    expect(harz.datasetsOf(women2015).map((d) => d.attribution)).to.deep.equal(['© Statistische Ämter des Bundes und der Länder, Deutschland, 2017']);
  });

  it('prefers the data property', async () => {
    const doc = await example();
    const store = await loadData({ data: doc, src: '/does-not-exist.json' });
    expect(store.sources).to.deep.equal(['data']);
  });

  it('reports conflicting files instead of overwriting', async () => {
    const a = await example();
    const b = await example();
    b.dataset.id = 'other';
    b.observations[70]!.value = 1;
    const error = await rejection(loadData({ data: [a, b] }));
    expect(error.kind).to.equal('conflict');
    expect(error.problems[0]).to.include({ path: '$.observations[70]', source: 'data[1]', code: 'conflict' });
  });

  it('accepts JSON text as the data property', async () => {
    const text = await (await fetch('/examples/bevoelkerung-harz.json')).text();
    const store = await loadData({ data: text });
    expect(store.get('bevoelkerung', '15', '2015-12-31', { geschlecht: 'insgesamt' })?.value).to.equal(2245470);
    expect((await rejection(loadData({ data: '{"kreisdossier":' }))).kind).to.equal('json');
    expect((await rejection(loadData({ data: 5 }))).problems[0]).to.include({ path: '$', code: 'wrong-type' });
  });

  it('keeps the first spelling of a region and warns about the other', async () => {
    const a = await example();
    const b = await example('arbeitslosenquote-sachsen-anhalt');
    b.regions.find((r) => r.key === '15085')!.name = 'Harz, Landkreis';
    const store = await loadData({ data: [a, b] });
    expect(store.regions.get('15085')!.name).to.equal('Harz');
    expect(store.warnings.join()).to.contain('data[1]: 1 region name(s) differ from an earlier file\'s; the first file\'s are shown: $.regions[8].name "Harz, Landkreis" (first: "Harz")');
  });

  it('reports files that disagree on an indicator’s unit', async () => {
    const a = await example();
    const b = await example();
    b.dataset.id = 'b';
    b.indicators[0]!.unit = 'Tausend Personen';
    b.observations = [];
    const error = await rejection(loadData({ data: [a, b] }));
    expect(error.problems[0]).to.include({ path: '$.indicators[0]', code: 'conflict', source: 'data[1]' });
  });

  it('combines a geometry-only file with data files', async () => {
    const geometryFile = {
      kreisdossier: '1.0',
      dataset: {
        id: 'grenzen-sachsen-anhalt',
        title: 'Kreisgrenzen Sachsen-Anhalt',
        sources: [{ publisher: 'Bundesamt für Kartographie und Geodäsie', title: 'VG5000, Stand 01.01.2021' }],
        license: { id: 'dl-de/by-2-0' },
        attribution: '© GeoBasis-DE / BKG (2021), Daten verändert',
        referenceDate: '2021-01-01',
      },
      regions: [{ key: '15085', name: 'Harz', level: 'Kreis', parent: '15' }],
      indicators: [],
      observations: [],
      geometry: { url: 'st-kreise-2021.geojson', format: 'geojson', attribution: '© GeoBasis-DE / BKG (2021), Daten verändert' },
    };
    const data = await example('arbeitslosenquote-sachsen-anhalt');
    const store = await loadData({ data: [data, geometryFile] });
    expect(store.geometries).to.have.length(1);
    expect(store.geometries[0]).to.include({ url: 'st-kreise-2021.geojson', keyProperty: 'ags', base: 'data[1]' });
    expect(store.indicators.size).to.equal(1);
  });

  it('reports missing data sources', async () => {
    expect((await rejection(loadData({}))).kind).to.equal('no-data');
  });

  it('reports HTTP errors with their status', async () => {
    const error = await rejection(fetchDocument('/__test__/status/404'));
    expect(error).to.include({ kind: 'http', status: 404 });
    expect((await rejection(fetchDocument('/__test__/status/500'))).status).to.equal(500);
  });

  it('reports a refused connection as a network error', async () => {
    const error = await rejection(fetchDocument('http://127.0.0.1:9/data.json'));
    expect(error.kind).to.equal('network');
    expect(error.retryable).to.equal(true);
  });

  it('times out', async () => {
    const error = await rejection(fetchDocument('/__test__/slow/2000', 100));
    expect(error.kind).to.equal('timeout');
  });

  it('reports an HTML page as a JSON error', async () => {
    const error = await rejection(fetchDocument('/__test__/html'));
    expect(error.kind).to.equal('json');
    expect(error.problems[0]?.path).to.equal('$');
  });

  it('reports schema errors with the URL and JSON paths', async () => {
    const doc = await example();
    delete (doc.dataset as any).attribution;
    const error = await rejection(loadData({ inline: [JSON.stringify(doc)] }));
    expect(error.kind).to.equal('schema');
    expect(error.problems[0]).to.include({ source: 'inline #1', path: '$.dataset.attribution' });
  });

  it('forgets failed loads so a retry fetches again', async () => {
    const url = '/__test__/status/503';
    const first = loadDocument(url);
    await first.catch(() => undefined);
    expect(loadDocument(url)).to.not.equal(first);
    await loadDocument(url).catch(() => undefined);
  });
});
