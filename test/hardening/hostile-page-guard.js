// Loaded first on the hostile page: records everything that reaches the page as an error — uncaught
// exceptions (e.g. a second customElements.define of a taken name), unhandled rejections and console.error.
window.__pageErrors = [];
window.addEventListener('error', (e) => window.__pageErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => window.__pageErrors.push(`unhandledrejection: ${e.reason && e.reason.stack ? e.reason.stack : e.reason}`));
const originalError = console.error;
console.error = (...args) => {
  window.__pageErrors.push(`console.error: ${args.map(String).join(' ')}`);
  originalError.apply(console, args);
};
