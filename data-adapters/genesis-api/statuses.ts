/**
 * What the GENESIS web service answers, in words. It answers HTTP 200 for almost everything and puts
 * the outcome in a JSON `Status` ({Code, Content, Type}); login failures come as a flat
 * {Code, Content, Type} with HTTP 401 (Code 15: not authorised) or 404 (Code 2: wrong username or
 * password). Every message names the table, says what happened and what to do, in German or English.
 */
import { CliError, t, type Lang } from '../cli-shared.js';
import { howToGetCredentials, type Database } from './credentials.js';

export interface GenesisStatus {
  code: number;
  /** The service's own text (German or English, as asked for with `language`). */
  content: string;
  type: string;
}

/** Codes of the service's Status object (README of the recordings; Destatis' documentation). */
export const STATUS = {
  OK: 0,
  ADJUSTED: 22,
  NO_NEWER_DATA: 50,
  NOT_FOUND: 90,
  TOO_LARGE: 98,
  JOB_STARTED: 99,
  NOTHING_FOUND_103: 103,
  NOTHING_FOUND: 104,
  SERVER_ERROR: -1,
  /** Flat login answers. */
  WRONG_LOGIN: 2,
  NOT_AUTHORISED: 15,
} as const;

/**
 * A failed fetch, worded in the user's language. `fatal`: the same would happen for every other table
 * (credentials, the service unreachable), so requests not yet sent are not sent.
 */
export class FetchProblem extends CliError {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'FetchProblem';
  }
}

/** The service's text, on one line and not endless (it is quoted inside our message). */
export function quote(content: string, lang: Lang): string {
  const one = content.replace(/\s*\n\s*/g, ' ').trim();
  const text = one.length > 500 ? `${one.slice(0, 500)}…` : one;
  return lang === 'en' ? `“${text}”` : `„${text}“`;
}

export interface StatusContext {
  table: string;
  database: Database;
  lang: Lang;
  /** What was asked: metadata, data, the background job's result list, the result file. */
  step: 'metadata' | 'data' | 'results' | 'resultfile';
}

/** Login answers (flat Code 2/15, HTTP 401/403): the same for every table. */
export function loginProblem(code: number | undefined, httpStatus: number, content: string | undefined, database: Database, lang: Lang): FetchProblem {
  const said = content ? ` ${t(lang, 'Der Dienst sagt', 'The service says')}: ${quote(content, lang)}` : '';
  if (code === STATUS.WRONG_LOGIN) {
    return new FetchProblem(
      t(lang, `Anmeldung abgelehnt: Benutzername oder Passwort (oder Token) ist falsch (HTTP ${httpStatus}, Code 2).`, `Login refused: wrong username or password (or token) (HTTP ${httpStatus}, code 2).`) +
        `${said}\n` +
        t(
          lang,
          `Bitte die Zugangsdaten prüfen (Anmeldung auf der Website ausprobieren). Ein neues Konto wird manchmal erst nach einigen Minuten freigeschaltet.\n${howToGetCredentials(database, lang)}`,
          `Please check the credentials (try logging in on the website). A new account is sometimes only activated after a few minutes.\n${howToGetCredentials(database, lang)}`,
        ),
      true,
    );
  }
  return new FetchProblem(
    t(
      lang,
      `Der Dienst lässt diese Anmeldung nicht zu (HTTP ${httpStatus}${code !== undefined ? `, Code ${code}` : ''}): keine oder unbekannte Zugangsdaten, oder das Konto hat keine Rechte dafür.`,
      `The service does not accept this login (HTTP ${httpStatus}${code !== undefined ? `, code ${code}` : ''}): no or unknown credentials, or the account lacks the rights.`,
    ) + `${said}\n${howToGetCredentials(database, lang)}`,
    true,
  );
}

/** A Status that ends the fetch of a table (anything but 0/22, and 98/99 outside the job flow). */
export function statusProblem(status: GenesisStatus, ctx: StatusContext): FetchProblem {
  const { table, lang, database } = ctx;
  const said = quote(status.content, lang);
  const where = database === 'destatis' ? 'GENESIS-Online (Destatis)' : t(lang, 'der Regionaldatenbank (regionalstatistik.de)', 'the Regionaldatenbank (regionalstatistik.de)');
  const other = database === 'destatis' ? '--database regionalstatistik' : '--database destatis';
  const prefix = `${table}: `;
  switch (status.code) {
    case STATUS.NOT_FOUND:
      return new FetchProblem(
        prefix +
          t(
            lang,
            `die Tabelle gibt es in ${where} nicht (Status 90: ${said}). Bitte den Tabellencode prüfen; Tabellen von GENESIS-Online (z. B. 12411-0001) mit ${other}.`,
            `the table does not exist in ${where} (status 90: ${said}). Please check the table code; GENESIS-Online tables (e.g. 12411-0001) need ${other}.`,
          ),
      );
    case STATUS.NOTHING_FOUND:
    case STATUS.NOTHING_FOUND_103:
      return new FetchProblem(
        prefix +
          (ctx.step === 'metadata'
            ? t(
                lang,
                `der Dienst kennt diese Tabelle nicht (Status ${status.code}: ${said}). Bitte den Tabellencode prüfen (in ${where}; sonst ${other}).`,
                `the service does not know this table (status ${status.code}: ${said}). Please check the table code (in ${where}; otherwise ${other}).`,
              )
            : t(
                lang,
                `nichts gefunden (Status ${status.code}: ${said}): für diese Auswahl (Tabelle, --region/--level, --from/--to) hat der Dienst keine Daten.`,
                `nothing found (status ${status.code}: ${said}): the service has no data for this selection (table, --region/--level, --from/--to).`,
              )),
      );
    case STATUS.NO_NEWER_DATA:
      return new FetchProblem(prefix + t(lang, `der Dienst hat keine neueren Daten (Status 50: ${said}).`, `the service has no newer data (status 50: ${said}).`));
    case STATUS.SERVER_ERROR:
      return new FetchProblem(
        prefix +
          t(
            lang,
            `Fehler beim Dienst (Status -1). Er meldet: ${said}\nDas liegt meist an der Tabelle oder der Auswahl, nicht an Ihnen; später erneut versuchen oder die Auswahl ändern (--from/--to, --region).`,
            `error at the service (status -1). It reports: ${said}\nThis is usually the table or the selection, not you; try again later or change the selection (--from/--to, --region).`,
          ),
      );
    case STATUS.TOO_LARGE:
      return new FetchProblem(
        prefix +
          t(
            lang,
            `die Tabelle ist zu groß für einen Abruf (Status 98: ${said}).`,
            `the table is too large for one request (status 98: ${said}).`,
          ),
      );
    case STATUS.ADJUSTED:
      return new FetchProblem(
        prefix + t(lang, `der Dienst hat eine Angabe angepasst, aber keine Daten geschickt (Status 22: ${said}).`, `the service adjusted a parameter but sent no data (status 22: ${said}).`),
      );
    default:
      return new FetchProblem(
        prefix + t(lang, `der Dienst antwortet mit Status ${status.code} (${status.type || '–'}): ${said}`, `the service answers status ${status.code} (${status.type || '–'}): ${said}`),
      );
  }
}

/** Status 22: the answer is usable, but the user should know what the service changed. */
export function adjustedNote(status: GenesisStatus, table: string, lang: Lang): string {
  return `${table}: ${t(lang, 'Hinweis: der Dienst hat eine Angabe angepasst (Status 22)', 'note: the service adjusted a parameter (status 22)')}: ${quote(status.content, lang)}\n`;
}
