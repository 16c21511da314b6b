/**
 * The MapLibre style for a model: one GeoJSON source, class fills, a hatched
 * "keine Daten" layer, outlines, the highlighted and the keyboard-focused
 * region. No glyphs, sprites or tiles: nothing is fetched from anywhere.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { hatchTile } from '../base/hatch.js';
import type { MapModel } from './map-model.js';

export interface MapColors {
  outline: string;
  /** Under highlight and focus lines, so they show on the darkest and the lightest class alike. */
  halo: string;
  highlight: string;
  focus: string;
  noData: string;
  hatch: string;
}

export const SOURCE = 'kd-regions';
export const FILL_LAYER = 'kd-fill';
export const FOCUS_LAYER = 'kd-focus';
export const HIGHLIGHT_LAYER = 'kd-highlight';
export const HATCH_IMAGE = 'kd-hatch';

/** The shown features with their key and class as plain properties, for styling and querying. */
export function featureCollection(model: MapModel): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: model.regions.map((r) => ({
      type: 'Feature',
      geometry: r.feature.geometry,
      properties: { _kdKey: r.key, _kdClass: r.classIndex, name: r.name },
    })),
  };
}

/** Class colour by the feature's class index; the no-data colour otherwise. */
export function fillColor(model: MapModel, colors: MapColors): ExpressionSpecification {
  return ['match', ['get', '_kdClass'], ...model.colors.flatMap((c, i) => [i, c]), colors.noData] as unknown as ExpressionSpecification;
}

export function regionLayers(model: MapModel, colors: MapColors): LayerSpecification[] {
  const fill = fillColor(model, colors);
  const key = (k: string | undefined): ExpressionSpecification => ['==', ['get', '_kdKey'], k ?? ''];
  return [
    { id: FILL_LAYER, type: 'fill', source: SOURCE, paint: { 'fill-color': fill } },
    { id: 'kd-no-data', type: 'fill', source: SOURCE, filter: ['==', ['get', '_kdClass'], -1], paint: { 'fill-pattern': HATCH_IMAGE } },
    { id: 'kd-outline', type: 'line', source: SOURCE, paint: { 'line-color': colors.outline, 'line-width': model.regions.length > 500 ? 0.2 : 0.6 } },
    { id: `${HIGHLIGHT_LAYER}-halo`, type: 'line', source: SOURCE, filter: key(model.highlight), paint: { 'line-color': colors.halo, 'line-width': 6 } },
    { id: HIGHLIGHT_LAYER, type: 'line', source: SOURCE, filter: key(model.highlight), paint: { 'line-color': colors.highlight, 'line-width': 2.5 } },
    { id: `${FOCUS_LAYER}-halo`, type: 'line', source: SOURCE, filter: key(undefined), paint: { 'line-color': colors.halo, 'line-width': 7 } },
    { id: FOCUS_LAYER, type: 'line', source: SOURCE, filter: key(undefined), paint: { 'line-color': colors.focus, 'line-width': 3.5 } },
  ];
}

/** A style of its own (no basemap): transparent background, the region layers. */
export function mapStyle(model: MapModel, colors: MapColors): StyleSpecification {
  return {
    version: 8,
    sources: { [SOURCE]: { type: 'geojson', data: featureCollection(model) } },
    layers: regionLayers(model, colors),
  };
}

/** Filter that picks one region (focus, highlight). */
export function keyFilter(key: string | undefined): ExpressionSpecification {
  return ['==', ['get', '_kdKey'], key ?? ''];
}

/** Diagonal hatching for regions without a value, as pixels (no image request). */
export function hatchImage(line: string, background: string): ImageData | undefined {
  return hatchTile(line, background, 1.5)?.getImageData(0, 0, 8, 8);
}

/** Bounds [[west, south], [east, north]] of the shown regions. */
export function bounds(model: MapModel): [[number, number], [number, number]] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const r of model.regions) {
    const polygons = r.feature.geometry.type === 'Polygon' ? [r.feature.geometry.coordinates] : r.feature.geometry.coordinates;
    for (const ring of polygons.map((p) => p[0]!)) {
      for (const [x, y] of ring as Array<[number, number]>) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return [[w, s], [e, n]];
}
