// Keeps the guides in docs/anleitungen/ (German) and docs/guides/ (English) true: both languages exist and link
// each other, every relative link resolves, HTML examples use only elements and attributes that exist, JSON
// documents pass the project's own validator (and the ones shown as wrong fail it), the Content-Security-Policy
// is exactly the tested one, and the step-by-step commands of the CLI guide and the format guide really run
// against committed fixtures and print what the guides say they print.
//
// Invisible markers in the guides, each on its own line right above a fenced code block:
//   <!-- file: NAME -->      the guide tells the reader to save this block as NAME (written before the next command)
//   <!-- invalid: CODE -->   a JSON document that is wrong on purpose and must fail validation with problem CODE
//   <!-- exit: N -->         the `npx kreisdossier` commands of this sh block exit with code N (default 0)
//   <!-- output -->          this text block is the exact output (stdout, then stderr) of the last command before it
//
// Needs `npm run build` (dist/ and build/node/). Runs the commands with `node bin/kreisdossier.js`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';
import { validateCatalogue } from '../../build/node/src/format/catalogue-validate.js';
import { validateDocument } from '../../build/node/src/format/validate.js';
import { loadLocale } from '../../build/node/src/i18n/locale.js';
import { MINIMAL_STRICT_CSP } from '../../demo/csp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/kreisdossier.js');
const DIRS = { de: 'docs/anleitungen', en: 'docs/guides' };
const LANGS = /** @type {const} */ (['de', 'en']);

/** Every guide, German and English file name; `run`: its commands are executed. */
const GUIDES = [
  { de: 'html.md', en: 'html.md' },
  { de: 'typo3.md', en: 'typo3.md' },
  { de: 'wordpress.md', en: 'wordpress.md' },
  { de: 'drupal.md', en: 'drupal.md' },
  { de: 'selbst-hosten.md', en: 'self-hosting.md' },
  { de: 'csp.md', en: 'csp.md', csp: true },
  { de: 'daten-cli.md', en: 'data-cli.md', run: true },
  { de: 'format-von-hand.md', en: 'format-by-hand.md', run: true },
];
const INDEX = 'README.md';

/**
 * What the CLI guide tells the reader to download, and the committed fixture that stands in for it.
 * The VG250 shapefile is made from a committed VG5000 fixture (see makeShapefile).
 */
const DOWNLOADS = {
  '12411-01-01-4.csv': 'data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4_00.csv',
  '12411-01-01-5.csv': 'data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-5_00.csv',
  '12411-01-01-4_flat.csv': 'data-adapters/fixtures/formats/genesis-ffcsv/12411-01-01-4_1773175772751_de_flat.csv',
  '13211-02-05-4.csv': 'data-adapters/fixtures/datenguide-genesapi-data/13211-02-05-4_00.csv',
};
const SHAPEFILE = ['VG250_GEM.shp', 'VG250_GEM.dbf', 'VG250_GEM.shx', 'VG250_GEM.prj', 'VG250_GEM.cpg'];

/** HTML attributes every element has; `style` is not among them (a strict CSP blocks style attributes). */
const GLOBAL_ATTRIBUTE = /^(id|class|slot|hidden|title|dir|aria-[a-z]+|data-[a-z0-9-]+)$/;

/** Attributes that load program code: never offered in a CMS allow-list for editors. */
const CODE_LOADING_ATTRIBUTES = new Set(['maplibre-url', 'worker-url']);

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const guidePath = (lang, file) => `${DIRS[lang]}/${file}`;

