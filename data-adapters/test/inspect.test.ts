import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectFormat } from '../inspect.js';
import { readInputFile } from '../limits.js';
import { run } from './run-cli.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const path = (p: string) => join(root, p);
const FLAT = path('data-adapters/fixtures/formats/genesis-ffcsv/12411-01-01-4_1773175772751_de_flat.csv');
const ATLAS = path('data-adapters/fixtures/formats/genesis-ffcsv/AI-N-01-2-5_1773175147935_de_flat.excerpt-land15.csv');

describe('kreisdossier inspect', () => {
  it('recognises every import format from the file itself', () => {
    const cases: Array<[string, string]> = [
      ['data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4.csv', 'genesis'],
      ['data-adapters/fixtures/formats/genesis-ffcsv/12411-01-01-4_1773175772751_de_flat.csv', 'ffcsv'],
      ['data-adapters/test/fixtures-synthetic/ffcsv-old-layout.csv', 'ffcsv'],
      ['data-adapters/fixtures/formats/jsonstat/oecd.json', 'jsonstat'],
      ['data-adapters/fixtures/formats/frictionless-datapackage/datapackage.json', 'datapackage'],
      ['data-adapters/test/fixtures-synthetic/long.synthetic.csv', 'csv'],
    ];
    for (const [file, format] of cases) assert.equal(detectFormat(file, readInputFile(path(file))), format, file);
  });

  it('shows what an import would produce and every missing flag, and writes nothing', async () => {
    // Run in an empty folder of its own: afterwards it must still hold only the input.
    const dir = mkdtempSync(join(tmpdir(), 'kd-inspect-'));
    const file = join(dir, 'flat.csv');
    copyFileSync(FLAT, file);
    const r = await run('inspect', file);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(dir), ['flat.csv']);
    const lines = r.out.split('\n');
    assert.match(lines[0]!, /Format ffcsv; es wird nichts geschrieben/);
    assert.ok(lines.includes('Indikatoren (1):'));
    assert.ok(lines.includes('  bevstd  „Bevölkerungsstand“'), r.out);
    assert.ok(lines.includes('      Einheit Anzahl · Art count · Thema Bevölkerung · Gliederung geschlecht · 1467 Werte, 2024-12-31'), r.out);
    assert.ok(lines.includes('  geschlecht „Geschlecht“: weiblich, maennlich, insgesamt (Summe)'), r.out);
    assert.ok(lines.includes('Beobachtungen: 1467, davon ohne Wert: 222'));
    assert.ok(lines.includes('  "-" 222× — nichts vorhanden'));
    assert.match(r.out, /Quellenvermerk: +fehlt \(--attribution\)/);
    assert.match(r.out, /Stand: +fehlt \(--reference-date\)/);
    // The example is the import to type: the same file, the missing flags with example values.
    assert.match(r.out, new RegExp(`kreisdossier import ffcsv ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} --attribution '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026' --reference-date 2025-03-31\n`));
  });

  it('takes the import flags into account and speaks English', async () => {
    const r = await run('inspect', ATLAS, '--table', 'AI-N-01-2-5', '--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', '--reference-date', '2022-04-04', '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Attribution: +© Statistische Ämter des Bundes und der Länder, Deutschland, 2026$/m);
    assert.match(r.out, /^ {6}unit Prozent · kind share · topic Strukturwandel · 1077 values, 2023$/m);
    assert.match(r.out, /^Regions \(1077\): Gemeinde 1077$/m);
    assert.match(r.out, /The file imports without further flags:\n {2}kreisdossier import ffcsv .*AI-N-01-2-5_1773175147935_de_flat\.excerpt-land15\.csv --table AI-N-01-2-5 .* -o AI-N-01-2-5_1773175147935_de_flat\.excerpt-land15\.json/);
  });

  it('marks a missing fact only on the indicators that lack it, and keeps flags given before the file', async () => {
    // The synthetic legacy flat file, with a measure whose kind cannot be told from its unit ("Jahre" without "Durchschnitt").
    const dir = mkdtempSync(join(tmpdir(), 'kd-inspect-'));
    const file = join(dir, 'legacy.csv');
    writeFileSync(file, readFileSync(path('data-adapters/test/fixtures-synthetic/ffcsv-old-layout.csv'), 'latin1').replaceAll('Durchschnittsalter', 'Lebenserwartung'), 'latin1');
    const r = await run('--lang', 'en', 'inspect', '--attribution', 'x', file, '--reference-date', '2025-01-01');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ {2}bevstd .*\n {6}unit Anzahl · kind count · topic missing \(--topic\)/m);
    assert.match(r.out, /^ {2}bev014 .*\n {6}unit Jahre · kind missing \(--kind\) · topic missing \(--topic\)/m);
    assert.match(r.out, /--topic +no topic for "bevstd" .* \(also for bev014\)/);
    // The example import keeps the flags given before and after the file.
    assert.match(r.out, new RegExp(`kreisdossier import ffcsv ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} --lang en --attribution x --reference-date 2025-01-01 --topic 'Bevölkerung' --kind mean\n`));
  });

  it('fails like import on a file it cannot read', async () => {
    const r = await run('inspect', path('data-adapters/fixtures/geo/harz-gemeinden-2021.geojson'), '--format', 'ffcsv');
    assert.equal(r.code, 2);
    assert.match(r.err, /harz-gemeinden-2021\.geojson/);
  });
});
