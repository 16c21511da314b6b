/**
 * The `kreisdossier` command: import publisher files, validate, export, merge
 * and prepare geometry. Messages in German, or English with `--lang en` or an
 * English LANG. Output files are written only when complete and valid
 * (temporary file, then rename), never half.
 */
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument, validateDocument } from '../src/format/validate.js';
import { loadLocale } from '../src/i18n/locale.js';
import { AdapterError } from './adapter-error.js';
import { ADAPTERS, type AdapterName } from './adapters.js';
import { exportCsv } from './export-csv.js';
import { mergeDocuments } from './merge.js';
import { MESSAGES } from './messages.js';
import { addRatio } from './compute.js';
import { describeMissing, MissingMetadata } from './missing-metadata.js';
import { CliError, fsProblem, importOptions, OPTIONS, printSummary, readMapping, t, writeAtomically, type Io, type Lang, type Values } from './cli-shared.js';
import { DOSSIER_HELP } from './dossier/dossier-help.js';
import { FETCH_HELP, runFetch } from './genesis-api/fetch-command.js';
import { CATALOGUE_HELP } from './catalogue/catalogue-help.js';
import { SPLIT_HELP } from './split/split-help.js';
import { INSPECT_HELP, runInspect } from './inspect.js';
import { documentText, readDocument } from './read-document.js';
import { nameRegions } from './region-names.js';
import { keepWithin } from './within.js';
import { CLI_MAX_CONVERTED, CLI_MAX_OBSERVATIONS, checkFileSize, checkObservationCount, limitObservations, readInputFile } from './limits.js';


