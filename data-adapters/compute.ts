/**
 * `kreisdossier compute`: a ratio of two official indicators of one file (Einkünfte je Steuerpflichtigen =
 * Gesamtbetrag der Einkünfte × 1 000 ÷ Steuerpflichtige), added to that file as an indicator marked
 * `computed` (formula and source indicators), so that every element shows "berechnet aus …" beside it.
 * Official values stay untouched; a missing input is carried through as its status symbol, never guessed.
 */
import { observationKey } from '../src/format/observation-key.js';
import { REPLACING_SYMBOLS } from '../src/format/status-symbols.js';
import type { Indicator, KreisdossierDocument, LocalizedText, Observation } from '../src/format/types.js';
import { AdapterError, type Reason } from './adapter-error.js';
import type { IndicatorOptions } from './types.js';

export interface RatioSpec extends IndicatorOptions {
  id: string;
  numerator: string;
  denominator: string;
  /** Multiplies the ratio: 1 000 for "Tsd. EUR" per person in EUR, 100 for a percentage, 1 000 for "je 1 000 Einwohner". */
  factor?: number;
}

export interface ComputeResult {
  document: KreisdossierDocument;
  /** Counts for the summary: values computed, nulls carried over, rows without a partner. */
  computed: number;
  nulls: Record<string, number>;
  unmatched: number;
}

const de = (t: LocalizedText) => (typeof t === 'string' ? t : t.de);
const en = (t: LocalizedText) => (typeof t === 'string' ? t : (t.en ?? t.de));

/** "Gesamtbetrag der Einkünfte (Tsd. EUR) × 1 000 ÷ Lohn- und Einkommensteuerpflichtige (Anzahl)". */
function formulaOf(num: Indicator, den: Indicator, factor: number): { de: string; en: string } {
  const part = (text: (t: LocalizedText) => string, x: Indicator) => `${text(x.label)} (${text(x.unit)})`;
  const times = (locale: string) => (factor === 1 ? '' : ` × ${factor.toLocaleString(locale)}`);
  return {
    de: `${part(de, num)}${times('de-DE')} ÷ ${part(de, den)}`,
    en: `${part(en, num)}${times('en-GB')} ÷ ${part(en, den)}`,
  };
}

/**
 * The qualifying symbol of a ratio: a result built on a provisional ("p") or estimated ("s") input is itself
 * provisional or estimated, whatever the other input says; otherwise a mark both inputs share carries over.
 */
const CARRIED_FIRST = ['p', 's', '/', '()', 'r', '|'];
function carriedQualifier(a: Observation, b: Observation): string | undefined {
  const marks = [a.status, b.status].filter((s): s is string => s !== undefined && !REPLACING_SYMBOLS.has(s));
  return CARRIED_FIRST.find((m) => marks.includes(m)) ?? (new Set(marks).size === 1 ? marks[0] : undefined);
}

/** Rounds half away from zero to `decimals` places in decimal, not binary (1.005 → 1.01, not 1). */
function round(x: number, decimals: number): number {
  const shifted = Math.round(Number(`${Math.abs(x)}e${decimals}`));
  return Math.sign(x) * Number(`${shifted}e-${decimals}`);
}

