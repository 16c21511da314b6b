/**
 * JSON-stat 2.0 dataset or collection → kreisdossier document.
 *
 * The geo dimension gives the regions, the time dimension the periods, each
 * metric category one indicator (without a metric dimension: the dataset is
 * one indicator), every other dimension a breakdown. Each cell becomes an
 * observation or is counted as skipped with its reason. Status codes are
 * the publisher's own, so each one is declared with the publisher's
 * explanation, or as "status x as given by the source". What JSON-stat does
 * not carry (licence, attribution, topic …) must come from the options.
 * A file written by `exportJsonStat` is read back via its extension.kreisdossier.
 */
import { PERIOD_PATTERN, REGION_KEY_PATTERN } from '../../src/format/schema.js';
import { observationKey } from '../../src/format/observation-key.js';
import { OFFICIAL_SYMBOLS } from '../../src/format/status-symbols.js';
import type { Dimension, Indicator, KreisdossierInput, LocalizedText, Observation, Region } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import { MESSAGES } from '../messages.js';
import { levelOfKey, parentOfKey, shortSlug } from '../common.js';
import { MissingCollector } from '../missing-metadata.js';
import { count, emptySummary, skip, type ImportOptions, type ImportResult } from '../types.js';
import { importFromExtension, kreisdossierExtensionOf } from './jsonstat-extension.js';
import {
  decimalPlaces,
  extras,
  identifier,
  isGermanKey,
  MAX_DECIMALS,
  nonBlank,
  referenceDateOf,
  sourceOf,
  statusExplanations,
  text,
  toPeriod,
  totalOf,
  uniqueJson,
  unitText,
} from './jsonstat-mapping.js';
import { own, parseJson, readJsonStat, type Cube, type CubeDimension, type Json } from './jsonstat-read.js';
import { NO_VALUE_DECLARATION, NO_VALUE_SYMBOL, type JsonStatUnit } from './jsonstat-types.js';

type StatusSymbol = NonNullable<KreisdossierInput['statusSymbols']>[string];

export interface JsonStatImportOptions extends ImportOptions {
  /** Dimension ids, when the file has no (or more than one) role of that kind. */
  geoDimension?: string;
  timeDimension?: string;
  metricDimension?: string;
  /**
   * Geo category id → official key (AGS/ARS/"DG"), for sources whose geo ids are not German keys.
   * When the geo ids are not German keys, categories missing here are skipped (and counted).
   */
  regionKeys?: Record<string, string>;
  /** The one region of a dataset without a geo dimension. */
  region?: { key: string; name: string };
  /** The one period of a dataset without a time dimension. */
  period?: string;
  /** Explanations of the source's status codes, where the file gives none. */
  statusSymbols?: Record<string, StatusSymbol>;
  /**
   * The file uses the official GENESIS legend (a German statistical office): its official
   * symbols keep their official meaning. Otherwise every status code is declared as the
   * source's own, since "e" or "." may mean something else in a foreign dataset.
   */
  genesisStatus?: boolean;
}

/** Dimension ids that name what is measured (Eurostat's indic_*, na_item; GENESIS' Merkmal/Inhalt). */
const MEASURE_DIMENSION = /^(indic|na_item|item|measure|concept|content|inhalt|merkmal|variable)/i;

const FALLBACK_IDS = { geo: ['geo', 'area', 'region'], time: ['time', 'year', 'period'], metric: ['concept', 'metric', 'indicator'] } as const;

export function importJsonStat(bytes: Uint8Array, options: JsonStatImportOptions = {}): ImportResult {
  const json = parseJson(bytes, options.encoding);
  const cubes = readJsonStat(json);
  const extension = own(json as Json, 'class') === 'dataset' ? kreisdossierExtensionOf(cubes[0]!) : undefined;
  if (extension !== undefined) return importFromExtension(cubes[0]!, extension, options);
  const builder = new DocumentBuilder(options);
  for (const cube of cubes) builder.add(cube);
  return builder.finish(json as Json, cubes);
}

interface IndicatorDraft {
  id: string;
  label?: LocalizedText;
  unit?: string;
  decimals?: number;
  /** Most decimal places seen in the values, when the source states none. */
  places: number;
  dimensions: string[];
}

