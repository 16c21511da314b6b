/**
 * Computed indicators (`computed` in the format): values that are not published as such but computed
 * from official values of other indicators (e.g. Einkünfte je Steuerpflichtigen). They must never pass
 * as official: wherever their values appear, "berechnet aus: <formula>" says so. One phrase, written
 * here, for every element, table, summary and download.
 */
import { msg, str } from '@lit/localize';
import type { Indicator } from '../format/types.js';
import { localize } from './text.js';

/**
 * "berechnet aus: Gesamtbetrag der Einkünfte (1 000 EUR) × 1 000 ÷ …" (English "computed from: …") for a
 * computed indicator; "" for an official one. The formula is data: bind it as text, never as HTML.
 */
export function computedNote(indicator: Pick<Indicator, 'computed'> | undefined): string {
  const formula = indicator?.computed && localize(indicator.computed.formula);
  return formula ? msg(str`berechnet aus: ${formula}`, { id: 'computed.from' }) : '';
}

/** The same as a sentence for generated summaries: "Die Werte sind nicht amtlich veröffentlicht, sondern berechnet aus: …." */
export function computedSentence(indicator: Pick<Indicator, 'computed'> | undefined): string {
  const note = computedNote(indicator);
  return note ? msg(str`Die Werte sind nicht amtlich veröffentlicht, sondern ${note}.`, { id: 'computed.sentence' }) : '';
}
