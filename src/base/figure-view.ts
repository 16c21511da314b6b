/**
 * The parts every chart and map share around its picture: caption and
 * summary, the tooltip, the live region for keyboard announcements and the
 * status-symbol legend. One place, so charts and maps read alike.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { DataStore, StoredObservation } from '../data/data-store.js';

/** Caption (title, unit line), the generated summary, and a note after a linked selection. */
export function renderCaption(title: string, subtitle: string, summary: string, linkNote: string): TemplateResult {
  return html`<figcaption id="title" part="title">
      <span class="title">${title}</span>
      <span class="subtitle">${subtitle}</span>
    </figcaption>
    <p class="summary" id="summary" part="summary">${summary}</p>
    ${linkNote ? html`<p class="link-note" role="status">${linkNote}</p>` : nothing}`;
}

/** The tooltip (for the eye; the live region speaks). Positioned by `placeTooltip`. */
export function renderTooltip(tooltip: { text: string } | undefined): TemplateResult | typeof nothing {
  return tooltip ? html`<div class="tooltip" part="tooltip" aria-hidden="true">${tooltip.text}</div>` : nothing;
}

export function renderAnnouncement(text: string): TemplateResult {
  return html`<div class="live visually-hidden" aria-live="polite" aria-atomic="true">${text}</div>`;
}

/** The status symbols that occur, each with its meaning ("- nichts vorhanden"). */
export function statusSymbolsOf(observations: readonly StoredObservation[]): string[] {
  return [...new Set(observations.map((o) => o.status).filter((s): s is string => !!s))];
}

export function renderSymbolLegend(store: DataStore, symbols: readonly string[]): TemplateResult | typeof nothing {
  return symbols.length
    ? html`<dl class="symbols" part="symbols" aria-label=${msg('Zeichenerklärung', { id: 'table.legend' })}>
        ${symbols.map((s) => html`<div><dt>${s}</dt><dd>${store.statusInfo(s)?.label ?? ''}</dd></div>`)}
      </dl>`
    : nothing;
}
