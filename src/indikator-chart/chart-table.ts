/**
 * The chart's data-table alternative: categories as rows, series as
 * columns, every cell the value of the data with its status symbol, so the
 * table says exactly what the canvas draws (and what it cannot: gaps). A
 * computed indicator's caption (the caller's) carries "berechnet aus: …".
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderTableFrame } from '../base/figure-view.js';
import { renderValue } from '../base/value-view.js';
import type { DataStore } from '../data/data-store.js';
import type { ChartModel } from './chart-model.js';

function cornerLabel(model: ChartModel): string {
  if (model.categoryKind === 'period') return msg('Zeitraum', { id: 'table.period' });
  if (model.categoryKind === 'region') return msg('Region', { id: 'table.region' });
  return msg('Gruppe', { id: 'chart.table.group' });
}

export function renderChartTable(store: DataStore, model: ChartModel, caption: TemplateResult): TemplateResult {
  const omitted = model.omitted;
  return html`${renderTableFrame(
      caption,
      html`<th scope="col">${cornerLabel(model)}</th>
        ${model.series.map((s) => html`<th scope="col">${s.label}</th>`)}`,
      html`<tbody>
          ${model.categories.map(
            (c, i) => html`<tr>
              <th scope="row">${c.label}</th>
              ${model.series.map((s) => html`<td>${renderValue(store, s.points[i]!.observation, model.indicator)}</td>`)}
            </tr>`,
          )}
        </tbody>
        ${omitted.length
          ? html`<tbody class="omitted">
              <tr>
                <th scope="rowgroup" colspan="2">${msg('Ohne Zahlenwert in diesem Zeitraum (nicht im Diagramm):', { id: 'chart.table.omitted' })}</th>
              </tr>
              ${omitted.map(
                (o) => html`<tr>
                  <th scope="row">${o.region.name}</th>
                  <td>${renderValue(store, o.observation, model.indicator)}</td>
                </tr>`,
              )}
            </tbody>`
          : nothing}`,
    )}
  ${model.mode !== 'absolute'
    ? html`<p class="table-note">
        ${model.indicator.computed
          ? // A computed indicator's values are not official: the caption says what they are computed from.
            msg('Die Tabelle zeigt die Werte, aus denen das Diagramm berechnet ist.', { id: 'chart.table.values' })
          : msg('Die Tabelle zeigt die amtlichen Werte, aus denen das Diagramm berechnet ist.', { id: 'chart.table.official' })}
      </p>`
    : nothing}`;
}