/** dist/ may be rebuilt while the tests run: a half-written file is read again. */
function readJson(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(read(path));
    } catch (error) {
      if (attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

// ---------------------------------------------------------------- Markdown

/**
 * A guide split into fenced code blocks (with the markers right above each) and the prose around them.
 * @returns {{ text: string, prose: string, blocks: Array<{ lang: string, code: string, line: number, markers: Record<string, string> }>, headings: string[] }}
 */
function parseMarkdown(text) {
  const lines = text.split('\n');
  const blocks = [];
  const proseLines = [];
  const headings = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (!fence) {
      proseLines.push(lines[i]);
      const heading = /^#{1,6}\s+(.*)$/.exec(lines[i]);
      if (heading) headings.push(heading[1]);
      continue;
    }
    const markers = {};
    for (let j = i - 1; j >= 0; j--) {
      const marker = /^<!--\s*([a-z]+)(?::\s*(.*?))?\s*-->$/.exec(lines[j]);
      if (!marker) break;
      assert.ok(!(marker[1] in markers), `duplicate marker ${marker[1]} above line ${i + 1}`);
      markers[marker[1]] = marker[2] ?? '';
    }
    const start = i;
    const code = [];
    for (i++; i < lines.length && lines[i] !== fence[1]; i++) code.push(lines[i]);
    assert.ok(i < lines.length, `unclosed code block at line ${start + 1}`);
    blocks.push({ lang: fence[2], code: code.join('\n'), line: start + 1, markers });
  }
  return { text, prose: proseLines.join('\n'), blocks, headings };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
function anchors(headings) {
  const seen = new Map();
  return headings.map((h) => {
    const base = h
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  });
}

/** Markdown links in prose (inline code removed first), as written. */
function links(prose) {
  const withoutCode = prose.replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

/** Repository path a relative link points to (no anchor), or null for web links. */
function target(fromFile, href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  const [path] = href.split('#');
  return path ? relative(ROOT, resolve(ROOT, dirname(fromFile), path)).replaceAll('\\', '/') : fromFile;
}

const guides = Object.fromEntries(
  LANGS.map((lang) => [lang, Object.fromEntries([INDEX, ...GUIDES.map((g) => g[lang])].map((f) => [f, existsSync(join(ROOT, guidePath(lang, f))) ? parseMarkdown(read(guidePath(lang, f))) : null]))]),
);

// ---------------------------------------------------------------- HTML and the manifest

function manifest() {
  const elements = new Map();
  for (const mod of readJson('dist/custom-elements.json').modules) {
    for (const d of mod.declarations ?? []) if (d.tagName) elements.set(d.tagName, new Set((d.attributes ?? []).map((a) => a.name)));
  }
  return elements;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/** Every start tag of a custom element (a name with a hyphen, no namespace) in an HTML snippet. */
function customElementTags(html) {
  const tags = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w.:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g)) {
    const name = m[1].toLowerCase();
    if (!name.includes('-') || name.includes(':')) continue;
    tags.push({ name, attributes: [...m[2].matchAll(ATTRIBUTE)].map((a) => a[1].toLowerCase()) });
  }
  return tags;
}

function inlineJson(html) {
  return [...html.matchAll(/<script\s+type="application\/json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

// ---------------------------------------------------------------- shell commands

/** Words of one command line: double quotes group, no shell operators (the guides must work in cmd and PowerShell too). */
function shellWords(line) {
  assert.doesNotMatch(line, /[|&;<>`$\\]/, `a guide command must not need a shell feature: ${line}`);
  const words = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2]);
  return words;
}

/** The executable steps of a guide, in document order: files to write, commands to run, outputs to compare. */
function steps(doc, file) {
  const out = [];
  for (const b of doc.blocks) {
    if ('file' in b.markers) out.push({ kind: 'file', name: b.markers.file, content: `${b.code}\n`, line: b.line });
    if (b.lang === 'sh') {
      for (const raw of b.code.split('\n')) {
        const line = raw.trim();
        if (!line || line.startsWith('#')) continue;
        assert.match(line, /^npx kreisdossier /, `${file}:${b.line}: sh blocks of an executed guide hold only kreisdossier commands: ${line}`);
        out.push({ kind: 'run', args: shellWords(line).slice(2), exit: Number(b.markers.exit ?? 0), line: b.line });
      }
    }
    if ('output' in b.markers) {
      assert.equal(b.lang, 'text', `${file}:${b.line}: an output block is a text block`);
      out.push({ kind: 'output', expected: b.code.trim(), line: b.line });
    }
  }
  return out;
}

function run(args, cwd, lang) {
  return new Promise((done) => {
    const env = { ...process.env, LANG: lang === 'en' ? 'en_US.UTF-8' : 'de_DE.UTF-8' };
    execFile(process.execPath, [BIN, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function outputOption(args) {
  const i = args.findIndex((a) => a === '-o' || a === '--output');
  return i >= 0 ? args[i + 1] : undefined;
}

/** A shapefile named and shaped like BKG's VG250_GEM (AGS/ARS/GEN attributes, UTM 32N), made from a committed VG5000 fixture. */
async function makeShapefile(dir) {
  const source = read('data-adapters/fixtures/geo/st-gemeinden-2021.topo.json');
  const files = await mapshaper.applyCommands(
    ['-i', 'in.json', '-each', 'AGS = ags; ARS = ars; GEN = name', '-filter-fields', 'AGS,ARS,GEN', '-proj', 'init=wgs84', 'EPSG:25832', '-o', 'VG250_GEM.shp'],
    { 'in.json': source },
  );
  assert.deepEqual(Object.keys(files).sort(), [...SHAPEFILE].sort());
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

// ---------------------------------------------------------------- tests

before(async () => {
  await loadLocale('en'); // validation problems are worded in both languages
});

describe('guides: files and links', () => {
  for (const g of GUIDES) {
    test(`${g.de} / ${g.en} exist in both languages and link each other at the top`, () => {
      for (const lang of LANGS) {
        const other = lang === 'de' ? 'en' : 'de';
        const doc = guides[lang][g[lang]];
        assert.ok(doc, `${guidePath(lang, g[lang])} is missing`);
        const top = doc.text.split('\n').filter((l) => l.trim()).slice(0, 3).join('\n');
        const counterpart = guidePath(other, g[other]);
        assert.ok(
          links(top).some((href) => target(guidePath(lang, g[lang]), href) === counterpart),
          `${guidePath(lang, g[lang])} must link ${counterpart} in its first lines`,
        );
      }
    });
  }

  test('each index page links every guide of its language and the other index', () => {
    for (const lang of LANGS) {
      const index = guides[lang][INDEX];
      assert.ok(index, `${guidePath(lang, INDEX)} is missing`);
      const targets = new Set(links(index.prose).map((href) => target(guidePath(lang, INDEX), href)));
      for (const g of GUIDES) assert.ok(targets.has(guidePath(lang, g[lang])), `${guidePath(lang, INDEX)} does not link ${g[lang]}`);
      assert.ok(targets.has(guidePath(lang === 'de' ? 'en' : 'de', INDEX)), `${guidePath(lang, INDEX)} does not link the other language`);
    }
  });

  test('every relative link and anchor in the guides resolves', (t) => {
    let checked = 0;
    for (const lang of LANGS) {
      for (const [file, doc] of Object.entries(guides[lang])) {
        const from = guidePath(lang, file);
        for (const href of links(doc.prose)) {
          const path = target(from, href);
          if (path === null) continue;
          checked++;
          if (!existsSync(join(ROOT, path))) assert.fail(`${from}: link ${href} → ${path} does not exist`);
          const anchor = href.includes('#') ? decodeURIComponent(href.split('#')[1]) : '';
          if (!anchor) continue;
          assert.ok(path.endsWith('.md'), `${from}: anchor ${href} into a file that is not Markdown`);
          const targetDoc = parseMarkdown(read(path));
          assert.ok(anchors(targetDoc.headings).includes(anchor), `${from}: ${href} – no heading "#${anchor}" in ${path}`);
        }
      }
    }
    assert.ok(checked > 80, `only ${checked} relative links found: is the link parser broken?`);
    t.diagnostic(`${checked} relative links checked`);
  });

  test('German and English versions have the same structure and the same JSON', () => {
    for (const g of GUIDES) {
      const [de, en] = [guides.de[g.de], guides.en[g.en]];
      const h2 = (doc) => doc.headings.length;
      assert.equal(h2(de), h2(en), `${g.de} / ${g.en}: different number of headings`);
      assert.deepEqual(de.blocks.map((b) => b.lang), en.blocks.map((b) => b.lang), `${g.de} / ${g.en}: code blocks differ`);
      assert.deepEqual(de.blocks.map((b) => b.markers), en.blocks.map((b) => b.markers), `${g.de} / ${g.en}: markers differ`);
      const json = (doc) => doc.blocks.filter((b) => b.lang === 'json').map((b) => JSON.parse(b.code));
      assert.deepEqual(json(de), json(en), `${g.de} / ${g.en}: the JSON examples differ`);
    }
  });

  test('the README section "Guides / Anleitungen" links both index pages and every guide', () => {
    const readme = read('README.md');
    const start = readme.indexOf('\n## Guides / Anleitungen');
    assert.ok(start >= 0, 'README.md has no section "## Guides / Anleitungen"');
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const targets = new Set(links(section).map((href) => target('README.md', href)));
    for (const lang of LANGS) {
      for (const file of [INDEX, ...GUIDES.map((g) => g[lang])]) {
        assert.ok(targets.has(guidePath(lang, file)), `README section does not link ${guidePath(lang, file)}`);
      }
    }
    for (const path of targets) if (path !== null) assert.ok(existsSync(join(ROOT, path)), `README section links ${path}, which does not exist`);
  });
});

describe('guides: examples', () => {
  test('every custom element and attribute in HTML examples exists in dist/custom-elements.json', (t) => {
    const elements = manifest();
    assert.deepEqual([...elements.keys()].sort(), ['indikator-chart', 'indikator-tabelle', 'kreis-map', 'region-auswahl', 'themen-dossier']);
    const used = new Set();
    let count = 0;
    for (const lang of LANGS) {
      for (const [file, doc] of Object.entries(guides[lang])) {
        for (const b of doc.blocks.filter((x) => x.lang === 'html')) {
          for (const tag of customElementTags(b.code)) {
            const where = `${guidePath(lang, file)}:${b.line}`;
            const known = elements.get(tag.name);
            assert.ok(known, `${where}: <${tag.name}> is not an element of kreisdossier`);
            for (const a of tag.attributes) assert.ok(known.has(a) || GLOBAL_ATTRIBUTE.test(a), `${where}: <${tag.name}> has no attribute "${a}"`);
            used.add(tag.name);
            count++;
          }
        }
      }
    }
    assert.ok(count >= 30, `only ${count} elements found in HTML examples: is the parser broken?`);
    assert.ok(used.size >= 3, `HTML examples use only ${[...used].join(', ')}`);
    t.diagnostic(`${count} element tags checked (${[...used].sort().join(', ')})`);
  });

  test('the CMS allow-lists (WordPress kses, Drupal allowed tags) name exactly the attributes editors may set', () => {
    const elements = manifest();
    const lists = {
      'wordpress.md': (doc) => doc.blocks.filter((b) => b.lang === 'php').flatMap((b) => [...b.code.matchAll(/'([a-z]+-[a-z-]+)'\s*=>\s*'([^']*)'/g)]),
      'drupal.md': (doc) => doc.blocks.filter((b) => b.lang === 'text').flatMap((b) => [...b.code.matchAll(/^<([a-z]+-[a-z-]+)((?: [a-z-]+)*)>$/gm)]),
    };
    for (const lang of LANGS) {
      for (const [file, find] of Object.entries(lists)) {
        const found = new Map(find(guides[lang][file]).map((m) => [m[1], new Set(m[2].trim().split(/\s+/))]));
        assert.deepEqual([...found.keys()].sort(), [...elements.keys()].sort(), `${guidePath(lang, file)}: the list must name every element`);
        for (const [tag, attributes] of found) {
          const expected = [...elements.get(tag)].filter((a) => !CODE_LOADING_ATTRIBUTES.has(a));
          assert.deepEqual([...attributes].sort(), expected.sort(), `${guidePath(lang, file)}: attributes of <${tag}>`);
        }
      }
    }
  });

  test('every JSON example parses; kreisdossier documents validate, those marked invalid fail as the guide shows', (t) => {
    let documents = 0;
    let invalid = 0;
    for (const lang of LANGS) {
      for (const [file, doc] of Object.entries(guides[lang])) {
        const where = (b) => `${guidePath(lang, file)}:${b.line}`;
        const candidates = [];
        for (const b of doc.blocks) {
          if (b.lang === 'json') {
            let value;
            assert.doesNotThrow(() => (value = JSON.parse(b.code)), `${where(b)}: not valid JSON`);
            candidates.push({ b, value, marker: b.markers.invalid });
          } else if (b.lang === 'html') {
            for (const text of inlineJson(b.code)) {
              if (!text.includes('"kreisdossier"') || text.includes('…')) continue; // a sketch with "…" is not a document
              let value;
              assert.doesNotThrow(() => (value = JSON.parse(text)), `${where(b)}: embedded JSON is not valid JSON`);
              candidates.push({ b, value, marker: undefined });
            }
          } else {
            assert.ok(!('invalid' in b.markers), `${where(b)}: only JSON blocks can be marked invalid`);
          }
        }
        for (const { b, value, marker } of candidates) {
          if (!value || typeof value !== 'object' || Array.isArray(value) || !('kreisdossier' in value)) {
            assert.equal(marker, undefined, `${where(b)}: marked invalid but not a kreisdossier document`);
            continue;
          }
          documents++;
          const result = validateDocument(value);
          if (marker === undefined) {
            assert.deepEqual(result.problems.map((p) => `${p.path}: ${p.message.en}`), [], `${where(b)}: document does not validate`);
            continue;
          }
          invalid++;
          assert.equal(result.valid, false, `${where(b)}: marked invalid but validates`);
          const problem = result.problems.find((p) => p.code === marker);
          assert.ok(problem, `${where(b)}: expected problem ${marker}, got ${result.problems.map((p) => p.code).join(', ')}`);
          assert.ok(doc.text.includes(`${problem.path}: ${problem.message[lang]}`), `${where(b)}: the guide should quote the real message "${problem.path}: ${problem.message[lang]}"`);
        }
      }
    }
    assert.ok(documents >= 10, `only ${documents} kreisdossier documents found in the guides`);
    assert.ok(invalid >= 2, 'the format guides should show a wrong document in each language');
    t.diagnostic(`${documents} kreisdossier documents validated, ${invalid} of them wrong on purpose`);
  });

  test('the CSP guides give exactly MINIMAL_STRICT_CSP from demo/csp.js, and no guide shows a different base policy', () => {
    for (const lang of LANGS) {
      for (const g of GUIDES) {
        const doc = guides[lang][g[lang]];
        const code = doc.blocks.map((b) => b.code).join('\n');
        for (const policy of code.match(/default-src[^"\n]*/g) ?? []) {
          assert.ok(policy.startsWith(MINIMAL_STRICT_CSP), `${guidePath(lang, g[lang])}: policy "${policy}" does not start with MINIMAL_STRICT_CSP`);
        }
        if (!g.csp) continue;
        const headers = doc.blocks.flatMap((b) => b.code.split('\n')).filter((l) => l.startsWith('Content-Security-Policy:'));
        assert.equal(headers[0], `Content-Security-Policy: ${MINIMAL_STRICT_CSP}`, `${guidePath(lang, g[lang])}: the first policy shown`);
        for (const directive of MINIMAL_STRICT_CSP.split('; ')) {
          assert.match(doc.prose, new RegExp(`^\\| \`${directive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\|`, 'm'), `${guidePath(lang, g[lang])}: no table row for ${directive}`);
        }
        const rows = doc.prose.match(/^\| `[a-z-]+-src [^`]*` \|/gm) ?? [];
        assert.equal(rows.length, MINIMAL_STRICT_CSP.split('; ').length, `${guidePath(lang, g[lang])}: the directive table lists other directives`);
      }
    }
  });
});

describe('guides: commands run', { timeout: 60_000 }, () => {
  const dirs = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const g of GUIDES.filter((x) => x.run)) {
    test(`${g.de} / ${g.en}: every command runs against the fixtures and prints what the guide shows`, async (t) => {
      const plans = Object.fromEntries(LANGS.map((lang) => [lang, steps(guides[lang][g[lang]], guidePath(lang, g[lang]))]));
      const commands = (lang) => plans[lang].filter((s) => s.kind === 'run').map((s) => [s.exit, ...s.args].join(' '));
      assert.deepEqual(commands('de'), commands('en'), 'German and English guides must run the same commands');
      assert.ok(commands('de').length >= 2, 'an executed guide without commands');

      // What the reader downloads: each file the commands read must be named in the guide's text.
      const inputs = new Set(plans.de.filter((s) => s.kind === 'run').flatMap((s) => s.args));
      const downloads = Object.keys(DOWNLOADS).filter((name) => inputs.has(name));
      const shapefile = SHAPEFILE.some((name) => inputs.has(name));
      for (const lang of LANGS) {
        for (const name of [...downloads, ...(shapefile ? ['VG250_GEM.shp'] : [])]) {
          assert.ok(guides[lang][g[lang]].prose.includes(`\`${name}\``), `${guidePath(lang, g[lang])} uses ${name} but never tells the reader to save it`);
        }
      }

      // German: every command, in a fresh folder with the downloads. English: the same commands were asserted
      // above, so only those whose output the guide shows run again (with an English LANG), in a copy of the
      // German folder – that keeps the test fast.
      const dir = mkdtempSync(join(tmpdir(), 'kd-guide-de-'));
      dirs.push(dir);
      for (const name of downloads) copyFileSync(join(ROOT, DOWNLOADS[name]), join(dir, name));
      if (shapefile) await makeShapefile(dir);
      const ranDe = await execute(plans.de, dir, 'de', guidePath('de', g.de), () => true);
      assert.equal(ranDe, commands('de').length);

      const dirEn = mkdtempSync(join(tmpdir(), 'kd-guide-en-'));
      dirs.push(dirEn);
      cpSync(dir, dirEn, { recursive: true });
      const shown = (i) => plans.en.slice(i + 1).find((s) => s.kind !== 'file')?.kind === 'output';
      const ranEn = await execute(plans.en, dirEn, 'en', guidePath('en', g.en), shown);
      assert.equal(ranEn, plans.en.filter((s, i) => s.kind === 'run' && shown(i)).length);
      const outputs = LANGS.map((lang) => plans[lang].filter((s) => s.kind === 'output').length);
      t.diagnostic(`${ranDe} commands run (German), ${ranEn} again in English; ${outputs[0] + outputs[1]} outputs compared`);
    });
  }
});

