/**
 * What the catalogue learns from its data files while reading them one by one (so that no more than one file is in
 * memory): region names, levels and parents (the first file's name wins, as in the browser's store), the latest
 * population figure of each region, which periods each Kreis key has values or only symbols for, and the
 * definitions of indicators and status symbols. Files that contradict each other where the browser would refuse to
 * combine them (an indicator with another unit, a region with another level or parent, a symbol declared otherwise)
 * are recorded as problems.
 */
import type { KreisdossierDocument, LocalizedText, Region } from '../../src/format/types.js';
import type { Reason } from '../adapter-error.js';

export interface Problem {
  files: string[];
  reason: Reason;
}

interface Latest {
  period: string;
  value: number;
}

/** Per Kreis key: periods with at least one value, periods with observations but no value (and their symbols), files. */
export interface KeyHistory {
  withValue: Set<string>;
  withoutValue: Map<string, Set<string>>;
  files: Set<string>;
}

const text = (t: LocalizedText | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t.de);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class Collector {
  readonly regions = new Map<string, Region & { file: string }>();
  readonly population = new Map<string, Latest>();
  readonly kreisHistory = new Map<string, KeyHistory>();
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  /** The population indicator was found in some file. */
  populationFound = false;
  private readonly indicators = new Map<string, { file: string; signature: string; topic: string }>();
  private readonly symbols = new Map<string, { file: string; definition: string }>();
  private readonly reported = new Set<string>();

  constructor(private readonly populationIndicator: string | undefined) {}

  add(url: string, doc: KreisdossierDocument): void {
    for (const r of doc.regions) {
      const known = this.regions.get(r.key);
      if (!known) this.regions.set(r.key, { ...r, file: url });
      else if (known.level !== r.level || (known.parent && r.parent && known.parent !== r.parent)) {
        this.once(`region:${r.key}`, this.errors, [known.file, url], {
          de: `Region ${r.key} hat Ebene/übergeordnete Region ${known.level}/${known.parent ?? '–'} in ${known.file}, aber ${r.level}/${r.parent ?? '–'} in ${url}: Seiten können die Dateien nicht zusammen laden`,
          en: `region ${r.key} has level/parent ${known.level}/${known.parent ?? '–'} in ${known.file} but ${r.level}/${r.parent ?? '–'} in ${url}: pages cannot load the files together`,
        });
      } else if (!known.parent && r.parent) known.parent = r.parent;
    }
    for (const i of doc.indicators) {
      // What the browser's store compares: another unit, number of decimals, kind, breakdown or computation is a contradiction.
      const signature = JSON.stringify([i.unit, i.decimals, i.kind, i.dimensions ?? [], i.computed?.from ?? null]);
      const known = this.indicators.get(i.id);
      if (!known) this.indicators.set(i.id, { file: url, signature, topic: i.topic });
      else if (known.signature !== signature) {
        const [unit, decimals, kind, dimensions, from] = JSON.parse(signature) as unknown[];
        const [unit0, decimals0, kind0, dimensions0, from0] = JSON.parse(known.signature) as unknown[];
        const show = (u: unknown, d: unknown, k: unknown, dims: unknown, f: unknown) =>
          `${text(u as LocalizedText)}, ${d}, ${k}${(dims as string[]).length ? `, [${(dims as string[]).join(', ')}]` : ''}${f ? `, computed from ${(f as string[]).join('+')}` : ''}`;
        this.once(`indicator:${i.id}:${url}`, this.errors, [known.file, url], {
          de: `Indikator ${i.id} hat in ${known.file} Einheit/Nachkommastellen/Art „${show(unit0, decimals0, kind0, dimensions0, from0)}“, in ${url} „${show(unit, decimals, kind, dimensions, from)}“`,
          en: `indicator ${i.id} has unit/decimals/kind "${show(unit0, decimals0, kind0, dimensions0, from0)}" in ${known.file} but "${show(unit, decimals, kind, dimensions, from)}" in ${url}`,
        });
      } else if (known.topic !== i.topic) {
        this.once(`topic:${i.id}:${url}`, this.warnings, [known.file, url], {
          de: `Indikator ${i.id} gehört in ${known.file} zum Thema „${known.topic}“, in ${url} zu „${i.topic}“`,
          en: `indicator ${i.id} belongs to the topic "${known.topic}" in ${known.file} but to "${i.topic}" in ${url}`,
        });
      }
    }
    for (const [symbol, definition] of Object.entries(doc.statusSymbols ?? {})) {
      const known = this.symbols.get(symbol);
      if (!known) this.symbols.set(symbol, { file: url, definition: JSON.stringify(definition) });
      else if (!same(known.definition, JSON.stringify(definition))) {
        this.once(`symbol:${symbol}:${url}`, this.errors, [known.file, url], {
          de: `Zeichen „${symbol}“ ist in ${known.file} anders erklärt als in ${url}`,
          en: `status symbol "${symbol}" is declared differently in ${known.file} and ${url}`,
        });
      }
    }
    this.addPopulation(doc);
    this.addHistory(url, doc);
  }

  private addPopulation(doc: KreisdossierDocument): void {
    const indicator = doc.indicators.find((i) => i.id === this.populationIndicator);
    if (!indicator) return;
    this.populationFound = true;
    // The total of every breakdown: a dimension without one has no figure for "all".
    const totals: Record<string, string> = {};
    for (const id of indicator.dimensions ?? []) {
      const total = doc.dimensions?.find((d) => d.id === id)?.total;
      if (total === undefined) return;
      totals[id] = total;
    }
    const level = new Map(doc.regions.map((r) => [r.key, r.level]));
    for (const o of doc.observations) {
      if (o.indicator !== indicator.id || o.value === null || !Number.isInteger(o.value) || o.value < 0) continue;
      if (!Object.entries(totals).every(([d, c]) => o.breakdown?.[d] === c)) continue;
      if (!['Bund', 'Land', 'Regierungsbezirk', 'Kreis'].includes(level.get(o.region)!)) continue;
      const known = this.population.get(o.region);
      if (!known || o.period > known.period) this.population.set(o.region, { period: o.period, value: o.value });
    }
  }

  private addHistory(url: string, doc: KreisdossierDocument): void {
    const level = new Map(doc.regions.map((r) => [r.key, r.level]));
    for (const o of doc.observations) {
      if (level.get(o.region) !== 'Kreis') continue;
      let h = this.kreisHistory.get(o.region);
      if (!h) this.kreisHistory.set(o.region, (h = { withValue: new Set(), withoutValue: new Map(), files: new Set() }));
      h.files.add(url);
      if (o.value !== null) h.withValue.add(o.period);
      else {
        let symbols = h.withoutValue.get(o.period);
        if (!symbols) h.withoutValue.set(o.period, (symbols = new Set()));
        symbols.add(o.status ?? '');
      }
    }
  }

  private once(id: string, list: Problem[], files: string[], reason: Reason): void {
    if (this.reported.has(id)) return;
    this.reported.add(id);
    list.push({ files, reason });
  }
}
