// Builds dist/ from the TypeScript output in build/ (tsc runs first).
// - dist/kreisdossier.js registers every element; dist/<element>.js one element; shared code in dist/chunks/.
// - dist/kreisdossier.bundle.js is one self-contained file for a single <script type="module"> tag.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// tsc's decorator helper reads `this` at module level; in ES modules that is undefined, as intended.
const onwarn = (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning);
/**
 * MapLibre GL JS is not bundled: maplibre-gl.mjs and its worker are copied to dist/maplibre/ and
 * loaded from there by the first <kreis-map> on a page (same origin, so no blob: worker and no
 * bytes for pages without a map). The URL in kreis-map/maplibre-url.js is rewritten to point there,
 * relative to whichever chunk ends up holding it.
 */
function mapLibreFiles() {
  const dir = 'node_modules/maplibre-gl/dist/';
  let main;
  let worker;
  return {
    name: 'maplibre-files',
    buildStart() {
      main = this.emitFile({ type: 'asset', fileName: 'maplibre/maplibre-gl.mjs', source: withoutSourceMap(`${dir}maplibre-gl.mjs`) });
      worker = this.emitFile({ type: 'asset', fileName: 'maplibre/maplibre-gl-worker.mjs', source: withoutSourceMap(`${dir}maplibre-gl-worker.mjs`) });
      this.emitFile({ type: 'asset', fileName: 'maplibre/LICENSE.txt', source: readFileSync('node_modules/maplibre-gl/LICENSE.txt') });
    },
    transform(_code, id) {
      if (!/[\\/]kreis-map[\\/]maplibre-url\.js$/.test(id)) return null;
      return {
        code: `export const DEFAULT_MAPLIBRE_URL = import.meta.ROLLUP_FILE_URL_${main};\nexport const DEFAULT_WORKER_URL = import.meta.ROLLUP_FILE_URL_${worker};\n`,
        map: null,
      };
    },
  };
}

/** Stylesheets a site may link (themes/kern.css: follow the page's KERN-UX tokens), copied as they are. */
function themeFiles() {
  return {
    name: 'theme-files',
    buildStart() {
      this.emitFile({ type: 'asset', fileName: 'themes/kern.css', source: readFileSync('src/themes/kern.css') });
    },
  };
}

/** MapLibre's files name source maps that are not shipped (DevTools would ask for them and get a 404). */
function withoutSourceMap(path) {
  return readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

const plugins = [
  mapLibreFiles(),
  nodeResolve({ exportConditions: ['production'] }),
  terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
];

/**
 * Shared code in few chunks, so a page with one element fetches few files and `npm run size` can hold each
 * to a budget:
 * - core + format: what every element needs (Lit, loading, the base element, formatting; in format the
 *   format's vocabulary and the texts' runtime, without Lit, so format.js also runs in Node) — the table
 *   needs no more;
 * - validate: valibot, the schema and the problems' sentences, fetched while the first data file loads
 *   (data/load-validator.ts);
 * - figure: what charts and maps share (figure frame, tooltips, hatching, downloads);
 * - Chart.js (chart-runtime) and MapLibre are fetched only when a chart or map is on the page.
 * Code of one element only (boundaries, the dossier's helpers) stays with that element.
 */
const FIGURE = /[\\/]build[\\/](base[\\/](figure-view|figure-styles|hatch|place-tooltip|resolve-color|near-viewport|downloads)|format[\\/]csv-rows)\.js$/;
const OWN = /[\\/]build[\\/](data[\\/]load-geometry|format[\\/]index|base[\\/]attributes-directive)\.js$/;
function manualChunks(id) {
  if (/[\\/]node_modules[\\/]valibot[\\/]/.test(id)) return 'validate';
  // reading a catalogue: fetched only when a src turns out to be one (data/catalogue-loader.ts)
  if (/[\\/]build[\\/](data[\\/]catalogue-(support|data|views)|format[\\/](catalogue-(select|schema|validate)|key-level)|themen-dossier[\\/]dossier-catalogue)\.js$/.test(id)) return 'catalogue';
  if (/[\\/]build[\\/]format[\\/](validate|schema|schema-issues|rules|messages)\.js$/.test(id)) return 'validate';
  // the format's own code and the texts' runtime, without Lit: format.js also runs in Node and in workers
  if (/[\\/]node_modules[\\/]@lit[\\/]localize[\\/]/.test(id)) return 'format';
  if (/[\\/]build[\\/](format[\\/](?!index\.js)[\w-]+|i18n[\\/](locale|text))\.js$/.test(id)) return 'format';
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/.test(id)) return 'core';
  if (FIGURE.test(id)) return 'figure';
  // the picker's code, shared by its own entry and the dossier
  if (/[\\/]build[\\/](region-auswahl[\\/]|i18n[\\/]level-name\.js$)/.test(id)) return 'region-auswahl';
  if (OWN.test(id)) return undefined;
  if (/[\\/]build[\\/](base|data|format|i18n)[\\/]/.test(id)) return 'core';
  return undefined;
}

export default [
  {
    input: {
      kreisdossier: 'build/kreisdossier.js',
      'indikator-tabelle': 'build/indikator-tabelle/define.js',
      'indikator-chart': 'build/indikator-chart/entry.js',
      'kreis-map': 'build/kreis-map/define.js',
      'region-auswahl': 'build/region-auswahl/define.js',
      format: 'build/format/index.js',
    },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true, manualChunks },
    plugins: [...plugins, themeFiles()],
    onwarn,
  },
  {
    input: 'build/kreisdossier.js',
    output: { file: 'dist/kreisdossier.bundle.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins,
    onwarn,
  },
  cliConfig(),
];

/**
 * The `kreisdossier` command as the package ships it (bin/kreisdossier.js → dist/cli/cli.js), from tsc's
 * Node output in build/node/ without its tests. Every `dependencies` package stays an import (npm installs
 * them with the package); an import of anything else fails the build, since it would fail for users.
 * Not minified and without source maps: stack traces in bug reports stay readable as they are.
 */
function cliConfig() {
  const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});
  return {
    input: { cli: 'build/node/data-adapters/cli.js' },
    output: { dir: 'dist/cli', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    preserveEntrySignatures: 'allow-extension', // the lazily loaded commands import cli.js itself (no cli.js facade + cli2.js)
    external: (id) => id.startsWith('node:') || dependencies.some((d) => id === d || id.startsWith(`${d}/`)),
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`dist/cli: ${warning.message} — add it to "dependencies" or stop importing it`);
      warn(warning);
    },
  };
}
