import { expect } from '@open-wc/testing';
import { parseDocument, validateDocument } from '../../src/format/validate.js';
import type { Problem } from '../../src/format/problem.js';
import { loadLocale } from '../../src/i18n/locale.js';
import { example } from '../fixtures/load-example.js';

// English reasons are read below; the catalogue loads on demand.
before(() => loadLocale('en'));

/** Mutates a copy of the example and returns the problems found. */
async function problemsAfter(mutate: (doc: any) => void): Promise<Problem[]> {
  const doc = await example();
  mutate(doc);
  const result = validateDocument(doc);
  expect(result.valid, 'document should be rejected').to.equal(false);
  return result.problems;
}

function expectProblem(problems: Problem[], path: string, code: string): Problem {
  const found = problems.find((p) => p.path === path && p.code === code);
  expect(found, `expected ${code} at ${path}, got ${JSON.stringify(problems.map((p) => `${p.path} ${p.code}`))}`).to.exist;
  expect(found!.message.de).to.be.a('string').and.not.empty;
  expect(found!.message.en).to.be.a('string').and.not.empty;
  expect(found!.message.en, 'English reason is translated').to.not.equal(found!.message.de);
  return found!;
}

describe('format validator', () => {
  it('accepts both committed examples', async () => {
    for (const name of ['bevoelkerung-harz', 'arbeitslosenquote-sachsen-anhalt']) {
      const result = validateDocument(await example(name));
      expect(result.problems, name).to.deep.equal([]);
      expect(result.valid).to.equal(true);
    }
  });

  it('keeps official values and status symbols unchanged', async () => {
    const result = validateDocument(await example());
    if (!result.valid) throw new Error('example invalid');
    const harz2015 = result.document.observations.find(
      (o) => o.region === '15085' && o.period === '2015-12-31' && o.breakdown?.geschlecht === 'insgesamt',
    );
    expect(harz2015?.value).to.equal(221366);
    const harz1995 = result.document.observations.find((o) => o.region === '15085' && o.period === '1995-12-31');
    expect(harz1995).to.include({ value: null, status: '.' });
  });

  it('reports a wrong type with its path', async () => {
    const problems = await problemsAfter((d) => (d.indicators[0].decimals = '0'));
    const p = expectProblem(problems, '$.indicators[0].decimals', 'wrong-type');
    expect(p.message.de).to.equal('Erwartet wird eine Zahl, gefunden wurde ein Text.');
    expect(p.message.en).to.equal('Expected a number, found a text.');
  });

  it('reports a missing attribution', async () => {
    const problems = await problemsAfter((d) => delete d.dataset.attribution);
    const p = expectProblem(problems, '$.dataset.attribution', 'missing');
    expect(p.message.de).to.contain('„attribution“');
  });

  it('rejects a null without its status symbol', async () => {
    const problems = await problemsAfter((d) => {
      d.observations[30].value = null;
      delete d.observations[30].status;
    });
    expectProblem(problems, '$.observations[30].status', 'null-without-status');
  });

  it('reports every problem at once, not just the first', async () => {
    const problems = await problemsAfter((d) => {
      d.dataset.title = 5;
      delete d.dataset.license;
      d.regions[0].level = 'Bezirk';
      d.observations[2].value = 'viel';
      d.extra = true;
    });
    expectProblem(problems, '$.dataset.title', 'localized-text');
    expectProblem(problems, '$.dataset.license', 'missing');
    expectProblem(problems, '$.regions[0].level', 'one-of');
    expectProblem(problems, '$.observations[2].value', 'wrong-type');
    expectProblem(problems, '$.extra', 'unknown-property');
  });

  it('explains the object form of a localized text', async () => {
    const problems = await problemsAfter((d) => (d.dataset.title = { de: 'Titel', fr: 'Titre' }));
    expectProblem(problems, '$.dataset.title.fr', 'unknown-property');
  });

  it('checks keys, periods, dates and links', async () => {
    const problems = await problemsAfter((d) => {
      d.regions[1].key = '1508';
      d.observations[0].period = '31.12.1995';
      d.dataset.referenceDate = '10.10.2017';
      d.dataset.sources[0].url = 'javascript:alert(1)';
      d.dataset.id = 'mit leerzeichen';
      d.indicators[0].decimals = 9;
    });
    expectProblem(problems, '$.regions[1].key', 'region-key');
    expectProblem(problems, '$.observations[0].period', 'period');
    expectProblem(problems, '$.dataset.referenceDate', 'date');
    expectProblem(problems, '$.dataset.sources[0].url', 'http-url');
    expectProblem(problems, '$.dataset.id', 'identifier');
    expectProblem(problems, '$.indicators[0].decimals', 'max-value');
  });

  it('rejects NaN and Infinity given as a JavaScript object', async () => {
    const problems = await problemsAfter((d) => {
      d.observations[20].value = Number.NaN;
      d.observations[21].value = Number.POSITIVE_INFINITY;
    });
    expectProblem(problems, '$.observations[20].value', 'finite');
    expectProblem(problems, '$.observations[21].value', 'finite');
  });

  it('rejects an unknown major format version', async () => {
    const problems = await problemsAfter((d) => (d.kreisdossier = '2.0'));
    expectProblem(problems, '$.kreisdossier', 'format-version');
  });

  describe('rules beyond the schema', () => {
    it('finds references to unknown indicators, regions, dimensions and categories', async () => {
      const problems = await problemsAfter((d) => {
        d.observations[0].indicator = 'einwohner';
        d.observations[1].region = '15086';
        d.observations[2].breakdown = { geschlecht: 'divers' };
        d.observations[3].breakdown = {};
        d.indicators[0].dimensions = ['geschlecht', 'alter'];
        d.dossier.topics[0].sections[0].indicators = ['fehlt'];
      });
      expectProblem(problems, '$.observations[0].indicator', 'unknown-indicator');
      expectProblem(problems, '$.observations[1].region', 'unknown-region');
      expectProblem(problems, '$.observations[2].breakdown.geschlecht', 'unknown-category');
      expectProblem(problems, '$.observations[3].breakdown', 'breakdown-mismatch');
      expectProblem(problems, '$.indicators[0].dimensions[1]', 'unknown-dimension');
      expectProblem(problems, '$.dossier.topics[0].sections[0].indicators[0]', 'unknown-indicator');
    });

    it('checks status symbols against the official legend and the file’s own', async () => {
      const problems = await problemsAfter((d) => {
        d.observations[10].status = 'q';
        d.observations[11].status = '.'; // has a value: '.' replaces values
        d.observations[63].status = 'p'; // Harz 1995 is null ('.'): 'p' explains nothing
      });
      expectProblem(problems, '$.observations[10].status', 'unknown-status');
      expectProblem(problems, '$.observations[11].value', 'status-replaces-value');
      expectProblem(problems, '$.observations[63].status', 'status-does-not-explain-null');

      const doc = await example();
      (doc.observations[10] as any).status = 'leer';
      doc.statusSymbols = { leer: { label: { de: 'in der Quelle leer', en: 'empty in the source' }, replacesValue: false } };
      expect(validateDocument(doc).problems).to.deep.equal([]);
    });

    it('accepts every official GENESIS symbol in its place', async () => {
      const doc = await example();
      const replacing = ['-', '.', '...', 'x', '/'];
      const qualifying = ['()', 'p', 'r', 's', 'e', '|'];
      replacing.forEach((s, i) => Object.assign(doc.observations[i + 30]!, { value: null, status: s }));
      qualifying.forEach((s, i) => Object.assign(doc.observations[i + 40]!, { status: s }));
      expect(validateDocument(doc).problems).to.deep.equal([]);
    });

    it('finds duplicates', async () => {
      const problems = await problemsAfter((d) => {
        d.observations.push({ ...d.observations[5] });
        d.regions.push({ ...d.regions[0] });
      });
      expectProblem(problems, `$.observations[${126}]`, 'duplicate-observation');
      expectProblem(problems, '$.regions[2].key', 'duplicate-key');
    });

    it('checks that keys fit their level and that dates exist', async () => {
      const problems = await problemsAfter((d) => {
        d.regions[1].level = 'Gemeinde';
        d.observations[5].period = '2015-02-30';
        d.dataset.referenceDate = '2017-02-29';
      });
      expectProblem(problems, '$.regions[1].key', 'level-key-mismatch');
      expectProblem(problems, '$.observations[5].period', 'invalid-date');
      expectProblem(problems, '$.dataset.referenceDate', 'invalid-date');
    });
  });

  it('reports JSON syntax errors at $', () => {
    const result = parseDocument('{"kreisdossier": "1.0", ');
    expect(result.valid).to.equal(false);
    expect(result.problems[0]).to.include({ path: '$', code: 'json-syntax' });
  });
});
