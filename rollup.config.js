// Builds dist/ from the TypeScript output in build/ (tsc runs first).
// - dist/kreisdossier.js registers every element; dist/<element>.js one element; shared code in dist/chunks/.
// - dist/kreisdossier.bundle.js is one self-contained file for a single <script type="module"> tag.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// tsc's decorator helper reads `this` at module level; in ES modules that is undefined, as intended.
const onwarn = (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning);
const plugins = [
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
