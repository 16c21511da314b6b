/**
 * Rows of a table → regions, dimensions, observations. Every row becomes
 * observations or is counted as skipped; every cell of a column no role takes
 * is counted as "not imported". Anything unclear is an AdapterError with the
 * line, never a guess.
 */
import { DATE_PATTERN, PERIOD_PATTERN, REGION_KEY_PATTERN } from '../../src/format/schema.js';
import type { Observation, Region, RegionLevel } from '../../src/format/types.js';
import { AdapterError, type Reason } from '../adapter-error.js';
import { isoPeriod, levelOfKey, parentOfKey, slug } from '../common.js';
import { MESSAGES } from '../messages.js';
import { count, skip, type ImportSummary } from '../types.js';
import type { CsvRow } from './csv-table.js';
import type { ColumnRef, Layout } from './layout.js';
import type { CsvMapping } from './mapping.js';
import { badCellReason, parseCell, QUALIFYING, REPLACING, type Cell, type NumberFormat } from './csv-value.js';

export interface IndicatorSeen {
  label: string;
  /** Units from the unit column (at most one). */
  unit?: string;
  places: number;
  dimensions: Set<string>;
}

export interface Collected {
  regions: Map<string, Region>;
  dimensions: Map<string, { label: string; categories: Map<string, string> }>;
  indicators: Map<string, IndicatorSeen>;
  observations: Observation[];
  /** Statuses used, for declaring those beyond the official legend. */
  statuses: Set<string>;
}

export interface RowContext {
  header: readonly string[];
  layout: Layout;
  mapping: CsvMapping;
  /** Number format per value column. */
  formats: Map<number, NumberFormat & { detectedAt?: number }>;
  missing: ReadonlySet<string>;
  /** Statuses of the declared missing markers ("" → "leer"): they replace the value. */
  markers: ReadonlySet<string>;
  regionLevel?: RegionLevel;
}

const PADDABLE = new Set([1, 4, 7, 11]);

/** The official key of a row, undefined when `regionKeys` does not map it. */
export function regionKey(raw: string, mapping: CsvMapping, line: number): string | undefined {
  const cell = raw.trim();
  let key = cell;
  if (mapping.regionKeys) {
    const mapped = mapping.regionKeys[cell];
    if (mapped === undefined) return undefined;
    key = mapped;
  } else if (mapping.padKeys && /^\d+$/.test(cell) && PADDABLE.has(cell.length)) key = `0${cell}`;
  if (!REGION_KEY_PATTERN.test(key)) {
    const hint: Reason =
      /^\d{1,11}$/.test(key) && !mapping.padKeys
        ? { de: '; falls führende Nullen verloren gegangen sind, bitte "padKeys": true in der Zuordnung angeben', en: '; if leading zeros were lost, set "padKeys": true in the mapping' }
        : { de: '', en: '' };
    throw new AdapterError(
      { de: `„${key}“ ist kein amtlicher Regionalschlüssel (AGS, ARS oder „DG“)${hint.de}`, en: `"${key}" is not an official region key (AGS, ARS or "DG")${hint.en}` },
      line,
    );
  }
  return key;
}

function realDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

export function toPeriod(raw: string, line?: number): string {
  const period = isoPeriod(raw);
  if (!period || !PERIOD_PATTERN.test(period) || (DATE_PATTERN.test(period) && !realDate(period))) {
    throw new AdapterError(
      {
        de: `„${raw.trim()}“ ist kein Zeitraum (2015, 2015-06, 31.12.2015, 2015-12-31, 2015-Q1, 2015/16)`,
        en: `"${raw.trim()}" is not a period (2015, 2015-06, 31.12.2015, 2015-12-31, 2015-Q1, 2015/16)`,
      },
      line,
    );
  }
  return period;
}

const refValue = (ref: ColumnRef, cells: readonly string[]) => ('fixed' in ref ? ref.fixed : cells[ref.column]!);

