/**
 * A stand-in for the GENESIS web service on 127.0.0.1 (a free port) that answers with real recorded
 * responses (data-adapters/fixtures/genesis-api/, byte for byte, with their recorded headers), records
 * every request for assertions, and can be told to misbehave. No test reaches the internet.
 *
 *   const server = await startReplayServer();
 *   await main(['fetch', '12411-01-01-4', '--api-url', server.url, '-o', 'out.json'], io,
 *              { KREISDOSSIER_GENESIS_TOKEN: 'replay' });
 *   server.requests[1].form.startyear; // "1995"
 *   await server.close();
 *
 * Usable outside node:test (scripts/build-demo-data.js imports the compiled
 * build/node/data-adapters/test/genesis-replay-server.js).
 *
 * Answers are chosen by endpoint + `name` (or `selection`) + `job` + `language`. Recordings with the
 * same key are replayed in the order they were recorded, the last one repeated. A request nothing was
 * recorded for gets the recorded "no objects" answer (status 104). Recorded tables: 12411-01-01-4
 * (de, en), 13111-01-03-4, 73111-01-01-4, 52411-02-01-4 (metadata/table and data/tablefile), the job
 * flow of 12531-0043 (status 98, 99, catalogue/results 104 and 0), status -1 (61111-0021) and
 * 104 (63121-0001).
 *
 * Credentials: a request without a `username` header gets HTTP 401 with a flat {Code: 15} body, one
 * with credentials other than `options.credentials` (when given) HTTP 404 with a flat {Code: 2} body,
 * as the real service answers (those two bodies are synthetic: no recording of them exists).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

export interface RecordedRequest {
  method: string;
  /** Path (and query) as requested. */
  url: string;
  /** "data/tablefile", "metadata/table", … (the last two path segments). */
  endpoint: string;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw body and its form fields. */
  body: string;
  form: Record<string, string>;
  /** Milliseconds since the server started, when the request arrived and was answered. */
  start: number;
  end?: number;
}

export type Fault =
  /** Any HTTP status with an optional body. */
  | { kind: 'http'; status: number; body?: string; contentType?: string }
  /** Never answers (until close). */
  | { kind: 'hang' }
  /** Closes the connection after reading the request, without an answer. */
  | { kind: 'drop' }
  /** HTTP 200 with this body (e.g. an HTML page: neither ZIP nor JSON). */
  | { kind: 'body'; body: string | Uint8Array; contentType?: string }
  /** HTTP 200 with a ZIP of these entries (none, or several). */
  | { kind: 'zip'; entries: Record<string, string> }
  /** A recorded body by its fixture name, e.g. "destatis_61111-0021_data-tablefile_de_status-1". */
  | { kind: 'recorded'; name: string }
  /** A synthetic Status envelope, for codes no recording has (90, 22, 50). */
  | { kind: 'status'; code: number; content: string; type?: string }
  /** The answer to wrong credentials (HTTP 404, flat Code 2). */
  | { kind: 'wrong-credentials' }
  /** A redirect. */
  | { kind: 'redirect'; location: string }
  /** A recorded body sent slowly: in `chunks` pieces with `gapMs` between them (a slow line, not a dead one). */
  | { kind: 'trickle'; name: string; chunks: number; gapMs: number };

export interface FaultRule {
  /** Only for this endpoint ("data/tablefile"); all when left out. */
  endpoint?: string;
  /** Only for this `name` (or `selection`). */
  name?: string;
  /** Only when the form has these fields with these values (e.g. {job: "true"}). */
  form?: Record<string, string>;
  /** Only the first N matching requests; all when left out. */
  times?: number;
  fault: Fault;
}

export interface ReplayOptions {
  /** Folder of the recordings (default: data-adapters/fixtures/genesis-api/ of this repository). */
  fixturesDir?: string;
  /** The only credentials accepted; when left out, any non-empty `username` header is. */
  credentials?: { username: string; password: string } | { token: string };
  /** Misbehaviour, first matching rule wins. */
  faults?: FaultRule[];
  /**
   * The background-job flow for every table: data/tablefile answers status 98 (recorded), with job=true
   * status 99 (recorded; result "12531-0043_175879554"), catalogue/results `polls` times status 104 and
   * then 0 (recorded), data/resultfile the recorded flat-file ZIP of `resultTable`.
   */
  job?: { polls: number; resultTable: string };
  /** Wait this long before each answer (to see requests overlap). */
  delayMs?: number;
}

