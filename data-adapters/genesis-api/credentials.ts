/**
 * Credentials for the GENESIS web service. They come from the environment or from a file named with
 * --credentials, never from a command-line value (shell history, process lists). They are only ever put
 * into the two HTTP headers: no message, dry run, file or URL shows them.
 *
 * - KREISDOSSIER_GENESIS_USERNAME + KREISDOSSIER_GENESIS_PASSWORD, or KREISDOSSIER_GENESIS_TOKEN
 * - --credentials FILE: JSON, {"username": "…", "password": "…"} or {"token": "…"}
 *
 * An API token goes in the `username` header with an empty `password` (that is how the service takes
 * it); tokens are read-only and cannot start background jobs.
 */
import { readFileSync, statSync } from 'node:fs';
import { CliError, t, type Lang } from '../cli-shared.js';

export interface Credentials {
  kind: 'password' | 'token';
  /** Not enumerable: a stray JSON.stringify or console.log of the object shows no secret. */
  readonly headers: Readonly<Record<'username' | 'password', string>>;
}

export type Database = 'regionalstatistik' | 'destatis';

const REGISTER: Record<Database, string> = {
  regionalstatistik: 'https://www.regionalstatistik.de/genesis/online',
  destatis: 'https://www-genesis.destatis.de/',
};

/** Header values are bytes (Latin-1); line breaks or other control characters would break the request. */
const HEADER_SAFE = /^[\x20-\x7e\xa0-\xff]*$/;

function make(kind: Credentials['kind'], username: string, password: string, lang: Lang): Credentials {
  if (!HEADER_SAFE.test(username) || !HEADER_SAFE.test(password)) {
    // Which characters is not said: that would tell part of the secret.
    throw new CliError(
      t(
        lang,
        'Die Zugangsdaten enthalten Zeichen, die nicht in eine HTTP-Kopfzeile passen (Zeilenumbruch, Steuerzeichen oder Zeichen außerhalb von Latin-1, z. B. ein Emoji). Bitte prüfen (ein Zeilenende am Ende?) oder das Passwort ändern.',
        'The credentials contain characters that cannot go in an HTTP header (a line break, a control character or a character outside Latin-1, e.g. an emoji). Please check them (a line end at the end?) or change the password.',
      ),
    );
  }
  // HTTP drops spaces at either end of a header value: " pw" would be sent as "pw" and refused as wrong.
  if ([username, password].some((v) => v !== v.trim())) {
    throw new CliError(
      t(
        lang,
        'Benutzername, Passwort oder Token beginnen oder enden mit einem Leerzeichen; HTTP würde es weglassen und die Anmeldung scheitern. Bitte prüfen (ein Leerzeichen beim Kopieren?).',
        'The username, password or token starts or ends with a space; HTTP would drop it and the login would fail. Please check (a space picked up when copying?).',
      ),
    );
  }
  const credentials = { kind } as Credentials;
  Object.defineProperty(credentials, 'headers', { value: Object.freeze({ username, password }), enumerable: false });
  return credentials;
}

/** How to get an account and pass its credentials: the text of every "no credentials" message. */
export function howToGetCredentials(database: Database, lang: Lang): string {
  return t(
    lang,
    `Der GENESIS-Webservice braucht ein (kostenloses) Konto: Registrierung unter ${REGISTER[database]} („Registrieren“).\n` +
      'Die Zugangsdaten dann als Umgebungsvariablen setzen:\n' +
      '  KREISDOSSIER_GENESIS_USERNAME und KREISDOSSIER_GENESIS_PASSWORD (oder KREISDOSSIER_GENESIS_TOKEN für ein API-Token),\n' +
      'oder in eine Datei schreiben, die nur Sie lesen können, und sie mit --credentials DATEI nennen:\n' +
      '  {"username": "…", "password": "…"}   oder   {"token": "…"}\n' +
      'Zugangsdaten nie auf der Kommandozeile angeben.',
    `The GENESIS web service needs a (free) account: register at ${REGISTER[database]} ("Register").\n` +
      'Then set the credentials as environment variables:\n' +
      '  KREISDOSSIER_GENESIS_USERNAME and KREISDOSSIER_GENESIS_PASSWORD (or KREISDOSSIER_GENESIS_TOKEN for an API token),\n' +
      'or write them to a file only you can read and name it with --credentials FILE:\n' +
      '  {"username": "…", "password": "…"}   or   {"token": "…"}\n' +
      'Never put credentials on the command line.',
  );
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Reads the credentials file. Its path is not repeated in messages: a secret passed there by mistake
 * (--credentials TOKEN) would otherwise be printed. JSON.parse's own message quotes the text, so it is not used either.
 */
function fromFile(path: string, lang: Lang): Credentials {
  const problem = (de: string, en: string) => new CliError(`--credentials: ${t(lang, de, en)}`);
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw problem('das ist keine Datei', 'that is not a file');
    if (stat.size > 64 * 1024) throw problem('die Datei ist zu groß für eine Zugangsdatendatei', 'the file is too large for a credentials file');
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? problem('die Datei gibt es nicht', 'the file does not exist')
      : problem(`die Datei kann nicht gelesen werden (${code ?? 'Fehler'})`, `cannot read the file (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw problem('die Datei ist kein gültiges JSON (erwartet {"username": "…", "password": "…"} oder {"token": "…"})', 'the file is not valid JSON (expected {"username": "…", "password": "…"} or {"token": "…"})');
  }
  const o = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Record<string, unknown>;
  if (nonEmpty(o.username) && nonEmpty(o.password)) return make('password', o.username, o.password, lang);
  if (nonEmpty(o.token) && o.username === undefined && o.password === undefined) return make('token', o.token, '', lang);
  throw problem(
    'erwartet wird {"username": "…", "password": "…"} oder {"token": "…"} (beide Felder nicht leer)',
    'expected {"username": "…", "password": "…"} or {"token": "…"} (fields not empty)',
  );
}

/** The credentials to use, or undefined when none are given. A half-given pair is an error. */
export function findCredentials(credentialsFile: string | undefined, env: NodeJS.ProcessEnv, lang: Lang): Credentials | undefined {
  if (credentialsFile !== undefined) return fromFile(credentialsFile, lang);
  const { KREISDOSSIER_GENESIS_USERNAME: username, KREISDOSSIER_GENESIS_PASSWORD: password, KREISDOSSIER_GENESIS_TOKEN: token } = env;
  if (nonEmpty(username) && nonEmpty(password)) return make('password', username, password, lang);
  if (nonEmpty(username) !== nonEmpty(password)) {
    const missing = nonEmpty(username) ? 'KREISDOSSIER_GENESIS_PASSWORD' : 'KREISDOSSIER_GENESIS_USERNAME';
    throw new CliError(t(lang, `${missing} ist nicht gesetzt: Benutzername und Passwort gehören zusammen`, `${missing} is not set: username and password go together`));
  }
  if (nonEmpty(token)) return make('token', token, '', lang);
  return undefined;
}

/** The credentials, or a message saying how to get an account and pass them. */
export function requireCredentials(credentialsFile: string | undefined, env: NodeJS.ProcessEnv, database: Database, lang: Lang): Credentials {
  const credentials = findCredentials(credentialsFile, env, lang);
  if (!credentials) throw new CliError(`${t(lang, 'Keine Zugangsdaten für den GENESIS-Webservice gefunden.', 'No credentials for the GENESIS web service found.')}\n${howToGetCredentials(database, lang)}`);
  return credentials;
}
