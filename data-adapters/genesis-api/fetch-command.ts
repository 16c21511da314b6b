/**
 * `kreisdossier fetch TABLE…`: tables straight from the GENESIS web service (regionalstatistik.de or
 * GENESIS-Online) into one valid kreisdossier file. Per table: `metadata/table` (title, period range,
 * "Stand", attribution, licence), then `data/tablefile` as a flat file (or, for a table too large for
 * one request, the background-job flow), then the project's ffcsv adapter and the validator. Every
 * table must succeed before anything is written; several tables are merged (or written one file each
 * into a folder).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../src/format/validate.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { CliError, fsProblem, printSummary, readMapping, t, writeAtomically, type Io, type Lang, type Values } from '../cli-shared.js';
import { decode } from '../decode.js';
import type { FfcsvOptions } from '../ffcsv/ffcsv.js';
import { CLI_MAX_CONVERTED, CLI_MAX_OBSERVATIONS, checkObservationCount, limitObservations, readInputFile } from '../limits.js';
import { mergeDocuments } from '../merge.js';
import { describeMissing, type MissingMetadata } from '../missing-metadata.js';
import { nameRegions } from '../region-names.js';
import { GenesisClient, Stopped, type Answer } from './client.js';
import { convertFlatFile, MissingFlags } from './convert.js';
import { findCredentials, howToGetCredentials, requireCredentials, type Credentials, type Database } from './credentials.js';
import { describeDryRun, type DryRunRequest } from './dry-run.js';
import { fetchViaJob, type JobTiming } from './job.js';
import { tableFacts } from './metadata.js';
import { metadataForm, readSelection, regionFields, tablefileForm, yearFields, type Selection } from './selection.js';
import { adjustedNote, FetchProblem, STATUS, statusProblem } from './statuses.js';
import { unzipFlatFile } from './unzip.js';

export const FETCH_HELP: [de: string, en: string] = [
  `kreisdossier fetch TABELLE… [Optionen] -o aus.json

Lädt Tabellen vom GENESIS-Webservice (Regionaldatenbank regionalstatistik.de oder GENESIS-Online) und
schreibt sie als eine gültige kreisdossier-Datei. Titel, Zeitraum, Stand, Quellenvermerk, Lizenz und Thema
kommen aus den Metadaten der Tabelle; was dort fehlt, wird mit allen nötigen Optionen auf einmal erfragt.

  --region AGS          nur diese Regionen (mehrfach oder mit Komma; 15 = Sachsen-Anhalt, 15085 = Harz)
  --level kreis|gemeinde  regionale Ebene (Standard mit --region: die der Tabelle)
  --from JAHR, --to JAHR  Zeitraum (Standard: alles, was die Tabelle hat)
  --lang de|en          Sprache der Meldungen und (mit --lang en) der abgerufenen Daten
  --database regionalstatistik|destatis   Datenbank (Standard: regionalstatistik)
  --api-url URL         andere Adresse des Webservice (Spiegel, Proxy, Testserver)
  --credentials DATEI   Zugangsdaten als JSON: {"username": "…", "password": "…"} oder {"token": "…"}
  --list DATEI          Tabellencodes aus einer Datei (einer je Zeile, # leitet Kommentare ein)
  --dry-run             zeigt die Anfragen (Zugangsdaten maskiert) und sendet nichts
  -o, --output DATEI    Ausgabedatei; mehrere Tabellen werden zusammengeführt.
                        Ein Ordner (endet auf / oder existiert): eine Datei TABELLE.json je Tabelle.
                        Ohne: Standardausgabe.
  Dazu die Optionen von import (--topic, --indicator, --label, --kind, --mapping, --within, --region-names,
  --title, --attribution, --license, --reference-date, …); sie gehen den Metadaten des Dienstes vor.

Zugangsdaten (ein kostenloses Konto auf regionalstatistik.de) nur aus der Umgebung –
KREISDOSSIER_GENESIS_USERNAME und KREISDOSSIER_GENESIS_PASSWORD, oder KREISDOSSIER_GENESIS_TOKEN – oder aus
der Datei von --credentials, nie von der Kommandozeile. Ein API-Token kann keine Hintergrundaufträge für
große Tabellen starten.
Exit-Code 0: geschrieben; 2: ein Fehler (dann wird nichts geschrieben).
Nur für Tests: KREISDOSSIER_GENESIS_POLL_MS, _RETRY_MS, _TIMEOUT_MS, _JOB_TIMEOUT_MS (Wartezeiten in ms).`,
  `kreisdossier fetch TABLE… [options] -o out.json

Downloads tables from the GENESIS web service (Regionaldatenbank regionalstatistik.de or GENESIS-Online)
and writes them as one valid kreisdossier file. Title, period range, "Stand", attribution, licence and
topic come from the table's metadata; whatever is missing there is asked for, every option at once.

  --region AGS          only these regions (repeat or use commas; 15 = Sachsen-Anhalt, 15085 = Harz)
  --level kreis|gemeinde  regional level (default with --region: the table's)
  --from YEAR, --to YEAR  period range (default: everything the table has)
  --lang de|en          language of messages and (with --lang en) of the downloaded data
  --database regionalstatistik|destatis   database (default: regionalstatistik)
  --api-url URL         another address of the web service (mirror, proxy, test server)
  --credentials FILE    credentials as JSON: {"username": "…", "password": "…"} or {"token": "…"}
  --list FILE           table codes from a file (one per line, # starts a comment)
  --dry-run             shows the requests (credentials masked) and sends nothing
  -o, --output FILE     output file; several tables are merged.
                        A folder (ends with / or exists): one file TABLE.json per table.
                        Without: standard output.
  Plus the options of import (--topic, --indicator, --label, --kind, --mapping, --within, --region-names,
  --title, --attribution, --license, --reference-date, …); they take precedence over the service's metadata.

Credentials (a free account at regionalstatistik.de) only from the environment –
KREISDOSSIER_GENESIS_USERNAME and KREISDOSSIER_GENESIS_PASSWORD, or KREISDOSSIER_GENESIS_TOKEN – or from the
file named by --credentials, never from the command line. An API token cannot start the background jobs
that large tables need.
Exit code 0: written; 2: an error (then nothing is written).
For tests only: KREISDOSSIER_GENESIS_POLL_MS, _RETRY_MS, _TIMEOUT_MS, _JOB_TIMEOUT_MS (waits in ms).`,
];

export interface FetchCall {
  tables: string[];
  values: Values;
  io: Io;
  lang: Lang;
  env: NodeJS.ProcessEnv;
}

const BASE_URLS: Record<Database, string> = {
  regionalstatistik: 'https://www.regionalstatistik.de/genesisws/rest/2020/',
  destatis: 'https://www-genesis.destatis.de/genesisWS/rest/2020/',
};

/** At most this many requests at a time (Destatis ends long requests beyond 3 in parallel). */
const MAX_IN_FLIGHT = 2;
const RETRIES = 3;
const TABLE_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Table codes from the arguments and --list, checked, each once. */
function tableCodes(args: string[], list: string | undefined, lang: Lang): string[] {
  const codes: string[] = [];
  const add = (code: string, where: string) => {
    if (!TABLE_CODE.test(code)) {
      throw new CliError(`${where}${t(lang, `„${code}“ ist kein Tabellencode (z. B. 12411-01-01-4)`, `"${code}" is not a table code (e.g. 12411-01-01-4)`)}`);
    }
    if (!codes.includes(code)) codes.push(code);
  };
  for (const a of args) add(a.trim(), '');
  if (list !== undefined) {
    const { text } = decode(readInputFile(list), 'utf-8');
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (line) add(line, `${list}:${i + 1}: `);
    });
  }
  return codes;
}

