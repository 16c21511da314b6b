/**
 * `dossier --fetch`: the region's numbers straight from the GENESIS web service, with the `fetch` command's
 * own code, one table at a time, for the tables of a list (data-adapters/dossiers/tables.json, or --tables).
 * Boundaries, region names and dossier definitions cannot come from GENESIS: they still come from the
 * source catalogue (--data), whose data files the fetched ones replace.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CatalogueDataFile } from '../../src/format/catalogue-schema.js';
import type { KreisdossierDocument, Topic } from '../../src/format/types.js';
import { validateDocument } from '../../src/format/validate.js';
import { TOPICS } from '../../src/format/vocabulary.js';
import { AdapterError } from '../adapter-error.js';
import { CliError, t, type Io, type Lang, type Values } from '../cli-shared.js';
import { addRatio } from '../compute.js';
import { runFetch } from '../genesis-api/fetch-command.js';
import type { IndicatorOptions } from '../types.js';
import { describeDataFile } from './describe.js';
import type { Target } from './region.js';
import { packageRoot, readDocumentFile, readJson } from './source.js';

interface ComputeEntry extends IndicatorOptions {
  indicator: string;
  numerator: string;
  denominator: string;
  factor?: number;
}

export interface TableEntry {
  table: string;
  topic: Topic;
  level: 'kreis' | 'gemeinde';
  mapping?: string;
  indicator?: string;
  label?: string;
  kind?: string;
  polarity?: string;
  explanation?: string;
  compute?: ComputeEntry[];
}

export interface Fetched {
  entry: CatalogueDataFile;
  /** Where the fetched file lies until it is copied. */
  path: string;
}

/** The list: --tables, else the package's own (only in a checkout of the repository). */
export function tablesFile(option: string | undefined, lang: Lang): string {
  if (option !== undefined) return option;
  const path = join(packageRoot(), 'data-adapters', 'dossiers', 'tables.json');
  if (existsSync(path)) return path;
  throw new CliError(
    t(
      lang,
      '--fetch braucht eine Liste der Tabellen: --tables DATEI (Aufbau wie data-adapters/dossiers/tables.json im Repository von kreisdossier)',
      '--fetch needs a list of tables: --tables FILE (shaped like data-adapters/dossiers/tables.json in the kreisdossier repository)',
    ),
  );
}

const TEXT_FIELDS = ['mapping', 'indicator', 'label', 'kind', 'polarity', 'explanation'] as const;

/** The list, checked: every entry a table code, a topic and a level; mapping paths resolved against the list's folder. */
export function readTables(path: string, lang: Lang): TableEntry[] {
  const value = readJson(path, lang);
  const tables = (value as { tables?: unknown } | null)?.tables;
  if (!Array.isArray(tables)) throw new CliError(`${path}: ${t(lang, 'erwartet wird {"tables": [ … ]}', 'expected {"tables": [ … ]}')}`);
  return tables.map((raw: unknown, i) => {
    const e = raw as Record<string, unknown>;
    const where = `${path}: $.tables[${i}]`;
    const bad = (what: string) => new CliError(`${where}: ${what}`);
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw bad(t(lang, 'erwartet wird ein Objekt', 'expected an object'));
    if (typeof e.table !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(e.table)) throw bad(t(lang, 'table: ein Tabellencode wie 12411-01-01-4', 'table: a table code such as 12411-01-01-4'));
    if (!TOPICS.includes(e.topic as Topic)) throw bad(`topic: ${t(lang, 'eines von', 'one of')} ${TOPICS.join(', ')}`);
    if (e.level !== 'kreis' && e.level !== 'gemeinde') throw bad(t(lang, 'level: kreis oder gemeinde', 'level: kreis or gemeinde'));
    for (const f of TEXT_FIELDS) if (e[f] !== undefined && typeof e[f] !== 'string') throw bad(`${f}: ${t(lang, 'ein Text', 'a text')}`);
    const mapping = typeof e.mapping === 'string' ? resolve(dirname(path), e.mapping) : undefined;
    if (mapping && (!existsSync(mapping) || !statSync(mapping).isFile())) throw bad(`mapping: ${mapping}: ${t(lang, 'Datei nicht gefunden', 'file not found')}`);
    if (e.compute !== undefined && !Array.isArray(e.compute)) throw bad(t(lang, 'compute: eine Liste', 'compute: a list'));
    return { ...(e as unknown as TableEntry), ...(mapping ? { mapping } : {}) };
  });
}

