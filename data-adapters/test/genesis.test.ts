import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { AdapterError } from '../adapter-error.js';
import { readGenesisTable, type GenesisTable } from '../genesis/genesis-table.js';
import { parseGenesisValue } from '../genesis/genesis-value.js';

// Compiled to build/node/data-adapters/test/; fixtures stay in the source tree.
const fixture = (path: string) => readFileSync(new URL(`../../../../data-adapters/fixtures/${path}`, import.meta.url));
const row = (t: GenesisTable, key: string) => t.rows.find((r) => r.labels.some((l) => l.trim() === key));

describe('GENESIS cell values', () => {
  it('reads numbers with decimal comma', () => {
    assert.deepEqual(parseGenesisValue('221366'), { value: 221366 });
    assert.deepEqual(parseGenesisValue('48,2'), { value: 48.2 });
    assert.deepEqual(parseGenesisValue('-0,5'), { value: -0.5 });
  });

  it('turns every value-replacing symbol into null with its status', () => {
    for (const s of ['-', '.', '...', 'x', '/']) assert.deepEqual(parseGenesisValue(` ${s} `), { value: null, status: s });
  });

  it('keeps qualified values with their symbol', () => {
    assert.deepEqual(parseGenesisValue('(12,5)'), { value: 12.5, status: '()' });
    assert.deepEqual(parseGenesisValue('1234p'), { value: 1234, status: 'p' });
    assert.deepEqual(parseGenesisValue('p 1234'), { value: 1234, status: 'p' });
    assert.deepEqual(parseGenesisValue('7,1 r'), { value: 7.1, status: 'r' });
    assert.deepEqual(parseGenesisValue('e12'), { value: 12, status: 'e' });
  });

  it('refuses what it does not understand instead of guessing', () => {
    for (const s of ['', '1.234', '12a', 'n/a', '()']) assert.equal(parseGenesisValue(s), undefined, s);
  });
});

describe('GENESIS table reader', () => {
  it('reads a Latin-1 export with header lines, indented names and footer', () => {
    const t = readGenesisTable(fixture('datenguide-genesapi-data/12411-01-01-4.csv'));
    assert.equal(t.code, '12411-01-01-4');
    assert.equal(t.encoding, 'windows-1252');
    assert.equal(t.labelColumns, 2);
    assert.deepEqual(t.headerRows, [
      ['31.12.2015', '31.12.2015', '31.12.2015'],
      ['Insgesamt', 'männlich', 'weiblich'],
    ]);
    assert.equal(t.stand, '2017-12-14');
    assert.equal(t.copyright, '© Statistische Ämter des Bundes und der Länder, Deutschland, 2017.');
    assert.ok(t.titleLines.includes('regionale Tiefe: Kreise und krfr. Städte'));
    assert.deepEqual(row(t, '15085')!.labels, ['15085', '      Harz, Landkreis']);
    assert.equal(row(t, '15085')!.cells[0], '221366');
    assert.equal(row(t, '15')!.cells[0], '2245470');
    assert.equal(t.rows.length, 526);
  });

  it('reads the wide UTF-8 layout with 21 Stichtage × sex', () => {
    const t = readGenesisTable(fixture('datenguide-genesapi-data/12411-01-01-4_00.csv'));
    assert.equal(t.encoding, 'utf-8');
    assert.equal(t.headerRows[0]!.length, 63);
    const harz = row(t, '15085')!;
    assert.equal(harz.cells[0], '221366');
    assert.equal(harz.cells[60], '.'); // 31.12.1995, Insgesamt: before the Kreisreform
  });

  it('reads long layouts with a period column and attribute columns', () => {
    const t = readGenesisTable(fixture('datenguide-genesapi-data/12411-07-01-4_00.csv'));
    assert.equal(t.labelColumns, 3);
    const harz = row(t, '15085')!;
    assert.equal(harz.labels[0], '31.12.2015');
    assert.deepEqual(parseGenesisValue(harz.cells[0]!), { value: 48.2 });
  });

  it('keeps the block label of tables with year blocks, and their x cells', () => {
    const t = readGenesisTable(fixture('datenguide-genesapi-data/21111-01-03-4.csv'));
    assert.equal(t.encoding, 'windows-1252');
    assert.ok(t.rows.every((r) => r.block === '2015'));
    assert.ok(t.rows.some((r) => r.cells.includes('x')));
  });

  it('rejects a truncated file with the line it stopped at', () => {
    const text = fixture('datenguide-genesapi-data/12411-01-01-4_00.csv').toString('utf8').split('\n').slice(0, 40).join('\n');
    assert.throws(
      () => readGenesisTable(new TextEncoder().encode(text)),
      (e: unknown) => e instanceof AdapterError && /truncated/.test(e.message) && e.line === 40,
    );
  });

  it('rejects files that are not GENESIS tables', () => {
    assert.throws(() => readGenesisTable(fixture('formats/jsonstat/oecd.json')), (e: unknown) => e instanceof AdapterError && e.line === 1);
  });
});
