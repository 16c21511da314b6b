import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { KreisdossierInput } from '../../src/format/types.js';
import { validateDocument } from '../../src/format/validate.js';
import { addRatio } from '../compute.js';
import { run } from './run-cli.js';

/** Two official indicators as table 73111-01-01-4 publishes them (values synthetic, statuses as GENESIS uses them). */
const TAX: KreisdossierInput = {
  kreisdossier: '1.0',
  dataset: {
    id: 'steuern',
    title: 'Lohn- und Einkommensteuer (Test)',
    sources: [{ publisher: 'Statistische Ämter des Bundes und der Länder', table: '73111-01-01-4' }],
    license: { id: 'dl-de/by-2-0' },
    attribution: '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026',
    referenceDate: '2025-10-17',
  },
  regions: [
    { key: '15', name: 'Sachsen-Anhalt', level: 'Land' },
    { key: '15085', name: 'Harz', level: 'Kreis', parent: '15' },
    { key: '15086', name: 'Jerichower Land', level: 'Kreis', parent: '15' },
    { key: '15087', name: 'Mansfeld-Südharz', level: 'Kreis', parent: '15' },
  ],
  indicators: [
    { id: 'ekf002', label: 'Gesamtbetrag der Einkünfte', unit: 'Tsd. EUR', decimals: 0, topic: 'Soziale Lage', polarity: 'neutral', kind: 'count' },
    { id: 'lsnw01', label: 'Lohn- und Einkommensteuerpflichtige', unit: 'Anzahl', decimals: 0, topic: 'Soziale Lage', polarity: 'neutral', kind: 'count' },
  ],
  observations: [
    { indicator: 'ekf002', region: '15', period: '2021', value: 30000000 },
    { indicator: 'lsnw01', region: '15', period: '2021', value: 900000 },
    { indicator: 'ekf002', region: '15085', period: '2021', value: 3000001, status: 'p' },
    { indicator: 'lsnw01', region: '15085', period: '2021', value: 90000, status: 'p' },
    { indicator: 'ekf002', region: '15086', period: '2021', value: null, status: '.' },
    { indicator: 'lsnw01', region: '15086', period: '2021', value: 40000 },
    { indicator: 'ekf002', region: '15087', period: '2021', value: 100 },
    { indicator: 'lsnw01', region: '15087', period: '2021', value: 0 },
    // No partner: counted, not invented.
    { indicator: 'ekf002', region: '15', period: '2020', value: 29000000 },
  ],
};