const HELP: Record<string, [de: string, en: string]> = {
  main: [
    `kreisdossier – amtliche Regionalstatistik ins kreisdossier-Format bringen

Befehle:
  import <genesis|ffcsv|jsonstat|csv|datapackage> DATEI [Optionen] -o aus.json
  compute DATEI --indicator … --numerator … --denominator … -o aus.json   berechnet ein Verhältnis zweier Indikatoren
  inspect DATEI                   zeigt, was ein Import ergäbe (Indikatoren, Einheiten, Regionen, Zeiträume), ohne zu schreiben
  fetch TABELLE… [Optionen] -o aus.json   lädt Tabellen vom GENESIS-Webservice (regionalstatistik.de, Destatis)
  validate DATEI…                 prüft Dateien; Exit-Code 0 nur wenn alle gültig sind
  export <csv|jsonstat> DATEI     schreibt die Daten als lange CSV-Tabelle oder JSON-stat 2.0
  merge DATEI… -o aus.json        führt Dateien zusammen und meldet Widersprüche
  geo DATEI… [--within SCHLÜSSEL] [--simplify 10%] [--format topojson|geojson] -o aus
  split DATEI… --by land|regierungsbezirk|kreis|auto -o ORDNER   teilt bundesweite Dateien nach Land, Regierungsbezirk oder Kreis
  catalogue ORDNER -o ORDNER/katalog.json   schreibt den Katalog eines Datenordners und prüft die Dateien auf Widersprüche
  dossier --region SCHLÜSSEL [--gemeinden] -o ORDNER/   schreibt das Dossier einer Region als fertigen Ordner für die eigene Website

kreisdossier BEFEHL --help zeigt die Optionen eines Befehls. --lang en für englische Meldungen.`,
    `kreisdossier – official regional statistics into the kreisdossier format

Commands:
  import <genesis|ffcsv|jsonstat|csv|datapackage> FILE [options] -o out.json
  compute FILE --indicator … --numerator … --denominator … -o out.json    computes a ratio of two indicators
  inspect FILE                    shows what an import would produce (indicators, units, regions, periods) without writing
  fetch TABLE… [options] -o out.json      downloads tables from the GENESIS web service (regionalstatistik.de, Destatis)
  validate FILE…                  checks files; exit code 0 only if all are valid
  export <csv|jsonstat> FILE      writes the data as a long CSV table or JSON-stat 2.0
  merge FILE… -o out.json         combines files and reports contradictions
  geo FILE… [--within KEY] [--simplify 10%] [--format topojson|geojson] -o out
  split FILE… --by land|regierungsbezirk|kreis|auto -o FOLDER    splits nationwide files by Land, Regierungsbezirk or Kreis
  catalogue FOLDER -o FOLDER/katalog.json   writes a data folder's catalogue and checks the files for contradictions
  dossier --region KEY [--gemeinden] -o FOLDER/         writes a region's dossier as a ready folder for your own website

kreisdossier COMMAND --help shows a command's options. --lang de/en chooses the language of messages.`,
  ],
  import: [
    `kreisdossier import <genesis|ffcsv|jsonstat|csv|datapackage> DATEI -o aus.json

  --indicator ID        Kennung des Indikators (z. B. bevoelkerung)
  --label TEXT          Bezeichnung (ersetzt die veröffentlichte bei einem Indikator; bei mehreren nur, wo keine steht)
  --unit TEXT           Einheit, falls die Quelle keine nennt
  --topic THEMA         Bevölkerung | Gesundheit und Pflege | Bildung | Arbeitsmarkt und Wirtschaft |
                        Soziale Lage | Digitalisierung | Strukturwandel
  --kind ART            count | share | rate | mean | index: wo die Einheit die Art nicht sagt (bei einer GENESIS-Tabelle mit einem Indikator immer)
  --polarity RICHTUNG   higher-is-better | higher-is-worse | neutral (Standard)
  --decimals N          Nachkommastellen (Standard: wie in der Quelle)
  --explanation TEXT    Erklärung in einfacher Sprache
  --mapping DATEI       JSON-Datei, die Spalten/Zeilen benennt (siehe data-adapters/README.md)
  --region-level EBENE  Bund | Land | Regierungsbezirk | Kreis | Gemeindeverband | Gemeinde
  --encoding KODIERUNG  utf-8 | latin1 (Standard: erkannt)
  --attribution TEXT    Quellenvermerk, falls die Datei keinen ©-Vermerk hat
  --license ID          Lizenz (Standard bei GENESIS: dl-de/by-2-0)
  --reference-date JJJJ-MM-TT   Stand, falls die Datei keinen nennt
  --title TEXT, --dataset-id ID, --table CODE
  --publisher NAME      Herausgeber, falls die Quelle keinen nennt (JSON-stat)
  --within SCHLÜSSEL    nur Regionen unterhalb dieses Schlüssels (und darüber liegende zum Vergleich)
  --region-names DATEI  Namen für Regionen ohne Namen (kreisdossier-Datei oder GeoJSON/TopoJSON mit ags/name)
  -o, --output DATEI    Ausgabedatei (ohne: Standardausgabe)`,
    `kreisdossier import <genesis|ffcsv|jsonstat|csv|datapackage> FILE -o out.json

  --indicator ID        indicator id (e.g. bevoelkerung)
  --label TEXT          label (replaces the published one for a single indicator; with several, only where none is given)
  --unit TEXT           unit when the source states none
  --topic TOPIC         Bevölkerung | Gesundheit und Pflege | Bildung | Arbeitsmarkt und Wirtschaft |
                        Soziale Lage | Digitalisierung | Strukturwandel
  --kind KIND           count | share | rate | mean | index: where the unit does not tell (for a GENESIS table with one indicator, always)
  --polarity P          higher-is-better | higher-is-worse | neutral (default)
  --decimals N          digits after the decimal point (default: as in the source)
  --explanation TEXT    plain-language explanation
  --mapping FILE        JSON file naming columns/rows (see data-adapters/README.md)
  --region-level LEVEL  Bund | Land | Regierungsbezirk | Kreis | Gemeindeverband | Gemeinde
  --encoding ENC        utf-8 | latin1 (default: detected)
  --attribution TEXT    attribution line when the file has no © line
  --license ID          licence (GENESIS default: dl-de/by-2-0)
  --reference-date YYYY-MM-DD   "Stand" when the file states none
  --title TEXT, --dataset-id ID, --table CODE
  --publisher NAME      publisher when the source names none (JSON-stat)
  --within KEY          only regions below this key (and those above it, for comparison)
  --region-names FILE   names for regions the source leaves unnamed (kreisdossier file or GeoJSON/TopoJSON with ags/name)
  -o, --output FILE     output file (without: standard output)`,
  ],
  validate: ['kreisdossier validate DATEI…\n\nJedes Problem erscheint als DATEI: $.json.pfad: Grund.', 'kreisdossier validate FILE…\n\nEach problem is printed as FILE: $.json.path: reason.'],
  export: [
    'kreisdossier export <csv|jsonstat> DATEI [-o aus]\n\ncsv: Spalten indicator,region,region_name,period,value,status,unit (Punkt als Dezimaltrenner, leer bei fehlendem Wert), dazu note („berechnet aus …“), wenn die Datei berechnete Kennzahlen hat.',
    'kreisdossier export <csv|jsonstat> FILE [-o out]\n\ncsv: columns indicator,region,region_name,period,value,status,unit ("." as decimal separator, empty when null), plus note ("berechnet aus …") when the file has computed indicators.',
  ],
  merge: ['kreisdossier merge DATEI… -o aus.json\n\nWidersprüche werden gemeldet, nichts wird überschrieben.', 'kreisdossier merge FILE… -o out.json\n\nContradictions are reported; nothing is overwritten.'],
  compute: [
    `kreisdossier compute DATEI --indicator KENNUNG --numerator ZÄHLER --denominator NENNER --unit EINHEIT [--factor N] [--decimals N] [--label TEXT] -o aus.json

Fügt der Datei ein berechnetes Verhältnis zweier amtlicher Indikatoren hinzu (je Region, Zeitraum und Gliederung:
Zähler × Faktor ÷ Nenner), als „berechnet“ gekennzeichnet (Formel und Quell-Indikatoren); die Elemente zeigen es
mit „berechnet aus …“. Fehlt ein Wert, wird sein Zeichen übernommen; Division durch 0 ergibt „x“.
Beispiel: --indicator einkuenfte-je-steuerpflichtigen --numerator ekf002 --denominator lsnw01 --factor 1000 --unit EUR`,
    `kreisdossier compute FILE --indicator ID --numerator ID --denominator ID --unit UNIT [--factor N] [--decimals N] [--label TEXT] -o out.json

Adds a computed ratio of two official indicators to the file (per region, period and breakdown: numerator × factor ÷
denominator), marked as computed (formula and source indicators); the elements show it with "berechnet aus …"
("computed from …"). A missing value keeps its symbol; division by 0 gives "x".
Example: --indicator einkuenfte-je-steuerpflichtigen --numerator ekf002 --denominator lsnw01 --factor 1000 --unit EUR`,
  ],
  fetch: FETCH_HELP,
  inspect: INSPECT_HELP,
  split: SPLIT_HELP,
  catalogue: CATALOGUE_HELP,
  dossier: DOSSIER_HELP,
  geo: [
    'kreisdossier geo DATEI… [--within SCHLÜSSEL] [--simplify 10%] [--format topojson|geojson] [--key-property ags] [--source-crs EPSG:31467] [--object NAME] [--precision N] [--keep-properties type] -o aus\n\nShapefile (.shp mit .dbf/.shx/.prj), GeoJSON oder TopoJSON → WGS84, nach amtlichem Schlüssel.\n--keep-properties übernimmt weitere Attribute unverändert (etwa type, die Art der Kreise, für kreisdossier catalogue).',
    'kreisdossier geo FILE… [--within KEY] [--simplify 10%] [--format topojson|geojson] [--key-property ags] [--source-crs EPSG:31467] [--object NAME] [--precision N] [--keep-properties type] -o out\n\nShapefile (.shp with .dbf/.shx/.prj), GeoJSON or TopoJSON → WGS84, keyed by official key.\n--keep-properties copies further attributes unchanged (e.g. type, the kind of Kreis, for kreisdossier catalogue).',
  ],
};

