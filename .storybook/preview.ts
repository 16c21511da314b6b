import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { manifest, publicManifest } from '../stories/controls.js';
import { KreisMap } from '../src/kreis-map/kreis-map.js';
import { markRenderStart, waitForElements } from './settle.js';

// Docs tables (attributes, properties, events, slots, CSS parts, CSS custom properties) come from
// dist/custom-elements.json, which `npm run analyze` writes from the JSDoc of the element classes.
setCustomElementsManifest(publicManifest(manifest));

// <kreis-map> loads MapLibre from Storybook's own files (staticDirs in main.ts), so the static build works
// offline; the worker file is found beside it. Resolved against the page, so a Storybook served under a
// sub-path (e.g. /storybook-static/ in the browser tests) finds it too.
KreisMap.mapLibreUrl = new URL('maplibre/maplibre-gl.mjs', document.baseURI).href;

const preview: Preview = {
  // A docs page per element: description, attributes, properties, events, slots, CSS parts and CSS custom
  // properties from the manifest, and every story.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // The a11y panel: violations count as failures (test status in the sidebar).
    a11y: { test: 'error' },
    // "Show code" shows the element as a page would write it, without the story's decorators (dark page).
    docs: { source: { excludeDecorators: true } },
    options: {
      storySort: {
        order: ['Erste Schritte (Getting started)', 'Elemente', ['indikator-tabelle', 'indikator-chart', 'kreis-map', 'region-auswahl', 'themen-dossier'], '*'],
      },
    },
  },
  beforeEach: markRenderStart,
  // Before the a11y check: the elements have drawn their data or shown their error.
  afterEach: waitForElements,
};

export default preview;
