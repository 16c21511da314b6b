// Records Content-Security-Policy violations so the tests (and you, in the console) can see them.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  console.warn('[demo] CSP violation', e.violatedDirective, e.blockedURI);
});
