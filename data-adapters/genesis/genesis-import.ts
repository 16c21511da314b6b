/**
 * GENESIS classic table → kreisdossier document.
 *
 * A table's columns are described by its header rows (period, measures, sub-headings, units) and its label
 * columns (period, region key, name, attributes). With no mapping, `genesis-columns.ts` reads them: every
 * (measure, sub-heading, unit) becomes an indicator with a short id (`genesis-ids.ts`), a heading with the row
 * below it becomes a breakdown, the topic follows from the table code (EVAS) and attribution and Stand from the
 * footer. A mapping (`headerRows`, `indicators`) sets the roles and indicators explicitly instead; columns no
 * mapped indicator takes are counted as skipped, never dropped silently. Metadata the table does not carry is
 * collected and reported in one message naming every flag.
 */
import { REGION_KEY_PATTERN } from '../../src/format/schema.js';
import type { Dimension, Indicator, KreisdossierInput, Observation, Region } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { DL_DE_BY_2_0, isObject, isoPeriod, levelOfKey, parentOfKey, REGIONALSTATISTIK, slug } from '../common.js';
import { subjectAreaOf, topicOfTable } from '../evas.js';
import { MissingCollector } from '../missing-metadata.js';
import { count, emptySummary, skip, type ImportOptions, type ImportResult, type IndicatorOptions } from '../types.js';
import { detectLabelRoles, detectLayout, TOTAL, type LabelRole } from './genesis-columns.js';
import { readGenesisTable, type GenesisTable } from './genesis-table.js';
import { parseGenesisValue } from './genesis-value.js';

export type { LabelRole } from './genesis-columns.js';
/** Roles: 'period', 'unit', 'label' (a heading, ignored), 'indicator' (measure names), 'dimension:<id>'. */
export type HeaderRole = 'period' | 'unit' | 'label' | 'indicator' | `dimension:${string}`;

export interface GenesisMapping {
  headerRows?: HeaderRole[];
  labelColumns?: LabelRole[];
  /** Indicators, each taking the value columns whose header values match (`{"0": "Arbeitslose"}`: row 0 = …). */
  indicators?: Array<IndicatorOptions & { id: string; columns?: Record<string, string> }>;
  /** Category ids per dimension and published label; default: a slug of the label. */
  categories?: Record<string, Record<string, string>>;
  dimensionLabels?: Record<string, Dimension['label']>;
}

/** Checks the shape of a mapping file (a hand-written JSON file) before it is used. */
export function checkGenesisMapping(mapping: unknown): asserts mapping is GenesisMapping {
  const fail = (field: string, de: string, en: string) => {
    throw new AdapterError({ de: `Zuordnung: „${field}“ muss ${de} sein`, en: `mapping: "${field}" must be ${en}` });
  };
  if (!isObject(mapping)) return fail('', 'ein JSON-Objekt', 'a JSON object');
  const texts = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (mapping.headerRows !== undefined && !texts(mapping.headerRows)) fail('headerRows', 'eine Liste von Texten', 'a list of strings');
  if (mapping.labelColumns !== undefined && !texts(mapping.labelColumns)) fail('labelColumns', 'eine Liste von Texten', 'a list of strings');
  if (mapping.indicators !== undefined) {
    const ok = Array.isArray(mapping.indicators) && mapping.indicators.every((x) => isObject(x) && typeof x.id === 'string' && (x.columns === undefined || isObject(x.columns)));
    if (!ok) fail('indicators', 'eine Liste von Objekten mit "id" (und "columns" als Objekt)', 'a list of objects with "id" (and "columns" as an object)');
  }
  for (const field of ['categories', 'dimensionLabels'] as const) {
    const v = mapping[field];
    if (v !== undefined && !(isObject(v) && (field === 'dimensionLabels' || Object.values(v).every(isObject)))) fail(field, 'ein Objekt', 'an object');
  }
}

export interface GenesisImportOptions extends ImportOptions {
  mapping?: GenesisMapping;
}