export function addRatio(doc: KreisdossierDocument, spec: RatioSpec): ComputeResult {
  const fail = (reason: Reason): never => {
    throw new AdapterError(reason);
  };
  const num = doc.indicators.find((x) => x.id === spec.numerator) ?? fail({ de: `--numerator ${spec.numerator}: kein Indikator der Datei`, en: `--numerator ${spec.numerator}: no indicator of the file` });
  const den = doc.indicators.find((x) => x.id === spec.denominator) ?? fail({ de: `--denominator ${spec.denominator}: kein Indikator der Datei`, en: `--denominator ${spec.denominator}: no indicator of the file` });
  if (doc.indicators.some((x) => x.id === spec.id)) fail({ de: `--indicator ${spec.id}: diese Kennung hat die Datei schon`, en: `--indicator ${spec.id}: the file already has this id` });
  if ((num.dimensions ?? []).join() !== (den.dimensions ?? []).join()) {
    fail({
      de: `${num.id} und ${den.id} sind unterschiedlich gegliedert (${num.dimensions?.join(', ') || '–'} / ${den.dimensions?.join(', ') || '–'}): nur gleich gegliederte Werte lassen sich teilen`,
      en: `${num.id} and ${den.id} have different breakdowns (${num.dimensions?.join(', ') || '–'} / ${den.dimensions?.join(', ') || '–'}): only values broken down alike can be divided`,
    });
  }
  const factor = spec.factor ?? 1;
  if (!Number.isFinite(factor) || factor <= 0) fail({ de: '--factor muss eine positive Zahl sein', en: '--factor must be a positive number' });
  const decimals = spec.decimals ?? 0;
  const unit = spec.unit ?? fail({ de: '--unit fehlt: in welcher Einheit ist das Ergebnis (z. B. EUR)?', en: '--unit is missing: which unit is the result in (e.g. EUR)?' });

  const denominators = new Map(doc.observations.filter((o) => o.indicator === den.id).map((o) => [observationKey({ ...o, indicator: num.id }), o]));
  const observations: Observation[] = [];
  const nulls: Record<string, number> = {};
  let unmatched = 0;
  for (const n of doc.observations) {
    if (n.indicator !== num.id) continue;
    const d = denominators.get(observationKey(n));
    if (!d) {
      unmatched++;
      continue;
    }
    const base = { indicator: spec.id, region: n.region, period: n.period, ...(n.breakdown ? { breakdown: n.breakdown } : {}) };
    // A missing input keeps its own symbol ("-", "." …); dividing by zero says nothing ("x").
    const status = n.value === null ? n.status! : d.value === null ? d.status! : d.value === 0 ? 'x' : undefined;
    if (status !== undefined) {
      observations.push({ ...base, value: null, status });
      nulls[status] = (nulls[status] ?? 0) + 1;
      continue;
    }
    const exact = (n.value! * factor) / d.value!;
    const value = round(exact, decimals);
    // Rounding must not turn a real ratio into 0 (Arbeitslose ÷ Einwohner without a factor): ask for a factor or decimals.
    if (value === 0 && exact !== 0) {
      fail({
        de: `${exact} würde auf ${decimals} Nachkommastellen zu 0 gerundet: bitte --factor (z. B. 1000 für „je 1 000“) oder --decimals angeben`,
        en: `${exact} would round to 0 at ${decimals} decimals: pass --factor (e.g. 1000 for "per 1,000") or --decimals`,
      });
    }
    const mark = carriedQualifier(n, d);
    observations.push({ ...base, value, ...(mark ? { status: mark } : {}) });
  }
  if (observations.length === 0) fail({ de: `${num.id} und ${den.id} haben keine Werte für dieselben Regionen und Zeiträume`, en: `${num.id} and ${den.id} have no values for the same regions and periods` });

  const indicator: Indicator = {
    id: spec.id,
    label: spec.label ?? `${de(num.label)} je ${de(den.label)}`,
    unit,
    decimals,
    topic: spec.topic ?? num.topic,
    ...(spec.explanation ? { explanation: spec.explanation } : {}),
    polarity: spec.polarity ?? 'neutral',
    kind: spec.kind ?? 'rate',
    ...(num.dimensions?.length ? { dimensions: num.dimensions } : {}),
    computed: { from: [num.id, den.id], formula: formulaOf(num, den, factor) },
  };
  const document: KreisdossierDocument = { ...doc, indicators: [...doc.indicators, indicator], observations: [...doc.observations, ...observations] };
  return { document, computed: observations.length - Object.values(nulls).reduce((a, b) => a + b, 0), nulls, unmatched };
}
