/**
 * The row-handling core shared by the in-memory and the streaming import:
 * it is fed one parsed record at a time and keeps only what the output
 * document needs (regions, categories, indicators, observations), so memory
 * does not depend on the size of the file beyond the document itself.
 */
import { PERIOD_PATTERN, REGION_KEY_PATTERN } from '../../src/format/schema.js';
import type { Dimension, Indicator, KreisdossierInput, Observation, Region } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { isoPeriod, levelOfKey, parentOfKey, slug } from '../common.js';
import { topicOfTable } from '../evas.js';
import { MissingCollector } from '../missing-metadata.js';
import { count, emptySummary, skip, type ImportOptions, type ImportResult, type IndicatorOptions } from '../types.js';
import { ffcsvDataset, noteMissingDatasetFacts } from './ffcsv-dataset.js';
import { parseFfcsvHeader, type FfcsvLayout, type VariableSlot } from './ffcsv-layout.js';
import { DECLARED_SYMBOLS, readFlaggedValue, type DecimalSeparator, type FlaggedValue, type StatusSymbol } from './ffcsv-value.js';

export interface FfcsvOptions extends ImportOptions {
  /** Table code (e.g. "12411-01-01-4"); the file itself names only the statistic. */
  tableCode?: string;
  /** Code of the regional variable, when it is none of DINSG, DLAND, REGBEZ, KREISE, GEMEIN. */
  regionVariable?: string;
  /** "," in German downloads (default), "." in English ones. */
  decimalSeparator?: DecimalSeparator;
}

/** Regional variables of GENESIS-Online and the Regionaldatenbank. */
const REGION_VARIABLES = new Set(['DINSG', 'DLAND', 'REGBEZ', 'KREISE', 'GEMEIN', 'GEMEINDE']);
const TOTAL = /^(insgesamt|total)$/i;
const NO_KEY = MESSAGES['cli.skip.no-official-key']();

interface DimensionState {
  id: string;
  label: string;
  categories: Map<string, { id: string; label: string }>;
  ids: Set<string>;
  total?: string;
}

interface IndicatorState {
  indicator: Omit<Indicator, 'decimals' | 'dimensions'>;
  code: string;
  fixedDecimals?: number;
  decimals: number;
  /** Bit mask of the variable slots its observations are broken down by; -1 until the first row. */
  signature: number;
  firstLine: number;
}

export class FfcsvConverter {
  readonly summary = emptySummary();
  private layout?: FfcsvLayout;
  private readonly separator: DecimalSeparator;
  private regionSlot = -1;
  private regionVariable = '';
  private readonly dimensions: Array<DimensionState | undefined> = [];
  private readonly dimensionIds = new Set<string>();
  private readonly indicators = new Map<string, IndicatorState>();
  private readonly indicatorIds = new Set<string>();
  private readonly perCode = new Map<string, number>();
  private legacyIndicators: IndicatorState[] = [];
  private readonly regions = new Map<string, Region>();
  /** Key cell as written → region key. */
  private readonly regionKeys = new Map<string, string>();
  private lastStatistic = '';
  private readonly periods = new Map<string, string>();
  private readonly breakdowns = new Map<string, Record<string, string>>();
  private readonly observations: Observation[] = [];
  private readonly declared = new Set<string>();
  private eFrom?: 'q' | 'cell';
  private readonly statistics = new Map<string, string>();
  private readonly qualifiersOfNull: Record<string, number> = {};
  private footer?: string[];
  private lastLine = 0;
  private lastKey = '';
  private lastIndicator?: IndicatorState;
  /** Metadata the file does not carry, reported together at the end (one message, every flag). */
  private readonly missing = new MissingCollector();

  constructor(private readonly options: FfcsvOptions = {}) {
    this.separator = options.decimalSeparator ?? ',';
  }

  /** One parsed record; `line` is its (last) line number in the file. */
  record(cells: string[], line: number): void {
    this.lastLine = line;
    if (this.layout) this.row(this.layout, cells, line);
    else this.header(cells);
  }

