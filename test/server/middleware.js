// Endpoints that misbehave on purpose, for the loader's failure tests.
// Everything stays on 127.0.0.1.
import { readFileSync } from 'node:fs';

const example = readFileSync(new URL('../../examples/bevoelkerung-harz.json', import.meta.url), 'utf8');
const counts = new Map();

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function testServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://127.0.0.1');
  if (!url.pathname.startsWith('/__test__/')) return next();
  const [, , kind, arg] = url.pathname.split('/');
  counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
  ctx.set('Cache-Control', 'no-store'); // every request must reach this middleware
  switch (kind) {
    case 'status': // /__test__/status/500
      ctx.status = Number(arg);
      ctx.body = `status ${arg}`;
      return;
    case 'slow': // /__test__/slow/<ms>: the example, after a delay
      await new Promise((r) => setTimeout(r, Number(arg)));
      ctx.type = 'application/json';
      ctx.body = example;
      return;
    case 'html': // an error page served with 200
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Fehler</title><p>Seite nicht gefunden</p>';
      return;
    case 'count': // /__test__/count/<name>: how often /__test__/example/<name> was requested
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(counts.get(`/__test__/example/${arg}`) ?? 0);
      return;
    case 'flaky': // /__test__/flaky/<name>: 503 on the first request, the example afterwards
      if (counts.get(url.pathname) === 1) {
        ctx.status = 503;
        ctx.body = 'try later';
        return;
      }
      ctx.type = 'application/json';
      ctx.body = example;
      return;
    case 'example': // the example under a unique URL, counted
      ctx.type = 'application/json';
      ctx.body = example;
      return;
    default:
      return next();
  }
}