// ------------------------------------------------------------ header roles of a mapping without headerRows
const UNITS = new Set(['Anzahl', 'Prozent', '%', 'Jahre', 'qkm', 'km²', 'EUR', 'Euro', 'Tsd. EUR', 'Personen', 'ha', 'Tonnen', 'Promille', 'number', 'percent', 'years', 'sq km', 'persons']);
const SEX = new Set(['insgesamt', 'männlich', 'weiblich', 'männer', 'frauen', 'total', 'male', 'female', 'males', 'females', 'men', 'women']);

const isPeriod = (s: string) => isoPeriod(s) !== undefined && !REGION_KEY_PATTERN.test(s.trim());

/** A row whose filled cells all say the same: a heading such as "Geschlecht" or the measure's name. */
const isHeading = (row: string[]) => new Set(row.map((c) => c.trim()).filter(Boolean)).size === 1;

/** Global roles per header row, for a mapping that names indicators but not the rows (as before detection). */
function detectHeaderRoles(rows: string[][]): HeaderRole[] {
  return rows.map((row, i): HeaderRole => {
    const values = row.map((c) => c.trim()).filter(Boolean);
    if (values.length && values.every(isPeriod)) return 'period';
    if (values.length && values.every((v) => UNITS.has(v))) return 'unit';
    if (isHeading(row)) return 'label';
    if (values.every((v) => SEX.has(v.toLowerCase()))) return 'dimension:geschlecht';
    const named = i > 0 && isHeading(rows[i - 1]!) ? rows[i - 1]!.find((c) => c.trim())!.trim() : '';
    if (named && !isPeriod(named)) return `dimension:${slug(named)}`;
    return `dimension:merkmal-${i + 1}`;
  });
}

function dimensionId(role: string): string | undefined {
  return role.startsWith('dimension:') ? role.slice('dimension:'.length) : undefined;
}

interface ValueColumn {
  index: number;
  indicator: string;
  /** The published text naming the indicator (detected layouts). */
  label?: string;
  period?: string;
  unit?: string;
  /** [dimension id, published category] */
  breakdown: Array<[string, string]>;
}

/**
 * The kind of measure, where unit and label say it: "… je …"/"… pro …"/"… per …", a "…quote" or a unit per unit
 * is a rate (also in %), a change in % a rate, other % a share; a label starting "Durchschnitt…"/"Mittlere…"/
 * "Average…" a mean; counts, areas and amounts (Anzahl, Personen, qkm, ha, EUR, number, …) a count. A median is
 * neither mean nor count: asked for (--kind), like anything else.
 */
export function kindOf(label: string, unit: string): Indicator['kind'] | undefined {
  if (/median/i.test(label)) return undefined;
  const perSomething = /\b(?:je|pro|per)\s/i.test(`${label} ${unit} `) || unit.includes('/');
  const rateWord = /quote|quotient|dichte|\brates?\b|density/i.test(label);
  if (/^(?:%|Prozent|Promille|‰|percent|per cent|per mille)$/i.test(unit)) {
    return perSomething || rateWord || /veränderung|zunahme|abnahme|wachstum|change|growth/i.test(label) ? 'rate' : 'share';
  }
  if (perSomething || rateWord) return 'rate';
  if (/^(?:durchschnitt|mittler|average|mean\b)/i.test(label.trim())) return 'mean';
  const amount = /^(?:Anzahl|Personen|qkm|km²|km|qm|m²|m³|cbm|ha|EUR|Euro|Tonnen|t|dt|kg|kWh|MWh|GWh|MJ|GJ|TJ|Std\.|Stunden|Stück|[Nn]umber|[Pp]ersons|sq km|km2|sq m|[Hh]ectares|[Tt]ons|[Tt]onnes|[Hh]ours|[Pp]ieces)$/;
  if (amount.test(unit.replace(/^(?:1000|Tsd\.|Mill\.|Mio\.|Mrd\.)\s+/, '')) || /^(?:1000|Tsd\.)$/.test(unit)) return 'count';
  return undefined;
}

export function importGenesisTable(bytes: Uint8Array, options: GenesisImportOptions = {}): ImportResult {
  const table = readGenesisTable(bytes, options.encoding ? { encoding: options.encoding } : {});
  return genesisToDocument(table, options);
}

