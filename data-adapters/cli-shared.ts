/**
 * What the `kreisdossier` subcommands share: options, output that is written whole or not at all,
 * file-system errors in words, import flags → adapter options, the import summary.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { RegionLevel, Topic } from '../src/format/types.js';
import { AdapterError } from './adapter-error.js';
import type { AdapterName } from './adapters.js';
import { parseCsvMapping } from './csv/mapping.js';
import { checkGenesisMapping } from './genesis/genesis-import.js';
import { readJsonFile } from './limits.js';
import type { ImportOptions, ImportSummary } from './types.js';

export type Lang = 'de' | 'en';
export const t = (lang: Lang, de: string, en: string) => (lang === 'en' ? en : de);

export const OPTIONS = {
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  indicator: { type: 'string' },
  label: { type: 'string' },
  unit: { type: 'string' },
  topic: { type: 'string' },
  kind: { type: 'string' },
  polarity: { type: 'string' },
  decimals: { type: 'string' },
  explanation: { type: 'string' },
  mapping: { type: 'string' },
  'region-level': { type: 'string' },
  encoding: { type: 'string' },
  attribution: { type: 'string' },
  license: { type: 'string' },
  'reference-date': { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  'dataset-id': { type: 'string' },
  table: { type: 'string' },
  within: { type: 'string' },
  simplify: { type: 'string' },
  format: { type: 'string' },
  'key-property': { type: 'string' },
  'source-crs': { type: 'string' },
  object: { type: 'string' },
  'region-names': { type: 'string' },
  precision: { type: 'string' },
  'keep-properties': { type: 'string' },
  // fetch (GENESIS web service)
  region: { type: 'string', multiple: true },
  level: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  database: { type: 'string' },
  'api-url': { type: 'string' },
  credentials: { type: 'string' },
  'dry-run': { type: 'boolean' },
  list: { type: 'string' },
  // compute
  numerator: { type: 'string' },
  denominator: { type: 'string' },
  factor: { type: 'string' },
  // split
  by: { type: 'string' },
  'max-kb': { type: 'string' },
  'only-below': { type: 'string' },
  // catalogue
  'region-changes': { type: 'string' },
  'population-indicator': { type: 'string' },
  'geometry-attribution': { type: 'string' },
  'neighbours-from': { type: 'string' },
  updated: { type: 'string' },
  // dossier
  gemeinden: { type: 'boolean' },
  topics: { type: 'string' },
  data: { type: 'string' },
  fetch: { type: 'boolean' },
  tables: { type: 'string' },
  force: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

export class CliError extends Error {}

/** Writes a file completely or not at all. */
export function writeAtomically(path: string, text: string, lang: Lang): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    // The error names the temporary file; the user gave the output file.
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`${path}: ${t(lang, 'die Ausgabedatei kann nicht geschrieben werden', 'cannot write the output file')} (${fsProblem(code, lang)})`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A file system error code in words. */
export function fsProblem(code: string, lang: Lang): string {
  switch (code) {
    case 'ENOENT':
      return t(lang, 'Datei oder Ordner nicht gefunden', 'file or folder not found');
    case 'EISDIR':
      return t(lang, 'ist ein Ordner, keine Datei', 'is a folder, not a file');
    case 'ENOTDIR':
      return t(lang, 'ein Teil des Pfads ist kein Ordner', 'a part of the path is not a folder');
    case 'EACCES':
    case 'EPERM':
      return t(lang, 'keine Berechtigung', 'permission denied');
    case 'ENOSPC':
      return t(lang, 'kein Platz mehr auf dem Datenträger', 'no space left on the device');
    default:
      return `${t(lang, 'Dateifehler', 'file error')} ${code}`;
  }
}

export function importOptions(values: Values): ImportOptions {
  const indicator: ImportOptions['indicator'] = {};
  if (values.indicator) indicator.id = values.indicator;
  if (values.label) indicator.label = values.label;
  if (values.unit) indicator.unit = values.unit;
  if (values.topic) indicator.topic = values.topic as Topic;
  if (values.kind) indicator.kind = values.kind as NonNullable<ImportOptions['indicator']>['kind'];
  if (values.polarity) indicator.polarity = values.polarity as NonNullable<ImportOptions['indicator']>['polarity'];
  if (values.decimals) indicator.decimals = Number(values.decimals);
  if (values.explanation) indicator.explanation = values.explanation;
  const dataset: NonNullable<ImportOptions['dataset']> = {};
  if (values.attribution) dataset.attribution = values.attribution;
  if (values.license) dataset.license = { id: values.license };
  if (values['reference-date']) dataset.referenceDate = values['reference-date'];
  if (values.title) dataset.title = values.title;
  if (values.publisher) dataset.sources = [{ publisher: values.publisher, ...(values.table ? { table: values.table } : {}) }];
  if (values['dataset-id']) dataset.id = values['dataset-id'];
  const options: ImportOptions = { indicator, dataset };
  if (values['region-level']) options.regionLevel = values['region-level'] as RegionLevel;
  if (values.encoding) options.encoding = /^(latin-?1|iso-8859-1|windows-1252)$/i.test(values.encoding) ? 'windows-1252' : 'utf-8';
  return options;
}

export function printSummary(file: string, s: ImportSummary, lang: Lang, io: Io): void {
  const nulls = Object.entries(s.nullsByStatus).map(([sym, n]) => `"${sym}" ${n}`).join(', ') || '–';
  io.stderr(
    `${file}: ${t(lang, 'Zeilen gelesen', 'rows read')} ${s.rowsRead}, ${t(lang, 'Beobachtungen geschrieben', 'observations written')} ${s.observationsWritten}, ` +
      `${t(lang, 'fehlende Werte nach Zeichen', 'nulls by status')}: ${nulls}\n`,
  );
  for (const k of s.skipped) {
    io.stderr(`${file}: ${t(lang, 'übersprungen', 'skipped')} ${k.count}× ${k.reason[lang]}${k.firstLine ? ` (${t(lang, 'zuerst Zeile', 'first line')} ${k.firstLine})` : ''}\n`);
  }
}

/** Reads --mapping and checks its shape; its problems name the mapping file (the import's own, the input). */
export function readMapping(path: string, format: AdapterName): unknown {
  const mapping = readJsonFile(path, '--mapping');
  try {
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
      throw new AdapterError({ de: 'die Zuordnung muss ein JSON-Objekt sein', en: 'the mapping must be a JSON object' });
    }
    if (format === 'csv' || format === 'datapackage') parseCsvMapping(mapping);
    if (format === 'genesis') checkGenesisMapping(mapping);
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    throw new AdapterError({ de: `--mapping ${path}: ${error.reason.de}`, en: `--mapping ${path}: ${error.reason.en}` });
  }
  return mapping;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