/**
 * Runs a guide's plan in `dir`: writes its files, runs the commands for which `include(index)` holds (checking
 * exit code and what they write), and compares every output block. Returns the number of commands run.
 */
async function execute(plan, dir, lang, file, include) {
  const where = (s) => `${file}:${s.line}`;
  let last;
  let ran = 0;
  for (const [i, s] of plan.entries()) {
    if (s.kind === 'file') {
      writeFileSync(join(dir, s.name), s.content);
    } else if (s.kind === 'run') {
      if (!include(i)) continue;
      const out = outputOption(s.args);
      // `split` writes into a folder that earlier steps may have filled: it is kept, and its files are checked.
      const folder = s.args[0] === 'split';
      if (out && !folder) rmSync(join(dir, out), { force: true });
      last = { step: s, ...(await run(s.args, dir, lang)) };
      ran++;
      const said = `\n--- stdout\n${last.stdout}\n--- stderr\n${last.stderr}`;
      assert.equal(last.code, s.exit, `${where(s)}: npx kreisdossier ${s.args.join(' ')} exited with ${last.code}${said}`);
      if (out && s.exit !== 0 && !folder) assert.ok(!existsSync(join(dir, out)), `${where(s)}: a failed command left ${out} behind`);
      if (out && s.exit === 0) {
        if (folder) {
          // The parts of each input: NAME-de.json, NAME-15.json, …
          const bases = s.args.slice(1).filter((a) => a.endsWith('.json')).map((a) => a.replace(/^.*[/\\]/, '').replace(/\.json$/, ''));
          const parts = readdirSync(join(dir, out)).filter((f) => bases.some((b) => new RegExp(`^${b}-(de|\\d+)\\.json$`).test(f)));
          assert.ok(parts.length > 0, `${where(s)}: split wrote no parts into ${out}`);
          for (const f of parts) checkOutput(dir, join(out, f), 'import', where(s));
        } else checkOutput(dir, out, s.args[0], where(s));
      }
    } else {
      assert.ok(last, `${where(s)}: an output block before any command`);
      assert.equal(`${last.stdout}${last.stderr}`.trim(), s.expected, `${where(s)}: output of npx kreisdossier ${last.step.args.join(' ')}`);
    }
  }
  checkGeometryReferences(dir, plan, where);
  return ran;
}

