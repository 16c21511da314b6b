import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import mapshaper from 'mapshaper';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { AdapterError } from '../adapter-error.js';
import { convertGeometry, dhdnWithoutShift, simplifyArgs, type GeoResult } from '../geo/geo-convert.js';
import { keyReader } from '../geo/geo-keys.js';

// Compiled to build/node/data-adapters/test/; fixtures stay in the source tree.
const fixture = (name: string) => readFileSync(new URL(`../../../../data-adapters/fixtures/geo/${name}`, import.meta.url));
const fixtureText = (name: string) => fixture(name).toString('utf8');

type Props = { ags: string; ars?: string; name?: string };
type Area = Feature<Polygon | MultiPolygon, Props>;
type Collection = FeatureCollection<Polygon | MultiPolygon, Props>;

const geojsonOf = (r: GeoResult) => JSON.parse(r.data) as Collection;
const keysOf = (c: Collection) => c.features.map((f) => f.properties.ags).sort();
const positions = (f: Area): Position[] =>
  f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);

/** Outer rings: counter-clockwise in GeoJSON (RFC 7946), clockwise from topojson-client (what d3-geo expects). */
function outerRingsClockwise(c: Collection): boolean[] {
  return c.features.map((f) => {
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!;
    let sum = 0;
    for (let i = 0; i + 1 < ring.length; i++) sum += (ring[i + 1]![0]! - ring[i]![0]!) * (ring[i + 1]![1]! + ring[i]![1]!);
    return sum > 0;
  });
}

function bboxOf(c: Collection): [number, number, number, number] {
  const all = c.features.flatMap(positions);
  const xs = all.map((p) => p[0]!);
  const ys = all.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Germany (VG5000: lon 5.878–15.042, lat 47.270–55.051). */
function assertInGermany(bbox: readonly number[]) {
  const [w, s, e, n] = bbox as [number, number, number, number];
  assert.ok(w >= 5.87 && e <= 15.05 && s >= 47.26 && n <= 55.06, `bbox ${bbox.join(', ')} outside Germany`);
}

/** Largest distance (degrees) from every 5th source vertex to the nearest vertex of the same region in the result. */
function maxDeviation(source: Collection, result: Collection): number {
  const byKey = new Map(result.features.map((f) => [f.properties.ags, positions(f)]));
  let max = 0;
  for (const f of source.features) {
    const target = byKey.get(f.properties.ags);
    assert.ok(target, `region ${f.properties.ags} missing`);
    positions(f).forEach((p, i) => {
      if (i % 5) return;
      const d = Math.min(...target.map((q) => Math.hypot(q[0]! - p[0]!, q[1]! - p[1]!)));
      max = Math.max(max, d);
    });
  }
  return max;
}

async function rejects(promise: Promise<unknown>, pattern: RegExp): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AdapterError, `expected AdapterError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected an AdapterError matching ${pattern}`);
}

const harzSource = JSON.parse(fixtureText('harz-gemeinden-2021.geojson')) as Collection;
const stKreiseSource = JSON.parse(fixtureText('st-kreise-2021.geojson')) as Collection;
const harzKeys = keysOf(harzSource);