function readDatabase(value: string | undefined, lang: Lang): Database {
  if (value === undefined || value === 'regionalstatistik') return 'regionalstatistik';
  if (value === 'destatis') return 'destatis';
  throw new CliError(t(lang, `--database ${value}: erlaubt sind regionalstatistik und destatis`, `--database ${value}: allowed are regionalstatistik and destatis`));
}

/** --api-url, checked: http(s), no credentials or query in it; ends with "/" so that endpoints append. */
function readBaseUrl(value: string | undefined, database: Database, lang: Lang, io: Io): string {
  if (value === undefined) return BASE_URLS[database];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(t(lang, `--api-url ${value}: keine gültige Adresse`, `--api-url ${value}: not a valid address`));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(t(lang, `--api-url: nur http(s)-Adressen`, `--api-url: only http(s) addresses`));
  if (url.username || url.password) {
    throw new CliError(t(lang, '--api-url: die Adresse darf keine Zugangsdaten enthalten (sie gehen nur in HTTP-Kopfzeilen)', '--api-url: the address must not contain credentials (they only go in HTTP headers)'));
  }
  if (url.search || url.hash) throw new CliError(t(lang, '--api-url: die Adresse darf keine ?Parameter oder #Anker haben', '--api-url: the address must have no ?parameters or #anchor'));
  if (url.protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)) {
    io.stderr(t(lang, `Warnung: --api-url ist unverschlüsselt (http:): die Zugangsdaten gehen im Klartext an ${url.host}\n`, `Warning: --api-url is unencrypted (http:): the credentials go to ${url.host} in plain text\n`));
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Waits from the environment (for tests: a fast suite), else the defaults. */
function timing(env: NodeJS.ProcessEnv, lang: Lang): JobTiming & { retryMs: number; timeoutMs: number } {
  const ms = (name: string, fallback: number) => {
    const raw = env[`KREISDOSSIER_GENESIS_${name}`];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw.trim()) || Number(raw) <= 0) throw new CliError(t(lang, `KREISDOSSIER_GENESIS_${name}=${raw}: erwartet wird eine Zahl von Millisekunden`, `KREISDOSSIER_GENESIS_${name}=${raw}: expected a number of milliseconds`));
    return Number(raw);
  };
  const pollMs = ms('POLL_MS', 5000);
  return {
    pollMs,
    maxPollMs: pollMs * 12,
    jobTimeoutMs: ms('JOB_TIMEOUT_MS', 30 * 60 * 1000),
    retryMs: ms('RETRY_MS', 2000),
    timeoutMs: ms('TIMEOUT_MS', 5 * 60 * 1000),
  };
}

