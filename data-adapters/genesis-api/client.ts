/**
 * HTTP for the GENESIS web service ("2020" REST API, as it is since July 2025): every call is a POST
 * with the parameters as a form body and the credentials in the `username`/`password` headers.
 *
 * - At most `maxInFlight` requests at a time (Destatis ends long requests of users who run more than
 *   3 in parallel), shared by every table of one command.
 * - A request that goes silent for `timeoutMs` ends (a slow but steady download does not). Network faults (connection refused or reset, timeout)
 *   are retried a few times with exponential backoff; an answer of the service (a status, an HTTP
 *   error) never is: asking again would get the same answer.
 * - Redirects are not followed: the credential headers would go along to wherever they point.
 * - The answer is a ZIP (data) or JSON (a status); anything else is an error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { t, type Lang } from '../cli-shared.js';
import type { Credentials, Database } from './credentials.js';
import { FetchProblem, loginProblem, quote, type GenesisStatus } from './statuses.js';

export type Form = Record<string, string>;

export type Answer =
  | { kind: 'zip'; bytes: Uint8Array; /** The response's Date header: when the service produced the file. */ date?: string }
  | { kind: 'status'; status: GenesisStatus; json: Record<string, unknown> };

export interface ClientOptions {
  /** Ends with "/"; endpoints ("data/tablefile") are appended. */
  baseUrl: string;
  credentials: Credentials;
  database: Database;
  lang: Lang;
  timeoutMs: number;
  /** Extra attempts after a network fault. */
  retries: number;
  /** First wait before a retry; doubled each time. */
  retryMs: number;
  maxInFlight: number;
  /** Aborted when a problem makes every further request pointless (wrong credentials). */
  signal: AbortSignal;
  /** Called with such a problem before its slot is passed on, so that no waiting request goes out after it. */
  stop?: () => void;
  /** Progress and notes (stderr). */
  note: (text: string) => void;
  /** Largest response body accepted. */
  maxBytes?: number;
}

/** Thrown into requests that were waiting when the whole fetch was stopped; not reported itself. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'Stopped';
  }
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
const MAX_BYTES = 512 * 1024 * 1024;

/** Network faults worth another try (undici's codes and the system's). */
const TRANSIENT = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);

/** At most `max` holders at a time; the others wait in order. */
class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight on
    else this.active--;
  }
}

interface NetworkFault {
  /** Error code, or "timeout". */
  code: string;
}

/** A failure of the connection (not an answer of the service), or undefined for anything else. */
function networkFault(error: unknown): NetworkFault | undefined {
  if (error instanceof Error && error.name === 'TimeoutError') return { code: 'timeout' };
  // fetch rejects with TypeError("fetch failed" / "terminated"), the reason in `cause`.
  if (!(error instanceof TypeError) || !/^(fetch failed|terminated)$/.test(error.message)) return undefined;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return { code: cause.code };
  if (typeof cause?.message === 'string' && /other side closed|socket/i.test(cause.message)) return { code: 'UND_ERR_SOCKET' };
  return { code: typeof cause?.message === 'string' && cause.message ? cause.message : error.message };
}

function faultInWords(fault: NetworkFault, lang: Lang, timeoutMs: number): string {
  switch (fault.code) {
    case 'timeout':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return t(lang, `keine Antwort innerhalb von ${formatSeconds(timeoutMs, lang)}`, `no answer within ${formatSeconds(timeoutMs, lang)}`);
    case 'ECONNREFUSED':
      return t(lang, 'Verbindung abgelehnt', 'connection refused');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return t(lang, 'Verbindung abgebrochen', 'connection dropped');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t(lang, 'Rechnername nicht gefunden (DNS)', 'host name not found (DNS)');
    default:
      return t(lang, `Netzwerkfehler (${fault.code})`, `network error (${fault.code})`);
  }
}

