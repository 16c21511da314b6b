import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { renderComputedNote } from '../base/computed-view.js';
import { KdElement } from '../base/kd-element.js';
import { renderAnnouncement, renderCaption, renderInteractiveArea, renderSymbolLegend, renderTooltip, statusSymbolsOf } from '../base/figure-view.js';
import { isNearViewport, watchViewport } from '../base/near-viewport.js';
import { placeTooltip } from '../base/place-tooltip.js';
import { renderGeometrySource, renderSources } from '../base/source-view.js';
import { resolveColor } from '../base/resolve-color.js';
import { defaultColor } from '../base/theme.js';
import { spokenValue } from '../base/value-view.js';
import { DataError } from '../data/data-error.js';
import { words } from '../data/selection.js';
import { problem } from '../format/problem.js';
import type { DataStore } from '../data/data-store.js';
import { loadGeometry, prefetchGeometry, type RegionFeature } from '../data/load-geometry.js';
import { formatPeriod } from '../i18n/format.js';
import { withLocale } from '../i18n/locale.js';
import { shortName } from '../i18n/region-name.js';
import { computedNote } from '../i18n/computed.js';
import { localize, localizeUnit } from '../i18n/text.js';
import { csvHref, download, fileNameOf, observationsCsv } from '../base/downloads.js';
import { buildMapModel, labelPoint, shownLevel, MAX_LABELS, type MapAttributes, type MapModel, type MapRegion } from './map-model.js';
import { loadMapLibre, webglAvailable } from './map-runtime.js';
import { bounds, featureCollection, fillColor, FILL_LAYER, FOCUS_LAYER, HATCH_IMAGE, hatchImage, HIGHLIGHT_LAYER, keyFilter, mapStyle, regionLayers, SOURCE, type MapColors } from './map-style.js';
import { rangeText, summarizeMap } from './map-summary.js';
import { renderMapTable, type SortKey, type SortState } from './map-table.js';
import { DEFAULT_MAPLIBRE_URL, DEFAULT_WORKER_URL } from './maplibre-url.js';
import { mapStyles } from './kreis-map.styles.js';
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import type { CatalogueSupport } from '../data/catalogue-loader.js';

/**
 * Tables up to this size are always in the DOM (hidden), so printing shows them; a nationwide
 * Gemeinde table (11 000 rows) is built only when asked for, to keep the first render fast.
 */
const ALWAYS_RENDERED_ROWS = 500;

type GeoState =
  | { status: 'idle' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url: string; features: RegionFeature[] }
  | { status: 'error'; url: string; error: DataError };

/**
 * A choropleth of official regions (Gemeinden of a Kreis, Kreise of a Land,
 * all of Germany) keyed by AGS, drawn with MapLibre GL JS — without basemap,
 * tiles, fonts or any request the page did not name. A legend with class
 * ranges, a text summary, a sortable data table, keyboard navigation with
 * spoken values and the source and licence lines of data and boundaries are
 * part of every map; without WebGL the table stands in for the map.
 *
 * @tagname kreis-map
 * @fires kd-render - After every complete render, once the map has drawn. `detail: { element }`.
 * @fires kd-error - When data or boundaries cannot be shown. `detail: { kind, problems }`.
 * @fires kd-region-select - When a reader selects a region (click or Enter). `detail: { key, name }`.
 * @csspart figure - The `<figure>` around everything.
 * @csspart title - Caption: title, unit, period.
 * @csspart summary - The generated text summary.
 * @csspart map - The focusable map area.
 * @csspart labels - Region name labels (small maps).
 * @csspart tooltip - The tooltip on hover and keyboard focus.
 * @csspart legend - Class legend.
 * @csspart symbols - The explanation of status symbols.
 * @csspart table - The data table.
 * @csspart actions - Table toggle and CSV download.
 * @csspart notice - The note shown when the map cannot be drawn (no WebGL).
 * @csspart source - Source, reference date, attribution and licence lines (data and boundaries).
 * @cssprop --kd-map-height - Height of the map (default clamp(16rem, 75vw, 28rem): 28rem, less on narrow screens).
 * @cssprop --kd-color-label - Colour of the region names on small maps (with a halo in --kd-color-surface).
 * @cssprop --kd-color-overlay - Background of the two-finger hint on touch screens.
 * @cssprop --kd-color-overlay-text - Text colour of that hint.
 * @cssprop --kd-color-no-data - Fill of regions without a value (hatched).
 * @cssprop --kd-color-outline - Region outlines.
 * @cssprop --kd-color-highlight - Outline of the highlighted region.
 * @cssprop --kd-color-focus - Outline of the keyboard-focused region and focus ring.
 * @cssprop --kd-font-family - Font of the element and the labels.
 */
