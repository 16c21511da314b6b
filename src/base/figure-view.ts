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

/**
 * The picture's keyboard area: one Tab stop whose arrow keys walk the data
 * (role="application" so screen readers pass the keys through), described
 * by the summary and the key help (`#keys`).
 */
export function renderInteractiveArea(
  area: { class: string; roleDescription: string; label: string; onKeyDown: (e: KeyboardEvent) => void; onBlur: () => void },
  content: TemplateResult,
): TemplateResult {
  return html`<div
    class=${area.class}
    part=${area.class}
    tabindex="0"
    role="application"
    aria-roledescription=${area.roleDescription}
    aria-label=${area.label}
    aria-describedby="summary keys"
    @keydown=${area.onKeyDown}
    @blur=${area.onBlur}
  >
    ${content}
  </div>`;
}

/** A data table in a keyboard-scrollable region, captioned. */
export function renderTableFrame(caption: TemplateResult, head: TemplateResult, bodies: TemplateResult): TemplateResult {
  return html`<div class="scroll" role="region" aria-labelledby="table-caption" tabindex="0">
    <table part="table">
      <caption id="table-caption">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${head}
        </tr>
      </thead>
      ${bodies}
    </table>
  </div>`;
}
