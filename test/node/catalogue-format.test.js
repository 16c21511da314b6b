// The catalogue format: the committed JSON Schema is the one generated from the valibot schema and agrees with
// the validator; the validator's rules; and the file selection every element and `kreisdossier dossier` share.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import * as catalogueSchema from '../../build/format/catalogue-schema.js';
import { validateCatalogue } from '../../build/node/src/format/catalogue-validate.js';
import {
  ancestorKeys, dataFilesFor, dossierFor, dossierNeeds, geometryFilesFor, levelOfKey, prefixesOverlap, similarRegions, sizeClass, topicsWithData,
} from '../../build/node/src/format/catalogue-select.js';
import { buildJsonSchema } from '../../scripts/json-schema.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const committed = read('schema/kreisdossier-catalogue-1.schema.json');
const validateWithJsonSchema = new Ajv({ allErrors: true, strict: false }).compile(committed);

const file = (url, indicator, topic, levels, regions, extra = {}) => ({
  url, bytes: 1000, dataset: url.replace(/\W/g, '-'), indicators: [{ id: indicator, topic }], levels, regions, periods: { first: '2015', last: '2024' }, ...extra,
});
/** A small catalogue: Deutschland, two Länder, three Kreise of Sachsen-Anhalt, one of Bayern in a Regierungsbezirk. */
function catalogue() {
  return {
    kreisdossierCatalogue: '1.0',
    regions: [
      { key: 'DG', name: 'Deutschland', level: 'Bund' },
      { key: '15', name: 'Sachsen-Anhalt', level: 'Land', parent: 'DG' },
      { key: '09', name: 'Bayern', level: 'Land', parent: 'DG' },
      { key: '091', name: 'Oberbayern', level: 'Regierungsbezirk', parent: '09' },
      { key: '15085', name: 'Harz', level: 'Kreis', parent: '15', type: 'Landkreis', population: 214_446, neighbours: ['15083', '15089'] },
      { key: '15083', name: 'Börde', level: 'Kreis', parent: '15', type: 'Landkreis', population: 171_734, neighbours: ['15085'] },
      { key: '15089', name: 'Salzlandkreis', level: 'Kreis', parent: '15', type: 'Landkreis', population: 190_560, neighbours: ['15085'] },
      { key: '15002', name: 'Halle (Saale)', level: 'Kreis', parent: '15', type: 'Kreisfreie Stadt', population: 238_061 },
      { key: '09162', name: 'München', level: 'Kreis', parent: '091', type: 'Kreisfreie Stadt', population: 1_512_491 },
    ],
    regionFiles: [{ url: 'regionen/gemeinden-15.json', level: 'Gemeinde', regions: ['15'], bytes: 9000 }],
    data: [
      file('kreise/bev-de.json', 'bevoelkerung', 'Bevölkerung', ['Bund'], ['DG']),
      file('kreise/bev-15.json', 'bevoelkerung', 'Bevölkerung', ['Land', 'Kreis'], ['15']),
      file('kreise/bev-09.json', 'bevoelkerung', 'Bevölkerung', ['Land', 'Regierungsbezirk', 'Kreis'], ['09']),
      file('gemeinden/bev-15085.json', 'bevoelkerung', 'Bevölkerung', ['Gemeinde'], ['15085']),
      file('gemeinden/bev-15083.json', 'bevoelkerung', 'Bevölkerung', ['Gemeinde'], ['15083']),
      file('kreise/alq-15.json', 'arbeitslosenquote', 'Arbeitsmarkt und Wirtschaft', ['Land', 'Kreis'], ['15']),
    ],
    geometry: [
      { url: 'geo/kreise-15.topo.json', format: 'topojson', level: 'Kreis', regions: ['15'], bytes: 9000, attribution: '© GeoBasis-DE / BKG (2021)' },
      { url: 'geo/gemeinden-15085.topo.json', format: 'topojson', level: 'Gemeinde', regions: ['15085'], bytes: 9000, attribution: '© GeoBasis-DE / BKG (2021)' },
      { url: 'geo/gemeinden-15083.topo.json', format: 'topojson', level: 'Gemeinde', regions: ['15083'], bytes: 9000, attribution: '© GeoBasis-DE / BKG (2021)' },
    ],
    dossiers: [
      { url: 'dossiers/allgemein.json', bytes: 100 },
      { url: 'dossiers/harz.json', regions: ['15085'], bytes: 100 },
    ],
    regionChanges: [{ key: '03152', name: 'Göttingen, Landkreis', successors: ['03159'], date: '2016-11-01', note: 'Mit Osterode am Harz zum Landkreis Göttingen (03159) vereinigt.' }],
  };
}
const valid = () => {
  const result = validateCatalogue(catalogue());
  assert.deepEqual(result.problems, []);
  return result.catalogue;
};

