/**
 * Class breaks for a choropleth, computed with simple-statistics: quantiles
 * (equal numbers of regions per class), equal intervals, Jenks-like natural
 * breaks (ckmeans), or the page author's own breaks.
 */
import { ckmeans, equalIntervalBreaks, quantileSorted } from 'simple-statistics';

export const CLASSIFICATIONS = ['quantile', 'equal', 'jenks', 'ckmeans', 'breaks'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** One class as the legend states it. */
export interface ClassRange {
  /** Lowest value in the class (computed classes) or the break it starts at (own breaks). */
  from: number;
  /** Highest value in the class, or the break it ends before (own breaks: `to` is exclusive). */
  to: number;
  /** Own breaks: the first class is "unter …", the last "… und mehr", the others "… bis unter …". */
  openStart?: boolean;
  openEnd?: boolean;
  exclusiveEnd?: boolean;
}

export interface Classes {
  /** A value ≥ thresholds[i] belongs to class i + 1 or higher. */
  thresholds: number[];
  ranges: ClassRange[];
}

/** Class index of a value. */
export function classOf(value: number, classes: Pick<Classes, 'thresholds'>): number {
  let i = 0;
  while (i < classes.thresholds.length && value >= classes.thresholds[i]!) i++;
  return i;
}

/**
 * Classes for `values` (finite numbers), at most `count`. Computed classes
 * are stated by the values they hold (no empty or overlapping ranges; fewer
 * distinct values give fewer classes). Own breaks are kept as given, also
 * when a class stays empty, so maps with the same breaks compare.
 */
export function classify(values: readonly number[], count: number, method: Classification, breaks: readonly number[] = []): Classes {
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'breaks' && breaks.length) {
    const thresholds = [...new Set(breaks)].sort((a, b) => a - b);
    const ranges: ClassRange[] = [
      { from: -Infinity, to: thresholds[0]!, openStart: true },
      ...thresholds.slice(1).map((b, i) => ({ from: thresholds[i]!, to: b, exclusiveEnd: true })),
      { from: thresholds.at(-1)!, to: Infinity, openEnd: true },
    ];
    return { thresholds, ranges };
  }
  const k = Math.max(1, Math.min(count, new Set(sorted).size));
  let cuts: number[] = [];
  if (k > 1 && method === 'equal') cuts = equalIntervalBreaks(sorted, k).slice(1, -1);
  else if (k > 1 && (method === 'jenks' || method === 'ckmeans')) cuts = ckmeans(sorted, k).slice(1).map((cluster) => cluster[0]!);
  else if (k > 1) cuts = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
  // Each class is stated by its own lowest and highest value; classes no value reaches are dropped.
  const members = new Map<number, number[]>();
  for (const v of sorted) {
    const i = classOf(v, { thresholds: cuts });
    let list = members.get(i);
    if (!list) members.set(i, (list = []));
    list.push(v);
  }
  const groups = [...members.entries()].sort((a, b) => a[0] - b[0]).map(([, vs]) => vs);
  return {
    thresholds: groups.slice(1).map((vs) => vs[0]!),
    ranges: groups.map((vs) => ({ from: vs[0]!, to: vs.at(-1)! })),
  };
}
