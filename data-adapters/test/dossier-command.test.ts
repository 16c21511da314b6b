// `kreisdossier dossier`: the folder a webmaster uploads — which catalogue files it takes for a region (and
// which not), the subset catalogue, the pages (no inline script or style, every reference a file in the
// folder), the README's attribution lines, every refusal, and the --fetch path against the GENESIS replay.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Catalogue } from '../../src/format/catalogue-schema.js';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { parseDocument } from '../../src/format/validate.js';
import { main } from '../cli.js';
import { readTables, tablesFile } from '../dossier/fetch-data.js';
import { HEADER_CSP, PAGE_CSP } from '../dossier/page.js';
import { makeCatalogueFolder, ROOT } from './dossier-fixture.js';
import { startReplayServer } from './genesis-replay-server.js';
import { run } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'kd-dossier-test-'));
const SOURCE = join(work, 'quelle');
after(() => rmSync(work, { recursive: true, force: true }));
before(async () => {
  await makeCatalogueFolder(SOURCE);
});

let outputs = 0;
/** A fresh output path (not yet existing). */
const outPath = (name = 'dossier') => join(work, `out-${++outputs}`, name);

/** Every file below a folder, "/"-separated, sorted. */
function filesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
/** The fixture's files under a folder ("kreise/15/"), as paths from the catalogue folder. */
const sourceFiles = (folder: string) => filesIn(join(SOURCE, folder)).map((f) => `${folder}${f}`);
const sourceCatalogue = () => json<Catalogue>(join(SOURCE, 'katalog.json'));

async function dossier(...args: string[]): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = outPath();
  const result = await run('dossier', '--data', SOURCE, ...args, '-o', dir);
  return { ...result, dir };
}

/** The data/geometry/region/dossier files a catalogue lists, "daten/"-relative. */
function listed(catalogue: Catalogue): string[] {
  return [...catalogue.data, ...catalogue.geometry, ...catalogue.regionFiles, ...catalogue.dossiers].map((e) => decodeURIComponent(e.url)).sort();
}

/**
 * A page's markup: no inline script (every <script> loads a file and is empty), no <style>, no style
 * attribute, no event handler; every src/href that is not an anchor or data: URL is a file in the folder.
 * `base`: the absolute path the snippet's URLs start with.
 */
function checkPage(dir: string, file: string, base = ''): string {
  const html = readFileSync(join(dir, file), 'utf8');
  const markup = html.replace(/<!--[\s\S]*?-->/g, '');
  assert.doesNotMatch(markup, /<style/i, `${file}: a <style> element`);
  assert.doesNotMatch(markup, /\sstyle\s*=/i, `${file}: a style attribute`);
  assert.doesNotMatch(markup, /\son[a-z]+\s*=/i, `${file}: an event handler attribute`);
  const scripts = [...markup.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 1, `${file}: no script`);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes!, /\ssrc="[^"]+"/, `${file}: an inline script`);
    assert.equal(body!.trim(), '', `${file}: a script with content`);
  }
  const references = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('#') && !u.startsWith('data:'));
  assert.ok(references.length >= 2, `${file}: too few references`);
  for (const url of references) {
    assert.doesNotMatch(url, /^[a-z]+:|^\/\//i, `${file}: ${url} is not on the same origin`);
    const path = base ? (assert.ok(url.startsWith(base), `${file}: ${url} does not start with ${base}`), url.slice(base.length)) : url;
    assert.ok(existsSync(join(dir, dirname(file), decodeURIComponent(path))), `${file}: ${url} is not in the folder`);
  }
  return html;
}

