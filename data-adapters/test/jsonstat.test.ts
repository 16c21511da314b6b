import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateDocument } from '../../src/format/validate.js';
import type { KreisdossierDocument, KreisdossierInput, Observation } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { exportJsonStat } from '../jsonstat/jsonstat-export.js';
import { importJsonStat, type JsonStatImportOptions } from '../jsonstat/jsonstat-import.js';
import { parseJson, readJsonStat } from '../jsonstat/jsonstat-read.js';
import { NO_VALUE_DECLARATION } from '../jsonstat/jsonstat-types.js';
import { MissingMetadata } from '../missing-metadata.js';

// Compiled to build/node/data-adapters/test/; fixtures and examples stay in the source tree.
const fixture = (name: string) => readFileSync(new URL(`../../../../data-adapters/fixtures/formats/jsonstat/${name}`, import.meta.url));
const fixtureJson = (name: string) => JSON.parse(fixture(name).toString('utf8')) as Record<string, unknown>;
const example = (name: string) => JSON.parse(readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8')) as unknown;
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** What JSON-stat never carries; the CLI takes these from flags. */
const META: JsonStatImportOptions = {
  dataset: { license: { id: 'CC-BY-4.0' }, attribution: 'JSON-stat sample datasets, json-stat.org (test fixture)' },
  indicator: { topic: 'Bevölkerung' },
};
// The fixtures are foreign data. Mapping their countries/states to made-up but well-formed
// Land keys ("01", "02", …) is ONLY a way to exercise the parser on real JSON-stat files.
const AS_LAND = { regionLevel: 'Land' } as const;

function valid(document: KreisdossierInput): KreisdossierDocument {
  const result = validateDocument(document);
  assert.ok(result.valid, JSON.stringify(!result.valid && result.problems.slice(0, 3)));
  return result.document;
}
const find = (doc: KreisdossierInput, q: Partial<Observation> & { breakdown?: Record<string, string> }) =>
  doc.observations.filter(
    (o) =>
      (q.indicator === undefined || o.indicator === q.indicator) &&
      (q.region === undefined || o.region === q.region) &&
      (q.period === undefined || o.period === q.period) &&
      Object.entries(q.breakdown ?? {}).every(([d, c]) => o.breakdown?.[d] === c),
  );
const one = (doc: KreisdossierInput, q: Parameters<typeof find>[1]) => {
  const found = find(doc, q);
  assert.equal(found.length, 1, JSON.stringify(q));
  return found[0]!;
};
const throwsAdapterError = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof AdapterError && message.test(e.message));
/** Every cell is an observation or a counted skip. */
const accounted = (s: { rowsRead: number; observationsWritten: number; skipped: Array<{ count: number }> }) =>
  assert.equal(s.observationsWritten + s.skipped.reduce((n, x) => n + x.count, 0), s.rowsRead);

describe('JSON-stat reader', () => {
  it('addresses cells row-major, last dimension fastest (order.json)', () => {
    const [cube] = readJsonStat(parseJson(fixture('order.json')));
    assert.deepEqual(cube!.dimensions.map((d) => [d.id, d.categories.length]), [['A', 3], ['B', 2], ['C', 4]]);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 2; b++)
        for (let c = 0; c < 4; c++) {
          const p = a * 8 + b * 4 + c;
          assert.deepEqual(cube!.coordinates(p), [a, b, c]);
          // The sample itself has a typo at position 11 ("A1B1C4" where "A2B1C4" belongs): read as published.
          assert.equal(cube!.value(p), p === 11 ? 'A1B1C4' : `A${a + 1}B${b + 1}C${c + 1}`);
        }
  });

  it('refuses order.json as data: it has no region, and its values are strings', () => {
    throwsAdapterError(() => importJsonStat(fixture('order.json'), META), /no geo dimension.*--geo-dimension/);
    throwsAdapterError(
      () => importJsonStat(fixture('order.json'), { ...META, region: { key: '15085', name: 'Harz' }, period: '2020', indicator: { topic: 'Bildung', unit: 'x' } }),
      /value of cell 0 is "A1B1C1": only numbers and null/,
    );
  });

  it('reports JSON syntax errors with their line', () => {
    const lineOf = (text: string) => {
      try {
        importJsonStat(new TextEncoder().encode(text), META);
      } catch (e) {
        assert.ok(e instanceof AdapterError && /^not valid JSON/.test(e.message));
        return e.line;
      }
      return assert.fail('no error');
    };
    assert.equal(lineOf('{\n"version": "2.0",\n"class": "dataset"\n"id": []}'), 4); // the comma missing after line 3 shows at "id"
    assert.equal(lineOf('{\n"version": "2.0",\n"value": [1,\n2,'), 4); // truncated
  });
});