/** The value columns as a mapping with `headerRows` or `indicators` names them. */
function mappedColumns(table: GenesisTable, mapping: GenesisMapping, options: GenesisImportOptions, missing: MissingCollector) {
  const headerRoles = mapping.headerRows ?? detectHeaderRoles(table.headerRows);
  if (headerRoles.length !== table.headerRows.length) {
    throw new AdapterError({ de: `die Tabelle hat ${table.headerRows.length} Kopfzeilen, die Zuordnung nennt ${headerRoles.length}`, en: `the table has ${table.headerRows.length} header rows, the mapping names ${headerRoles.length}` });
  }
  const defaultId = options.indicator?.id ?? mapping.indicators?.[0]?.id;
  const columnCount = table.headerRows[0]!.length;
  const columns: ValueColumn[] = [];
  const unmapped: number[] = [];
  for (let index = 0; index < columnCount; index++) {
    const header = (row: number) => (table.headerRows[row]![index] ?? '').trim();
    const chosen = mapping.indicators
      ? mapping.indicators.find((x) => Object.entries(x.columns ?? {}).every(([row, value]) => header(Number(row)) === value.trim()))
      : undefined;
    if (mapping.indicators && !chosen) {
      unmapped.push(index);
      continue;
    }
    let id = chosen?.id ?? (headerRoles.includes('indicator') ? slug(header(headerRoles.indexOf('indicator'))) : defaultId);
    if (!id) {
      missing.add('--indicator', 'bevoelkerung', { de: 'die Zuordnung nennt keine Kennung für den Indikator (oder indicators)', en: 'the mapping names no indicator id (or indicators)' });
      id = 'x';
    }
    const column: ValueColumn = { index, indicator: id, breakdown: [] };
    headerRoles.forEach((role, row) => {
      if (role === 'period') column.period = isoPeriod(header(row));
      else if (role === 'unit') column.unit = header(row);
      const dim = dimensionId(role);
      if (dim) column.breakdown.push([dim, header(row)]);
    });
    columns.push(column);
  }
  // A dimension of a header row below a heading row is named by the heading.
  const dimensionLabel = (dim: string): string => {
    const heading = headerRoles.findIndex((r) => r === `dimension:${dim}`);
    return heading > 0 && headerRoles[heading - 1] === 'label' ? table.headerRows[heading - 1]!.find((c) => c.trim())!.trim() : dim;
  };
  const resolve = (column: ValueColumn) => ({ indicator: column.indicator, label: column.label, unit: column.unit });
  return { columns, unmapped, periodInHeader: headerRoles.includes('period'), dimensionLabel, resolve };
}

/** The value columns read from the header rows (`genesis-columns.ts`); --indicator renames a table's one indicator. */
function detectedColumns(table: GenesisTable, mapping: GenesisMapping, options: GenesisImportOptions) {
  const layout = detectLayout(table, mapping.labelColumns);
  const columns: ValueColumn[] = layout.columns.map((c) => ({ ...c }));
  const perRow = layout.rowIndicators;
  const ids = [...new Set(perRow ? [...perRow.values()].flat().map((x) => x.id) : columns.map((c) => c.indicator))];
  const wanted = options.indicator?.id;
  if (wanted && ids.length > 1) {
    throw new AdapterError({
      de: `die Tabelle hat ${ids.length} Indikatoren (${ids.join(', ')}): --indicator benennt nur den Indikator einer Tabelle mit einem; Kennungen und Angaben je Indikator setzt eine Zuordnung (--mapping)`,
      en: `the table has ${ids.length} indicators (${ids.join(', ')}): --indicator renames only the indicator of a table with one; a mapping (--mapping) sets ids and metadata per indicator`,
    });
  }
  const measureColumn = layout.labelRoles.indexOf('indicator');
  const unitColumn = layout.labelRoles.indexOf('unit');
  return {
    labelRoles: layout.labelRoles,
    columns,
    unmapped: [] as number[],
    periodInHeader: columns.some((c) => c.period),
    dimensionLabel: (dim: string) => layout.dimensionLabels.get(dim) ?? dim,
    /** The indicator, label and unit of a column in a row (a label column may hold the row's measure and unit). */
    resolve: (column: ValueColumn, c: number, labels: string[]) => {
      const row = perRow && measureColumn >= 0 ? perRow.get((labels[measureColumn] ?? '').trim())?.[c] : undefined;
      const unit = unitColumn >= 0 ? (labels[unitColumn] ?? '').trim() || column.unit : column.unit;
      return { indicator: wanted ?? row?.id ?? column.indicator, label: row?.label ?? column.label, unit };
    },
  };
}

