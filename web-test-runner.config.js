// Browser tests in Debian's headless Chromium (no browser download).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { demoCspMiddleware, MINIMAL_STRICT_CSP } from './demo/csp.js';
import { testServerMiddleware } from './test/server/middleware.js';

/** Prints one closing line "browser: N passed, N failed" that CI can read. */
function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const count = (suite) => {
        for (const t of suite.tests) t.passed ? passed++ : t.skipped || failed++;
        suite.suites.forEach(count);
      };
      for (const s of sessions) {
        if (s.testResults) count(s.testResults);
        if (!s.passed && !s.testResults) failed++; // a file that failed to load
      }
      setTimeout(() => console.log(`browser: ${passed} passed, ${failed} failed`));
    },
  };
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows high-contrast mode, which
 * @web/test-runner-commands' emulateMedia does not cover.
 */
function forcedColorsPlugin() {
  const cdpSessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      // puppeteer's emulateMediaFeatures refuses forced-colors; the DevTools protocol has it. The
      // emulation lasts as long as the CDP session, so one session per page is kept open.
      let cdp = cdpSessions.get(page);
      if (!cdp) cdpSessions.set(page, (cdp = await page.createCDPSession()));
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}

/** Koa middleware: the CSP test page gets MINIMAL_STRICT_CSP. */
async function minimalCspMiddleware(ctx, next) {
  await next();
  if (ctx.path === '/test/hardening/csp-page.html') ctx.set('Content-Security-Policy', MINIMAL_STRICT_CSP);
}

/**
 * `executeServerCommand('record-requests', { action: 'start' | 'peek' | 'stop' })`: every request the browser makes
 * for the test page and its frames, as the DevTools protocol sees it (so also requests that never reach a
 * server: other hosts, refused connections). `stop` returns the URLs.
 */
function requestRecorderPlugin() {
  const recordings = new WeakMap();
  return {
    name: 'record-requests',
    async executeCommand({ command, payload, session }) {
      if (command !== 'record-requests') return undefined;
      const page = session.browser.getPage(session.id);
      if (payload?.action === 'start') {
        const urls = [];
        const onRequest = (request) => urls.push(request.url());
        page.on('request', onRequest);
        recordings.set(page, { urls, onRequest });
        return true;
      }
      const recording = recordings.get(page);
      if (!recording) return [];
      if (payload?.action === 'peek') return [...recording.urls];
      page.off('request', recording.onRequest);
      recordings.delete(page);
      return recording.urls;
    },
  };
}

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
  middleware: [testServerMiddleware, demoCspMiddleware, minimalCspMiddleware],
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), forcedColorsPlugin(), requestRecorderPlugin()],
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