test('committed catalogue JSON Schema equals the one generated from the valibot schema', () => {
  assert.deepEqual(buildJsonSchema(catalogueSchema, 'CatalogueSchema'), committed, 'run `npm run build` and commit schema/');
  assert.deepEqual(read('dist/kreisdossier-catalogue.schema.json'), committed);
});

test('JSON Schema and validator accept a catalogue, and the validator applies defaults', () => {
  assert.equal(validateWithJsonSchema(catalogue()), true, JSON.stringify(validateWithJsonSchema.errors));
  const c = valid();
  assert.equal(c.geometry[0].keyProperty, 'ags');
  const bare = { kreisdossierCatalogue: '1.0', regions: [], data: [] };
  assert.deepEqual(validateCatalogue(bare).catalogue, { ...bare, regionFiles: [], geometry: [], dossiers: [], regionChanges: [] });
});

const mutants = {
  'wrong version': (c) => (c.kreisdossierCatalogue = '2.0'),
  'bad key prefix': (c) => (c.data[0].regions = ['1']),
  'negative bytes': (c) => (c.data[0].bytes = -1),
  'unknown topic': (c) => (c.data[0].indicators[0].topic = 'Sport'),
  'no levels': (c) => (c.data[0].levels = []),
  'unknown property': (c) => (c.data[0].size = 1),
};
for (const [name, mutate] of Object.entries(mutants)) {
  test(`JSON Schema and validator both reject: ${name}`, () => {
    const c = catalogue();
    mutate(c);
    assert.equal(validateWithJsonSchema(c), false);
    const result = validateCatalogue(c);
    assert.equal(result.valid, false);
    assert.ok(result.problems.every((p) => p.path.startsWith('$') && p.message.de && p.message.en));
  });
}

test('a javascript: URL passes the JSON Schema (a superset) but not the validator', () => {
  const c = catalogue();
  c.data[0].url = 'javascript:alert(1)';
  assert.deepEqual(validateCatalogue(c).problems.map((p) => `${p.path} ${p.code}`), ['$.data[0].url file-url']);
});

test('the validator reports duplicate files and regions, and unknown parents and neighbours, at their paths', () => {
  const c = catalogue();
  c.geometry[1].url = c.data[0].url;
  c.regions.push(structuredClone(c.regions[4]));
  c.regions[5].parent = '16';
  c.regions[4].neighbours.push('03153'); // (the copy keeps the known neighbours)
  const problems = validateCatalogue(c).problems.map((p) => `${p.path} ${p.code}`);
  assert.deepEqual(problems.sort(), [
    '$.geometry[1].url duplicate-key',
    '$.regions[4].neighbours[2] unknown-region',
    '$.regions[5].parent unknown-region',
    '$.regions[9].key duplicate-key',
  ]);
});

test('levels follow from the key; prefixes overlap when one begins the other, "DG" only itself', () => {
  assert.deepEqual(['DG', '15', '091', '15085', '15085370', '150855005', '150850235235'].map(levelOfKey), ['Bund', 'Land', 'Regierungsbezirk', 'Kreis', 'Gemeinde', 'Gemeindeverband', 'Gemeinde']);
  assert.equal(prefixesOverlap('15', '15085'), true);
  assert.equal(prefixesOverlap('15085', '15'), true);
  assert.equal(prefixesOverlap('15', '16'), false);
  assert.equal(prefixesOverlap('DG', '15'), false);
  assert.equal(prefixesOverlap('DG', 'DG'), true);
});

test("a Kreis view needs its Land's files, Deutschland's, its Gemeinden's — nothing of another Land or Kreis", () => {
  const c = valid();
  const needs = dossierNeeds(c, '15085', ['Bevölkerung']);
  assert.deepEqual(dataFilesFor(c, needs.data).map((f) => f.url), ['kreise/bev-de.json', 'kreise/bev-15.json', 'gemeinden/bev-15085.json']);
  assert.deepEqual(needs.geometry.flatMap((g) => geometryFilesFor(c, g)).map((g) => g.url), ['geo/gemeinden-15085.topo.json', 'geo/kreise-15.topo.json']);
  // Another topic: its files only.
  assert.deepEqual(dataFilesFor(c, dossierNeeds(c, '15085', ['Arbeitsmarkt und Wirtschaft']).data).map((f) => f.url), ['kreise/alq-15.json']);
});

