import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validateDocument } from '../../src/format/validate.js';
import type { KreisdossierInput, Observation } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { MissingMetadata } from '../missing-metadata.js';
import { detectFfcsvLayout, importFfcsv, importFfcsvStream, type FfcsvOptions } from '../ffcsv/ffcsv.js';
import type { ImportResult } from '../types.js';

// Compiled to build/node/data-adapters/test/; fixtures stay in the source tree.
const fixture = (path: string) => readFileSync(new URL(`../../../../data-adapters/fixtures/formats/genesis-ffcsv/${path}`, import.meta.url));
// Synthetic (made-up numbers), written from Destatis' description of the old flat file layout.
const legacyFixture = () => readFileSync(new URL('../../../../data-adapters/test/fixtures-synthetic/ffcsv-old-layout.csv', import.meta.url));

const POPULATION = '12411-01-01-4_1773175772751_de_flat.csv';
const GEMEINDEN = '11111-02-01-4_1773174974558_de_flat.csv';
const MIKROZENSUS = '12211-0001_1773174920289_de_flat.csv';
const ATLAS = 'AI-N-01-2-5_1773175147935_de_flat.excerpt-land15.csv';

const BASE: FfcsvOptions = {
  dataset: { attribution: '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', referenceDate: '2025-03-31' },
  indicator: { topic: 'Bevölkerung' },
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);
const streamOf = (bytes: Uint8Array, chunk = 997) =>
  Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield Buffer.from(bytes.subarray(i, i + chunk));
  })());

const find = (doc: KreisdossierInput, indicator: string, region: string, breakdown?: Record<string, string>): Observation => {
  const found = doc.observations.filter(
    (o) => o.indicator === indicator && o.region === region && JSON.stringify(o.breakdown ?? {}) === JSON.stringify(breakdown ?? {}),
  );
  assert.equal(found.length, 1, `${indicator} ${region} ${JSON.stringify(breakdown)}`);
  return found[0]!;
};

/** Valid, and every row accounted for: each row not skipped gives one observation per value column. */
const assertValid = (result: ImportResult, valuesPerRow = 1) => {
  const checked = validateDocument(result.document);
  assert.deepEqual(checked.problems, []);
  const { rowsRead, observationsWritten, skipped } = result.summary;
  assert.equal(observationsWritten, (rowsRead - skipped.reduce((n, s) => n + s.count, 0)) * valuesPerRow);
};

const isAdapterError = (line?: number, message?: RegExp) => (e: unknown) =>
  e instanceof AdapterError && (line === undefined || e.line === line) && (message === undefined || message.test(e.message));

describe('ffcsv layouts', () => {
  it('tells the 2024 and the legacy header apart', () => {
    assert.equal(detectFfcsvLayout(text(fixture(POPULATION)).split('\n')[0]!.split(';')), 'ffcsv-2024');
    assert.equal(detectFfcsvLayout(text(legacyFixture()).split('\n')[0]!.split(';')), 'ffcsv-legacy');
  });

  it('refuses other headers on line 1', () => {
    assert.throws(() => detectFfcsvLayout(['Jahr', 'AGS', 'Wert']), isAdapterError(1, /unknown layout/));
    const comma = text(fixture(POPULATION)).split('\n')[0]!.replaceAll(';', ',');
    assert.throws(() => detectFfcsvLayout([comma]), isAdapterError(1, /wrong delimiter/));
    assert.throws(() => detectFfcsvLayout(['statistics_code', 'statistics_label', 'time_code', 'time_label', 'time', '1_variable_code', 'value']), isAdapterError(1));
  });
});

