/**
 * Several validated documents combined into one queryable store: one file per
 * topic, plus a geometry reference, can feed the same element. Contradictions
 * between files are errors (a wrong number is worse than none); harmless
 * differences (a region's spelling) keep the first file's version and warn.
 */
import { problem, type PathSegment } from '../format/problem.js';
import { observationKey } from '../format/observation-key.js';
import { statusSymbolInfo, type StatusSymbolInfo } from '../format/status-symbols.js';
import type {
  Dataset,
  Dimension,
  DossierTopic,
  GeometryRef,
  Indicator,
  KreisdossierDocument,
  Observation,
  Region,
  RegionLevel,
} from '../format/types.js';
import type { Catalogue } from '../format/catalogue-schema.js';
import { DataError, type LocatedProblem } from './data-error.js';

/** A document and where it came from (URL, "inline #1", "data"). */
export interface SourcedDocument {
  source: string;
  document: KreisdossierDocument;
}

/** An observation with the dataset (and so the source and licence) it belongs to. */
export interface StoredObservation extends Observation {
  dataset: Dataset;
}

export interface ObservationQuery {
  indicator: string;
  regions?: readonly string[];
  periods?: readonly string[];
  /** Category per dimension; dimensions left out are not filtered. */
  breakdown?: Readonly<Record<string, string>>;
}

export class DataStore {
  /** Where the documents came from (URLs, "inline #1", "data"), for messages. */
  readonly sources: string[] = [];
  readonly datasets: Dataset[] = [];
  readonly regions = new Map<string, Region>();
  readonly indicators = new Map<string, Indicator>();
  readonly dimensions = new Map<string, Dimension>();
  readonly geometries: Array<GeometryRef & { base: string }> = [];
  /** Dossier topics in file order, each with the file and index it came from (for messages naming the JSON path). */
  readonly dossierTopics: Array<{ topic: DossierTopic; source: string; index: number }> = [];
  /** @internal Filled while combining. */
  // Keys come from data: no inherited "toString" or "constructor" (and "__proto__" stays a key).
  readonly statusSymbols: NonNullable<KreisdossierDocument['statusSymbols']> = Object.create(null);
  /** @internal */
  readonly byIndicator = new Map<string, StoredObservation[]>();
  /** @internal */
  readonly byKey = new Map<string, StoredObservation>();
  /** Non-fatal differences between files, for the console. */
  readonly warnings: string[] = [];
  /** Set when the files were chosen from a catalogue: the rest of it can be fetched as the view changes. */
  catalogue: { catalogue: Catalogue; url: string } | undefined;

  /** Combines documents; throws a `conflict` DataError listing every contradiction. */
  static combine(documents: readonly SourcedDocument[]): DataStore {
    const builder = new StoreBuilder();
    for (const d of documents) builder.add(d);
    return builder.finish();
  }

  /**
   * The same as `combine`, pausing between documents so that a page loading many files stays responsive.
   * `names`: regions known only by name (a catalogue's list, the Gemeinden of a Land), added after the
   * documents where no document has them — so a region without any numbers still has its page, saying so.
   */
  static async combineInSlices(documents: readonly SourcedDocument[], pause: () => Promise<void>, names: Iterable<Region> = []): Promise<DataStore> {
    const builder = new StoreBuilder();
    for (const d of documents) {
      builder.add(d);
      await pause();
    }
    for (const r of names) if (!builder.store.regions.has(r.key)) builder.store.regions.set(r.key, r);
    return builder.finish();
  }

  observations(query: ObservationQuery): StoredObservation[] {
    const regions = query.regions && new Set(query.regions);
    const periods = query.periods && new Set(query.periods);
    const breakdown = Object.entries(query.breakdown ?? {});
    return (this.byIndicator.get(query.indicator) ?? []).filter(
      (o) =>
        (!regions || regions.has(o.region)) &&
        (!periods || periods.has(o.period)) &&
        breakdown.every(([d, c]) => o.breakdown?.[d] === c),
    );
  }

  /** One observation, or undefined when the file has none for that combination. */
  get(indicator: string, region: string, period: string, breakdown?: Record<string, string>): StoredObservation | undefined {
    return this.byKey.get(observationKey({ indicator, region, period, ...(breakdown ? { breakdown } : {}) }));
  }

  private readonly periodIndex = new Map<string, string[]>();

  /** All periods of an indicator, oldest first (built on first use; do not modify). */
  periods(indicator: string): string[] {
    let periods = this.periodIndex.get(indicator);
    if (!periods) this.periodIndex.set(indicator, (periods = [...new Set((this.byIndicator.get(indicator) ?? []).map((o) => o.period))].sort()));
    return periods;
  }

  /** Per indicator, the regions with observations (built on first use; a combined store does not change). */
  private readonly regionIndex = new Map<string, Set<string>>();
  private childIndex: Map<string, Region[]> | undefined;

  /** Whether a region has any observation (a number or a status symbol) of an indicator. */
  hasData(indicator: string, region: string): boolean {
    let keys = this.regionIndex.get(indicator);
    if (!keys) this.regionIndex.set(indicator, (keys = new Set((this.byIndicator.get(indicator) ?? []).map((o) => o.region))));
    return keys.has(region);
  }

  /** Region keys that have observations of an indicator, in the order the files list regions. */
  regionsWithData(indicator: string): string[] {
    return [...this.regions.keys()].filter((k) => this.hasData(indicator, k));
  }

  regionsAt(level: RegionLevel): Region[] {
    return [...this.regions.values()].filter((r) => r.level === level);
  }