export class KreisMap extends KdElement {
  static override styles = [...KdElement.styles, ...mapStyles];

  /** Default URL of maplibre-gl.mjs for every map on the page (its worker file is found beside it). */
  static mapLibreUrl = DEFAULT_MAPLIBRE_URL;

  /** Boundaries: URL of a GeoJSON or TopoJSON file; default: the geometry named in the data. */
  @property({ reflect: true }) geo?: string;

  /** Feature property with the region key. */
  @property({ attribute: 'key-property', reflect: true }) keyProperty?: string;

  /** Attribution line of the boundaries, e.g. "© GeoBasis-DE / BKG (2021)"; default: from the data's geometry reference. */
  @property({ attribute: 'geo-attribution', reflect: true }) geoAttribution?: string;

  /** Indicator id; may be left out when the data has exactly one indicator. */
  @property({ reflect: true }) indicator?: string;

  /** Period; default: the latest with values. */
  @property({ reflect: true }) period?: string;

  /** The region whose sub-regions are shown (e.g. "15085": the Gemeinden of Landkreis Harz); default: all in the boundaries. */
  @property({ reflect: true }) region?: string;

  /** Categories of breakdown dimensions, e.g. "geschlecht=weiblich". */
  @property({ reflect: true }) breakdown?: string;

  /** Region key outlined on the map. */
  @property({ reflect: true }) highlight?: string;

  /** Number of classes (1–9, default 5). */
  @property({ type: Number, reflect: true }) classes?: number;

  /** "quantile" (default), "equal", "jenks" (= "ckmeans") or "breaks". */
  @property({ reflect: true }) classification?: 'quantile' | 'equal' | 'jenks' | 'ckmeans' | 'breaks';

  /** Own class breaks, separated by spaces, e.g. "5 10 15" (implies classification="breaks"). */
  @property({ reflect: true }) breaks?: string;

  /** Colour scheme: blues (default), greens, oranges, purples, ylgnbu, ylorbr, viridis, cividis; diverging: puor, brbg, rdbu, prgn. */
  @property({ reflect: true }) scheme?: string;

  /** Title; default: the indicator's label. */
  @property({ reflect: true }) heading?: string;

  /** URL of a self-hosted MapLibre style drawn under the regions; default: none. */
  @property({ reflect: true }) basemap?: string;

  /** URL of maplibre-gl.mjs (default: the copy beside kreisdossier's files). */
  @property({ attribute: 'maplibre-url', reflect: true }) maplibreUrl?: string;

  /** URL of MapLibre's worker file (default: maplibre-gl-worker.mjs beside maplibre-gl.mjs). */
  @property({ attribute: 'worker-url', reflect: true }) workerUrl?: string;

  /** Follows `kd-region-select` events from other elements on the page (highlights that region). */
  @property({ type: Boolean, reflect: true }) linked = false;

  @state() private geoState: GeoState = { status: 'idle' };
  @state() private tableView = false;
  @state() private sort: SortState = { key: 'name', descending: false };
  @state() private announcement = '';
  @state() private tooltip: { x: number; y: number; text: string } | undefined;
  @state() private fallback: 'webgl' | 'maplibre' | undefined;
  @state() private linkNote = '';

  @query('.maplibre') private mapContainer?: HTMLElement;
  @query('.map') private mapArea?: HTMLElement;

