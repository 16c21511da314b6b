import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // stories/ also holds page-level stories (e.g. theming) beside the MDX pages.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Stories use the committed example files and the demo data, served beside Storybook (no network needed);
  // they name them relative to iframe.html (./examples/…), so a Storybook under a sub-path works as well.
  staticDirs: [
    { from: '../examples', to: '/examples' },
    { from: '../demo/data', to: '/demo/data' },
    // MapLibre GL JS for <kreis-map>: maplibre-gl.mjs with its worker beside it, same origin (see preview.ts).
    { from: '../node_modules/maplibre-gl/dist/maplibre-gl.mjs', to: '/maplibre/maplibre-gl.mjs' },
    { from: '../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', to: '/maplibre/maplibre-gl-worker.mjs' },
    // The theming story's KERN-UX page: KERN's stylesheet (no fonts, no external URLs) and our themes/kern.css.
    { from: '../node_modules/@kern-ux/native/dist/kern.min.css', to: '/kern/kern.min.css' },
    { from: '../src/themes', to: '/themes' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
