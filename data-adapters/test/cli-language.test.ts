// The CLI speaks one language at a time: German output carries no English text of the report lines the
// adapters produce (skipped rows, merge conflicts, geometry warnings, argument errors), English output no
// German. The texts compared against are the catalogue's own (data-adapters/messages.ts), not copies.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { main } from '../cli.js';
import { mergeDocuments } from '../merge.js';
import { MESSAGES, type Message, type MessageId } from '../messages.js';

type Lang = 'de' | 'en';
const LANGS: Lang[] = ['de', 'en'];
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const path = (p: string) => join(root, p);
const ENV: Record<Lang, NodeJS.ProcessEnv> = { de: { LANG: 'de_DE.UTF-8' }, en: { LANG: 'en_US.UTF-8' } };

async function run(lang: Lang, argv: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await main(argv, { stdout: (t) => (text += t), stderr: (t) => (text += t) }, ENV[lang]);
  return { code, text };
}

// ---------------------------------------------------------------- the catalogue's texts

const MARK = '\u0001';
/** Stands for any argument: a text, a number (plural forms) or a { de, en } pair. */
const ANY = { de: MARK, en: MARK, toString: () => MARK };
const IDS = Object.keys(MESSAGES) as MessageId[];
const render = (id: MessageId): Message => (MESSAGES[id] as unknown as (...args: unknown[]) => Message)(...Array(MESSAGES[id].length).fill(ANY));
const whole = (lang: Lang) => IDS.map((id) => render(id)[lang]).join('\n');
const other = (lang: Lang): Lang => (lang === 'de' ? 'en' : 'de');

/**
 * The fixed words of a message in one language (its text between the placeholders), leaving out short
 * pieces and pieces that the other language's catalogue also has (option names, "JSON-stat", …).
 */
function fragments(id: MessageId, lang: Lang): string[] {
  const theirs = whole(other(lang));
  return render(id)
    [lang].split(MARK)
    .map((f) => f.replace(/^[\s,:;()…„“"]+|[\s,:;()…„“"]+$/g, ''))
    .filter((f) => f.length >= 4 && /\p{L}{3}/u.test(f) && !theirs.includes(f));
}

