import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Stories use the committed example files, served beside Storybook (no network needed).
  staticDirs: [{ from: '../examples', to: '/examples' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