  private header(cells: string[]): void {
    const layout = parseFfcsvHeader(cells);
    // Breakdown signatures are bit masks over the variable slots.
    if (layout.slots.length > 30) throw new AdapterError({ de: `${layout.slots.length} klassifizierende Merkmale: höchstens 30 werden unterstützt`, en: `${layout.slots.length} classifying variables: at most 30 are supported` }, 1);
    this.layout = layout;
  }

  private row(layout: FfcsvLayout, cells: string[], line: number): void {
    this.summary.rowsRead++;
    if (this.footer) {
      // Notes, © and "Stand" are near the top of a footer; an endless one is counted, not kept.
      if (this.footer.length < 1000) this.footer.push(cells.join(';'));
      skip(this.summary, MESSAGES['cli.skip.footer'](), line);
      return;
    }
    if (cells.length === 1 && cells[0]!.trim() === '') {
      skip(this.summary, MESSAGES['cli.skip.empty-line'](), line);
      return;
    }
    if (cells[0]!.startsWith('___')) {
      this.footer = [];
      skip(this.summary, MESSAGES['cli.skip.footer'](), line);
      return;
    }
    if (cells.length !== layout.width) {
      throw new AdapterError(
        {
          de: `die Zeile hat ${cells.length} Felder, die Kopfzeile ${layout.width} (abgeschnittene Zeile oder falsches Trennzeichen?)`,
          en: `the line has ${cells.length} fields, the header ${layout.width} (truncated line or wrong delimiter?)`,
        },
        line,
      );
    }
    const statistic = cells[layout.statisticsCode]!;
    if (statistic !== this.lastStatistic && !this.statistics.has(statistic)) this.statistics.set(statistic, cells[layout.statisticsLabel]!.trim());
    this.lastStatistic = statistic;
    // Legacy files name their value columns in the header; their topic follows from the first row's statistic.
    if (layout.kind === 'ffcsv-legacy' && this.legacyIndicators.length === 0) {
      this.legacyIndicators = layout.values.map((c) => this.createIndicator(c.code, c.label, c.unit, line));
    }

    if (this.regionSlot < 0) this.findRegionSlot(layout, cells, line);
    const slot = layout.slots[this.regionSlot]!;
    const variable = cells[slot.code]!;
    if (variable !== this.regionVariable && variable.trim() !== this.regionVariable && !REGION_VARIABLES.has(variable.trim())) {
      throw new AdapterError(
        {
          de: `Merkmal ${this.regionSlot + 1} ist hier „${variable}“, kein regionales Merkmal wie „${this.regionVariable}“`,
          en: `variable ${this.regionSlot + 1} is "${variable}" here, not a regional variable like "${this.regionVariable}"`,
        },
        line,
      );
    }
    // Known keys (as written) first: the common case needs no trimming or pattern test.
    const rawKey = cells[slot.attributeCode]!;
    let region = this.regionKeys.get(rawKey);
    if (region === undefined) {
      const key = rawKey.trim();
      if (!REGION_KEY_PATTERN.test(key)) {
        skip(this.summary, NO_KEY, line);
        return;
      }
      region = this.regions.get(key)?.key ?? this.addRegion(key, cells[slot.attributeLabel]!, line);
      this.regionKeys.set(rawKey, region);
    }
    const period = this.period(cells[layout.time]!, line);

    // Breakdowns are interned: rows with the same categories share one object.
    let signature = 0;
    let breakdownKey = '';
    const slots = layout.slots;
    for (let s = 0; s < slots.length; s++) {
      if (s === this.regionSlot) continue;
      const sl = slots[s]!;
      const code = cells[sl.attributeCode]!;
      const label = cells[sl.attributeLabel]!;
      if (code === '' && label === '' && cells[sl.code] === '') continue;
      signature |= 1 << s;
      breakdownKey += code + '\u0001' + label + '\u0002';
    }
    let breakdown: Record<string, string> | undefined;
    if (signature !== 0) {
      breakdownKey += signature;
      breakdown = this.breakdowns.get(breakdownKey);
      if (!breakdown) this.breakdowns.set(breakdownKey, (breakdown = this.breakdown(slots, cells, signature)));
    }

    if (layout.kind === 'ffcsv-2024') {
      const indicator = this.indicatorOf(cells[layout.variableCode]!, cells[layout.unit]!, cells[layout.variableLabel]!, line);
      const flag = layout.quality === undefined ? '' : cells[layout.quality]!;
      this.observe(indicator, region, period, breakdown, signature, readFlaggedValue(cells[layout.value]!, flag, this.separator, line), line);
    } else {
      layout.values.forEach((column, i) => {
        const flag = column.quality === undefined ? '' : cells[column.quality]!;
        const value = readFlaggedValue(cells[column.index]!, flag, this.separator, line);
        this.observe(this.legacyIndicators[i]!, region, period, breakdown, signature, value, line);
      });
    }
  }