describe('geometry adapter: GeoJSON and TopoJSON', () => {
  it('converts the 20 Gemeinden of Landkreis Harz (GeoJSON → GeoJSON)', async () => {
    const r = await convertGeometry({ files: { 'harz-gemeinden-2021.geojson': fixture('harz-gemeinden-2021.geojson') } }, {});
    const out = geojsonOf(r);
    assert.equal(r.format, 'geojson');
    assert.equal(r.featureCount, 20);
    assert.equal(out.features.length, 20);
    assert.equal(r.keyProperty, 'ags');
    assert.equal(r.sourceKeyProperty, 'ags');
    assert.equal(r.level, 'Gemeinde');
    assert.deepEqual(r.warnings, []);
    assert.equal(harzKeys.length, 20);
    assert.deepEqual(keysOf(out), harzKeys);
    for (const f of out.features) {
      assert.match(f.properties.ags, /^15085\d{3}$/);
      assert.match(f.properties.ars!, /^15085\d{7}$/);
      assert.deepEqual(Object.keys(f.properties).sort(), ['ags', 'ars', 'name']);
      assert.equal(f.id, f.properties.ags);
    }
    const names = out.features.map((f) => f.properties.name);
    for (const n of ['Ballenstedt', 'Halberstadt', 'Quedlinburg', 'Wernigerode', 'Oberharz am Brocken']) assert.ok(names.includes(n), n);
    // bbox: lon 10.56148–11.40846, lat 51.56601–52.05865
    const [w, s, e, n] = r.bbox;
    assert.ok(w > 10.5 && e < 11.7 && s > 51.5 && n < 52.1, r.bbox.join(', '));
    const expected = [10.56148, 51.56601, 11.40846, 52.05865];
    r.bbox.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) < 1e-4, `bbox[${i}] = ${v}`));
    assert.ok(maxDeviation(harzSource, out) < 1e-5);
    assert.ok(outerRingsClockwise(out).every((cw) => !cw), 'RFC 7946 winding');
  });

  it('writes TopoJSON that topojson-client reads back to the same 20 features', async () => {
    const r = await convertGeometry(
      { files: { 'harz-gemeinden-2021.geojson': fixture('harz-gemeinden-2021.geojson') } },
      { format: 'topojson' },
    );
    assert.equal(r.format, 'topojson');
    assert.equal(r.object, 'gemeinden');
    const topology = JSON.parse(r.data) as Topology<{ gemeinden: GeometryCollection<Props> }>;
    assert.equal(topology.type, 'Topology');
    assert.deepEqual(Object.keys(topology.objects), ['gemeinden']);
    const back = feature(topology, topology.objects.gemeinden) as unknown as Collection;
    assert.equal(back.features.length, 20);
    assert.deepEqual(keysOf(back), harzKeys);
    for (const f of back.features) assert.equal(f.id, f.properties.ags);
    assertInGermany(bboxOf(back));
    assert.ok(maxDeviation(harzSource, back) < 1e-4, 'quantization 1e5 keeps ≈1 m');
    assert.ok(outerRingsClockwise(back).every((cw) => cw), 'd3 winding');
  });

  it('cuts the Harz Gemeinden out of all 218 Gemeinden of Sachsen-Anhalt (TopoJSON, --within 15085)', async () => {
    const all = await convertGeometry({ files: { 'st-gemeinden-2021.topo.json': fixture('st-gemeinden-2021.topo.json') } }, {});
    assert.equal(all.featureCount, 218);
    const r = await convertGeometry(
      { files: { 'st-gemeinden-2021.topo.json': fixture('st-gemeinden-2021.topo.json') } },
      { within: '15085' },
    );
    assert.equal(r.featureCount, 20);
    const out = geojsonOf(r);
    assert.deepEqual(keysOf(out), harzKeys);
    assert.deepEqual(r.warnings, []);
    assertInGermany(r.bbox);
    assert.ok(maxDeviation(harzSource, out) < 1e-4);
  });

  it('converts all 401 Kreise; --simplify 10% makes the file smaller with all 401 kept', async () => {
    const files = { 'de-kreise-2021.topo.json': fixture('de-kreise-2021.topo.json') };
    const full = await convertGeometry({ files }, { format: 'topojson' });
    const simple = await convertGeometry({ files }, { format: 'topojson', simplify: '10%' });
    assert.equal(full.featureCount, 401);
    assert.equal(simple.featureCount, 401);
    assert.equal(full.object, 'kreise');
    assert.equal(full.level, 'Kreis');
    // measured: 194 172 → 99 712 characters
    assert.ok(simple.data.length < full.data.length * 0.6, `${full.data.length} → ${simple.data.length}`);
    for (const r of [full, simple]) {
      const t = JSON.parse(r.data) as Topology<{ kreise: GeometryCollection<Props> }>;
      const back = feature(t, t.objects.kreise) as unknown as Collection;
      assert.equal(back.features.length, 401);
      const keys = keysOf(back);
      assert.equal(new Set(keys).size, 401);
      assert.ok(keys.every((k) => /^\d{5}$/.test(k)));
      assert.ok(keys.includes('01001') && keys.includes('15085') && keys.includes('16056'));
      assert.ok(back.features.every((f) => f.geometry && positions(f).length >= 4), 'keep-shapes keeps every Kreis');
      assertInGermany(r.bbox);
    }
    const geojson = await convertGeometry({ files }, { simplify: '10%' });
    assert.equal(geojson.featureCount, 401);
  });

  it('reads the key from numbers only when the length tells the level', async () => {
    // Schleswig-Holstein (01…) with a numeric AGS: 1001 → "01001"
    const out = await mapshaper.applyCommands(
      ['-i', 'in.json', '-filter', 'ags.indexOf("01") === 0', '-each', 'AGS = Number(ags); GEN = name', '-filter-fields', 'AGS,GEN', '-o', 'sh.json', 'format=geojson'],
      { 'in.json': fixtureText('de-kreise-2021.topo.json') },
    );
    const sh = String(out['sh.json']);
    assert.match(sh, /"AGS":1001\b/);
    const r = await convertGeometry({ files: { 'sh.json': sh } }, {});
    assert.equal(r.sourceKeyProperty, 'AGS');
    assert.equal(r.featureCount, 15);
    const o = geojsonOf(r);
    assert.ok(keysOf(o).every((k) => /^010\d{2}$/.test(k)));
    assert.equal(o.features.find((f) => f.properties.ags === '01001')?.properties.name, 'Flensburg');

    // 8 digits under a neutral name: Gemeinde, or a Gemeindeverband that lost its zero? Refused.
    const numeric = structuredClone(harzSource) as unknown as FeatureCollection<Polygon, Record<string, unknown>>;
    for (const f of numeric.features) f.properties = { schluessel: Number(f.properties.ags) };
    await rejects(convertGeometry({ files: { 'n.json': JSON.stringify(numeric) } }, { keyProperty: 'schluessel' }), /ambiguous/);
    // … but in an AGS column 8 digits are a Gemeinde
    for (const f of numeric.features) f.properties = { AGS: f.properties.schluessel };
    assert.deepEqual(keysOf(geojsonOf(await convertGeometry({ files: { 'n.json': JSON.stringify(numeric) } }, {}))), harzKeys);

    const read = keyReader([1, 9, 12, 16], 'LAND');
    assert.deepEqual(read(1), { key: '01' });
    assert.deepEqual(read(16), { key: '16' });
    assert.deepEqual(read('15085'), { key: '15085' });
    assert.ok('invalid' in read('1001'));
    assert.ok('invalid' in read(12.5));
    assert.throws(() => keyReader([12, 16], 'x'), AdapterError);
  });

  it('takes the key from the ARS or the feature id when there is no ags', async () => {
    const fromArs = structuredClone(harzSource);
    for (const f of fromArs.features) f.properties = { ARS: f.properties.ars!, GEN: f.properties.name! } as unknown as Props;
    const r = await convertGeometry({ files: { 'a.json': JSON.stringify(fromArs) } }, {});
    assert.equal(r.sourceKeyProperty, 'ARS');
    const out = geojsonOf(r);
    assert.deepEqual(keysOf(out), harzKeys);
    assert.ok(out.features.every((f) => f.properties.ars!.length === 12 && f.properties.name));

    const fromId = structuredClone(harzSource) as unknown as FeatureCollection<Polygon, Record<string, unknown>>;
    for (const f of fromId.features) {
      f.id = f.properties.ags as string;
      f.properties = { GEN: f.properties.name };
    }
    const s = await convertGeometry({ files: { 'i.json': JSON.stringify(fromId) } }, {});
    assert.equal(s.sourceKeyProperty, 'id');
    assert.deepEqual(keysOf(geojsonOf(s)), harzKeys);
  });

  it('lists features without a valid key and leaves them out with a count', async () => {
    const broken = structuredClone(harzSource);
    broken.features[0]!.properties.ags = '';
    broken.features[1]!.properties.ags = '1508';
    const r = await convertGeometry({ files: { 'b.json': JSON.stringify(broken) } }, {});
    assert.equal(r.featureCount, 18);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!.en, /^2 features without a valid key in "ags" left out: #1 Ballenstedt \(empty key\), #2 .*leading zero missing/);
  });

  it('selects one object of a TopoJSON with several, by name', async () => {
    const t = JSON.parse(fixtureText('st-gemeinden-2021.topo.json')) as Topology;
    t.objects['kopie'] = t.objects['gemeinden']!;
    await rejects(convertGeometry({ files: { 't.json': JSON.stringify(t) } }, {}), /several objects \(gemeinden, kopie\)/);
    const r = await convertGeometry({ files: { 't.json': JSON.stringify(t) } }, { objectName: 'kopie', within: '15085', format: 'topojson' });
    assert.equal(r.featureCount, 20);
    assert.deepEqual(Object.keys((JSON.parse(r.data) as Topology).objects), ['kopie']);
  });
});

