/**
 * A parsed table plus what its source says about itself → kreisdossier
 * document. Shared by the plain CSV and the Data Package adapter. Metadata
 * the source lacks comes from the options (command-line flags) or the
 * mapping; when it is in neither, the import stops with the flag to pass.
 */
import { DATE_PATTERN } from '../../src/format/schema.js';
import type { Dataset, Indicator, KreisdossierInput, LocalizedText } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { slug } from '../common.js';
import { emptySummary, type ImportOptions, type ImportResult, type IndicatorOptions } from '../types.js';
import type { CsvTable } from './csv-table.js';
import { detectDecimal, EMPTY_STATUS, isOfficial, type NumberFormat } from './csv-value.js';
import { resolveLayout, type Layout } from './layout.js';
import type { CsvMapping } from './mapping.js';
import { collectRows, regionKey } from './observations.js';

export interface TableSource {
  table: CsvTable;
  mapping: CsvMapping;
  /** What the source file says about the dataset (Data Package descriptor). */
  dataset?: Partial<Dataset>;
  /** Labels the source gives its columns (Table Schema field titles), by column name. */
  columnLabels?: Record<string, string>;
  /** Number formats the source declares (Table Schema decimalChar, groupChar, integer), by column name. */
  numberFormats?: Record<string, Partial<NumberFormat>>;
  /** Missing markers the source declares (Table Schema missingValues). */
  missingValues?: string[];
  /** What the source says a missing marker means (Table Schema v2 missingValues labels), by status. */
  missingLabels?: Record<string, string>;
}

const textOf = (t: LocalizedText) => (typeof t === 'string' ? t : t.de);

function markerLabel(marker: string, published?: string): LocalizedText {
  const label: LocalizedText =
    marker === EMPTY_STATUS
      ? { de: 'in der Quelle leer', en: 'empty in the source' }
      : { de: `in der Quelle als „${marker}“ angegeben`, en: `given as "${marker}" in the source` };
  return published ? { de: `${label.de}: ${published}`, en: `${label.en}: ${published}` } : label;
}

function resolveDataset(src: TableSource, options: ImportOptions): Dataset {
  const own = { ...src.dataset, ...src.mapping.dataset };
  const given = options.dataset ?? {};
  const merged: Partial<Dataset> = { ...own, ...given };
  // "--license CC-BY-4.0" naming the licence the source describes in full keeps the full description.
  if (given.license && own.license && given.license.id === own.license.id) merged.license = { ...own.license, ...given.license };
  /** `what` in German with its article ("keinen Titel"); `how` a flag (the same in both languages) or a Reason. */
  const missing = (what: Reason, how: string | Reason): never => {
    const h: Reason = typeof how === 'string' ? { de: how, en: how } : how;
    throw new AdapterError({ de: `die Quelle nennt ${what.de}: bitte ${h.de} angeben`, en: `the source states no ${what.en}: pass ${h.en}` });
  };
  const title = merged.title ?? missing({ de: 'keinen Titel', en: 'title' }, '--title');
  const sources = merged.sources?.length
    ? merged.sources
    : missing(
        { de: 'keine Quelle', en: 'source' },
        {
          de: 'eine Zuordnung mit "dataset": {"sources": [{"publisher": "…", "url": "…"}]}',
          en: 'a mapping with "dataset": {"sources": [{"publisher": "…", "url": "…"}]}',
        },
      );
  const license = merged.license ?? missing({ de: 'keine Lizenz', en: 'licence' }, '--license');
  const attribution = merged.attribution ?? missing({ de: 'keinen Quellenvermerk', en: 'attribution' }, '--attribution');
  const referenceDate =
    merged.referenceDate ?? missing({ de: 'keinen Stichtag („Stand“)', en: 'reference date ("Stand")' }, { de: '--reference-date JJJJ-MM-TT', en: '--reference-date YYYY-MM-DD' });
  if (!DATE_PATTERN.test(referenceDate)) {
    throw new AdapterError({
      de: `der Stichtag „${referenceDate}“ ist kein Datum JJJJ-MM-TT (--reference-date)`,
      en: `reference date "${referenceDate}" is not a date YYYY-MM-DD (--reference-date)`,
    });
  }
  return { ...merged, id: merged.id ?? slug(textOf(title)), title, sources, license, attribution, referenceDate };
}

/** Number format of every value column: mapping, else as declared by the source, else detected from the cells. */
function numberFormats(src: TableSource, layout: Layout): Map<number, NumberFormat & { detectedAt?: number }> {
  const { table, mapping } = src;
  const columns = layout.shape === 'wide' ? layout.values.map((v) => v.column) : [layout.value!];
  let detected: { decimal: '.' | ','; line?: number } | undefined;
  const detect = () => {
    if (detected) return detected;
    // Only rows that will be imported count (rows of unmapped regions are skipped).
    const rows = mapping.regionKeys ? table.rows.filter((r) => regionKey(r.cells[layout.region]!, mapping, r.line) !== undefined) : table.rows;
    return (detected = detectDecimal(rows.flatMap((r) => columns.map((c) => ({ raw: r.cells[c]!, line: r.line })))));
  };
  return new Map(
    columns.map((c) => {
      const declared = src.numberFormats?.[table.header[c]!] ?? {};
      const decimal = mapping.decimal ?? declared.decimal;
      const format = decimal ? { ...declared, decimal } : { ...declared, decimal: detect().decimal, ...(detect().line ? { detectedAt: detect().line } : {}) };
      return [c, format];
    }),
  );
}

