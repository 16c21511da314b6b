/**
 * `kreisdossier inspect FILE`: what an import would produce — indicators with unit, kind and topic,
 * breakdowns, regions by level, periods, status symbols, skipped rows, and the flags that are still
 * missing (with an example command line) — without writing anything. The format is recognised from
 * the file itself; the same adapters and flags as `import` are used, so what it shows is what you get.
 */
import { basename } from 'node:path';
import { statusSymbolInfo } from '../src/format/status-symbols.js';
import { validateDocument } from '../src/format/validate.js';
import type { KreisdossierInput, Topic } from '../src/format/types.js';
import { withLocale } from '../src/i18n/locale.js';
import { AdapterError } from './adapter-error.js';
import { ADAPTERS, type AdapterName } from './adapters.js';
import { CliError, importOptions, readMapping, t, type Io, type Lang, type Values } from './cli-shared.js';
import { detectFfcsvLayout } from './ffcsv/ffcsv.js';
import { readInputFile } from './limits.js';
import { describeMissing, MissingMetadata, type MissingFlag } from './missing-metadata.js';
import { nameRegions } from './region-names.js';
import type { ImportOptions, ImportSummary } from './types.js';
import { keepWithin } from './within.js';

export const INSPECT_HELP: [de: string, en: string] = [
  `kreisdossier inspect DATEI [--format genesis|ffcsv|jsonstat|csv|datapackage] [Import-Optionen]

Zeigt, was \`kreisdossier import\` aus der Datei machen würde: Indikatoren (Kennung, Einheit, Art, Thema),
Gliederungen, Regionen je Ebene, Zeiträume, Zeichen und übersprungene Zeilen — und welche Angaben noch
fehlen, mit einer Beispiel-Befehlszeile. Schreibt nichts. Das Format wird aus der Datei erkannt.`,
  `kreisdossier inspect FILE [--format genesis|ffcsv|jsonstat|csv|datapackage] [import options]

Shows what \`kreisdossier import\` would make of the file: indicators (id, unit, kind, topic), breakdowns,
regions by level, periods, status symbols and skipped rows — and which metadata is still missing, with an
example command line. Writes nothing. The format is recognised from the file.`,
];

/** The import format a file is in, from its first bytes (a flat file's header, the GENESIS code line, JSON keys). */
export function detectFormat(file: string, bytes: Uint8Array): AdapterName {
  if (basename(file) === 'datapackage.json') return 'datapackage';
  // Only ASCII markers matter here; the adapter decodes the file properly.
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  if (/^GENESIS-Tabelle:/.test(head.trimStart())) return 'genesis';
  if (/^\s*[[{]/.test(head)) return /"resources"\s*:/.test(head) ? 'datapackage' : 'jsonstat';
  const firstLine = head.split(/\r?\n/, 1)[0]!;
  try {
    detectFfcsvLayout(firstLine.split(';'));
    return 'ffcsv';
  } catch {
    return 'csv';
  }
}

/** Stand-ins for missing metadata, so that the rest of the file can still be shown; marked as missing. */
const STAND_INS: Record<string, (o: ImportOptions) => void> = {
  '--topic': (o) => void (o.indicator = { ...o.indicator, topic: 'Bevölkerung' satisfies Topic }),
  '--unit': (o) => void (o.indicator = { ...o.indicator, unit: '?' }),
  '--kind': (o) => void (o.indicator = { ...o.indicator, kind: 'count' }),
  '--attribution': (o) => void (o.dataset = { ...o.dataset, attribution: '?' }),
  '--reference-date': (o) => void (o.dataset = { ...o.dataset, referenceDate: '1900-01-01' }),
  '--title': (o) => void (o.dataset = { ...o.dataset, title: '?' }),
  '--license': (o) => void (o.dataset = { ...o.dataset, license: { id: '?' } }),
  '--publisher': (o) => void (o.dataset = { ...o.dataset, sources: [{ publisher: '?' }] }),
};

interface Inspection {
  format: AdapterName;
  document: KreisdossierInput;
  summary: ImportSummary;
  missing: MissingFlag[];
}

async function inspectFile(file: string, values: Values): Promise<Inspection> {
  const bytes = readInputFile(file);
  const format = (values.format as AdapterName | undefined) ?? detectFormat(file, bytes);
  if (!(format in ADAPTERS)) throw new CliError(INSPECT_HELP[0]);
  const mapping = values.mapping ? readMapping(values.mapping, format) : undefined;
  const options = importOptions(values);
  const missing: MissingFlag[] = [];
  // At most one retry per flag: each run may reveal the next missing fact only if an adapter stops early.
  for (let attempt = 0; attempt <= Object.keys(STAND_INS).length; attempt++) {
    try {
      // The same steps as `import`: the adapter, then --within and --region-names.
      const imported = await ADAPTERS[format]({ file, options, mapping, table: values.table });
      const within = values.within ? keepWithin(imported, values.within) : imported;
      const { document, summary } = values['region-names'] ? nameRegions(within, values['region-names']) : within;
      return { format, document, summary, missing };
    } catch (error) {
      if (!(error instanceof MissingMetadata)) throw error;
      const fresh = error.flags.filter((f) => STAND_INS[f.flag] && !missing.some((m) => m.flag === f.flag));
      if (fresh.length === 0) throw error;
      for (const f of fresh) {
        missing.push(f);
        STAND_INS[f.flag]!(options);
      }
    }
  }
  throw new AdapterError({ de: 'die Datei lässt sich nicht auswerten', en: 'the file cannot be inspected' });
}

const text = (v: unknown, lang: Lang): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as Record<string, string>)[lang] ?? (v as Record<string, string>).de) : '';

