// Builds the pages test/package/consumers.test.ts opens, from the *packed* package as a user gets it
// (`npm pack` into a temp dir, unpacked; run after `npm run build`):
//
//   build/consumers/plain/     a static page whose only library file is <script type="module" src=…bundle.js>:
//                              kreisdossier.bundle.js and maplibre/ copied from the tarball, as the README says
//   build/consumers/vite-app/  `vite build` of an app with the tarball in node_modules/kreisdossier: index.html
//                              (import 'kreisdossier' + format.js + schema.json + a theme), single.html (the per-element
//                              entries, imported only for their side effect), format.html (format.js alone),
//                              map.html (<kreis-map>: MapLibre and its worker as the bundler emits them).
//                              `tsc --noEmit` checks the app against the published types meanwhile.
//
// The app is built in a temp dir, so nothing resolves from this checkout by walking up; its node_modules holds
// the unpacked package plus symlinks to the packages npm would install with it (taken from this checkout's
// node_modules: no network).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'build/consumers');
const DATA = ['examples/bevoelkerung-harz.json', 'examples/arbeitslosenquote-sachsen-anhalt.json', 'examples/st-kreise-2021.geojson'];
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const TABLE = '<indikator-tabelle src="daten/bevoelkerung-harz.json" region="15085" period="2015-12-31"></indikator-tabelle>';
const CHART = '<indikator-chart src="daten/arbeitslosenquote-sachsen-anhalt.json" region="15085"></indikator-chart>';
const MAP =
  '<kreis-map src="daten/arbeitslosenquote-sachsen-anhalt.json" geo="daten/st-kreise-2021.geojson" indicator="arbeitslosenquote" region="15" period="2016"\n' +
  '  geo-attribution="© GeoBasis-DE / BKG (2021), Daten verändert"></kreis-map>';
const PICKER = '<region-auswahl src="daten/bevoelkerung-harz.json" heading="Region"></region-auswahl>';
const ALL_ELEMENTS = [TABLE, CHART, MAP, PICKER].join('\n');

const VITE_APP = {
  'package.json': `${JSON.stringify({ name: 'kreisdossier-consumer-vite', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        noEmit: true,
        resolveJsonModule: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        // The published declarations and what they import are checked too (not TypeScript's own lib files).
        skipLibCheck: false,
        skipDefaultLibCheck: true,
      },
      include: ['*.ts'],
    },
    null,
    2,
  )}\n`,
  // The map has a page of its own (map.html): see the skipped test in consumers.test.ts.
  'index.html': page('Vite-App mit allen Elementen', '<script type="module" src="./main.ts"></script>', `${TABLE}\n${CHART}\n${PICKER}\n<p>Prüfung: <output id="validation"></output></p>`, ' vite-ignore'),
  'single.html': page('Vite-App mit einzelnen Elementen', '<script type="module" src="./single.ts"></script>', [TABLE, CHART, PICKER].join('\n'), ' vite-ignore'),
  'map.html': page('Vite-App mit Karte', '<script type="module" src="./map.ts"></script>', MAP, ' vite-ignore'),
  'format.html': page('Vite-App nur mit dem Datenformat', '<script type="module" src="./format.ts"></script>', '<p>Prüfung: <output id="validation"></output></p>', ' vite-ignore'),
  'validation.ts': `import { validateDocument } from 'kreisdossier/format.js';

/** Fetches a data file, validates it with the published validator and shows the outcome. */
export async function showValidation(url: string): Promise<void> {
  const result = validateDocument(await (await fetch(url)).json());
  const output = document.querySelector('#validation')!;
  output.textContent = result.valid
    ? \`gültig: \${result.document.observations.length} Beobachtungen\`
    : \`ungültig: \${result.problems.length} Probleme\`;
}
`,
  'main.ts': `import 'kreisdossier';
import 'kreisdossier/themes/kern.css';
import schema from 'kreisdossier/schema.json';
import { showValidation } from './validation.js';

await showValidation('daten/bevoelkerung-harz.json');
document.querySelector('#validation')!.append(\` (\${schema.title})\`);
`,
  'single.ts': `// Each element entry imported only for its side effect: a bundler must keep them (sideEffects).
import 'kreisdossier/indikator-tabelle.js';
import 'kreisdossier/indikator-chart.js';
import 'kreisdossier/kreis-map.js';
import 'kreisdossier/region-auswahl.js';
`,
  'map.ts': `import 'kreisdossier/kreis-map.js';
`,
  'format.ts': `import { showValidation } from './validation.js';

await showValidation('daten/bevoelkerung-harz.json');
`,
  // Type-checked, never bundled: what the published declarations promise.
  'types.ts': `import type { IndikatorChart, KreisMap, KdElement } from 'kreisdossier';
import type { IndikatorTabelle } from 'kreisdossier/indikator-tabelle.js';
import type { RegionAuswahl } from 'kreisdossier/region-auswahl.js';
import type { KreisdossierDocument, ValidationResult } from 'kreisdossier/format.js';
import { validateDocument } from 'kreisdossier/format.js';
import type { IndikatorChart as BundleChart } from 'kreisdossier/bundle.js';

export function checks(doc: KreisdossierDocument): ValidationResult {
  document.createElement('indikator-chart').region = '15085';
  const chart: IndikatorChart = document.createElement('indikator-chart');
  // @ts-expect-error — <indikator-chart> has no property "regoin"
  chart.regoin = '15085';
  // @ts-expect-error — region keys are strings
  chart.region = 15085;
  const table: IndikatorTabelle = document.createElement('indikator-tabelle');
  table.rows = 'period';
  // @ts-expect-error — not one of 'auto' | 'period' | 'region'
  table.rows = 'columns';
  const map: KreisMap | null = document.querySelector('kreis-map');
  const picker: RegionAuswahl = document.createElement('region-auswahl');
  const base: KdElement[] = [chart, table, picker];
  const fromBundle: BundleChart = chart;
  void [map, base, fromBundle];
  return validateDocument(doc);
}
`,
};