  private findRegionSlot(layout: FfcsvLayout, cells: string[], line: number): void {
    const code = (s: VariableSlot) => cells[s.code]!.trim();
    const wanted = this.options.regionVariable;
    let found = wanted
      ? layout.slots.findIndex((s) => code(s) === wanted)
      : layout.slots.findIndex((s) => REGION_VARIABLES.has(code(s)));
    // Otherwise the variable whose attribute codes are official keys (AGS, "DG").
    if (found < 0 && !wanted) found = layout.slots.findIndex((s) => REGION_KEY_PATTERN.test(cells[s.attributeCode]!.trim()));
    if (found < 0) {
      throw new AdapterError(
        wanted
          ? { de: `das regionale Merkmal „${wanted}“ kommt in dieser Zeile nicht vor`, en: `the regional variable "${wanted}" is not in this row` }
          : {
              de: 'kein regionales Merkmal (DINSG, DLAND, REGBEZ, KREISE, GEMEIN oder eines mit amtlichen Regionalschlüsseln) gefunden: bitte mit der Option regionVariable angeben',
              en: 'no regional variable (DINSG, DLAND, REGBEZ, KREISE, GEMEIN or one with official keys) found: name it with the regionVariable option',
            },
        line,
      );
    }
    this.regionSlot = found;
    this.regionVariable = code(layout.slots[found]!);
  }

  private addRegion(key: string, rawName: string, line: number): string {
    const level = levelOfKey(key, this.options.regionLevel);
    if (!level) throw new AdapterError({ de: `die Ebene des Regionalschlüssels „${key}“ ist nicht erkennbar: bitte --region-level angeben`, en: `cannot tell the level of region key "${key}": pass --region-level` }, line);
    const parent = parentOfKey(key);
    this.regions.set(key, { key, name: rawName.trim() || key, level, ...(parent ? { parent } : {}) });
    return key;
  }

  private period(raw: string, line: number): string {
    let period = this.periods.get(raw);
    if (period === undefined) {
      period = isoPeriod(raw);
      if (period === undefined || !PERIOD_PATTERN.test(period)) {
        throw new AdapterError({ de: `Zeitangabe „${raw}“ ist kein Zeitraum (Jahr, Monat, Quartal, Schuljahr oder Datum)`, en: `time "${raw}" is not a period (year, month, quarter, school year or date)` }, line);
      }
      this.periods.set(raw, period);
    }
    return period;
  }

  private breakdown(slots: VariableSlot[], cells: string[], signature: number): Record<string, string> {
    const breakdown: Record<string, string> = {};
    slots.forEach((sl, s) => {
      if (!(signature & (1 << s))) return;
      const dimension = this.dimensions[s] ?? this.addDimension(s, cells[sl.code]!.trim(), cells[sl.label]!.trim());
      breakdown[dimension.id] = this.category(dimension, cells[sl.attributeCode]!.trim(), cells[sl.attributeLabel]!.trim());
    });
    return breakdown;
  }