describe('ffcsv 2024 layout, real files', () => {
  it('12411-01-01-4: population by Kreis and sex on 31.12.2024', () => {
    const result = importFfcsv(fixture(POPULATION), { ...BASE, tableCode: '12411-01-01-4' });
    assertValid(result);
    const doc = result.document;
    const harz = (sex: string) => find(doc, 'bevstd', '15085', { geschlecht: sex });
    assert.deepEqual(harz('insgesamt'), { indicator: 'bevstd', region: '15085', period: '2024-12-31', breakdown: { geschlecht: 'insgesamt' }, value: 205484 });
    assert.equal(harz('maennlich').value, 100159);
    assert.equal(harz('weiblich').value, 105325);
    // Eisenach was merged into the Wartburgkreis in 2021: '-' in every cell.
    for (const sex of ['insgesamt', 'maennlich', 'weiblich']) {
      const o = find(doc, 'bevstd', '16056', { geschlecht: sex });
      assert.equal(o.value, null);
      assert.equal(o.status, '-');
    }
    assert.equal(find(doc, 'bevstd', '16063', { geschlecht: 'insgesamt' }).value, 154957);
    assert.deepEqual(doc.regions.find((r) => r.key === '15085'), { key: '15085', name: 'Harz, Landkreis', level: 'Kreis', parent: '15' });
    assert.deepEqual(doc.indicators, [
      { id: 'bevstd', label: 'Bevölkerungsstand', unit: 'Anzahl', topic: 'Bevölkerung', polarity: 'neutral', kind: 'count', decimals: 0, dimensions: ['geschlecht'] },
    ]);
    assert.deepEqual(doc.dimensions, [
      {
        id: 'geschlecht',
        label: 'Geschlecht',
        categories: [
          { id: 'weiblich', label: 'weiblich' },
          { id: 'maennlich', label: 'männlich' },
          { id: 'insgesamt', label: 'Insgesamt' },
        ],
        total: 'insgesamt',
      },
    ]);
    assert.equal(doc.regions.length, 489);
    assert.deepEqual(result.summary, { rowsRead: 1467, observationsWritten: 1467, nullsByStatus: { '-': 222 }, skipped: [] });
    assert.deepEqual(doc.dataset.sources, [
      {
        publisher: 'Statistische Ämter des Bundes und der Länder',
        table: '12411-01-01-4',
        url: 'https://www.regionalstatistik.de/genesis/online?operation=table&code=12411-01-01-4',
      },
    ]);
    assert.equal(doc.dataset.license.id, 'dl-de/by-2-0');
    assert.equal(doc.dataset.attribution, BASE.dataset!.attribution);
  });

  it('11111-02-01-4: number of Gemeinden per Kreis', () => {
    const result = importFfcsv(fixture(GEMEINDEN), { ...BASE, tableCode: '11111-02-01-4' });
    assertValid(result);
    const doc = result.document;
    assert.deepEqual(find(doc, 'gem001', '15085'), { indicator: 'gem001', region: '15085', period: '2024-12-31', value: 20 });
    assert.deepEqual(find(doc, 'gem001', '16063'), { indicator: 'gem001', region: '16063', period: '2024-12-31', value: 30 });
    assert.deepEqual(find(doc, 'gem001', '16056'), { indicator: 'gem001', region: '16056', period: '2024-12-31', value: null, status: '-' });
    // Aachen and the Berlin Bezirke come with 8-digit keys in the Kreis list.
    assert.deepEqual(find(doc, 'gem001', '05334002'), { indicator: 'gem001', region: '05334002', period: '2024-12-31', value: null, status: '.' });
    assert.equal(doc.dimensions, undefined);
    assert.equal(doc.indicators[0]!.label, 'Zahl der Gemeinden');
    assert.deepEqual(result.summary, { rowsRead: 489, observationsWritten: 489, nullsByStatus: { '-': 76, '.': 15 }, skipped: [] });
  });

  it('12211-0001: Mikrozensus with three classifying variables, published by Destatis', () => {
    const result = importFfcsv(fixture(MIKROZENSUS), { ...BASE, tableCode: '12211-0001', indicator: { topic: 'Arbeitsmarkt und Wirtschaft', kind: 'count' } });
    assertValid(result);
    const doc = result.document;
    assert.deepEqual(doc.regions, [{ key: 'DG', name: 'Deutschland', level: 'Bund' }]);
    assert.deepEqual(find(doc, 'erw041', 'DG', { geschlecht: 'insgesamt', 'altersgruppen-u15-75m': '15-bis-unter-20-jahre' }).value, 1139);
    assert.deepEqual(find(doc, 'bev036', 'DG', { geschlecht: 'insgesamt', 'altersgruppen-u15-75m': '15-bis-unter-20-jahre' }).value, 3951);
    const locked = find(doc, 'erw041', 'DG', { geschlecht: 'maennlich', 'altersgruppen-u15-75m': 'unter-15-jahre' });
    assert.deepEqual([locked.value, locked.status], [null, 'x']);
    const unsure = find(doc, 'erw042', 'DG', { geschlecht: 'insgesamt', 'altersgruppen-u15-75m': '70-bis-unter-75-jahre' });
    assert.deepEqual([unsure.value, unsure.status], [null, '/']);
    assert.deepEqual(doc.indicators.map((i) => [i.id, i.label, i.unit]), [
      ['erw041', 'Erwerbstätige aus Hauptwohnsitzhaushalten', '1000'],
      ['erw040', 'Erwerbspersonen aus Hauptwohnsitzhaushalten', '1000'],
      ['bev036', 'Bevölkerung in Hauptwohnsitzhaushalten', '1000'],
      ['erw042', 'Erwerbslose aus Hauptwohnsitzhaushalten', '1000'],
      ['erw043', 'Nichterwerbspersonen aus Hauptwohnsitzhaushalten', '1000'],
    ]);
    assert.deepEqual(doc.dimensions!.map((d) => [d.id, d.label, d.total, d.categories.length]), [
      ['geschlecht', 'Geschlecht', 'insgesamt', 3],
      ['altersgruppen-u15-75m', 'Altersgruppen (u15-75m)', 'insgesamt', 15],
    ]);
    assert.equal(doc.dataset.sources[0]!.publisher, 'Statistisches Bundesamt (Destatis)');
    assert.deepEqual(result.summary.nullsByStatus, { x: 9, '/': 6 });
    assert.equal(result.summary.rowsRead, 225);
  });

  it('AI-N-01-2-5: Regionalatlas, Gemeinden of Sachsen-Anhalt, decimal comma', () => {
    const result = importFfcsv(fixture(ATLAS), {
      ...BASE,
      tableCode: 'AI-N-01-2-5',
      indicators: { ai0112: { kind: 'rate', topic: 'Strukturwandel' }, AI0111: { id: 'siedlungsflaeche-anteil', kind: 'share', topic: 'Strukturwandel' } },
    });
    assertValid(result);
    const doc = result.document;
    assert.deepEqual(find(doc, 'ai0112', '15087205'), { indicator: 'ai0112', region: '15087205', period: '2023', value: -0.3 });
    assert.deepEqual(find(doc, 'siedlungsflaeche-anteil', '15087205'), { indicator: 'siedlungsflaeche-anteil', region: '15087205', period: '2023', value: 45.7 });
    assert.deepEqual(find(doc, 'ai0112', '15086100'), { indicator: 'ai0112', region: '15086100', period: '2023', value: null, status: '-' });
    assert.deepEqual(doc.regions.find((r) => r.key === '15087205'), { key: '15087205', name: 'Helbra', level: 'Gemeinde', parent: '15087' });
    assert.deepEqual(doc.indicators.map((i) => [i.id, i.unit, i.decimals, i.kind]), [
      ['ai0112', 'Prozent', 1, 'rate'],
      ['siedlungsflaeche-anteil', 'Prozent', 1, 'share'],
    ]);
    assert.deepEqual(result.summary, { rowsRead: 2154, observationsWritten: 2154, nullsByStatus: { '-': 1718 }, skipped: [] });
  });

  it('streams to the same document, in small chunks', async () => {
    for (const file of [POPULATION, ATLAS]) {
      const options: FfcsvOptions = { ...BASE, indicator: { topic: 'Bevölkerung', kind: 'rate' } };
      const fromBytes = importFfcsv(fixture(file), options);
      const fromStream = await importFfcsvStream(streamOf(fixture(file), 61), options);
      assert.deepEqual(fromStream, fromBytes);
    }
  });
});