type Target = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'folder'; path: string };

function targetOf(output: string | undefined): Target {
  if (!output) return { kind: 'stdout' };
  if (/[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory())) return { kind: 'folder', path: output };
  return { kind: 'file', path: output };
}

/** The command line as typed, as far as it can be rebuilt, for the example line of a missing-metadata message. */
function commandLine(tables: string[], values: Values): string[] {
  const argv = ['kreisdossier', 'fetch', ...tables];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'help' || name === 'output' || value === undefined || value === false) continue;
    for (const v of Array.isArray(value) ? value : [value]) argv.push(`--${name}`, ...(v === true ? [] : [String(v)]));
  }
  if (values.output) argv.push('-o', values.output);
  return argv;
}

interface Fetched {
  table: string;
  document: KreisdossierDocument;
}

interface Context {
  client: GenesisClient;
  credentials: Credentials;
  database: Database;
  selection: Selection;
  language: Lang;
  values: Values;
  mapping: FfcsvOptions | undefined;
  lang: Lang;
  io: Io;
  timing: JobTiming;
  signal: AbortSignal;
  missing: MissingFlags;
}

/** One table: metadata, data (directly or by background job), conversion, validation. */
async function fetchTable(table: string, c: Context): Promise<Fetched | undefined> {
  const { client, lang, database } = c;
  const note = (text: string) => c.io.stderr(text);
  const meta = await client.post('metadata/table', metadataForm(table, c.language), table);
  if (meta.kind === 'zip') throw new FetchProblem(`${table}: ${t(lang, 'metadata/table antwortet mit einer ZIP-Datei statt der Metadaten', 'metadata/table answers with a ZIP file instead of metadata')}`);
  if (meta.status.code === STATUS.ADJUSTED) note(adjustedNote(meta.status, table, lang));
  else if (meta.status.code !== STATUS.OK) throw statusProblem(meta.status, { table, database, lang, step: 'metadata' });
  const facts = tableFacts(meta.json, table);

  const form = tablefileForm(table, yearFields(c.selection, facts, table, lang), regionFields(c.selection, facts, lang), c.language, c.database === 'destatis' ? 'on' : 'off');
  let data: Answer = await client.post('data/tablefile', form, table);
  if (data.kind === 'status' && data.status.code === STATUS.TOO_LARGE) {
    data = await fetchViaJob({ client, table, form, tooLarge: data.status, credentials: c.credentials, database, lang, timing: c.timing, signal: c.signal, note });
  }
  if (data.kind === 'status') throw statusProblem(data.status, { table, database, lang, step: 'data' });

  const flat = unzipFlatFile(data.bytes, table, lang);
  let result;
  try {
    result = convertFlatFile({
      table,
      flatFile: flat.bytes,
      flatFileName: flat.name,
      facts,
      values: c.values,
      ...(c.mapping ? { mapping: c.mapping } : {}),
      database,
      language: c.language,
      request: form,
      regions: c.selection.regions,
      ...(data.date ? { date: data.date } : {}),
      missing: c.missing,
    });
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    // The adapter refuses the flat file: its reason, with the line of the file inside the ZIP.
    throw new FetchProblem(`${table}: ${t(lang, 'die Tabelle des Dienstes lässt sich nicht übernehmen', "the service's table cannot be taken over")} (${flat.name}${error.line ? `:${error.line}` : ''}): ${error.reason[lang]}`);
  }
  if (!result) return undefined;
  if (result.document.observations.length === 0) {
    // Only a cut can leave nothing (the adapter refuses a file without data rows).
    const cut = [...c.selection.regions.map((k) => `--region ${k}`), ...(c.values.within ? [`--within ${c.values.within}`] : [])].join(', ');
    throw new FetchProblem(`${table}: ${t(lang, `die Tabelle hat keine Werte für ${cut}`, `the table has no values for ${cut}`)}`);
  }
  try {
    checkObservationCount(result.document.observations.length, CLI_MAX_OBSERVATIONS);
  } catch (error) {
    if (error instanceof AdapterError) throw new FetchProblem(`${table}: ${error.reason[lang]}`);
    throw error;
  }
  if (c.values['region-names']) result = nameRegions(result, c.values['region-names']);
  const check = validateDocument(result.document);
  if (!check.valid) throw new FetchProblem(check.problems.map((p) => `${table}: ${p.path}: ${p.message[lang]}`).join('\n'));
  printSummary(table, result.summary, lang, c.io);
  return { table, document: check.document };
}