function output(values: Values, text: string, io: Io, lang: Lang): void {
  if (values.output) writeAtomically(values.output, text, lang);
  else io.stdout(text);
}

/**
 * Messages quote file contents: control characters (which a terminal would act on, NUL bytes of
 * a binary file) are shown escaped, and overlong lines (a quoted 50 MB field) are cut.
 */
function clean(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .split('\n')
    .map((line) => (line.length > 1000 ? `${line.slice(0, 1000)}…` : line))
    .join('\n');
}


/**
 * The language asked for with --lang, read before the arguments are parsed (so that their errors speak it too).
 * The last --lang counts, as with parseArgs.
 */
function langOption(argv: string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') lang = argv[++i];
    else if (argv[i]!.startsWith('--lang=')) lang = argv[i]!.slice('--lang='.length);
  }
  return lang;
}

/** node:util parseArgs errors (English only) in the user's language; undefined for another error. */
function argsProblem(error: NodeJS.ErrnoException, lang: Lang): string | undefined {
  const option = /^(?:Unknown option|Option) '([^']*)'/.exec(error.message)?.[1];
  if (option === undefined) return undefined;
  const name = option.split(', ').pop()!.replace(/ <value>$/, '');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return MESSAGES['cli.args.unknown-option'](name)[lang];
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return undefined;
  if (/argument missing$/.test(error.message)) return MESSAGES['cli.args.missing-value'](name)[lang];
  if (/argument is ambiguous/.test(error.message)) return MESSAGES['cli.args.ambiguous-value'](name)[lang];
  if (/does not take an argument$/.test(error.message)) return MESSAGES['cli.args.takes-no-value'](name)[lang];
  return undefined;
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], rawIo: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let lang: Lang = /^en/i.test(env.LANG ?? '') ? 'en' : 'de';
  const early = langOption(argv);
  if (early) lang = early.startsWith('en') ? 'en' : 'de';
  let file = '';
  const io: Io = { stdout: rawIo.stdout, stderr: (text) => rawIo.stderr(clean(text)) };
  await loadLocale('en'); // validation problems are worded in both languages
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...args] = positionals;
    const help = HELP[command ?? 'main'] ?? HELP.main!;
    if (values.help || !command) {
      io.stdout(`${help[lang === 'en' ? 1 : 0]}\n`);
      return command || values.help ? 0 : 2;
    }

    switch (command) {
      case 'import': {
        const [format, input] = args as [AdapterName | undefined, string | undefined];
        if (!format || !input || !(format in ADAPTERS)) throw new CliError(HELP.import![lang === 'en' ? 1 : 0]);
        file = input;
        const options = importOptions(values);
        const mapping = values.mapping ? readMapping(values.mapping, format) : undefined;
        // The 500 000 are what is written: with --within, counted after the cut (converting has a memory guard).
        limitObservations(values.within ? CLI_MAX_CONVERTED : CLI_MAX_OBSERVATIONS);
        const imported = await ADAPTERS[format]({ file: input, options, mapping, table: values.table });
        const within = values.within ? keepWithin(imported, values.within) : imported;
        checkObservationCount(within.document.observations.length, CLI_MAX_OBSERVATIONS);
        const { document, summary } = values['region-names'] ? nameRegions(within, values['region-names']) : within;
        const result = validateDocument(document);
        if (!result.valid) {
          throw new CliError(result.problems.map((p) => `${input}: ${p.path}: ${p.message[lang]}`).join('\n'));
        }
        printSummary(input, summary, lang, io);
        output(values, `${JSON.stringify(result.document, null, 1)}\n`, io, lang);
        return 0;
      }
      case 'validate': {
        if (args.length === 0) throw new CliError(HELP.validate![lang === 'en' ? 1 : 0]);
        let ok = true;
        for (const f of args) {
          file = f;
          let result: ReturnType<typeof parseDocument>;
          try {
            result = parseDocument(documentText(f));
          } catch (error) {
            // One unreadable file (missing, a folder, too large, not UTF-8) does not stop the others being checked.
            const code = (error as NodeJS.ErrnoException).code;
            if (!(error instanceof AdapterError) && !(typeof code === 'string' && /^E[A-Z]+$/.test(code))) throw error;
            ok = false;
            const reason = error instanceof AdapterError ? error.reason[lang] : fsProblem(code!, lang);
            io.stderr(`${f}: ${t(lang, 'ungültig', 'invalid')}: ${reason}\n`);
            continue;
          }
          if (result.valid) io.stderr(`${f}: ${t(lang, 'gültig', 'valid')}\n`);
          else {
            ok = false;
            for (const p of result.problems) io.stdout(clean(`${f}: ${p.path}: ${p.message[lang]}\n`));
            const n = result.problems.length;
            io.stderr(`${f}: ${t(lang, 'ungültig', 'invalid')} (${n} ${n === 1 ? t(lang, 'Problem', 'problem') : t(lang, 'Probleme', 'problems')})\n`);
          }
        }
        return ok ? 0 : 1;
      }
      case 'export': {
        const [format, input] = args;
        if (!input || (format !== 'csv' && format !== 'jsonstat')) throw new CliError(HELP.export![lang === 'en' ? 1 : 0]);
        file = input;
        const doc = readDocument(input, lang);
        if (format === 'csv') output(values, exportCsv(doc), io, lang);
        else {
          const { exportJsonStat } = await import('./jsonstat/jsonstat-export.js');
          output(values, `${JSON.stringify(exportJsonStat(doc), null, 1)}\n`, io, lang);
        }
        return 0;
      }
      case 'merge': {
        if (args.length < 2 || !values.output) throw new CliError(HELP.merge![lang === 'en' ? 1 : 0]);
        const merged = mergeDocuments(args.map((f) => ((file = f), { file: f, document: readDocument(f, lang) })));
        if (!merged.document) {
          for (const c of merged.conflicts) io.stderr(`${c.file}: ${c.path}: ${c.reason[lang]}\n`);
          return 1;
        }
        const check = validateDocument(merged.document);
        if (!check.valid) throw new CliError(check.problems.map((p) => `${values.output}: ${p.path}: ${p.message[lang]}`).join('\n'));
        output(values, `${JSON.stringify(check.document, null, 1)}\n`, io, lang);
        return 0;
      }
      case 'compute': {
        const [input] = args;
        const { indicator } = importOptions(values);
        if (!input || !indicator?.id || !values.numerator || !values.denominator) throw new CliError(HELP.compute![lang === 'en' ? 1 : 0]);
        file = input;
        // "1000", "1 000" or "1.000" (German thousands) are 1000; "0.001" stays 0.001.
        const factor = values.factor === undefined ? undefined : Number(/^[1-9]\d{0,2}([ .]\d{3})+$/.test(values.factor) ? values.factor.replace(/[ .]/g, '') : values.factor);
        const result = addRatio(readDocument(input, lang), { ...indicator, id: indicator.id, numerator: values.numerator, denominator: values.denominator, ...(factor !== undefined ? { factor } : {}) });
        const check = validateDocument(result.document);
        if (!check.valid) throw new CliError(check.problems.map((p) => `${input}: ${p.path}: ${p.message[lang]}`).join('\n'));
        const nulls = Object.entries(result.nulls).map(([sym, n]) => `"${sym}" ${n}`).join(', ') || '–';
        io.stderr(
          `${input}: ${indicator.id}: ${t(lang, 'Werte berechnet', 'values computed')} ${result.computed}, ${t(lang, 'fehlende Werte nach Zeichen', 'nulls by status')}: ${nulls}, ` +
            `${t(lang, 'ohne Gegenstück übersprungen', 'skipped without a counterpart')} ${result.unmatched}\n`,
        );
        output(values, `${JSON.stringify(check.document, null, 1)}\n`, io, lang);
        return 0;
      }
      case 'fetch':
        return await runFetch({ tables: args, values, io, lang, env });
      case 'split': {
        const { runSplit } = await import('./split/split-command.js');
        return runSplit({ files: args, values, io, lang });
      }
      case 'catalogue': {
        const { runCatalogue } = await import('./catalogue/catalogue-command.js');
        return runCatalogue({ args, values, io, lang });
      }
      case 'dossier': {
        if (args.length) throw new CliError(HELP.dossier![lang === 'en' ? 1 : 0]);
        const { runDossier } = await import('./dossier/dossier-command.js');
        return await runDossier({ values, io, lang, env, argv });
      }
      case 'inspect': {
        if (args.length !== 1) throw new CliError(HELP.inspect![lang === 'en' ? 1 : 0]);
        file = args[0]!;
        return await runInspect({ file, values, io, lang, argv });
      }
      case 'geo': {
        if (args.length === 0 || !values.output) throw new CliError(HELP.geo![lang === 'en' ? 1 : 0]);
        file = args[0]!;
        const { convertGeometry } = await import('./geo/geo-convert.js');
        checkFileSize(args);
        const files = Object.fromEntries(args.map((f) => [basename(f), readInputFile(f)]));
        const result = await convertGeometry({ files }, {
          ...(values.within ? { within: values.within } : {}),
          ...(values.simplify ? { simplify: values.simplify } : {}),
          ...(values.format ? { format: values.format as 'geojson' | 'topojson' } : {}),
          ...(values['key-property'] ? { keyProperty: values['key-property'] } : {}),
          ...(values['source-crs'] ? { sourceCrs: values['source-crs'] } : {}),
          ...(values.object ? { objectName: values.object } : {}),
          ...(values.precision ? { precision: Number(values.precision) } : {}),
          ...(values['keep-properties'] ? { keepProperties: values['keep-properties'].split(',').map((p) => p.trim()).filter(Boolean) } : {}),
        });
        for (const w of result.warnings) io.stderr(`${file}: ${w[lang]}\n`);
        io.stderr(`${file}: ${result.featureCount} ${t(lang, 'Gebiete', 'features')}\n`);
        output(values, result.data, io, lang);
        return 0;
      }
      default:
        throw new CliError(HELP.main![lang === 'en' ? 1 : 0]);
    }
  } catch (error) {
    const fsError = error as NodeJS.ErrnoException;
    if (error instanceof MissingMetadata) {
      io.stderr(`${file}: ${describeMissing(error, ['kreisdossier', ...argv], lang)}\n`);
    } else if (error instanceof AdapterError) {
      // A line of another file (a data package's CSV) names that file.
      const where = error.file ? join(dirname(file), error.file) : file;
      io.stderr(`${where}${error.line ? `:${error.line}` : ''}: ${error.reason[lang]}\n`);
    } else if (error instanceof CliError) io.stderr(`${error.message}\n`);
    else if (typeof fsError.code === 'string' && /^E[A-Z]+$/.test(fsError.code)) io.stderr(`${fsError.path ?? file}: ${fsProblem(fsError.code, lang)}\n`);
    else if (fsError.code?.startsWith('ERR_PARSE_ARGS')) io.stderr(`${argsProblem(fsError, lang) ?? fsError.message}\n`);
    else if (error instanceof RangeError && /string length/i.test(error.message)) {
      io.stderr(`${file}: ${t(lang, 'das Ergebnis ist zu groß für eine Datei: bitte die Daten aufteilen', 'the result is too large for one file: split the data')}\n`);
    }
    else io.stderr(`${file}: ${t(lang, 'Fehler', 'error')}: ${(error as Error).message}\n`);
    return 2;
  }
}