interface StatusUse {
  onNull: number;
  onValue: number;
  explanation?: string;
}

class DocumentBuilder {
  readonly summary = emptySummary();
  private readonly regions = new Map<string, Region>();
  private readonly dimensions = new Map<string, Dimension>();
  private readonly indicators = new Map<string, IndicatorDraft>();
  private readonly observations = new Map<string, Observation>();
  private readonly statuses = new Map<string, StatusUse>();
  private noValue = 0;

  constructor(private readonly options: JsonStatImportOptions) {}

  add(cube: Cube): void {
    const metric = this.pick(cube, 'metric', this.options.metricDimension);
    const geo = this.pick(cube, 'geo', this.options.geoDimension);
    const time = this.pick(cube, 'time', this.options.timeDimension);
    const roles = [metric, geo, time].filter((d): d is CubeDimension => d !== undefined);
    if (new Set(roles).size !== roles.length) throw new AdapterError({ de: 'dieselbe Dimension ist für zwei der Rollen geo, time und metric angegeben', en: 'the same dimension is named as two of geo, time and metric' });
    const breakdowns = cube.dimensions.filter((d) => !roles.includes(d));
    const dimIds = breakdowns.map((d) => this.addDimension(d));
    if (new Set(dimIds.map((d) => d.id)).size !== dimIds.length) {
      throw new AdapterError({
        de: 'Kennungen von Dimensionen, die keine gültigen Kennungen sind, ergeben dieselbe Kennung; bitte in der Datei umbenennen',
        en: 'dimension ids that are not identifiers become the same id; rename them in the file',
      });
    }

    const regionKeys = geo ? this.regionsOf(geo) : [this.fixedRegion()];
    const periods = time ? this.periodsOf(time) : [this.fixedPeriod()];
    const indicatorIds = metric
      ? metric.categories.map((c) => this.addIndicator(metric.categories.length === 1 && this.options.indicator?.id ? this.options.indicator.id : identifier(c.id), c.label, c.unit, dimIds.map((d) => d.id)))
      : [this.addIndicator(this.options.indicator?.id ?? this.measureId(cube, breakdowns), nonBlank(own(cube.raw, 'label')), undefined, dimIds.map((d) => d.id))];
    const at = (d: CubeDimension | undefined) => (d ? cube.dimensions.indexOf(d) : -1);
    const [mi, gi, ti] = [at(metric), at(geo), at(time)];
    const bi = breakdowns.map(at);
    const explanations = statusExplanations(cube.raw);

    this.summary.rowsRead += cube.length;
    const stated = cube.positions();
    skip(this.summary, MESSAGES['cli.skip.jsonstat-sparse'](), undefined, cube.length - stated.length);
    for (const p of stated) {
      const c = cube.coordinates(p);
      const region = regionKeys[gi < 0 ? 0 : c[gi]!];
      if (region === undefined) {
        skip(this.summary, MESSAGES['cli.skip.jsonstat-geo-not-key']());
        continue;
      }
      const raw = cube.value(p);
      if (raw !== null && raw !== undefined && !(typeof raw === 'number' && Number.isFinite(raw))) {
        const shown = JSON.stringify(raw).slice(0, 40);
        throw new AdapterError({ de: `der Wert des Feldes ${p} ist ${shown}: als Werte sind nur Zahlen und null zulässig`, en: `the value of cell ${p} is ${shown}: only numbers and null are values` });
      }
      const value = (raw ?? null) as number | null;
      const given = cube.status(p);
      if (given !== undefined) this.useStatus(given, value === null, explanations[given]);
      const status = given ?? (value === null ? NO_VALUE_SYMBOL : undefined);
      if (given === undefined && value === null) this.noValue++;
      const indicator = indicatorIds[mi < 0 ? 0 : c[mi]!]!;
      if (value !== null) {
        const draft = this.indicators.get(indicator)!;
        draft.places = Math.max(draft.places, decimalPlaces(value));
      }
      const breakdown = Object.fromEntries(dimIds.map((d, k) => [d.id, d.categories[c[bi[k]!]!]!]));
      const observation: Observation = {
        indicator,
        region,
        period: periods[ti < 0 ? 0 : c[ti]!]!,
        ...(dimIds.length ? { breakdown } : {}),
        value,
        ...(status !== undefined ? { status } : {}),
      };
      const key = observationKey(observation);
      const known = this.observations.get(key);
      if (known && (known.value !== value || known.status !== status)) {
        const [cell, before, now] = [`${indicator} ${region} ${observation.period}`, known.value ?? known.status, value ?? status];
        throw new AdapterError({ de: `${cell}: ${before} in einem Datensatz, ${now} in einem anderen`, en: `${cell}: ${before} in one dataset, ${now} in another` });
      }
      if (known) {
        skip(this.summary, MESSAGES['cli.skip.jsonstat-duplicate']());
        continue;
      }
      this.observations.set(key, observation);
      count(this.summary, value, status);
    }
  }