  private map: MapLibreMap | undefined;
  private mapModel: MapModel | undefined;
  private model: MapModel | undefined;
  /** The model without a highlight, for the current data and attributes. */
  private baseModel: MapModel | undefined;
  private modelKey = '';
  private store: DataStore | undefined;
  private readonly summaries = new WeakMap<MapModel, { key: string; text: string }>();
  private features: RegionFeature[] | undefined;
  private focusIndex = -1;
  private renderPending = false;
  private nearViewport = false;
  private creating = false;
  private viewportObserver: IntersectionObserver | undefined;
  private readonly media = ['(prefers-reduced-motion: reduce)', '(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => matchMedia(q));

  override connectedCallback(): void {
    super.connectedCallback();
    // MapLibre and the boundaries load in parallel with the data, not after it.
    if (this.geo) prefetchGeometry(this.geo, this.timeout);
    // prewarm(): MapLibre's workers start now, not when the map is created after the data arrived.
    loadMapLibre(this.maplibreUrl ?? KreisMap.mapLibreUrl, this.workerFile()).then(
      (maplibre) => maplibre.prewarm(),
      () => undefined,
    );
    this.viewportObserver = watchViewport(this, () => {
      this.nearViewport = true;
      this.requestUpdate();
    });
    document.addEventListener('kd-region-select', this.onRegionSelect);
    for (const m of this.media) m.addEventListener('change', this.onMediaChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.viewportObserver?.disconnect();
    document.removeEventListener('kd-region-select', this.onRegionSelect);
    for (const m of this.media) m.removeEventListener('change', this.onMediaChange);
    this.removeMap();
    this.nearViewport = false;
  }

  private onMediaChange = (): void => {
    if (this.map && this.mapModel) this.applyColors();
  };

  private onRegionSelect = (event: Event): void => {
    if (!this.linked || event.composedPath().includes(this)) return;
    const detail = (event as CustomEvent<{ key?: unknown; name?: unknown }>).detail;
    const key = typeof detail?.key === 'string' ? detail.key : '';
    if (!key) return;
    if (this.model && !this.model.regions.some((r) => r.key === key)) {
      const name = typeof detail.name === 'string' ? detail.name : key;
      this.linkNote = withLocale(this.locale, () => msg(str`„${name}“ ist auf dieser Karte nicht enthalten.`, { id: 'map.link-unknown' }));
      return;
    }
    this.linkNote = '';
    this.highlight = key;
  };

  /** The data's geometry reference for the regions shown: with several (Kreise and Gemeinden), the one of their level. */
  private geometryRef(store: DataStore) {
    const refs = store.geometries;
    if (refs.length < 2) return refs[0];
    const level = shownLevel(store, this.indicator, words(this.region)[0]);
    return refs.find((r) => r.level === level) ?? refs.find((r) => !r.level) ?? refs[0];
  }

  /** The boundary file: the `geo` attribute, else the data's geometry reference. */
  private geoSource(store: DataStore) {
    const ref = this.geometryRef(store);
    if (this.geo) {
      const sameAsRef = ref && new URL(ref.url, new URL(ref.base, document.baseURI)).href === new URL(this.geo, document.baseURI).href;
      return {
        url: this.geo,
        keyProperty: this.keyProperty ?? (sameAsRef ? ref.keyProperty : 'ags'),
        object: sameAsRef ? ref.object : undefined,
        attribution: this.geoAttribution ?? (sameAsRef ? ref.attribution : undefined),
        license: sameAsRef ? ref.license : undefined,
      };
    }
    if (!ref) return undefined;
    const resolve = (r: typeof ref) => new URL(r.url, /^(data|inline)/.test(r.base) ? document.baseURI : new URL(r.base, document.baseURI).href).href;
    // A level split into several files (a catalogue's Gemeinden per Land): all of them, drawn as one map.
    const parts = store.geometries.filter((r) => r !== ref && r.level === ref.level && r.keyProperty === ref.keyProperty && r.object === ref.object).map(resolve);
    return { url: resolve(ref), parts, keyProperty: this.keyProperty ?? ref.keyProperty, object: ref.object, attribution: this.geoAttribution ?? ref.attribution, license: ref.license };
  }

  /** Loads again; a boundary file that failed is fetched again too (the retry button). */
  override reload(bypassHttpCache = false, keep = false): void {
    if (this.geoState?.status === 'error') this.geoState = { status: 'idle' };
    super.reload(bypassHttpCache, keep);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.loadState.status !== 'ready') return;
    const source = this.geoSource(this.loadState.store);
    if (!source) return;
    const urls = [new URL(source.url, document.baseURI).href, ...(('parts' in source && source.parts) || [])];
    const url = urls.join(' ') + `#${source.keyProperty}|${source.object ?? ''}`;
    if (this.geoState.status !== 'idle' && 'url' in this.geoState && this.geoState.url === url) return;
    this.geoState = { status: 'loading', url };
    const load = urls.length === 1 ? loadGeometry(source, this.timeout) : Promise.all(urls.map((u) => loadGeometry({ ...source, url: u }, this.timeout))).then((lists) => lists.flat());
    load
      .then((features) => {
        if (this.geoState.status === 'loading' && this.geoState.url === url) this.geoState = { status: 'ready', url, features };
      })
      .catch((error: unknown) => {
        if (this.geoState.status === 'loading' && this.geoState.url === url) {
          this.geoState = { status: 'error', url, error: error instanceof DataError ? error : new DataError('geometry', { source: source.url, cause: error }) };
        }
      });
  }

  /**
   * The model for the current attributes. A new `highlight` (a click with `linked`, a dossier switching
   * Gemeinden) only copies the model with the new highlight: regions, classes and the data MapLibre holds
   * stay, so `updateMap` merely moves the outline.
   */
  private currentModel(store: DataStore, features: RegionFeature[]): MapModel {
    const attrs: MapAttributes = {
      indicator: this.indicator,
      region: this.region,
      period: this.period,
      breakdown: this.breakdown,
      classes: this.classes,
      classification: this.classification,
      breaks: this.breaks,
      scheme: this.scheme,
    };
    const key = JSON.stringify([attrs, this.locale]);
    if (!this.baseModel || this.store !== store || this.features !== features || this.modelKey !== key) {
      this.baseModel = buildMapModel(store, features, attrs, this.geoState.status === 'ready' ? this.geoState.url.replace(/#.*$/, '') : '');
      this.store = store;
      this.features = features;
      this.modelKey = key;
      this.model = undefined;
      this.focusIndex = -1;
      this.tooltip = undefined;
    }
    const highlight = this.highlight || undefined;
    if (!this.model || this.model.highlight !== highlight) this.model = highlight ? { ...this.baseModel, highlight } : this.baseModel;
    return this.model;
  }

  /** Computed once per model (and language): a hover re-renders, it must not re-sort 11 000 regions. */
  private summaryOf(store: DataStore, model: MapModel): string {
    const key = `${this.locale}`;
    const cached = this.summaries.get(model);
    if (cached?.key === key) return cached.text;
    const text = summarizeMap(store, model).join(' ');
    this.summaries.set(model, { key, text });
    return text;
  }

  protected override renderPlaceholder(): TemplateResult {
    return html`<div class="placeholder map-placeholder" part="placeholder" role="status">${this.loadingText()}</div>`;
  }

  /** With a catalogue as `src`: the files this view needs (see catalogue-views.ts). */
  protected override catalogueSelection({ catalogue }: LoadedCatalogue, support: CatalogueSupport): CatalogueSelection {
    return support.mapSelection(catalogue, { indicator: this.indicator, region: this.region, highlight: this.highlight });
  }

  protected override renderData(store: DataStore): TemplateResult {
    const source = this.geoSource(store);
    if (!source) {
      // Neither a `geo` attribute nor a geometry reference in the data.
      const located = { ...problem('$.geometry', 'missing', { name: 'geometry' }), source: store.sources.join(' ') };
      throw new DataError('geometry', { source: located.source, value: this.keyProperty ?? 'ags', message: 'no geometry', problems: [located] });
    }
    if (this.geoState.status === 'error') throw this.geoState.error;
    if (this.geoState.status !== 'ready') return this.renderPlaceholder();
    const model = this.currentModel(store, this.geoState.features);
    const title = this.heading || localize(model.indicator.label);
    const unit = localizeUnit(model.indicator.unit);
    const computed = computedNote(model.indicator);
    const subtitle = [msg(str`Einheit: ${unit}`, { id: 'chart.unit' }), computed, formatPeriod(model.period)].filter(Boolean).join(' · ');
    const showTable = this.tableView || !!this.fallback;
    const symbols = statusSymbolsOf(model.observations);
    // The "keine Daten" class names the symbols that stand instead of a value, not qualifiers such as "p".
    const missingSymbols = statusSymbolsOf(model.observations.filter((o) => o.value === null));
    const noData = model.regions.filter((r) => r.classIndex < 0).length;
    return html`<figure part="figure" aria-labelledby="title">
      ${renderCaption(title, subtitle, this.summaryOf(store, model), this.linkNote)}
      ${this.fallback
        ? html`<p class="notice" part="notice" role="status">
            ${this.fallback === 'webgl'
              ? msg('Die Karte kann in diesem Browser nicht gezeichnet werden (WebGL ist nicht verfügbar). Alle Werte stehen in der Tabelle.', { id: 'map.no-webgl' })
              : msg('Die Kartenbibliothek konnte nicht geladen werden. Alle Werte stehen in der Tabelle.', { id: 'map.no-maplibre' })}
          </p>`
        : html`<div class="map-view" ?hidden=${showTable}>
            ${renderInteractiveArea(
              {
                class: 'map',
                roleDescription: msg('Karte', { id: 'map.roledescription' }),
                label: title,
                onKeyDown: this.onKeyDown,
                onBlur: this.clearFocus,
              },
              html`<div class="maplibre"></div>
              ${model.regions.length <= MAX_LABELS
                ? html`<div class="labels" part="labels" aria-hidden="true">
                    ${model.regions.map((r) => html`<span class="label" data-key=${r.key}>${shortName(r.name)}</span>`)}
                  </div>`
                : nothing}
              ${renderTooltip(this.tooltip)}`,
            )}
            <p id="keys" class="visually-hidden">
              ${msg('Mit den Pfeiltasten von Gebiet zu Gebiet gehen (alphabetisch), Pos1 und Ende springen zum ersten und letzten, Eingabe wählt das Gebiet, Escape verlässt die Karte.', {
                id: 'map.keys',
              })}
            </p>
          </div>`}
      <div class="legend" part="legend">
        <p class="legend-title">${msg(str`Klassen (${unit})`, { id: 'map.legend-title' })}${renderComputedNote(model.indicator)}</p>
        <ul>
          ${model.classes.ranges.map(
            (range, i) => html`<li>
              <span class="swatch" data-class=${i}></span>
              <span>${rangeText(range, model.indicator.decimals)}</span>
              <span class="muted">(${model.counts[i]})</span>
            </li>`,
          )}
          ${noData
            ? html`<li>
                <span class="swatch no-data"></span>
                <span>${msg('keine Daten', { id: 'map.no-data' })}${missingSymbols.length ? ` (${missingSymbols.join(' ')})` : ''}</span>
                <span class="muted">(${noData})</span>
              </li>`
            : nothing}
        </ul>
      </div>
      <div class="table-view" ?hidden=${!showTable}>
        ${showTable || model.regions.length <= ALWAYS_RENDERED_ROWS
          ? renderMapTable(store, model, html`${title} <span class="unit">(${unit}, ${formatPeriod(model.period)})</span>${renderComputedNote(model.indicator)}`, this.sort, this.sortBy)
          : nothing}
      </div>
      ${renderAnnouncement(this.announcement)}
      <div class="actions" part="actions">
        ${this.fallback
          ? nothing
          : html`<button type="button" aria-pressed=${showTable ? 'true' : 'false'} @click=${this.toggleTable}>
              ${showTable ? msg('Karte anzeigen', { id: 'map.show-map' }) : msg('Tabelle anzeigen', { id: 'chart.show-table' })}
            </button>`}
        <button type="button" @click=${this.downloadCsv}>${msg('Daten herunterladen (CSV)', { id: 'chart.download-csv' })}</button>
      </div>
      ${renderSymbolLegend(store, symbols)}
      ${renderSources(store.datasetsOf(model.observations))}
      ${renderGeometrySource(source)}
      <span class="probe" aria-hidden="true"></span>
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.colorLegend();
    placeTooltip(this.renderRoot, this.tooltip);
    if (this.loadState.status !== 'ready' || !this.model || this.fallback) return;
    if (!this.mapContainer) return;
    this.nearViewport ||= isNearViewport(this);
    if (!this.nearViewport) return;
    if (this.map && this.map.getContainer() !== this.mapContainer) this.removeMap(); // re-rendered container
    if (changed.has('theme')) this.applyColors(); // the colours come from the theme's custom properties
    if (!this.map && !this.creating) void this.createMap(this.model);
    else if (this.map && this.mapModel !== this.model && this.map.isStyleLoaded()) this.updateMap(this.model);
    this.positionLabels();
  }

  /** kd-render waits for the map: a render counts as complete once MapLibre is idle. */
  protected override dataRendered(): void {
    if (this.geoState.status !== 'ready') return;
    if (this.fallback || (this.map && this.mapModel === this.model && this.map.loaded())) this.dispatchRendered();
    else this.renderPending = true;
  }

  /** The worker: the page's, or the shipped one with the shipped MapLibre; else MapLibre finds it beside its file. */
  private workerFile(): string | undefined {
    if (this.workerUrl) return this.workerUrl;
    return (this.maplibreUrl ?? KreisMap.mapLibreUrl) === DEFAULT_MAPLIBRE_URL ? DEFAULT_WORKER_URL : undefined;
  }

  private colors(): MapColors {
    const style = getComputedStyle(this);
    const forced = this.media[2]!.matches;
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    const resolve = (value: string, fallback: string) => (probe ? resolveColor(probe, value || fallback) : fallback);
    const prop = (name: string) => style.getPropertyValue(name).trim();
    return {
      // thin borders in the background colour separate the classes without darkening dense areas
      outline: resolve(forced ? 'CanvasText' : prop('--kd-color-outline') || prop('--_kd-surface'), defaultColor('surface')),
      halo: resolve(forced ? 'Canvas' : prop('--_kd-surface'), defaultColor('surface')),
      highlight: resolve(forced ? 'CanvasText' : prop('--kd-color-highlight'), style.color || defaultColor('label')),
      focus: resolve(forced ? 'Highlight' : prop('--_kd-focus'), defaultColor('focus')),
      noData: resolve(prop('--kd-color-no-data') || prop('--_kd-placeholder'), defaultColor('placeholder')),
      hatch: resolve(prop('--_kd-muted'), defaultColor('muted')),
    };
  }

  private async createMap(model: MapModel): Promise<void> {
    if (!webglAvailable()) {
      this.fallback = 'webgl';
      return;
    }
    this.creating = true;
    let maplibre;
    try {
      maplibre = await loadMapLibre(this.maplibreUrl ?? KreisMap.mapLibreUrl, this.workerFile());
    } catch (cause) {
      console.warn('[kreisdossier] <kreis-map>: MapLibre could not be loaded', cause);
      this.creating = false;
      this.fallback = 'maplibre';
      return;
    }
    this.creating = false;
    const container = this.mapContainer;
    if (!container || !this.isConnected || model !== this.model || this.map) return;
    const colors = this.colors();
    const reduced = this.media[0]!.matches;
    try {
      const map = new maplibre.Map({
        container,
        style: this.basemap ?? mapStyle(model, colors),
        bounds: bounds(model),
        fitBoundsOptions: { padding: 12 },
        attributionControl: false, // the sources are written under the map
        cooperativeGestures: true, // scrolling the page never zooms the map by accident
        keyboard: false, // the element's own keyboard walk
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        fadeDuration: reduced ? 0 : 300,
        locale: this.mapLocale(),
      });
      this.map = map;
      this.mapModel = model;
      map.getCanvas().setAttribute('tabindex', '-1'); // one Tab stop: the element's map area
      map.getCanvas().setAttribute('aria-hidden', 'true');
      map.on('error', (e) => console.warn('[kreisdossier] <kreis-map>:', e.error?.message ?? e));
      // The hatching is made here, as pixels: no sprite file is fetched.
      map.setMissingStyleImageResolver((id) => {
        const hatch = id === HATCH_IMAGE ? hatchImage(colors.hatch, colors.noData) : undefined;
        if (hatch && !map.hasImage(id)) map.addImage(id, hatch);
      });
      map.on('load', () => {
        if (this.basemap) {
          map.addSource(SOURCE, { type: 'geojson', data: featureCollection(model) });
          for (const layer of regionLayers(model, colors)) map.addLayer(layer);
        }
      });
      map.on('render', () => this.positionLabels());
      map.on('idle', () => {
        // A model that came while the map was busy (updated() skips a map whose style or data is still
        // loading) is applied now; otherwise the map would keep showing the old one.
        if (this.map === map && this.model && this.mapModel !== this.model) {
          this.updateMap(this.model);
          return;
        }
        if (this.renderPending && this.mapModel === this.model) {
          this.renderPending = false;
          this.dispatchRendered();
        }
      });
      map.on('mousemove', FILL_LAYER, (e: MapLayerMouseEvent) => {
        const key = e.features?.[0]?.properties?.['_kdKey'] as string | undefined;
        const region = this.mapModel?.regions.find((r) => r.key === key);
        if (region) this.tooltip = { x: e.point.x, y: e.point.y, text: withLocale(this.locale, () => this.describe(region)) };
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', FILL_LAYER, () => {
        map.getCanvas().style.cursor = '';
        if (this.focusIndex < 0) this.tooltip = undefined;
      });
      map.on('click', FILL_LAYER, (e: MapLayerMouseEvent) => {
        const key = e.features?.[0]?.properties?.['_kdKey'] as string | undefined;
        const region = this.mapModel?.regions.find((r) => r.key === key);
        if (region) this.select(region);
      });
    } catch (cause) {
      console.warn('[kreisdossier] <kreis-map>: the map could not be drawn', cause);
      this.removeMap();
      this.fallback = 'webgl';
    }
  }

  /** A new model on an existing map: new data, colours, filters and view, without a new WebGL context. */
  private updateMap(model: MapModel): void {
    const map = this.map!;
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    const sameData = this.mapModel?.regions === model.regions; // only the highlight moved
    const changedRegions = this.mapModel?.regions.length !== model.regions.length || this.mapModel?.regions.some((r, i) => r.key !== model.regions[i]?.key);
    this.mapModel = model;
    if (!sameData) source.setData(featureCollection(model));
    this.applyColors();
    if (changedRegions) map.fitBounds(bounds(model), { padding: 12, animate: !this.media[0]!.matches });
    this.renderPending = true;
    map.triggerRepaint();
  }

  private applyColors(): void {
    const map = this.map;
    const model = this.mapModel;
    if (!map || !model || !map.getLayer(FILL_LAYER)) return;
    const colors = this.colors();
    map.setPaintProperty(FILL_LAYER, 'fill-color', fillColor(model, colors));
    map.setPaintProperty('kd-outline', 'line-color', colors.outline);
    map.setPaintProperty(HIGHLIGHT_LAYER, 'line-color', colors.highlight);
    map.setPaintProperty(FOCUS_LAYER, 'line-color', colors.focus);
    map.setPaintProperty(`${HIGHLIGHT_LAYER}-halo`, 'line-color', colors.halo);
    map.setPaintProperty(`${FOCUS_LAYER}-halo`, 'line-color', colors.halo);
    this.setKeyFilter(HIGHLIGHT_LAYER, model.highlight);
    this.setKeyFilter(FOCUS_LAYER, model.regions[this.focusIndex]?.key);
    // The "keine Daten" hatching is pixels made from the colours: made again for a new theme or colour scheme.
    const hatch = map.hasImage(HATCH_IMAGE) ? hatchImage(colors.hatch, colors.noData) : undefined;
    if (hatch) map.updateImage(HATCH_IMAGE, hatch);
  }

  /** A line layer and its halo follow one region. */
  private setKeyFilter(layer: string, key: string | undefined): void {
    if (!this.map?.getLayer(layer)) return;
    this.map.setFilter(layer, keyFilter(key));
    this.map.setFilter(`${layer}-halo`, keyFilter(key));
  }

  /** Legend swatches take the class colours (HTML, so they stay exact under forced colours too). */
  private colorLegend(): void {
    const model = this.model;
    if (!model) return;
    this.renderRoot.querySelectorAll<HTMLElement>('.swatch[data-class]').forEach((s) => {
      s.style.setProperty('--swatch', model.colors[Number(s.dataset['class'])] ?? 'transparent');
    });
  }

  /**
   * Name labels (small maps) follow the map; HTML text, so no glyphs are downloaded. Where two
   * labels would overlap, or one would be cut off at the edge, the smaller region's label is
   * hidden (its name stays in tooltip, announcement and table).
   */
  private positionLabels(): void {
    const map = this.map;
    const model = this.mapModel;
    if (!map || !model || model.regions.length > MAX_LABELS) return;
    const area = this.mapArea?.getBoundingClientRect();
    const labels = [...this.renderRoot.querySelectorAll<HTMLElement>('.label')];
    const regionOf = new Map(model.regions.map((r) => [r.key, r]));
    for (const label of labels) {
      const region = regionOf.get(label.dataset['key'] ?? '');
      if (!region?.labelPoint) continue;
      const p = map.project(region.labelPoint);
      label.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
    }
    const placed: DOMRect[] = [];
    labels
      .sort((a, b) => (regionOf.get(b.dataset['key'] ?? '')?.labelRoom ?? 0) - (regionOf.get(a.dataset['key'] ?? '')?.labelRoom ?? 0))
      .forEach((label) => {
        label.style.visibility = '';
        const r = label.getBoundingClientRect();
        const inside = !area || (r.left >= area.left && r.right <= area.right && r.top >= area.top && r.bottom <= area.bottom);
        const free = placed.every((q) => r.right < q.left || r.left > q.right || r.bottom < q.top || r.top > q.bottom);
        if (inside && free) placed.push(r);
        else label.style.visibility = 'hidden';
      });
  }

  private mapLocale(): Record<string, string> {
    return withLocale(this.locale, () => ({
      'CooperativeGesturesHandler.WindowsHelpText': msg('Zum Zoomen der Karte Strg und Mausrad verwenden', { id: 'map.gesture-windows' }),
      'CooperativeGesturesHandler.MacHelpText': msg('Zum Zoomen der Karte ⌘ und Mausrad verwenden', { id: 'map.gesture-mac' }),
      'CooperativeGesturesHandler.MobileHelpText': msg('Karte mit zwei Fingern bewegen', { id: 'map.gesture-mobile' }),
    }));
  }

  private removeMap(): void {
    this.map?.remove(); // frees the WebGL context
    this.map = undefined;
    this.mapModel = undefined;
  }

  /** "Wernigerode, Stadt: 33.108 (31.12.2015), Klasse 5 von 5". */
  private describe(region: MapRegion): string {
    const model = this.model!;
    const o = region.observation;
    const period = formatPeriod(model.period);
    if (!o) return msg(str`${region.name}: keine Daten (${period})`, { id: 'map.point-absent' });
    const value = spokenValue(this.store!, o, model.indicator);
    return region.classIndex >= 0
      ? msg(str`${region.name}: ${value} (${period}), Klasse ${region.classIndex + 1} von ${model.classes.ranges.length}`, { id: 'map.point' })
      : msg(str`${region.name}: ${value} (${period}), keine Klasse`, { id: 'map.point-no-class' });
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    const model = this.model;
    if (!model) return;
    const n = model.regions.length;
    let next = this.focusIndex;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(n - 1, this.focusIndex + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = this.focusIndex < 0 ? 0 : Math.max(0, this.focusIndex - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case 'Enter':
      case ' ':
        if (this.focusIndex >= 0) {
          event.preventDefault();
          this.select(model.regions[this.focusIndex]!);
        }
        return;
      case 'Escape':
        this.clearFocus();
        this.mapArea?.blur();
        return;
      default:
        return;
    }
    event.preventDefault(); // arrows walk the regions, not the page
    this.focusRegion(next);
  };

  private focusRegion(index: number): void {
    const model = this.model!;
    const region = model.regions[index]!;
    this.focusIndex = index;
    const text = withLocale(this.locale, () => this.describe(region));
    this.announcement = text;
    const map = this.map;
    this.setKeyFilter(FOCUS_LAYER, region.key);
    if (map) {
      region.labelPoint ??= labelPoint(region.feature);
      const p = map.project(region.labelPoint);
      this.tooltip = { x: p.x, y: p.y, text };
    }
  }

  private clearFocus = (): void => {
    this.focusIndex = -1;
    this.tooltip = undefined;
    this.setKeyFilter(FOCUS_LAYER, undefined);
  };

  private select(region: MapRegion): void {
    if (this.linked) this.highlight = region.key; // the map shows the selection it announces
    this.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: region.key, name: region.name } }));
  }

  private toggleTable = (): void => {
    this.tableView = !this.tableView;
  };

  private sortBy = (key: SortKey): void => {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key === 'value' };
  };

  private downloadCsv = (): void => {
    const model = this.model;
    if (!model || !this.store) return;
    withLocale(this.locale, () =>
      download(csvHref(observationsCsv(this.store!, model.observations)), fileNameOf([model.indicator.id, this.region, model.period], 'csv')),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kreis-map': KreisMap;
  }
}