describe('JSON-stat import', () => {
  it('reads canada.json: metric units, status "a" for all values, breakdowns with totals', () => {
    const { document: doc, summary } = importJsonStat(fixture('canada.json'), { ...META, ...AS_LAND, regionKeys: { CA: '01' } });
    valid(doc);
    // id [country, year, age, concept, sex], size [1, 1, 20, 2, 3]: position = (age * 2 + concept) * 3 + sex.
    const raw = fixtureJson('canada.json').value as number[];
    const at = (age: number, concept: number, sex: number) => raw[(age * 2 + concept) * 3 + sex];
    assert.equal(at(4, 1, 2), 6.0);
    assert.equal(at(19, 0, 2), 183.9);
    assert.equal(one(doc, { indicator: 'PERCENT', breakdown: { age: '19', sex: 'F' } }).value, 6.0); // 15 to 19, female
    assert.equal(one(doc, { indicator: 'POP', breakdown: { age: 'older', sex: 'F' } }).value, 183.9);
    assert.deepEqual(one(doc, { indicator: 'POP', breakdown: { age: 'T', sex: 'T' } }), {
      indicator: 'POP', region: '01', period: '2012', breakdown: { age: 'T', sex: 'T' }, value: 34880.5, status: 'a',
    });
    assert.equal(doc.observations.length, 120);
    assert.ok(doc.observations.every((o) => o.status === 'a' && typeof o.value === 'number'));
    assert.deepEqual(doc.statusSymbols, { a: { label: { de: 'Status „a“ laut Quelle', en: 'status “a” as given by the source' }, replacesValue: false } });
    assert.deepEqual(doc.indicators.map((x) => [x.id, x.label, x.unit, x.decimals, x.kind, x.dimensions]), [
      ['POP', 'population', 'thousands of persons', 1, 'count', ['age', 'sex']],
      ['PERCENT', 'weight of age group in the population', '%', 1, 'share', ['age', 'sex']],
    ]);
    const [age, sex] = doc.dimensions!;
    assert.deepEqual([age!.id, age!.total, age!.categories.length, age!.categories[4]], ['age', 'T', 20, { id: '19', label: '15 to 19' }]);
    assert.deepEqual(sex, { id: 'sex', label: 'sex', total: 'T', categories: [{ id: 'T', label: 'total' }, { id: 'M', label: 'male' }, { id: 'F', label: 'female' }] });
    assert.deepEqual(doc.regions, [{ key: '01', name: 'Canada', level: 'Land', parent: 'DG' }]);
    assert.equal(doc.dataset.title, 'Population by sex and age group. Canada. 2012');
    assert.equal(doc.dataset.referenceDate, '2012-09-27');
    assert.deepEqual(doc.dataset.sources, [
      { publisher: 'Statistics Canada, CANSIM, table 051-0001', title: 'Population by sex and age group. Canada. 2012', url: 'http://json-stat.org/samples/canada.json' },
    ]);
    // The unit's multiplier (thousands) has no slot in the format: it is kept for tools.
    const jsonstat = doc.dataset.extensions!.jsonstat as { dimension: { concept: { category: { unit: Record<string, { multiplier: number }> } } } };
    assert.equal(jsonstat.dimension.concept.category.unit.POP!.multiplier, 3);
    assert.deepEqual(summary, { rowsRead: 120, observationsWritten: 120, nullsByStatus: {}, skipped: [] });
  });

  it('reads oecd.json: sparse status "e", notes, decimals capped at 6, unmapped countries counted', () => {
    const { document: doc, summary } = importJsonStat(fixture('oecd.json'), { ...META, ...AS_LAND, regionKeys: { AT: '01', DE: '02' } });
    valid(doc);
    // id [concept, area, year], size [1, 36, 12]: position = area * 12 + year; AT is area 1, DE area 10.
    const raw = fixtureJson('oecd.json') as { value: number[]; status: Record<string, string> };
    assert.equal(raw.value[1 * 12 + 0], 4.278559338);
    assert.equal(raw.value[10 * 12 + 10], 5.524081118);
    assert.equal(raw.status[String(10 * 12 + 10)], 'e');
    assert.deepEqual(one(doc, { region: '01', period: '2003' }), { indicator: 'UNR', region: '01', period: '2003', value: 4.278559338 });
    assert.deepEqual(one(doc, { region: '02', period: '2013' }), { indicator: 'UNR', region: '02', period: '2013', value: 5.524081118, status: 'e' });
    assert.deepEqual(one(doc, { region: '02', period: '2014' }), { indicator: 'UNR', region: '02', period: '2014', value: 5.565600014, status: 'e' });
    assert.equal(doc.observations.filter((o) => o.status === 'e').length, 4); // 2013 and 2014 for both
    assert.deepEqual(doc.statusSymbols, { e: { label: { de: 'Status „e“ laut Quelle', en: 'status “e” as given by the source' }, replacesValue: false } });
    assert.deepEqual(doc.regions, [{ key: '01', name: 'Austria', level: 'Land', parent: 'DG' }, { key: '02', name: 'Germany', level: 'Land', parent: 'DG' }]);
    assert.deepEqual(doc.indicators, [{ id: 'UNR', label: 'unemployment rate', unit: '%', decimals: 6, topic: 'Bevölkerung', polarity: 'neutral', kind: 'share' }]);
    assert.match(String(doc.dataset.description), /^Most of the data in this dataset are taken/);
    assert.deepEqual(summary, {
      rowsRead: 432,
      observationsWritten: 24,
      nullsByStatus: {},
      skipped: [{ reason: MESSAGES['cli.skip.jsonstat-geo-not-key'](), count: 34 * 12 }],
    });
  });

  it('refuses geo categories that are not German keys unless they are mapped', () => {
    throwsAdapterError(() => importJsonStat(fixture('oecd.json'), META), /not German official keys \(AU, AT, BE, CA, CL, …\).*regionKeys/);
    // US FIPS codes look like Land keys, but 17–56 are none: the whole dimension counts as foreign.
    throwsAdapterError(() => importJsonStat(fixture('us-gsp.json'), META), /not German official keys \(17, 18, 19, 20, 21, …\)/);
  });

  it('reads us-gsp.json: one indicator per metric category with unit label, symbol and decimals', () => {
    const { document: doc, summary } = importJsonStat(fixture('us-gsp.json'), { ...META, ...AS_LAND, regionKeys: { '01': '01', '02': '02', '04': '03' } });
    valid(doc);
    assert.deepEqual(doc.indicators.map((x) => [x.id, x.unit, x.decimals]), [['gsp', '$ million', 0], ['perc', '%', 2], ['pop', 'million', 1], ['capita', '$', 0]]);
    // id [year, state, concept], size [1, 51, 4]: position = state * 4 + concept; Arizona ("04") is state 2.
    const raw = fixtureJson('us-gsp.json').value as number[];
    assert.deepEqual(raw.slice(2 * 4, 2 * 4 + 4), [261300, 1.8, 6.4, 40828]);
    assert.deepEqual(find(doc, { region: '03' }).map((o) => [o.indicator, o.period, o.value]), [['gsp', '2013', 261300], ['perc', '2013', 1.8], ['pop', '2013', 6.4], ['capita', '2013', 40828]]);
    assert.equal(one(doc, { region: '01', indicator: 'capita' }).value, 36333);
    assert.deepEqual(doc.regions.map((r) => r.name), ['Alabama', 'Alaska', 'Arizona']);
    assert.equal(doc.statusSymbols, undefined);
    assert.equal(summary.observationsWritten, 12);
    accounted(summary);
  });

  it('reads hierarchy.json: sparse value, a null without status gets a declared symbol, the hierarchy root is the total', () => {
    const options = { ...META, region: { key: '15085', name: 'Harz' }, period: '2011', indicator: { topic: 'Soziale Lage' as const, unit: 'Index' } };
    const { document: doc, summary } = importJsonStat(fixture('hierarchy.json'), options);
    valid(doc);
    assert.deepEqual(doc.observations, [{ indicator: 'demo-of-hierarchical-dimension', region: '15085', period: '2011', breakdown: { commodity: 'T' }, value: null, status: 'leer' }]);
    assert.deepEqual(doc.statusSymbols, { leer: NO_VALUE_DECLARATION });
    const [commodity] = doc.dimensions!;
    assert.equal(commodity!.total, 'T');
    assert.equal(commodity!.categories.length, 132);
    assert.deepEqual(commodity!.categories[3], { id: '1.1.1', label: 'Bread' });
    assert.deepEqual(summary, {
      rowsRead: 132,
      observationsWritten: 1,
      nullsByStatus: { leer: 1 },
      skipped: [{ reason: MESSAGES['cli.skip.jsonstat-sparse'](), count: 131 }],
    });
  });

  it('names the flags for metadata JSON-stat does not carry', () => {
    // Every missing flag in one error (MissingMetadata: the CLI prints each with its reason and an example command line).
    const flags = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        assert.ok(error instanceof MissingMetadata, String(error));
        return error.flags.map((f) => f.flag);
      }
      return assert.fail('no error');
    };
    assert.deepEqual(flags(() => importJsonStat(fixture('canada.json'), { regionKeys: { CA: '01' } })), ['--topic', '--license', '--attribution']);
    assert.deepEqual(flags(() => importJsonStat(fixture('hierarchy.json'), { ...META, region: { key: '15085', name: 'Harz' }, period: '2011' })), ['--unit']);
    const undated = { ...fixtureJson('canada.json'), updated: undefined, source: undefined };
    assert.deepEqual(flags(() => importJsonStat(bytes(undated), { ...META, regionKeys: { CA: '01' } })), ['--publisher', '--reference-date']);
  });

  it('refuses a status that stands both on values and on empty cells', () => {
    const ds = { version: '2.0', class: 'dataset', label: 'x', source: 'y', updated: '2020-01-01', id: ['geo', 'time'], size: [1, 2],
      dimension: { geo: { category: { index: ['15'] } }, time: { category: { index: ['2019', '2020'] } } }, value: [1, null], status: 'p' };
    throwsAdapterError(() => importJsonStat(bytes(ds), { ...META, indicator: { topic: 'Bildung', unit: 'x' } }), /status "p" stands on 1 values and on 1 empty cells/);
  });

  it('keeps official GENESIS symbols undeclared only when the file is said to use that legend', () => {
    const ds = { version: '2.0', class: 'dataset', label: 'x', source: 'Statistisches Landesamt', updated: '2020-01-01', id: ['geo', 'time'], size: [2, 2],
      dimension: { geo: { category: { index: ['15', '15085'] } }, time: { category: { index: ['2019', '2020'] } } }, value: [1, null, 3, 4], status: { 1: '.', 3: 'p' } };
    const options = { ...META, indicator: { topic: 'Bildung' as const, unit: 'Personen' } };
    const genesis = importJsonStat(bytes(ds), { ...options, genesisStatus: true }).document;
    valid(genesis);
    assert.equal(genesis.statusSymbols, undefined);
    assert.deepEqual(genesis.observations.map((o) => [o.region, o.period, o.value, o.status]), [['15', '2019', 1, undefined], ['15', '2020', null, '.'], ['15085', '2019', 3, undefined], ['15085', '2020', 4, 'p']]);
    const foreign = importJsonStat(bytes(ds), options).document;
    valid(foreign);
    assert.deepEqual(foreign.statusSymbols, {
      '.': { label: { de: 'Status „.“ laut Quelle', en: 'status “.” as given by the source' }, replacesValue: true },
      p: { label: { de: 'Status „p“ laut Quelle', en: 'status “p” as given by the source' }, replacesValue: false },
    });
  });

  it('uses the explanations of status codes a publisher puts in extension.status.label', () => {
    const ds = { version: '2.0', class: 'dataset', label: 'x', source: 'Eurostat', updated: '2020-01-01', id: ['geo', 'time'], size: [1, 2],
      dimension: { geo: { category: { index: ['DG'] } }, time: { category: { index: ['2019', '2020'] } } }, value: { 0: 5 }, status: { 0: 'p', 1: ':' },
      extension: { status: { label: { ':': 'not available', p: 'provisional' } } } };
    const { document: doc } = importJsonStat(bytes(ds), { ...META, indicator: { topic: 'Bildung', unit: 'Personen' } });
    valid(doc);
    assert.deepEqual(doc.statusSymbols, {
      p: { label: { de: 'laut Quelle: provisional', en: 'provisional' }, replacesValue: false },
      ':': { label: { de: 'laut Quelle: not available', en: 'not available' }, replacesValue: true },
    });
    assert.deepEqual(doc.observations.map((o) => [o.period, o.value, o.status]), [['2019', 5, 'p'], ['2020', null, ':']]);
  });

  it('rejects collection.json, which only links its datasets', () => {
    throwsAdapterError(() => importJsonStat(fixture('collection.json'), META), /links 8 of its 8 datasets.*download the datasets first/);
  });

  it('combines the datasets embedded in a collection into one document', () => {
    const collection = fixtureJson('collection.json');
    collection.link = { item: [fixtureJson('canada.json'), fixtureJson('oecd.json')] };
    const { document: doc, summary } = importJsonStat(bytes(collection), { ...META, ...AS_LAND, regionKeys: { CA: '01', DE: '02' } });
    valid(doc);
    assert.deepEqual(doc.indicators.map((x) => x.id), ['POP', 'PERCENT', 'UNR']);
    assert.deepEqual(doc.regions.map((r) => [r.key, r.name]), [['01', 'Canada'], ['02', 'Germany']]);
    assert.equal(doc.dataset.title, 'JSON-stat Dataset Sample Collection');
    assert.equal(doc.dataset.referenceDate, '2015-12-21');
    assert.equal(doc.dataset.sources.length, 2);
    assert.equal(doc.observations.length, 120 + 2 * 12);
    // Canada in oecd.json is area 3: position 3 * 12 + 9 for 2012.
    assert.equal(one(doc, { indicator: 'UNR', region: '01', period: '2012' }).value, (fixtureJson('oecd.json').value as number[])[3 * 12 + 9]);
    assert.deepEqual(Object.keys(doc.statusSymbols!), ['a', 'e']);
    assert.equal(summary.rowsRead, 120 + 432);
    accounted(summary);
  });

  it('recognises the Eurostat JSON-stat 1.x bundle and says so', () => {
    throwsAdapterError(() => importJsonStat(fixture('eurostat-name_gpd_c-geo_IT_FR.json'), META), /JSON-stat 1\.x \(a bundle of datasets: nama_gdp_c\).*only JSON-stat 2\.0/);
  });
});

