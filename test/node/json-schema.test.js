// The shipped JSON Schema is generated from the valibot schema: it must be in
// sync with the committed copy and agree with the validator on real documents.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import * as formatSchema from '../../build/format/schema.js';
import { validateDocument } from '../../build/format/validate.js';
import { buildJsonSchema } from '../../scripts/json-schema.js';

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
const committed = read('schema/kreisdossier-1.schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const validateWithJsonSchema = ajv.compile(committed);

test('committed JSON Schema equals the one generated from the valibot schema', () => {
  assert.deepEqual(buildJsonSchema(formatSchema), committed, 'run `npm run build` and commit schema/');
});

test('dist ships the same JSON Schema', () => {
  assert.deepEqual(read('dist/kreisdossier.schema.json'), committed);
});

for (const name of ['bevoelkerung-harz', 'arbeitslosenquote-sachsen-anhalt']) {
  test(`JSON Schema and validator accept examples/${name}.json`, () => {
    const doc = read(`examples/${name}.json`);
    assert.equal(validateWithJsonSchema(doc), true, JSON.stringify(validateWithJsonSchema.errors));
    assert.deepEqual(validateDocument(doc).problems, []);
  });
}

const mutants = {
  'wrong type': (d) => (d.indicators[0].decimals = '0'),
  'missing attribution': (d) => delete d.dataset.attribution,
  'null without status': (d) => {
    d.observations[5].value = null;
    delete d.observations[5].status;
  },
  'unknown property': (d) => (d.regions[0].einwohner = 1),
  'bad region key': (d) => (d.regions[1].key = '1508'),
  'javascript: link': (d) => (d.dataset.sources[0].url = 'javascript:alert(1)'),
  'unknown topic': (d) => (d.indicators[0].topic = 'Sport'),
  'empty title': (d) => (d.dataset.title = '   '),
  'format 2.0': (d) => (d.kreisdossier = '2.0'),
};

for (const [name, mutate] of Object.entries(mutants)) {
  test(`JSON Schema and validator both reject: ${name}`, () => {
    const doc = read('examples/bevoelkerung-harz.json');
    mutate(doc);
    assert.equal(validateWithJsonSchema(doc), false, 'JSON Schema should reject');
    const result = validateDocument(doc);
    assert.equal(result.valid, false, 'validator should reject');
    assert.ok(result.problems.every((p) => p.path.startsWith('$') && p.message.de && p.message.en));
  });
}