  /**
   * The id of a dataset's one measure when it has no metric dimension: the dataset's own ids first — a
   * measure-like dimension with a single category (Eurostat's "indic_de": "JAN", "na_item": "B1GQ") names what is measured — and
   * only then a short slug of its label (never the whole title).
   */
  private measureId(cube: Cube, breakdowns: CubeDimension[]): string {
    const single = breakdowns.find((d) => d.categories.length === 1 && MEASURE_DIMENSION.test(d.id));
    if (single) return identifier(single.categories[0]!.id);
    return shortSlug(nonBlank(own(cube.raw, 'label')) ?? 'indikator');
  }

  private pick(cube: Cube, kind: 'geo' | 'time' | 'metric', option: string | undefined): CubeDimension | undefined {
    const byId = (id: string) => cube.dimensions.find((d) => d.id === id);
    if (option !== undefined) {
      const d = byId(option);
      if (!d) {
        const ids = cube.dimensions.map((x) => x.id).join(', ');
        throw new AdapterError({ de: `--${kind}-dimension ${option}: der Datensatz hat keine solche Dimension (${ids})`, en: `--${kind}-dimension ${option}: the dataset has no such dimension (${ids})` });
      }
      return d;
    }
    const roled = cube.role[kind];
    if (roled.length > 1) {
      throw new AdapterError({
        de: `die Rolle „${kind}“ nennt mehrere Dimensionen (${roled.join(', ')}): bitte eine mit --${kind}-dimension auswählen`,
        en: `role "${kind}" names several dimensions (${roled.join(', ')}): choose one with --${kind}-dimension`,
      });
    }
    if (roled.length === 1) return byId(roled[0]!);
    return cube.dimensions.find((d) => (FALLBACK_IDS[kind] as readonly string[]).includes(d.id.toLowerCase()));
  }

  /** A breakdown dimension; merged by id with the same dimension of other datasets. */
  private addDimension(d: CubeDimension): { id: string; categories: string[] } {
    const id = identifier(d.id);
    const categories = d.categories.map((c) => ({ id: identifier(c.id), label: nonBlank(c.label) ?? nonBlank(c.id) ?? identifier(c.id) }));
    if (new Set(categories.map((c) => c.id)).size !== categories.length) {
      throw new AdapterError({
        de: `Dimension „${d.id}“: Kennungen von Ausprägungen, die keine gültigen Kennungen sind, ergeben dieselbe Kennung; bitte in der Datei umbenennen`,
        en: `dimension "${d.id}": category ids that are not identifiers become the same id; rename them in the file`,
      });
    }
    const known = this.dimensions.get(id);
    if (!known) {
      const total = totalOf(d);
      this.dimensions.set(id, { id, label: nonBlank(d.label) ?? id, categories, ...(total ? { total: identifier(total) } : {}) });
    } else {
      for (const c of categories) if (!known.categories.some((k) => k.id === c.id)) known.categories.push(c);
    }
    return { id, categories: categories.map((c) => c.id) };
  }

