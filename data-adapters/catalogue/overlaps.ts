/**
 * Files that hold the same indicator for overlapping regions and periods, compared observation by observation.
 * The same observation (indicator, region, period, breakdown) with another value or symbol is a contradiction:
 * a page loading both files could show either number. The same observation with the same value is harmless
 * but loads twice: a warning.
 */
import { prefixesOverlap } from '../../src/format/catalogue-select.js';
import type { CatalogueDataFile } from '../../src/format/catalogue-schema.js';
import { observationKey } from '../../src/format/observation-key.js';
import type { KreisdossierDocument, Observation } from '../../src/format/types.js';
import type { Reason } from '../adapter-error.js';

type Coverage = Pick<CatalogueDataFile, 'url' | 'indicators' | 'levels' | 'regions' | 'periods'>;

export interface Contradiction {
  files: [string, string];
  observation: string;
  here: string;
  there: string;
}

export interface Duplicate {
  files: [string, string];
  indicator: string;
  count: number;
  regions: string[];
}

/** Whether two files may hold the same observation of an indicator: a level, a key prefix and a period in common. */
export function coverageOverlaps(a: Coverage, b: Coverage): boolean {
  return (
    a.levels.some((l) => b.levels.includes(l)) &&
    a.regions.some((p) => b.regions.some((q) => prefixesOverlap(p, q))) &&
    a.periods.first <= b.periods.last &&
    b.periods.first <= a.periods.last
  );
}

/** Per indicator, the files (urls) that overlap with another file holding it. */
export function overlappingFiles(files: readonly Coverage[]): Map<string, Set<string>> {
  const byIndicator = new Map<string, Coverage[]>();
  for (const f of files) for (const i of f.indicators) byIndicator.set(i.id, [...(byIndicator.get(i.id) ?? []), f]);
  const out = new Map<string, Set<string>>();
  for (const [id, list] of byIndicator) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!coverageOverlaps(list[i]!, list[j]!)) continue;
        let set = out.get(id);
        if (!set) out.set(id, (set = new Set()));
        set.add(list[i]!.url).add(list[j]!.url);
      }
    }
  }
  return out;
}

const shown = (o: Observation) => (o.value === null ? `„${o.status}“` : `${o.value}${o.status ? ` ${o.status}` : ''}`);
const describe = (o: Observation) =>
  `${o.indicator} ${o.region} ${o.period}${o.breakdown ? ` ${Object.entries(o.breakdown).map(([d, c]) => `${d}=${c}`).join(',')}` : ''}`;

/** Compares the observations of the overlapping indicators, file by file (in the order given). */
export class OverlapCheck {
  readonly contradictions: Contradiction[] = [];
  private readonly seen = new Map<string, Map<string, { file: string; value: number | null; status: string | undefined; raw: Observation }>>();
  private readonly duplicates = new Map<string, Duplicate>();

  constructor(private readonly indicators: Map<string, Set<string>>) {}

  add(url: string, doc: KreisdossierDocument): void {
    for (const o of doc.observations) {
      if (!this.indicators.get(o.indicator)?.has(url)) continue;
      let map = this.seen.get(o.indicator);
      if (!map) this.seen.set(o.indicator, (map = new Map()));
      const key = observationKey(o);
      const known = map.get(key);
      if (!known) {
        map.set(key, { file: url, value: o.value, status: o.status, raw: o });
        continue;
      }
      if (known.file === url) continue;
      if (known.value !== o.value || known.status !== o.status) {
        this.contradictions.push({ files: [known.file, url], observation: describe(o), here: shown(known.raw), there: shown(o) });
        continue;
      }
      const id = `${known.file}\n${url}\n${o.indicator}`;
      let d = this.duplicates.get(id);
      if (!d) this.duplicates.set(id, (d = { files: [known.file, url], indicator: o.indicator, count: 0, regions: [] }));
      d.count++;
      if (!d.regions.includes(o.region)) d.regions.push(o.region);
    }
  }

  get identical(): Duplicate[] {
    return [...this.duplicates.values()];
  }
}

export function duplicateWarning(d: Duplicate): Reason {
  const regions = `${d.regions.slice(0, 5).join(', ')}${d.regions.length > 5 ? ', …' : ''}`;
  return {
    de: `${d.files[0]} und ${d.files[1]} enthalten ${d.count} gleiche Beobachtungen von ${d.indicator} (Regionen ${regions}); eine Seite, die beide lädt, lädt sie doppelt`,
    en: `${d.files[0]} and ${d.files[1]} hold ${d.count} identical observations of ${d.indicator} (regions ${regions}); a page loading both loads them twice`,
  };
}
