/**
 * Tables too large for one request (status 98) are made by the service in the background:
 * `data/tablefile` again with `job=true` starts a job (status 99, the result's name in the text),
 * `catalogue/results` lists the result once it is ready (status 104 until then), `data/resultfile`
 * downloads it. Only accounts with username and password may start jobs; API tokens are read-only.
 * Polling backs off (each wait 1.5 × the last, up to maxPollMs) and gives up after jobTimeoutMs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { t, type Lang } from '../cli-shared.js';
import { isObject } from '../common.js';
import { Stopped, type Answer, type Form, type GenesisClient } from './client.js';
import type { Credentials, Database } from './credentials.js';
import { FetchProblem, STATUS, quote, statusProblem, type GenesisStatus } from './statuses.js';

export interface JobTiming {
  /** First wait between two looks at the result list. */
  pollMs: number;
  /** Longest wait between two looks. */
  maxPollMs: number;
  /** Longest time to wait for the job as a whole. */
  jobTimeoutMs: number;
}

export interface JobCall {
  client: GenesisClient;
  table: string;
  /** The data/tablefile form that was answered with status 98. */
  form: Form;
  tooLarge: GenesisStatus;
  credentials: Credentials;
  database: Database;
  lang: Lang;
  timing: JobTiming;
  signal: AbortSignal;
  note: (text: string) => void;
}

type Zip = Extract<Answer, { kind: 'zip' }>;

/** "… mit folgendem Namen abgerufen werden: 12531-0043_175879554" → "12531-0043_175879554". */
export function resultNameOf(content: string): string | undefined {
  const names = [...content.matchAll(/:\s*([^\s:]+_\d+)/g)].map((m) => m[1]!);
  return names.pop();
}

/** "250 ms", "8 s", "2:30 min". */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