test("a Land view needs its own part and Deutschland's, not the other Länder", () => {
  const c = valid();
  const needs = dossierNeeds(c, '15', ['Bevölkerung']);
  assert.deepEqual(dataFilesFor(c, needs.data).map((f) => f.url), ['kreise/bev-de.json', 'kreise/bev-15.json']);
  assert.deepEqual(needs.geometry.flatMap((g) => geometryFilesFor(c, g)).map((g) => g.url), ['geo/kreise-15.topo.json']);
  assert.ok(!needs.data.regions.some((r) => r.prefix === 'DG' && r.levels.includes('Land')), 'no ranking among the Länder');
});

test('Deutschland\'s regions of a level below it (all Länder, all Kreise) are every file of that level', () => {
  const c = valid();
  assert.deepEqual(dataFilesFor(c, { regions: [{ prefix: 'DG', levels: ['Bund'] }] }).map((f) => f.url), ['kreise/bev-de.json']);
  assert.deepEqual(dataFilesFor(c, { topics: ['Bevölkerung'], regions: [{ prefix: 'DG', levels: ['Land'] }] }).map((f) => f.url), ['kreise/bev-15.json', 'kreise/bev-09.json']);
  assert.deepEqual(geometryFilesFor(c, { prefix: 'DG', level: 'Kreis' }).map((g) => g.url), ['geo/kreise-15.topo.json']);
  assert.deepEqual(geometryFilesFor(c, { prefix: 'DG', level: 'Bund' }), []);
});

test("a Gemeinde view needs its Kreis's Gemeinde file and the Kreis, Land and Deutschland; its parents come from the key", () => {
  const c = valid();
  assert.deepEqual(ancestorKeys(c, '15085370'), ['15085', '15', 'DG']);
  assert.deepEqual(ancestorKeys(c, '09162'), ['091', '09', 'DG']);
  const needs = dossierNeeds(c, '15085370', ['Bevölkerung']);
  assert.deepEqual(dataFilesFor(c, needs.data).map((f) => f.url), ['kreise/bev-de.json', 'kreise/bev-15.json', 'gemeinden/bev-15085.json']);
  assert.deepEqual(needs.geometry.flatMap((g) => geometryFilesFor(c, g)).map((g) => g.url), ['geo/gemeinden-15085.topo.json']);
});

test('the dossier definition with the longest matching prefix wins; one without regions applies everywhere', () => {
  const c = valid();
  assert.equal(dossierFor(c, '15085').url, 'dossiers/harz.json');
  assert.equal(dossierFor(c, '15085370').url, 'dossiers/harz.json');
  assert.equal(dossierFor(c, '15083').url, 'dossiers/allgemein.json');
  c.dossiers = c.dossiers.filter((d) => d.regions);
  assert.equal(dossierFor(c, '15083'), undefined);
});

test('topics with data follow the files covering the region or regions below it', () => {
  const c = valid();
  assert.deepEqual([...topicsWithData(c, '15085')].sort(), ['Arbeitsmarkt und Wirtschaft', 'Bevölkerung']);
  assert.deepEqual([...topicsWithData(c, '15085370')], ['Bevölkerung']);
  assert.deepEqual([...topicsWithData(c, '09162')], ['Bevölkerung']);
});

test('similar regions: same Land, same kind (kreisfreie Stadt or not) and size class, largest first; nothing guessed', () => {
  const c = valid();
  assert.deepEqual([sizeClass(99_999), sizeClass(100_000), sizeClass(249_999), sizeClass(250_000), sizeClass(500_000)], [0, 1, 1, 2, 3]);
  assert.deepEqual(similarRegions(c, '15085').map((r) => r.key), ['15089', '15083']);
  // Halle is a kreisfreie Stadt of the same size class: not similar to the Landkreise.
  assert.deepEqual(similarRegions(c, '15002').map((r) => r.key), []);
  delete c.regions.find((r) => r.key === '15085').population;
  assert.deepEqual(similarRegions(c, '15085'), []);
});
