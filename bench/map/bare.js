// The baseline for scripts/bench-map.js: the same map as a <kreis-map> page, drawn with MapLibre GL JS
// alone. Query parameters mirror the element's attributes (src, geo, indicator, period, region; the
// bench builds both pages' URLs from its MAPS). Same boundary file and data file, same features (the
// sub-regions of `region`, else all), same 5 quantile classes and ColorBrewer Blues colours, same map
// size, bounds and padding, a fill layer and an outline layer.
//
// MapLibre is imported from /dist/maplibre/ (the copy `npm run build` makes; its worker beside it) and
// fetched in parallel with the data and the boundaries. Bundled by scripts/bench-map.js with rollup
// (topojson-client, simple-statistics' quantile; MapLibre stays external).
import { quantileSorted } from 'simple-statistics';
import { feature } from 'topojson-client';

const MAPLIBRE = '/dist/maplibre/maplibre-gl.mjs';
// ColorBrewer Blues (src/generated/palette.ts): the scheme the element uses by default.
const BLUES = {
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};
const CLASSES = 5;
const NO_DATA = '#eeeeee';

const params = new URLSearchParams(location.search);
const param = (name) => params.get(name) || undefined;
const [maplibregl, doc, geo] = await Promise.all([
  import(/* @vite-ignore */ MAPLIBRE),
  fetch(param('src')).then((r) => r.json()),
  fetch(param('geo')).then((r) => r.json()),
]);

// Boundaries: TopoJSON (first object) or GeoJSON; the key is the `ags` property.
const all = geo.type === 'Topology' ? feature(geo, Object.values(geo.objects)[0]).features : geo.features;
const region = param('region');
const shown = all.filter((f) => f.geometry && (!region || (f.properties.ags.startsWith(region) && f.properties.ags !== region)));

// The value of each shown region: the indicator (the only one unless named), each dimension's total
// (or first) category, the period given or the latest with a value for a shown region.
const indicator = doc.indicators.find((i) => i.id === param('indicator')) ?? doc.indicators[0];
const breakdown = Object.fromEntries(
  (indicator.dimensions ?? []).map((id) => {
    const d = doc.dimensions.find((x) => x.id === id);
    return [id, d.total ?? d.categories[0].id];
  }),
);
const keys = new Set(shown.map((f) => f.properties.ags));
const rows = doc.observations.filter(
  (o) => o.indicator === indicator.id && keys.has(o.region) && typeof o.value === 'number' && Object.entries(breakdown).every(([d, c]) => o.breakdown?.[d] === c),
);
const period = param('period') ?? rows.map((o) => o.period).sort().at(-1);
const valueOf = new Map(rows.filter((o) => o.period === period).map((o) => [o.region, o.value]));

// Quantile classes as simple-statistics computes them; classes no value reaches are dropped.
const sorted = [...valueOf.values()].sort((a, b) => a - b);
const k = Math.min(CLASSES, new Set(sorted).size);
const cuts = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
const cutIndex = (v) => cuts.filter((c) => v >= c).length;
const used = [...new Set(sorted.map(cutIndex))].sort((a, b) => a - b);
const colors = BLUES[Math.max(3, used.length)] ?? BLUES[5];
const counts = used.map(() => 0);
const features = shown.map((f) => {
  const v = valueOf.get(f.properties.ags);
  const c = v === undefined ? -1 : used.indexOf(cutIndex(v));
  if (c >= 0) counts[c]++;
  return { type: 'Feature', geometry: f.geometry, properties: { key: f.properties.ags, c } };
});
window.__bench.classes = { counts, colors: colors.slice(0, used.length) };

// Bounds of the outer rings.
let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
for (const f of shown) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const [x, y] of polygons.flatMap((p) => p[0])) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
}

const map = new maplibregl.Map({
  container: document.querySelector('.map'),
  style: {
    version: 8,
    sources: { regions: { type: 'geojson', data: { type: 'FeatureCollection', features } } },
    layers: [
      { id: 'fill', type: 'fill', source: 'regions', paint: { 'fill-color': ['match', ['get', 'c'], ...colors.flatMap((c, i) => [i, c]), NO_DATA] } },
      { id: 'outline', type: 'line', source: 'regions', paint: { 'line-color': '#333333', 'line-width': features.length > 500 ? 0.3 : 0.8 } },
    ],
  },
  bounds: [[w, s], [e, n]],
  fitBoundsOptions: { padding: 12 },
  attributionControl: false,
  renderWorldCopies: false,
  fadeDuration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
});
map.once('idle', () => window.__benchRendered(map.getCanvas()));
map.on('mousemove', 'fill', (event) => event.features?.length && window.__benchAnswered());