describe('kreisdossier dossier: a Kreis with its Gemeinden (15085)', () => {
  let dir = '';
  let catalogue: Catalogue;
  before(async () => {
    const r = await dossier('--region', '15085', '--gemeinden');
    assert.equal(r.code, 0, r.err);
    dir = r.dir;
    catalogue = json<Catalogue>(join(dir, 'daten/katalog.json'));
  });

  it('copies the region’s files, and nothing of another Land or another Kreis’s Gemeinden', () => {
    const daten = filesIn(join(dir, 'daten'));
    assert.deepEqual(
      daten,
      [
        'dossiers/harz.json',
        'gemeinden/15085/bevoelkerung.json',
        'gemeinden/15085/siedlungsflaeche.json',
        'geo/gemeinden-15085.topo.json',
        'geo/kreise-15.topo.json',
        'katalog.json',
        ...sourceFiles('kreise/15/'),
        ...sourceFiles('kreise/de/'),
        'regionen/gemeinden-15085.json',
      ].sort(),
    );
    for (const f of daten) assert.doesNotMatch(f, /\/(03|12)\/|-(03|12)|15002|standard/, `${f} is not for Landkreis Harz`);
    // Every copied file is byte for byte the source's.
    for (const f of daten.filter((x) => x !== 'katalog.json')) assert.ok(readFileSync(join(dir, 'daten', f)).equals(readFileSync(join(SOURCE, f))), f);
    // No region of another Land in any copied data file.
    for (const f of daten.filter((x) => /^(kreise|gemeinden)\//.test(x))) {
      const doc = json<KreisdossierDocument>(join(dir, 'daten', f));
      for (const o of doc.observations) assert.ok(o.region === 'DG' || o.region.startsWith('15'), `${f}: ${o.region}`);
    }
  });

  it('has the pages, the library with what it loads beside itself, and the README', () => {
    const all = filesIn(dir).filter((f) => !f.startsWith('daten/'));
    assert.deepEqual(all, [
      'README.md',
      'index.html',
      'kreisdossier/LICENSE.txt',
      'kreisdossier/kreisdossier.bundle.js',
      'kreisdossier/maplibre/LICENSE.txt',
      'kreisdossier/maplibre/maplibre-gl-worker.mjs',
      'kreisdossier/maplibre/maplibre-gl.mjs',
      'seite.css',
      'snippet.html',
    ]);
    const bundle = readFileSync(join(dir, 'kreisdossier/kreisdossier.bundle.js'), 'utf8');
    assert.doesNotMatch(bundle, /sourceMappingURL/, 'the bundle names a source map the folder does not have');
    // Every file the bundle loads from beside itself is in the folder.
    for (const m of bundle.matchAll(/new URL\("([^"]+)",import\.meta\.url\)/g)) assert.ok(existsSync(join(dir, 'kreisdossier', m[1]!)), m[1]);
    assert.ok(readFileSync(join(dir, 'kreisdossier/maplibre/maplibre-gl.mjs')).equals(readFileSync(join(ROOT, 'dist/maplibre/maplibre-gl.mjs'))));
  });

  it('writes a catalogue that validates and lists exactly the copied files', () => {
    const check = validateCatalogue(catalogue);
    assert.deepEqual(check.problems, []);
    const copied = filesIn(join(dir, 'daten')).filter((f) => f !== 'katalog.json');
    assert.deepEqual(listed(catalogue), copied);
    for (const e of [...catalogue.data, ...catalogue.geometry, ...catalogue.regionFiles, ...catalogue.dossiers]) {
      assert.equal(e.bytes, statSync(join(dir, 'daten', e.url)).size, `${e.url}: bytes`);
    }
    // The entries are the source's, as they were.
    const source = sourceCatalogue();
    for (const e of catalogue.data) assert.deepEqual(e, source.data.find((s) => s.url === e.url));
    for (const e of catalogue.geometry) assert.deepEqual(e, source.geometry.find((s) => s.url === e.url));
  });

  it('keeps the regions its pages show: the Kreis, its Land’s Kreise, the Land and Deutschland; neighbours and changes inside', () => {
    const keys = catalogue.regions.map((r) => r.key);
    assert.ok(keys.includes('DG') && keys.includes('15') && keys.includes('15085') && keys.includes('15002'));
    assert.ok(keys.every((k) => k === 'DG' || k.startsWith('15')), keys.join(' '));
    assert.equal(keys.filter((k) => k.length === 5).length, sourceCatalogue().regions.filter((r) => r.level === 'Kreis' && r.key.startsWith('15')).length);
    assert.deepEqual(catalogue.regions.find((r) => r.key === '15085')!.neighbours, ['15083', '15087', '15088', '15089']);
    assert.deepEqual(catalogue.regionChanges.map((c) => c.key), ['15357']);
    assert.equal(catalogue.regionsAttribution, sourceCatalogue().regionsAttribution);
  });

  it('every copied kreisdossier file validates', () => {
    for (const url of [...catalogue.data, ...catalogue.regionFiles, ...catalogue.dossiers].map((e) => e.url)) {
      const result = parseDocument(readFileSync(join(dir, 'daten', url), 'utf8'));
      assert.deepEqual(result.problems, [], url);
    }
  });

  it('README names every attribution and licence exactly as the copied files state them', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const url of [...catalogue.data, ...catalogue.regionFiles, ...catalogue.dossiers].map((e) => e.url)) {
      const { dataset } = json<KreisdossierDocument>(join(dir, 'daten', url));
      const licence = dataset.license.name ? `${dataset.license.name} (${dataset.license.id})` : dataset.license.id;
      assert.ok(readme.includes(`** ${dataset.attribution} – Lizenz: ${licence}`), `${url}: "${dataset.attribution}" with its licence not in README.md`);
      assert.ok(readme.includes(`** ${dataset.attribution} – licence: ${licence}`), `${url}: not in the English section`);
      assert.ok(readme.includes(`\`daten/${url}\``), `${url}: not listed in README.md`);
      assert.ok(index.includes(dataset.attribution.replace(/&/g, '&amp;')), `${url}: not in the footer of index.html`);
    }
    for (const g of catalogue.geometry) {
      assert.ok(readme.includes(`**Gebietsgrenzen:** ${g.attribution} – Lizenz: ${g.license!.name} (${g.license!.id})`), `${g.url}: boundary attribution`);
    }
    assert.ok(readme.includes(`Content-Security-Policy: ${HEADER_CSP}`));
    assert.ok(readme.includes(`Header always set Content-Security-Policy "${HEADER_CSP}"`), 'the Apache line');
    assert.ok(readme.includes(`add_header Content-Security-Policy "${HEADER_CSP}" always;`), 'the nginx line');
    assert.match(readme, /AddType text\/javascript \.js \.mjs/);
    assert.match(readme, /## English/);
  });

  it('index.html: a complete accessible page under a strict CSP, with only files from the folder', () => {
    const html = checkPage(dir, 'index.html');
    assert.match(html, /<html lang="de">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`));
    assert.match(html, /<a class="skip-link" href="#inhalt">/);
    assert.match(html, /<main id="inhalt"/);
    assert.match(html, /<h1>Kreisdossier Harz<\/h1>/);
    assert.match(html, /<footer/);
    assert.match(html, /<script type="module" src="kreisdossier\/kreisdossier.bundle.js"><\/script>/);
    assert.match(html, /<themen-dossier src="daten\/katalog.json" region="15085" within="15085" hash><\/themen-dossier>/);
    assert.doesNotMatch(readFileSync(join(dir, 'seite.css'), 'utf8'), /@import|url\(/, 'the stylesheet loads nothing');
  });

  it('snippet.html: the script and the element, with the folder’s path', () => {
    const name = dir.split(sep).pop()!;
    const html = checkPage(dir, 'snippet.html', `/${name}/`);
    assert.match(html, new RegExp(`<script type="module" src="/${name}/kreisdossier/kreisdossier.bundle.js"></script>`));
    assert.match(html, new RegExp(`<themen-dossier src="/${name}/daten/katalog.json" region="15085" within="15085" hash></themen-dossier>`));
  });
});

describe('kreisdossier dossier: other regions and options', () => {
  it('a Kreis in another Land (12062) takes only that Land’s files', async () => {
    const r = await dossier('--region', '12062');
    assert.equal(r.code, 0, r.err);
    const daten = filesIn(join(r.dir, 'daten'));
    assert.deepEqual(
      daten,
      [
        'dossiers/standard.json',
        'geo/gemeinden-12062.topo.json',
        'geo/kreise-12.topo.json',
        'katalog.json',
        'kreise/12/bevoelkerungsdichte.json',
        'kreise/12/breitband.json',
        // Deutschland's values (for comparison) are in the parts with Deutschland and the Länder.
        ...sourceFiles('kreise/de/'),
      ].sort(),
    );
    const catalogue = json<Catalogue>(join(r.dir, 'daten/katalog.json'));
    assert.ok(catalogue.regions.every((x) => x.key === 'DG' || x.key.startsWith('12')));
    assert.deepEqual(catalogue.regionChanges, []);
    // Without --gemeinden: no names for a Gemeinde picker, and the page says nothing of Gemeinden.
    assert.deepEqual(catalogue.regionFiles, []);
    assert.match(readFileSync(join(r.dir, 'index.html'), 'utf8'), /für den Landkreis Elbe-Elster, nach Themen geordnet und mit Brandenburg und Deutschland verglichen/);
    // Topics without numbers are named.
    assert.match(r.err, /Hinweis: zum Thema „Bildung“ gibt es keine Zahlen für Landkreis Elbe-Elster/);
  });

  it('--topics keeps only the files of those topics', async () => {
    const r = await dossier('--region', '15085', '--topics', 'bevoelkerung,Digitalisierung');
    assert.equal(r.code, 0, r.err);
    const catalogue = json<Catalogue>(join(r.dir, 'daten/katalog.json'));
    const topics = new Set(['Bevölkerung', 'Digitalisierung']);
    const expected = sourceCatalogue().data.filter((d) => d.indicators.some((i) => topics.has(i.topic)) && /^(kreise\/(de|15)|gemeinden\/15085)\//.test(d.url));
    assert.deepEqual(catalogue.data.map((d) => d.url), expected.map((d) => d.url));
    assert.ok(expected.some((d) => d.url === 'gemeinden/15085/bevoelkerung.json') && expected.some((d) => d.url === 'kreise/15/breitband.json'));
    assert.ok(!catalogue.data.some((d) => d.url.includes('arbeitslosigkeit')));
    const bad = await dossier('--region', '15085', '--topics', 'wetter');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--topics: „wetter“ ist kein Thema; erlaubt: bevoelkerung, gesundheit-pflege/);
  });

  it('a Gemeinde gets a dossier of its own; --gemeinden with a Gemeinde is refused', async () => {
    const r = await dossier('--region', '15085370');
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(join(r.dir, 'index.html'), 'utf8');
    assert.match(html, /<h1>Gemeindedossier Wernigerode<\/h1>/);
    assert.match(html, /region="15085370" within="15085370"/);
    const catalogue = json<Catalogue>(join(r.dir, 'daten/katalog.json'));
    assert.deepEqual(catalogue.regionFiles.map((f) => f.url), ['regionen/gemeinden-15085.json']);
    assert.ok(catalogue.data.some((d) => d.url === 'gemeinden/15085/bevoelkerung.json'));
    const refused = await dossier('--region', '15085370', '--gemeinden');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--gemeinden gilt für einen Kreis: .* --region 15085 --gemeinden/);
    assert.ok(!existsSync(refused.dir));
  });

  it('a catalogue naming files outside its folder: daten/ keeps their layout and the URLs follow', async () => {
    // katalog.json one level down, the boundaries beside it: ../geo/…
    const moved = join(work, 'verschoben');
    cpSync(SOURCE, join(moved, 'de'), { recursive: true });
    renameSync(join(moved, 'de/geo'), join(moved, 'geo'));
    const catalogue = json<Catalogue>(join(moved, 'de/katalog.json'));
    for (const g of catalogue.geometry) g.url = `../${g.url}`;
    writeFileSync(join(moved, 'de/katalog.json'), JSON.stringify(catalogue));
    const out = outPath();
    const r = await run('dossier', '--data', join(moved, 'de'), '--region', '15085', '-o', out);
    assert.equal(r.code, 0, r.err);
    const written = json<Catalogue>(join(out, 'daten/katalog.json'));
    // daten/ stands for the folder above both; the URLs are relative to daten/katalog.json, as the element resolves them.
    assert.deepEqual(written.geometry.map((g) => g.url), ['geo/kreise-15.topo.json', 'geo/gemeinden-15085.topo.json']);
    assert.ok(written.data.every((d) => d.url.startsWith('de/')));
    assert.deepEqual(listed(written), filesIn(join(out, 'daten')).filter((f) => f !== 'katalog.json'));
  });
});

describe('kreisdossier dossier: with what split and catalogue write', () => {
  it('takes a catalogue folder made by `kreisdossier split` and `kreisdossier catalogue`', async () => {
    const folder = join(work, 'gesplittet');
    const demo = (name: string) => join(ROOT, 'demo/data', name);
    const quiet = { stdout: () => {}, stderr: () => {} };
    const env = { LANG: 'de_DE.UTF-8' };
    assert.equal(await main(['split', demo('bevoelkerung-kreise.json'), demo('breitband-kreise-2021.json'), '--by', 'land', '-o', `${folder}/kreise/`], quiet, env), 0);
    assert.equal(await main(['split', demo('siedlungsflaeche-gemeinden.json'), '--by', 'kreis', '--only-below', 'kreis', '-o', `${folder}/gemeinden/`], quiet, env), 0);
    mkdirSync(join(folder, 'geo'), { recursive: true });
    for (const f of ['st-kreise-2021.topo.json', 'st-gemeinden-2021.topo.json', 'grenzen-kreise.json', 'grenzen-gemeinden.json']) cpSync(demo(`geo/${f}`), join(folder, 'geo', f));
    cpSync(demo('kreisdossier-harz.json'), join(folder, 'kreisdossier-harz.json'));
    assert.equal(await main(['catalogue', folder, '-o', join(folder, 'katalog.json')], quiet, env), 0);

    const out = outPath();
    const r = await run('dossier', '--data', folder, '--region', '15085', '-o', out);
    assert.equal(r.code, 0, r.err);
    const catalogue = json<Catalogue>(join(out, 'daten/katalog.json'));
    assert.deepEqual(validateCatalogue(catalogue).problems, []);
    assert.deepEqual(listed(catalogue), filesIn(join(out, 'daten')).filter((f) => f !== 'katalog.json'));
    const copied = listed(catalogue);
    assert.ok(copied.some((f) => f.startsWith('gemeinden/') && f.includes('15085')), 'the Kreis’s Gemeinden');
    assert.ok(copied.every((f) => !/gemeinden\/.*-150(0[1-3]|8[1-46-9]|9\d)\.json$/.test(f)), `another Kreis’s Gemeinden: ${copied.join(', ')}`);
    assert.ok(copied.every((f) => !/-(0[1-9]|1[0-46])\.json$/.test(f)), `another Land’s part: ${copied.join(', ')}`);
  });
});

describe('kreisdossier dossier: refusals', () => {
  it('an unknown Kreis: the nearest keys of its Land', async () => {
    const r = await dossier('--region', '15099');
    assert.equal(r.code, 2);
    assert.match(r.err, /--region 15099: diesen Kreis kennt der Katalog nicht\. In Sachsen-Anhalt hat er 14 Kreise, die nächsten: .*15091 Wittenberg/);
    assert.ok(!existsSync(r.dir));
  });

  it('a Land the catalogue lacks: the Länder it has', async () => {
    const r = await dossier('--region', '09162');
    assert.equal(r.code, 2);
    assert.match(r.err, /er hat Kreise in: 03 Niedersachsen, 12 Brandenburg, 15 Sachsen-Anhalt/);
  });

  it('a name instead of a key: the matching keys', async () => {
    const r = await dossier('--region', 'elbe');
    assert.equal(r.code, 2);
    assert.match(r.err, /Gemeint ist vielleicht: 12062 Elbe-Elster/);
  });

  it('a Land, a dissolved Kreis, an unknown Gemeinde', async () => {
    const land = await dossier('--region', '15');
    assert.equal(land.code, 2);
    assert.match(land.err, /ein Dossier gibt es für einen Kreis \(5 Ziffern\) oder eine Gemeinde \(8 Ziffern\), nicht für die Ebene Land/);
    const dissolved = await dossier('--region', '15357');
    assert.equal(dissolved.code, 2);
    assert.match(dissolved.err, /15357 \(Halberstadt\): diese Region gibt es seit 2007-07-01 nicht mehr\. Aufgegangen im Landkreis Harz\. Heute: 15085 Harz/);
    const gemeinde = await dossier('--region', '15085999');
    assert.equal(gemeinde.code, 2);
    assert.match(gemeinde.err, /diese Gemeinde kennt der Katalog nicht\. Im Kreis 15085 Harz hat er 20 Gemeinden, die nächsten: .*15085370 Wernigerode/);
  });

  it('in English with --lang en', async () => {
    const r = await dossier('--region', '15099', '--lang', 'en');
    assert.equal(r.code, 2);
    assert.match(r.err, /the catalogue does not know this Kreis\. It has 14 Kreise in Sachsen-Anhalt, the nearest:/);
    const help = await run('dossier', '--help', '--lang', 'en');
    assert.equal(help.code, 0);
    assert.match(help.out, /kreisdossier dossier --region KEY/);
    assert.match((await run('--help')).out, /dossier --region SCHLÜSSEL/);
  });

  it('a missing or wrong data folder, a missing region or output', async () => {
    const missing = await run('dossier', '--data', join(work, 'gibt-es-nicht'), '--region', '15085', '-o', outPath());
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--data .*gibt-es-nicht: diesen Ordner gibt es nicht/);
    const noCatalogue = await run('dossier', '--data', work, '--region', '15085', '-o', outPath());
    assert.equal(noCatalogue.code, 2);
    assert.match(noCatalogue.err, /der Ordner hat keine katalog\.json/);
    if (!existsSync(join(ROOT, 'demo/data/de/katalog.json'))) {
      const fallback = await run('dossier', '--region', '15085', '-o', outPath());
      assert.equal(fallback.code, 2);
      assert.match(fallback.err, /Keine Daten gefunden: .*npm run data/);
    }
    assert.equal((await run('dossier', '--data', SOURCE, '-o', outPath())).code, 2);
    assert.equal((await run('dossier', '--data', SOURCE, '--region', '15085')).code, 2);
  });

  it('an output folder with content is kept unless --force, then replaced whole', async () => {
    const out = outPath();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'alt.txt'), 'alt');
    const refused = await run('dossier', '--data', SOURCE, '--region', '15085', '-o', out);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /der Ordner ist nicht leer\. .* --force/);
    assert.deepEqual(readdirSync(out), ['alt.txt']);
    const forced = await run('dossier', '--data', SOURCE, '--region', '15085', '--force', '-o', out);
    assert.equal(forced.code, 0, forced.err);
    assert.ok(!existsSync(join(out, 'alt.txt')));
    assert.ok(existsSync(join(out, 'index.html')));
    // An empty folder is fine without --force.
    const empty = outPath();
    mkdirSync(empty, { recursive: true });
    assert.equal((await run('dossier', '--data', SOURCE, '--region', '15085', '-o', empty)).code, 0);
    // The source folder itself is never an output.
    const inside = await run('dossier', '--data', SOURCE, '--region', '15085', '--force', '-o', work);
    assert.equal(inside.code, 2);
    assert.ok(existsSync(join(SOURCE, 'katalog.json')));
  });

  it('a file the catalogue lists but the folder lacks, or one on another server', async () => {
    const broken = join(work, 'unvollstaendig');
    cpSync(SOURCE, broken, { recursive: true });
    rmSync(join(broken, 'kreise/15/pflege-kreise.json'));
    const missing = await run('dossier', '--data', broken, '--region', '15085', '-o', outPath());
    assert.equal(missing.code, 2);
    assert.match(missing.err, /kreise\/15\/pflege-kreise\.json: Datei oder Ordner nicht gefunden/);
    cpSync(join(SOURCE, 'kreise/15/pflege-kreise.json'), join(broken, 'kreise/15/pflege-kreise.json'));
    const catalogue = json<Catalogue>(join(broken, 'katalog.json'));
    catalogue.geometry[0]!.url = 'https://example.org/kreise-15.topo.json';
    writeFileSync(join(broken, 'katalog.json'), JSON.stringify(catalogue));
    const remote = await run('dossier', '--data', broken, '--region', '15085', '-o', outPath());
    assert.equal(remote.code, 2);
    assert.match(remote.err, /katalog\.json: https:\/\/example\.org\/kreise-15\.topo\.json: liegt nicht im Datenordner/);
    const tablesAlone = await run('dossier', '--data', SOURCE, '--region', '15085', '--tables', 'x.json', '-o', outPath());
    assert.equal(tablesAlone.code, 2);
    assert.match(tablesAlone.err, /--tables gilt nur mit --fetch/);
  });

  it('a broken file in the catalogue: exit 2, the file named, nothing left behind', async () => {
    const broken = join(work, 'kaputt');
    cpSync(SOURCE, broken, { recursive: true });
    const doc = json<KreisdossierDocument>(join(broken, 'kreise/15/pflege-kreise.json'));
    doc.observations[0]!.region = '99999';
    writeFileSync(join(broken, 'kreise/15/pflege-kreise.json'), JSON.stringify(doc));
    const parent = join(work, `out-${++outputs}`);
    const r = await run('dossier', '--data', broken, '--region', '15085', '-o', join(parent, 'dossier'));
    assert.equal(r.code, 2);
    assert.match(r.err, /pflege-kreise\.json: \$\.observations\[0\]\.region: /);
    assert.ok(!existsSync(parent) || readdirSync(parent).length === 0, 'a half-written folder is left');
  });
});

describe('kreisdossier dossier --fetch', () => {
  it('the default table list is well-formed', () => {
    const entries = readTables(tablesFile(undefined, 'de'), 'de');
    assert.ok(entries.length >= 5);
    for (const e of entries) if (e.mapping) assert.ok(existsSync(e.mapping), e.mapping);
  });

  it('fetches the region’s tables from the GENESIS web service and keeps boundaries, names and definitions', async () => {
    const server = await startReplayServer();
    try {
      // The recorded tables (whole tables, latest period each), with the list's own mappings and a computed figure.
      const list = join(work, 'tabellen.json');
      const defaults = json<{ tables: Array<{ table: string }> }>(join(ROOT, 'data-adapters/dossiers/tables.json')).tables;
      const recorded = ['12411-01-01-4', '13111-01-03-4', '52411-02-01-4', '73111-01-01-4'];
      writeFileSync(
        list,
        JSON.stringify({
          tables: defaults
            .filter((e) => recorded.includes(e.table))
            .map((e) => ({ ...e, ...('mapping' in e ? { mapping: join(ROOT, 'data-adapters/dossiers', e.mapping as string) } : {}) })),
        }),
      );
      const out = outPath();
      let err = '';
      const code = await main(
        ['dossier', '--data', SOURCE, '--region', '15085', '--fetch', '--tables', list, '--api-url', server.url, '-o', out],
        { stdout: () => {}, stderr: (t) => (err += t) },
        { LANG: 'de_DE.UTF-8', KREISDOSSIER_GENESIS_TOKEN: 'replay', KREISDOSSIER_GENESIS_RETRY_MS: '5' },
      );
      assert.equal(code, 0, err);
      const catalogue = json<Catalogue>(join(out, 'daten/katalog.json'));
      assert.deepEqual(validateCatalogue(catalogue).problems, []);
      assert.deepEqual(catalogue.data.map((d) => d.url).sort(), recorded.map((t) => `genesis/${t}.json`));
      assert.deepEqual(listed(catalogue), filesIn(join(out, 'daten')).filter((f) => f !== 'katalog.json'));
      assert.ok(!existsSync(join(out, 'daten/kreise')), 'the catalogue’s own data files are replaced');
      assert.ok(existsSync(join(out, 'daten/geo/kreise-15.topo.json')) && existsSync(join(out, 'daten/dossiers/harz.json')));
      for (const d of catalogue.data) {
        const doc = json<KreisdossierDocument>(join(out, 'daten', d.url));
        assert.deepEqual(parseDocument(JSON.stringify(doc)).problems, [], d.url);
        // Kept within Sachsen-Anhalt (and Deutschland).
        for (const o of doc.observations) assert.ok(o.region === 'DG' || o.region.startsWith('15'), `${d.url}: ${o.region}`);
        assert.ok(readFileSync(join(out, 'README.md'), 'utf8').includes(doc.dataset.attribution));
      }
      const income = json<KreisdossierDocument>(join(out, 'daten/genesis/73111-01-01-4.json'));
      assert.ok(income.indicators.find((i) => i.id === 'einkuenfte-je-steuerpflichtigen')?.computed, 'the computed figure of the list');
      // Kreis tables are asked for whole and cut here: no regional restriction on the server.
      const tablefiles = server.requests.filter((q) => q.endpoint === 'data/tablefile');
      assert.equal(tablefiles.length, 4);
      for (const q of tablefiles) assert.equal(q.form.regionalkey, '');
    } finally {
      await server.close();
    }
  });

  it('a table the service does not have: exit 2, nothing written', async () => {
    const server = await startReplayServer();
    try {
      const list = join(work, 'tabellen-fehlt.json');
      writeFileSync(list, JSON.stringify({ tables: [{ table: '99999-99-99-4', topic: 'Bevölkerung', level: 'kreis', indicator: 'x' }] }));
      const parent = join(work, `out-${++outputs}`);
      let err = '';
      const code = await main(
        ['dossier', '--data', SOURCE, '--region', '15085', '--fetch', '--tables', list, '--api-url', server.url, '-o', join(parent, 'dossier')],
        { stdout: () => {}, stderr: (t) => (err += t) },
        { LANG: 'de_DE.UTF-8', KREISDOSSIER_GENESIS_TOKEN: 'replay', KREISDOSSIER_GENESIS_RETRY_MS: '5' },
      );
      assert.equal(code, 2);
      assert.match(err, /--fetch: Tabelle 99999-99-99-4 konnte nicht geholt werden/);
      assert.ok(!existsSync(parent));
    } finally {
      await server.close();
    }
  });
});
