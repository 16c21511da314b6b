/**
 * The downloaded flat file → a kreisdossier document, through the project's own ffcsv adapter, with the
 * metadata the service gave (title, "Stand", attribution, licence, source) and the topic from the
 * statistic's subject area. Import flags and --mapping override both.
 *
 * Nothing is made up: what neither the service nor the user says is collected as a missing flag. So
 * that one run names every missing flag, the file is converted with placeholders for them (the adapter
 * would stop at the first), the placeholders are found afterwards, and then the fetch stops with all of
 * them at once (MissingMetadata).
 */
import type { Indicator, Source, Topic } from '../../src/format/types.js';
import type { Reason } from '../adapter-error.js';
import { importOptions, type Lang, type Values } from '../cli-shared.js';
import { DL_DE_BY_2_0, REGIONALSTATISTIK } from '../common.js';
import { subjectAreaOf, topicOfTable } from '../evas.js';
import { DESTATIS } from '../ffcsv/ffcsv-dataset.js';
import { importFfcsv, type FfcsvOptions } from '../ffcsv/ffcsv.js';
import { MissingCollector } from '../missing-metadata.js';
import type { ImportResult } from '../types.js';
import { keepWithin } from '../within.js';
import type { Database } from './credentials.js';
import type { TableFacts } from './metadata.js';

/** Stands in for what is missing while converting; never written (the fetch stops first). */
const PLACEHOLDER = '\u0000missing';

/** Missing flags of all tables, each with every table's reason, so that one message names them all. */
export class MissingFlags {
  private readonly flags = new Map<string, { example: string; reasons: Reason[] }>();

  add(flag: string, example: string, reason: Reason): void {
    const entry = this.flags.get(flag) ?? { example, reasons: [] };
    entry.reasons.push(reason);
    this.flags.set(flag, entry);
  }

  get size(): number {
    return this.flags.size;
  }

  /** Throws them together as one MissingMetadata. */
  check(): void {
    const collector = new MissingCollector();
    for (const [flag, { example, reasons }] of this.flags) {
      // One line per table, under the flag.
      collector.add(flag, example, { de: reasons.map((r) => r.de).join('\n    '), en: reasons.map((r) => r.en).join('\n    ') });
    }
    collector.check();
  }
}

export interface ConvertCall {
  table: string;
  flatFile: Uint8Array;
  /** Name of the file inside the ZIP (kept for provenance). */
  flatFileName: string;
  facts: TableFacts;
  values: Values;
  /** --mapping (ffcsv options: indicators by value-variable code, regionVariable, decimalSeparator). */
  mapping?: FfcsvOptions;
  database: Database;
  /** `language` of the request: English flat files use "." as decimal separator. */
  language: Lang;
  /** The form fields of the data request that was answered. */
  request: Record<string, string>;
  /** Official keys of --region. */
  regions: string[];
  /** Date header of the answer, when the file was made. */
  date?: string;
  missing: MissingFlags;
}

function publisherOf(database: Database): { publisher: string; host: string } {
  return database === 'destatis'
    ? { publisher: DESTATIS, host: 'https://www-genesis.destatis.de' }
    : { publisher: REGIONALSTATISTIK, host: 'https://www.regionalstatistik.de' };
}