/** Whether `text` has `words` as words (not inside a longer word: "hier" is not in "hierarchy.json"). */
const has = (text: string, words: string) => {
  const edge = (c: string) => /[\p{L}\p{N}]/u.test(c);
  const body = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${edge(words[0]!) ? '(?<![\\p{L}\\p{N}])' : ''}${body}${edge(words.at(-1)!) ? '(?![\\p{L}\\p{N}])' : ''}`, 'u').test(text);
};

// ---------------------------------------------------------------- inputs

const dir = mkdtempSync(join(tmpdir(), 'kd-lang-'));
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const feature = (ags: unknown, geometry: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { ags, name: `F ${ags}`, ...extra }, geometry });
const square = (x: number, y: number, d = 0.1) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

// Every reachable message, with the command that prints it.
interface Scenario {
  name: string;
  argv: () => string[];
  expect: MessageId[];
  code: number;
}
const scenarios: Scenario[] = [];
const GENESIS = path('data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4.csv');

before(async () => {
  // GENESIS: --within, a Gemeindeverband member's key (7 digits) and a table with measures no mapping takes.
  const genesis = readFileSync(GENESIS, 'latin1').replace(/^(01002;.*)$/m, '$1\n1508540;      Verbandsgemeinde (Mitglied);9910;4918;4992');
  const genesisFile = file('genesis.csv', Buffer.from(genesis, 'latin1'));
  scenarios.push(
    { name: 'import genesis --within', argv: () => ['import', 'genesis', genesisFile, '--indicator', 'b', '--topic', 'Bevölkerung', '--within', '15085', '-o', join(dir, 'g.json')], expect: ['cli.skip.outside-within', 'cli.skip.genesis-no-ags'], code: 0 },
    {
      name: 'import genesis --mapping',
      argv: () => ['import', 'genesis', path('data-adapters/fixtures/datenguide-genesapi-data/13211-02-05-4_00.csv'), '--mapping', path('data-adapters/mappings/13211-02-05-4.json'), '--within', '15085', '-o', join(dir, 'm.json')],
      expect: ['cli.skip.genesis-unmapped-cells'],
      code: 0,
    },
  );

  // ffcsv: an empty line, a total without an official key, a footer.
  const head = 'statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n';
  const row = (key: string, value: string) => `12411;Bevölkerung;JAHR;Jahr;2024;KREISE;Kreise;${key};Kreis ${key};${value};Anzahl;BEVSTD;Bevölkerungsstand\n`;
  const ffcsv = file('flat.csv', `${head}${row('15085', '205484')}\n${row('INSGESAMT', '1000')}${row('15086', '1234')}__________\n© Statistische Ämter des Bundes und der Länder, Deutschland, 2026.\nStand: 31.03.2025\n`);
  scenarios.push({ name: 'import ffcsv', argv: () => ['import', 'ffcsv', ffcsv, '--topic', 'Bevölkerung', '--attribution', 'Test', '--reference-date', '2025-03-31', '-o', join(dir, 'f.json')], expect: ['cli.skip.empty-line', 'cli.skip.no-official-key', 'cli.skip.footer'], code: 0 });

  // csv: a foreign code not mapped, a column no role takes.
  const csv = file('codes.csv', 'code,year,value,remark\nDEU,2020,83,a\nFRA,2020,67,b\nAUT,2020,9,c\n');
  const csvMapping = file('codes.mapping.json', JSON.stringify({ region: 'code', period: 'year', value: 'value', indicator: { fixed: 'pop' }, regionKeys: { DEU: 'DG' }, dataset: { sources: [{ publisher: 'Test' }] } }));
  const META = ['--title', 'Test', '--attribution', 'Test', '--license', 'CC-BY-4.0', '--reference-date', '2021-01-01', '--topic', 'Bevölkerung', '--unit', 'Personen'];
  scenarios.push({ name: 'import csv', argv: () => ['import', 'csv', csv, '--mapping', csvMapping, ...META, '-o', join(dir, 'c.json')], expect: ['cli.skip.region-not-mapped', 'cli.skip.column-not-imported'], code: 0 });

  // JSON-stat: countries that are no German keys; a sparse value object.
  const jsonstatMeta = ['--attribution', 'JSON-stat sample datasets', '--license', 'CC-BY-4.0', '--topic', 'Bevölkerung'];
  const oecdMapping = file('oecd.mapping.json', JSON.stringify({ regionKeys: { AT: '01', DE: '02' }, regionLevel: 'Land' }));
  const hierarchyMapping = file('hierarchy.mapping.json', JSON.stringify({ region: { key: '15085', name: 'Harz' }, period: '2011', indicator: { topic: 'Soziale Lage', unit: 'Index' } }));
  scenarios.push(
    { name: 'import jsonstat (regionKeys)', argv: () => ['import', 'jsonstat', path('data-adapters/fixtures/formats/jsonstat/oecd.json'), '--mapping', oecdMapping, ...jsonstatMeta, '-o', join(dir, 'j1.json')], expect: ['cli.skip.jsonstat-geo-not-key'], code: 0 },
    { name: 'import jsonstat (sparse)', argv: () => ['import', 'jsonstat', path('data-adapters/fixtures/formats/jsonstat/hierarchy.json'), '--mapping', hierarchyMapping, ...jsonstatMeta, '-o', join(dir, 'j2.json')], expect: ['cli.skip.jsonstat-sparse'], code: 0 },
  );

  // merge: another value, unit, status symbol declaration, level/parent; another licence.
  const base = JSON.parse(readFileSync(path('examples/bevoelkerung-harz.json'), 'utf8')) as KreisdossierDocument;
  const symbol = (de: string) => ({ x: { label: { de, en: de }, replacesValue: false } });
  const a = file('a.json', JSON.stringify({ ...base, statusSymbols: symbol('eins') }));
  const changed = structuredClone(base) as KreisdossierDocument;
  changed.observations[70]!.value = 1;
  changed.observations[71]!.value = 2;
  changed.indicators[0]!.unit = 'Tausend';
  changed.statusSymbols = symbol('zwei');
  const b = file('b.json', JSON.stringify(changed));
  const c = file('c.json', JSON.stringify({ ...base, dataset: { ...base.dataset, license: { id: 'CC-BY-4.0' } } }));
  scenarios.push({ name: 'merge', argv: () => ['merge', a, b, c, '-o', join(dir, 'merged.json')], expect: ['cli.merge.observation', 'cli.merge.indicator', 'cli.merge.status-symbol', 'cli.merge.licence'], code: 1 });

  // geo (GeoJSON): 11 features without a valid key, 2 without geometry, 2 points, 2 keys twice, 2 ARS that
  // contradict their AGS, and a box reaching beyond Germany.
  const features = [
    feature('15085', square(11, 51.7), { ars: '150850000000' }),
    feature('15086', square(11.2, 51.7), { ars: '150870000000' }),
    feature('15087', square(11.4, 51.7), { ars: '150880000000' }),
    feature('15088', square(11.6, 51.7)),
    feature('15088', square(11.8, 51.7)),
    feature('15089', square(12, 51.7)),
    feature('15089', square(16.5, 51.7)),
    feature('15090', null),
    feature('15091', null),
    feature('15092', { type: 'Point', coordinates: [11, 52] }),
    feature('15093', { type: 'Point', coordinates: [11.1, 52] }),
    ...Array.from({ length: 11 }, (_, i) => feature(`x${i}`, square(10 + i * 0.1, 52.2))),
  ];
  const geojson = file('gebiete.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
  scenarios.push({
    name: 'geo (GeoJSON)',
    argv: () => ['geo', geojson, '-o', join(dir, 'geo.json')],
    expect: ['cli.geo.invalid-keys', 'cli.geo.more', 'cli.geo.no-geometry', 'cli.geo.not-polygons', 'cli.geo.duplicate-keys', 'cli.geo.ars-mismatch', 'cli.geo.outside-germany'],
    code: 0,
  });

  // geo (Shapefile): a BKG-style .prj without datum shift, and a file that is not part of it.
  const shp = await mapshaper.applyCommands(['-i', 'in.json', '-proj', 'init=wgs84', 'EPSG:31467', '-o', 'st-kreise.shp'], {
    'in.json': readFileSync(path('data-adapters/fixtures/geo/st-kreise-2021.geojson'), 'utf8'),
  });
  const GK3_PRJ =
    'PROJCS["DHDN_3_degree_Gauss_Kruger_zone_3",GEOGCS["GCS_DHDN",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],' +
    'PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
    'PARAMETER["central_meridian",9],PARAMETER["scale_factor",1],PARAMETER["false_easting",3500000],PARAMETER["false_northing",0],UNIT["Meter",1]]';
  const shapefile = Object.entries({ ...shp, 'st-kreise.prj': GK3_PRJ, 'liesmich.txt': 'Gebiete' }).map(([name, content]) => file(name, content as string | Uint8Array));
  scenarios.push({ name: 'geo (Shapefile)', argv: () => ['geo', ...shapefile, '-o', join(dir, 'shp.json')], expect: ['cli.geo.dhdn-shifted', 'cli.geo.ignored-files'], code: 0 });

  // Command-line errors (before --lang is parsed, it is read).
  scenarios.push(
    { name: 'unknown option', argv: () => ['import', 'genesis', GENESIS, '--colour'], expect: ['cli.args.unknown-option'], code: 2 },
    { name: 'option without value', argv: () => ['import', 'genesis', GENESIS, '--within'], expect: ['cli.args.missing-value'], code: 2 },
    { name: 'option followed by another option', argv: () => ['import', 'genesis', GENESIS, '--within', '--indicator', 'x'], expect: ['cli.args.ambiguous-value'], code: 2 },
    { name: 'value for a switch', argv: () => ['--help=yes'], expect: ['cli.args.takes-no-value'], code: 2 },
  );
});

/** Messages no CLI run in these tests can print: each is checked where it is made. */
const NOT_FROM_THE_CLI: Partial<Record<MessageId, string>> = {
  'cli.merge.no-files': 'merge refuses fewer than two files before merging',
  'cli.merge.region': 'two valid files cannot disagree on a key’s level or parent (the key implies both)',
  'cli.geo.feature-count': 'a check of mapshaper’s output',
  'cli.geo.mapshaper-note': 'mapshaper’s own words',
  'cli.geo.ars-not-copied': 'an "ars" attribute that cannot be read as keys at all',
  'cli.geo.dhdn-unknown': 'a DHDN .prj of no known zone',
  'cli.skip.empty-row': 'the CSV reader drops blank lines before the importer sees them',
  'cli.skip.jsonstat-duplicate': 'a JSON-stat collection repeating an observation',
  'cli.skip.jsonstat-empty-cell': 'a kreisdossier JSON-stat export with an empty cell',
};

/** The German words of `id` in `text` (all of them), and none of its English ones; or the other way round. */
function assertSpeaks(text: string, lang: Lang, ids: MessageId[], label: string): void {
  for (const id of ids) {
    const own = fragments(id, lang);
    assert.ok(own.length > 0, `${id} has no ${lang} words to look for`);
    for (const f of own) assert.ok(has(text, f), `${label} (${lang}): ${id} missing “${f}”\n${text}`);
  }
  for (const id of IDS) {
    for (const f of fragments(id, other(lang))) assert.ok(!has(text, f), `${label} (${lang}): ${other(lang)} text of ${id} “${f}”\n${text}`);
  }
}

describe('CLI messages in one language', () => {
  it('every catalogue message has German and English text that differ, and a stable id', () => {
    for (const id of IDS) {
      const m = render(id);
      assert.equal(m.id, id);
      assert.notEqual(m.de, m.en, id);
      assert.ok(fragments(id, 'de').length > 0 && fragments(id, 'en').length > 0, `${id}: no words of its own`);
    }
  });

  it('prints every reachable message in German with --lang de / LANG=de and in English with LANG=en', async () => {
    const seen = new Set<MessageId>();
    for (const s of scenarios) {
      for (const lang of LANGS) {
        const r = await run(lang, s.argv());
        assert.equal(r.code, s.code, `${s.name} (${lang}) exit code\n${r.text}`);
        assertSpeaks(r.text, lang, s.expect, s.name);
      }
      // --lang wins over LANG, and is read before the arguments are parsed.
      const forced = await run('de', ['--lang', 'en', ...s.argv()]);
      assertSpeaks(forced.text, 'en', s.expect, `${s.name} --lang en`);
      s.expect.forEach((id) => seen.add(id));
    }
    const missing = IDS.filter((id) => !seen.has(id) && !NOT_FROM_THE_CLI[id]);
    assert.deepEqual(missing, [], 'messages neither printed by a scenario nor listed as unreachable');
  });

  it('words merge conflicts the CLI cannot reach (no files, another level) in both languages', () => {
    const doc = JSON.parse(readFileSync(path('examples/bevoelkerung-harz.json'), 'utf8')) as KreisdossierDocument;
    const other = structuredClone(doc);
    other.regions[1]!.level = 'Gemeinde';
    const conflicts = mergeDocuments([{ file: 'a', document: doc }, { file: 'b', document: other }]).conflicts;
    assert.deepEqual(conflicts.map((c) => c.reason), [MESSAGES['cli.merge.region']('15085', 'Gemeinde/15', 'Kreis/15')]);
    assert.equal(conflicts[0]!.reason.de, 'Region 15085 hat hier Ebene/übergeordnete Region Gemeinde/15, vorher Kreis/15');
    assert.deepEqual(mergeDocuments([]).conflicts.map((c) => c.reason), [MESSAGES['cli.merge.no-files']()]);
  });
});
