// validateDocumentInSlices (used when the browser loads a file) must judge exactly as validateDocument.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OBSERVATION_SLICE, validateDocument, validateDocumentInSlices } from '../../build/node/src/format/validate.js';

const pause = () => new Promise((resolve) => setImmediate(resolve));

function bigDocument(n) {
  const regions = [{ key: '15085', name: 'Harz', level: 'Kreis' }];
  const observations = Array.from({ length: n }, (_, i) => ({
    indicator: 'x',
    region: '15085',
    period: `${1000 + i}`,
    value: i,
  }));
  return {
    kreisdossier: '1.0',
    dataset: { id: 'd', title: 'D', sources: [{ publisher: 'P' }], license: { id: 'CC0-1.0' }, attribution: 'A', referenceDate: '2024-01-01' },
    regions,
    indicators: [{ id: 'x', label: 'X', unit: 'Anzahl', decimals: 0, topic: 'Bevölkerung', polarity: 'neutral', kind: 'count' }],
    observations,
  };
}

const summary = (result) => ({ valid: result.valid, problems: result.problems.map((p) => `${p.path} ${p.code}`) });

test('a valid file of several slices gives the same document', async () => {
  const doc = bigDocument(OBSERVATION_SLICE * 2 + 17);
  const sliced = await validateDocumentInSlices(doc, pause);
  assert.deepEqual(sliced, validateDocument(doc));
  assert.equal(sliced.valid, true);
});

test('problems in any slice carry the index in the file, as validateDocument reports them', async () => {
  const doc = bigDocument(OBSERVATION_SLICE * 2 + 17);
  const last = doc.observations.length - 1;
  doc.observations[3].period = 'gestern';
  doc.observations[OBSERVATION_SLICE + 5].value = null; // null without status
  doc.observations[last].extra = 1; // unknown property
  doc.dataset.attribution = ''; // outside the observations
  const sliced = summary(await validateDocumentInSlices(doc, pause));
  assert.deepEqual(sliced, summary(validateDocument(doc)));
  assert.deepEqual(sliced.problems.sort(), [
    '$.dataset.attribution empty-text',
    '$.observations[3].period period',
    `$.observations[${OBSERVATION_SLICE + 5}].status null-without-status`,
    `$.observations[${last}].extra unknown-property`,
  ].sort());
});

test('rule problems (duplicates across slices) are found too', async () => {
  const doc = bigDocument(OBSERVATION_SLICE + 10);
  doc.observations[OBSERVATION_SLICE + 1].period = doc.observations[1].period;
  assert.deepEqual(summary(await validateDocumentInSlices(doc, pause)), summary(validateDocument(doc)));
  assert.equal((await validateDocumentInSlices(doc, pause)).problems[0].code, 'duplicate-observation');
});