/** "PK\x03\x04" (a ZIP with entries) or "PK\x05\x06" (an empty ZIP). */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** A JSON body as an object, or undefined (not JSON, or not an object). */
function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** {Status: {Code, Content, Type}} (the envelope) or a flat {Code, Content, Type} (login answers). */
function statusOf(json: Record<string, unknown>): GenesisStatus | undefined {
  const s = (typeof json.Status === 'object' && json.Status !== null ? json.Status : 'Code' in json ? json : undefined) as Record<string, unknown> | undefined;
  if (!s) return undefined;
  const code = typeof s.Code === 'number' ? s.Code : typeof s.Code === 'string' && /^-?\d+$/.test(s.Code.trim()) ? Number(s.Code) : undefined;
  if (code === undefined) return undefined;
  return { code, content: typeof s.Content === 'string' ? s.Content : '', type: typeof s.Type === 'string' ? s.Type : '' };
}

export class GenesisClient {
  private readonly slots: Slots;

  constructor(private readonly o: ClientOptions) {
    this.slots = new Slots(o.maxInFlight);
  }

  /** What a request sends (for --dry-run, and what `post` sends). */
  request(endpoint: string, form: Form): { method: 'POST'; url: string; headers: Record<string, string>; body: string } {
    return {
      method: 'POST',
      url: new URL(endpoint, this.o.baseUrl).href,
      headers: {
        'content-type': FORM_CONTENT_TYPE,
        accept: 'application/zip, application/json',
        'user-agent': 'kreisdossier',
        ...this.o.credentials.headers,
      },
      body: new URLSearchParams(form).toString(),
    };
  }

  /**
   * One call of the service, with retries after network faults. `table` names the table in messages.
   * `retries: 0` for a call that must not be repeated (starting a background job twice starts two jobs).
   */
  async post(endpoint: string, form: Form, table: string, options: { retries?: number } = {}): Promise<Answer> {
    const { lang, retryMs, timeoutMs } = this.o;
    const retries = options.retries ?? this.o.retries;
    for (let attempt = 0; ; attempt++) {
      if (this.o.signal.aborted) throw new Stopped();
      let fault: NetworkFault | undefined;
      await this.slots.acquire();
      try {
        if (this.o.signal.aborted) throw new Stopped();
        return await this.once(endpoint, form, table);
      } catch (error) {
        if (error instanceof Stopped || this.o.signal.aborted) throw new Stopped();
        if (error instanceof FetchProblem && error.fatal) this.o.stop?.();
        fault = networkFault(error);
        if (!fault) throw error;
        if (fault.code === 'ENOTFOUND' || !(TRANSIENT.has(fault.code) || fault.code === 'timeout') || attempt >= retries) {
          this.o.stop?.(); // the service is unreachable: for every table alike
        }
      } finally {
        this.slots.release();
      }
      const words = faultInWords(fault, lang, timeoutMs);
      const permanent = fault.code === 'ENOTFOUND' || !(TRANSIENT.has(fault.code) || fault.code === 'timeout');
      if (permanent || attempt >= retries) {
        const host = new URL(this.o.baseUrl).host;
        throw new FetchProblem(
          `${table}: ${t(lang, `der GENESIS-Webservice (${host}) ist nicht erreichbar: ${words}`, `cannot reach the GENESIS web service (${host}): ${words}`)}` +
            (permanent ? '' : t(lang, ` (${attempt + 1} Versuche)`, ` (${attempt + 1} attempts)`)) +
            t(lang, '. Bitte Netzwerk und --api-url prüfen oder später erneut versuchen.', '. Please check the network and --api-url, or try again later.'),
          true,
        );
      }
      const wait = retryMs * 2 ** attempt;
      this.o.note(`${table}: ${t(lang, `${words}; neuer Versuch in ${formatSeconds(wait, lang)}`, `${words}; trying again in ${formatSeconds(wait, lang)}`)} (${attempt + 2}/${retries + 1})\n`);
      try {
        await sleep(wait, undefined, { signal: this.o.signal });
      } catch {
        throw new Stopped();
      }
    }
  }

