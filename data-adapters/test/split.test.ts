// `kreisdossier split`: every observation in exactly one part, unchanged; the rule for Deutschland, the Länder and a
// unit's own row (a Land's row in its part, in a part of its own when the Land is split further); `auto` and its limit;
// `--only-below`; and the errors.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { observationKey } from '../../src/format/observation-key.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { validateDocument } from '../../src/format/validate.js';
import { main } from '../cli.js';
import { run } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kd-split-'));
const NATIONWIDE = join(dir, 'bevoelkerung.json');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as KreisdossierDocument;
const parts = (folder: string, base: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.json'))
      .map((f) => [f.slice(base.length + 1, -'.json'.length), read(join(folder, f))]),
  );
const observationsOf = (doc: KreisdossierDocument) => doc.observations.map((o) => `${observationKey(o)} ${JSON.stringify(o)}`);

before(async () => {
  // Population by sex of every Kreis, Regierungsbezirk, Land and Deutschland, 1995–2015 (33 138 observations).
  const code = await run('import', 'genesis', join(root, 'data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4_00.csv'), '--indicator', 'bevoelkerung', '-o', NATIONWIDE);
  assert.equal(code.code, 0, code.err);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The parts hold exactly the input's observations: none lost, none twice, each unchanged. */
function assertAddsUp(input: KreisdossierDocument, split: Record<string, KreisdossierDocument>, dropped = 0) {
  const all = Object.values(split).flatMap(observationsOf);
  assert.equal(new Set(all).size, all.length, 'an observation in two parts');
  const expected = new Set(observationsOf(input));
  for (const o of all) assert.ok(expected.has(o), `not in the input (or changed): ${o}`);
  assert.equal(all.length, expected.size - dropped);
}

describe('split --by land', () => {
  const out = join(dir, 'land');
  let input: KreisdossierDocument;
  let split: Record<string, KreisdossierDocument>;
  before(async () => {
    const r = await run('split', NATIONWIDE, '--by', 'land', '-o', out);
    assert.equal(r.code, 0, r.err);
    input = read(NATIONWIDE);
    split = parts(out, 'bevoelkerung');
  });

  it('puts every observation into exactly one part, unchanged, and every part is valid', () => {
    // Hamburg and Berlin are a Land and a Kreis in one: the table has only their Land row, a part of its own.
    assert.deepEqual(Object.keys(split).sort(), ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', 'de']);
    assertAddsUp(input, split);
    for (const [name, doc] of Object.entries(split)) assert.deepEqual(validateDocument(doc).problems, [], name);
  });

  it('keeps only Deutschland in -de, a Land with everything below it in its part', () => {
    const level = new Map(input.regions.map((r) => [r.key, r.level]));
    assert.deepEqual([...new Set(split.de!.observations.map((o) => o.region))], ['DG']);
    for (const [name, doc] of Object.entries(split)) {
      if (name === 'de') continue;
      for (const o of doc.observations) {
        assert.ok(o.region.startsWith(name), `${o.region} in part ${name}`);
        assert.notEqual(level.get(o.region), 'Bund', `${o.region} in part ${name}`);
      }
      // The Land's own row, as many as Deutschland's (one per period and sex).
      assert.equal(doc.observations.filter((o) => o.region === name).length, split.de!.observations.length, name);
    }
    // Hamburg's part: the Land row only.
    assert.deepEqual([...new Set(split['02']!.observations.map((o) => o.region))], ['02']);
    // Bremen's: the Land and its two kreisfreie Städte.
    assert.deepEqual([...new Set(split['04']!.observations.map((o) => o.region))].sort(), ['04', '04011', '04012']);
  });

  it('gives each part the parent chain of its regions (names only) and the same dataset under its own id', () => {
    const st = split['15']!;
    const keys = st.regions.map((r) => r.key);
    assert.ok(keys.includes('15') && keys.includes('DG') && keys.includes('15085'));
    assert.ok(st.observations.some((o) => o.region === '15'), 'the Land’s own row');
    assert.ok(!st.observations.some((o) => o.region === 'DG'));
    assert.ok(!keys.includes('09162'), 'no region of another Land');
    assert.equal(st.dataset.id, `${input.dataset.id}-15`);
    assert.equal(split.de!.dataset.id, `${input.dataset.id}-de`);
    const { id: _a, ...same } = st.dataset;
    const { id: _b, ...original } = input.dataset;
    assert.deepEqual(same, original);
    assert.deepEqual(st.indicators, input.indicators);
    assert.deepEqual(st.dimensions, input.dimensions);
  });

  it('prints a summary: observations read and written, files, the largest', async () => {
    const r = await run('split', NATIONWIDE, '--by', 'land', '-o', join(dir, 'land2'));
    assert.match(r.err, /Beobachtungen gelesen 33138, geschrieben 33138 in 17 Dateien \(bevoelkerung-de; nach Land 16\), größte bevoelkerung-\d+\.json [\d.]+ kB gzip/);
  });
});

describe('split --by regierungsbezirk and --by kreis', () => {
  it('keeps a Regierungsbezirk’s own row with its Kreise, each Land (above its parts) in a part of its own, Deutschland in -de', async () => {
    const out = join(dir, 'rb');
    assert.equal((await run('split', NATIONWIDE, '--by', 'regierungsbezirk', '-o', out)).code, 0);
    const split = parts(out, 'bevoelkerung');
    assertAddsUp(read(NATIONWIDE), split);
    const oberbayern = split['091']!;
    assert.ok(oberbayern.observations.some((o) => o.region === '091'), 'Oberbayern’s own row');
    assert.ok(oberbayern.observations.some((o) => o.region === '09162'), 'München');
    assert.ok(!split.de!.observations.some((o) => o.region === '091'));
    assert.deepEqual([...new Set(split.de!.observations.map((o) => o.region))], ['DG']);
    // The Land's row: in a small part of its own, which a Kreis's page loads beside its own part.
    assert.deepEqual([...new Set(split['09']!.observations.map((o) => o.region))], ['09']);
    // Kreise of a Land without Regierungsbezirke go to their 3-digit prefix all the same.
    assert.ok(split['150']!.observations.some((o) => o.region === '15085'));
  });

  it('puts a Regierungsbezirk (above the Kreis) into its Land’s own part when splitting by Kreis', async () => {
    const out = join(dir, 'kreis');
    assert.equal((await run('split', NATIONWIDE, '--by', 'kreis', '-o', out)).code, 0);
    const split = parts(out, 'bevoelkerung');
    assertAddsUp(read(NATIONWIDE), split);
    assert.deepEqual([...new Set(split['09']!.observations.map((o) => o.region))].sort(), ['09', '091', '092', '093', '094', '095', '096', '097']);
    assert.deepEqual([...new Set(split.de!.observations.map((o) => o.region))], ['DG']);
    assert.deepEqual([...new Set(split['15085']!.observations.map((o) => o.region))], ['15085']);
  });

  it('keeps the indicators a computed indicator is computed from, so that each part stays valid', async () => {
    const out = join(dir, 'computed');
    const r = await run('split', join(root, 'demo/data/einkommen-kreise-2021.json'), '--by', 'kreis', '-o', out);
    assert.equal(r.code, 0, r.err);
    const part = parts(out, 'einkommen-kreise-2021')['15085']!;
    assert.deepEqual(part.indicators.map((i) => i.id).sort(), ['einkuenfte', 'einkuenfte-je-steuerpflichtigen', 'lohn-und-einkommensteuer', 'steuerpflichtige']);
    assert.equal(validateDocument(part).valid, true);
  });
});

describe('split --by auto', () => {
  it('splits a Land above the limit by Regierungsbezirk, else by Kreis, and keeps the others whole', async () => {
    const out = join(dir, 'auto');
    const limit = 12;
    const r = await run('split', NATIONWIDE, '--by', 'auto', '--max-kb', String(limit), '-o', out);
    assert.equal(r.code, 0, r.err);
    const split = parts(out, 'bevoelkerung');
    assertAddsUp(read(NATIONWIDE), split);
    const names = Object.keys(split);
    // Bayern (≈ 51 kB) by Regierungsbezirk, Thüringen (≈ 13 kB, no Regierungsbezirke) by Kreis, Bremen (≈ 2 kB) whole.
    assert.ok(names.some((n) => /^09\d$/.test(n)), 'Bayern by Regierungsbezirk');
    assert.ok(names.includes('16061') && !names.some((n) => /^16\d$/.test(n)), 'Thüringen by Kreis');
    assert.ok(names.includes('04'), 'Bremen whole');
    // The row of a Land split further goes to a part of its own (only such rows); that of a Land kept whole stays
    // with its Kreise; -de holds Deutschland only.
    assert.deepEqual([...new Set(split.de!.observations.map((o) => o.region))], ['DG']);
    // Bayern's own part: its row, and those of Regierungsbezirke split further by Kreis (which have no part).
    for (const key of new Set(split['09']!.observations.map((o) => o.region))) {
      assert.ok(key === '09' || (key.length === 3 && !names.includes(key)), `${key} in Bayern’s own part`);
    }
    assert.deepEqual([...new Set(split['16']!.observations.map((o) => o.region))], ['16'], 'Thüringen’s own part');
    assert.ok(split['04']!.observations.some((o) => o.region === '04') && split['04']!.observations.some((o) => o.region === '04011'), 'Bremen whole');
    for (const name of names.filter((n) => n !== 'de')) {
      const land = split[name]!.observations.some((o) => o.region.length === 2);
      assert.equal(land, name.length === 2, `a Land row in part ${name}`);
      if (name.length > 2) assert.ok(names.includes(name.slice(0, 2)), `${name.slice(0, 2)} (split further) has its own part`);
    }
    for (const name of names) {
      const gzip = gzipSync(readFileSync(join(out, `bevoelkerung-${name}.json`))).length;
      // A part above the limit is one that cannot be split further, and the summary says so.
      if (gzip > limit * 1000) assert.match(r.err, new RegExp(`bevoelkerung-${name}\\.json ist [\\d.]+ kB gzip, mehr als --max-kb`), name);
    }
  });

  it('reports a part that cannot be split below the limit', async () => {
    const r = await run('split', NATIONWIDE, '--by', 'auto', '--max-kb', '1', '-o', join(dir, 'tiny'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Achtung: bevoelkerung-\d{5}\.json ist [\d.]+ kB gzip, mehr als --max-kb 1\.0 kB, und lässt sich nicht weiter teilen/);
  });
});

describe('split --only-below', () => {
  it('drops the rows of the level and above, counts them by level, and keeps the parent chain', async () => {
    const input = join(root, 'demo/data/bevoelkerung-gemeinden-harz.json');
    const out = join(dir, 'only');
    const r = await run('split', input, '--by', 'kreis', '--only-below', 'kreis', '-o', out);
    assert.equal(r.code, 0, r.err);
    const doc = read(input);
    const level = new Map(doc.regions.map((x) => [x.key, x.level]));
    const count = (l: string) => doc.observations.filter((o) => level.get(o.region) === l).length;
    const dropped = count('Bund') + count('Land') + count('Kreis');
    assert.ok(dropped > 0);
    assert.ok(r.err.includes(`übersprungen ${dropped}× Beobachtungen der Ebene Kreis und darüber (--only-below): Bund ${count('Bund')}, Land ${count('Land')}, Kreis ${count('Kreis')}`), r.err);
    const split = parts(out, 'bevoelkerung-gemeinden-harz');
    assert.deepEqual(Object.keys(split), ['15085']);
    assertAddsUp(doc, split, dropped);
    assert.ok(split['15085']!.regions.some((x) => x.key === '15085' && x.level === 'Kreis'), 'the Kreis as parent, without its rows');
  });
});

describe('split: errors', () => {
  it('refuses bad options, a dossier definition, an invalid file, and writes nothing', async () => {
    const out = join(dir, 'errors');
    const cases: Array<[string[], RegExp]> = [
      [[NATIONWIDE, '-o', out], /--by: erwartet wird land, regierungsbezirk, kreis oder auto/],
      [[NATIONWIDE, '--by', 'gemeinde', '-o', out], /--by: erwartet wird/],
      [[NATIONWIDE, '--by', 'auto', '--max-kb', '0', '-o', out], /--max-kb 0: erwartet wird eine Zahl größer als 0/],
      [[NATIONWIDE, '--by', 'land', '--only-below', 'gemeinde', '-o', out], /--only-below gemeinde: erwartet wird/],
      [[join(root, 'data-adapters/dossiers/kreisdossier-harz.json'), '--by', 'land', '-o', out], /Dossier-Definition oder einen Verweis auf Grenzen/],
      [[join(root, 'data-adapters/dossiers/grenzen-kreise.json'), '--by', 'land', '-o', out], /Dossier-Definition oder einen Verweis auf Grenzen/],
    ];
    for (const [args, message] of cases) {
      const r = await run('split', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
    const bad = join(dir, 'bad.json');
    const doc = read(NATIONWIDE);
    writeFileSync(bad, JSON.stringify({ ...doc, observations: [...doc.observations, { ...doc.observations[0]!, value: 1 }] }));
    const r = await run('split', NATIONWIDE, bad, '--by', 'land', '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.json: \$\.observations\[33138\]/);
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, 'nothing written when one input is invalid');
  });

  it('warns about parts of an earlier split that this one did not write', async () => {
    const out = join(dir, 'stale');
    mkdirSync(out);
    writeFileSync(join(out, 'bevoelkerung-091.json'), '{}');
    const r = await run('split', NATIONWIDE, '--by', 'land', '-o', out);
    assert.match(r.err, /Achtung: im Ordner liegen noch Teile einer früheren Teilung, die diese nicht geschrieben hat: bevoelkerung-091\.json/);
  });

  it('speaks English with --lang en', async () => {
    let err = '';
    const code = await main(['split', NATIONWIDE, '--by', 'land', '--lang', 'en', '-o', join(dir, 'en')], { stdout: () => {}, stderr: (t) => (err += t) }, {});
    assert.equal(code, 0);
    assert.match(err, /observations read 33138, written 33138 in 17 files \(bevoelkerung-de; by Land 16\), largest/);
  });
});