describe('ffcsv legacy layout (synthetic file)', () => {
  const options: FfcsvOptions = { ...BASE, indicators: { bev014: { kind: 'mean' } } };

  it('reads value and __q columns, skips the aggregate and the footer', () => {
    const result = importFfcsv(legacyFixture(), options);
    assertValid(result, 2);
    const doc = result.document;
    const at = (indicator: string, region: string, sex: string) => find(doc, indicator, region, { geschlecht: sex });
    assert.deepEqual(at('bevstd', '15085', 'insgesamt'), {
      indicator: 'bevstd', region: '15085', period: '2022-12-31', breakdown: { geschlecht: 'insgesamt' }, value: 111111, status: 'e',
    });
    assert.deepEqual([at('bevstd', '15085', 'maennlich').value, at('bevstd', '15085', 'maennlich').status], [55555, 'p']);
    assert.deepEqual([at('bev014', '15085', 'maennlich').value, at('bev014', '15085', 'maennlich').status], [48.1, '()']);
    assert.deepEqual([at('bev014', '15085', 'weiblich').value, at('bev014', '15085', 'weiblich').status], [51.5, 's']);
    assert.deepEqual([at('bevstd', '15085', 'weiblich').value, at('bevstd', '15085', 'weiblich').status], [55556, 'r']);
    assert.deepEqual([at('bev014', '15003', 'insgesamt').value, at('bev014', '15003', 'insgesamt').status], [44, undefined]);
    assert.deepEqual([at('bevstd', '15003', 'maennlich').value, at('bevstd', '15003', 'maennlich').status], [null, '.']);
    assert.deepEqual([at('bev014', '15003', 'maennlich').value, at('bev014', '15003', 'maennlich').status], [null, '/']);
    assert.deepEqual([at('bevstd', '15003', 'weiblich').value, at('bevstd', '15003', 'weiblich').status], [null, '...']);
    assert.deepEqual([at('bev014', '16056', 'insgesamt').value, at('bev014', '16056', 'insgesamt').status], [null, '-']);
    assert.deepEqual(doc.indicators.map((i) => [i.id, i.label, i.unit, i.decimals, i.kind]), [
      ['bevstd', 'Bevoelkerungsstand', 'Anzahl', 0, 'count'],
      ['bev014', 'Durchschnittsalter', 'Jahre', 1, 'mean'],
    ]);
    // GENESIS-Online's quality flags 'e' (endgültig) and 's' (geschätzt) are declared with their meaning.
    assert.deepEqual(doc.statusSymbols, {
      e: { label: { de: 'endgültige Zahl', en: 'final figure' }, replacesValue: false },
      s: { label: { de: 'geschätzte Zahl', en: 'estimated figure' }, replacesValue: false },
    });
    assert.equal(doc.dataset.title, 'Synthetische Testdatei (keine amtlichen Zahlen)');
    const ext = doc.dataset.extensions!['genesisFfcsv'] as Record<string, unknown>;
    assert.deepEqual(ext['qualityFlagsBesideMissingValues'], { e: 1 });
    assert.equal((ext['footer'] as string[]).length, 1);
    assert.deepEqual(result.summary, {
      rowsRead: 10,
      observationsWritten: 14,
      nullsByStatus: { '.': 1, '/': 1, '...': 1, x: 1, '-': 2 },
      skipped: [
        { reason: MESSAGES['cli.skip.no-official-key'](), count: 1, firstLine: 9 },
        { reason: MESSAGES['cli.skip.footer'](), count: 2, firstLine: 10 },
      ],
    });
  });

  it('reads a Windows-1252 copy the same way, from bytes and from a stream', async () => {
    const latin1 = Buffer.from(text(legacyFixture()), 'latin1');
    const utf8 = importFfcsv(legacyFixture(), options);
    const fromBytes = importFfcsv(latin1, options);
    const fromStream = await importFfcsvStream(streamOf(latin1, 300), options);
    assert.equal(fromBytes.document.regions[1]!.name, 'Magdeburg, kreisfreie Stadt');
    assert.deepEqual(fromBytes.document.dimensions, utf8.document.dimensions);
    assert.deepEqual(fromStream.document.observations, utf8.document.observations);
    assert.equal((fromStream.document.dataset.extensions!['genesisFfcsv'] as { encoding: string }).encoding, 'windows-1252');
  });

  it('takes attribution and Stand from a footer when options give none', () => {
    const withFooter = `${text(legacyFixture())}© Statistische Ämter des Bundes und der Länder, Deutschland, 2023.\nStand: 14.03.2023\n`;
    const result = importFfcsv(bytesOf(withFooter), { indicator: { topic: 'Bevölkerung' }, indicators: { bev014: { kind: 'mean' } } });
    assert.equal(result.document.dataset.attribution, '© Statistische Ämter des Bundes und der Länder, Deutschland, 2023');
    assert.equal(result.document.dataset.referenceDate, '2023-03-14');
  });
});

