/**
 * `kreisdossier catalogue DIR -o DIR/katalog.json`: builds, checks and writes a catalogue (see build.ts). Exit code
 * 1 when files contradict each other or are invalid (nothing is written), 2 for a usage error.
 */
import { existsSync, statSync } from 'node:fs';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import { DATE_PATTERN, DATE_TIME_PATTERN } from '../../src/format/vocabulary.js';
import { AdapterError } from '../adapter-error.js';
import { CliError, t, writeAtomically, type Io, type Lang, type Values } from '../cli-shared.js';
import { readJsonFile } from '../limits.js';
import { CATALOGUE_HELP } from './catalogue-help.js';
import { buildCatalogue, type CatalogueBuild } from './build.js';
import { parseKnownChanges, type KnownChange } from './region-changes.js';


const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** "1 Datei", "2 Dateien": a number with the noun in its form. */
const n = (count: number, lang: Lang, de: [string, string], en: [string, string]) => `${count} ${t(lang, de[count === 1 ? 0 : 1], en[count === 1 ? 0 : 1])}`;
const MAX_LISTED = 20;

export function runCatalogue({ args, values, io, lang }: { args: string[]; values: Values; io: Io; lang: Lang }): number {
  const [dir] = args;
  if (args.length !== 1 || !dir || !values.output) throw new CliError(CATALOGUE_HELP[lang === 'en' ? 1 : 0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: ${t(lang, 'kein Ordner', 'not a folder')}`);
  if (values.updated !== undefined && !DATE_PATTERN.test(values.updated) && !DATE_TIME_PATTERN.test(values.updated)) {
    throw new CliError(t(lang, `--updated ${values.updated}: erwartet wird JJJJ-MM-TT (oder mit Uhrzeit)`, `--updated ${values.updated}: expected YYYY-MM-DD (or with a time)`));
  }
  let knownChanges: KnownChange[] = [];
  if (values['region-changes']) {
    const file = values['region-changes'];
    try {
      const json = readJsonFile(file, '--region-changes');
      try {
        knownChanges = parseKnownChanges(json);
      } catch (error) {
        if (error instanceof AdapterError) throw new CliError(`--region-changes ${file}: ${error.reason[lang]}`);
        throw error;
      }
    } catch (error) {
      if (error instanceof AdapterError) throw new CliError(error.reason[lang]);
      throw error;
    }
  }

  let build: CatalogueBuild;
  try {
    build = buildCatalogue(dir, {
      output: values.output,
      knownChanges,
      ...(values.title ? { title: values.title } : {}),
      ...(values.updated ? { updated: values.updated } : {}),
      ...(values['population-indicator'] ? { populationIndicator: values['population-indicator'] } : {}),
      ...(values['geometry-attribution'] ? { geometryAttribution: values['geometry-attribution'] } : {}),
      ...(values['neighbours-from'] ? { neighboursFrom: values['neighbours-from'] } : {}),
    });
  } catch (error) {
    if (error instanceof AdapterError) throw new CliError(error.reason[lang]);
    throw error;
  }

  const out = values.output;
  const { catalogue } = build;
  for (const d of build.data) {
    const e = d.entry;
    io.stderr(
      `  ${e.url}: ${e.indicators.map((i) => i.id).join(', ')} · ${e.levels.join(', ')} · ${e.regions.join(', ')} · ` +
        `${e.periods.first === e.periods.last ? e.periods.first : `${e.periods.first} – ${e.periods.last}`} · ${d.observations} ${t(lang, 'Beobachtungen', 'observations')} · ${kb(e.bytes)}\n`,
    );
  }
  for (const w of build.warnings) io.stderr(`${out}: ${t(lang, 'Warnung', 'warning')}: ${w.reason[lang]}\n`);
  for (const s of build.skipped) io.stderr(`${out}: ${t(lang, 'nicht gelistet', 'not listed')}: ${s.url} (${s.reason[lang]})\n`);

  const failed = build.invalid.length + build.errors.length + build.contradictions.length;
  if (failed) {
    for (const p of build.invalid) io.stderr(`${t(lang, 'ungültig', 'invalid')}: ${p[lang]}\n`);
    for (const p of build.errors) io.stderr(`${t(lang, 'Fehler', 'error')}: ${p.reason[lang]}\n`);
    for (const c of build.contradictions.slice(0, MAX_LISTED)) {
      io.stderr(`${t(lang, 'Widerspruch', 'contradiction')}: ${c.observation}: ${c.files[0]} ${c.here}, ${c.files[1]} ${c.there}\n`);
    }
    if (build.contradictions.length > MAX_LISTED) {
      io.stderr(`${t(lang, 'Widerspruch', 'contradiction')}: … ${build.contradictions.length - MAX_LISTED} ${t(lang, 'weitere', 'more')}\n`);
    }
    io.stderr(
      `${out}: ${t(lang, 'nicht geschrieben', 'not written')}: ${build.contradictions.length} ${t(lang, 'Widersprüche', 'contradictions')}, ` +
        `${build.errors.length} ${t(lang, 'unvereinbare Angaben', 'incompatible definitions')}, ${build.invalid.length} ${t(lang, 'Probleme mit Dateien', 'problems with files')}\n`,
    );
    return 1;
  }

  const check = validateCatalogue(catalogue);
  if (!check.valid) throw new CliError(check.problems.map((p) => `${out}: ${p.path}: ${p.message[lang]}`).join('\n'));
  writeAtomically(out, `${JSON.stringify(catalogue, null, 1)}\n`, lang);

  const bytes = [...catalogue.data, ...catalogue.geometry, ...catalogue.regionFiles, ...catalogue.dossiers].reduce((n, f) => n + f.bytes, 0);
  const files = catalogue.data.length + catalogue.geometry.length + catalogue.regionFiles.length + catalogue.dossiers.length;
  const levels = (['Bund', 'Land', 'Regierungsbezirk', 'Kreis'] as const).map((l) => `${l} ${catalogue.regions.filter((r) => r.level === l).length}`).join(', ');
  const kreise = catalogue.regions.filter((r) => r.level === 'Kreis');
  io.stderr(
    `${out}: ${n(files, lang, ['Datei', 'Dateien'], ['file', 'files'])} (${(bytes / 1e6).toFixed(1)} MB): ${n(catalogue.data.length, lang, ['Datendatei', 'Datendateien'], ['data file', 'data files'])}, ` +
      `${n(catalogue.geometry.length, lang, ['Grenzdatei', 'Grenzdateien'], ['boundary file', 'boundary files'])}, ` +
      `${n(catalogue.regionFiles.length, lang, ['Regionendatei', 'Regionendateien'], ['region file', 'region files'])}, ` +
      `${n(catalogue.dossiers.length, lang, ['Dossier', 'Dossiers'], ['dossier', 'dossiers'])}; ${n(build.warnings.length, lang, ['Warnung', 'Warnungen'], ['warning', 'warnings'])}\n`,
  );
  io.stderr(
    `${out}: ${t(lang, 'Regionen', 'regions')}: ${levels} (${t(lang, 'Kreise mit Art', 'Kreise with type')} ${kreise.filter((r) => r.type).length}, ` +
      `${t(lang, 'mit Nachbarn', 'with neighbours')} ${kreise.filter((r) => r.neighbours).length}, ${t(lang, 'mit Einwohnerzahl', 'with population')} ${kreise.filter((r) => r.population !== undefined).length})\n`,
  );
  if (catalogue.regionChanges.length) {
    const known = catalogue.regionChanges.length - build.unresolved.length;
    io.stderr(
      `${out}: ${t(lang, 'Kreisschlüssel ohne aktuelle Grenze (regionChanges)', 'Kreis keys without a current boundary (regionChanges)')}: ${catalogue.regionChanges.length}, ` +
        `${t(lang, 'davon mit Nachfolger', 'with a successor')} ${known}` +
        (build.unresolved.length
          ? `; ${t(lang, 'ohne bekannten Nachfolger (nur gemeldet, nicht geraten)', 'without a known successor (reported, not guessed)')}: ${build.unresolved.slice(0, MAX_LISTED).join(', ')}${build.unresolved.length > MAX_LISTED ? ', …' : ''}`
          : '') +
        '\n',
    );
  }
  return 0;
}