describe('JSON-stat ids', () => {
  const LONG = 'Bevölkerung nach Geschlecht und Altersgruppen (17) - Stichtag 31.12. - regionale Tiefe: Kreise und krfr. Städte';
  const dataset = (extra: Record<string, { label: string; category: { index: string[] } }>) => ({
    version: '2.0',
    class: 'dataset',
    label: LONG,
    source: 'Statistische Ämter des Bundes und der Länder',
    updated: '2025-03-31',
    id: ['geo', 'time', ...Object.keys(extra)],
    size: [1, 1, ...Object.values(extra).map((d) => d.category.index.length)],
    dimension: { geo: { label: 'Kreise', category: { index: ['15085'] } }, time: { label: 'Jahr', category: { index: ['2024'] } }, ...extra },
    value: [205484],
  });

  it('takes the measure id from the dataset’s own ids, never from a slugged title', () => {
    const measured = importJsonStat(bytes(dataset({ indic_de: { label: 'Indikator', category: { index: ['BEVSTD'] } } })), OPTIONS).document;
    assert.deepEqual(measured.indicators.map((i) => i.id), ['BEVSTD']);
    // No measure dimension: a short slug of the title, cut after whole words.
    const plain = importJsonStat(bytes(dataset({})), OPTIONS).document;
    assert.deepEqual(plain.indicators.map((i) => i.id), ['bevoelkerung-nach-geschlecht-und']);
    assert.ok(plain.dataset.id.length <= 32, plain.dataset.id);
    assert.equal(plain.indicators[0]!.label, LONG);
  });
});