export async function fetchViaJob(call: JobCall): Promise<Zip> {
  const { client, table, lang, timing, note } = call;
  const said = quote(call.tooLarge.content, lang);
  if (call.credentials.kind === 'token') {
    throw new FetchProblem(
      `${table}: ${t(
        lang,
        `die Tabelle ist zu groß für einen Abruf (Status 98: ${said}). Dafür startet der Dienst einen Hintergrundauftrag, und das geht nicht mit einem API-Token (Tokens dürfen nur lesen). Bitte Benutzername und Passwort eines Kontos angeben (KREISDOSSIER_GENESIS_USERNAME/KREISDOSSIER_GENESIS_PASSWORD oder --credentials DATEI mit {"username", "password"}), oder die Auswahl verkleinern (--region, --level, --from/--to).`,
        `the table is too large for one request (status 98: ${said}). The service makes such tables in a background job, which an API token cannot start (tokens are read-only). Please use the username and password of an account (KREISDOSSIER_GENESIS_USERNAME/KREISDOSSIER_GENESIS_PASSWORD or --credentials FILE with {"username", "password"}), or narrow the selection (--region, --level, --from/--to).`,
      )}`,
    );
  }

  // Not repeated after a network fault: the first request may have started the job already.
  let started: Answer;
  try {
    started = await client.post('data/tablefile', { ...call.form, job: 'true' }, table, { retries: 0 });
  } catch (error) {
    if (!(error instanceof FetchProblem)) throw error;
    throw new FetchProblem(
      `${error.message}\n${t(
        lang,
        'Der Hintergrundauftrag wurde vielleicht trotzdem angelegt: bitte unter „Ergebnisse“ im Konto nachsehen, bevor Sie es erneut versuchen.',
        'The background job may have been created anyway: please look under "results" in the account before trying again.',
      )}`,
      error.fatal,
    );
  }
  if (started.kind === 'zip') return started; // the service made it right away after all
  const name = started.status.code === STATUS.JOB_STARTED ? resultNameOf(started.status.content) : undefined;
  if (!name) {
    const problem = started.status.code === STATUS.JOB_STARTED ? undefined : statusProblem(started.status, { table, database: call.database, lang, step: 'data' });
    throw new FetchProblem(
      `${problem ? problem.message : `${table}: ${t(lang, `der Dienst hat einen Hintergrundauftrag angelegt, aber keinen Ergebnisnamen genannt: ${quote(started.status.content, lang)}`, `the service created a background job but named no result: ${quote(started.status.content, lang)}`)}`}\n` +
        t(
          lang,
          'Die Tabelle ist zu groß für einen Abruf und der Hintergrundauftrag kam nicht zustande. Darf das Konto Hintergrundaufträge starten? Sonst die Auswahl verkleinern (--region, --level, --from/--to).',
          'The table is too large for one request and the background job could not be started. May the account start background jobs? Otherwise narrow the selection (--region, --level, --from/--to).',
        ),
    );
  }
  note(
    `${table}: ${t(
      lang,
      `zu groß für einen Abruf; der Dienst erstellt die Tabelle im Hintergrund als „${name}“ (Warten höchstens ${duration(timing.jobTimeoutMs)})`,
      `too large for one request; the service makes the table in the background as "${name}" (waiting at most ${duration(timing.jobTimeoutMs)})`,
    )}\n`,
  );

  const start = Date.now();
  let wait = timing.pollMs;
  for (let look = 1; ; look++) {
    if (Date.now() - start + wait > timing.jobTimeoutMs) {
      throw new FetchProblem(
        `${table}: ${t(
          lang,
          `der Hintergrundauftrag „${name}“ ist nach ${duration(Date.now() - start)} noch nicht fertig; aufgegeben. Das Ergebnis bleibt eine Weile im Konto liegen (auf der Website unter „Ergebnisse“); später erneut versuchen oder die Auswahl verkleinern.`,
          `background job "${name}" is not done after ${duration(Date.now() - start)}; gave up. The result stays in the account for a while (on the website under "Results"); try again later or narrow the selection.`,
        )}`,
      );
    }
    try {
      await sleep(wait, undefined, { signal: call.signal });
    } catch {
      throw new Stopped();
    }
    const answer = await client.post('catalogue/results', { selection: name, area: 'user', pagelength: '1', language: call.form.language ?? 'de' }, table);
    if (answer.kind === 'zip') throw new FetchProblem(`${table}: ${t(lang, 'catalogue/results antwortet mit einer ZIP-Datei statt einer Liste', 'catalogue/results answers with a ZIP file instead of a list')}`);
    const { status, json } = answer;
    const listed = Array.isArray(json.List) && json.List.some((item) => isObject(item) && item.Code === name);
    if ((status.code === STATUS.OK || status.code === STATUS.ADJUSTED) && listed) break;
    if (status.code !== STATUS.OK && status.code !== STATUS.NOTHING_FOUND && status.code !== STATUS.NOTHING_FOUND_103) {
      throw statusProblem(status, { table, database: call.database, lang, step: 'results' });
    }
    wait = Math.min(Math.round(wait * 1.5), timing.maxPollMs);
    note(
      `${table}: ${t(
        lang,
        `Hintergrundauftrag „${name}“ läuft noch (${look}. Abfrage, ${duration(Date.now() - start)} vergangen); nächste Abfrage in ${duration(wait)}`,
        `background job "${name}" still running (check ${look}, ${duration(Date.now() - start)} elapsed); next check in ${duration(wait)}`,
      )}\n`,
    );
  }
  note(`${table}: ${t(lang, `Hintergrundauftrag „${name}“ fertig, lade das Ergebnis`, `background job "${name}" done, downloading the result`)}\n`);

  const result = await client.post('data/resultfile', { name, area: 'all', compress: 'false', format: 'ffcsv', quality: call.form.quality ?? 'off', language: call.form.language ?? 'de' }, table);
  if (result.kind === 'zip') return result;
  throw statusProblem(result.status, { table, database: call.database, lang, step: 'resultfile' });
}
