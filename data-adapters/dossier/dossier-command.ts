/**
 * `kreisdossier dossier --region KEY -o FOLDER/`: a folder a webmaster uploads as it is — a standalone page and
 * a CMS snippet with <themen-dossier>, the library, exactly the catalogue files the region's dossier needs
 * (with a catalogue of only these) and a README with upload, server and licence notes. Every copied file is
 * validated; the folder appears only when all of it is complete.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Catalogue } from '../../src/format/catalogue-schema.js';
import { regionIndex } from '../../src/format/catalogue-select.js';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import type { Topic } from '../../src/format/types.js';
import { TOPICS } from '../../src/format/vocabulary.js';
import { ALL_TOPICS, parseTopic, TOPIC_SLUGS } from '../../src/format/topic-slugs.js';
import { CliError, t, type Io, type Lang, type Values } from '../cli-shared.js';
import { DOSSIER_HELP } from './dossier-help.js';
import { fetchTables, readTables, tablesFile } from './fetch-data.js';
import { layoutFor, sourcePath } from './layout.js';
import { libraryFiles } from './library.js';
import { checkOutput, stage } from './output.js';
import { indexHtml, snippetHtml, stylesheet, STYLESHEET } from './page.js';
import { collectFiles } from './collect.js';
import { creditLine, mergeCredits, readme, type OutputFile } from './readme.js';
import { nameAndType, resolveTarget, type Target } from './region.js';
import { selectFiles, subsetCatalogue } from './select.js';
import { CATALOGUE_FILE, packageRoot, readCatalogue, sourceFolder } from './source.js';

export interface DossierCall {
  values: Values;
  io: Io;
  lang: Lang;
  env: NodeJS.ProcessEnv;
  argv: string[];
}

function readTopics(raw: string | undefined, lang: Lang): Topic[] {
  if (raw === undefined) return [...TOPICS];
  const topics = raw.split(',').map((word) => {
    const w = word.trim();
    const parsed = parseTopic(w);
    const topic = parsed === ALL_TOPICS ? undefined : parsed;
    if (!topic) {
      throw new CliError(t(lang, `--topics: „${w}“ ist kein Thema; erlaubt: ${Object.values(TOPIC_SLUGS).join(', ')}`, `--topics: "${w}" is not a topic; allowed: ${Object.values(TOPIC_SLUGS).join(', ')}`));
    }
    return topic;
  });
  return TOPICS.filter((x) => topics.includes(x));
}

export async function runDossier({ values, io, lang, env, argv }: DossierCall): Promise<number> {
  const usage = () => new CliError(DOSSIER_HELP[lang === 'en' ? 1 : 0]);
  const regions = values.region ?? [];
  if (regions.length !== 1 || !values.output) throw usage();
  const out = values.output;
  const topics = readTopics(values.topics, lang);
  const gemeindePages = values.gemeinden === true;

  // Everything that can be refused is refused before anything is read, fetched or written.
  const folder = resolve(sourceFolder(values.data, lang));
  checkOutput(out, values.force === true, [folder], lang);
  const tables = values.fetch ? readTables(tablesFile(values.tables, lang), lang).filter((e) => topics.includes(e.topic)) : undefined;
  if (values.tables !== undefined && !values.fetch) throw new CliError(t(lang, '--tables gilt nur mit --fetch', '--tables only applies with --fetch'));
  const base = readCatalogue(folder, lang);
  const target = resolveTarget(base, folder, regions[0]!, gemeindePages, lang);
  if (!target.kreis.parent) {
    io.stderr(
      t(
        lang,
        `Hinweis: ${CATALOGUE_FILE} nennt für ${target.kreis.key} kein übergeordnetes Land (parent): Vergleichszahlen von Land und Deutschland und die Karten und Ranglisten der Kreise des Landes fehlen im Dossier.\n`,
        `Note: ${CATALOGUE_FILE} names no Land above ${target.kreis.key} (parent): the Land's and Germany's figures for comparison and the maps and rankings of the Land's Kreise are missing from the dossier.\n`,
      ),
    );
  }

  let fetchDir: string | undefined;
  try {
    // --fetch: fresh numbers replace the catalogue's data files.
    let catalogue: Catalogue = base;
    const fetchedPaths = new Map<string, string>();
    if (tables) {
      if (!tables.length) throw new CliError(t(lang, '--fetch: die Liste hat keine Tabelle für diese Themen', '--fetch: the list has no table for these topics'));
      fetchDir = mkdtempSync(join(tmpdir(), 'kd-dossier-fetch-'));
      const fetched = await fetchTables({ entries: tables, target, values, io, lang, env, dir: fetchDir });
      for (const f of fetched) fetchedPaths.set(f.entry.url, f.path);
      catalogue = { ...base, data: fetched.map((f) => f.entry) };
    }

    const selection = selectFiles(catalogue, target, topics, gemeindePages);
    if (!selection.data.length) {
      throw new CliError(
        t(lang, `${target.key} ${target.name}: der Katalog hat keine Zahlen für diese Region${values.topics ? ' und diese Themen' : ''}`, `${target.key} ${target.name}: the catalogue has no numbers for this region${values.topics ? ' and these topics' : ''}`),
      );
    }
    for (const topic of selection.empty) {
      io.stderr(t(lang, `Hinweis: zum Thema „${topic}“ gibt es keine Zahlen für ${target.name}; das Dossier sagt es auf dieser Themenseite.\n`, `Note: there are no numbers on "${topic}" for ${target.name}; the dossier says so on that topic's page.\n`));
    }

    // Read and validate every file; collect attributions; find files the data files point to themselves.
    const pathOf = (url: string) => fetchedPaths.get(url) ?? sourcePath(folder, url, lang, `${CATALOGUE_FILE}: ${url}`);
    const { copies, credits } = collectFiles(base, selection, pathOf, lang);

    if (gemeindePages && !target.gemeinden.length) {
      io.stderr(t(lang, `Hinweis: ${CATALOGUE_FILE} hat keine Namensliste der Gemeinden (regionFiles) für ${target.key}; die Auswahl kennt nur die Gemeinden mit Zahlen.\n`, `Note: ${CATALOGUE_FILE} has no list of the Gemeinden's names (regionFiles) for ${target.key}; the picker knows only the Gemeinden with numbers.\n`));
    }

    // Where each file goes: the catalogue's layout (fetched files under genesis/).
    const fetchedTargets = new Map([...fetchedPaths].map(([url, path]) => [path, url]));
    const layout = layoutFor(folder, copies.filter((c) => !fetchedTargets.has(c.source)).map((c) => c.source));
    const targets = new Map<string, string>();
    for (const c of copies) {
      c.target = fetchedTargets.get(c.source) ?? layout.target(c.source);
      const other = [...targets].find(([source, target]) => target === c.target && source !== c.source);
      if (other) throw new CliError(`${c.source}, ${other[0]}: ${t(lang, `beide würden daten/${c.target}`, `both would become daten/${c.target}`)}`);
      targets.set(c.source, c.target);
    }
    const urlOf = (url: string) => (fetchedPaths.has(url) ? url : layout.url(url, pathOf(url)));
    const bytesOf = (url: string) => statSync(pathOf(url)).size;

    // The subset catalogue: only these files, the regions their pages show, the changes touching them.
    const title = values.title?.trim() || defaultTitle(target);
    const subset = subsetCatalogue(catalogue, selection, title, urlOf, bytesOf);
    for (const [kind, list] of [['data', selection.data], ['geometry', selection.geometry], ['regionFiles', selection.regionFiles], ['dossiers', selection.dossiers]] as const) {
      for (const e of list) if (e.bytes !== bytesOf(e.url)) io.stderr(t(lang, `Hinweis: ${CATALOGUE_FILE}: ${kind} ${e.url}: die Datei hat ${bytesOf(e.url)} Bytes, nicht ${e.bytes}; der neue Katalog nennt die wahre Größe.\n`, `Note: ${CATALOGUE_FILE}: ${kind} ${e.url}: the file has ${bytesOf(e.url)} bytes, not ${e.bytes}; the new catalogue states the true size.\n`));
    }
    const check = validateCatalogue(subset);
    if (!check.valid) throw new CliError(check.problems.map((p) => `daten/${CATALOGUE_FILE}: ${p.path}: ${p.message[lang]}`).join('\n'));

    // The folder: library, data, pages, README.
    const root = packageRoot();
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const files: OutputFile[] = [];
    const add = (path: string, content: string | Buffer) => {
      const buffer = typeof content === 'string' ? Buffer.from(content) : content;
      files.push({ path, bytes: buffer.length, content: buffer });
    };
    const merged = mergeCredits(credits.map((c) => ({ ...c, files: c.files.map((f) => `daten/${f === CATALOGUE_FILE ? f : targets.get(f)!}`) })));
    const land = regionIndex(catalogue).get(target.key.slice(0, 2))?.name;
    const folderName = basename(resolve(out));
    add('index.html', indexHtml({ target, title, ...(land ? { land } : {}), gemeindePages, sources: [...new Set(merged.map(creditLine))], version }));
    add('snippet.html', snippetHtml(target, folderName, title));
    add(STYLESHEET, stylesheet());
    for (const f of libraryFiles(root, lang)) add(`kreisdossier/${f.path}`, f.content);
    add(`daten/${CATALOGUE_FILE}`, `${JSON.stringify(subset, null, 1)}\n`);
    const seen = new Set<string>();
    for (const c of copies) {
      if (seen.has(c.target)) continue;
      seen.add(c.target);
      add(`daten/${c.target}`, readFileSync(c.source));
    }
    const command = ['kreisdossier', 'dossier', ...argv.slice(argv.indexOf('dossier') + 1)].map((a) => (/^[\w./:=,-]+$/.test(a) ? a : `"${a.replace(/"/g, '\\"')}"`)).join(' ');
    const companions = [...new Set(copies.filter((c) => c.kind === 'companion').map((c) => `daten/${c.target}`))];
    add('README.md', readme({ target, title, command, version, folderName, gemeindePages, credits: merged, files: [...files], companions }));

    const staged = stage(out, lang);
    try {
      for (const f of files) staged.write(f.path, f.content);
      staged.commit();
    } finally {
      staged.discard();
    }
    const total = files.reduce((n, f) => n + f.bytes, 0);
    io.stderr(
      t(
        lang,
        `${out}: Dossier ${target.key} ${target.name}${gemeindePages ? ` mit ${target.gemeinden.length || 'seinen'} Gemeinden` : ''} geschrieben: ${files.length} Dateien (${mb(total, lang)}), davon ${seen.size + 1} in daten/\n`,
        `${out}: dossier ${target.key} ${target.name}${gemeindePages ? ` with ${target.gemeinden.length || 'its'} Gemeinden` : ''} written: ${files.length} files (${mb(total, lang)}), ${seen.size + 1} of them in daten/\n`,
      ),
    );
    return 0;
  } finally {
    if (fetchDir) rmSync(fetchDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number, lang: Lang) => `${(bytes / 1048576).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 })} MB`;

function defaultTitle(target: Target): string {
  return target.level === 'Kreis' ? `Kreisdossier ${nameAndType(target.kreis).name}` : `Gemeindedossier ${target.name}`;
}