  private addDimension(slot: number, code: string, label: string): DimensionState {
    const id = this.unique(this.dimensionIds, slug(label || code), slug(code));
    const dimension: DimensionState = { id, label: label || code, categories: new Map(), ids: new Set() };
    this.dimensions[slot] = dimension;
    return dimension;
  }

  private category(dimension: DimensionState, code: string, label: string): string {
    // The "Insgesamt" attribute often has no code; it is told by its label.
    const key = code || `\u0000${label}`;
    const known = dimension.categories.get(key);
    if (known) return known.id;
    const shown = label || code;
    const id = this.unique(dimension.ids, slug(shown), slug(`${shown} ${code}`));
    dimension.categories.set(key, { id, label: shown });
    if (dimension.total === undefined && TOTAL.test(shown)) dimension.total = id;
    return id;
  }

  /** The first candidate not yet taken (then the second, then the first with a number). */
  private unique(taken: Set<string>, first: string, second: string): string {
    let id = !taken.has(first) ? first : !taken.has(second) ? second : '';
    for (let n = 2; !id; n++) if (!taken.has(`${first}-${n}`)) id = `${first}-${n}`;
    taken.add(id);
    return id;
  }

  private indicatorOf(rawCode: string, rawUnit: string, rawLabel: string, line: number): IndicatorState {
    const key = `${rawCode}\u0001${rawUnit}\u0001${rawLabel}`;
    if (key === this.lastKey) return this.lastIndicator!;
    let indicator = this.indicators.get(key);
    if (!indicator) {
      indicator = this.createIndicator(rawCode.trim(), rawLabel.trim(), rawUnit.trim() || undefined, line);
      this.indicators.set(key, indicator);
    }
    this.lastKey = key;
    this.lastIndicator = indicator;
    return indicator;
  }

  /** An indicator per value variable (and unit): options first, then what the file says, then safe defaults. */
  private createIndicator(code: string, label: string, unit: string | undefined, line: number): IndicatorState {
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    const generated = n === 1 ? slug(code) : `${slug(code)}-${n}`;
    const o = this.options;
    // Per-indicator options (a mapping file) override what the file says; the global flags only fill what it leaves open.
    const own: IndicatorOptions = { ...(n === 1 ? o.indicators?.[code] : {}), ...o.indicators?.[generated] };
    const spec: IndicatorOptions = { ...o.indicator, ...own };
    const first = this.indicatorIds.size === 0;
    const id = o.indicators?.[generated]?.id ?? (n === 1 ? o.indicators?.[code]?.id : undefined) ?? (first ? o.indicator?.id : undefined) ?? generated;
    if (this.indicatorIds.has(id)) {
      throw new AdapterError(
        {
          de: `die Indikator-Kennung „${id}“ würde zweimal vergeben (Wertmerkmal ${code}, ${label}): bitte eine eigene Kennung zuordnen`,
          en: `indicator id "${id}" would be used twice (value variable ${code}, ${label}): map it to its own id`,
        },
        line,
      );
    }
    this.indicatorIds.add(id);
    const published = own.unit ?? unit ?? o.indicator?.unit;
    if (!published) this.missing.add('--unit', 'Anzahl', { de: `die Quelle nennt keine Einheit für „${id}“ (${label})`, en: `the source states no unit for "${id}" (${label})` }, id);
    // The statistic's code names its subject area (EVAS): 12411 → Bevölkerung.
    const topic = spec.topic ?? topicOfTable(this.options.tableCode || this.lastStatistic, this.options.dataset?.title ? String(this.options.dataset.title) : (this.statistics.get(this.lastStatistic) ?? ''));
    if (!topic) this.missing.add('--topic', 'Bevölkerung', { de: `kein Thema für „${id}“ (${label}): das Sachgebiet der Statistik ${this.lastStatistic || '?'} ist keinem Thema eindeutig zugeordnet`, en: `no topic for "${id}" (${label}): the subject area of statistic ${this.lastStatistic || '?'} maps to no single topic` }, id);
    const unitText = typeof published === 'string' ? published : published?.de;
    const kind = own.kind ?? kindOfUnit(unitText, label) ?? o.indicator?.kind;
    if (!kind) {
      // The example value follows the unit, so that copying the example line does not make an index a count.
      this.missing.add('--kind', /index/i.test(unitText ?? '') ? 'index' : unitText === 'Jahre' ? 'mean' : 'count', {
        de: `die Art der Kennzahl „${id}“ (${label}, Einheit ${published}) ist nicht erkennbar (count|share|rate|mean|index)`,
        en: `cannot tell what kind of measure "${id}" (${label}, unit ${published}) is (count|share|rate|mean|index)`,
      }, id);
    }
    return {
      indicator: {
        id,
        label: spec.label ?? (label || code),
        unit: published ?? '',
        topic: topic ?? 'Bevölkerung',
        ...(spec.explanation ? { explanation: spec.explanation } : {}),
        polarity: spec.polarity ?? 'neutral',
        kind: kind ?? 'count',
      },
      code,
      ...(spec.decimals !== undefined ? { fixedDecimals: spec.decimals } : {}),
      decimals: 0,
      signature: -1,
      firstLine: line,
    };
  }

