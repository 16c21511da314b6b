// Browser tests in Debian's headless Chromium (no browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { testServerMiddleware } from './test/server/middleware.js';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  rootDir: '.',
  // One page at a time: a background tab gets no animation frames, and fixtures,
  // Chart.js and MapLibre all render on requestAnimationFrame.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [testServerMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--disable-quic',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
};
