// The npm package as a user installs it (issue 8): what `npm pack` puts in the tarball, that every entry
// point, type file and sideEffects pattern refers to shipped files, and that the `kreisdossier` command
// runs from the unpacked tarball. Needs `npm run build`; no network (dependencies come from this
// checkout's node_modules through a symlink).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TAGS = ['indikator-tabelle', 'indikator-chart', 'kreis-map', 'region-auswahl', 'themen-dossier'];

/** What may be in the tarball: built files, the schema, the command and the documents npm shows. */
const ALLOWED = [/^dist\//, /^schema\/[^/]+\.schema\.json$/, /^bin\/[^/]+\.js$/, /^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/];
/** Never, even inside an allowed folder. */
const FORBIDDEN = [/\.test\./, /(^|\/)(test|tests|fixtures|stories|demo|src|build)\//, /\.stories\./, /\.d\.ts\.map$/, /(?<!\.d)\.ts$/];
const REQUIRED = [
  'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/kreisdossier.js',
  'dist/kreisdossier.js', 'dist/kreisdossier.bundle.js', 'dist/indikator-tabelle.js', 'dist/indikator-chart.js',
  'dist/kreis-map.js', 'dist/region-auswahl.js', 'dist/format.js', 'dist/kreisdossier.schema.json', 'dist/custom-elements.json',
  'dist/maplibre/maplibre-gl.mjs', 'dist/maplibre/maplibre-gl-worker.mjs', 'dist/maplibre/LICENSE.txt',
  'dist/cli/cli.js', 'dist/types/kreisdossier.d.ts', 'schema/kreisdossier-1.schema.json',
];
/**
 * sideEffects patterns for this repository's own builds, not for users: rollup (node-resolve) and Vite
 * apply the root package's sideEffects to build/ and src/ too, and a build/ module left out would have
 * its side-effect imports dropped (as happened to `import './chart-runtime.js'` in indikator-chart/entry).
 * They match nothing in the tarball.
 */
const REPO_ONLY_SIDE_EFFECTS = ['./build/**', './src/**'];

let tmp;
let packed; // npm pack --json's entry: files, size, unpackedSize, filename
let files; // Map path → size
let unpacked; // the tarball's package/ folder

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const norm = (p) => posix.normalize(p.replace(/^\.\//, ''));

/** A sideEffects / files glob as a RegExp over package-relative paths (webpack's rules: no slash → any folder). */
function globRegExp(pattern) {
  const p = norm(pattern.includes('/') ? pattern : `**/${pattern}`);
  const source = p
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part.startsWith('**') ? '(?:.*/)?' + (part === '**' ? '.*' : '') : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** Every string leaf of an exports map (conditions nest). */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Module specifiers of a JavaScript or declaration file (TypeScript's scanner: strings and comments are no imports). */
// TypeScript's scanner misses a dynamic import right after `??=` in minified code (`e??=import("./x.js")`): those
// are read with a pattern as well.
const specifiers = (code) => [
  ...new Set([...ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName), ...[...code.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => m[1])]),
];

/** Calls that register one of the elements, e.g. minified `u("indikator-tabelle",b)` (defineElement). */
const REGISTERS = new RegExp(`[\\w$]+\\(\\s*["'\`](${TAGS.join('|')})["'\`]\\s*,\\s*[\\w$.]+\\s*\\)`);

const published = () => JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

before(() => {
  for (const f of ['dist/kreisdossier.js', 'dist/cli/cli.js']) {
    assert.ok(statSync(join(ROOT, f), { throwIfNoEntry: false }), `${f} is missing: run \`npm run build\` first`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'kd-package-'));
  // A real pack (no scripts): the JSON lists exactly what is in the tarball, which is unpacked below.
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT }));
  files = new Map(packed.files.map((f) => [f.path, f.size]));
  run('tar', ['-xzf', join(tmp, packed.filename), '-C', tmp]);
  unpacked = join(tmp, 'package');
  // Dependencies as npm would install them beside the package, without network: this checkout's.
  symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  console.log(`npm pack: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`);
});

after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

describe('npm package contents', () => {
  it('contains only dist/, schema/, bin/, package.json, README.md, LICENSE and CHANGELOG.md — no tests, fixtures, sources', () => {
    const outside = [...files.keys()].filter((f) => !ALLOWED.some((re) => re.test(f)));
    assert.deepEqual(outside, [], 'files outside the allow-list');
    const forbidden = [...files.keys()].filter((f) => FORBIDDEN.some((re) => re.test(f)));
    assert.deepEqual(forbidden, [], 'tests, fixtures, stories, sources or declaration maps');
  });

  it('contains every required file, none empty', () => {
    for (const f of REQUIRED) assert.ok(files.get(f) > 0, `${f} missing or empty`);
    assert.ok([...files.keys()].some((f) => /^dist\/chunks\/.+\.js$/.test(f)), 'dist/chunks/*.js');
    assert.ok([...files.keys()].filter((f) => f.startsWith('dist/types/')).length > 10, 'dist/types/');
  });

  it('the tarball holds exactly the listed files', () => {
    const listing = run('tar', ['-tzf', join(tmp, packed.filename)]).split('\n').filter(Boolean).map((p) => p.replace(/^package\//, ''));
    assert.deepEqual(listing.sort(), [...files.keys()].sort());
  });

  it('every entry point in package.json points at a shipped file', () => {
    const targets = {
      main: [pkg.main], module: [pkg.module], types: [pkg.types], customElements: [pkg.customElements],
      bin: Object.values(pkg.bin), exports: exportTargets(pkg.exports),
    };
    for (const [field, list] of Object.entries(targets)) {
      for (const target of list) {
        assert.ok(target, `${field} is set`);
        // A subpath pattern ("./themes/*.css") must match at least one file.
        const found = target.includes('*') ? [...files.keys()].some((f) => globRegExp(target).test(f)) : files.has(norm(target));
        assert.ok(found, `${field}: ${target} is not in the package`);
      }
    }
    // bin/kreisdossier.js runs the bundled command in dist/cli/.
    const bin = read(pkg.bin.kreisdossier);
    assert.match(bin, /^#!\/usr\/bin\/env node\n/);
    for (const s of specifiers(bin)) assert.ok(files.has(norm(posix.join('bin', s))), `bin imports ${s}, which is not shipped`);
  });

  it('exports every public entry, each module with its types first; the CLI is no export', () => {
    const expected = [
      '.', './indikator-tabelle.js', './indikator-chart.js', './kreis-map.js', './region-auswahl.js', './format.js', './bundle.js',
      './schema.json', './custom-elements.json', './themes/*.css', './package.json',
    ];
    assert.deepEqual(Object.keys(pkg.exports), expected);
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (/\.(json|css)$/.test(key)) continue;
      assert.equal(typeof value, 'object', `${key}: conditions with types`);
      assert.deepEqual(Object.keys(value), ['types', 'default'], `${key}: "types" must come first`);
      assert.match(value.types, /^\.\/dist\/types\/.+\.d\.ts$/);
    }
    assert.ok(!exportTargets(pkg.exports).some((t) => t.includes('/cli/')), 'dist/cli is not importable');
  });
});

describe('sideEffects', () => {
  const patterns = pkg.sideEffects;
  const forUsers = patterns.filter((p) => !REPO_ONLY_SIDE_EFFECTS.includes(p));
  const covered = (file) => forUsers.some((p) => globRegExp(p).test(file));
  const browserJs = () => [...files.keys()].filter((f) => /^dist\/.+\.js$/.test(f) && !/^dist\/(cli|maplibre)\//.test(f));

  it('is a list; every pattern for users matches a shipped file, the repository-only ones none', () => {
    assert.ok(Array.isArray(patterns));
    for (const p of forUsers) {
      assert.ok([...files.keys()].some((f) => globRegExp(p).test(f)), `sideEffects pattern ${p} matches no file in the package`);
    }
    for (const p of REPO_ONLY_SIDE_EFFECTS) {
      assert.ok(patterns.includes(p), `sideEffects keeps ${p} for the repository's own rollup/Vite builds`);
      assert.deepEqual([...files.keys()].filter((f) => globRegExp(p).test(f)), [], `${p} must not match shipped files`);
    }
  });

  it('covers every shipped file that registers an element, and every element entry', () => {
    const registering = browserJs().filter((f) => REGISTERS.test(readFileSync(join(unpacked, f), 'utf8')));
    assert.ok(registering.length >= 3, `found registrations in ${registering.join(', ')}`);
    assert.deepEqual(registering.filter((f) => !covered(f)), [], 'files that call customElements.define (through defineElement) without a sideEffects entry');
    for (const entry of ['kreisdossier.js', 'kreisdossier.bundle.js', 'indikator-tabelle.js', 'indikator-chart.js', 'kreis-map.js', 'region-auswahl.js']) {
      assert.ok(covered(`dist/${entry}`), `dist/${entry} registers elements when imported`);
    }
    const defines = browserJs().filter((f) => readFileSync(join(unpacked, f), 'utf8').includes('customElements.define'));
    assert.deepEqual(defines.filter((f) => !covered(f)), [], 'files containing customElements.define');
  });

  it('format.js and the type files are side-effect-free', () => {
    assert.equal(covered('dist/format.js'), false);
    assert.deepEqual([...files.keys()].filter((f) => f.endsWith('.d.ts') && covered(f)), []);
    assert.doesNotMatch(readFileSync(join(unpacked, 'dist/format.js'), 'utf8'), REGISTERS);
  });
});

describe('modules and source maps', () => {
  it('browser files import only shipped files (no bare specifiers); the CLI only dependencies and node: builtins', () => {
    const dependencies = Object.keys(pkg.dependencies ?? {});
    for (const f of files.keys()) {
      if (!/^dist\/.+\.(js|mjs)$/.test(f) || f.startsWith('dist/maplibre/')) continue;
      for (const s of specifiers(readFileSync(join(unpacked, f), 'utf8'))) {
        if (s.startsWith('.')) {
          assert.ok(files.has(posix.join(posix.dirname(f), s)), `${f} imports ${s}, which is not shipped`);
        } else if (f.startsWith('dist/cli/')) {
          assert.ok(s.startsWith('node:') || dependencies.some((d) => s === d || s.startsWith(`${d}/`)), `${f} imports ${s}, not a dependency`);
        } else {
          assert.fail(`${f} imports "${s}": a browser cannot resolve a bare specifier`);
        }
      }
    }
  });

  it('every shipped JavaScript file is reachable from an entry point (no stale chunks from an earlier build)', () => {
    const entries = [...exportTargets(pkg.exports), ...Object.values(pkg.bin)].map(norm).filter((f) => /\.m?js$/.test(f) && !f.includes('*'));
    const reached = new Set();
    const visit = (file) => {
      if (reached.has(file) || !files.has(file)) return;
      reached.add(file);
      const code = readFileSync(join(unpacked, file), 'utf8');
      for (const s of specifiers(code)) if (s.startsWith('.')) visit(posix.join(posix.dirname(file), s));
    };
    entries.forEach(visit);
    const unreached = [...files.keys()].filter((f) => /\.m?js$/.test(f) && !f.startsWith('dist/maplibre/') && !reached.has(f));
    assert.deepEqual(unreached, [], 'not imported by any entry: run `npm run build` (it cleans dist/) before packing');
  });

  // Kept: the maps carry every source's text (sourcesContent), so DevTools shows readable code without
  // requesting build/ or node_modules/, which are not shipped. Browsers fetch them only with DevTools open.
  it('every shipped source map is self-contained (sourcesContent for every source) and belongs to a shipped file', () => {
    const maps = [...files.keys()].filter((f) => f.endsWith('.map'));
    assert.ok(maps.length > 0);
    for (const f of maps) {
      const map = JSON.parse(readFileSync(join(unpacked, f), 'utf8'));
      assert.ok(files.has(f.replace(/\.map$/, '')), `${f} without its file`);
      map.sources.forEach((source, i) => {
        const shipped = files.has(posix.join(posix.dirname(f), map.sourceRoot ?? '', source));
        assert.ok(shipped || typeof map.sourcesContent?.[i] === 'string', `${f}: ${source} is neither shipped nor embedded`);
      });
    }
  });

  it('every sourceMappingURL of our files points at a shipped map', () => {
    for (const f of files.keys()) {
      if (!/\.(js|mjs)$/.test(f) || f.startsWith('dist/maplibre/')) continue;
      const url = readFileSync(join(unpacked, f), 'utf8').match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
      if (url) assert.ok(files.has(posix.join(posix.dirname(f), url)), `${f} → ${url}`);
    }
  });

  it('format.js runs in Node without a DOM (no Lit in its chunks) and words its problems', async () => {
    const format = await import(pathToFileURL(join(unpacked, 'dist/format.js')).href);
    const valid = format.validateDocument(JSON.parse(readFileSync(join(ROOT, 'examples/bevoelkerung-harz.json'), 'utf8')));
    assert.equal(valid.valid, true);
    const invalid = format.validateDocument({ kreisdossier: '1.0' });
    assert.equal(invalid.valid, false);
    assert.equal(invalid.problems[0].path, '$.dataset');
    assert.match(invalid.problems[0].message.de, /Pflichtangabe „dataset“ fehlt/);
    await format.loadLocale('en');
    assert.doesNotMatch(invalid.problems[0].message.en, /Pflichtangabe/);
    assert.match(invalid.problems[0].message.en, /dataset/);
  });

  it('MapLibre files copied into dist/maplibre/ name no source map (theirs are not shipped)', () => {
    for (const f of ['dist/maplibre/maplibre-gl.mjs', 'dist/maplibre/maplibre-gl-worker.mjs']) {
      assert.doesNotMatch(readFileSync(join(unpacked, f), 'utf8'), /\/\/# sourceMappingURL=/, f);
    }
  });
});

describe('types', () => {
  const declarations = () => [...files.keys()].filter((f) => f.endsWith('.d.ts'));
  const tagMap = () => {
    const tags = new Set();
    for (const f of declarations()) {
      const text = readFileSync(join(unpacked, f), 'utf8');
      for (const block of text.matchAll(/interface HTMLElementTagNameMap\s*\{([^}]*)\}/g)) {
        for (const m of block[1].matchAll(/['"]([a-z-]+)['"]\s*:/g)) tags.add(m[1]);
      }
    }
    return tags;
  };

  it('each types entry exists, is not empty, and its relative imports are shipped declarations', () => {
    const entries = [pkg.types, ...Object.values(pkg.exports).filter((v) => typeof v === 'object').map((v) => v.types)];
    for (const t of entries) assert.ok(files.get(norm(t)) > 0, `${t} missing or empty`);
    for (const f of declarations()) {
      for (const s of specifiers(readFileSync(join(unpacked, f), 'utf8'))) {
        if (!s.startsWith('.')) continue;
        const target = posix.join(posix.dirname(f), s).replace(/\.js$/, '.d.ts');
        assert.ok(files.has(target), `${f} refers to ${s}, but ${target} is not shipped`);
      }
    }
  });

  it('the packages declarations import are installed with kreisdossier', () => {
    const dependencies = Object.keys(pkg.dependencies ?? {});
    // npm installs dependencies of dependencies beside kreisdossier too (lit-html of lit, @types/geojson of
    // maplibre-gl); a strict pnpm layout would not, see CHANGELOG's note on types.
    const installed = new Set(dependencies.flatMap((d) => [d, ...Object.keys(JSON.parse(read(`node_modules/${d}/package.json`)).dependencies ?? {})]));
    for (const f of declarations()) {
      for (const s of specifiers(readFileSync(join(unpacked, f), 'utf8'))) {
        if (s.startsWith('.')) continue;
        const name = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0];
        assert.ok(installed.has(name) || installed.has(`@types/${name}`), `${f} imports types from ${s}, which users may not have`);
      }
    }
  });

  for (const tag of TAGS) {
    it(`HTMLElementTagNameMap knows <${tag}>`, () => {
      assert.ok(tagMap().has(tag), `no HTMLElementTagNameMap entry for '${tag}'`);
    });
  }
});

describe('package.json as published', () => {
  it('names its licence, Node.js version and module type, and is publishable', () => {
    const p = published();
    assert.equal(p.name, 'kreisdossier');
    assert.match(p.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
    assert.equal(p.license, 'EUPL-1.2');
    assert.equal(p.type, 'module');
    assert.match(p.engines?.node ?? '', /^>=\d+\.\d+/);
    assert.notEqual(p.private, true);
    for (const field of ['repository', 'homepage', 'bugs']) {
      if (field in p) assert.ok(JSON.stringify(p[field]).length > 4, `${field} is empty`);
    }
  });

  it('CHANGELOG.md has an Unreleased section and one for the current version', () => {
    const changelog = readFileSync(join(unpacked, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /^## \[Unreleased\]/m);
    assert.match(changelog, new RegExp(`^## \\[${published().version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}`, 'm'));
  });
});

describe('the kreisdossier command from the unpacked tarball', () => {
  const bin = () => join(unpacked, 'bin/kreisdossier.js');
  const cli = (...args) => spawnSync(process.execPath, [bin(), ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, LANG: 'de_DE.UTF-8' }, timeout: 30_000 });

  it('prints its help in German and English', () => {
    let r = cli('--help');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Befehle:/);
    r = cli('import', '--help', '--lang', 'en'); // the English texts are a lazily loaded chunk
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /--reference-date YYYY-MM-DD/);
  });

  it('imports a GENESIS table, validates the result and exports it as JSON-stat', () => {
    const out = join(tmp, 'bevoelkerung.json');
    const fixture = join(ROOT, 'data-adapters/fixtures/datenguide-genesapi-data/12411-01-01-4.csv');
    let r = cli('import', 'genesis', fixture, '--indicator', 'bevoelkerung', '--topic', 'Bevölkerung', '--within', '15085', '-o', out);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    const harz = doc.observations.find((o) => o.region === '15085' && o.period === '2015-12-31' && o.breakdown?.geschlecht === 'insgesamt');
    assert.equal(harz?.value, 221366);
    r = cli('validate', out);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    r = cli('export', 'jsonstat', out); // a lazily loaded chunk of dist/cli
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).version, '2.0');
  });

  it('runs as `npx kreisdossier` in a project that has the package installed', () => {
    // node_modules/kreisdossier and its bin link, as npm lays them out.
    const project = join(tmp, 'project');
    mkdirSync(join(project, 'node_modules/.bin'), { recursive: true });
    renameSync(unpacked, join(project, 'node_modules/kreisdossier'));
    unpacked = join(project, 'node_modules/kreisdossier');
    for (const [name, target] of Object.entries(published().bin ?? {})) {
      symlinkSync(join('..', 'kreisdossier', target), join(project, 'node_modules/.bin', name));
    }
    // --offline: found locally or an error, never a download.
    const r = spawnSync('npx', ['--offline', 'kreisdossier', '--help'], { cwd: project, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Befehle:/);
  });
});