describe('JSON-stat export', () => {
  const harz = valid(example('bevoelkerung-harz.json') as KreisdossierInput);

  it('writes indicator, region, period and breakdowns as a dense cube with sparse statuses', () => {
    const js = exportJsonStat(harz);
    assert.deepEqual(js.id, ['indicator', 'region', 'period', 'geschlecht']);
    assert.deepEqual(js.size, [1, 2, 21, 3]);
    assert.deepEqual(js.role, { metric: ['indicator'], geo: ['region'], time: ['period'] });
    assert.deepEqual(js.dimension.indicator!.category.unit, { bevoelkerung: { label: 'Personen', decimals: 0 } });
    assert.equal(js.dimension.region!.category.label!['15085'], 'Harz');
    assert.equal(js.label, 'Bevölkerung nach Geschlecht – Landkreis Harz und Sachsen-Anhalt');
    assert.equal(js.source, 'Statistische Ämter des Bundes und der Länder');
    assert.equal(js.updated, '2017-10-10');
    // position = region * 63 + period * 3 + sex; Harz is region 1, 1995 period 0, 2000 period 5, 2015 period 20.
    const value = js.value as Array<number | null>;
    assert.equal(value.length, 126);
    assert.equal(value[63 + 20 * 3 + 0], 221366);
    assert.equal(value[63 + 20 * 3 + 2], 112340);
    assert.equal(value[63], null);
    assert.equal((js.status as Record<string, string>)['63'], '.');
    assert.equal(Object.keys(js.status!).length, 15);
    const extension = js.extension!.kreisdossier as { footnotes: Record<string, unknown>; document: { dataset: { attribution: string } } };
    assert.match(JSON.stringify(extension.footnotes[String(63 + 5 * 3)]), /Kreisreform/);
    assert.equal(extension.document.dataset.attribution, '© Statistische Ämter des Bundes und der Länder, Deutschland, 2017');
  });

  for (const name of ['bevoelkerung-harz.json', 'arbeitslosenquote-sachsen-anhalt.json']) {
    it(`round-trips ${name} exactly`, () => {
      const doc = valid(example(name) as KreisdossierInput);
      const { document, summary } = importJsonStat(bytes(exportJsonStat(doc)));
      assert.deepEqual(valid(document), doc);
      assert.equal(summary.observationsWritten, doc.observations.length);
    });
  }

  it('round-trips indicators with different breakdowns via the "_" category', () => {
    const rate = valid(example('arbeitslosenquote-sachsen-anhalt.json') as KreisdossierInput);
    const doc: KreisdossierDocument = {
      ...harz,
      indicators: [...harz.indicators, ...rate.indicators],
      observations: [...harz.observations, ...rate.observations.filter((o) => o.region === '15' || o.region === '15085')],
    };
    valid(doc);
    const js = exportJsonStat(doc);
    assert.deepEqual(js.dimension.geschlecht!.category.index, ['insgesamt', 'maennlich', 'weiblich', '_']);
    assert.deepEqual(valid(importJsonStat(bytes(js)).document), doc);
  });

  it('refuses a broken extension.kreisdossier with an AdapterError', () => {
    const js = exportJsonStat(harz) as unknown as { extension: { kreisdossier: { document: { regions: unknown } } } };
    js.extension.kreisdossier.document.regions = [];
    throwsAdapterError(() => importJsonStat(bytes(js)), /not what kreisdossier export writes: \$\.observations\[0\]\.region/);
  });
});