describe('ffcsv quality column (value_q) and odd rows', () => {
  const head = 'statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q\n';
  const row = (key: string, value: string, q: string) => `12411;Bevölkerung;JAHR;Jahr;2024;KREISE;Kreise;${key};Kreis ${key};${value};Anzahl;BEVSTD;Bevölkerungsstand;${q}\n`;

  it('carries flags through and declares what the kreisdossier legend lacks', () => {
    const file = head + row('15085', '205484', 'e') + row('15086', '1234', 'p') + '\n' + row('15087', '', '.') + row('15088', '', '') + row('15089', '-', '-');
    const result = importFfcsv(bytesOf(file), BASE);
    assertValid(result);
    assert.deepEqual(
      result.document.observations.map((o) => [o.region, o.value, o.status]),
      [['15085', 205484, 'e'], ['15086', 1234, 'p'], ['15087', null, '.'], ['15088', null, 'leer'], ['15089', null, '-']],
    );
    assert.deepEqual(Object.keys(result.document.statusSymbols!), ['e', 'leer']);
    assert.deepEqual(result.summary.skipped, [{ reason: MESSAGES['cli.skip.empty-line'](), count: 1, firstLine: 4 }]);
  });

  it('reads English downloads with decimalSeparator "." and CRLF line ends', () => {
    const file = (head + row('15085', '12.5', '') + row('15086', '-0.25', 'p')).replaceAll('\n', '\r\n');
    const result = importFfcsv(bytesOf(file), { ...BASE, decimalSeparator: '.', indicator: { topic: 'Bevölkerung', kind: 'rate' } });
    assert.deepEqual(result.document.observations.map((o) => [o.value, o.status]), [[12.5, undefined], [-0.25, 'p']]);
    assert.equal(result.document.indicators[0]!.decimals, 2);
    assert.throws(() => importFfcsv(bytesOf(head + row('15085', '12.5', '')), BASE), isAdapterError(2, /decimalSeparator/));
  });

  it('finds the regional variable by its keys, or by the regionVariable option', () => {
    const other = (head + row('15085', '1', '')).replace(';KREISE;', ';KRS;');
    assert.equal(importFfcsv(bytesOf(other), BASE).document.regions[0]!.key, '15085');
    const named = (head + row('1', '1', '') + row('2', '2', '')).replaceAll(';KREISE;', ';BEZIRK;').replace(';1;Kreis 1;', ';11001;Mitte;').replace(';2;Kreis 2;', ';11002;Friedrichshain;');
    assert.deepEqual(importFfcsv(bytesOf(named), { ...BASE, regionVariable: 'BEZIRK' }).document.regions.map((r) => r.name), ['Mitte', 'Friedrichshain']);
    const none = (head + row('A1', '1', '')).replace(';KREISE;', ';ABC;');
    assert.throws(() => importFfcsv(bytesOf(none), BASE), isAdapterError(2, /regionVariable/));
  });

  it('refuses unknown or contradicting flags, with the line', () => {
    assert.throws(() => importFfcsv(bytesOf(head + row('15085', '1', '') + row('15086', '2', 'v')), BASE), isAdapterError(3, /unknown quality flag "v"/));
    assert.throws(() => importFfcsv(bytesOf(head + row('15085', '12', '-')), BASE), isAdapterError(2, /contradicts/));
    assert.throws(() => importFfcsv(bytesOf(head + row('15085', '(12)', 'p')), BASE), isAdapterError(2, /contradicts/));
  });
});