describe('geometry adapter: Shapefiles', () => {
  // The 14 Kreise of Sachsen-Anhalt written by mapshaper as a Shapefile in a projected CRS.
  async function shapefile(crs: string): Promise<Record<string, Uint8Array | string>> {
    const out = await mapshaper.applyCommands(['-i', 'in.json', '-proj', 'init=wgs84', crs, '-o', 'st-kreise.shp'], {
      'in.json': fixtureText('st-kreise-2021.geojson'),
    });
    assert.deepEqual(Object.keys(out).sort(), ['st-kreise.cpg', 'st-kreise.dbf', 'st-kreise.prj', 'st-kreise.shp', 'st-kreise.shx']);
    return out;
  }
  // BKG ships VG250/VG5000 "gk3" with the Esri .prj of EPSG:31467: DHDN without TOWGS84.
  const ESRI_GK3_PRJ =
    'PROJCS["DHDN_3_degree_Gauss_Kruger_zone_3",GEOGCS["GCS_DHDN",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],' +
    'PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
    'PARAMETER["central_meridian",9],PARAMETER["scale_factor",1],PARAMETER["false_easting",3500000],PARAMETER["false_northing",0],UNIT["Meter",1]]';

  function assertRoundTrip(r: GeoResult) {
    assert.equal(r.featureCount, 14);
    const out = geojsonOf(r);
    assert.deepEqual(keysOf(out), keysOf(stKreiseSource));
    assert.ok(out.features.every((f) => /^15\d{3}$/.test(f.properties.ags) && f.properties.name));
    assert.equal(out.features.find((f) => f.properties.ags === '15085')!.properties.name, 'Harz');
    const deviation = maxDeviation(stKreiseSource, out);
    assert.ok(deviation < 1e-4, `vertices moved by ${deviation}°`);
    const expected = bboxOf(stKreiseSource); // 10.56148, 50.93416, 13.18656, 53.04175
    r.bbox.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) < 1e-4, `bbox[${i}] ${v} vs ${expected[i]}`));
    assertInGermany(r.bbox);
    return deviation;
  }

  it('reads a Gauss-Krüger zone 3 Shapefile (EPSG:31467, .prj with datum shift) back to WGS84', async () => {
    const r = await convertGeometry({ files: await shapefile('EPSG:31467') }, {});
    assert.deepEqual(r.warnings, []);
    assertRoundTrip(r);
  });

  it('reads a UTM 32N Shapefile (EPSG:25832) back to WGS84', async () => {
    const r = await convertGeometry({ files: await shapefile('EPSG:25832') }, {});
    assert.deepEqual(r.warnings, []);
    assertRoundTrip(r);
  });

  it('applies the DHDN datum shift that a BKG-style .prj lacks (≈150 m otherwise)', async () => {
    const files = { ...(await shapefile('EPSG:31467')), 'st-kreise.prj': ESRI_GK3_PRJ };
    // mapshaper with the .prj alone: every point off by more than 0.001°
    const naive = await mapshaper.applyCommands(['-i', 'st-kreise.shp', '-proj', 'wgs84', '-o', 'naive.json', 'format=geojson'], files);
    assert.ok(maxDeviation(stKreiseSource, JSON.parse(String(naive['naive.json'])) as Collection) > 1e-3);

    const r = await convertGeometry({ files }, {});
    assertRoundTrip(r);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!.en, /DHDN without a datum shift; read as EPSG:31467/);
    assert.equal(dhdnWithoutShift(ESRI_GK3_PRJ), 31467);
    assert.equal(dhdnWithoutShift(String(files['st-kreise.prj']).replace('zone_3', 'zone_4').replace('",9]', '",12]').replace('3500000', '4500000')), 31468);

    // --source-crs EPSG:31467 does the same, silently
    const s = await convertGeometry({ files }, { sourceCrs: 'EPSG:31467' });
    assertRoundTrip(s);
    assert.deepEqual(s.warnings, []);
  });

  it('needs --source-crs for a Shapefile without .prj', async () => {
    const { 'st-kreise.prj': _prj, ...files } = await shapefile('EPSG:25832');
    assert.ok(_prj);
    await rejects(convertGeometry({ files }, {}), /--source-crs/);
    assertRoundTrip(await convertGeometry({ files }, { sourceCrs: 'EPSG:25832' }));
    await rejects(convertGeometry({ files }, { sourceCrs: 'EPSG:99999' }), /EPSG:99999/);
  });

  it('keeps one Kreis with --within and a TopoJSON output', async () => {
    const r = await convertGeometry({ files: await shapefile('EPSG:25832') }, { within: '15085', format: 'topojson', objectName: 'harz' });
    assert.equal(r.featureCount, 1);
    const t = JSON.parse(r.data) as Topology<{ harz: GeometryCollection<Props> }>;
    const back = feature(t, t.objects.harz) as unknown as Collection;
    assert.equal(back.features[0]!.properties.ags, '15085');
    assert.equal(back.features[0]!.properties.name, 'Harz');
  });
});

