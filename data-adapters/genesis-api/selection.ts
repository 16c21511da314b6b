/**
 * What to ask the service for: the form fields of `metadata/table` and `data/tablefile`.
 *
 * - Time: always a defined range (`startyear`/`endyear`). Without one the service sends only its
 *   default selection, usually just the newest period; the default here is the whole range that
 *   `metadata/table` reports, narrowed with --from/--to.
 * - Regions: --level picks the regional variable (KREISE, GEMEIN) and --region its keys, so the
 *   server sends only those rows (`regionalkey` takes a list and a trailing `*`: "15*" = every Kreis
 *   of Sachsen-Anhalt). With --region but no --level, the table's own regional variable (from its
 *   metadata) is used. The result is also cut on this side, so it is exact whatever the server sends.
 */
import { CliError, t, type Lang, type Values } from '../cli-shared.js';
import type { Form } from './client.js';
import type { TableFacts } from './metadata.js';

export const LEVELS = { kreis: { variable: 'KREISE', keyLength: 5 }, gemeinde: { variable: 'GEMEIN', keyLength: 8 } } as const;
export type Level = keyof typeof LEVELS;
const VARIABLE_KEY_LENGTH: Record<string, number> = { KREISE: 5, GEMEIN: 8 };

export interface Selection {
  /** --from/--to as given (years). */
  from?: number;
  to?: number;
  level?: Level;
  /** Official keys from --region (DG dropped: it means everything). */
  regions: string[];
}

const KEY = /^(?:\d{2}|\d{3}|\d{5}|\d{8})$/;

/** --from, --to, --level and --region, checked. */
export function readSelection(values: Values, lang: Lang): Selection {
  const year = (flag: 'from' | 'to'): number | undefined => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    if (!/^\d{4}$/.test(raw.trim())) throw new CliError(t(lang, `--${flag} ${raw}: erwartet wird eine Jahreszahl (z. B. 2015)`, `--${flag} ${raw}: expected a year (e.g. 2015)`));
    return Number(raw);
  };
  const from = year('from');
  const to = year('to');
  if (from !== undefined && to !== undefined && from > to) throw new CliError(t(lang, `--from ${from} liegt nach --to ${to}`, `--from ${from} is after --to ${to}`));
  let level: Level | undefined;
  if (values.level !== undefined) {
    if (!(values.level in LEVELS)) throw new CliError(t(lang, `--level ${values.level}: erlaubt sind kreis und gemeinde`, `--level ${values.level}: allowed are kreis and gemeinde`));
    level = values.level as Level;
  }
  const regions: string[] = [];
  for (const raw of (values.region ?? []).flatMap((r) => r.split(','))) {
    const key = raw.trim();
    if (key === 'DG' || key === '') continue;
    if (!KEY.test(key)) {
      throw new CliError(
        t(
          lang,
          `--region ${key}: erwartet wird ein amtlicher Gemeindeschlüssel (AGS) mit 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) oder 8 Ziffern (Gemeinde), z. B. 15085`,
          `--region ${key}: expected an official municipality key (AGS) of 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) or 8 digits (Gemeinde), e.g. 15085`,
        ),
      );
    }
    if (level && key.length > LEVELS[level].keyLength) {
      throw new CliError(t(lang, `--region ${key} liegt unterhalb der Ebene --level ${level}`, `--region ${key} lies below the level --level ${level}`));
    }
    if (!regions.includes(key)) regions.push(key);
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(level ? { level } : {}), regions };
}

/** The regional variable and keys to send (empty strings: no restriction on the server). */
export function regionFields(selection: Selection, facts: TableFacts | undefined, lang: Lang): { regionalvariable: string; regionalkey: string } {
  let variable: string | undefined = selection.level ? LEVELS[selection.level].variable : undefined;
  if (!variable && selection.regions.length) {
    if (!facts) return { regionalvariable: t(lang, '‹aus metadata/table›', '‹from metadata/table›'), regionalkey: t(lang, '‹aus metadata/table›', '‹from metadata/table›') };
    // The table's own regional variable; the finest one when it has several.
    variable = ['GEMEIN', 'KREISE'].find((v) => facts.regionVariables.includes(v));
  }
  if (!variable) return { regionalvariable: '', regionalkey: '' };
  const length = VARIABLE_KEY_LENGTH[variable]!;
  // A key above the level stands for every region below it; one below the level cannot be asked for on the server.
  const keys = selection.regions.filter((k) => k.length <= length).map((k) => (k.length < length ? `${k}*` : k));
  if (selection.regions.length && keys.length < selection.regions.length) return { regionalvariable: '', regionalkey: '' };
  // --level alone: every region of that level ("*").
  return { regionalvariable: variable, regionalkey: keys.length ? keys.join(',') : '*' };
}

/** startyear/endyear: --from/--to, else the range metadata/table reports. */
export function yearFields(selection: Selection, facts: TableFacts | undefined, table: string, lang: Lang): { startyear: string; endyear: string } {
  const fromMetadata = t(lang, '‹aus metadata/table›', '‹from metadata/table›');
  const start = selection.from ?? facts?.fromYear;
  const end = selection.to ?? facts?.toYear;
  if (!facts) return { startyear: start !== undefined ? String(start) : fromMetadata, endyear: end !== undefined ? String(end) : fromMetadata };
  if (start === undefined || end === undefined) {
    throw new CliError(
      `${table}: ${t(
        lang,
        'metadata/table nennt keinen Zeitraum der Tabelle: bitte --from JAHR und --to JAHR angeben',
        'metadata/table states no period range for the table: please pass --from YEAR and --to YEAR',
      )}`,
    );
  }
  if (start > end) {
    throw new CliError(
      `${table}: ${t(lang, `--from/--to ergeben keinen Zeitraum (${start}–${end}; die Tabelle reicht von ${facts.time?.from ?? '?'} bis ${facts.time?.to ?? '?'})`, `--from/--to give no period (${start}–${end}; the table spans ${facts.time?.from ?? '?'} to ${facts.time?.to ?? '?'})`)}`,
    );
  }
  return { startyear: String(start), endyear: String(end) };
}

export function metadataForm(table: string, language: Lang): Form {
  return { name: table, area: 'all', language };
}

/**
 * The data/tablefile form: the flat file (ffcsv), uncompressed values, no job unless the table is too large.
 * GENESIS-Online sends its quality marks (p vorläufig, r berichtigt, e endgültig …) only with quality=on, in
 * a value_q column the flat-file adapter reads; the Regionaldatenbank's recorded answers are quality=off.
 */
export function tablefileForm(table: string, years: { startyear: string; endyear: string }, regions: { regionalvariable: string; regionalkey: string }, language: Lang, quality: 'on' | 'off' = 'off'): Form {
  return {
    name: table,
    area: 'all',
    compress: 'false',
    format: 'ffcsv',
    startyear: years.startyear,
    endyear: years.endyear,
    timeslices: '',
    regionalvariable: regions.regionalvariable,
    regionalkey: regions.regionalkey,
    stand: '',
    quality,
    language,
    job: 'false',
  };
}
