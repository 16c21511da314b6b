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
  return {
    name: 'maplibre-files',
    buildStart() {
      main = this.emitFile({ type: 'asset', fileName: 'maplibre/maplibre-gl.mjs', source: readFileSync(`${dir}maplibre-gl.mjs`) });
      this.emitFile({ type: 'asset', fileName: 'maplibre/maplibre-gl-worker.mjs', source: readFileSync(`${dir}maplibre-gl-worker.mjs`) });
      this.emitFile({ type: 'asset', fileName: 'maplibre/LICENSE.txt', source: readFileSync('node_modules/maplibre-gl/LICENSE.txt') });
    },
    transform(_code, id) {
      if (!/[\\/]kreis-map[\\/]maplibre-url\.js$/.test(id)) return null;
      return { code: `export const DEFAULT_MAPLIBRE_URL = import.meta.ROLLUP_FILE_URL_${main};\n`, map: null };
    },
  };
}

const plugins = [
  mapLibreFiles(),
  nodeResolve({ exportConditions: ['production'] }),
  terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
];

/**
 * Shared code in one chunk (Lit, the format, loading, the base element): a page with one element
 * fetches its entry, this core and, for charts, Chart.js — few requests, better compression.
 */
function manualChunks(id) {
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|valibot)[\\/]/.test(id)) return 'core';
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
    plugins,
    onwarn,
  },
  {
    input: 'build/kreisdossier.js',
    output: { file: 'dist/kreisdossier.bundle.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins,
    onwarn,
  },
];