// ---------------------------------------------------------------------------
// Properties: random JSON-stat 2.0 datasets.

const KEYS = ['DG', '01', '15', '15085', '15085235', '091620000', '09162'];
const PERIODS = ['2001', '2002', '2015-12-31', '2016-Q1', '2018-06', '2015/16'];
const NULL_STATUS = ['.', ':', 'x', 'n'];
const VALUE_STATUS = ['e', 'p', 'a', '()'];
type Cell = { value: number | null; status?: string; omit?: boolean };

const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => (Object.is(x, -0) ? 0 : x)));
const cell: fc.Arbitrary<Cell> = fc.oneof(
  number.map((value) => ({ value })),
  fc.record({ value: number, status: fc.constantFrom(...VALUE_STATUS) }),
  fc.record({ value: fc.constant(null), omit: fc.boolean() }),
  fc.record({ value: fc.constant(null), status: fc.constantFrom(...NULL_STATUS), omit: fc.boolean() }),
);
const ids = (pool: string[], max = 3) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: max });

const randomDataset = fc
  .record({
    metric: fc.option(ids(['pop', 'rate', 'a1', 'B']), { nil: undefined }),
    geo: ids(KEYS),
    time: ids(PERIODS),
    breakdowns: fc.array(ids(['t', 'm', 'w', 'x-1'], 3), { maxLength: 2 }),
    useRole: fc.boolean(),
    objectIndex: fc.boolean(),
    sparse: fc.boolean(),
    statusForm: fc.constantFrom('array', 'object', 'string', 'single'),
    decimals: fc.integer({ min: 0, max: 9 }),
  })
  .chain((spec) => {
    const dims: Array<[string, string[]]> = [
      [spec.useRole ? 'raum' : 'geo', spec.geo],
      [spec.useRole ? 'zeit' : 'time', spec.time],
      ...(spec.metric ? [[spec.useRole ? 'mass' : 'concept', spec.metric] as [string, string[]]] : []),
      ...spec.breakdowns.map((c, i): [string, string[]] => [`b${i}`, c]),
    ];
    const length = dims.reduce((n, [, c]) => n * c.length, 1);
    const cells = spec.statusForm === 'string' || spec.statusForm === 'single' ? fc.array(number, { minLength: length, maxLength: length }).map((v) => v.map((value): Cell => ({ value, status: 'e' }))) : fc.array(cell, { minLength: length, maxLength: length });
    return fc.record({ order: fc.shuffledSubarray(dims, { minLength: dims.length, maxLength: dims.length }), cells }).map(({ order, cells }) => ({ spec, order, cells }));
  })
  .map(({ spec, order, cells }) => {
    const dimension: Record<string, unknown> = {};
    for (const [id, cats] of order) {
      const category: Record<string, unknown> = {
        index: spec.objectIndex ? Object.fromEntries(cats.map((c, i) => [c, i])) : cats,
        label: Object.fromEntries(cats.map((c) => [c, `Label ${c}`])),
      };
      if (id === 'mass' || id === 'concept') category.unit = Object.fromEntries(cats.map((c) => [c, { label: 'Personen', decimals: spec.decimals }]));
      dimension[id] = { label: `Dimension ${id}`, category };
    }
    const value = spec.sparse ? Object.fromEntries(cells.flatMap((c, p) => (c.omit ? [] : [[String(p), c.value]]))) : cells.map((c) => c.value);
    const status =
      spec.statusForm === 'string' ? 'e'
      : spec.statusForm === 'single' ? ['e']
      : spec.statusForm === 'array' ? cells.map((c) => c.status ?? null)
      : Object.fromEntries(cells.flatMap((c, p) => (c.status ? [[String(p), c.status]] : [])));
    return {
      version: '2.0', class: 'dataset', label: 'Zufallsdaten', source: 'Testamt', updated: '2020-05-31',
      id: order.map(([id]) => id), size: order.map(([, c]) => c.length),
      ...(spec.useRole ? { role: { geo: ['raum'], time: ['zeit'], ...(spec.metric ? { metric: ['mass'] } : {}) } } : {}),
      dimension, value, status,
    };
  });

