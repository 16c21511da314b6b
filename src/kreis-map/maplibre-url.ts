/**
 * Where MapLibre GL JS comes from unless a page says otherwise. In the source
 * tree (tests, dev server) that is the npm package; `npm run build` copies
 * maplibre-gl.mjs and its worker into dist/maplibre/ and replaces this module
 * with one pointing there (rollup.config.js), so a site serves both from its
 * own origin. (Built from parts so that Vite does not copy the file as an asset.)
 */
const PACKAGE_FILE = 'maplibre-gl.mjs';
const WORKER_FILE = 'maplibre-gl-worker.mjs';
export const DEFAULT_MAPLIBRE_URL: string = new URL('../../node_modules/maplibre-gl/dist/' + PACKAGE_FILE, import.meta.url).href;
/**
 * The worker, named on its own: an app bundler (Vite) copies each file a `new URL(…, import.meta.url)` in the
 * built module names, under a hashed name — a worker merely expected beside maplibre-gl.mjs would be missing.
 */
export const DEFAULT_WORKER_URL: string = new URL('../../node_modules/maplibre-gl/dist/' + WORKER_FILE, import.meta.url).href;