  /** Region key per geo category; undefined for a foreign category the mapping leaves out. */
  private regionsOf(geo: CubeDimension): Array<string | undefined> {
    const mapping = this.options.regionKeys;
    const mapped = (id: string) => (mapping && Object.hasOwn(mapping, id) ? mapping[id] : undefined);
    const foreign = geo.categories.filter((c) => mapped(c.id) === undefined && !isGermanKey(c.id)).map((c) => c.id);
    if (foreign.length && !mapping) {
      const shown = `${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}`;
      throw new AdapterError({
        de:
          `die geo-Dimension „${geo.id}“ hat Ausprägungen, die keine amtlichen deutschen Regionalschlüssel sind (${shown}): ` +
          'unterstützt werden nur deutsche Regionen mit AGS/ARS oder „DG“. Bitte die Ausprägungen mit regionKeys amtlichen Schlüsseln zuordnen (Kennung der Ausprägung → AGS)',
        en:
          `geo dimension "${geo.id}" has categories that are not German official keys (${shown}): ` +
          'only German regions with AGS/ARS keys or "DG" are supported. Map the categories to official keys with regionKeys (category id → AGS)',
      });
    }
    const keys = geo.categories.map((c) => mapped(c.id) ?? (foreign.length ? undefined : c.id));
    keys.forEach((key, i) => {
      if (key === undefined) return;
      if (!REGION_KEY_PATTERN.test(key)) {
        throw new AdapterError({
          de: `regionKeys ordnet „${geo.categories[i]!.id}“ den Schlüssel „${key}“ zu, der kein amtlicher Regionalschlüssel ist`,
          en: `regionKeys maps "${geo.categories[i]!.id}" to "${key}", which is no official key`,
        });
      }
      if (keys.indexOf(key) !== i) throw new AdapterError({ de: `zwei geo-Ausprägungen ergeben die Region ${key}`, en: `two geo categories become region ${key}` });
      this.addRegion(key, nonBlank(geo.categories[i]!.label) ?? geo.categories[i]!.id);
    });
    return keys;
  }

  private fixedRegion(): string {
    const region = this.options.region;
    if (!region) {
      throw new AdapterError({
        de: 'der Datensatz hat keine geo-Dimension (Rolle „geo“ oder Kennung geo/area/region): bitte eine mit --geo-dimension nennen oder die eine Region mit --region angeben',
        en: 'the dataset has no geo dimension (role "geo" or id geo/area/region): name one with --geo-dimension, or give the one region with --region',
      });
    }
    if (!REGION_KEY_PATTERN.test(region.key)) throw new AdapterError({ de: `--region ${region.key} ist kein amtlicher Regionalschlüssel`, en: `--region ${region.key} is no official key` });
    this.addRegion(region.key, region.name);
    return region.key;
  }

  private addRegion(key: string, name: string): void {
    if (this.regions.has(key)) return; // first name wins, as when files are combined
    const level = levelOfKey(key, this.options.regionLevel);
    if (!level) throw new AdapterError({ de: `die Ebene des Regionalschlüssels „${key}“ lässt sich nicht bestimmen: bitte --region-level angeben`, en: `cannot tell the level of region key "${key}": pass --region-level` });
    const parent = parentOfKey(key);
    this.regions.set(key, { key, name: /\S/.test(name) ? name : key, level, ...(parent ? { parent } : {}) });
  }

  private periodsOf(time: CubeDimension): string[] {
    const periods = time.categories.map((c) => {
      const period = toPeriod(c.id) ?? toPeriod(c.label);
      if (!period) {
        throw new AdapterError({
          de: `die Zeit-Ausprägung „${c.id}“ der Dimension „${time.id}“ ist kein Zeitraum (Jahr, JJJJ-MM, JJJJ-MM-TT, JJJJ-Qn oder JJJJ/JJ)`,
          en: `time category "${c.id}" of dimension "${time.id}" is no period (year, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY/YY)`,
        });
      }
      return period;
    });
    if (new Set(periods).size !== periods.length) {
      throw new AdapterError({ de: `zwei Ausprägungen der Zeitdimension „${time.id}“ ergeben denselben Zeitraum`, en: `two categories of time dimension "${time.id}" are the same period` });
    }
    return periods;
  }

  private fixedPeriod(): string {
    const period = this.options.period;
    if (period === undefined) {
      throw new AdapterError({
        de: 'der Datensatz hat keine Zeitdimension (Rolle „time“ oder Kennung time/year/period): bitte eine mit --time-dimension nennen oder den Zeitraum mit --period angeben',
        en: 'the dataset has no time dimension (role "time" or id time/year/period): name one with --time-dimension, or give the period with --period',
      });
    }
    if (!PERIOD_PATTERN.test(period)) throw new AdapterError({ de: `--period ${period} ist kein Zeitraum`, en: `--period ${period} is no period` });
    return period;
  }

