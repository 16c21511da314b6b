import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const path = (p: string) => join(root, p);
const GENESIS = path('data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4.csv');

const tmp = () => mkdtempSync(join(tmpdir(), 'kd-cli-'));

describe('kreisdossier CLI', () => {
  it('imports a GENESIS table with exact official values and prints a summary', async () => {
    const out = join(tmp(), 'bevoelkerung.json');
    const r = await run('import', 'genesis', GENESIS, '--indicator', 'bevoelkerung', '--topic', 'Bevölkerung', '-o', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Zeilen gelesen 526, Beobachtungen geschrieben 1578, fehlende Werte nach Zeichen: "-" 231/);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const value = (region: string, sex: string) =>
      doc.observations.find((o: any) => o.region === region && o.breakdown.geschlecht === sex && o.period === '2015-12-31').value;
    assert.equal(value('15085', 'insgesamt'), 221366);
    assert.equal(value('15', 'insgesamt'), 2245470);
    assert.equal(value('15085', 'weiblich'), 112340);
    assert.equal(doc.dataset.attribution, '© Statistische Ämter des Bundes und der Länder, Deutschland, 2017');
    assert.equal(doc.dataset.referenceDate, '2017-12-14');
    assert.equal(doc.dataset.sources[0].table, '12411-01-01-4');
    const dissolved = doc.observations.find((o: any) => o.status === '-');
    assert.equal(dissolved.value, null);
  });

  it('maps a table with several measures to several indicators', async () => {
    const out = join(tmp(), 'alq.json');
    const r = await run(
      'import', 'genesis', path('data-adapters/fixtures/datenguide-genesapi-data/13211-02-05-4_00.csv'),
      '--mapping', path('data-adapters/mappings/13211-02-05-4.json'), '-o', out,
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /übersprungen 92576× Zellen in Wertspalten, die keinem Indikator zugeordnet sind/);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const harz2016 = doc.observations.filter((o: any) => o.region === '15085' && o.period === '2016');
    assert.deepEqual(harz2016.map((o: any) => [o.indicator, o.value]), [['arbeitslose', 7986], ['arbeitslosenquote', 7.2]]);
    assert.equal(doc.indicators[1].unit, '%');
  });

  it('refuses mixed units, missing topics and truncated files, and writes no output', async () => {
    const dir = tmp();
    const out = join(dir, 'x.json');
    // Several measures and units are several indicators: --indicator cannot name them all (a mapping can).
    let r = await run('import', 'genesis', path('data-adapters/fixtures/datenguide-genesapi-data/13211-02-05-4_00.csv'), '--indicator', 'x', '--topic', 'Bildung', '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /die Tabelle hat 13 Indikatoren \(arbeitslose, .*\): --indicator .*--mapping/);
    // A subject area (14 Wahlen) with no topic: the flag is asked for, with an example command line.
    const elections = join(dir, '14111-01-01-4.csv');
    writeFileSync(elections, Buffer.from(readFileSync(GENESIS, 'latin1').replace('GENESIS-Tabelle: 12411-01-01-4', 'GENESIS-Tabelle: 14111-01-01-4'), 'latin1'));
    r = await run('import', 'genesis', elections, '--indicator', 'x', '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /--topic +kein Thema für den Indikator „x“/);
    const en = await run('import', 'genesis', elections, '--indicator', 'x', '-o', out, '--lang', 'en');
    assert.match(en.err, /no topic for indicator "x"/);
    const truncated = join(dir, 'truncated.csv');
    writeFileSync(truncated, readFileSync(GENESIS).subarray(0, 3000));
    r = await run('import', 'genesis', truncated, '--indicator', 'x', '--topic', 'Bildung', '-o', out);
    assert.equal(r.code, 2);
    assert.match(r.err, /truncated\.csv:\d+: .*abgeschnitten/);
    r = await run('import', 'genesis', GENESIS, '--encoding', 'utf-8', '--indicator', 'x', '--topic', 'Bildung', '-o', out);
    assert.match(r.err, /12411-01-01-4\.csv:2: die Datei ist kein gültiges UTF-8: bitte --encoding latin1 angeben/);
    assert.equal(existsSync(out), false);
  });

  it('names regions a source leaves unnamed from boundary files, and never renames the others', async () => {
    const out = join(tmp(), 'bb.json');
    const r = await run(
      'import', 'csv', path('data-adapters/fixtures/breitbandatlas-paket3/landkreis_privat_2021_1.csv'),
      '--mapping', path('data-adapters/mappings/breitband-2021-1.json'),
      '--attribution', 'Breitbandatlas | Gigabit-Grundbuch (gigabitgrundbuch.bund.de), Daten verändert',
      '--license', 'Breitbandatlas-Nutzungsbedingungen', '--reference-date', '2021-06-30',
      '--region-names', path('data-adapters/fixtures/geo/de-kreise-2021.topo.json'), '-o', out,
    );
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const name = (key: string) => doc.regions.find((x: any) => x.key === key).name;
    assert.equal(name('15085'), 'Harz');
    assert.equal(name('03152'), '03152', 'a pre-2016 key without a boundary keeps its key as name');
    const harz = doc.observations.filter((o: any) => o.region === '15085').map((o: any) => [o.indicator, o.value]);
    assert.deepEqual(harz, [['breitband-1000mbit', 16.74], ['breitband-100mbit', 82.2], ['glasfaser-1000mbit', 2.77]]);
  });

  it('validates: exit 0 only when all files are valid, problems as FILE: $.path: reason', async () => {
    const dir = tmp();
    const bad = JSON.parse(readFileSync(path('examples/bevoelkerung-harz.json'), 'utf8'));
    delete bad.dataset.attribution;
    bad.observations[3].value = null;
    delete bad.observations[3].status;
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    assert.equal((await run('validate', path('examples/bevoelkerung-harz.json'))).code, 0);
    const r = await run('validate', path('examples/bevoelkerung-harz.json'), badFile);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes(`${badFile}: $.dataset.attribution: Pflichtangabe „attribution“ fehlt.`), r.out);
    const en = await run('validate', badFile, '--lang', 'en');
    assert.ok(en.out.includes(`${badFile}: $.dataset.attribution: Required field “attribution” is missing.`), en.out);
  });

  it('exports the long CSV table with exactly the documented columns', async () => {
    const r = await run('export', 'csv', path('examples/arbeitslosenquote-sachsen-anhalt.json'));
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.equal(lines[0], 'indicator,region,region_name,period,value,status,unit');
    assert.ok(lines.includes('arbeitslosenquote,15085,Harz,2016,7.2,,%'));
    assert.ok(lines.some((l) => /^arbeitslosenquote,15082,Anhalt-Bitterfeld,2001,,\.,%$/.test(l)), 'nulls are empty with their status');
  });

  it('merges files and reports contradictions instead of overwriting', async () => {
    const dir = tmp();
    const a = path('examples/bevoelkerung-harz.json');
    const b = path('examples/arbeitslosenquote-sachsen-anhalt.json');
    const out = join(dir, 'merged.json');
    let r = await run('merge', a, b, '-o', out);
    assert.equal(r.code, 0, r.err);
    const merged = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(merged.indicators.length, 2);
    assert.equal(merged.regions.length, 15);

    const changed = JSON.parse(readFileSync(a, 'utf8'));
    changed.observations[70].value = 1;
    const changedFile = join(dir, 'changed.json');
    writeFileSync(changedFile, JSON.stringify(changed));
    const out2 = join(dir, 'conflict.json');
    r = await run('merge', a, changedFile, '-o', out2);
    assert.equal(r.code, 1);
    assert.match(r.err, /changed\.json: \$\.observations\[70\]: bevoelkerung 15085/);
    assert.equal(existsSync(out2), false);
  });

  it('has help in German and English, and runs as the `kreisdossier` binary', () => {
    const bin = path('bin/kreisdossier.js');
    assert.match(execFileSync('node', [bin, '--help'], { encoding: 'utf8' }), /Befehle:/);
    assert.match(execFileSync('node', [bin, 'import', '--help', '--lang', 'en'], { encoding: 'utf8' }), /--reference-date YYYY-MM-DD/);
  });
});
