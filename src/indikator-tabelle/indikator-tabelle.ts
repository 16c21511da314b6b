import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KdElement } from '../base/kd-element.js';
import { renderComputedNote } from '../base/computed-view.js';
import { renderSources } from '../base/source-view.js';
import { renderValue } from '../base/value-view.js';
import type { DataStore, StoredObservation } from '../data/data-store.js';
import { select, type Selection } from '../data/selection.js';
import { formatPeriod } from '../i18n/format.js';
import { localize, localizeUnit } from '../i18n/text.js';
import { tableStyles } from '../base/table-styles.js';

/**
 * An official indicator as an accessible data table: regions and periods,
 * unit, status symbols with their explanation, footnotes, source, reference
 * date and licence (and, for a computed indicator, what it is computed from). It is also the data-table alternative of charts and maps.
 *
 * @tagname indikator-tabelle
 * @csspart table - The `<table>`.
 * @csspart source - Source, reference date, attribution and licence lines.
 * @cssprop --kd-font-family - Font of the element.
 * @cssprop --kd-color-text - Text colour.
 * @cssprop --kd-color-border - Table rule colour.
 * @cssprop --kd-color-focus - Focus ring colour.
 * @cssprop --kd-min-height - Height reserved while loading.
 */
export class IndikatorTabelle extends KdElement {
  static override styles = [...KdElement.styles, tableStyles];

  /** Indicator id; may be left out when the data has exactly one indicator. */
  @property({ reflect: true }) indicator?: string;

  /** Region keys (AGS/ARS), separated by spaces; default: every region with data. */
  @property({ reflect: true }) region?: string;

  /** One period, e.g. "2015-12-31" or "2015". */
  @property({ reflect: true }) period?: string;

  /** First period to show (inclusive). */
  @property({ reflect: true }) from?: string;

  /** Last period to show (inclusive). */
  @property({ reflect: true }) to?: string;

  /** Categories of breakdown dimensions, e.g. "geschlecht=weiblich"; default: each dimension's total. */
  @property({ reflect: true }) breakdown?: string;

  /** Caption; default: the indicator's label from the data. */
  @property({ reflect: true }) heading?: string;

  /** What the rows are: "period", "region", or "auto" (the longer list). */
  @property({ reflect: true }) rows: 'auto' | 'period' | 'region' = 'auto';

  protected override renderData(store: DataStore): TemplateResult {
    const selection = select(store, this);
    const byRegionRows = this.rows === 'region' || (this.rows === 'auto' && selection.regions.length > selection.periods.length);
    const rowKeys = byRegionRows ? selection.regions.map((r) => r.key) : selection.periods;
    const colKeys = byRegionRows ? selection.periods : selection.regions.map((r) => r.key);
    const label = (key: string, isRegion: boolean) => (isRegion ? store.regions.get(key)!.name : formatPeriod(key));
    const cell = (row: string, col: string) =>
      byRegionRows ? this.lookup(store, selection, row, col) : this.lookup(store, selection, col, row);

    const footnotes: string[] = [];
    const footnoteOf = (o: StoredObservation | undefined) => {
      const text = o?.footnote && localize(o.footnote);
      if (!text) return nothing;
      let n = footnotes.indexOf(text) + 1;
      if (n === 0) n = footnotes.push(text);
      return html`<span class="visually-hidden">${msg(str`, Fußnote ${n}`, { id: 'table.footnote-ref' })}</span><sup aria-hidden="true">${n}</sup>`;
    };

    const body = rowKeys.map(
      (row) => html`<tr>
        <th scope="row">${label(row, byRegionRows)}</th>
        ${colKeys.map((col) => {
          const o = cell(row, col);
          return html`<td>${renderValue(store, o, selection.indicator)}${footnoteOf(o)}</td>`;
        })}
      </tr>`,
    );

    const symbols = [...new Set(selection.observations.map((o) => o.status).filter((s): s is string => !!s))];
    return html`<div class="scroll" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table">
          <caption id="caption">
            ${this.caption(store, selection)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${byRegionRows ? msg('Region', { id: 'table.region' }) : msg('Zeitraum', { id: 'table.period' })}</th>
              ${colKeys.map((col) => html`<th scope="col">${label(col, !byRegionRows)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${body}
          </tbody>
        </table>
      </div>
      ${symbols.length
        ? html`<p class="note-title">${msg('Zeichenerklärung', { id: 'table.legend' })}</p>
            <dl class="legend">
            ${symbols.map((s) => html`<div><dt>${s}</dt><dd>${store.statusInfo(s)?.label ?? ''}</dd></div>`)}
          </dl>`
        : nothing}
      ${footnotes.length
        ? html`<p class="note-title">${msg('Fußnoten', { id: 'table.footnotes' })}</p>
            <ol class="footnotes">
            ${footnotes.map((f) => html`<li>${f}</li>`)}
          </ol>`
        : nothing}
      ${renderSources(store.datasetsOf(selection.observations))}`;
  }

  private lookup(store: DataStore, s: Selection, region: string, period: string): StoredObservation | undefined {
    return store.get(s.indicator.id, region, period, Object.keys(s.breakdown).length ? s.breakdown : undefined);
  }

  /**
   * "Einwohner, weiblich (in Personen)": label, chosen non-total categories, unit; for a computed indicator
   * a line "berechnet aus: <formula>" under it (the caption names the table and its region).
   */
  private caption(store: DataStore, s: Selection): TemplateResult {
    const categories = Object.entries(s.breakdown)
      .filter(([d, c]) => store.dimensions.get(d)?.total !== c)
      .map(([d, c]) => localize(store.dimensions.get(d)!.categories.find((x) => x.id === c)!.label));
    const title = this.heading || [localize(s.indicator.label), ...categories].join(', ');
    return html`${title} <span class="unit">(${msg(str`in ${localizeUnit(s.indicator.unit)}`, { id: 'table.unit' })})</span>${renderComputedNote(s.indicator)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'indikator-tabelle': IndikatorTabelle;
  }
}
