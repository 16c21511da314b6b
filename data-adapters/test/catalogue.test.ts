// `kreisdossier catalogue`: coverage of each file, regions with type, population and neighbours, the region changes,
// the overlap and contradiction checks, and the errors. The folder is built as a user would: import, split, geo.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../src/format/catalogue-schema.js';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { main } from '../cli.js';
import { run } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const CHANGES = join(root, 'data-adapters/region-changes.json');
const dir = mkdtempSync(join(tmpdir(), 'kd-catalogue-'));
const BASE = join(dir, 'base');
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const writeJson = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 1)}\n`);

/** A copy of the base folder to change. */
function folder(name: string): string {
  const target = join(dir, name);
  cpSync(BASE, target, { recursive: true });
  rmSync(join(target, 'katalog.json'), { force: true });
  return target;
}

before(async () => {
  const raw = join(dir, 'bevoelkerung-kreise.json');
  const steps = [
    ['import', 'genesis', join(root, 'data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4_00.csv'), '--indicator', 'bevoelkerung', '-o', raw],
    ['split', raw, '--by', 'land', '-o', join(BASE, 'kreise')],
    ['geo', join(root, 'data-adapters/fixtures/geo/de-kreise-2021.topo.json'), '--format', 'topojson', '--keep-properties', 'type', '-o', join(BASE, 'geo/kreise.topo.json')],
  ];
  mkdirSync(join(BASE, 'geo'), { recursive: true });
  for (const argv of steps) {
    const r = await run(...argv);
    assert.equal(r.code, 0, r.err);
  }
  const reference = readJson<KreisdossierDocument>(join(root, 'data-adapters/dossiers/grenzen-kreise.json'));
  writeJson(join(BASE, 'geo/grenzen-kreise.json'), { ...reference, geometry: { ...reference.geometry, url: 'kreise.topo.json', object: 'kreise' } });
  mkdirSync(join(BASE, 'dossiers'));
  cpSync(join(root, 'data-adapters/dossiers/kreisdossier.json'), join(BASE, 'dossiers/kreisdossier.json'));
  const harz = readJson<KreisdossierDocument>(join(root, 'data-adapters/dossiers/kreisdossier-harz.json'));
  writeJson(join(BASE, 'dossiers/kreisdossier-harz.json'), { ...harz, regions: [{ key: '15085', name: 'Harz, Landkreis', level: 'Kreis', parent: '15' }] });
  // A region file: the Gemeinden of Sachsen-Anhalt, names only.
  const gemeinden = readJson<{ objects: { gemeinden: { geometries: Array<{ properties: { ags: string; name: string } }> } } }>(join(root, 'data-adapters/fixtures/geo/st-gemeinden-2021.topo.json'));
  mkdirSync(join(BASE, 'regionen'));
  writeJson(join(BASE, 'regionen/gemeinden-15.json'), {
    kreisdossier: '1.0',
    dataset: { ...reference.dataset, id: 'gemeinden-15' },
    regions: gemeinden.objects.gemeinden.geometries.map((g) => ({ key: g.properties.ags, name: g.properties.name, level: 'Gemeinde', parent: g.properties.ags.slice(0, 5) })),
    indicators: [],
    observations: [],
  });
  writeFileSync(join(BASE, 'README.md'), 'not a data file\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('catalogue of a split nationwide table, Kreis boundaries, dossiers and a region file', () => {
  let catalogue: Catalogue;
  let err = '';
  before(async () => {
    const r = await run('catalogue', BASE, '-o', join(BASE, 'katalog.json'), '--region-changes', CHANGES, '--title', 'Test');
    assert.equal(r.code, 0, r.err);
    err = r.err;
    catalogue = readJson<Catalogue>(join(BASE, 'katalog.json'));
  });

  it('writes a valid catalogue with relative URLs in a fixed order, the same on every run', async () => {
    assert.deepEqual(validateCatalogue(catalogue).problems, []);
    assert.equal(catalogue.title, 'Test');
    assert.equal(catalogue.updated, undefined, 'no date unless asked for');
    const urls = catalogue.data.map((d) => d.url);
    assert.deepEqual(urls, [...urls].sort());
    assert.equal(urls[0], 'kreise/bevoelkerung-kreise-01.json');
    const first = readFileSync(join(BASE, 'katalog.json'), 'utf8');
    assert.equal((await run('catalogue', BASE, '-o', join(BASE, 'katalog.json'), '--region-changes', CHANGES, '--title', 'Test')).code, 0);
    assert.equal(readFileSync(join(BASE, 'katalog.json'), 'utf8'), first);
  });

  it('states what each data file covers: indicators, levels, key prefixes, periods, bytes', () => {
    // Deutschland alone; each Land with its Kreise in its part (Hamburg's part: the Land row only).
    const de = catalogue.data.find((d) => d.url === 'kreise/bevoelkerung-kreise-de.json')!;
    assert.deepEqual(de.levels, ['Bund']);
    assert.deepEqual(de.regions, ['DG']);
    assert.deepEqual(catalogue.data.find((d) => d.url === 'kreise/bevoelkerung-kreise-02.json')!.levels, ['Land']);
    const st = catalogue.data.find((d) => d.url === 'kreise/bevoelkerung-kreise-15.json')!;
    assert.deepEqual(st, {
      url: 'kreise/bevoelkerung-kreise-15.json',
      bytes: statSync(join(BASE, 'kreise/bevoelkerung-kreise-15.json')).size,
      dataset: '12411-01-01-4-15',
      indicators: [{ id: 'bevoelkerung', topic: 'Bevölkerung' }],
      levels: ['Land', 'Regierungsbezirk', 'Kreis'],
      regions: ['15'],
      periods: { first: '1995-12-31', last: '2015-12-31' },
    });
    // Niedersachsen's part holds Hannover's Gemeinde row (03241001) of the Kreis table: its level is listed.
    assert.deepEqual(catalogue.data.find((d) => d.url === 'kreise/bevoelkerung-kreise-03.json')!.levels, ['Land', 'Regierungsbezirk', 'Kreis', 'Gemeinde']);
  });

  it('lists the boundary file, the region file and the dossiers (the Harz one for 15085)', () => {
    assert.deepEqual(
      catalogue.geometry.map(({ url, level, regions, object }) => ({ url, level, regions, object })),
      [{ url: 'geo/kreise.topo.json', level: 'Kreis', regions: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16'], object: 'kreise' }],
    );
    assert.equal(catalogue.geometry[0]!.bytes, statSync(join(BASE, 'geo/kreise.topo.json')).size);
    assert.deepEqual(catalogue.regionFiles.map(({ url, level, regions }) => ({ url, level, regions })), [{ url: 'regionen/gemeinden-15.json', level: 'Gemeinde', regions: ['150'] }]);
    assert.deepEqual(catalogue.dossiers.map(({ url, regions }) => ({ url, regions })), [
      { url: 'dossiers/kreisdossier-harz.json', regions: ['15085'] },
      { url: 'dossiers/kreisdossier.json', regions: undefined },
    ]);
    assert.match(err, /nicht gelistet: README\.md|katalog\.json: \d+ Dateien/);
  });

  it('names the regions down to the Kreise, with parent, type, population and neighbours across Länder borders', () => {
    const harz = catalogue.regions.find((r) => r.key === '15085')!;
    assert.equal(harz.parent, '15');
    assert.equal(harz.type, 'Landkreis');
    const input = readJson<KreisdossierDocument>(join(BASE, 'kreise/bevoelkerung-kreise-15.json'));
    const latest = input.observations.find((o) => o.region === '15085' && o.period === '2015-12-31' && o.breakdown?.geschlecht === 'insgesamt')!;
    assert.equal(harz.population, latest.value);
    // Börde, Mansfeld-Südharz, Salzlandkreis; Goslar, Helmstedt, Wolfenbüttel (Niedersachsen); Nordhausen (Thüringen).
    assert.deepEqual(harz.neighbours, ['03153', '03154', '03158', '15083', '15087', '15089', '16062']);
    assert.equal(catalogue.regions.find((r) => r.key === '15003')!.type, 'Kreisfreie Stadt');
    assert.equal(catalogue.regions[0]!.key, 'DG');
    assert.deepEqual(
      catalogue.regions.filter((r) => r.level === 'Land').map((r) => r.parent),
      Array(16).fill('DG'),
    );
    assert.ok(!catalogue.regions.some((r) => r.level === 'Gemeinde'), 'Gemeinden are in region files');
  });

  it('lists Kreis keys without a boundary as region changes: successors only from the known changes, never guessed', () => {
    const byKey = new Map(catalogue.regionChanges.map((c) => [c.key, c]));
    const goettingen = byKey.get('03152')!;
    assert.deepEqual(goettingen.successors, ['03159']);
    assert.equal(goettingen.date, '2016-11-01');
    assert.match(JSON.stringify(goettingen.note), /zum neuen Landkreis Göttingen \(03159\) zusammengeschlossen\. Die Kreisgrenzen \(Stand 2021-01-01\) haben diesen Schlüssel nicht mehr\. Die Daten enthalten Werte für 1995-12-31 – 2015-12-31/);
    assert.deepEqual(byKey.get('05354')!.successors, ['05334']);
    // The Stadt Aachen (05313) is a known change, but these data have no observations of it: not listed.
    assert.ok(!byKey.has('05313'));
    const greifswald = byKey.get('13001')!;
    assert.equal(greifswald.successors, undefined);
    assert.match(JSON.stringify(greifswald.note), /Werte für 1995-12-31 – 2010-12-31.*Für 2011-12-31 – 2015-12-31 stehen nur Zeichen \(„-“\)/);
    // Eisenach still has a boundary (2021-01-01) but is a known change.
    assert.match(JSON.stringify(byKey.get('16056')!.note), /zeigen den Kreis noch/);
    assert.ok(!byKey.has('15085') && !byKey.has('03159'));
    assert.equal(catalogue.regionChanges.length, 73);
    assert.match(err, /Kreisschlüssel ohne aktuelle Grenze \(regionChanges\): 73, davon mit Nachfolger 12; ohne bekannten Nachfolger \(nur gemeldet, nicht geraten\): 13001, /);
  });
});

describe('catalogue: Kreis boundaries split by Land, neighbours from --neighbours-from', () => {
  // Three Länder's Kreise, one file each, as `geo --within` cuts them; the nationwide file of the base folder
  // (outside this one) for the neighbours.
  let f = '';
  const nationwide = join(BASE, 'geo/kreise.topo.json');
  before(async () => {
    f = folder('per-land');
    rmSync(join(f, 'geo'), { recursive: true });
    mkdirSync(join(f, 'geo'));
    const reference = readJson<KreisdossierDocument>(join(root, 'data-adapters/dossiers/grenzen-kreise.json'));
    for (const land of ['03', '15', '16']) {
      const r = await run('geo', join(root, 'data-adapters/fixtures/geo/de-kreise-2021.topo.json'), '--within', land, '--format', 'topojson', '--keep-properties', 'type', '-o', join(f, `geo/kreise-${land}.topo.json`));
      assert.equal(r.code, 0, r.err);
      writeJson(join(f, `geo/grenzen-kreise-${land}.json`), { ...reference, geometry: { ...reference.geometry, url: `kreise-${land}.topo.json`, object: 'kreise' } });
    }
  });

  it('lists one boundary file per Land; without the option a Kreis has only the neighbours of its own Land’s file', async () => {
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'));
    assert.equal(r.code, 0, r.err);
    const catalogue = readJson<Catalogue>(join(f, 'katalog.json'));
    // (Sachsen-Anhalt and Thüringen have no Regierungsbezirke: all their Kreise begin with 150, 160.)
    assert.deepEqual(catalogue.geometry.map(({ url, regions }) => `${url} ${regions.join(',')}`), ['geo/kreise-03.topo.json 03', 'geo/kreise-15.topo.json 150', 'geo/kreise-16.topo.json 160']);
    assert.deepEqual(catalogue.regions.find((x) => x.key === '15085')!.neighbours, ['15083', '15087', '15089']);
  });

  it('takes the neighbours across Länder borders from --neighbours-from, which it reads but does not list', async () => {
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'), '--neighbours-from', nationwide);
    assert.equal(r.code, 0, r.err);
    const catalogue = readJson<Catalogue>(join(f, 'katalog.json'));
    assert.deepEqual(validateCatalogue(catalogue).problems, []);
    const harz = catalogue.regions.find((x) => x.key === '15085')!;
    assert.deepEqual(harz.neighbours, ['03153', '03154', '03158', '15083', '15087', '15089', '16062']);
    assert.equal(harz.type, 'Landkreis');
    // Types of Kreise in Länder without a boundary file of their own come from it too.
    assert.equal(catalogue.regions.find((x) => x.key === '09162')!.type, 'Kreisfreie Stadt');
    assert.equal(catalogue.geometry.length, 3);
    // The same neighbours as from the one nationwide file the base folder lists.
    const base = readJson<Catalogue>(join(BASE, 'katalog.json'));
    for (const key of ['03153', '15085', '16062']) {
      assert.deepEqual(catalogue.regions.find((x) => x.key === key)!.neighbours, base.regions.find((x) => x.key === key)!.neighbours, key);
    }
    // Inside the folder, it is not listed either, and the reason is given.
    cpSync(nationwide, join(f, 'geo/kreise-de.topo.json'));
    const inside = await run('catalogue', f, '-o', join(f, 'katalog.json'), '--neighbours-from', join(f, 'geo/kreise-de.topo.json'));
    assert.equal(inside.code, 0, inside.err);
    assert.match(inside.err, /nicht gelistet: geo\/kreise-de\.topo\.json \(nur für die Nachbarn gelesen \(--neighbours-from\)\)/);
    assert.equal(readJson<Catalogue>(join(f, 'katalog.json')).geometry.length, 3);
    rmSync(join(f, 'geo/kreise-de.topo.json'));
  });

  it('refuses a file that is not TopoJSON of Kreise', async () => {
    const geojson = join(dir, 'kreise.geojson');
    writeJson(geojson, { type: 'FeatureCollection', features: [] });
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'fehlt.topo.json'), /--neighbours-from .*fehlt\.topo\.json: Datei nicht lesbar \(ENOENT\)/],
      [geojson, /--neighbours-from .*kreise\.geojson: keine TopoJSON-Datei/],
      [join(root, 'data-adapters/fixtures/geo/st-gemeinden-2021.topo.json'), /--neighbours-from .*: erwartet werden Grenzen von Kreisen .*Ebene Gemeinde/],
    ];
    for (const [file, message] of cases) {
      const r = await run('catalogue', f, '-o', join(f, 'k.json'), '--neighbours-from', file);
      assert.equal(r.code, 2, file);
      assert.match(r.err, message);
      assert.ok(!existsSync(join(f, 'k.json')));
    }
  });
});

describe('catalogue: overlapping files', () => {
  it('warns about identical observations in two files', async () => {
    const f = folder('identical');
    cpSync(join(f, 'kreise/bevoelkerung-kreise-15.json'), join(f, 'kreise/extra-15.json'));
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'));
    assert.equal(r.code, 0, r.err);
    const n = readJson<KreisdossierDocument>(join(f, 'kreise/extra-15.json')).observations.length;
    assert.ok(r.err.includes(`Warnung: kreise/bevoelkerung-kreise-15.json und kreise/extra-15.json enthalten ${n} gleiche Beobachtungen von bevoelkerung`), r.err);
  });

  it('refuses a contradiction, naming both files and the observation, and writes nothing', async () => {
    const f = folder('contradiction');
    const doc = readJson<KreisdossierDocument>(join(f, 'kreise/bevoelkerung-kreise-15.json'));
    const i = doc.observations.findIndex((o) => o.region === '15085' && o.period === '2015-12-31' && o.breakdown?.geschlecht === 'weiblich');
    const official = doc.observations[i]!.value;
    // Only 2015, so that the coverage overlaps the original in one period.
    writeJson(join(f, 'kreise/zz-15085.json'), { ...doc, dataset: { ...doc.dataset, id: 'other' }, observations: [{ ...doc.observations[i]!, value: official! + 1 }] });
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'));
    assert.equal(r.code, 1);
    assert.ok(
      r.err.includes(`Widerspruch: bevoelkerung 15085 2015-12-31 geschlecht=weiblich: kreise/bevoelkerung-kreise-15.json ${official}, kreise/zz-15085.json ${official! + 1}`),
      r.err,
    );
    assert.match(r.err, /nicht geschrieben: 1 Widersprüche/);
    assert.ok(!existsSync(join(f, 'katalog.json')));
  });

  it('refuses an indicator with another unit in another file', async () => {
    const f = folder('unit');
    const doc = readJson<KreisdossierDocument>(join(f, 'kreise/bevoelkerung-kreise-15.json'));
    writeJson(join(f, 'kreise/tausend-15.json'), { ...doc, indicators: doc.indicators.map((x) => ({ ...x, unit: 'Tausend' })), observations: doc.observations.filter((o) => o.period === '1995-12-31') });
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'));
    assert.equal(r.code, 1);
    assert.match(r.err, /Fehler: Indikator bevoelkerung hat in kreise\/bevoelkerung-kreise-01\.json Einheit\/Nachkommastellen\/Art „Anzahl, 0, count, \[geschlecht\]“, in kreise\/tausend-15\.json „Tausend, 0, count, \[geschlecht\]“/);
  });

  it('refuses an invalid kreisdossier file in the folder', async () => {
    const f = folder('invalid');
    writeJson(join(f, 'kaputt.json'), { kreisdossier: '1.0', regions: [] });
    const r = await run('catalogue', f, '-o', join(f, 'katalog.json'));
    assert.equal(r.code, 1);
    assert.match(r.err, /ungültig: kaputt\.json: \$/);
  });
});

describe('geo --keep-properties (for the catalogue’s types)', () => {
  it('copies a source attribute unchanged and refuses one the source lacks', async () => {
    const topo = readJson<{ objects: { kreise: { geometries: Array<{ properties: Record<string, string> }> } } }>(join(BASE, 'geo/kreise.topo.json'));
    assert.deepEqual(topo.objects.kreise.geometries.find((g) => g.properties.ags === '15085')!.properties, { ags: '15085', ars: '15085', name: 'Harz', type: 'Landkreis' });
    const r = await run('geo', join(root, 'data-adapters/fixtures/geo/de-kreise-2021.topo.json'), '--keep-properties', 'BEZ', '-o', join(dir, 'x.json'));
    assert.equal(r.code, 2);
    assert.match(r.err, /--keep-properties BEZ: die Quelle hat kein solches Attribut \(Attribute: ags, ars, name, type, nuts\)/);
  });
});

describe('catalogue: wrong use', () => {
  it('exits with 2 and says why', async () => {
    const bad = join(dir, 'changes.json');
    writeJson(bad, { changes: [{ key: '03152', name: 'x', successors: ['3159'], note: { de: 'x', en: 'x' }, source: 'https://example.org' }] });
    const cases: Array<[string[], RegExp]> = [
      [[join(dir, 'missing'), '-o', join(dir, 'k.json')], /kein Ordner/],
      [[BASE], /kreisdossier catalogue ORDNER -o/],
      [[BASE, '-o', join(dir, 'k.json'), '--updated', 'gestern'], /--updated gestern: erwartet wird JJJJ-MM-TT/],
      [[BASE, '-o', join(dir, 'k.json'), '--region-changes', bad], /--region-changes .*changes\.json: \$\.changes\[0\]\.successors: erwartet wird eine Liste amtlicher Schlüssel/],
      [[BASE, '-o', join(dir, 'k.json'), '--population-indicator', 'einwohner'], /--population-indicator einwohner: keine Datendatei hat diesen Indikator/],
    ];
    for (const [args, message] of cases) {
      const r = await run('catalogue', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err + r.out, message);
    }
  });

  it('speaks English with --lang en, and writes the date given with --updated (without known changes: no successors, and Eisenach, which has a boundary, not listed)', async () => {
    const f = folder('english');
    let err = '';
    const code = await main(['catalogue', f, '-o', join(f, 'katalog.json'), '--updated', '2026-03-10', '--lang', 'en'], { stdout: () => {}, stderr: (t) => (err += t) }, {});
    assert.equal(code, 0, err);
    assert.match(err, /katalog\.json: 21 files \([\d.]+ MB\): 17 data files, 1 boundary file, 1 region file, 2 dossiers/);
    assert.match(err, /Kreis keys without a current boundary \(regionChanges\): 72, with a successor 0; without a known successor \(reported, not guessed\)/);
    assert.equal(readJson<Catalogue>(join(f, 'katalog.json')).updated, '2026-03-10');
  });
});