describe('ffcsv errors', () => {
  const population = () => text(fixture(POPULATION));

  it('refuses a comma-delimited file on line 1', async () => {
    const comma = bytesOf(population().replaceAll(';', ','));
    assert.throws(() => importFfcsv(comma, BASE), isAdapterError(1, /unknown layout/));
    await assert.rejects(importFfcsvStream(streamOf(comma), BASE), isAdapterError(1, /unknown layout/));
  });

  it('refuses a file cut off inside a line, with that line', async () => {
    const all = population();
    const cut = all.slice(0, all.indexOf('\n', 50_000) + 40);
    const line = cut.split('\n').length;
    assert.throws(() => importFfcsv(bytesOf(cut), BASE), isAdapterError(line, /fields/));
    await assert.rejects(importFfcsvStream(streamOf(bytesOf(cut)), BASE), isAdapterError(line, /fields/));
    // Cut inside the last field: the cell count is right, the missing line end gives it away.
    const inLabel = all.slice(0, all.lastIndexOf('\n', all.length - 2) + 1) + all.slice(all.lastIndexOf('\n', all.length - 2) + 1, -5);
    assert.throws(() => importFfcsv(bytesOf(inLabel), BASE), isAdapterError(1468, /truncated/));
    await assert.rejects(importFfcsvStream(streamOf(bytesOf(inLabel)), BASE), isAdapterError(1468, /truncated/));
  });

  it('refuses a value cell it cannot read, with its line', () => {
    const bad = population().replace(';205484;', ';205.484;');
    assert.throws(() => importFfcsv(bytesOf(bad), BASE), isAdapterError(1233, /"205\.484" is neither a number/));
  });

  it('asks for what the file cannot say, naming the flag', () => {
    const file = fixture(POPULATION);
    assert.throws(() => importFfcsv(file, { ...BASE, dataset: { referenceDate: '2025-03-31' } }), isAdapterError(undefined, /--attribution/));
    assert.throws(() => importFfcsv(file, { ...BASE, dataset: { attribution: 'x' } }), isAdapterError(undefined, /--reference-date/));
    // The Regionalatlas statistic 99910 names no theme: without --table (whose code and title would), --topic is asked for.
    assert.throws(() => importFfcsv(fixture(ATLAS), { dataset: BASE.dataset! }), isAdapterError(undefined, /--topic/));
    assert.deepEqual(importFfcsv(fixture(ATLAS), BASE).document.indicators.map((i) => [i.id, i.kind]).sort(), [['ai0111', 'share'], ['ai0112', 'rate']]);
  });

  it('takes the topic from the statistic code (EVAS subject area) and asks for everything else at once', () => {
    const file = fixture(POPULATION);
    // 12411 Fortschreibung des Bevölkerungsstandes → subject area 12 Bevölkerung: no --topic needed.
    assert.deepEqual(importFfcsv(file, { dataset: BASE.dataset! }).document.indicators.map((i) => i.topic), ['Bevölkerung']);
    // Nothing given: both dataset facts in one error, each with the flag and an example value.
    assert.throws(
      () => importFfcsv(file),
      (error: unknown) => {
        assert.ok(error instanceof MissingMetadata);
        assert.deepEqual(error.flags.map((f) => f.flag), ['--attribution', '--reference-date']);
        return true;
      },
    );
    // A statistic of an area that maps to no topic (99999 in the synthetic legacy file): --topic joins the list
    // ("Durchschnittsalter" in "Jahre" is a mean, so no --kind).
    assert.throws(
      () => importFfcsv(legacyFixture()),
      (error: unknown) => error instanceof MissingMetadata && error.flags.map((f) => f.flag).sort().join() === '--attribution,--reference-date,--topic',
    );
  });

  it('refuses empty, header-only and non-UTF-8 input where UTF-8 was asked for', () => {
    assert.throws(() => importFfcsv(new Uint8Array(), BASE), isAdapterError(1, /empty/));
    assert.throws(() => importFfcsv(bytesOf(population().split('\n')[0]! + '\n'), BASE), isAdapterError(1, /no data rows/));
    const latin1 = Buffer.from(text(legacyFixture()), 'latin1');
    assert.throws(() => importFfcsv(latin1, { ...BASE, encoding: 'utf-8' }), isAdapterError(2, /UTF-8/));
  });
});