export function collectRows(rows: readonly CsvRow[], ctx: RowContext, summary: ImportSummary): Collected {
  const { header, layout, mapping } = ctx;
  const out: Collected = { regions: new Map(), dimensions: new Map(), indicators: new Map(), observations: [], statuses: new Set() };
  const seen = new Map<string, number>();
  const fixedPeriod = 'fixed' in layout.period ? toPeriod(layout.period.fixed) : undefined;

  const statusReplaces = (status: string, line: number): boolean => {
    if (REPLACING.has(status)) return true;
    if (QUALIFYING.has(status)) return false;
    const declared = mapping.statusSymbols?.[status];
    if (declared) return declared.replacesValue;
    if (ctx.markers.has(status)) return true;
    throw new AdapterError(
      {
        de: `das Zeichen „${status}“ ist kein amtliches GENESIS-Zeichen: bitte in der Zuordnung unter "statusSymbols" erklären`,
        en: `status "${status}" is not an official GENESIS symbol: declare it in the mapping under "statusSymbols"`,
      },
      line,
    );
  };

  const readValue = (column: number, cells: readonly string[], line: number, statusRaw?: string): Cell => {
    const format = ctx.formats.get(column)!;
    const cell = parseCell(cells[column]!, format, ctx.missing);
    if (!cell) {
      const why = badCellReason(cells[column]!, format, format.detectedAt);
      throw new AdapterError({ de: `Spalte „${header[column]}“: ${why.de}`, en: `column "${header[column]}": ${why.en}` }, line);
    }
    let result: Cell = cell;
    const given = statusRaw?.trim();
    if (given) {
      if (cell.value === null && cell.marker === undefined && cell.status !== given) {
        throw new AdapterError({ de: `das Wertfeld enthält „${cell.status}“, die Statusspalte „${given}“`, en: `the value cell says "${cell.status}", the status column "${given}"` }, line);
      }
      if (cell.value !== null && cell.status !== undefined && cell.status !== given) {
        throw new AdapterError(
          { de: `das Wertfeld ist mit „${cell.status}“ gekennzeichnet, die Statusspalte enthält „${given}“`, en: `the value cell is qualified by "${cell.status}", the status column says "${given}"` },
          line,
        );
      }
      result = cell.value === null ? { value: null, status: given } : { ...cell, status: given };
    }
    if (result.status !== undefined) {
      const replaces = statusReplaces(result.status, line);
      if (replaces && result.value !== null) {
        throw new AdapterError(
          { de: `das Zeichen „${result.status}“ steht anstelle eines Wertes, der Wert ist aber ${result.value}`, en: `status "${result.status}" stands instead of a value, but the value is ${result.value}` },
          line,
        );
      }
      if (!replaces && result.value === null) {
        throw new AdapterError(
          { de: `das Zeichen „${result.status}“ kennzeichnet einen Wert, das Wertfeld ist aber leer`, en: `status "${result.status}" qualifies a value, but the value cell is empty` },
          line,
        );
      }
      out.statuses.add(result.status);
    }
    return result;
  };

  const category = (dimension: string, column: number, cells: readonly string[], line: number): string => {
    const label = cells[column]!.trim();
    if (!label) throw new AdapterError({ de: `leeres Feld in der Merkmalsspalte „${header[column]}“`, en: `empty cell in breakdown column "${header[column]}"` }, line);
    let d = out.dimensions.get(dimension);
    if (!d) out.dimensions.set(dimension, (d = { label: header[column]!.trim() || dimension, categories: new Map() }));
    const id = slug(label);
    const known = d.categories.get(id);
    if (known !== undefined && known !== label) {
      throw new AdapterError(
        {
          de: `die Ausprägungen „${known}“ und „${label}“ des Merkmals „${dimension}“ erhalten dieselbe Kennung „${id}“`,
          en: `categories "${known}" and "${label}" of "${dimension}" get the same id "${id}"`,
        },
        line,
      );
    }
    d.categories.set(id, label);
    return id;
  };

  const indicatorOf = (id: string, label: string, line: number): IndicatorSeen => {
    let seenIndicator = out.indicators.get(id);
    if (!seenIndicator) out.indicators.set(id, (seenIndicator = { label, places: 0, dimensions: new Set() }));
    else if (seenIndicator.label !== label) {
      throw new AdapterError(
        {
          de: `die Indikatoren „${seenIndicator.label}“ und „${label}“ erhalten dieselbe Kennung „${id}“`,
          en: `indicators "${seenIndicator.label}" and "${label}" get the same id "${id}"`,
        },
        line,
      );
    }
    return seenIndicator;
  };

  for (const { line, cells } of rows) {
    summary.rowsRead++;
    if (cells.every((c) => c.trim() === '')) {
      skip(summary, MESSAGES['cli.skip.empty-row'](), line);
      continue;
    }
    const key = regionKey(cells[layout.region]!, mapping, line);
    if (key === undefined) {
      skip(summary, MESSAGES['cli.skip.region-not-mapped'](), line);
      continue;
    }
    const period = fixedPeriod ?? toPeriod(refValue(layout.period, cells), line);
    if (!out.regions.has(key)) {
      const level = levelOfKey(key, ctx.regionLevel);
      if (!level) {
        throw new AdapterError(
          { de: `die Ebene des Regionalschlüssels „${key}“ lässt sich nicht erkennen: bitte --region-level angeben`, en: `cannot tell the level of region key "${key}": pass --region-level` },
          line,
        );
      }
      const parent = parentOfKey(key);
      const name = layout.regionName !== undefined ? cells[layout.regionName]!.trim() : '';
      out.regions.set(key, { key, name: name || key, level, ...(parent ? { parent } : {}) });
    }
    const breakdown: Record<string, string> = {};
    for (const b of layout.breakdown) breakdown[b.dimension] = category(b.dimension, b.column, cells, line);

    const targets =
      layout.shape === 'wide'
        ? layout.values.map((v) => ({ column: v.column, id: v.indicator, label: v.label }))
        : (() => {
            const raw = refValue(layout.indicator!, cells).trim();
            if (!raw) {
              const name = header[(layout.indicator as { column: number }).column];
              throw new AdapterError({ de: `leeres Feld in der Indikatorspalte „${name}“`, en: `empty cell in indicator column "${name}"` }, line);
            }
            return [{ column: layout.value!, id: slug(raw), label: raw }];
          })();

    for (const target of targets) {
      const indicator = indicatorOf(target.id, target.label, line);
      const cell = readValue(target.column, cells, line, layout.status !== undefined ? cells[layout.status] : undefined);
      if (layout.unit !== undefined) {
        const unit = cells[layout.unit]!.trim();
        if (unit && indicator.unit !== undefined && unit !== indicator.unit) {
          throw new AdapterError(
            {
              de: `der Indikator „${target.id}“ hat die Einheiten „${indicator.unit}“ und „${unit}“: je Indikator nur eine Einheit`,
              en: `indicator "${target.id}" has unit "${indicator.unit}" and "${unit}": one indicator, one unit`,
            },
            line,
          );
        }
        if (unit) indicator.unit = unit;
      }
      const observation: Observation = {
        indicator: target.id,
        region: key,
        period,
        ...(layout.breakdown.length ? { breakdown: { ...breakdown } } : {}),
        value: cell.value,
        ...(cell.status !== undefined ? { status: cell.status } : {}),
      };
      const identity = [target.id, key, period, ...layout.breakdown.map((b) => breakdown[b.dimension])].join('\u0000');
      const first = seen.get(identity);
      if (first !== undefined) {
        throw new AdapterError(
          { de: `„${target.id}“ für ${key}, ${period} kommt doppelt vor (zuerst in Zeile ${first})`, en: `"${target.id}" for ${key}, ${period} appears twice (first in line ${first})` },
          line,
        );
      }
      seen.set(identity, line);
      out.observations.push(observation);
      count(summary, cell.value, cell.status);
      if (cell.value !== null) indicator.places = Math.max(indicator.places, cell.places);
      layout.breakdown.forEach((b) => indicator.dimensions.add(b.dimension));
    }
    for (const column of layout.unused) skip(summary, MESSAGES['cli.skip.column-not-imported'](header[column]!), line);
  }
  return out;
}
