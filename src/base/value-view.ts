/** How one official value is written: number, status symbol and its explanation. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { DataStore, StoredObservation } from '../data/data-store.js';
import type { Indicator } from '../format/types.js';
import { formatNumber } from '../i18n/format.js';
import { isCountUnit } from '../i18n/prose.js';
import { localizeUnit } from '../i18n/text.js';

/**
 * The value as printed in a table: "221.366", "(1.234)" for "()", "1.234 p"
 * for other qualifiers, the bare symbol ("-", ".", "x") for a missing value.
 */
export function printedValue(o: StoredObservation, indicator: Indicator): string {
  if (o.value === null) return o.status!;
  const number = formatNumber(o.value, indicator.decimals);
  if (o.status === '()') return `(${number})`;
  return o.status ? `${number}\u00a0${o.status}` : number;
}

/** A table cell's content: the printed value, the symbol's meaning for screen readers. */
export function renderValue(store: DataStore, o: StoredObservation | undefined, indicator: Indicator): TemplateResult {
  if (!o) {
    return html`<span aria-hidden="true"></span><span class="visually-hidden">${msg('nicht in den Daten', { id: 'value.absent' })}</span>`;
  }
  const explanation = o.status ? store.statusInfo(o.status)?.label : undefined;
  return html`<span aria-hidden=${explanation ? 'true' : 'false'}>${printedValue(o, indicator)}</span>${explanation
    ? html`<span class="visually-hidden">${o.value === null ? explanation : `${printedValue(o, indicator)} (${explanation})`}</span>`
    : nothing}`;
}

/**
 * The value as a sentence part (announcements, tooltips): "221.366", "7,2 %",
 * ". (Zahlenwert unbekannt …)" — the printed value, its unit unless it only
 * says "a count", and the meaning of a status symbol.
 */
export function spokenValue(store: DataStore, o: StoredObservation, indicator: Indicator, extra = ''): string {
  const unit = localizeUnit(indicator.unit);
  let value = printedValue(o, indicator);
  if (o.value !== null && !isCountUnit(unit)) value += `\u00a0${unit}`;
  const explanation = o.status ? store.statusInfo(o.status)?.label : undefined;
  return `${value}${extra}${explanation ? ` (${explanation})` : ''}`;
}
