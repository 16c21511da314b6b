// The strict Content-Security-Policy every demo page is served with (by `npm start` and in the tests).
// No 'unsafe-inline', no 'unsafe-eval', no blob: — what a cautious municipal site sends.
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The smallest strict policy the elements work under (README, "Content-Security-Policy"); a test page is served with it. */
export const MINIMAL_STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; img-src 'self' data:";

/** Koa middleware: sends the strict CSP with every page under /demo/. */
export async function demoCspMiddleware(ctx, next) {
  await next();
  if (ctx.path.startsWith('/demo/')) {
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Content-Type-Options', 'nosniff');
  }
}