/** Counts and shares are safe to tell from the unit; anything else must be said (--kind). */
function kindOf(id: string, unit: LocalizedText): Indicator['kind'] {
  const u = textOf(unit);
  if (u === '%') return 'share';
  if (u === 'Anzahl' || u === 'Personen') return 'count';
  throw new AdapterError({
    de: `welche Art von Größe „${id}“ (Einheit ${u}) ist, lässt sich nicht erkennen: bitte --kind count|share|rate|mean|index angeben`,
    en: `cannot tell what kind of measure "${id}" (unit ${u}) is: pass --kind count|share|rate|mean|index`,
  });
}

export function tableToDocument(src: TableSource, options: ImportOptions = {}): ImportResult {
  const { table, mapping } = src;
  for (const symbol of Object.keys(mapping.statusSymbols ?? {})) {
    if (isOfficial(symbol)) {
      throw new AdapterError({
        de: `Zuordnung: „${symbol}“ ist ein amtliches GENESIS-Zeichen und behält seine amtliche Bedeutung`,
        en: `mapping: "${symbol}" is an official GENESIS symbol and keeps its official meaning`,
      });
    }
  }
  const layout = resolveLayout(table.header, mapping, options.indicator?.id);
  const dataset = resolveDataset(src, options);
  const summary = emptySummary();
  const missing = new Set(['', ...(src.missingValues ?? []), ...(mapping.missingValues ?? [])]);
  const collected = collectRows(
    table.rows,
    {
      header: table.header,
      layout,
      mapping,
      formats: numberFormats(src, layout),
      missing,
      markers: new Set([...missing].map((m) => m.trim() || EMPTY_STATUS)),
      ...(options.regionLevel ? { regionLevel: options.regionLevel } : {}),
    },
    summary,
  );

  const valueColumnOf = (id: string): string | undefined => {
    const wide = layout.values.find((v) => v.indicator === id);
    if (wide) return table.header[wide.column];
    return layout.indicator && 'fixed' in layout.indicator ? table.header[layout.value!] : undefined;
  };
  const { id: _ignored, ...defaults } = options.indicator ?? {};
  const indicators: Indicator[] = [...collected.indicators].map(([id, seen]) => {
    const spec: IndicatorOptions = { ...defaults, ...mapping.indicators?.[id], ...options.indicators?.[id] };
    if (spec.unit !== undefined && seen.unit !== undefined && textOf(spec.unit) !== seen.unit) {
      throw new AdapterError({
        de: `die Datei nennt für „${id}“ die Einheit „${seen.unit}“, die Optionen „${textOf(spec.unit)}“`,
        en: `the file gives unit "${seen.unit}" for "${id}", the options "${textOf(spec.unit)}"`,
      });
    }
    const unit = spec.unit ?? seen.unit;
    if (unit === undefined) {
      throw new AdapterError({
        de: `die Quelle nennt keine Einheit für „${id}“: bitte --unit angeben (oder "indicators": {"${id}": {"unit": "…"}} in der Zuordnung)`,
        en: `the source states no unit for "${id}": pass --unit (or "indicators": {"${id}": {"unit": "…"}} in the mapping)`,
      });
    }
    if (!spec.topic) {
      throw new AdapterError({
        de: `kein Thema für „${id}“: bitte --topic angeben (oder "indicators": {"${id}": {"topic": "…"}} in der Zuordnung)`,
        en: `no topic for "${id}": pass --topic (or "indicators": {"${id}": {"topic": "…"}} in the mapping)`,
      });
    }
    const column = valueColumnOf(id);
    const fixed = layout.indicator && 'fixed' in layout.indicator;
    return {
      id,
      label: spec.label ?? (column !== undefined ? src.columnLabels?.[column] : undefined) ?? (fixed ? id : seen.label),
      unit,
      decimals: spec.decimals ?? Math.min(6, seen.places),
      topic: spec.topic,
      ...(spec.explanation ? { explanation: spec.explanation } : {}),
      polarity: spec.polarity ?? 'neutral',
      kind: spec.kind ?? kindOf(id, unit),
      ...(seen.dimensions.size ? { dimensions: [...seen.dimensions] } : {}),
    };
  });

  const declared = [...collected.statuses].filter((s) => !isOfficial(s));
  const document: KreisdossierInput = {
    kreisdossier: '1.0',
    dataset,
    regions: [...collected.regions.values()],
    ...(collected.dimensions.size
      ? {
          dimensions: [...collected.dimensions].map(([id, d]) => {
            const categories = [...d.categories].map(([cid, label]) => ({ id: cid, label }));
            const total = categories.find((c) => /^insgesamt$/i.test(c.label));
            return { id, label: d.label, categories, ...(total ? { total: total.id } : {}) };
          }),
        }
      : {}),
    indicators,
    observations: collected.observations,
    ...(declared.length
      ? {
          statusSymbols: Object.fromEntries(
            declared.map((s) => [s, mapping.statusSymbols?.[s] ?? { label: markerLabel(s, src.missingLabels?.[s]), replacesValue: true }]),
          ),
        }
      : {}),
  };
  return { document, summary };
}