  childrenOf(key: string): Region[] {
    if (!this.childIndex) {
      this.childIndex = new Map();
      for (const r of this.regions.values()) {
        if (!r.parent) continue;
        let list = this.childIndex.get(r.parent);
        if (!list) this.childIndex.set(r.parent, (list = []));
        list.push(r);
      }
    }
    return this.childIndex.get(key) ?? [];
  }

  /** The default category per dimension of an indicator: its total, else the first. */
  defaultBreakdown(indicator: Indicator): Record<string, string> {
    return Object.fromEntries(
      (indicator.dimensions ?? []).map((id) => {
        const d = this.dimensions.get(id)!;
        return [id, d.total ?? d.categories[0]!.id];
      }),
    );
  }

  /** Explanation of a status symbol (official legend or a file's own), in the current locale. */
  statusInfo(symbol: string): StatusSymbolInfo | undefined {
    return statusSymbolInfo(symbol, this.statusSymbols);
  }

  private readonly datasetIndex = new Map<string, Dataset[]>();

  /** The datasets holding observations of an indicator (built on first use). */
  datasetsFor(indicator: string): Dataset[] {
    let datasets = this.datasetIndex.get(indicator);
    if (!datasets) this.datasetIndex.set(indicator, (datasets = this.datasetsOf(this.byIndicator.get(indicator) ?? [])));
    return datasets;
  }

  /** The distinct datasets behind some observations: their sources and attribution lines to show. */
  datasetsOf(observations: readonly StoredObservation[]): Dataset[] {
    return [...new Set(observations.map((o) => o.dataset))];
  }
}

/** Adds documents one by one to a new store, collecting contradictions between them. */
class StoreBuilder {
  readonly store = new DataStore();
  private readonly conflicts: LocatedProblem[] = [];
  private readonly origin = new Map<string, string>();

  private conflict(source: string, path: PathSegment[], what: string, firstSource: string): void {
    this.conflicts.push({ ...problem(path, 'conflict', { what, first: firstSource }), source });
  }

  add({ source, document: doc }: SourcedDocument): void {
    const { store, origin } = this;
    const conflict = this.conflict.bind(this);
    store.sources.push(source);
    store.datasets.push(doc.dataset);

    const renamed: string[] = [];
    doc.regions.forEach((r, i) => {
      const known = store.regions.get(r.key);
      if (!known) {
        store.regions.set(r.key, r);
        origin.set(`region:${r.key}`, source);
      } else if (known.level !== r.level || (known.parent && r.parent && known.parent !== r.parent)) {
        conflict(source, ['regions', i], `${r.key}`, origin.get(`region:${r.key}`)!);
      } else if (known.name !== r.name) {
        renamed.push(`$.regions[${i}].name "${r.name}" (first: "${known.name}")`);
      }
    });
    // One line per file: a file naming regions without their type ("Harz" for "Harz, Landkreis") differs hundreds of times.
    if (renamed.length) {
      const shown = renamed.slice(0, 3).join(', ');
      store.warnings.push(`${source}: ${renamed.length} region name(s) differ from an earlier file's; the first file's are shown: ${shown}${renamed.length > 3 ? ', …' : ''}`);
    }

    (doc.dimensions ?? []).forEach((d) => {
      const known = store.dimensions.get(d.id);
      if (!known) store.dimensions.set(d.id, d);
      else {
        const ids = new Set(known.categories.map((c) => c.id));
        const added = d.categories.filter((c) => !ids.has(c.id));
        if (added.length) store.dimensions.set(d.id, { ...known, categories: [...known.categories, ...added] });
      }
    });

    doc.indicators.forEach((x, i) => {
      const known = store.indicators.get(x.id);
      if (!known) {
        store.indicators.set(x.id, x);
        origin.set(`indicator:${x.id}`, source);
      } else if (
        // Computed in one file and official in another would let computed values pass as official.
        JSON.stringify([known.unit, known.decimals, known.kind, known.dimensions ?? [], known.computed?.from ?? null]) !==
        JSON.stringify([x.unit, x.decimals, x.kind, x.dimensions ?? [], x.computed?.from ?? null])
      ) {
        conflict(source, ['indicators', i], x.id, origin.get(`indicator:${x.id}`)!);
      }
    });

    for (const [symbol, def] of Object.entries(doc.statusSymbols ?? {})) {
      const known = store.statusSymbols[symbol];
      if (known && JSON.stringify(known) !== JSON.stringify(def)) {
        conflict(source, ['statusSymbols', symbol], symbol, origin.get(`status:${symbol}`)!);
      } else {
        store.statusSymbols[symbol] = def;
        origin.set(`status:${symbol}`, source);
      }
    }

    doc.observations.forEach((o, i) => {
      const key = observationKey(o);
      const known = store.byKey.get(key);
      if (known) {
        if (known.value !== o.value || known.status !== o.status) {
          conflict(source, ['observations', i], `${o.indicator} ${o.region} ${o.period}`, origin.get(`obs:${key}`)!);
        }
        return;
      }
      const stored: StoredObservation = { ...o, dataset: doc.dataset };
      store.byKey.set(key, stored);
      origin.set(`obs:${key}`, source);
      let list = store.byIndicator.get(o.indicator);
      if (!list) store.byIndicator.set(o.indicator, (list = []));
      list.push(stored);
    });

    if (doc.geometry) store.geometries.push({ ...doc.geometry, base: source });
    doc.dossier?.topics.forEach((topic, index) => store.dossierTopics.push({ topic, source, index }));
  }

  finish(): DataStore {
    const { conflicts } = this;
    if (conflicts.length) throw new DataError('conflict', { problems: conflicts, source: conflicts[0]!.source });
    return this.store;
  }
}