  private addIndicator(id: string, label: string | undefined, unit: JsonStatUnit | undefined, dimensions: string[]): string {
    const decimals = unit?.decimals;
    const draft: IndicatorDraft = {
      id,
      ...(nonBlank(label) ? { label: label! } : {}),
      ...(unitText(unit) ? { unit: unitText(unit)! } : {}),
      // Decimals beyond the format's 6 only affect display; the value itself stays as published.
      ...(Number.isInteger(decimals) && (decimals as number) >= 0 ? { decimals: Math.min(decimals as number, MAX_DECIMALS) } : {}),
      places: 0,
      dimensions,
    };
    const known = this.indicators.get(id);
    if (!known) this.indicators.set(id, draft);
    else if (known.unit !== draft.unit || known.decimals !== draft.decimals || known.dimensions.join() !== dimensions.join()) {
      throw new AdapterError({
        de: `der Indikator „${id}“ hat in einem anderen Datensatz der Sammlung eine andere Einheit, andere Nachkommastellen oder eine andere Gliederung`,
        en: `indicator "${id}" comes with another unit, decimals or dimensions in another dataset of the collection`,
      });
    }
    return id;
  }

  private useStatus(symbol: string, onNull: boolean, explanation: string | undefined): void {
    let use = this.statuses.get(symbol);
    if (!use) this.statuses.set(symbol, (use = { onNull: 0, onValue: 0 }));
    if (onNull) use.onNull++;
    else use.onValue++;
    use.explanation ??= explanation;
  }

  finish(top: Json, cubes: Cube[]): ImportResult {
    const o = this.options;
    // JSON-stat has no place for these: every one missing is named at once, with why and an example.
    const missing = new MissingCollector();
    const indicators: Indicator[] = [...this.indicators.values()].map((draft) => {
      const own = o.indicators && Object.hasOwn(o.indicators, draft.id) ? o.indicators[draft.id]! : {};
      const defaults = o.indicator ?? {};
      const unit = own.unit ?? draft.unit ?? defaults.unit;
      const topic = own.topic ?? defaults.topic;
      if (unit === undefined) missing.add('--unit', 'Anzahl', { de: `der Datensatz nennt keine Einheit für „${draft.id}“`, en: `the dataset states no unit for "${draft.id}"` });
      if (topic === undefined) missing.add('--topic', 'Bevölkerung', { de: 'JSON-stat nennt kein Thema', en: 'JSON-stat names no topic' });
      return {
        id: draft.id,
        label: own.label ?? draft.label ?? defaults.label ?? draft.id,
        unit: unit ?? '',
        decimals: own.decimals ?? draft.decimals ?? defaults.decimals ?? Math.min(draft.places, MAX_DECIMALS),
        topic: topic!,
        ...((own.explanation ?? defaults.explanation) ? { explanation: (own.explanation ?? defaults.explanation)! } : {}),
        polarity: own.polarity ?? defaults.polarity ?? 'neutral',
        kind: own.kind ?? defaults.kind ?? (unit !== undefined && text(unit) === '%' ? 'share' : 'count'),
        ...(draft.dimensions.length ? { dimensions: draft.dimensions } : {}),
      };
    });

    const statusSymbols = this.declareStatuses();
    const title = o.dataset?.title ?? nonBlank(own(top, 'label'));
    if (title === undefined) missing.add('--title', 'Bevölkerung nach Kreisen', { de: 'der Datensatz hat keinen Titel (label)', en: 'the dataset has no title (label)' });
    const sourceless = cubes.some((c) => nonBlank(own(c.raw, 'source')) === undefined);
    if (!o.dataset?.sources && sourceless) missing.add('--publisher', 'Statistische Ämter des Bundes und der Länder', { de: 'der Datensatz nennt keine Quelle (source)', en: 'the dataset names no source' });
    if (!o.dataset?.license) missing.add('--license', 'dl-de/by-2-0', { de: 'JSON-stat hat keinen Platz für die Lizenz', en: 'JSON-stat has no place for the licence' });
    if (!o.dataset?.attribution) missing.add('--attribution', '© Statistische Ämter des Bundes und der Länder, Deutschland, 2026', { de: 'JSON-stat hat keinen Platz für den Quellenvermerk', en: 'JSON-stat has no place for the attribution line' });
    const referenceDate = o.dataset?.referenceDate ?? referenceDateOf(top, cubes);
    if (!referenceDate) missing.add('--reference-date', '2025-03-31', { de: 'der Datensatz nennt keinen Stand (updated)', en: 'the dataset states no "Stand" (updated)' });
    missing.check();

    const sources = o.dataset?.sources ?? uniqueJson(cubes.map(sourceOf));
    const notes = own(top, 'note');
    const description = Array.isArray(notes) ? notes.filter((n) => typeof n === 'string').join('\n') : undefined;
    const meta = own(top, 'class') === 'collection' ? { collection: extras(top), datasets: cubes.map((c) => extras(c.raw)) } : extras(top);
    const document: KreisdossierInput = {
      kreisdossier: '1.0',
      dataset: {
        id: shortSlug(text(title!)),
        title: title!,
        ...(nonBlank(description) ? { description: description! } : {}),
        sources,
        license: o.dataset!.license!,
        attribution: o.dataset!.attribution!,
        referenceDate: referenceDate!,
        ...(Object.keys(meta).length ? { extensions: { jsonstat: meta } } : {}),
        ...o.dataset,
      },
      regions: [...this.regions.values()],
      ...(this.dimensions.size ? { dimensions: [...this.dimensions.values()] } : {}),
      indicators,
      observations: [...this.observations.values()],
      ...(Object.keys(statusSymbols).length ? { statusSymbols } : {}),
    };
    return { document, summary: this.summary };
  }