const OPTIONS: JsonStatImportOptions = { ...META, indicator: { topic: 'Bildung', unit: 'Personen' } };
const ROLE: Record<string, string> = { raum: 'region', geo: 'region', zeit: 'period', time: 'period', mass: 'indicator', concept: 'indicator' };

/** Non-empty cells of a JSON-stat dataset, keyed by role (indicator/region/period) and breakdown ids. Independent of the adapter's reader. */
function cells(js: Record<string, unknown>, indicator?: string): Map<string, { value: number | null; status?: string }> {
  const id = js.id as string[];
  const size = js.size as number[];
  const dims = js.dimension as Record<string, { category: { index: string[] | Record<string, number> } }>;
  const cats = id.map((d) => {
    const index = dims[d]!.category.index;
    return Array.isArray(index) ? index : Object.keys(index).sort((a, b) => (index[a]! - index[b]!));
  });
  const n = size.reduce((a, b) => a * b, 1);
  const values = js.value as Array<number | null> | Record<string, number | null>;
  const status = js.status as undefined | string | Array<string | null> | Record<string, string>;
  const out = new Map<string, { value: number | null; status?: string }>();
  for (let p = 0; p < n; p++) {
    const value = (Array.isArray(values) ? values[p] : values[String(p)]) ?? null;
    const present = Array.isArray(values) || Object.hasOwn(values, String(p));
    const s = typeof status === 'string' ? (present ? status : undefined)
      : Array.isArray(status) ? (status.length === 1 && n !== 1 ? (present ? status[0] : undefined) : status[p])
      : status?.[String(p)];
    if (value === null && !s) continue;
    let rest = p;
    const coords: Record<string, string> = indicator ? { indicator } : {};
    for (let k = id.length - 1; k >= 0; k--) {
      coords[ROLE[id[k]!] ?? id[k]!] = cats[k]![rest % size[k]!]!;
      rest = Math.floor(rest / size[k]!);
    }
    out.set(JSON.stringify(Object.entries(coords).sort()), { value, ...(s ? { status: s } : {}) });
  }
  return out;
}

