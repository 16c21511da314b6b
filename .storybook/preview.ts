import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../dist/custom-elements.json';
import { KreisMap } from '../src/kreis-map/kreis-map.js';

// Docs tables (attributes, events, parts, CSS properties) come from custom-elements.json.
setCustomElementsManifest(manifest);

// <kreis-map> loads MapLibre from Storybook's own origin (staticDirs in main.ts), so the static
// build works offline; the worker file is found beside it.
KreisMap.mapLibreUrl = '/maplibre/maplibre-gl.mjs';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