describe('kreisdossier compute', () => {
  const doc = validateDocument(TAX);
  assert.ok(doc.valid);
  const spec = { id: 'einkuenfte-je-steuerpflichtigen', numerator: 'ekf002', denominator: 'lsnw01', factor: 1000, unit: 'EUR', label: 'Einkünfte je Steuerpflichtigen' };

  it('divides matching official values, keeps symbols, and marks the result as computed', () => {
    const result = addRatio(doc.document, spec);
    const computed = result.document.observations.filter((o) => o.indicator === spec.id);
    const at = (region: string) => computed.find((o) => o.region === region);
    assert.deepEqual(at('15'), { indicator: spec.id, region: '15', period: '2021', value: Math.round((30000000 * 1000) / 900000) });
    // Both inputs provisional ("p"): so is the ratio.
    assert.deepEqual(at('15085'), { indicator: spec.id, region: '15085', period: '2021', value: Math.round((3000001 * 1000) / 90000), status: 'p' });
    // A secret input stays secret; dividing by zero says nothing.
    assert.deepEqual(at('15086'), { indicator: spec.id, region: '15086', period: '2021', value: null, status: '.' });
    assert.deepEqual(at('15087'), { indicator: spec.id, region: '15087', period: '2021', value: null, status: 'x' });
    assert.equal(computed.length, 4);
    assert.deepEqual([result.computed, result.nulls, result.unmatched], [2, { '.': 1, x: 1 }, 1]);
    const indicator = result.document.indicators.at(-1)!;
    assert.deepEqual(indicator.computed, {
      from: ['ekf002', 'lsnw01'],
      formula: {
        de: 'Gesamtbetrag der Einkünfte (Tsd. EUR) × 1.000 ÷ Lohn- und Einkommensteuerpflichtige (Anzahl)',
        en: 'Gesamtbetrag der Einkünfte (Tsd. EUR) × 1,000 ÷ Lohn- und Einkommensteuerpflichtige (Anzahl)',
      },
    });
    assert.deepEqual([indicator.unit, indicator.kind, indicator.topic, indicator.decimals], ['EUR', 'rate', 'Soziale Lage', 0]);
    // The official observations are untouched.
    assert.deepEqual(result.document.observations.slice(0, TAX.observations.length), doc.document.observations);
    assert.ok(validateDocument(result.document).valid);
  });

  it('rounds in decimal, keeps provisional marks, and never rounds a real ratio to 0', () => {
    const small = structuredClone(doc.document);
    small.observations = [
      { indicator: 'ekf002', region: '15', period: '2021', value: 1005, status: 'p' },
      { indicator: 'lsnw01', region: '15', period: '2021', value: 1000, status: 'r' },
    ];
    const result = addRatio(small, { ...spec, factor: 1, decimals: 2 });
    // 1005 / 1000 = 1.005 → 1.01 (toFixed would give 1.00); provisional wins over corrected.
    assert.deepEqual(result.document.observations.at(-1), { indicator: spec.id, region: '15', period: '2021', value: 1.01, status: 'p' });
    // 1005 / 100 000 at 0 decimals would be 0 everywhere: refused, with the way out.
    const tiny = { ...small, observations: [small.observations[0]!, { ...small.observations[1]!, value: 100000 }] };
    assert.throws(() => addRatio(tiny, { ...spec, factor: 1 }), /would round to 0 at 0 decimals: pass --factor/);
  });

  it('refuses what it cannot divide honestly', () => {
    assert.throws(() => addRatio(doc.document, { ...spec, numerator: 'nope' }), /--numerator nope/);
    assert.throws(() => addRatio(doc.document, { ...spec, id: 'ekf002' }), /already has/);
    assert.throws(() => addRatio(doc.document, { ...spec, factor: 0 }), /--factor/);
  });

  it('runs as a command, writes a valid file and exports the note column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-compute-'));
    writeFileSync(join(dir, 'in.json'), JSON.stringify(TAX));
    const out = join(dir, 'out.json');
    const r = await run('compute', join(dir, 'in.json'), '--indicator', spec.id, '--numerator', 'ekf002', '--denominator', 'lsnw01', '--factor', '1000', '--unit', 'EUR', '-o', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Werte berechnet 2, fehlende Werte nach Zeichen: "." 1, "x" 1, ohne Gegenstück übersprungen 1/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(written.indicators.at(-1).computed.from, ['ekf002', 'lsnw01']);
    const csv = await run('export', 'csv', out);
    const lines = csv.out.trim().split('\n');
    assert.equal(lines[0], 'indicator,region,region_name,period,value,status,unit,note');
    assert.equal(lines[1], 'ekf002,15,Sachsen-Anhalt,2021,30000000,,Tsd. EUR,');
    assert.equal(lines.at(-1), `${spec.id},15087,Mansfeld-Südharz,2021,,x,EUR,berechnet aus: Gesamtbetrag der Einkünfte (Tsd. EUR) × 1.000 ÷ Lohn- und Einkommensteuerpflichtige (Anzahl)`);
    // Without computed indicators, the export keeps its seven columns.
    const plain = await run('export', 'csv', join(dir, 'in.json'));
    assert.equal(plain.out.split('\n')[0], 'indicator,region,region_name,period,value,status,unit');
    const missing = await run('compute', join(dir, 'in.json'), '--indicator', spec.id, '-o', out);
    assert.equal(missing.code, 2);
    // German thousands ("1.000", "1 000") are 1000; "0.001" is a thousandth, not 1.
    for (const [factor, value] of [['1.000', 33333.333], ['1 000', 33333.333], ['0.001', 0.033]] as const) {
      const r = await run('compute', join(dir, 'in.json'), '--indicator', spec.id, '--numerator', 'ekf002', '--denominator', 'lsnw01', '--factor', factor, '--decimals', '3', '--unit', 'EUR', '-o', out);
      assert.equal(r.code, 0, r.err);
      const written = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(written.observations.find((o: { indicator: string; region: string }) => o.indicator === spec.id && o.region === '15').value, value, factor);
    }
  });
});