/** "2008-12-31 … 2015-12-31 (8)" or the periods themselves when there are few. */
function periodRange(periods: string[]): string {
  const sorted = [...new Set(periods)].sort();
  if (sorted.length <= 4) return sorted.join(', ');
  return `${sorted[0]} … ${sorted.at(-1)} (${sorted.length})`;
}

function report(file: string, r: Inspection, lang: Lang, command: string[]): string {
  const d = r.document;
  const missing = new Set(r.missing.map((m) => m.flag));
  // A per-indicator flag (unit, kind, topic) is marked only on the indicators it is missing for.
  const lacks = (flag: string, id: string) => r.missing.some((m) => m.flag === flag && (!m.indicators || m.indicators.includes(id)));
  const gap = (flag: string) => t(lang, `fehlt (${flag})`, `missing (${flag})`);
  const out: string[] = [];
  const line = (label: string, value: string) => out.push(`${label.padEnd(16)} ${value}`);
  out.push(`${file} — ${t(lang, 'Format', 'format')} ${r.format}${t(lang, '; es wird nichts geschrieben', '; nothing is written')}`);
  line(t(lang, 'Titel:', 'Title:'), missing.has('--title') ? gap('--title') : text(d.dataset.title, lang));
  const source = d.dataset.sources[0];
  if (source && !missing.has('--publisher')) line(t(lang, 'Quelle:', 'Source:'), [source.publisher, source.table && `${t(lang, 'Tabelle', 'table')} ${source.table}`].filter(Boolean).join(' · '));
  line(t(lang, 'Quellenvermerk:', 'Attribution:'), missing.has('--attribution') ? gap('--attribution') : d.dataset.attribution);
  line(t(lang, 'Lizenz:', 'Licence:'), missing.has('--license') ? gap('--license') : d.dataset.license.id);
  line(t(lang, 'Stand:', 'As of:'), missing.has('--reference-date') ? gap('--reference-date') : d.dataset.referenceDate);

  out.push('', `${t(lang, 'Indikatoren', 'Indicators')} (${d.indicators.length}):`);
  const obs = d.observations;
  for (const x of d.indicators) {
    const own = obs.filter((o) => o.indicator === x.id);
    const facts = [
      `${t(lang, 'Einheit', 'unit')} ${lacks('--unit', x.id) ? gap('--unit') : text(x.unit, lang)}`,
      `${t(lang, 'Art', 'kind')} ${lacks('--kind', x.id) ? gap('--kind') : x.kind}`,
      `${t(lang, 'Thema', 'topic')} ${lacks('--topic', x.id) ? gap('--topic') : x.topic}`,
      ...(x.dimensions?.length ? [`${t(lang, 'Gliederung', 'breakdown')} ${x.dimensions.join(', ')}`] : []),
      `${own.length} ${t(lang, 'Werte', 'values')}, ${periodRange(own.map((o) => o.period))}`,
    ];
    out.push(`  ${x.id}  „${text(x.label, lang)}“`, `      ${facts.join(' · ')}`);
  }
  if (d.dimensions?.length) {
    out.push('', `${t(lang, 'Gliederungen', 'Breakdowns')}:`);
    for (const dim of d.dimensions) {
      const cats = dim.categories.map((c) => (c.id === dim.total ? `${c.id} (${t(lang, 'Summe', 'total')})` : c.id));
      out.push(`  ${dim.id} „${text(dim.label, lang)}“: ${cats.join(', ')}`);
    }
  }
  const byLevel = new Map<string, number>();
  for (const region of d.regions) byLevel.set(region.level, (byLevel.get(region.level) ?? 0) + 1);
  out.push('', `${t(lang, 'Regionen', 'Regions')} (${d.regions.length}): ${[...byLevel].map(([level, n]) => `${level} ${n}`).join(', ')}`);
  out.push(`  ${t(lang, 'z. B.', 'e.g.')} ${d.regions.slice(0, 3).map((x) => `${x.key} ${x.name}`).join('; ')}`);
  out.push(`${t(lang, 'Zeiträume', 'Periods')}: ${periodRange(obs.map((o) => o.period))}`);

  const symbols = new Map<string, number>();
  for (const o of obs) if (o.status !== undefined) symbols.set(o.status, (symbols.get(o.status) ?? 0) + 1);
  out.push(`${t(lang, 'Beobachtungen', 'Observations')}: ${obs.length}, ${t(lang, 'davon ohne Wert', 'without value')}: ${obs.filter((o) => o.value === null).length}`);
  if (symbols.size) {
    out.push(`${t(lang, 'Zeichen', 'Symbols')}:`);
    const declared = d.statusSymbols as Parameters<typeof statusSymbolInfo>[1];
    for (const [symbol, n] of symbols) {
      const meaning = withLocale(lang, () => statusSymbolInfo(symbol, declared)?.label) ?? '?';
      out.push(`  "${symbol}" ${n}× — ${meaning}`);
    }
  }
  for (const k of r.summary.skipped) out.push(`${t(lang, 'übersprungen', 'skipped')} ${k.count}× ${k.reason[lang]}`);
  if (r.missing.length) out.push('', describeMissing(new MissingMetadata(r.missing), command, lang));
  else {
    // What import would refuse at its last step (the format's rules) is said here too, not promised away.
    const check = validateDocument(d);
    if (!check.valid) {
      out.push('', t(lang, 'Der Import würde an der Prüfung scheitern:', 'The import would fail validation:'));
      for (const p of check.problems.slice(0, 10)) out.push(`  ${p.path}: ${p.message[lang]}`);
    } else out.push('', t(lang, 'Die Datei lässt sich ohne weitere Angaben importieren:', 'The file imports without further flags:'), `  ${command.join(' ')} -o ${basename(file).replace(/\.[^.]+$/, '')}.json`);
  }
  return `${out.join('\n')}\n`;
}

export async function runInspect(call: { file: string; values: Values; io: Io; lang: Lang; argv: string[] }): Promise<number> {
  const { file, values, io, lang } = call;
  const result = await inspectFile(file, values);
  // The example command line is the import the user would type: same file, same flags (before or after it), format named.
  const at = call.argv.indexOf(file);
  const flags = [...call.argv.slice(0, at), ...call.argv.slice(at + 1)].filter((arg, i) => !(arg === 'inspect' && i === call.argv.indexOf('inspect')));
  const command = ['kreisdossier', 'import', result.format, file, ...flags];
  io.stdout(report(file, result, lang, command));
  return 0;
}