export function genesisToDocument(table: GenesisTable, options: GenesisImportOptions = {}): ImportResult {
  const mapping = options.mapping ?? {};
  const missing = new MissingCollector();
  const mapped = mapping.headerRows !== undefined || mapping.indicators !== undefined;
  const plan = mapped
    ? { ...mappedColumns(table, mapping, options, missing), labelRoles: mapping.labelColumns ?? detectLabelRoles(table) }
    : detectedColumns(table, mapping, options);
  const { columns, unmapped, labelRoles } = plan;
  if (labelRoles.length !== table.labelColumns) {
    throw new AdapterError({ de: `die Tabelle hat ${table.labelColumns} Vorspalten, die Zuordnung nennt ${labelRoles.length}`, en: `the table has ${table.labelColumns} label columns, the mapping names ${labelRoles.length}` });
  }
  const summary = emptySummary();

  // Dimensions and their categories, in the publisher's order.
  const dimensions = new Map<string, { label: Dimension['label']; categories: Map<string, string> }>();
  const categoryOf = (dim: string, label: string): string => {
    const published = label.trim() || 'Insgesamt';
    let d = dimensions.get(dim);
    if (!d) dimensions.set(dim, (d = { label: mapping.dimensionLabels?.[dim] ?? (dim === 'geschlecht' ? 'Geschlecht' : plan.dimensionLabel(dim)), categories: new Map() }));
    const id = mapping.categories?.[dim]?.[published] ?? slug(published);
    if (!d.categories.has(id)) d.categories.set(id, published);
    return id;
  };
  // Header categories first (column order), as published.
  const columnBreakdowns = columns.map((column) => Object.fromEntries(column.breakdown.map(([dim, label]) => [dim, categoryOf(dim, label)])));

  const periodLabel = labelRoles.indexOf('period');
  const regionCol = labelRoles.indexOf('region');
  const nameCol = labelRoles.indexOf('name');
  if (regionCol === -1) throw new AdapterError({ de: 'die Zuordnung nennt keine Spalte mit Regionalschlüsseln', en: 'the mapping names no region column' });
  // A title line "Stichtag: 09.05.2011" or "Jahr: 2010" gives the period of a table that has no other.
  const titlePeriod = table.titleLines.map((l) => /^(?:Stichtag|Jahr|Berichtsjahr|Schuljahr|Zeitraum)\s*:\s*(\S+)$/.exec(l.trim())?.[1]).map((p) => p && isoPeriod(p)).find(Boolean);
  if (periodLabel === -1 && !plan.periodInHeader && !table.rows[0]!.block && !titlePeriod) {
    throw new AdapterError({ de: 'die Tabelle hat keine Spalte, Kopfzeile oder Jahreszeile mit dem Zeitraum', en: 'the table has no period column, header row or year block' });
  }

  const regions = new Map<string, Region>();
  const observations: Observation[] = [];
  const decimals = new Map<string, number>();
  const units = new Map<string, Set<string>>();
  const labels = new Map<string, string>();
  const indicatorDims = new Map<string, Set<string>>();
  const titleUnit = /\(([^()]+)\)\s*$/.exec(table.titleLines.find((l) => /\([^()]+\)\s*$/.test(l)) ?? '')?.[1];

  for (const row of table.rows) {
    summary.rowsRead++;
    const key = row.labels[regionCol]!.trim();
    if (!REGION_KEY_PATTERN.test(key)) {
      // Regionalstatistik gives members of Gemeindeverbände 7/10/11-digit keys that are no AGS/ARS.
      if (/^\d{6,11}$/.test(key)) {
        skip(summary, MESSAGES['cli.skip.genesis-no-ags'](), row.line);
        continue;
      }
      throw new AdapterError({ de: `„${key}“ ist kein amtlicher Regionalschlüssel`, en: `"${key}" is not an official region key` }, row.line);
    }
    const level = levelOfKey(key, options.regionLevel);
    if (!level) throw new AdapterError({ de: `die Ebene des Regionalschlüssels „${key}“ lässt sich nicht erkennen: bitte --region-level angeben`, en: `cannot tell the level of region key "${key}": pass --region-level` }, row.line);
    if (!regions.has(key)) {
      const parent = parentOfKey(key);
      regions.set(key, { key, name: nameCol >= 0 ? row.labels[nameCol]!.trim() : key, level, ...(parent ? { parent } : {}) });
    }
    const rowBreakdown: Record<string, string> = {};
    labelRoles.forEach((role, c) => {
      const dim = dimensionId(role);
      if (dim) rowBreakdown[dim] = categoryOf(dim, row.labels[c]!);
    });
    const rowPeriod = periodLabel >= 0 ? isoPeriod(row.labels[periodLabel]!) : row.block ? isoPeriod(row.block) : titlePeriod;

    columns.forEach((column, c) => {
      const { indicator, label, unit: columnUnit } = plan.resolve(column, c, row.labels);
      const cell = row.cells[column.index] ?? '';
      const parsed = parseGenesisValue(cell);
      if (!parsed) throw new AdapterError({ de: `das Feld „${cell}“ in Spalte ${table.labelColumns + column.index + 1} ist weder eine Zahl noch ein GENESIS-Zeichen`, en: `cell "${cell}" in column ${table.labelColumns + column.index + 1} is neither a number nor a GENESIS symbol` }, row.line);
      const period = column.period ?? rowPeriod;
      if (!period) throw new AdapterError({ de: 'für dieses Feld ist kein Zeitraum angegeben', en: 'no period for this cell' }, row.line);
      const breakdown = { ...columnBreakdowns[c], ...rowBreakdown };
      const observation: Observation = {
        indicator,
        region: key,
        period,
        ...(Object.keys(breakdown).length ? { breakdown } : {}),
        value: parsed.value,
        ...(parsed.status ? { status: parsed.status } : {}),
      };
      observations.push(observation);
      count(summary, parsed.value, parsed.status);
      const places = /,(\d+)/.exec(cell)?.[1]?.length ?? 0;
      decimals.set(indicator, Math.max(decimals.get(indicator) ?? 0, places));
      let u = units.get(indicator);
      if (!u) units.set(indicator, (u = new Set()));
      u.add(columnUnit ?? (mapped ? titleUnit : undefined) ?? '');
      if (label && !labels.has(indicator)) labels.set(indicator, label);
      let dims = indicatorDims.get(indicator);
      if (!dims) indicatorDims.set(indicator, (dims = new Set()));
      Object.keys(breakdown).forEach((d) => dims!.add(d));
    });
    for (const _ of unmapped) skip(summary, MESSAGES['cli.skip.genesis-unmapped-cells'](), row.line);
  }

  if (observations.length === 0) throw new AdapterError({ de: 'keine Zeile der Tabelle hat einen amtlichen Regionalschlüssel', en: 'no row of the table has an official region key' });
  const title = table.titleLines.join(' ');
  const area = subjectAreaOf(table.code, title);
  const indicators: Indicator[] = [...indicatorDims.keys()].map((id) => {
    // Per-indicator settings (mapping file, options.indicators) decide; the global flags (--unit, --kind, …) only
    // fill what the table leaves open: they may have been asked for one indicator and must not rewrite the others.
    const own = { ...mapping.indicators?.find((x) => x.id === id), ...options.indicators?.[id] };
    const global = options.indicator ?? {};
    const spec = { ...global, ...own };
    const published = [...units.get(id)!].filter(Boolean);
    if (!own.unit && published.length > 1) {
      throw new AdapterError({ de: `der Indikator „${id}“ mischt Einheiten (${published.join(', ')}): bitte die Spalten getrennten Indikatoren zuordnen`, en: `indicator "${id}" mixes units (${published.join(', ')}): map the columns to separate indicators` });
    }
    const unit = own.unit ?? (published[0] === 'Prozent' || published[0]?.toLowerCase() === 'percent' ? '%' : published[0]) ?? global.unit;
    const firstHeader = table.titleLines[0]?.replace(/\s*\([^()]*\)\s*$/, '') ?? id;
    // A mapping's label replaces the published one; so does --label for a table's one indicator (it can mean no
    // other: "Einwohnerinnen und Einwohner" for "Bevölkerungsstand"). With several, --label only fills a gap.
    const label = own.label ?? (indicatorDims.size === 1 ? global.label : undefined) ?? labels.get(id) ?? global.label ?? firstHeader;
    const labelText = typeof label === 'string' ? label : label.de;
    if (!unit) missing.add('--unit', 'Anzahl', { de: `die Tabelle nennt keine Einheit für „${id}“ („${labelText}“)`, en: `the table states no unit for "${id}" ("${labelText}")` }, id);
    const topic = spec.topic ?? topicOfTable(table.code, title);
    if (!topic) {
      const where = area ? { de: `das Sachgebiet ${area.code} (${area.name.de}) ist keinem Thema eindeutig zugeordnet`, en: `subject area ${area.code} (${area.name.en}) maps to no single topic` } : { de: `der Tabellencode ${table.code} nennt kein bekanntes Sachgebiet`, en: `table code ${table.code} names no known subject area` };
      missing.add('--topic', 'Bevölkerung', { de: `kein Thema für den Indikator „${id}“: ${where.de}`, en: `no topic for indicator "${id}": ${where.en}` }, id);
    }
    const unitText = typeof unit === 'string' ? unit : (unit?.de ?? '');
    // A guessed kind is no statement of the table: --kind replaces it for a table's one indicator (the flag can mean
    // no other), and with several indicators only fills where nothing can be told.
    const kind = own.kind ?? (indicatorDims.size === 1 ? global.kind : undefined) ?? kindOf(labelText, unitText) ?? global.kind;
    if (!kind) {
      missing.add('--kind', 'count', {
        de: `die Art der Kennzahl „${id}“ („${labelText}“, Einheit „${unitText || '?'}“) ist nicht erkennbar (count|share|rate|mean|index)`,
        en: `cannot tell what kind of measure "${id}" ("${labelText}", unit "${unitText || '?'}") is (count|share|rate|mean|index)`,
      }, id);
    }
    return {
      id,
      label,
      unit: unit ?? '',
      decimals: spec.decimals ?? decimals.get(id) ?? 0,
      topic: topic ?? 'Bevölkerung',
      ...(spec.explanation ? { explanation: spec.explanation } : {}),
      polarity: spec.polarity ?? 'neutral',
      kind: kind ?? 'count',
      ...(indicatorDims.get(id)!.size ? { dimensions: [...indicatorDims.get(id)!] } : {}),
    };
  });

  const attribution = options.dataset?.attribution ?? table.copyright?.replace(/\.\s*$/, '');
  if (!attribution) {
    missing.add('--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', { de: 'die Datei hat keinen „©“-Vermerk', en: 'the file has no "©" line' });
  }
  const referenceDate = options.dataset?.referenceDate ?? table.stand;
  if (!referenceDate) missing.add('--reference-date', '2025-03-31', { de: 'die Datei nennt keinen „Stand“ (JJJJ-MM-TT)', en: 'the file has no "Stand" line (YYYY-MM-DD)' });
  missing.check();

  const document: KreisdossierInput = {
    kreisdossier: '1.0',
    dataset: {
      id: slug(table.code),
      title: table.titleLines.slice(0, 2).join(' ').replace(/;+$/, '') || table.code,
      sources: [
        {
          publisher: REGIONALSTATISTIK,
          table: table.code,
          title,
          url: `https://www.regionalstatistik.de/genesis/online?operation=table&code=${table.code}`,
        },
      ],
      license: DL_DE_BY_2_0,
      attribution: attribution!,
      referenceDate: referenceDate!,
      // The table's footnotes and the file's encoding, for provenance (never rendered).
      extensions: { genesis: { notes: table.notes, encoding: table.encoding } },
      ...options.dataset,
    },
    regions: [...regions.values()],
    ...(dimensions.size
      ? {
          dimensions: [...dimensions].map(([id, d]) => {
            const categories = [...d.categories].map(([cid, label]) => ({ id: cid, label }));
            const total = categories.find((c) => TOTAL.test(c.label));
            return { id, label: d.label, categories, ...(total ? { total: total.id } : {}) };
          }),
        }
      : {}),
    indicators,
    observations,
  };
  return { document, summary };
}
