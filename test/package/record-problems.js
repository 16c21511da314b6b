// Probe for the consumer pages of consumers.test.ts (scripts/consumer-apps.js puts it beside each page): a
// classic script in <head>, so it runs before any module. It records from the very start of the page what a
// visitor would not notice (console errors and warnings, failed loads, uncaught errors) and which kreisdossier
// elements have rendered (kd-render) or given up (kd-error).
window.__problems = [];
window.__kdRendered = new Set();
window.__kdFailed = new Set();
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = (...args) => {
    window.__problems.push(`console.${level}: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
}
// Capture phase: also a <script>, <link> or <img> that failed to load (those events do not bubble).
window.addEventListener('error', (e) => window.__problems.push(`error: ${e.message || e.target?.src || e.target?.href || e.type}`), true);
window.addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));
document.addEventListener('kd-render', (e) => window.__kdRendered.add(e.target));
document.addEventListener('kd-error', (e) => window.__kdFailed.add(e.target));