/** What a successful command wrote: a valid document, the CSV columns, or boundaries keyed by AGS. */
function checkOutput(dir, file, command, where) {
  const path = join(dir, file);
  assert.ok(existsSync(path) && statSync(path).size > 0, `${where}: ${file} was not written`);
  const text = readFileSync(path, 'utf8');
  if (command === 'import' || command === 'merge') {
    const result = validateDocument(JSON.parse(text));
    assert.deepEqual(result.problems.map((p) => `${p.path}: ${p.message.en}`), [], `${where}: ${file} does not validate`);
    assert.ok(result.document.observations.length > 0, `${where}: ${file} has no observations`);
  } else if (command === 'catalogue') {
    const result = validateCatalogue(JSON.parse(text));
    assert.deepEqual(result.problems.map((p) => `${p.path}: ${p.message.en}`), [], `${where}: ${file} is not a valid catalogue`);
  } else if (command === 'export' && file.endsWith('.csv')) {
    assert.equal(text.split(/\r?\n/)[0], 'indicator,region,region_name,period,value,status,unit', `${where}: ${file} header`);
  } else if (command === 'geo') {
    const features = geoFeatures(JSON.parse(text));
    assert.ok(features.length > 0, `${where}: ${file} has no areas`);
    for (const f of features) assert.match(String(f.properties?.ags), /^\d{2,12}$/, `${where}: an area in ${file} without an official key`);
  }
}