  private async once(endpoint: string, form: Form, table: string): Promise<Answer> {
    const { lang, database } = this.o;
    const r = this.request(endpoint, form);
    // The timeout is for silence, not for the whole transfer: it starts again with the headers and with every
    // piece of the body, so a large result on a slow line arrives, while a service that stops sending is given up.
    const idle = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new DOMException(`no data for ${this.o.timeoutMs} ms`, 'TimeoutError')), this.o.timeoutMs);
    };
    let response: Response;
    let bytes: Uint8Array;
    try {
      arm();
      response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, redirect: 'manual', signal: AbortSignal.any([idle.signal, this.o.signal]) });
      arm();
      bytes = await this.body(response, table, arm);
    } finally {
      clearTimeout(timer);
    }
    const json = isZip(bytes) ? undefined : jsonObject(bytes);
    const status = json ? statusOf(json) : undefined;
    const http = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;

    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? '?';
      throw new FetchProblem(
        `${table}: ${t(
          lang,
          `der Dienst leitet weiter (${http}) nach ${location}. Weiterleitungen werden nicht befolgt, damit die Zugangsdaten nicht an eine andere Adresse gehen; ist die Adresse richtig, sie mit --api-url angeben.`,
          `the service redirects (${http}) to ${location}. Redirects are not followed, so that the credentials go nowhere else; if that address is right, pass it with --api-url.`,
        )}`,
        true,
      );
    }
    // Login answers: HTTP 401/403, or a flat Code 2/15 (sent with 404 or 401).
    if (response.status === 401 || response.status === 403 || (status && json && !('Status' in json) && (status.code === 2 || status.code === 15))) {
      throw loginProblem(status?.code, response.status, status?.content, database, lang);
    }
    if (!response.ok) {
      const said = status?.content ? `: ${quote(status.content, lang)}` : '';
      const contentType = response.headers.get('content-type') ?? '';
      throw new FetchProblem(
        `${table}: ${t(lang, `der Dienst antwortet mit einem Fehler (${http}${said})`, `the service answers with an error (${http}${said})`)}` +
          (said || !contentType ? '' : ` [${contentType}]`) +
          (response.status >= 500
            ? t(lang, '. Der Fehler liegt beim Dienst: später erneut versuchen.', '. The fault is at the service: try again later.')
            : response.status === 404
              ? t(lang, '. Adresse falsch? Bitte --api-url bzw. --database prüfen.', '. Wrong address? Please check --api-url or --database.')
              : '.'),
        // A wrong address (404, 405) fails for every table alike; other answers may concern this table only.
        response.status === 404 || response.status === 405,
      );
    }
    if (isZip(bytes)) {
      const date = response.headers.get('date');
      return { kind: 'zip', bytes, ...(date ? { date } : {}) };
    }
    if (json && status) return { kind: 'status', status, json };
    const contentType = response.headers.get('content-type') || t(lang, 'ohne Angabe', 'none given');
    throw new FetchProblem(
      `${table}: ${t(
        lang,
        `die Antwort ist weder eine ZIP-Datei noch eine Statusmeldung (JSON) (Content-Type ${contentType}, ${bytes.length} Bytes). Ist --api-url die Adresse des GENESIS-Webservice (…/rest/2020/)?`,
        `the answer is neither a ZIP file nor a status (JSON) (content type ${contentType}, ${bytes.length} bytes). Is --api-url the address of the GENESIS web service (…/rest/2020/)?`,
      )}`,
    );
  }

  /** The body, refusing more than maxBytes (an endless answer ends with a message, not a full memory). */
  private async body(response: Response, table: string, onChunk: () => void = () => {}): Promise<Uint8Array> {
    const max = this.o.maxBytes ?? MAX_BYTES;
    const declared = Number(response.headers.get('content-length'));
    const tooLarge = () => {
      void response.body?.cancel().catch(() => {});
      return new FetchProblem(
        `${table}: ${t(this.o.lang, `die Antwort ist größer als ${Math.round(max / 2 ** 20)} MiB: bitte die Auswahl verkleinern (--region, --from/--to)`, `the answer is larger than ${Math.round(max / 2 ** 20)} MiB: please narrow the selection (--region, --from/--to)`)}`,
      );
    };
    if (declared > max) throw tooLarge();
    if (!response.body) return new Uint8Array(0);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      onChunk();
      size += chunk.length;
      if (size > max) throw tooLarge();
      chunks.push(chunk);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** "800 ms", "2,5 s" / "2.5 s". */
export function formatSeconds(ms: number, lang: Lang): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = `${Math.round(ms / 100) / 10} s`;
  return lang === 'de' ? s.replace('.', ',') : s;
}