export interface ReplayServer {
  /** Base URL for --api-url, ending with "/". */
  url: string;
  requests: RecordedRequest[];
  /** Most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

interface Recording {
  name: string;
  index: number;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const DEFAULT_FIXTURES = fileURLToPath(new URL('../../../../data-adapters/fixtures/genesis-api/', import.meta.url));
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const JOB_RESULT = '12531-0043_175879554';

const keyOf = (endpoint: string, form: Record<string, string>) =>
  [endpoint, form.name ?? form.selection ?? '', endpoint === 'catalogue/results' ? '' : (form.job ?? 'false'), endpoint === 'catalogue/results' ? '' : (form.language ?? 'de')].join('|');

function loadRecordings(dir: string): { byKey: Map<string, Recording[]>; byName: Map<string, Recording> } {
  const byKey = new Map<string, Recording[]>();
  const byName = new Map<string, Recording>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.meta.json')).sort()) {
    const meta = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const endpoint = new URL(meta.request.url).pathname.split('/').slice(-2).join('/');
    const recording: Recording = {
      name: file.replace(/\.meta\.json$/, ''),
      index: meta.source?.interaction_index ?? 0,
      status: meta.response.status,
      headers: meta.response.headers,
      body: readFileSync(join(dir, meta.response.body_file)),
    };
    byName.set(recording.name, recording);
    const key = keyOf(endpoint, meta.request.form);
    byKey.set(key, [...(byKey.get(key) ?? []), recording].sort((a, b) => a.index - b.index));
  }
  return { byKey, byName };
}

const json = (value: unknown) => ({ contentType: 'application/json;charset=UTF-8', body: JSON.stringify(value) });

export async function startReplayServer(options: ReplayOptions = {}): Promise<ReplayServer> {
  const { byKey, byName } = loadRecordings(options.fixturesDir ?? DEFAULT_FIXTURES);
  const recorded = (name: string) => {
    const r = byName.get(name);
    if (!r) throw new Error(`replay server: no recording ${name}`);
    return r;
  };
  const requests: RecordedRequest[] = [];
  const served = new Map<string, number>();
  const ruleUses = new Map<FaultRule, number>();
  const started = Date.now();
  let inFlight = 0;
  let maxInFlight = 0;
  let polls = 0;

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Uint8Array): void {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name.toLowerCase())) out[name] = value;
    // The recorded Date header is replayed (it becomes the source's "retrieved"); Node would add its own.
    if (Object.keys(out).some((n) => n.toLowerCase() === 'date')) res.sendDate = false;
    res.writeHead(status, out);
    res.end(body);
  }

  const replay = (res: ServerResponse, r: Recording) => send(res, r.status, r.headers, r.body);

  function answerFault(res: ServerResponse, req: IncomingMessage, fault: Fault): void {
    switch (fault.kind) {
      case 'http':
        send(res, fault.status, { 'Content-Type': fault.contentType ?? 'text/html;charset=UTF-8' }, fault.body ?? `<html><body>${fault.status}</body></html>`);
        return;
      case 'hang':
        return; // the socket stays open until close()
      case 'drop':
        req.socket.destroy();
        return;
      case 'body':
        send(res, 200, { 'Content-Type': fault.contentType ?? 'text/html;charset=UTF-8' }, fault.body);
        return;
      case 'zip':
        send(res, 200, { 'Content-Type': 'application/zip' }, zipSync(Object.fromEntries(Object.entries(fault.entries).map(([n, text]) => [n, new TextEncoder().encode(text)]))));
        return;
      case 'recorded':
        replay(res, recorded(fault.name));
        return;
      case 'status': {
        const j = json({ Ident: { Service: 'replay', Method: 'synthetic' }, Status: { Code: fault.code, Content: fault.content, Type: fault.type ?? 'Information' }, Parameter: null, Object: null, Copyright: null });
        send(res, 200, { 'Content-Type': j.contentType }, j.body);
        return;
      }
      case 'wrong-credentials': {
        const j = json({ Code: 2, Content: 'replay server (synthetic): wrong username or password', Type: 'ERROR' });
        send(res, 404, { 'Content-Type': j.contentType }, j.body);
        return;
      }
      case 'redirect':
        send(res, 302, { Location: fault.location }, '');
        return;
      case 'trickle': {
        const r = recorded(fault.name);
        const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
        res.writeHead(r.status, { 'Content-Type': 'application/zip' });
        const size = Math.ceil(body.length / fault.chunks);
        let at = 0;
        const next = () => {
          if (res.destroyed) return;
          res.write(body.subarray(at, at + size));
          at += size;
          if (at >= body.length) res.end();
          else setTimeout(next, fault.gapMs);
        };
        next();
        return;
      }
    }
  }

  function credentialsFault(req: IncomingMessage): Fault | undefined {
    const username = req.headers.username;
    const password = req.headers.password ?? '';
    if (typeof username !== 'string' || username === '') {
      return { kind: 'http', status: 401, ...json({ Code: 15, Content: 'replay server (synthetic): not authorised (no credentials)', Type: 'ERROR' }) };
    }
    const c = options.credentials;
    if (!c) return undefined;
    const ok = 'token' in c ? username === c.token && password === '' : username === c.username && password === c.password;
    return ok ? undefined : { kind: 'wrong-credentials' };
  }

  function answer(req: IncomingMessage, res: ServerResponse, endpoint: string, form: Record<string, string>): void {
    const name = form.name ?? form.selection ?? '';
    const rule = options.faults?.find(
      (r) =>
        (!r.endpoint || r.endpoint === endpoint) &&
        (!r.name || r.name === name) &&
        Object.entries(r.form ?? {}).every(([field, value]) => form[field] === value) &&
        (r.times === undefined || (ruleUses.get(r) ?? 0) < r.times),
    );
    if (rule) {
      ruleUses.set(rule, (ruleUses.get(rule) ?? 0) + 1);
      answerFault(res, req, rule.fault);
      return;
    }
    const refused = credentialsFault(req);
    if (refused) {
      answerFault(res, req, refused);
      return;
    }
    const job = options.job;
    if (job) {
      if (endpoint === 'data/tablefile') return replay(res, recorded(form.job === 'true' ? 'destatis_12531-0043_data-tablefile_de_status99' : 'destatis_12531-0043_data-tablefile_de_status98'));
      if (endpoint === 'catalogue/results') {
        return replay(res, recorded(polls++ < job.polls ? 'destatis_12531-0043_catalogue-results_de_status104' : 'destatis_12531-0043_catalogue-results_de'));
      }
      if (endpoint === 'data/resultfile' && name === JOB_RESULT) {
        return replay(res, recorded(`regio_${job.resultTable}_data-tablefile_${form.language === 'en' ? 'en' : 'de'}`));
      }
    }
    const list = byKey.get(keyOf(endpoint, form));
    if (!list) {
      res.setHeader('X-Replay', 'not recorded');
      return replay(res, recorded('destatis_63121-0001_data-tablefile_de_status104'));
    }
    const key = keyOf(endpoint, form);
    const n = served.get(key) ?? 0;
    served.set(key, n + 1);
    replay(res, list[Math.min(n, list.length - 1)]!);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const form = Object.fromEntries(new URLSearchParams(body));
      const endpoint = new URL(req.url ?? '/', 'http://replay').pathname.split('/').filter(Boolean).slice(-2).join('/');
      const record: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', endpoint, headers: { ...req.headers }, body, form, start: Date.now() - started };
      requests.push(record);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        inFlight--;
        record.end = Date.now() - started;
      };
      res.on('finish', finish);
      res.on('close', finish);
      setTimeout(() => {
        try {
          answer(req, res, endpoint, form);
        } catch (error) {
          send(res, 500, { 'Content-Type': 'text/plain' }, String(error));
        }
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/genesisws/rest/2020/`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