  private observe(
    state: IndicatorState,
    region: string,
    period: string,
    breakdown: Record<string, string> | undefined,
    signature: number,
    v: FlaggedValue,
    line: number,
  ): void {
    if (state.signature !== signature) {
      if (state.signature !== -1) {
        throw new AdapterError(
          {
            de: `Wertmerkmal ${state.code} ist hier nach anderen Merkmalen gegliedert als in Zeile ${state.firstLine}`,
            en: `value variable ${state.code} is broken down by other variables here than on line ${state.firstLine}`,
          },
          line,
        );
      }
      state.signature = signature;
      state.firstLine = line;
    }
    const status = v.status;
    if (status !== undefined) this.noteStatus(status, v, line);
    if (v.decimals > state.decimals) state.decimals = v.decimals;
    const indicator = state.indicator.id;
    const value = v.value;
    const observation: Observation = breakdown
      ? status !== undefined
        ? { indicator, region, period, breakdown, value, status }
        : { indicator, region, period, breakdown, value }
      : status !== undefined
        ? { indicator, region, period, value, status }
        : { indicator, region, period, value };
    this.observations.push(observation);
    count(this.summary, value, status);
  }

  private noteStatus(status: string, v: FlaggedValue, line: number): void {
    if (v.qualifierOfNull) this.qualifiersOfNull[v.qualifierOfNull] = (this.qualifiersOfNull[v.qualifierOfNull] ?? 0) + 1;
    if (status === 'e') {
      // 'e' is "geschätzt" in a table cell but "endgültig" in GENESIS-Online's quality column: one file, one meaning.
      if (this.eFrom && this.eFrom !== v.from) {
        throw new AdapterError(
          {
            de: '„e“ steht sowohl in Wertfeldern (geschätzte Zahl) als auch als Qualitätskennzeichen (endgültige Zahl)',
            en: '"e" appears both in value cells (geschätzte Zahl) and as quality flag (endgültige Zahl)',
          },
          line,
        );
      }
      this.eFrom = v.from;
      if (v.from === 'q') this.declared.add('e');
    } else if (status === 's' || status === 'leer') {
      this.declared.add(status);
    }
  }