export async function runFetch(call: FetchCall): Promise<number> {
  const { values, io, lang } = call;
  try {
    return await run(call);
  } catch (error) {
    // Printed here rather than by the CLI's catch, which would put an (empty) input file name in front.
    if (!(error instanceof AdapterError)) throw error;
    const where = values.mapping && error.reason.en.startsWith('--mapping') ? '' : `${values.list ?? 'fetch'}${error.line ? `:${error.line}` : ''}: `;
    io.stderr(`${where}${error.reason[lang]}\n`);
    return 2;
  }
}

async function run({ tables: args, values, io, lang, env }: FetchCall): Promise<number> {
  const tables = tableCodes(args, values.list, lang);
  if (tables.length === 0) throw new CliError(FETCH_HELP[lang === 'en' ? 1 : 0]);
  const database = readDatabase(values.database, lang);
  const baseUrl = readBaseUrl(values['api-url'], database, lang, io);
  // The data's language follows --lang only, not the terminal's LANG: the same command gives the same file everywhere.
  const language: Lang = values.lang?.startsWith('en') ? 'en' : 'de';
  const selection = readSelection(values, lang);
  const mapping = values.mapping ? (readMapping(values.mapping, 'ffcsv') as FfcsvOptions) : undefined;
  const target = targetOf(values.output);
  const waits = timing(env, lang);

  if (values['dry-run']) {
    const credentials = findCredentials(values.credentials, env, lang);
    const requests: DryRunRequest[] = tables.flatMap((table) => [
      { table, endpoint: 'metadata/table', form: metadataForm(table, language) },
      { table, endpoint: 'data/tablefile', form: tablefileForm(table, yearFields(selection, undefined, table, lang), regionFields(selection, undefined, lang), language, database === 'destatis' ? 'on' : 'off') },
    ]);
    io.stdout(describeDryRun(baseUrl, requests, credentials, lang));
    if (!credentials) io.stderr(`${t(lang, 'Hinweis: keine Zugangsdaten gefunden.', 'Note: no credentials found.')}\n${howToGetCredentials(database, lang)}\n`);
    io.stderr(`${t(lang, '--dry-run: nichts gesendet, nichts geschrieben', '--dry-run: nothing sent, nothing written')}\n`);
    return 0;
  }

  const credentials = requireCredentials(values.credentials, env, database, lang);
  const controller = new AbortController();
  const client = new GenesisClient({
    baseUrl,
    credentials,
    database,
    lang,
    timeoutMs: waits.timeoutMs,
    retries: RETRIES,
    retryMs: waits.retryMs,
    maxInFlight: MAX_IN_FLIGHT,
    signal: controller.signal,
    stop: () => controller.abort(),
    note: (text) => io.stderr(text),
  });
  // As for import: the limit counts what is written; with a cut, converting is bounded more loosely.
  limitObservations(values.within || selection.regions.length ? CLI_MAX_CONVERTED : CLI_MAX_OBSERVATIONS);
  const missing = new MissingFlags();
  const context: Context = { client, credentials, database, selection, language, values, mapping, lang, io, timing: waits, signal: controller.signal, missing };

  const settled = await Promise.allSettled(
    tables.map((table) =>
      fetchTable(table, context).catch((error: unknown) => {
        // Wrong credentials, the service unreachable: every other table would fail the same way.
        if (error instanceof FetchProblem && error.fatal) controller.abort();
        throw error;
      }),
    ),
  );

  const problems: string[] = [];
  const fetched: Fetched[] = [];
  for (const [i, s] of settled.entries()) {
    if (s.status === 'fulfilled') {
      if (s.value) fetched.push(s.value);
    } else if (s.reason instanceof Stopped) {
      continue;
    } else if (s.reason instanceof CliError) {
      if (!problems.includes(s.reason.message)) problems.push(s.reason.message);
    } else if (s.reason instanceof AdapterError) {
      problems.push(`${tables[i]}: ${s.reason.reason[lang]}`);
    } else {
      throw s.reason;
    }
  }
  for (const p of problems) io.stderr(`${p}\n`);
  if (missing.size) {
    try {
      missing.check();
    } catch (error) {
      io.stderr(`${describeMissing(error as MissingMetadata, commandLine(tables, values), lang)}\n`);
    }
  }
  if (problems.length || missing.size) {
    io.stderr(`${t(lang, 'Nichts geschrieben.', 'Nothing written.')}\n`);
    return 2;
  }

  if (target.kind === 'folder') {
    mkdirSync(target.path, { recursive: true });
    writeAllOrNothing(fetched.map((f) => [join(target.path, `${f.table}.json`), `${JSON.stringify(f.document, null, 1)}\n`]), lang);
    return 0;
  }
  let document = fetched[0]!.document;
  if (fetched.length > 1) {
    const merged = mergeDocuments(fetched.map((f) => ({ file: f.table, document: f.document })));
    if (!merged.document) {
      for (const c of merged.conflicts) io.stderr(`${c.file}: ${c.path}: ${c.reason[lang]}\n`);
      io.stderr(`${t(lang, 'Die Tabellen widersprechen sich; nichts geschrieben. Mit -o ORDNER/ wird jede Tabelle eine eigene Datei.', 'The tables contradict each other; nothing written. With -o FOLDER/ each table becomes a file of its own.')}\n`);
      return 2;
    }
    const check = validateDocument(merged.document);
    if (!check.valid) {
      for (const p of check.problems) io.stderr(`${values.output ?? 'fetch'}: ${p.path}: ${p.message[lang]}\n`);
      return 2;
    }
    document = check.document;
  }
  const text = `${JSON.stringify(document, null, 1)}\n`;
  if (target.kind === 'file') writeAtomically(target.path, text, lang);
  else io.stdout(text);
  return 0;
}

/**
 * One file per table, all or none: every file is written to a temporary name first and only renamed into
 * place once all are written, so a failing second file (no space, no permission) leaves no first one behind.
 */
function writeAllOrNothing(files: Array<[path: string, text: string]>, lang: Lang): void {
  const temporary = files.map(([path]) => `${path}.${process.pid}.tmp`);
  const refuse = (path: string, code: string) =>
    new CliError(`${path}: ${t(lang, 'die Ausgabedatei kann nicht geschrieben werden', 'cannot write the output file')} (${fsProblem(code, lang)}); ${t(lang, 'nichts geschrieben', 'nothing written')}`);
  // A folder where a file should go would fail only at the rename, after others are in place: checked first.
  for (const [path] of files) if (existsSync(path) && statSync(path).isDirectory()) throw refuse(path, 'EISDIR');
  try {
    files.forEach(([path, text], i) => {
      try {
        writeFileSync(temporary[i]!, text);
      } catch (error) {
        throw refuse(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
    });
    files.forEach(([path], i) => renameSync(temporary[i]!, path));
  } finally {
    for (const tmp of temporary) rmSync(tmp, { force: true });
  }
}