if (!existsSync(join(ROOT, 'dist/kreisdossier.bundle.js'))) {
  console.error('consumer-apps: dist/ is missing — run `npm run build` first');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'kd-consumers-'));
try {
  // 1. The tarball, unpacked.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  execFileSync('tar', ['-xzf', join(tmp, packed.filename), '-C', tmp]);
  const unpacked = join(tmp, 'package');
  rmSync(OUT, { recursive: true, force: true });

  // 2. The plain page: copy the bundle (and MapLibre beside it) to the site, one script tag.
  const plain = join(OUT, 'plain');
  mkdirSync(join(plain, 'assets/kreisdossier'), { recursive: true });
  cpSync(join(unpacked, 'dist/kreisdossier.bundle.js'), join(plain, 'assets/kreisdossier/kreisdossier.bundle.js'));
  cpSync(join(unpacked, 'dist/maplibre'), join(plain, 'assets/kreisdossier/maplibre'), { recursive: true });
  addPublicFiles(plain);
  writeFileSync(join(plain, 'index.html'), page('Einbindung mit einem Script-Tag', '<script type="module" src="assets/kreisdossier/kreisdossier.bundle.js"></script>', ALL_ELEMENTS));

  // 3. The Vite app, in the temp dir.
  const app = join(tmp, 'vite-app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  renameSync(unpacked, join(app, 'node_modules/kreisdossier'));
  const published = JSON.parse(readFileSync(join(app, 'node_modules/kreisdossier/package.json'), 'utf8'));
  for (const name of installedWith(published)) {
    mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name), 'dir');
  }
  for (const [file, text] of Object.entries(VITE_APP)) writeFileSync(join(app, file), text);
  addPublicFiles(join(app, 'public'));

  // 4. The app against the published types (properties of the elements, a misspelt one refused), while
  // 5. vite builds it with a relative base: the test server serves the pages from /build/consumers/vite-app/.
  const typecheck = new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], (error, stdout, stderr) =>
      error ? reject(new Error(`tsc --noEmit of the consumer app failed:\n${stdout}${stderr}`)) : resolve(elapsed()),
    );
  });
  typecheck.catch(() => {}); // reported below, after the build
  await build({
    root: app,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(OUT, 'vite-app'),
      emptyOutDir: true,
      reportCompressedSize: false,
      rollupOptions: { input: { index: join(app, 'index.html'), single: join(app, 'single.html'), format: join(app, 'format.html'), map: join(app, 'map.html') } },
    },
  });
  const built = elapsed();
  const typechecked = await typecheck;
  const summary = { packed: { files: packed.entryCount, size: packed.size, unpackedSize: packed.unpackedSize }, vite: viteAssets(join(OUT, 'vite-app')) };
  writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `consumer-apps: package ${packed.entryCount} files, ${kb(packed.size)} packed / ${kb(packed.unpackedSize)} unpacked; ` +
      `vite build done at ${built}, types checked at ${typechecked}`,
  );
} catch (error) {
  console.error(`consumer-apps: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  if (process.env.KD_KEEP_TMP) console.log(`consumer-apps: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

/** The data files and the probe script, beside a page (Vite copies its public/ folder as it is). */
function addPublicFiles(dir) {
  mkdirSync(join(dir, 'daten'), { recursive: true });
  for (const file of DATA) cpSync(join(ROOT, file), join(dir, 'daten', file.split('/').pop()));
  cpSync(join(ROOT, 'test/package/record-problems.js'), join(dir, 'record-problems.js'));
}

/**
 * The packages npm installs beside kreisdossier: its dependencies and theirs, hoisted, as names. A package
 * this checkout has only nested (another version) is reached through its parent's symlink.
 */
function installedWith(pkg) {
  const names = new Set();
  const queue = Object.keys(pkg.dependencies ?? {});
  while (queue.length) {
    const name = queue.shift();
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (names.has(name) || !existsSync(manifest)) continue;
    names.add(name);
    const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    queue.push(...Object.keys(dependencies), ...Object.keys(optionalDependencies));
  }
  return [...names];
}

/** Size of each built JS file, for the summary. */
function viteAssets(dir) {
  const assets = join(dir, 'assets');
  return Object.fromEntries(readdirSync(assets).filter((f) => /\.m?js$/.test(f)).map((f) => [f, statSync(join(assets, f)).size]));
}

/** A page of a consumer site: German, the probe first (Vite leaves a `vite-ignore` script alone), then the page's own script. */
function page(title, script, body, probeAttributes = '') {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script src="record-problems.js"${probeAttributes}></script>
${script}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}
