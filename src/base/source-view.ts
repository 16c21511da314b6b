/** Source, reference date ("Stand"), attribution and licence lines: always visible under the content. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { HTTP_URL_PATTERN } from '../format/vocabulary.js';
import type { Dataset, License, Source } from '../format/types.js';
import { formatDate } from '../i18n/format.js';
import { localize } from '../i18n/text.js';

/** Links from data are web links only, opened without handing over the page. */
function link(url: string | undefined, text: string): TemplateResult | string {
  return url && HTTP_URL_PATTERN.test(url) ? html`<a href=${url} rel="noopener noreferrer external">${text}</a>` : text;
}

function sourceText(s: Source): string {
  const table = s.table ? msg(str`, Tabelle ${s.table}`, { id: 'source.table' }) : '';
  const title = s.title ? msg(str` „${localize(s.title)}“`, { id: 'source.title' }) : '';
  return `${s.publisher}${table}${title}`;
}

function licenseText(l: License): string {
  return l.name ?? l.id;
}

/** The same lines as plain text (for pictures and files that leave the page). */
export function sourceLines(datasets: readonly Dataset[]): string[] {
  return datasets.flatMap((d) => [
    `${msg('Quelle:', { id: 'source.label' })} ${d.sources.map(sourceText).join('; ')}. ${msg(str`Stand: ${formatDate(d.referenceDate)}.`, { id: 'source.reference-date' })}`,
    `${d.attribution} · ${msg('Lizenz:', { id: 'source.license' })} ${licenseText(d.license)}${d.license.url ? ` (${d.license.url})` : ''}`,
  ]);
}

export function renderSources(datasets: readonly Dataset[]): TemplateResult {
  return html`<div class="source" part="source">
    ${sameSourceOnce(datasets).map(
      (d) => html`<p>
          ${msg('Quelle:', { id: 'source.label' })}
          ${d.sources.map((s, i) => html`${i ? '; ' : ''}${link(s.url, sourceText(s))}`)}.
          ${msg(str`Stand: ${formatDate(d.referenceDate)}.`, { id: 'source.reference-date' })}
        </p>
        <p>${d.attribution}${d.license ? html` · ${msg('Lizenz:', { id: 'source.license' })} ${link(d.license.url, licenseText(d.license))}` : nothing}</p>`,
    )}
  </div>`;
}

/** "Gebietsgrenzen: © GeoBasis-DE / BKG (2021) · Lizenz: dl-de/by-2-0" — the boundaries' line, under a map and in a dossier. */
export function renderGeometrySource(geometry: { attribution?: string | undefined; license?: License | undefined }): TemplateResult {
  return html`<p class="source geo-source" part="source">
    ${msg('Gebietsgrenzen:', { id: 'map.geometry-source' })}
    ${geometry.attribution ?? msg('(keine Quellenangabe)', { id: 'map.geometry-no-attribution' })}${geometry.license
      ? html` · ${msg('Lizenz:', { id: 'source.license' })} ${link(geometry.license.url, licenseText(geometry.license))}`
      : nothing}
  </p>`;
}

/**
 * Parts of one table (a catalogue's Land and Deutschland parts) are datasets of their own with the same source,
 * Stand, attribution and licence: their source is said once.
 */
function sameSourceOnce(datasets: readonly Dataset[]): Dataset[] {
  const seen = new Set<string>();
  return datasets.filter((d) => {
    const shown = JSON.stringify([d.sources, d.referenceDate, d.attribution, d.license]);
    if (seen.has(shown)) return false;
    seen.add(shown);
    return true;
  });
}
