// Shows on alle-elemente.html how many Content-Security-Policy violations the browser has reported so far
// (collected by csp-report.js). A module script: it runs once the page has been parsed.
const output = document.getElementById('csp-zaehler');
if (output) {
  const show = () => {
    const count = window.__cspViolations?.length ?? 0;
    output.textContent = count === 0 ? '0 – keine' : String(count);
  };
  show();
  document.addEventListener('securitypolicyviolation', () => queueMicrotask(show));
}
