/**
 * The map's data table: every region with its official value (status symbols
 * explained), its class, sortable by name, value or class — and the regions
 * the boundaries lack, so nothing in the data goes unshown.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderTableFrame } from '../base/figure-view.js';
import { renderValue } from '../base/value-view.js';
import type { DataStore } from '../data/data-store.js';
import type { MapModel, MapRegion } from './map-model.js';

export type SortKey = 'name' | 'value';
export interface SortState {
  key: SortKey;
  descending: boolean;
}

function compare(sort: SortState) {
  return (a: MapRegion, b: MapRegion): number => {
    let d: number;
    if (sort.key === 'name') d = a.name.localeCompare(b.name, 'de');
    else {
      // regions without a value go last in either direction
      const av = a.observation?.value ?? null;
      const bv = b.observation?.value ?? null;
      if (av === null || bv === null) return av === bv ? a.name.localeCompare(b.name, 'de') : av === null ? 1 : -1;
      d = av - bv;
    }
    return sort.descending ? -d : d;
  };
}

export function renderMapTable(
  store: DataStore,
  model: MapModel,
  caption: TemplateResult,
  sort: SortState,
  onSort: (key: SortKey) => void,
): TemplateResult {
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return html`<th scope="col" aria-sort=${active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" @click=${() => onSort(key)}>
        ${label}<span aria-hidden="true">${active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>`;
  };
  const k = model.classes.ranges.length;
  const rows = [...model.regions].sort(compare(sort));
  return renderTableFrame(
    caption,
    html`${header('name', msg('Gebiet', { id: 'map.table.region' }))} ${header('value', msg('Wert', { id: 'map.table.value' }))}
      <th scope="col">${msg('Klasse', { id: 'map.table.class' })}</th>`,
    html`<tbody>
        ${rows.map(
          (r) => html`<tr>
            <th scope="row">${r.name}</th>
            <td>${renderValue(store, r.observation, model.indicator)}</td>
            <td>${r.classIndex >= 0 ? msg(str`${r.classIndex + 1} von ${k}`, { id: 'map.class-of' }) : msg('keine Daten', { id: 'map.no-data' })}</td>
          </tr>`,
        )}
      </tbody>
      ${model.withoutGeometry.length
        ? html`<tbody class="omitted">
            <tr>
              <th scope="rowgroup" colspan="3">${msg('Nicht auf der Karte (keine Gebietsgrenze):', { id: 'map.table.without-geometry' })}</th>
            </tr>
            ${model.withoutGeometry.map(
              (r) => html`<tr>
                <th scope="row">${r.region.name}</th>
                <td>${renderValue(store, r.observation, model.indicator)}</td>
                <td></td>
              </tr>`,
            )}
          </tbody>`
        : nothing}`,
  );
}
