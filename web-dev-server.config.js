// `npm start`: serves the demo (which uses the built dist/ files, as a CMS page would)
// on 127.0.0.1 with a strict Content-Security-Policy. Nothing is requested from other hosts.
import { demoCspMiddleware } from './demo/csp.js';

export default {
  rootDir: '.',
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  open: false,
  watch: false,
  middleware: [
    async (ctx, next) => (ctx.path === '/' || ctx.path === '/demo' ? ctx.redirect('/demo/') : next()),
    demoCspMiddleware,
  ],
};
