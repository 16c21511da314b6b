/**
 * kreisdossier document → JSON-stat 2.0 dataset.
 *
 * Dimensions: indicator (role metric, unit and decimals per category),
 * region (role geo), period (role time), then every breakdown dimension an
 * indicator uses. Values are dense, null where no observation exists;
 * statuses go to a sparse status object. Indicators without a breakdown
 * dimension sit in its extra category "_". All JSON-stat has no slot for
 * (licence, attribution, topic, region levels, footnotes, declared symbols,
 * geometry, dossier …) goes to extension.kreisdossier, so importJsonStat
 * gives back the same document.
 */
import type { KreisdossierDocument, LocalizedText } from '../../src/format/types.js';
import { AdapterError } from '../adapter-error.js';
import {
  NOT_BROKEN_DOWN,
  NO_VALUE_DECLARATION,
  NO_VALUE_SYMBOL,
  type JsonStatDataset,
  type JsonStatDimension,
  type KreisdossierExtension,
} from './jsonstat-types.js';

const text = (t: LocalizedText): string => (typeof t === 'string' ? t : t.de);

interface Axis {
  id: string;
  dimension: JsonStatDimension;
  categories: string[];
}

function axis(id: string, label: string, categories: Array<{ id: string; label: string }>): Axis {
  return {
    id,
    categories: categories.map((c) => c.id),
    dimension: {
      label,
      category: { index: categories.map((c) => c.id), label: Object.fromEntries(categories.map((c) => [c.id, c.label])) },
    },
  };
}

export function exportJsonStat(document: KreisdossierDocument): JsonStatDataset {
  const { observations, ...rest } = document;
  const used = (document.dimensions ?? []).filter((d) => document.indicators.some((x) => x.dimensions?.includes(d.id)));
  // Role dimensions get plain names unless a breakdown dimension already has that id.
  const taken = new Set(used.map((d) => d.id));
  const name = (base: string) => {
    let id = base;
    while (taken.has(id)) id = `_${id}`;
    taken.add(id);
    return id;
  };

  const indicator = axis(name('indicator'), 'Indikator', document.indicators.map((x) => ({ id: x.id, label: text(x.label) })));
  indicator.dimension.category.unit = Object.fromEntries(document.indicators.map((x) => [x.id, { label: text(x.unit), decimals: x.decimals }]));
  const region = axis(name('region'), 'Region', document.regions.map((r) => ({ id: r.key, label: r.name })));
  const periods = [...new Set(observations.map((o) => o.period))].sort();
  const period = axis(name('period'), 'Zeit', periods.map((p) => ({ id: p, label: p })));
  const breakdowns = used.map((d) => {
    const partial = document.indicators.some((x) => !x.dimensions?.includes(d.id));
    const categories = d.categories.map((c) => ({ id: c.id, label: text(c.label) }));
    return axis(d.id, text(d.label), partial ? [...categories, { id: NOT_BROKEN_DOWN, label: 'nicht aufgegliedert' }] : categories);
  });
  const axes = [indicator, region, period, ...breakdowns];
  const size = axes.map((a) => a.categories.length);
  const strides = size.map((_, k) => size.slice(k + 1).reduce((a, b) => a * b, 1));
  const length = size.reduce((a, b) => a * b, 1);

  const value: Array<number | null> = new Array<number | null>(length).fill(null);
  const status: Record<string, string> = {};
  const footnotes: Record<string, LocalizedText> = {};
  const noValue: number[] = [];
  const order: number[] = [];
  const filled = new Set<number>();
  const ownNoValue = JSON.stringify(document.statusSymbols?.[NO_VALUE_SYMBOL]) === JSON.stringify(NO_VALUE_DECLARATION);
  observations.forEach((o, i) => {
    const position = (a: Axis, category: string | undefined, k: number) => {
      const at = a.categories.indexOf(category ?? NOT_BROKEN_DOWN);
      if (at < 0) throw new AdapterError({ de: `Beobachtung ${i}: „${category}“ ist keine Ausprägung von ${a.id}`, en: `observation ${i}: "${category}" is not a category of ${a.id}` });
      return at * strides[k]!;
    };
    const p =
      position(indicator, o.indicator, 0) +
      position(region, o.region, 1) +
      position(period, o.period, 2) +
      breakdowns.reduce((sum, b, k) => sum + position(b, o.breakdown?.[b.id], k + 3), 0);
    if (filled.has(p)) throw new AdapterError({ de: `Beobachtung ${i} wiederholt eine frühere`, en: `observation ${i} repeats an earlier one` });
    filled.add(p);
    order.push(p);
    value[p] = o.value;
    // The adapter's own "no value in the source" is a bare null in JSON-stat.
    if (o.status === NO_VALUE_SYMBOL && o.value === null && ownNoValue) noValue.push(p);
    else if (o.status !== undefined) status[p] = o.status;
    if (o.footnote !== undefined) footnotes[p] = o.footnote;
  });

  const extension: KreisdossierExtension = {
    document: rest,
    ...(Object.keys(footnotes).length ? { footnotes } : {}),
    ...(noValue.length ? { noValueInSource: noValue } : {}),
    ...(order.some((p, i) => i > 0 && p < order[i - 1]!) ? { order } : {}),
  };
  const { dataset } = document;
  return {
    version: '2.0',
    class: 'dataset',
    label: text(dataset.title),
    ...(dataset.description ? { note: [text(dataset.description)] } : {}),
    source: [...new Set(dataset.sources.map((s) => s.publisher))].join('; '),
    updated: dataset.referenceDate,
    id: axes.map((a) => a.id),
    size,
    role: { metric: [indicator.id], geo: [region.id], time: [period.id] },
    dimension: Object.fromEntries(axes.map((a) => [a.id, a.dimension])),
    value,
    ...(Object.keys(status).length ? { status } : {}),
    extension: { kreisdossier: extension },
  };
}