describe('geometry adapter: errors', () => {
  it('refuses a truncated GeoJSON with the line', async () => {
    const text = fixtureText('harz-gemeinden-2021.geojson');
    const error = await rejects(convertGeometry({ files: { 'cut.geojson': text.slice(0, 5000) } }, {}), /not valid JSON/);
    assert.ok(error.line !== undefined && error.line > 1);
    await rejects(convertGeometry({ files: { 'cut.geojson': fixture('harz-gemeinden-2021.geojson').subarray(0, 20) } }, {}), /not valid JSON/);
  });

  it('refuses --within a key without features', async () => {
    await rejects(
      convertGeometry({ files: { 'h.geojson': fixture('harz-gemeinden-2021.geojson') } }, { within: '99' }),
      /no features within 99/,
    );
    await rejects(convertGeometry({ files: { 'h.geojson': fixture('harz-gemeinden-2021.geojson') } }, { within: 'Harz' }), /--within/);
  });

  it('asks for --key-property when the features have no key', async () => {
    const noKey = structuredClone(harzSource) as unknown as FeatureCollection<Polygon, Record<string, unknown>>;
    for (const f of noKey.features) {
      f.properties = { GEN: f.properties.name, BEZ: f.properties.type };
      delete f.id; // the fixture's feature ids are the AGS
    }
    await rejects(convertGeometry({ files: { 'k.json': JSON.stringify(noKey) } }, {}), /no key property.*--key-property \(attributes: GEN, BEZ\)/);
    await rejects(convertGeometry({ files: { 'k.json': JSON.stringify(noKey) } }, { keyProperty: 'AGS' }), /"AGS" \(--key-property\) not found/);
    await rejects(convertGeometry({ files: { 'k.json': JSON.stringify(noKey) } }, { keyProperty: 'GEN' }), /no feature has a valid official key in "GEN"/);
  });

  it('refuses projected GeoJSON without --source-crs, and bad options', async () => {
    const out = await mapshaper.applyCommands(['-i', 'in.json', '-proj', 'EPSG:25832', '-o', 'utm.json', 'format=geojson'], {
      'in.json': fixtureText('st-kreise-2021.geojson'),
    });
    const utm = String(out['utm.json']);
    await rejects(convertGeometry({ files: { 'utm.json': utm } }, {}), /not longitude\/latitude.*--source-crs/);
    assertRoundTrip14(await convertGeometry({ files: { 'utm.json': utm } }, { sourceCrs: 'EPSG:25832' }));

    const files = { 'h.geojson': fixture('harz-gemeinden-2021.geojson') };
    await rejects(convertGeometry({ files }, { simplify: 'viel' }), /--simplify/);
    await rejects(convertGeometry({ files }, { precision: 100000 }), /decimal places/);
    await rejects(convertGeometry({ files: { 'a.json': '{"type":"Feature"}', 'b.json': '{}' } }, {}), /one GeoJSON or TopoJSON/);
    await rejects(convertGeometry({ files: { 'x.csv': 'ags;name\n15085;Harz\n' } }, {}), /not valid JSON/);
    await rejects(convertGeometry({ files: { 'x.shp': new Uint8Array(100) } }, {}), /needs its \.dbf/);
    assert.deepEqual(simplifyArgs('10%'), ['percentage=10%']);
    assert.deepEqual(simplifyArgs('0.05'), ['percentage=0.05']);
    assert.deepEqual(simplifyArgs('2km'), ['interval=2000']);
    assert.deepEqual(simplifyArgs('interval=500'), ['interval=500']);
  });
});

function assertRoundTrip14(r: GeoResult) {
  assert.equal(r.featureCount, 14);
  assert.ok(maxDeviation(stKreiseSource, geojsonOf(r)) < 1e-4);
}