describe('ffcsv properties', () => {
  const head = 'statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label;value_q';
  const SEXES = [['', 'Insgesamt', 'insgesamt'], ['GESM', 'männlich', 'maennlich'], ['GESW', 'weiblich', 'weiblich']] as const;
  const key = fc.oneof(fc.constant('DG'), ...[2, 3, 5, 8, 9].map((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))));
  const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[^;"\r\n]+$/.test(s) && s.trim() !== '');
  const number = fc
    .tuple(fc.boolean(), fc.nat(999_999_999), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
    .map(([negative, whole, fraction]) => {
      const published = `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `,${fraction}`}`;
      return { published, value: Number(published.replace(',', '.')) };
    });
  // A cell with its quality flag and what must come back.
  const cell = fc.oneof(
    fc.tuple(number, fc.constantFrom('', 'p', 'r', 's', 'e', '()')).map(([n, q]) => ({ published: n.published, q, value: n.value, status: q || undefined })),
    fc.tuple(fc.constantFrom('-', '.', '...', 'x', '/'), fc.boolean()).map(([s, flagged]) => ({ published: s, q: flagged ? s : '', value: null, status: s })),
    // Qualifiers written in the value cell itself.
    fc.constantFrom(
      { published: '7p', q: '', value: 7, status: 'p' },
      { published: '(7)', q: '', value: 7, status: '()' },
      { published: '(7,25)', q: '()', value: 7.25, status: '()' },
    ),
  );
  const rows = fc.array(fc.record({ key, name, sex: fc.constantFrom(...SEXES), year: fc.integer({ min: 1990, max: 2030 }), cell }), { minLength: 1, maxLength: 40 });

  it('gives back every published value and status exactly', () => {
    fc.assert(
      fc.property(rows, (generated) => {
        const lines = generated.map(
          (r) => `12411;Bevölkerung;JAHR;Jahr;${r.year};KREISE;Kreise;${r.key};${r.name};GES;Geschlecht;${r.sex[0]};${r.sex[1]};${r.cell.published};Anzahl;BEVSTD;Bevölkerungsstand;${r.cell.q}`,
        );
        const { document, summary } = importFfcsv(bytesOf(`${head}\n${lines.join('\n')}\n`), BASE);
        assert.equal(summary.rowsRead, generated.length);
        assert.equal(summary.observationsWritten, generated.length);
        generated.forEach((r, i) => {
          const o = document.observations[i]!;
          assert.equal(o.region, r.key);
          assert.equal(o.period, String(r.year));
          assert.deepEqual(o.breakdown, { geschlecht: r.sex[2] });
          assert.equal(o.value, r.cell.value);
          assert.equal(o.status, r.cell.status);
        });
        const first = new Map<string, string>();
        for (const r of generated) if (!first.has(r.key)) first.set(r.key, r.name.trim());
        assert.deepEqual(new Map(document.regions.map((x) => [x.key, x.name])), first);
      }),
      { numRuns: 200 },
    );
  });

  const crashFree = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      if (!(e instanceof AdapterError)) throw e;
    }
  };

  it('never crashes on garbage: a result or an AdapterError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => crashFree(() => importFfcsv(bytes, BASE))), { numRuns: 300 });
    // Garbage after a valid header reaches the row handling.
    const garbage = fc.string({ maxLength: 300, unit: fc.constantFrom(';', '\n', '\r', '"', '-', ',', '.', '1', '5', 'x', 'DG', 'ä', ' ', 'e') });
    fc.assert(fc.property(garbage, (tail) => crashFree(() => importFfcsv(bytesOf(`${head}\n${tail}`), BASE))), { numRuns: 500 });
  });

  it('never crashes on garbage while streaming', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          await importFfcsvStream(streamOf(bytes, 17), BASE);
        } catch (e) {
          if (!(e instanceof AdapterError)) throw e;
        }
      }),
      { numRuns: 100 },
    );
  });
});
