/**
 * GENESIS classic table → kreisdossier document.
 *
 * A table's columns are described by its header rows (period, attributes,
 * units) and its label columns (period, region key, name, attributes). The
 * roles are detected (periods, units, region keys, "Geschlecht"-style name
 * rows) and can be set explicitly with a mapping. Several measures in one
 * table (counts and rates) become several indicators via `mapping.indicators`;
 * columns no indicator takes are counted as skipped, never dropped silently.
 */
import { REGION_KEY_PATTERN } from '../../src/format/schema.js';
import type { Dimension, Indicator, KreisdossierInput, Observation, Region } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { DL_DE_BY_2_0, isObject, isoPeriod, levelOfKey, parentOfKey, REGIONALSTATISTIK, slug } from '../common.js';
import { count, emptySummary, skip, type ImportOptions, type ImportResult, type IndicatorOptions } from '../types.js';
import { readGenesisTable, type GenesisTable } from './genesis-table.js';
import { parseGenesisValue } from './genesis-value.js';

/** Roles: 'period', 'unit', 'label' (a heading, ignored), 'indicator' (measure names), 'dimension:<id>'. */
export type HeaderRole = 'period' | 'unit' | 'label' | 'indicator' | `dimension:${string}`;
/** Roles: 'period', 'region', 'name', 'ignore', 'dimension:<id>'. */
export type LabelRole = 'period' | 'region' | 'name' | 'ignore' | `dimension:${string}`;

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

const UNITS = new Set(['Anzahl', 'Prozent', '%', 'Jahre', 'qkm', 'km²', 'EUR', 'Euro', 'Tsd. EUR', 'Personen', 'ha', 'Tonnen', 'Promille']);
const SEX = new Set(['insgesamt', 'männlich', 'weiblich', 'männer', 'frauen']);
const TOTAL = /^insgesamt$/i;

const isPeriod = (s: string) => isoPeriod(s) !== undefined && !REGION_KEY_PATTERN.test(s.trim());

/** A row whose filled cells all say the same: a heading such as "Geschlecht" or the measure's name. */
const isHeading = (row: string[]) => new Set(row.map((c) => c.trim()).filter(Boolean)).size === 1;

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

function detectLabelRoles(t: GenesisTable): LabelRole[] {
  const sample = t.rows.slice(0, 200);
  const share = (col: number, test: (s: string) => boolean) => sample.filter((r) => test((r.labels[col] ?? '').trim())).length / sample.length;
  const roles: LabelRole[] = [];
  const keyCol = [...Array(t.labelColumns).keys()].find((c) => share(c, (s) => REGION_KEY_PATTERN.test(s)) > 0.9);
  if (keyCol === undefined) throw new AdapterError({ de: 'keine Spalte mit amtlichen Regionalschlüsseln (DG, AGS) gefunden: bitte eine Zuordnung mit labelColumns angeben', en: 'no column with official region keys (DG, AGS) found: pass a mapping with labelColumns' }, t.rows[0]!.line);
  for (let c = 0; c < t.labelColumns; c++) {
    if (c === keyCol) roles.push('region');
    else if (c === keyCol + 1) roles.push('name');
    else if (share(c, isPeriod) > 0.9) roles.push('period');
    else roles.push(`dimension:merkmal-l${c + 1}`);
  }
  return roles;
}

function dimensionId(role: string): string | undefined {
  return role.startsWith('dimension:') ? role.slice('dimension:'.length) : undefined;
}

interface ValueColumn {
  index: number;
  indicator: string;
  period?: string;
  unit?: string;
  breakdown: Record<string, string>;
}

/** Counts and shares are safe to assume from the unit; anything else must be said (--kind). */
function defaultKind(id: string, unit: string): Indicator['kind'] {
  if (unit === '%') return 'share';
  if (unit === 'Anzahl' || unit === 'Personen') return 'count';
  throw new AdapterError({ de: `welche Art von Größe „${id}“ (Einheit ${unit}) ist, lässt sich nicht erkennen: bitte --kind count|share|rate|mean|index angeben`, en: `cannot tell what kind of measure "${id}" (unit ${unit}) is: pass --kind count|share|rate|mean|index` });
}