  /** Every status code of the file, with the publisher's explanation or as given by the source. */
  private declareStatuses(): Record<string, StatusSymbol> {
    const declared: Record<string, StatusSymbol> = {};
    for (const [symbol, use] of this.statuses) {
      if (this.options.genesisStatus && OFFICIAL_SYMBOLS.includes(symbol)) continue;
      const given = this.options.statusSymbols && Object.hasOwn(this.options.statusSymbols, symbol) ? this.options.statusSymbols[symbol] : undefined;
      if (use.onNull && use.onValue) {
        throw new AdapterError({
          de:
            `das Zeichen „${symbol}“ steht bei ${use.onValue} Werten und bei ${use.onNull} leeren Feldern: ` +
            'ein Zeichen in kreisdossier ersetzt entweder einen Wert oder ergänzt ihn, daher lässt sich die Datei nicht importieren, ohne diese Unterscheidung zu verlieren',
          en:
            `status "${symbol}" stands on ${use.onValue} values and on ${use.onNull} empty cells: ` +
            'a kreisdossier status either replaces a value or qualifies one, so the file cannot be imported without losing that distinction',
        });
      }
      if (given && given.replacesValue !== use.onNull > 0) {
        throw new AdapterError({
          de: `statusSymbols erklärt „${symbol}“ als Zeichen, das den Wert ${given.replacesValue ? '' : 'nicht '}ersetzt, die Datei verwendet es aber ${use.onNull ? 'bei leeren Feldern' : 'bei Werten'}`,
          en: `statusSymbols declares "${symbol}" as ${given.replacesValue ? '' : 'not '}replacing the value, but the file uses it ${use.onNull ? 'on empty cells' : 'on values'}`,
        });
      }
      const explained = use.explanation;
      declared[symbol] = given ?? {
        label: explained
          ? { de: `laut Quelle: ${explained}`, en: explained }
          : { de: `Status „${symbol}“ laut Quelle`, en: `status “${symbol}” as given by the source` },
        replacesValue: use.onNull > 0,
      };
    }
    if (this.noValue) {
      if (declared[NO_VALUE_SYMBOL]) {
        throw new AdapterError({
          de: `die Datei verwendet das Zeichen „${NO_VALUE_SYMBOL}“ selbst und hat außerdem null-Werte ohne Zeichen: beides lässt sich nicht unterscheiden`,
          en: `the file uses status "${NO_VALUE_SYMBOL}" itself and also has nulls without status: they cannot be told apart`,
        });
      }
      declared[NO_VALUE_SYMBOL] = { label: { ...NO_VALUE_DECLARATION.label }, replacesValue: true };
    }
    return declared;
  }
}
