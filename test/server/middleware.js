// Endpoints that misbehave on purpose, for the loader's failure tests.
// Everything stays on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const example = readFileSync(new URL('../../examples/bevoelkerung-harz.json', import.meta.url), 'utf8');
const boundaries = readFileSync(new URL('../../examples/st-kreise-2021.geojson', import.meta.url), 'utf8');
const counts = new Map();
/** Bodies stored by the tests (`PUT /__test__/doc/<name>`): raw bytes and content type. */
const stored = new Map();
/** Names of `/__test__/switch/<name>` endpoints that were switched on. */
const switchedOn = new Set();
/** Generated large documents, made once per server. */
const big = new Map();

/**
 * A valid kreisdossier document of about `megabytes` MB: Sachsen-Anhalt, its 14 Kreise and 500 made-up
 * Gemeinden per Kreis, one indicator, 2001–2016. `invalid`: one value deep inside is a string.
 */
function bigDocument(megabytes, invalid) {
  const doc = JSON.parse(readFileSync(new URL('../../examples/arbeitslosenquote-sachsen-anhalt.json', import.meta.url), 'utf8'));
  const kreise = doc.regions.filter((r) => r.level === 'Kreis');
  const periods = [...new Set(doc.observations.map((o) => o.period))];
  const regions = [...doc.regions];
  const observations = [...doc.observations];
  let size = JSON.stringify(doc).length;
  let n = 0;
  outer: for (let i = 1; i <= 999; i++) {
    for (const kreis of kreise) {
      const key = `${kreis.key}${String(i).padStart(3, '0')}`;
      regions.push({ key, name: `Gemeinde ${key}`, level: 'Gemeinde', parent: kreis.key });
      for (const period of periods) {
        const o = { indicator: 'arbeitslosenquote', region: key, period, value: Math.round(((n++ * 7919) % 250) + 20) / 10 };
        observations.push(o);
        size += JSON.stringify(o).length + 1;
      }
      if (size >= megabytes * 1024 * 1024) break outer;
    }
  }
  if (invalid) observations[observations.length - 5].value = 'sieben';
  return JSON.stringify({ ...doc, regions, observations });
}

/** The whole request body. */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound by the OS, then closed again). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

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
    case 'doc': // PUT /__test__/doc/<name>?type=<content type> stores a body; GET serves it (404 until stored)
      if (ctx.method === 'PUT') {
        stored.set(arg, { body: await readBody(ctx.req), type: url.searchParams.get('type') ?? 'application/json' });
        ctx.status = 204;
        return;
      }
      if (!stored.has(arg)) {
        ctx.status = 404;
        ctx.body = 'not stored';
        return;
      }
      ctx.type = stored.get(arg).type;
      ctx.body = stored.get(arg).body;
      return;
    case 'big': { // /__test__/big/<valid|invalid>?mb=10: a generated document of about 10 MB
      const megabytes = Number(url.searchParams.get('mb') ?? 10);
      const id = `${arg}|${megabytes}`;
      if (!big.has(id)) big.set(id, bigDocument(megabytes, arg === 'invalid'));
      ctx.type = 'application/json';
      ctx.body = big.get(id);
      return;
    }
    case 'switch': // /__test__/switch/<name>: 503 until /__test__/switch-on/<name>; then the example, or for geo-* the Kreise of Sachsen-Anhalt
      if (!switchedOn.has(arg)) {
        ctx.status = 503;
        ctx.body = 'down';
        return;
      }
      ctx.type = 'application/json';
      ctx.body = arg.startsWith('geo') ? boundaries : example;
      return;
    case 'switch-on':
      switchedOn.add(arg);
      ctx.status = 204;
      return;
    case 'closed-port': // a port on 127.0.0.1 where connections are refused
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(await closedPort());
      return;
    default:
      return next();
  }
}
