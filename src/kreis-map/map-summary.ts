/**
 * The text summary of a map, computed from its model: highest and lowest
 * region, the spread, the highlighted region's rank, how the classes are
 * formed, what has no value or no boundary, and what a computed indicator
 * is computed from.
 */
import { msg, str } from '@lit/localize';
import type { DataStore } from '../data/data-store.js';
import { formatNumber, formatPeriod, isPercentUnit } from '../i18n/format.js';
import { computedSentence } from '../i18n/computed.js';
import { capitalize, proseValue } from '../i18n/prose.js';
import { nominative } from '../i18n/region-name.js';
import { localizeUnit } from '../i18n/text.js';
import type { ClassRange } from './classify.js';
import type { MapModel, MapRegion } from './map-model.js';

/** "7,1 – 8,2", "unter 5", "15 und mehr": a class as the legend states it. */
export function rangeText(range: ClassRange, decimals: number): string {
  const n = (v: number) => formatNumber(v, decimals);
  if (range.openStart) return msg(str`unter ${n(range.to)}`, { id: 'map.range-under' });
  if (range.openEnd) return msg(str`${n(range.from)} und mehr`, { id: 'map.range-over' });
  if (range.exclusiveEnd) return msg(str`${n(range.from)} bis unter ${n(range.to)}`, { id: 'map.range-below' });
  if (range.from === range.to) return n(range.from);
  return `${n(range.from)} – ${n(range.to)}`;
}

function classificationText(model: MapModel): string {
  const k = model.classes.ranges.length;
  switch (model.classification) {
    case 'quantile':
      return msg(str`Die Farben teilen die Gebiete in ${k} Klassen mit etwa gleich vielen Gebieten (Quantile).`, { id: 'map.classes-quantile' });
    case 'equal':
      return msg(str`Die Farben teilen den Wertebereich in ${k} gleich breite Klassen.`, { id: 'map.classes-equal' });
    case 'breaks':
      return msg(str`Die Farben folgen ${k} vorgegebenen Klassen.`, { id: 'map.classes-breaks' });
    default:
      return msg(str`Die Farben teilen die Werte in ${k} Klassen an ihren natürlichen Brüchen (Jenks/ckmeans).`, { id: 'map.classes-jenks' });
  }
}

export function summarizeMap(store: DataStore, model: MapModel): string[] {
  const period = formatPeriod(model.period);
  // "der Landkreis Harz", "Wernigerode" (not "Wernigerode, Stadt") in running text
  const subject = (r: MapRegion) => {
    const region = store.regions.get(r.key);
    return region ? nominative(region) : r.name;
  };
  const v = (x: number) => proseValue(x, model.indicator);
  const valued = model.regions
    .filter((r): r is MapRegion & { observation: { value: number } } => typeof r.observation?.value === 'number')
    .sort((a, b) => b.observation.value - a.observation.value);
  const sentences: string[] = [];
  const top = valued[0]!;
  const bottom = valued.at(-1)!;
  if (valued.length === 1) {
    sentences.push(msg(str`${period}: ${subject(top)} ${v(top.observation.value)}.`, { id: 'map.one-region' }));
  } else {
    sentences.push(
      msg(str`${period}: Den höchsten Wert der ${valued.length} Gebiete hat ${subject(top)} (${v(top.observation.value)}), den niedrigsten ${subject(bottom)} (${v(bottom.observation.value)}).`, {
        id: 'map.extremes',
      }),
    );
    const spread = top.observation.value - bottom.observation.value;
    if (isPercentUnit(localizeUnit(model.indicator.unit))) {
      sentences.push(msg(str`Der Abstand beträgt ${formatNumber(spread, Math.max(1, model.indicator.decimals))} Prozentpunkte.`, { id: 'map.spread-points' }));
    } else if (bottom.observation.value > 0) {
      sentences.push(
        msg(str`Der höchste Wert ist ${formatNumber(top.observation.value / bottom.observation.value, 1)}-mal so hoch wie der niedrigste.`, { id: 'map.spread-ratio' }),
      );
    }
  }
  const h = model.highlight ? valued.findIndex((r) => r.key === model.highlight) : -1;
  if (h >= 0) {
    const r = valued[h]!;
    sentences.push(msg(str`${capitalize(subject(r))} liegt auf Rang ${h + 1} von ${valued.length} (${v(r.observation.value)}; Rang 1 = höchster Wert).`, { id: 'map.rank' }));
  }
  sentences.push(classificationText(model));
  const missing = model.regions.filter((r) => typeof r.observation?.value !== 'number');
  if (missing.length) {
    const symbols = [...new Set(missing.map((r) => r.observation?.status).filter((s): s is string => !!s))]
      .map((s) => `${s} = ${store.statusInfo(s)?.label ?? s}`)
      .join('; ');
    const n = missing.length;
    if (symbols) {
      sentences.push(
        n === 1
          ? msg(str`Für ein Gebiet liegt kein Zahlenwert vor (${symbols}); es ist schraffiert.`, { id: 'map.no-value-one' })
          : msg(str`Für ${n} Gebiete liegt kein Zahlenwert vor (${symbols}); sie sind schraffiert.`, { id: 'map.no-value' }),
      );
    } else {
      sentences.push(
        n === 1
          ? msg('Für ein Gebiet enthalten die Daten keinen Wert; es ist schraffiert.', { id: 'map.not-in-data-one' })
          : msg(str`Für ${n} Gebiete enthalten die Daten keinen Wert; sie sind schraffiert.`, { id: 'map.not-in-data' }),
      );
    }
  }
  const absent = model.withoutGeometry.length;
  if (absent) {
    sentences.push(
      absent === 1
        ? msg('Ein Gebiet der Daten fehlt in den Gebietsgrenzen; sein Wert steht nur in der Tabelle.', { id: 'map.without-geometry-one' })
        : msg(str`${absent} Gebiete der Daten fehlen in den Gebietsgrenzen; ihre Werte stehen nur in der Tabelle.`, { id: 'map.without-geometry' }),
    );
  }
  // A computed indicator's values never pass as official: the summary (the map's description) says so too.
  const computed = computedSentence(model.indicator);
  if (computed) sentences.push(computed);
  return sentences;
}