describe('JSON-stat properties', () => {
  it('random JSON-stat 2.0 → import → export keeps every value and status', () => {
    fc.assert(
      fc.property(randomDataset, (js) => {
        const { document, summary } = importJsonStat(bytes(js), OPTIONS);
        valid(document);
        accounted(summary);
        const back = exportJsonStat(valid(document)) as unknown as Record<string, unknown>;
        const single = (js.id as string[]).some((d) => ROLE[d] === 'indicator') ? undefined : 'zufallsdaten';
        assert.deepEqual(cells(back), cells(js, single));
      }),
      { numRuns: 300 },
    );
  });

  it('import → export → import gives the same document', () => {
    fc.assert(
      fc.property(randomDataset, (js) => {
        const first = valid(importJsonStat(bytes(js), OPTIONS).document);
        assert.deepEqual(valid(importJsonStat(bytes(exportJsonStat(first))).document), first);
      }),
      { numRuns: 200 },
    );
  });

  const survives = (input: Uint8Array) => {
    try {
      importJsonStat(input, OPTIONS);
    } catch (e) {
      if (!(e instanceof AdapterError)) throw e;
    }
  };

  it('never crashes on garbage: a result or an AdapterError', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => survives(bytes(v))), { numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), survives), { numRuns: 200 });
  });

  it('never crashes on damaged datasets and exports', () => {
    const damage = (value: unknown, path: number[], replacement: unknown): unknown => {
      if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
      const keys = Object.keys(value);
      if (keys.length === 0) return replacement;
      const key = keys[path[0]! % keys.length]!;
      const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as unknown as Record<string, unknown> : { ...value };
      copy[key] = damage((value as Record<string, unknown>)[key], path.slice(1), replacement);
      return copy;
    };
    const exported = randomDataset.map((js) => exportJsonStat(valid(importJsonStat(bytes(js), OPTIONS).document)) as unknown);
    fc.assert(
      fc.property(fc.oneof(randomDataset as fc.Arbitrary<unknown>, exported), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue(), (js, path, replacement) =>
        survives(bytes(damage(js, path, replacement))),
      ),
      { numRuns: 500 },
    );
  });
});