  /** The document, once every record has been fed. */
  finish(endsWithLineBreak: boolean, encoding?: string): ImportResult {
    const layout = this.layout;
    if (!layout) throw new AdapterError({ de: 'die Datei ist leer', en: 'the file is empty' }, 1);
    if (!endsWithLineBreak) {
      throw new AdapterError(
        {
          de: 'die letzte Zeile hat kein Zeilenende: die Datei ist vermutlich abgeschnitten (falls die Zeile vollständig ist, bitte mit einem Zeilenumbruch abschließen)',
          en: 'the last line has no line end: the file is probably truncated (if the line is complete, end it with a line break)',
        },
        this.lastLine,
      );
    }
    if (this.summary.rowsRead === 0) throw new AdapterError({ de: 'die Datei hat eine Kopfzeile, aber keine Datenzeilen', en: 'the file has a header but no data rows' }, 1);

    const footer = this.footer ?? [];
    const copyright = footer.find((l) => l.includes('©'));
    const stand = footer.map((l) => /Stand:?\s*(\d{2}\.\d{2}\.\d{4})/.exec(l)?.[1]).find(Boolean);
    const statusSymbols: Record<string, StatusSymbol> = {};
    for (const symbol of this.declared) statusSymbols[symbol] = DECLARED_SYMBOLS[symbol]!;

    const facts = {
      ...(copyright ? { footerAttribution: copyright.replace(/;+$/, '').trim().replace(/\.$/, '') } : {}),
      ...(stand ? { footerReferenceDate: isoPeriod(stand)! } : {}),
    };
    noteMissingDatasetFacts(this.options, facts, this.missing);
    this.missing.check();
    const dataset = ffcsvDataset(this.options, {
      statistics: this.statistics,
      ...(copyright ? { footerAttribution: copyright.replace(/;+$/, '').trim().replace(/\.$/, '') } : {}),
      ...(stand ? { footerReferenceDate: isoPeriod(stand)! } : {}),
      extensions: {
        genesisFfcsv: {
          layout: layout.kind,
          statistics: [...this.statistics].map(([code, label]) => ({ code, label })),
          ...(encoding ? { encoding } : {}),
          ...(footer.length ? { footer } : {}),
          ...(Object.keys(this.qualifiersOfNull).length ? { qualityFlagsBesideMissingValues: this.qualifiersOfNull } : {}),
        },
      },
    });

    const states = layout.kind === 'ffcsv-legacy' ? this.legacyIndicators : [...this.indicators.values()];
    const indicators: Indicator[] = states
      .filter((s) => s.signature !== -1)
      .map((s) => {
        const dims = this.dimensions.flatMap((d, slot) => (d && s.signature & (1 << slot) ? [d.id] : []));
        // The format shows at most 6 digits; values themselves are kept as published.
        return { ...s.indicator, decimals: s.fixedDecimals ?? Math.min(6, s.decimals), ...(dims.length ? { dimensions: dims } : {}) };
      });
    const dimensions: Dimension[] = this.dimensions.flatMap((d) =>
      d ? [{ id: d.id, label: d.label, categories: [...d.categories.values()], ...(d.total ? { total: d.total } : {}) }] : [],
    );

    const document: KreisdossierInput = {
      kreisdossier: '1.0',
      dataset,
      regions: [...this.regions.values()],
      ...(dimensions.length ? { dimensions } : {}),
      indicators,
      observations: this.observations,
      ...(this.declared.size ? { statusSymbols } : {}),
    };
    return { document, summary: this.summary };
  }
}

/** Counts are safe to assume from "Anzahl", shares from "%"/"Prozent" (a "…quote" is a rate); anything else is asked for. */
function kindOfUnit(unit: string | undefined, label: string): Indicator['kind'] | undefined {
  if (unit === 'Anzahl' || unit === 'Personen') return 'count';
  // A "…quote", a value "je …" or a change in % is a rate, not a part of a whole.
  if (unit === '%' || unit === 'Prozent') return /quote|veränderung|zunahme|abnahme|\bje\b|\bpro\b/i.test(label) ? 'rate' : 'share';
  if (unit === 'Jahre' && /durchschnitt/i.test(label)) return 'mean';
  // Amounts in thousands or euros ("1000", "Tsd. EUR") are counts, unless the label makes them a value per something.
  if (/^(1000|Tsd\.|Mio\.)( EUR)?$|^EUR$/.test(unit ?? '') && !/\bje\b|\bpro\b|durchschnitt|median/i.test(label)) return 'count';
  return undefined;
}