export function importGenesisTable(bytes: Uint8Array, options: GenesisImportOptions = {}): ImportResult {
  const table = readGenesisTable(bytes, options.encoding ? { encoding: options.encoding } : {});
  return genesisToDocument(table, options);
}

export function genesisToDocument(table: GenesisTable, options: GenesisImportOptions = {}): ImportResult {
  const mapping = options.mapping ?? {};
  const headerRoles = mapping.headerRows ?? detectHeaderRoles(table.headerRows);
  const labelRoles = mapping.labelColumns ?? detectLabelRoles(table);
  if (headerRoles.length !== table.headerRows.length) {
    throw new AdapterError({ de: `die Tabelle hat ${table.headerRows.length} Kopfzeilen, die Zuordnung nennt ${headerRoles.length}`, en: `the table has ${table.headerRows.length} header rows, the mapping names ${headerRoles.length}` });
  }
  if (labelRoles.length !== table.labelColumns) {
    throw new AdapterError({ de: `die Tabelle hat ${table.labelColumns} Vorspalten, die Zuordnung nennt ${labelRoles.length}`, en: `the table has ${table.labelColumns} label columns, the mapping names ${labelRoles.length}` });
  }
  const summary = emptySummary();

  // Dimensions and their categories, in the publisher's order.
  const dimensions = new Map<string, { label: Dimension['label']; categories: Map<string, string> }>();
  const categoryOf = (dim: string, label: string): string => {
    const published = label.trim() || 'Insgesamt';
    let d = dimensions.get(dim);
    if (!d) {
      const heading = headerRoles.findIndex((r) => r === `dimension:${dim}`);
      const name = heading > 0 && headerRoles[heading - 1] === 'label' ? table.headerRows[heading - 1]!.find((c) => c.trim())!.trim() : dim;
      dimensions.set(dim, (d = { label: mapping.dimensionLabels?.[dim] ?? (dim === 'geschlecht' ? 'Geschlecht' : name), categories: new Map() }));
    }
    const id = mapping.categories?.[dim]?.[published] ?? slug(published);
    if (!d.categories.has(id)) d.categories.set(id, published);
    return id;
  };

  // Describe every value column from the header rows.
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
    const id = chosen?.id ?? (headerRoles.includes('indicator') ? slug(header(headerRoles.indexOf('indicator'))) : defaultId);
    if (!id) throw new AdapterError({ de: 'keine Kennung für den Indikator: bitte --indicator angeben (oder eine Zuordnung mit indicators)', en: 'no indicator id: pass --indicator (or a mapping with indicators)' });
    const column: ValueColumn = { index, indicator: id, breakdown: {} };
    headerRoles.forEach((role, row) => {
      if (role === 'period') column.period = isoPeriod(header(row));
      else if (role === 'unit') column.unit = header(row);
      const dim = dimensionId(role);
      if (dim) column.breakdown[dim] = categoryOf(dim, header(row));
    });
    columns.push(column);
  }

  const periodLabel = labelRoles.indexOf('period');
  const regionCol = labelRoles.indexOf('region');
  const nameCol = labelRoles.indexOf('name');
  if (regionCol === -1) throw new AdapterError({ de: 'die Zuordnung nennt keine Spalte mit Regionalschlüsseln', en: 'the mapping names no region column' });
  if (periodLabel === -1 && !headerRoles.includes('period') && !table.rows[0]!.block) {
    throw new AdapterError({ de: 'die Tabelle hat keine Spalte, Kopfzeile oder Jahreszeile mit dem Zeitraum', en: 'the table has no period column, header row or year block' });
  }

  const regions = new Map<string, Region>();
  const observations: Observation[] = [];
  const decimals = new Map<string, number>();
  const units = new Map<string, Set<string>>();
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
    const rowPeriod = periodLabel >= 0 ? isoPeriod(row.labels[periodLabel]!) : row.block ? isoPeriod(row.block) : undefined;

    for (const column of columns) {
      const cell = row.cells[column.index] ?? '';
      const parsed = parseGenesisValue(cell);
      if (!parsed) throw new AdapterError({ de: `das Feld „${cell}“ in Spalte ${table.labelColumns + column.index + 1} ist weder eine Zahl noch ein GENESIS-Zeichen`, en: `cell "${cell}" in column ${table.labelColumns + column.index + 1} is neither a number nor a GENESIS symbol` }, row.line);
      const period = column.period ?? rowPeriod;
      if (!period) throw new AdapterError({ de: 'für dieses Feld ist kein Zeitraum angegeben', en: 'no period for this cell' }, row.line);
      const breakdown = { ...column.breakdown, ...rowBreakdown };
      const observation: Observation = {
        indicator: column.indicator,
        region: key,
        period,
        ...(Object.keys(breakdown).length ? { breakdown } : {}),
        value: parsed.value,
        ...(parsed.status ? { status: parsed.status } : {}),
      };
      observations.push(observation);
      count(summary, parsed.value, parsed.status);
      const places = /,(\d+)/.exec(cell)?.[1]?.length ?? 0;
      decimals.set(column.indicator, Math.max(decimals.get(column.indicator) ?? 0, places));
      let u = units.get(column.indicator);
      if (!u) units.set(column.indicator, (u = new Set()));
      u.add(column.unit ?? titleUnit ?? '');
      let dims = indicatorDims.get(column.indicator);
      if (!dims) indicatorDims.set(column.indicator, (dims = new Set()));
      Object.keys(breakdown).forEach((d) => dims!.add(d));
    }
    for (const _ of unmapped) skip(summary, MESSAGES['cli.skip.genesis-unmapped-cells'](), row.line);
  }

  if (observations.length === 0) throw new AdapterError({ de: 'keine Zeile der Tabelle hat einen amtlichen Regionalschlüssel', en: 'no row of the table has an official region key' });
  const indicators: Indicator[] = [...indicatorDims.keys()].map((id) => {
    const spec = { ...options.indicator, ...mapping.indicators?.find((x) => x.id === id), ...options.indicators?.[id] };
    const published = [...units.get(id)!].filter(Boolean);
    if (!spec.unit && published.length > 1) {
      throw new AdapterError({ de: `der Indikator „${id}“ mischt Einheiten (${published.join(', ')}): bitte die Spalten getrennten Indikatoren zuordnen`, en: `indicator "${id}" mixes units (${published.join(', ')}): map the columns to separate indicators` });
    }
    const unit = spec.unit ?? (published[0] === 'Prozent' ? '%' : published[0]);
    if (!unit) throw new AdapterError({ de: `die Tabelle nennt keine Einheit für „${id}“: bitte --unit angeben`, en: `the table states no unit for "${id}": pass --unit` });
    if (!spec.topic) throw new AdapterError({ de: `kein Thema für den Indikator „${id}“: bitte --topic angeben`, en: `no topic for indicator "${id}": pass --topic` });
    const firstHeader = table.titleLines[0]?.replace(/\s*\([^()]*\)\s*$/, '') ?? id;
    return {
      id,
      label: spec.label ?? firstHeader,
      unit,
      decimals: spec.decimals ?? decimals.get(id) ?? 0,
      topic: spec.topic,
      ...(spec.explanation ? { explanation: spec.explanation } : {}),
      polarity: spec.polarity ?? 'neutral',
      kind: spec.kind ?? defaultKind(id, typeof unit === 'string' ? unit : unit.de),
      ...(indicatorDims.get(id)!.size ? { dimensions: [...indicatorDims.get(id)!] } : {}),
    };
  });

  const attribution = options.dataset?.attribution ?? table.copyright?.replace(/\.\s*$/, '');
  if (!attribution) throw new AdapterError({ de: 'die Datei hat keinen „©“-Vermerk: bitte --attribution angeben', en: 'the file has no "©" line: pass --attribution' });
  const referenceDate = options.dataset?.referenceDate ?? table.stand;
  if (!referenceDate) throw new AdapterError({ de: 'die Datei nennt keinen „Stand“: bitte --reference-date angeben', en: 'the file has no "Stand" line: pass --reference-date' });

  const document: KreisdossierInput = {
    kreisdossier: '1.0',
    dataset: {
      id: slug(table.code),
      title: table.titleLines.slice(0, 2).join(' ').replace(/;+$/, '') || table.code,
      sources: [
        {
          publisher: REGIONALSTATISTIK,
          table: table.code,
          title: table.titleLines.join(' '),
          url: `https://www.regionalstatistik.de/genesis/online?operation=table&code=${table.code}`,
        },
      ],
      license: DL_DE_BY_2_0,
      attribution,
      referenceDate,
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