/** An HTTP Date header as an ISO date-time ("2026-03-10T20:49:32Z"), if it is one. */
function isoDateTime(httpDate: string | undefined): string | undefined {
  if (!httpDate) return undefined;
  const d = new Date(httpDate);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * Converts; adds what is missing to `call.missing` (and then returns undefined). AdapterErrors of the
 * flat file (a line the adapter refuses) are thrown as they are.
 */
export function convertFlatFile(call: ConvertCall): ImportResult | undefined {
  const { table, facts, values, mapping, database } = call;
  const given = importOptions(values);
  const { publisher, host } = publisherOf(database);
  const retrieved = isoDateTime(call.date);
  const source: Source = {
    publisher,
    table,
    ...(facts.title ? { title: facts.title } : {}),
    url: `${host}/genesis/online?operation=table&code=${encodeURIComponent(table)}`,
    ...(retrieved ? { retrieved } : {}),
  };
  const topic = topicOfTable(table, facts.title);
  const options: FfcsvOptions = {
    ...given,
    ...(mapping ?? {}),
    tableCode: table,
    ...(call.language === 'en' && !mapping?.decimalSeparator ? { decimalSeparator: '.' as const } : {}),
    indicator: {
      topic: (topic ?? PLACEHOLDER) as Topic,
      kind: PLACEHOLDER as Indicator['kind'],
      ...given.indicator,
      ...(mapping as { indicator?: object } | undefined)?.indicator,
    },
    dataset: {
      sources: [source],
      attribution: facts.attribution ?? PLACEHOLDER,
      referenceDate: facts.referenceDate ?? PLACEHOLDER,
      ...(facts.title ? { title: facts.title } : {}),
      ...(facts.dlDeBy20 ? { license: DL_DE_BY_2_0 } : {}),
      ...given.dataset,
      ...(mapping as { dataset?: object } | undefined)?.dataset,
    },
  };

  const result = importFfcsv(call.flatFile, options);
  const doc = result.document;
  let missing = false;
  const need = (flag: string, example: string, de: string, en: string) => {
    missing = true;
    call.missing.add(flag, example, { de: `${table}: ${de}`, en: `${table}: ${en}` });
  };

  const withoutTopic = doc.indicators.filter((i) => (i.topic as string) === PLACEHOLDER);
  if (withoutTopic.length) {
    const area = subjectAreaOf(table, facts.title);
    const ids = withoutTopic.map((i) => i.id).join(', ');
    need(
      '--topic',
      'Bevölkerung',
      area ? `das Sachgebiet ${area.code} (${area.name.de}) passt zu keinem Thema eindeutig (${ids})` : `kein Sachgebiet am Tabellencode erkennbar (${ids})`,
      area ? `subject area ${area.code} (${area.name.en}) matches no topic unambiguously (${ids})` : `no subject area recognisable from the table code (${ids})`,
    );
  }
  const withoutKind: Indicator[] = [];
  for (const indicator of doc.indicators) {
    if ((indicator.kind as string) !== PLACEHOLDER) continue;
    // What the adapter does without --kind: a published count is a count.
    if (indicator.unit === 'Anzahl') indicator.kind = 'count';
    else withoutKind.push(indicator);
  }
  if (withoutKind.length) {
    const list = withoutKind.map((i) => `${i.id} (${labelText(i.label)}, ${labelText(i.unit)})`).join(', ');
    // The adapter also takes mapping entries by its generated id (the value variable's code in lower case).
    const example = `{"indicators": {"${withoutKind[0]!.id}": {"kind": "count"}}}`;
    need(
      '--kind',
      'count',
      `die Art der Kennzahl ist unbekannt für ${list} (--kind gilt für alle Indikatoren; je Indikator in --mapping, z. B. ${example})`,
      `the kind of measure is unknown for ${list} (--kind applies to every indicator; per indicator in --mapping, e.g. ${example})`,
    );
  }
  if (doc.dataset.attribution === PLACEHOLDER) need('--attribution', '© …', 'metadata/table nennt keinen Quellenvermerk (Copyright)', 'metadata/table states no attribution (Copyright)');
  if (doc.dataset.referenceDate === PLACEHOLDER) need('--reference-date', '2025-03-31', 'metadata/table nennt keinen Stand (Updated)', 'metadata/table states no "Stand" (Updated)');
  if (!facts.dlDeBy20 && !values.license && !(mapping as { dataset?: { license?: unknown } } | undefined)?.dataset?.license) {
    need('--license', 'dl-de/by-2-0', 'der Copyright-Vermerk nennt keine Lizenz', 'the Copyright notice names no licence');
  }
  if (missing) return undefined;

  doc.dataset.extensions = {
    ...doc.dataset.extensions,
    genesisApi: {
      database,
      table,
      ...(facts.copyright ? { copyright: facts.copyright } : {}),
      ...(facts.updated ? { updated: facts.updated } : {}),
      ...(facts.time ? { time: facts.time } : {}),
      request: call.request,
      file: call.flatFileName,
    },
  };
  const regions = call.regions.join(', ');
  let out = call.regions.length ? keepWithin(result, call.regions, { de: `Beobachtungen außerhalb von --region ${regions}`, en: `observations outside --region ${regions}` }) : result;
  if (values.within) out = keepWithin(out, values.within);
  return out;
}

const labelText = (l: Indicator['label']) => (typeof l === 'string' ? l : l.de);
