// Records Content-Security-Policy violations so the tests (and you, in the console) can see them.
// Every demo page loads this file first, as a classic script in <head>, before the kreisdossier bundle.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  console.warn('[demo] CSP violation', e.violatedDirective, e.blockedURI);
});

// Also records which kreisdossier elements have rendered (kd-render) or given up (kd-error), from the
// very start of the page — an element at the top may finish before a test could listen from outside.
window.__kdRendered = new Set();
window.__kdFailed = new Set();
document.addEventListener('kd-render', (e) => window.__kdRendered.add(e.target));
document.addEventListener('kd-error', (e) => window.__kdFailed.add(e.target));
