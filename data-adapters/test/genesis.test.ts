import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AdapterError } from '../adapter-error.js';
import { validateDocument } from '../../src/format/validate.js';
import { importGenesisTable } from '../genesis/genesis-import.js';
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

describe('GENESIS table → kreisdossier document', () => {
  const mapping = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../../../data-adapters/mappings/${name}.json`, import.meta.url), 'utf8'));
  const find = (doc: { observations: Array<Record<string, unknown>> }, match: Record<string, unknown>) =>
    doc.observations.filter((o) => Object.entries(match).every(([k, v]) => JSON.stringify(o[k]) === JSON.stringify(v)));

  it('detects period and sex header rows and keeps every status', () => {
    const { document: doc, summary } = importGenesisTable(fixture('datenguide-genesapi-data/12411-01-01-4_00.csv'), {
      indicator: { id: 'bevoelkerung', topic: 'Bevölkerung' },
    });
    assert.equal(validateDocument(doc).valid, true);
    assert.equal(summary.rowsRead, 526);
    assert.equal(summary.observationsWritten, 526 * 63);
    assert.deepEqual(summary.nullsByStatus, { '-': 2235, '.': 150 });
    assert.deepEqual(find(doc, { region: '15085', period: '2015-12-31', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [221366]);
    assert.deepEqual(find(doc, { region: '15', period: '2015-12-31', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [2245470]);
    assert.deepEqual(find(doc, { region: '15085', period: '1995-12-31', breakdown: { geschlecht: 'insgesamt' } }).map((o) => [o.value, o.status]), [[null, '.']]);
    assert.deepEqual(doc.dimensions?.[0]?.categories.map((c) => c.id), ['insgesamt', 'maennlich', 'weiblich']);
    assert.equal(doc.dataset.referenceDate, '2017-10-10');
  });

  it('reads decimal commas and needs --kind for units that are not counts', () => {
    const bytes = fixture('datenguide-genesapi-data/12411-07-01-4_00.csv');
    assert.throws(() => importGenesisTable(bytes, { indicator: { id: 'alter', topic: 'Bevölkerung' } }), /pass --kind/);
    const { document: doc } = importGenesisTable(bytes, { indicator: { id: 'alter', topic: 'Bevölkerung', kind: 'mean' } });
    assert.equal(doc.indicators[0]!.unit, 'Jahre');
    assert.equal(doc.indicators[0]!.decimals, 1);
    assert.deepEqual(find(doc, { region: '15085', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [48.2]);
  });

  it('maps measures, label-column breakdowns and year blocks with a mapping file', () => {
    const pflege = importGenesisTable(fixture('datenguide-genesapi-data/22411-02-02-4_00.csv'), { mapping: mapping('22411-02-02-4') });
    assert.equal(validateDocument(pflege.document).valid, true);
    assert.deepEqual(
      find(pflege.document, { region: '15085', period: '2015-12-31' }).map((o) => [(o.breakdown as Record<string, string>).geschlecht, o.value]),
      [['maennlich', 4167], ['weiblich', 7894], ['insgesamt', 12061]],
    );
    assert.equal(pflege.summary.skipped[0]!.count, 6312 * 6, 'the other six measures are counted, not lost');

    const schulen = importGenesisTable(fixture('datenguide-genesapi-data/21111-01-03-4.csv'), { mapping: mapping('21111-01-03-4') });
    assert.equal(validateDocument(schulen.document).valid, true);
    assert.deepEqual(
      find(schulen.document, { region: '15085', breakdown: { schulart: 'grundschulen' } }).map((o) => [o.indicator, o.period, o.value]),
      [['allgemeinbildende-schulen', '2015', 52], ['schueler-allgemeinbildend', '2015', 6475]],
    );
  });

  it('skips (and counts) Regionalstatistik keys that are no AGS', () => {
    const { summary, document: doc } = importGenesisTable(fixture('datenguide-genesapi-data/12411-01-01-5_00.csv'), {
      indicator: { id: 'bevoelkerung', topic: 'Bevölkerung' },
    });
    assert.deepEqual(summary.skipped.map((s) => [s.reason.en.slice(0, 40), s.count, s.firstLine]), [['rows with Regionalstatistik keys that ar', 3705, 1159]]);
    assert.equal(summary.rowsRead - 3705, doc.regions.length);
    assert.deepEqual(find(doc, { region: '15085135', period: '2015-12-31', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [43768]);
  });
});

describe('GENESIS properties (fast-check)', () => {
  const symbol = fc.constantFrom('-', '.', '...', 'x', '/');
  const cell = fc.oneof(
    fc.integer({ min: -1_000_000, max: 100_000_000 }).map((n) => ({ text: String(n), value: n as number | null, status: undefined as string | undefined })),
    fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => ({ text: `${a},${b}`, value: Number(`${a}.${b}`), status: undefined })),
    symbol.map((s) => ({ text: s, value: null, status: s as string | undefined })),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('p', 'r', 'e')).map(([n, q]) => ({ text: `${n}${q}`, value: n, status: q })),
  );
  const keys = fc.uniqueArray(fc.integer({ min: 1001, max: 16077 }).map((n) => String(n).padStart(5, '0')), { minLength: 1, maxLength: 12 });

  it('random wide tables come back with every value and status exactly', () => {
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 4 }), fc.array(cell, { minLength: 48, maxLength: 48 }), (regionKeys, years, cells) => {
        const periods = Array.from({ length: years }, (_, i) => `31.12.${2010 + i}`);
        const lines = [
          'GENESIS-Tabelle: 99999-01-01-4',
          'Testtabelle (Anzahl);;',
          `;;${periods.join(';')}`,
          ...regionKeys.map((k, r) => `${k};  Region ${k};${periods.map((_, p) => cells[(r * years + p) % cells.length]!.text).join(';')}`),
          '__________',
          '"© Statistische Ämter des Bundes und der Länder, Deutschland, 2026."',
          'Stand: 01.02.2026 / 10:00:00',
        ];
        const { document: doc, summary } = importGenesisTable(new TextEncoder().encode(lines.join('\n')), {
          indicator: { id: 't', topic: 'Bevölkerung' },
        });
        assert.equal(summary.observationsWritten, regionKeys.length * years);
        regionKeys.forEach((k, r) =>
          periods.forEach((p, i) => {
            const expected = cells[(r * years + i) % cells.length]!;
            const iso = `${p.slice(6)}-12-31`;
            const o = doc.observations.find((x) => x.region === k && x.period === iso)!;
            assert.equal(o.value, expected.value);
            assert.equal(o.status, expected.status);
          }),
        );
        assert.equal(validateDocument(doc).valid, true);
      }),
      { numRuns: 200 },
    );
  });

  it('random garbage never crashes the reader: a table or an AdapterError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.string({ maxLength: 500 }), (bytes, text) => {
        for (const input of [bytes, new TextEncoder().encode(`GENESIS-Tabelle: 1\n${text}`)]) {
          try {
            importGenesisTable(input, { indicator: { id: 't', topic: 'Bevölkerung', unit: 'Anzahl' } });
          } catch (e) {
            assert.ok(e instanceof AdapterError, String(e));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
