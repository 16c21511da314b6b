import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AdapterError } from '../adapter-error.js';
import { validateDocument } from '../../src/format/validate.js';
import { main } from '../cli.js';
import { slug } from '../common.js';
import { importGenesisTable, type HeaderRole } from '../genesis/genesis-import.js';
import { MissingMetadata } from '../missing-metadata.js';
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

  it('reads decimal commas; an average in years is a mean, --kind overrides it', () => {
    const bytes = fixture('datenguide-genesapi-data/12411-07-01-4_00.csv');
    const { document: doc } = importGenesisTable(bytes, { indicator: { id: 'alter', topic: 'Bevölkerung' } });
    assert.equal(doc.indicators[0]!.kind, 'mean');
    assert.equal(doc.indicators[0]!.unit, 'Jahre');
    assert.equal(doc.indicators[0]!.decimals, 1);
    assert.deepEqual(find(doc, { region: '15085', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [48.2]);
    assert.equal(importGenesisTable(bytes, { indicator: { id: 'alter', kind: 'index' } }).document.indicators[0]!.kind, 'index');
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

describe('GENESIS tables with no flags', () => {
  type Doc = ReturnType<typeof importGenesisTable>['document'];
  const find = (doc: Doc, match: Record<string, unknown>) =>
    doc.observations.filter((o) => Object.entries(match).every(([k, v]) => JSON.stringify((o as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)));
  const DG_AGS = /^(?:DG|\d{2}|\d{3}|\d{5}|\d{8})$/;

  /** A fixture's text as a person would open it: UTF-8, or Windows-1252 when it is not valid UTF-8. */
  function fixtureText(path: string): string {
    const bytes = fixture(path);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
  /** The file's data lines, split at ";" here in the test (not by the adapter), with the year block in force. */
  function sourceLines(path: string): Array<{ fields: string[]; block?: string }> {
    const text = fixtureText(path);
    const lines = text.split(/\r?\n/);
    const out: Array<{ fields: string[]; block?: string }> = [];
    let block: string | undefined;
    for (const line of lines.slice(1, lines.findIndex((l) => l.startsWith('__________')))) {
      const fields = line.split(';');
      if (/^\d{4}$/.test(fields[0]!) && fields.slice(1).every((f) => !f.trim())) block = fields[0];
      else if (fields.some((f) => DG_AGS.test(f.trim()))) out.push({ fields, ...(block ? { block } : {}) });
    }
    return out;
  }
  /** The "©" line of the file's footer, read here in the test (quotes, trailing ";" and the final "." dropped). */
  function copyrightLine(path: string): string {
    const text = fixtureText(path);
    const line = text.split(/\r?\n/).find((l) => /^"?©/.test(l));
    assert.ok(line, `${path}: no © line`);
    return line.replace(/;+$/, '').replace(/^"|"$/g, '').replace(/\.\s*$/, '');
  }
  /** A published cell as the format keeps it: the number, or null with the symbol. */
  const published = (cell: string) => (/^-?\d+(?:,\d+)?$/.test(cell.trim()) ? { value: Number(cell.trim().replace(',', '.')) } : { value: null, status: cell.trim() });
  const isoDate = (d: string) => (/^\d{2}\.\d{2}\.\d{4}$/.test(d) ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : d);
  const obsKey = (o: { indicator: string; region: string; period: string; breakdown?: Record<string, string> }) =>
    `${o.indicator}|${o.region}|${o.period}|${JSON.stringify(Object.entries(o.breakdown ?? {}).sort())}`;

  interface Layout {
    /** Field index of the region key; value fields follow the label fields. */
    key: number;
    labels: number;
    period: (fields: string[], block?: string) => string;
    rowBreakdown?: (fields: string[]) => Record<string, string>;
    /** What each value field is, written out by hand from the header rows. */
    columns: Array<{ indicator: string; period?: string; breakdown?: Record<string, string> }>;
  }
  /** Every value cell of the source file is an observation with exactly the published value or symbol. */
  function everyCell(doc: Doc, path: string, layout: Layout): number {
    const index = new Map(doc.observations.map((o) => [obsKey(o), o]));
    let cells = 0;
    for (const { fields, block } of sourceLines(path)) {
      const region = fields[layout.key]!.trim();
      layout.columns.forEach((column, j) => {
        const breakdown = { ...column.breakdown, ...layout.rowBreakdown?.(fields) };
        const key = obsKey({ indicator: column.indicator, region, period: column.period ?? layout.period(fields, block), breakdown });
        const o = index.get(key);
        assert.ok(o, `${path}: no observation ${key}`);
        const want = published(fields[layout.labels + j]!);
        assert.deepEqual([o.value, o.status], [want.value, want.status], `${path}: ${key}`);
        cells++;
      });
    }
    assert.equal(doc.observations.length, cells, `${path}: as many observations as value cells`);
    return cells;
  }
  const sex = ['insgesamt', 'maennlich', 'weiblich'];
  const bySex = (indicator: string, extra: Record<string, string> = {}) => sex.map((s) => ({ indicator, breakdown: { ...extra, geschlecht: s } }));

  // [file, topic, [id, unit, kind, dimensions], dimension ids]
  const EXPECTED: Array<[string, string, Array<[string, string, string, string[]]>, string[]]> = [
    ['datenguide-genesapi-data/12411-01-01-4.csv', 'Bevölkerung', [['bevoelkerungsstand', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
    ['datenguide-genesapi-data/12411-01-01-4_00.csv', 'Bevölkerung', [['bevoelkerungsstand', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
    ['datenguide-genesapi-data/12411-01-01-5_00.csv', 'Bevölkerung', [['bevoelkerungsstand', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
    ['datenguide-genesapi-data/12411-02-03-4_00.csv', 'Bevölkerung', [['bevoelkerungsstand', 'Anzahl', 'count', ['geschlecht', 'altersgruppen']]], ['geschlecht', 'altersgruppen']],
    ['datenguide-genesapi-data/12411-07-01-4_00.csv', 'Bevölkerung', [['durchschnittsalter', 'Jahre', 'mean', ['geschlecht']]], ['geschlecht']],
    ['datenguide-genesapi-data/12612-01-01-4_00.csv', 'Bevölkerung', [['lebendgeborene', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
    ['datenguide-genesapi-data/12613-01-01-4_00.csv', 'Bevölkerung', [['gestorbene', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
    [
      'datenguide-genesapi-data/13111-01-03-4_00.csv',
      'Arbeitsmarkt und Wirtschaft',
      [['sozialversicherungspflichtig-beschaeftigte', 'Anzahl', 'count', ['nationalitaet', 'geschlecht']]],
      ['nationalitaet', 'geschlecht'],
    ],
    [
      'datenguide-genesapi-data/13211-02-05-4_00.csv',
      'Arbeitsmarkt und Wirtschaft',
      [
        ...['', '-auslaender', '-schwerbehindert', '-15-bis-unter-20-jahre', '-15-bis-unter-25-jahre', '-55-bis-unter-65-jahre', '-langzeitarbeitslos'].map(
          (s): [string, string, string, string[]] => [`arbeitslose${s}`, 'Anzahl', 'count', []],
        ),
        ...['-abh', '', '-maenner', '-frauen', '-auslaender', '-15-bis-unter-25-jahre'].map((s): [string, string, string, string[]] => [`arbeitslosenquote${s}`, '%', 'rate', []]),
      ],
      [],
    ],
    [
      'datenguide-genesapi-data/21111-01-03-4.csv',
      'Bildung',
      [
        ['allgemein-bildende-schulen', 'Anzahl', 'count', ['schulart']],
        ...['', '-weiblich', '-auslaender', '-7-klassenstufe', '-11-jahrgangsstufe'].map((s): [string, string, string, string[]] => [`schueler${s}`, 'Anzahl', 'count', ['schulart']]),
      ],
      ['schulart'],
    ],
    [
      'datenguide-genesapi-data/22411-02-02-4_00.csv',
      'Gesundheit und Pflege',
      ['pflegebeduerftige', 'ambulante-pflege', 'pflegebeduerftige-pflegeheime', 'pflegebeduerftige-dauerpflege', 'pflegebeduerftige-kurzzeitpflege', 'pflegegeldempfaenger', 'teilstationaere-pflege'].map(
        (id): [string, string, string, string[]] => [id, 'Anzahl', 'count', ['geschlecht']],
      ),
      ['geschlecht'],
    ],
    ['mmelchger-covid19-1092/11111-01-01-4.csv', 'Bevölkerung', [['gebietsflaeche', 'qkm', 'count', []]], []],
    ['mmelchger-covid19-1092/12411-01-01-4.csv', 'Bevölkerung', [['bevoelkerungsstand', 'Anzahl', 'count', ['geschlecht']]], ['geschlecht']],
  ];
  const docs = new Map<string, Doc>();
  const imported = (path: string): Doc => {
    if (!docs.has(path)) docs.set(path, importGenesisTable(fixture(path)).document);
    return docs.get(path)!;
  };

  for (const [path, topic, indicators, dimensions] of EXPECTED) {
    it(`${path}: indicators, units, kinds, topic and dimensions`, () => {
      const doc = imported(path);
      assert.equal(validateDocument(doc).valid, true);
      assert.deepEqual(
        doc.indicators.map((i) => [i.id, i.unit, i.kind, i.dimensions ?? []]),
        indicators.map(([id, unit, kind, dims]) => [id, unit, kind, dims]),
      );
      assert.ok(doc.indicators.every((i) => i.topic === topic && i.polarity === 'neutral' && i.id.length <= 42), 'topic from the table code, neutral, short ids');
      assert.deepEqual(doc.dimensions?.map((d) => d.id) ?? [], dimensions);
      assert.equal(doc.dataset.attribution, copyrightLine(path), 'the file\'s "©" line, without its final full stop');
      assert.match(doc.dataset.attribution, /^© Statistische Ämter des Bundes und der Länder, Deutschland, 20(?:17|20)$/);
      assert.match(doc.dataset.referenceDate, /^20(?:17|20)-\d{2}-\d{2}$/);
    });
  }

  it('labels stay the full published text; a sub-heading joins its measure', () => {
    const labels = (path: string) => Object.fromEntries(imported(path).indicators.map((i) => [i.id, i.label]));
    const alq = labels('datenguide-genesapi-data/13211-02-05-4_00.csv');
    assert.equal(alq.arbeitslosenquote, 'Arbeitslosenquote bez. auf alle zivile Erwerbsp.');
    assert.equal(alq['arbeitslosenquote-abh'], 'Arbeitslosenquote bez. abh. zivile Erwerbspers.');
    assert.equal(alq['arbeitslosenquote-maenner'], 'Arbeitslosenquote bez. auf alle zivile Erwerbsp.: Männer');
    assert.equal(labels('datenguide-genesapi-data/21111-01-03-4.csv')['schueler-auslaender'], 'Schüler(innen) an allgemein bildenden Schulen: Ausländer(innen)');
    assert.equal(labels('datenguide-genesapi-data/22411-02-02-4_00.csv')['pflegebeduerftige-kurzzeitpflege'], 'Pflegebed.d.Pflegeheime vollstat. Kurzzeitpflege');
    assert.equal(labels('datenguide-genesapi-data/12411-07-01-4_00.csv').durchschnittsalter, 'Durchschnittsalter der Bevölkerung');
    const dims = (path: string) => Object.fromEntries((imported(path).dimensions ?? []).map((d) => [d.id, d.label]));
    assert.deepEqual(dims('datenguide-genesapi-data/13111-01-03-4_00.csv'), { nationalitaet: 'Nationalität', geschlecht: 'Geschlecht' });
    assert.deepEqual(dims('datenguide-genesapi-data/12411-02-03-4_00.csv'), { geschlecht: 'Geschlecht', altersgruppen: 'Altersgruppen' });
    assert.deepEqual(dims('datenguide-genesapi-data/21111-01-03-4.csv'), { schulart: 'Schulart' });
  });

  it('every value cell comes out exactly as published (source lines split in the test)', () => {
    const year = (f: string[]) => f[0]!;
    const date = (f: string[]) => isoDate(f[0]!);
    const alq = EXPECTED.find(([p]) => p.includes('13211'))![2].map(([id]) => ({ indicator: id }));
    const n = [
      everyCell(imported('datenguide-genesapi-data/12411-01-01-4.csv'), 'datenguide-genesapi-data/12411-01-01-4.csv', {
        key: 0, labels: 2, period: () => '2015-12-31', columns: bySex('bevoelkerungsstand'),
      }),
      everyCell(imported('datenguide-genesapi-data/12411-01-01-4_00.csv'), 'datenguide-genesapi-data/12411-01-01-4_00.csv', {
        key: 0, labels: 2, period: () => '',
        columns: Array.from({ length: 21 }, (_, y) => bySex('bevoelkerungsstand').map((c) => ({ ...c, period: `${2015 - y}-12-31` }))).flat(),
      }),
      everyCell(imported('datenguide-genesapi-data/12411-02-03-4_00.csv'), 'datenguide-genesapi-data/12411-02-03-4_00.csv', {
        key: 1, labels: 4, period: date, rowBreakdown: (f) => ({ altersgruppen: slug(f[3]!) }), columns: bySex('bevoelkerungsstand'),
      }),
      everyCell(imported('datenguide-genesapi-data/12411-07-01-4_00.csv'), 'datenguide-genesapi-data/12411-07-01-4_00.csv', {
        key: 1, labels: 3, period: date, columns: bySex('durchschnittsalter'),
      }),
      everyCell(imported('datenguide-genesapi-data/12612-01-01-4_00.csv'), 'datenguide-genesapi-data/12612-01-01-4_00.csv', {
        key: 1, labels: 3, period: year, columns: bySex('lebendgeborene'),
      }),
      everyCell(imported('datenguide-genesapi-data/12613-01-01-4_00.csv'), 'datenguide-genesapi-data/12613-01-01-4_00.csv', {
        key: 1, labels: 3, period: year, columns: bySex('gestorbene'),
      }),
      everyCell(imported('datenguide-genesapi-data/13111-01-03-4_00.csv'), 'datenguide-genesapi-data/13111-01-03-4_00.csv', {
        key: 1, labels: 3, period: date,
        columns: ['insgesamt', 'auslaender-innen'].flatMap((n) => bySex('sozialversicherungspflichtig-beschaeftigte', { nationalitaet: n })),
      }),
      everyCell(imported('datenguide-genesapi-data/13211-02-05-4_00.csv'), 'datenguide-genesapi-data/13211-02-05-4_00.csv', { key: 1, labels: 3, period: year, columns: alq }),
      everyCell(imported('datenguide-genesapi-data/21111-01-03-4.csv'), 'datenguide-genesapi-data/21111-01-03-4.csv', {
        key: 0, labels: 3, period: (_, block) => block!, rowBreakdown: (f) => ({ schulart: slug(f[2]!) }),
        columns: ['allgemein-bildende-schulen', 'schueler', 'schueler-weiblich', 'schueler-auslaender', 'schueler-7-klassenstufe', 'schueler-11-jahrgangsstufe'].map((indicator) => ({ indicator })),
      }),
      everyCell(imported('datenguide-genesapi-data/22411-02-02-4_00.csv'), 'datenguide-genesapi-data/22411-02-02-4_00.csv', {
        key: 1, labels: 4, period: date, rowBreakdown: (f) => ({ geschlecht: slug(f[3]!) }),
        columns: EXPECTED.find(([p]) => p.includes('22411'))![2].map(([indicator]) => ({ indicator })),
      }),
      everyCell(imported('mmelchger-covid19-1092/11111-01-01-4.csv'), 'mmelchger-covid19-1092/11111-01-01-4.csv', {
        key: 1, labels: 3, period: date, columns: [{ indicator: 'gebietsflaeche' }],
      }),
      everyCell(imported('mmelchger-covid19-1092/12411-01-01-4.csv'), 'mmelchger-covid19-1092/12411-01-01-4.csv', {
        key: 0, labels: 2, period: () => '2018-12-31', columns: bySex('bevoelkerungsstand'),
      }),
    ];
    assert.ok(n.every((x) => x > 500));
  });

  it('single cells: Landkreis Harz, Deutschland and the symbols "-", "." and "x"', () => {
    const one = (path: string, match: Record<string, unknown>) => {
      const hits = find(imported(path), match);
      assert.equal(hits.length, 1, JSON.stringify(match));
      return [hits[0]!.value, hits[0]!.status];
    };
    const line = (path: string, test: (f: string[]) => boolean) => sourceLines(path).find(({ fields }) => test(fields))!.fields;
    const ALQ = 'datenguide-genesapi-data/13211-02-05-4_00.csv';
    const harz2016 = line(ALQ, (f) => f[0] === '2016' && f[1] === '15085');
    assert.deepEqual(harz2016.slice(3, 11), ['7986', '180', '248', '110', '543', '1826', '2793', '7,8']);
    assert.deepEqual(one(ALQ, { indicator: 'arbeitslose', region: '15085', period: '2016' }), [7986, undefined]);
    assert.deepEqual(one(ALQ, { indicator: 'arbeitslosenquote-abh', region: '15085', period: '2016' }), [7.8, undefined]);
    assert.deepEqual(one(ALQ, { indicator: 'arbeitslosenquote-maenner', region: '15085', period: '2016' }), [Number(harz2016[12]!.replace(',', '.')), undefined]);
    const dg = line(ALQ, (f) => f[0] === '2016' && f[1] === 'DG');
    assert.deepEqual(one(ALQ, { indicator: 'arbeitslosenquote', region: 'DG', period: '2016' }), [Number(dg[11]!.replace(',', '.')), undefined]);
    const dot = sourceLines(ALQ).find(({ fields }) => fields.slice(3).includes('.'))!.fields;
    const col = dot.indexOf('.', 3) - 3;
    const id = EXPECTED.find(([p]) => p === ALQ)![2][col]![0];
    assert.deepEqual(one(ALQ, { indicator: id, region: dot[1]!.trim(), period: dot[0] }), [null, '.']);

    const SCHULEN = 'datenguide-genesapi-data/21111-01-03-4.csv';
    const vorschule = line(SCHULEN, (f) => f[0] === 'DG' && f[2] === 'Vorschulbereich');
    assert.equal(vorschule[7], 'x');
    assert.deepEqual(one(SCHULEN, { indicator: 'schueler-7-klassenstufe', region: 'DG', breakdown: { schulart: 'vorschulbereich' } }), [null, 'x']);
    assert.deepEqual(one(SCHULEN, { indicator: 'schueler', region: '15085', breakdown: { schulart: 'grundschulen' } }), [6475, undefined]);

    const PFLEGE = 'datenguide-genesapi-data/22411-02-02-4_00.csv';
    const flensburg = line(PFLEGE, (f) => f[0] === '31.12.2015' && f[1] === '01001' && f[3] === 'männlich');
    assert.equal(flensburg[10], '-');
    assert.deepEqual(one(PFLEGE, { indicator: 'teilstationaere-pflege', region: '01001', period: '2015-12-31', breakdown: { geschlecht: 'maennlich' } }), [null, '-']);
    assert.deepEqual(one(PFLEGE, { indicator: 'pflegebeduerftige', region: '15085', period: '2015-12-31', breakdown: { geschlecht: 'insgesamt' } }), [12061, undefined]);

    const FLAECHE = 'mmelchger-covid19-1092/11111-01-01-4.csv';
    assert.deepEqual(line(FLAECHE, (f) => f[1] === 'DG')[3], '357582,00');
    assert.deepEqual(one(FLAECHE, { indicator: 'gebietsflaeche', region: 'DG' }), [357582, undefined]);
    assert.deepEqual(one(FLAECHE, { indicator: 'gebietsflaeche', region: '15085' }), [2104.72, undefined]);
    assert.equal(imported(FLAECHE).indicators[0]!.decimals, 2);
    const BEV = 'datenguide-genesapi-data/12411-01-01-4.csv';
    assert.deepEqual(one(BEV, { region: '15085', breakdown: { geschlecht: 'insgesamt' } }), [221366, undefined]);
    assert.deepEqual(one(BEV, { region: 'DG', breakdown: { geschlecht: 'weiblich' } }), [41661561, undefined]);
  });

  it('keeps skipping (and counting) Gemeindeverband member keys', () => {
    const { summary, document: doc } = importGenesisTable(fixture('datenguide-genesapi-data/12411-01-01-5_00.csv'));
    assert.equal(summary.skipped[0]!.count, 3705);
    assert.deepEqual(find(doc, { region: '15085135', period: '2015-12-31', breakdown: { geschlecht: 'insgesamt' } }).map((o) => o.value), [43768]);
  });

  it('--indicator renames a table\'s one indicator, and explains itself for several', () => {
    const one = importGenesisTable(fixture('datenguide-genesapi-data/12612-01-01-4_00.csv'), { indicator: { id: 'geburten' } }).document;
    assert.deepEqual([...new Set(one.observations.map((o) => o.indicator))], ['geburten']);
    assert.equal(one.indicators[0]!.label, 'Lebendgeborene');
    assert.throws(
      () => importGenesisTable(fixture('datenguide-genesapi-data/13211-02-05-4_00.csv'), { indicator: { id: 'alq' } }),
      (e: unknown) => e instanceof AdapterError && /^the table has 13 indicators \(arbeitslose, arbeitslose-auslaender, .*arbeitslosenquote-15-bis-unter-25-jahre\): .*--mapping/.test(e.message),
    );
  });

  it('names every missing flag in one message', () => {
    // A copy without "©" line and "Stand", of a subject area (14 Wahlen) with no topic.
    const text = fixture('datenguide-genesapi-data/12411-07-01-4_00.csv')
      .toString('utf8')
      .replace('GENESIS-Tabelle: 12411-07-01-4', 'GENESIS-Tabelle: 14111-07-01-4')
      .replace(/^"?©[^]*?2\.0\."?\r?\n/m, '')
      .replace(/^Stand:.*$/m, '');
    const bytes = new TextEncoder().encode(text);
    assert.throws(
      () => importGenesisTable(bytes),
      (e: unknown) => e instanceof MissingMetadata && assert.deepEqual(e.flags.map((f) => f.flag), ['--topic', '--attribution', '--reference-date']) === undefined,
    );
    const { document: doc } = importGenesisTable(bytes, {
      indicator: { topic: 'Bevölkerung' },
      dataset: { attribution: '© Statistische Ämter des Bundes und der Länder, Deutschland, 2017', referenceDate: '2017-10-10' },
    });
    assert.equal(validateDocument(doc).valid, true);
    // A unit that says nothing about the kind of measure: --kind joins the list.
    const days = [
      'GENESIS-Tabelle: 14999-01-01-4',
      'Testwahl: Dauer',
      ';;;Wahlkampfdauer;Wahlberechtigte',
      ';;;Tage;Anzahl',
      '2021;15;  Sachsen-Anhalt;30;1800000',
      '__________',
    ].join('\n');
    assert.throws(
      () => importGenesisTable(new TextEncoder().encode(days)),
      (e: unknown) =>
        e instanceof MissingMetadata &&
        assert.deepEqual(e.flags.map((f) => f.flag), ['--topic', '--kind', '--attribution', '--reference-date']) === undefined &&
        /"wahlkampfdauer"/.test(e.flags[1]!.reason.en),
    );
  });

  it('the CLI prints the missing flags with an example command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-genesis-'));
    const file = join(dir, 'wahl.csv');
    writeFileSync(file, ['GENESIS-Tabelle: 14999-01-01-4', 'Testwahl (Anzahl)', ';;2021', '15;  Sachsen-Anhalt;1800000', '__________'].join('\n'));
    let err = '';
    const code = await main(['import', 'genesis', file, '-o', join(dir, 'out.json'), '--lang', 'en'], { stdout: () => {}, stderr: (t) => (err += t) });
    assert.equal(code, 2);
    assert.match(err, /--topic +no topic for indicator "testwahl"/);
    assert.match(err, /--attribution +the file has no "©" line/);
    assert.match(err, /--reference-date +the file has no "Stand" line/);
    assert.match(err, /For example:\n {2}kreisdossier import genesis \S+wahl\.csv -o \S+ --lang en --topic 'Bevölkerung' --attribution '© Statistische .*' --reference-date 2025-03-31\n/);
  });

  it('sub-headings: a heading with categories is a breakdown, a measure in two units two indicators', () => {
    const table = [
      'GENESIS-Tabelle: 12999-01-01-4',
      'Testtabelle - Jahressumme -',
      ';;;Zuzüge;Zuzüge;Zuzüge;Fortzüge je 1000 Einwohner;Fortzüge je 1000 Einwohner',
      ';;;Geschlecht;Geschlecht;Geschlecht;;',
      ';;;Insgesamt;männlich;weiblich;;',
      ';;;Anzahl;Anzahl;Anzahl;Anzahl;Prozent',
      '2020;DG;Deutschland;10;4;6;1,5;0,2',
      '2020;15085;      Harz, Landkreis;-;.;x;2,5;0,3',
      '__________',
      '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026.',
      'Stand: 01.02.2026 / 10:00:00',
    ].join('\n');
    const { document: doc } = importGenesisTable(new TextEncoder().encode(table));
    assert.equal(validateDocument(doc).valid, true);
    assert.deepEqual(
      doc.indicators.map((i) => [i.id, i.label, i.unit, i.kind, i.dimensions ?? []]),
      [
        ['zuzuege', 'Zuzüge', 'Anzahl', 'count', ['geschlecht']],
        ['fortzuege-anzahl', 'Fortzüge je 1000 Einwohner (Anzahl)', 'Anzahl', 'rate', []],
        ['fortzuege-prozent', 'Fortzüge je 1000 Einwohner (Prozent)', '%', 'rate', []],
      ],
    );
    assert.deepEqual(find(doc, { indicator: 'zuzuege', region: '15085' }).map((o) => [(o.breakdown as Record<string, string>).geschlecht, o.value, o.status]), [
      ['insgesamt', null, '-'],
      ['maennlich', null, '.'],
      ['weiblich', null, 'x'],
    ]);
  });

  it('other Regionaldatenbank layouts: measures in a label column, a year in the title, "und zwar", a heading as the measure', () => {
    const table = (...lines: string[]) =>
      new TextEncoder().encode([...lines, '__________', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2017.', 'Stand: 10.10.2017 / 19:20:37'].join('\n'));
    const rows = (doc: Doc) => doc.observations.map((o) => [o.indicator, o.region, o.period, JSON.stringify(o.breakdown ?? {}), o.value, o.status ?? '']);

    // Each row names its measure and unit (61511-01-03-4).
    const bauland = importGenesisTable(
      table(
        'GENESIS-Tabelle: 61511-01-03-4',
        'Baulandverkäufe - Jahressumme -',
        ';;;;;Baulandverkäufe;Baulandverkäufe',
        ';;;;;Insgesamt;baureifes Land',
        '2015;15085;      Harz, Landkreis;Veräußerungsfälle von Bauland;Anzahl;300;.',
        '2015;15085;      Harz, Landkreis;Kaufsumme;Tsd. EUR;4117;3500',
        '2015;15085;      Harz, Landkreis;Durchschnittlicher Kaufwert je qm;EUR;25,10;-',
      ),
    ).document;
    assert.equal(validateDocument(bauland).valid, true);
    assert.deepEqual(bauland.indicators.map((i) => [i.id, i.unit, i.kind, i.label]), [
      ['veraeusserungsfaelle', 'Anzahl', 'count', 'Veräußerungsfälle von Bauland'],
      ['kaufsumme', 'Tsd. EUR', 'count', 'Kaufsumme'],
      ['durchschnittlicher-kaufwert', 'EUR', 'rate', 'Durchschnittlicher Kaufwert je qm'],
    ]);
    assert.deepEqual(rows(bauland).slice(0, 2), [
      ['veraeusserungsfaelle', '15085', '2015', '{"baulandverkaeufe":"insgesamt"}', 300, ''],
      ['veraeusserungsfaelle', '15085', '2015', '{"baulandverkaeufe":"baureifes-land"}', null, '.'],
    ]);

    // The period in a title line, a filler heading, and the total of a measure (13211-01-03-4).
    const arbeitslose = importGenesisTable(
      table(
        'GENESIS-Tabelle: 13211-01-03-4',
        'Arbeitslose nach ausgewählten Personengruppen',
        'Jahr: 2016',
        ';;Arbeitslose insgesamt;Arbeitslose;Arbeitslose',
        ';;;und zwar;und zwar',
        ';;;Ausländer;schwerbehindert',
        ';;1000;1000;1000',
        '15085;      Harz, Landkreis;7,986;0,180;0,248',
      ),
    ).document;
    assert.deepEqual(arbeitslose.indicators.map((i) => [i.id, i.unit, i.kind]), [
      ['arbeitslose', '1000', 'count'],
      ['arbeitslose-auslaender', '1000', 'count'],
      ['arbeitslose-schwerbehindert', '1000', 'count'],
    ]);
    assert.deepEqual(rows(arbeitslose).map((r) => r.slice(2, 5)), [['2016', '{}', 7.986], ['2016', '{}', 0.18], ['2016', '{}', 0.248]]);

    // A heading over every column that the title names before "nach" is the measure (12111-01-01-4).
    const zensus = importGenesisTable(
      table(
        'GENESIS-Tabelle: 12111-01-01-4',
        'Zensus 2011, Bevölkerung nach Geschlecht und Nationalität',
        '09.05.2011',
        ';;Bevölkerung;Bevölkerung;Bevölkerung;Bevölkerung',
        ';;Insgesamt;Insgesamt;Ausländer(innen);Ausländer(innen)',
        ';;männlich;weiblich;männlich;weiblich',
        ';;Anzahl;Anzahl;Anzahl;Anzahl',
        '15085;      Harz, Landkreis;110000;114000;2000;1900',
      ),
    ).document;
    assert.deepEqual(zensus.indicators.map((i) => [i.id, i.label, i.dimensions]), [
      ['bevoelkerung', 'Bevölkerung', ['geschlecht']],
      ['bevoelkerung-auslaender', 'Bevölkerung: Ausländer(innen)', ['geschlecht']],
    ]);
    assert.deepEqual(rows(zensus).map((r) => [r[0], r[2], r[3], r[4]]).at(-1), ['bevoelkerung-auslaender', '2011-05-09', '{"geschlecht":"weiblich"}', 1900]);
  });

  // Synthetic tables (not published files): the header layouts a reviewer found, with made-up numbers.
  const synthetic = (...lines: string[]) =>
    new TextEncoder().encode(['GENESIS-Tabelle: 12411-99-01-4', ...lines, '__________', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026.', 'Stand: 01.02.2026 / 10:00:00'].join('\n'));
  const shape = (doc: Doc) => doc.indicators.map((i) => [i.id, i.label, i.unit, i.kind, i.dimensions ?? []]);
  const cells = (doc: Doc) => doc.observations.map((o) => [o.indicator, o.period, JSON.stringify(o.breakdown ?? {}), o.value, o.status ?? '']);

  it('synthetic: a sub-heading constant over all columns is a subgroup, never dropped (not published as the total)', () => {
    // "weiblich" over every column, with and without a "Geschlecht" heading above it: a one-category breakdown.
    for (const extra of [[], [';;Geschlecht;Geschlecht']]) {
      const doc = importGenesisTable(synthetic('Bevölkerungsstand (Anzahl)', ';;31.12.2015;31.12.2014', ...extra, ';;weiblich;weiblich', '15085;  Harz, Landkreis;110000;.')).document;
      assert.equal(validateDocument(doc).valid, true);
      assert.deepEqual(shape(doc), [['bevoelkerungsstand', 'Bevölkerungsstand', 'Anzahl', 'count', ['geschlecht']]]);
      assert.deepEqual(doc.dimensions, [{ id: 'geschlecht', label: 'Geschlecht', categories: [{ id: 'weiblich', label: 'weiblich' }] }], 'no total: only women are published');
      assert.deepEqual(cells(doc), [
        ['bevoelkerungsstand', '2015-12-31', '{"geschlecht":"weiblich"}', 110000, ''],
        ['bevoelkerungsstand', '2014-12-31', '{"geschlecht":"weiblich"}', null, '.'],
      ]);
    }
    // Another subgroup over every column joins the id and label; "Insgesamt", fillers and the measure's name do not.
    const aus = importGenesisTable(synthetic('Bevölkerungsstand (Anzahl)', ';;Bevölkerungsstand;Bevölkerungsstand', ';;Ausländer;Ausländer', ';;31.12.2015;31.12.2014', '15085;  Harz, Landkreis;4000;3900')).document;
    assert.deepEqual(shape(aus), [['bevoelkerungsstand-auslaender', 'Bevölkerungsstand: Ausländer', 'Anzahl', 'count', []]]);
    const total = importGenesisTable(synthetic('Bevölkerungsstand (Anzahl)', ';;31.12.2015;31.12.2014', ';;Geschlecht;Geschlecht', ';;Insgesamt;Insgesamt', '15085;  Harz, Landkreis;1;2')).document;
    assert.deepEqual(shape(total), [['bevoelkerungsstand', 'Bevölkerungsstand', 'Anzahl', 'count', []]]);

    // Per measure: "Frauen" over both columns of "Arbeitslose", "Ausländer" over both of "Arbeitslosenquote".
    const alq = importGenesisTable(
      synthetic(
        'Arbeitslose und Arbeitslosenquoten nach Personengruppen - Jahresdurchschnitt -',
        ';;2015;2016;2015;2016',
        ';;Arbeitslose;Arbeitslose;Arbeitslosenquote;Arbeitslosenquote',
        ';;Frauen;Frauen;Ausländer;Ausländer',
        ';;Anzahl;Anzahl;Prozent;Prozent',
        '15085;  Harz, Landkreis;3500;3400;15,3;x',
      ),
    ).document;
    assert.equal(validateDocument(alq).valid, true);
    assert.deepEqual(shape(alq), [
      ['arbeitslose-frauen', 'Arbeitslose: Frauen', 'Anzahl', 'count', []],
      ['arbeitslosenquote-auslaender', 'Arbeitslosenquote: Ausländer', '%', 'rate', []],
    ]);
    assert.deepEqual(cells(alq).map((c) => [c[0], c[1], c[3], c[4]]), [
      ['arbeitslose-frauen', '2015', 3500, ''],
      ['arbeitslose-frauen', '2016', 3400, ''],
      ['arbeitslosenquote-auslaender', '2015', 15.3, ''],
      ['arbeitslosenquote-auslaender', '2016', null, 'x'],
    ]);
    // A subgroup over categories stays in every id ("Frauen" over age groups, "Ausländer" over sex words); a heading
    // that names a breakdown over one category is a one-category breakdown.
    const deeper = importGenesisTable(
      synthetic(
        'Arbeitslose nach Personengruppen',
        ';;2016;2016;2016;2016;2015;2016',
        ';;Arbeitslose;Arbeitslose;Arbeitslosenquote;Arbeitslosenquote;Erwerbslose;Erwerbslose',
        ';;Frauen;Frauen;Ausländer;Ausländer;Nationalität;Nationalität',
        ';;unter 25 Jahre;55 Jahre und mehr;männlich;weiblich;Ausländer;Ausländer',
        ';;Anzahl;Anzahl;Prozent;Prozent;Anzahl;Anzahl',
        '15085;  Harz, Landkreis;400;900;15,3;16,0;1000;1100',
      ),
    );
    assert.equal(validateDocument(deeper.document).valid, true);
    assert.deepEqual(shape(deeper.document), [
      ['arbeitslose-frauen-unter-25-jahre', 'Arbeitslose: Frauen, unter 25 Jahre', 'Anzahl', 'count', []],
      ['arbeitslose-frauen-55-jahre-und-mehr', 'Arbeitslose: Frauen, 55 Jahre und mehr', 'Anzahl', 'count', []],
      ['arbeitslosenquote-auslaender', 'Arbeitslosenquote: Ausländer', '%', 'rate', ['geschlecht']],
      ['erwerbslose', 'Erwerbslose', 'Anzahl', 'count', ['nationalitaet']],
    ]);
    assert.deepEqual(deeper.document.dimensions?.map((d) => [d.id, d.categories.map((c) => c.id)]), [['geschlecht', ['maennlich', 'weiblich']], ['nationalitaet', ['auslaender']]]);
    // A higher sub-heading that differs between a measure's columns is kept too: "maennlich" alone would be all men.
    const nested = importGenesisTable(
      synthetic(
        'Arbeitslose nach Personengruppen',
        ';;2016;2016;2016;2016',
        ';;Arbeitslose;Arbeitslose;Arbeitslose;Arbeitslose',
        ';;Frauen;Frauen;Ausländer;Ausländer',
        ';;unter 25 Jahre;55 Jahre und mehr;männlich;weiblich',
        ';;Anzahl;Anzahl;Anzahl;Anzahl',
        '15085;  Harz, Landkreis;400;900;1000;1100',
      ),
    ).document;
    assert.deepEqual(nested.indicators.map((i) => [i.id, i.label]), [
      ['arbeitslose-frauen-unter-25-jahre', 'Arbeitslose: Frauen, unter 25 Jahre'],
      ['arbeitslose-frauen-55-jahre-und-mehr', 'Arbeitslose: Frauen, 55 Jahre und mehr'],
      ['arbeitslose-auslaender-maennlich', 'Arbeitslose: Ausländer, männlich'],
      ['arbeitslose-auslaender-weiblich', 'Arbeitslose: Ausländer, weiblich'],
    ]);
    assert.equal(deeper.summary.observationsWritten, 6);
  });

  it('synthetic: --unit and --kind fill what the table leaves open, never override a published unit', () => {
    const table = synthetic(
      'Arbeitslose und Arbeitslosenquoten - Jahresdurchschnitt -',
      ';;;Arbeitslose;Arbeitslosenquote;Wahlkampfdauer',
      ';;;Anzahl;Prozent;',
      '2016;15085;  Harz, Landkreis;7986;7,8;30',
    );
    assert.throws(
      () => importGenesisTable(table),
      (e: unknown) => e instanceof MissingMetadata && assert.deepEqual(e.flags.map((f) => [f.flag, f.indicators]), [['--unit', ['wahlkampfdauer']], ['--kind', ['wahlkampfdauer']]]) === undefined,
    );
    const doc = importGenesisTable(table, { indicator: { unit: 'Tage', kind: 'mean' } }).document;
    assert.deepEqual(doc.indicators.map((i) => [i.id, i.unit, i.kind]), [
      ['arbeitslose', 'Anzahl', 'count'],
      ['arbeitslosenquote', '%', 'rate'],
      ['wahlkampfdauer', 'Tage', 'mean'],
    ]);
    // Per indicator (a mapping, options.indicators) still decides.
    const own = importGenesisTable(table, { indicator: { unit: 'Tage', kind: 'mean' }, indicators: { arbeitslosenquote: { unit: 'Prozent', kind: 'share' } } }).document;
    assert.deepEqual(own.indicators[1]!.unit, 'Prozent');
    assert.deepEqual(own.indicators[1]!.kind, 'share');
  });

  it('synthetic: English exports (Total/male/female, number, "Population (number)")', () => {
    const doc = importGenesisTable(synthetic('Population (number)', ';;31.12.2015;31.12.2015;31.12.2015', ';;Total;male;female', '15085;  Harz, Landkreis;221366;108000;113366')).document;
    assert.equal(validateDocument(doc).valid, true);
    assert.deepEqual(shape(doc), [['population', 'Population', 'number', 'count', ['geschlecht']]]);
    assert.deepEqual(doc.dimensions![0]!.categories.map((c) => c.id), ['total', 'male', 'female']);
    assert.equal(doc.dimensions![0]!.total, 'total');
    const units = importGenesisTable(synthetic('Unemployment', ';;;Unemployed;Unemployment rate;Average age', ';;;number;percent;years', '2016;15085;  Harz, Landkreis;7986;7,8;48,2')).document;
    assert.deepEqual(units.indicators.map((i) => [i.unit, i.kind]), [['number', 'count'], ['%', 'rate'], ['years', 'mean']]);
  });

  it('synthetic: kinds: "je"/"pro"/"Quote" in % is a rate; a median is asked for', () => {
    const doc = importGenesisTable(synthetic('Test - Jahressumme -', ';;;Fortzüge je 1000 Einwohner;Anteil Ausländer;Medianalter;Medianeinkommen', ';;;Prozent;Prozent;Jahre;EUR', '2016;15085;  Harz, Landkreis;1,5;4,0;48,2;2500'), { indicator: { kind: 'index' } }).document;
    assert.deepEqual(doc.indicators.map((i) => [i.id, i.kind]), [['fortzuege', 'rate'], ['anteil-auslaender', 'share'], ['medianalter', 'index'], ['medianeinkommen', 'index']]);
    assert.throws(
      () => importGenesisTable(synthetic('Test - Jahressumme -', ';;;Medianalter der Bevölkerung', ';;;Jahre', '2016;15085;  Harz, Landkreis;48,2')),
      (e: unknown) => e instanceof MissingMetadata && assert.deepEqual(e.flags.map((f) => f.flag), ['--kind']) === undefined,
    );
  });

  it('a mapping still decides: categories alone keep the detection, indicators and headerRows replace it', () => {
    const path = 'datenguide-genesapi-data/12411-01-01-4.csv';
    const renamed = importGenesisTable(fixture(path), { mapping: { categories: { geschlecht: { männlich: 'm', weiblich: 'w' } }, dimensionLabels: { geschlecht: { de: 'Geschlecht', en: 'Sex' } } } }).document;
    assert.deepEqual(renamed.dimensions![0]!.categories.map((c) => c.id), ['insgesamt', 'm', 'w']);
    assert.deepEqual(renamed.dimensions![0]!.label, { de: 'Geschlecht', en: 'Sex' });
    const mixed = { headerRows: ['label', 'label', 'unit'] as HeaderRole[], indicators: [{ id: 'alles', topic: 'Bildung' as const }] };
    assert.throws(() => importGenesisTable(fixture('datenguide-genesapi-data/13211-02-05-4_00.csv'), { mapping: mixed }), /indicator "alles" mixes units \(Anzahl, Prozent\)/);
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