/** Fetches every table into `dir` and describes each file as a catalogue entry (URL: genesis/FILE). */
export async function fetchTables(call: {
  entries: TableEntry[];
  target: Target;
  values: Values;
  io: Io;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  dir: string;
}): Promise<Fetched[]> {
  const { target, values, io, lang, env, dir } = call;
  const land = target.kreis.key.slice(0, 2);
  const fetched: Fetched[] = [];
  for (const entry of call.entries) {
    const name = entry.level === 'kreis' ? `${entry.table}.json` : `${entry.table}-${target.kreis.key}.json`;
    const output = join(dir, name);
    const fetchValues: Values = {
      // Kreis tables whole, cut to the Land here (its Kreise, the Land and Deutschland); Gemeinde tables cut on the server.
      within: entry.level === 'kreis' ? land : target.kreis.key,
      ...(entry.level === 'gemeinde' ? { region: [target.kreis.key], level: 'gemeinde' } : {}),
      ...Object.fromEntries(TEXT_FIELDS.filter((f) => entry[f] !== undefined).map((f) => [f, entry[f]])),
      ...(values['api-url'] !== undefined ? { 'api-url': values['api-url'] } : {}),
      ...(values.credentials !== undefined ? { credentials: values.credentials } : {}),
      ...(values.database !== undefined ? { database: values.database } : {}),
      ...(values.from !== undefined ? { from: values.from } : {}),
      ...(values.to !== undefined ? { to: values.to } : {}),
      output,
    };
    io.stderr(`${t(lang, 'Hole', 'Fetching')} ${entry.table} (${entry.topic}, ${entry.level === 'kreis' ? t(lang, `Kreise in ${land}`, `Kreise in ${land}`) : t(lang, `Gemeinden in ${target.kreis.key}`, `Gemeinden in ${target.kreis.key}`)})\n`);
    const code = await runFetch({ tables: [entry.table], values: fetchValues, io, lang, env });
    if (code !== 0 || !existsSync(output)) {
      throw new CliError(t(lang, `--fetch: Tabelle ${entry.table} konnte nicht geholt werden (siehe oben); nichts geschrieben.`, `--fetch: table ${entry.table} could not be fetched (see above); nothing written.`));
    }
    let document = readDocumentFile(output, lang);
    if (entry.compute?.length) {
      document = computeAll(document, entry, lang);
      writeFileSync(output, `${JSON.stringify(document, null, 1)}\n`);
    }
    fetched.push({ entry: describeDataFile(document, `genesis/${name}`, readFileSync(output).length), path: output });
  }
  return fetched;
}

/** The computed figures a list names (Einkünfte je Steuerpflichtigen), as `kreisdossier compute` adds them. */
function computeAll(document: KreisdossierDocument, entry: TableEntry, lang: Lang): KreisdossierDocument {
  let result = document;
  for (const c of entry.compute!) {
    const { indicator, numerator, denominator, factor, ...options } = c;
    try {
      result = addRatio(result, { ...options, id: indicator, numerator, denominator, ...(factor !== undefined ? { factor } : {}) }).document;
    } catch (error) {
      if (error instanceof AdapterError) throw new CliError(`${entry.table}: compute ${indicator}: ${error.reason[lang]}`);
      throw error;
    }
  }
  const check = validateDocument(result);
  if (!check.valid) throw new CliError(check.problems.map((p) => `${entry.table}: ${p.path}: ${p.message[lang]}`).join('\n'));
  return check.document;
}