/** Features of a GeoJSON FeatureCollection or of every object of a TopoJSON topology (properties only). */
function geoFeatures(json, object) {
  if (json.type === 'FeatureCollection') return json.features;
  assert.equal(json.type, 'Topology');
  const objects = object ? [json.objects[object]] : Object.values(json.objects);
  assert.ok(objects.every(Boolean), `no TopoJSON object "${object}"`);
  return objects.flatMap((o) => o.geometries ?? []);
}

/** A boundary reference the guide wrote must point to a boundary file the guide's commands made, with that object and key. */
function checkGeometryReferences(dir, plan, where) {
  for (const s of plan.filter((x) => x.kind === 'file' && x.name.endsWith('.json'))) {
    const doc = JSON.parse(s.content);
    if (!doc?.geometry) continue;
    const { url, format, object, keyProperty = 'ags' } = doc.geometry;
    const path = join(dir, url);
    assert.ok(existsSync(path), `${where(s)}: the boundary reference points to ${url}, which the guide's commands did not make`);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(json.type, format === 'topojson' ? 'Topology' : 'FeatureCollection', `${where(s)}: ${url} is not ${format}`);
    const features = geoFeatures(json, object);
    assert.ok(features.length > 0 && features.every((f) => f.properties?.[keyProperty]), `${where(s)}: areas in ${url} lack "${keyProperty}"`);
  }
}
