// The theme stays in one place and stays documented: no colour literal outside src/base/theme.ts (and the
// generated data palettes), every --kd-* property the code reads is in docs/theming.md and in the Custom
// Elements Manifest, and themes/kern.css only maps documented properties to tokens KERN really has.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

function sourceFiles(dir = 'src') {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return path === 'src/generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|stories)\.ts$/.test(name) ? [path] : [];
  });
}

/** Comments say things like "#fff halo" or "rgb()" — only code counts. */
const withoutComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const COLOR_LITERAL = [
  /(?<![\w&$])#[0-9a-fA-F]{3,8}\b/g,
  /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/g,
  /(?:[:,(]\s*|['"`])(?:white|black|gray|grey|silver|red|green|blue|yellow|orange|purple|navy|teal)\b(?!-)/g,
];

describe('theme', () => {
  it('has no colour literal outside src/base/theme.ts', () => {
    const files = sourceFiles();
    assert.ok(files.length > 50, `found ${files.length} source files`);
    const found = [];
    for (const file of files) {
      if (file === 'src/base/theme.ts') continue;
      const code = withoutComments(read(file));
      for (const pattern of COLOR_LITERAL) for (const m of code.matchAll(pattern)) found.push(`${file}: ${m[0]}`);
    }
    assert.deepEqual(found, [], 'colours belong in src/base/theme.ts (as a --kd-* token) or in the generated data palettes');
  });

  it('documents every --kd-* property the code reads, in docs/theming.md and in custom-elements.json', () => {
    const used = new Set();
    for (const file of sourceFiles()) for (const m of read(file).matchAll(/--kd-[a-z0-9-]*[a-z0-9]/g)) used.add(m[0]);
    // theme.ts builds names from its tables: --kd-${property}
    for (const m of read('src/base/theme.ts').matchAll(/property: '([a-z0-9-]+)'/g)) used.add(`--kd-${m[1]}`);
    used.delete('--kd-color-series'); // --kd-color-series-${n}
    for (let n = 1; n <= 8; n++) used.add(`--kd-color-series-${n}`);
    assert.ok(used.size > 40, `found ${used.size} properties`);

    const docs = read('docs/theming.md');
    const manifest = JSON.parse(read('dist/custom-elements.json'));
    const documented = new Set(
      manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)),
    );
    // series 2–7 are covered by the docs' range "`--kd-color-series-1` … `--kd-color-series-8`"
    const inRange = (p) => /^--kd-color-series-[2-7]$/.test(p) && docs.includes('`--kd-color-series-1` … `--kd-color-series-8`');
    const missingInDocs = [...used].filter((p) => !docs.includes(`\`${p}\``) && !inRange(p));
    const missingInManifest = [...used].filter((p) => !documented.has(p) && !/^--kd-color-series-[2-8]$/.test(p));
    assert.deepEqual(missingInDocs, [], 'docs/theming.md lists every property');
    assert.deepEqual(missingInManifest, [], 'a @cssprop in some element class documents every property');
    const unknownInDocs = [...docs.matchAll(/`(--kd-[a-z0-9-]+)`/g)].map((m) => m[1]).filter((p) => !used.has(p));
    assert.deepEqual([...new Set(unknownInDocs)], [], 'docs/theming.md names no property the code ignores');
  });

  it('themes/kern.css maps documented properties to tokens that exist in @kern-ux/native', () => {
    const kern = read('node_modules/@kern-ux/native/dist/kern.css');
    const kernTokens = new Set([...kern.matchAll(/(--kern-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const theme = read('src/themes/kern.css');
    const pairs = [...theme.matchAll(/(--kd-[a-z0-9-]+)\s*:\s*var\((--kern-[a-z0-9-]+)\)/g)].map((m) => [m[1], m[2]]);
    assert.ok(pairs.length >= 20, `${pairs.length} mappings`);
    const docs = read('docs/theming.md');
    for (const [kd, kernToken] of pairs) {
      assert.ok(kernTokens.has(kernToken), `${kernToken} (for ${kd}) exists in KERN ${JSON.parse(read('node_modules/@kern-ux/native/package.json')).version}`);
      assert.ok(docs.includes(`\`${kd}\``), `${kd} is documented`);
    }
    // every declaration is such a mapping (no stray literal values)
    const declarations = [...theme.matchAll(/^\s*(--[a-z0-9-]+)\s*:/gm)].length;
    assert.equal(declarations, pairs.length);
  });

  it('ships themes/kern.css in dist/ as written', () => {
    assert.equal(read('dist/themes/kern.css'), read('src/themes/kern.css'));
  });
});
