import { msg, str } from '@lit/localize';
import type { Chart } from 'chart.js';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { renderComputedNote } from '../base/computed-view.js';
import { KdElement } from '../base/kd-element.js';
import { renderAnnouncement, renderCaption, renderInteractiveArea, renderSymbolLegend, renderTooltip, statusSymbolsOf } from '../base/figure-view.js';
import { isNearViewport, watchViewport } from '../base/near-viewport.js';
import { placeTooltip } from '../base/place-tooltip.js';
import { renderSources, sourceLines } from '../base/source-view.js';
import { spokenValue } from '../base/value-view.js';
import { DataError } from '../data/data-error.js';
import type { DataStore } from '../data/data-store.js';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.js';
import { withLocale } from '../i18n/locale.js';
import { computedNote } from '../i18n/computed.js';
import { localize, localizeUnit } from '../i18n/text.js';
import { csvHref, download, observationsCsv } from '../base/downloads.js';
import { chartPng, fileName } from './chart-export.js';
import { nextFocus, type FocusPoint } from './chart-keyboard.js';
import { buildChartModel, chartType, type ChartAttributes, type ChartModel } from './chart-model.js';
import { summarize } from './chart-summary.js';
import { renderChartTable } from './chart-table.js';
import { DASHES, MARKERS, readTheme, type ChartTheme } from './chart-theme.js';
import { chartStyles } from './indikator-chart.styles.js';
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import type { CatalogueSupport } from '../data/catalogue-loader.js';

type Runtime = typeof import('./chart-runtime.js');
/** Chart.js is fetched once per page, the first time a chart is on it. */
let runtime: Promise<Runtime> | undefined;
const loadRuntime = () => (runtime ??= import('./chart-runtime.js'));


/**
 * An official indicator as a chart: over time (line, column), as a ranking
 * of regions (bar), as shares (stacked) or as an age pyramid. The canvas is
 * never the only content: a caption, a generated text summary, a data table
 * (toggle), keyboard navigation with spoken values, and the source, reference
 * date and licence lines are part of every chart.
 *
 * @tagname indikator-chart
 * @fires kd-render - After every complete render, once the chart is drawn. `detail: { element }`.
 * @fires kd-error - When data cannot be shown. `detail: { kind, problems }`.
 * @fires kd-region-select - When a reader selects a region (click or Enter on a bar or line). `detail: { key, name }`.
 * @csspart figure - The `<figure>` around everything.
 * @csspart title - The caption: title, unit, period.
 * @csspart summary - The generated text summary.
 * @csspart legend - The series legend.
 * @csspart plot - The focusable chart area (canvas and tooltip).
 * @csspart tooltip - The tooltip on hover and keyboard focus.
 * @csspart table - The data table (table view, and in print).
 * @csspart actions - The buttons: table toggle, CSV, PNG.
 * @csspart symbols - The explanation of status symbols.
 * @csspart source - Source, reference date, attribution and licence lines.
 * @cssprop --kd-chart-height - Height of the plot area (default 20rem).
 * @cssprop --kd-color-series-1 - Colour of the first series (up to --kd-color-series-8).
 * @cssprop --kd-color-highlight - Colour of the highlighted bar in a ranking.
 * @cssprop --kd-color-reference - Colour of reference (comparison) bars.
 * @cssprop --kd-color-sequence-start - First colour of the ramp for ordered parts (age groups in "stacked"); default a dark purple.
 * @cssprop --kd-color-sequence-middle - Middle colour of that ramp; default a teal.
 * @cssprop --kd-color-sequence-end - Last colour of that ramp; default a light yellow.
 * @cssprop --kd-color-grid - Grid line colour.
 * @cssprop --kd-color-text - Text colour.
 * @cssprop --kd-color-muted - Colour of secondary text.
 * @cssprop --kd-color-background - Background of the element.
 * @cssprop --kd-color-focus - Focus ring colour.
 * @cssprop --kd-font-family - Font of the element and the chart.
 * @cssprop --kd-min-height - Height reserved while loading.
 */
export class IndikatorChart extends KdElement {
  static override styles = [...KdElement.styles, ...chartStyles];

  /** Chart type: "line" (over time), "bar" (ranking of regions), "column", "stacked" (shares) or "pyramid" (age and sex). */
  @property({ reflect: true }) type: 'line' | 'bar' | 'column' | 'stacked' | 'pyramid' = 'line';

  /** Indicator id; may be left out when the data has exactly one indicator. */
  @property({ reflect: true }) indicator?: string;

  /** Region key(s) (AGS/ARS), separated by spaces. For `bar`: one region ranks its sub-regions (or itself among its neighbours). */
  @property({ reflect: true }) region?: string;

  /** Reference regions: "parent" (nearest larger region with data), "ancestors" (all of them) and/or region keys. */
  @property({ reflect: true }) compare?: string;

  /** One period (rankings, pyramids, stacked regions); default: the latest with values. */
  @property({ reflect: true }) period?: string;

  /** First period shown (inclusive). */
  @property({ reflect: true }) from?: string;

  /** Last period shown (inclusive). */
  @property({ reflect: true }) to?: string;

  /**
   * "absolute" (official values), "index" (base period = 100) or "share" (stacked, the default there).
   * Unset: line and column charts of counts switch to an index when the regions differ in size fivefold.
   */
  @property({ reflect: true }) mode?: 'absolute' | 'index' | 'share';

  /** Base period of the index; default: the first period in which every series has a value. */
  @property({ reflect: true }) base?: string;

  /** Categories of breakdown dimensions, e.g. "geschlecht=weiblich"; default: each dimension's total. */
  @property({ reflect: true }) breakdown?: string;

  /** The breakdown dimension split into parts (stacked) or age groups (pyramid); default: the indicator's last. */
  @property({ reflect: true }) dimension?: string;

  /** Region key marked in a ranking. */
  @property({ reflect: true }) highlight?: string;

  /** Title; default: the indicator's label from the data. */
  @property({ reflect: true }) heading?: string;

  /** Follows `kd-region-select` events on the page (from maps, pickers, other charts). */
  @property({ type: Boolean, reflect: true }) linked = false;

  @state() private tableView = false;
  @state() private announcement = '';
  @state() private tooltip: { x: number; y: number; text: string } | undefined;
  @state() private linkNote = '';

  @query('canvas') private canvas?: HTMLCanvasElement;
  @query('.plot') private plot?: HTMLElement;
  @query('.probe') private probe?: HTMLElement;

  private chart: Chart | undefined;
  private model: ChartModel | undefined;
  private modelKey = '';
  private drawnModel: ChartModel | undefined;
  /** Model, theme and media state the current chart was drawn with. */
  private chartKey = '';
  private drawnTheme: ChartTheme | undefined;
  private store: DataStore | undefined;
  private focusPoint: FocusPoint | undefined;
  private nearViewport = false;
  private renderPending = false;
  private mediaVersion = 0;
  private readonly media = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)'].map((q) => matchMedia(q));
  private viewportObserver: IntersectionObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadRuntime().catch(() => undefined); // in parallel with the data; failures surface when drawing
    this.viewportObserver = watchViewport(this, () => {
      this.nearViewport = true;
      this.requestUpdate();
    });
    for (const m of this.media) m.addEventListener('change', this.onMediaChange);
    document.addEventListener('kd-region-select', this.onRegionSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.viewportObserver?.disconnect();
    for (const m of this.media) m.removeEventListener('change', this.onMediaChange);
    document.removeEventListener('kd-region-select', this.onRegionSelect);
    this.destroyChart();
    this.nearViewport = false;
  }

  private onMediaChange = (): void => {
    this.mediaVersion++;
    this.requestUpdate();
  };

  /** Linked charts follow a region chosen elsewhere on the page: rankings highlight it, others show it. */
  private onRegionSelect = (event: Event): void => {
    if (!this.linked || event.composedPath().includes(this)) return;
    const detail = (event as CustomEvent<{ key?: unknown; name?: unknown }>).detail;
    const key = typeof detail?.key === 'string' ? detail.key : '';
    if (!key) return;
    const known = this.store?.regions.has(key) && this.store.regionsWithData(this.model?.indicator.id ?? this.indicator ?? '').includes(key);
    if (this.store && !known) {
      const name = typeof detail.name === 'string' ? detail.name : key;
      this.linkNote = withLocale(this.locale, () =>
        msg(str`Für „${name}“ enthält dieses Diagramm keine Daten; es zeigt weiter die bisherige Auswahl.`, { id: 'chart.link-unknown' }),
      );
      return;
    }
    this.linkNote = '';
    if (this.type === 'bar') this.highlight = key;
    else this.region = key;
  };

  protected override renderPlaceholder(): TemplateResult {
    return html`<div class="placeholder chart-placeholder" part="placeholder" role="status">${this.loadingText()}</div>`;
  }

  /** The model is rebuilt only when what it depends on changes, so focus and toggles never redraw the chart. */
  private currentModel(store: DataStore): ChartModel {
    const attrs: ChartAttributes = {
      type: chartType(this.type),
      indicator: this.indicator,
      region: this.region,
      compare: this.compare,
      period: this.period,
      from: this.from,
      to: this.to,
      mode: this.mode,
      base: this.base,
      breakdown: this.breakdown,
      dimension: this.dimension,
      highlight: this.highlight,
    };
    const key = JSON.stringify([attrs, this.locale]);
    if (this.model && this.store === store && this.modelKey === key) return this.model;
    const model = buildChartModel(store, attrs);
    this.model = model;
    this.store = store;
    this.modelKey = key;
    this.focusPoint = undefined;
    this.tooltip = undefined;
    return model;
  }

  /** With a catalogue as `src`: the files this view needs (see catalogue-views.ts). */
  protected override catalogueSelection({ catalogue }: LoadedCatalogue, support: CatalogueSupport): CatalogueSelection {
    return support.chartSelection(catalogue, { indicator: this.indicator, region: this.region, compare: this.compare, type: this.type });
  }

  protected override renderData(store: DataStore): TemplateResult {
    const model = this.currentModel(store);
    const title = this.heading || [localize(model.indicator.label), ...model.breakdownLabels].join(', ');
    const subtitle = this.subtitle(model);
    const summary = summarize(store, model);
    const symbols = statusSymbolsOf(model.observations);
    const showTable = this.tableView;
    return html`<figure part="figure" aria-labelledby="title">
      ${renderCaption(title, subtitle, summary.join(' '), this.linkNote)}
      <div class="chart-view" ?hidden=${showTable}>
        ${this.renderLegend(model)}
        ${renderInteractiveArea(
          {
            class: 'plot',
            roleDescription: msg('Diagramm', { id: 'chart.roledescription' }),
            label: title,
            onKeyDown: this.onKeyDown,
            onBlur: this.onBlur,
          },
          html`<canvas aria-hidden="true"></canvas>${renderTooltip(this.tooltip)}`,
        )}
        <p id="keys" class="visually-hidden">
          ${msg('Mit den Pfeiltasten einzelne Werte ansagen lassen, Pos1 und Ende springen zum ersten und letzten Wert, Escape verlässt das Diagramm.', {
            id: 'chart.keys',
          })}
        </p>
      </div>
      <div class="table-view" ?hidden=${!showTable}>${renderChartTable(store, model, html`${title} <span class="unit">(${this.tableUnit(model)})</span>${renderComputedNote(model.indicator)}`)}</div>
      ${renderAnnouncement(this.announcement)}
      <div class="actions" part="actions">
        <button type="button" aria-pressed=${showTable ? 'true' : 'false'} @click=${this.toggleTable}>
          ${showTable ? msg('Diagramm anzeigen', { id: 'chart.show-chart' }) : msg('Tabelle anzeigen', { id: 'chart.show-table' })}
        </button>
        <button type="button" @click=${this.downloadCsv}>${msg('Daten herunterladen (CSV)', { id: 'chart.download-csv' })}</button>
        <button type="button" ?disabled=${showTable} @click=${this.downloadPng}>${msg('Bild speichern (PNG)', { id: 'chart.download-png' })}</button>
      </div>
      ${renderSymbolLegend(store, symbols)}
      ${renderSources(store.datasetsOf(model.observations))}
      <span class="probe" aria-hidden="true"></span>
    </figure>`;
  }

  /**
   * "Einheit: Anzahl · 31.12.2015", "Index (31.12.2008 = 100), berechnet aus: Anzahl · 2008 – 2015, jeweils 31.12.";
   * a computed indicator's formula follows the unit: "Einheit: EUR · berechnet aus: … · 2020".
   */
  private subtitle(model: ChartModel): string {
    const unit = localizeUnit(model.indicator.unit);
    const parts: string[] = [];
    if (model.mode === 'index') {
      parts.push(msg(str`Index (${formatPeriod(model.basePeriod!)} = 100), berechnet aus: ${unit}`, { id: 'chart.unit-index' }));
    } else if (model.mode === 'share') {
      parts.push(msg(str`Anteile in %, berechnet aus: ${unit}`, { id: 'chart.unit-share' }));
    } else {
      parts.push(msg(str`Einheit: ${unit}`, { id: 'chart.unit' }));
    }
    const computed = computedNote(model.indicator);
    if (computed) parts.push(computed);
    if (model.period) parts.push(formatPeriod(model.period));
    else if (model.categoryKind === 'period' && model.categories.length > 1) {
      const first = model.categories[0]!;
      const last = model.categories.at(-1)!;
      if (model.sameDay) {
        const day = formatPeriod(`2000-${model.sameDay}`).slice(0, -4); // "31.12." / "31 Dec "
        parts.push(msg(str`${first.tick} – ${last.tick}, jeweils ${day.trim()}`, { id: 'chart.period-range-day' }));
      } else parts.push(`${first.label} – ${last.label}`);
    }
    return parts.join(' · ');
  }

  private tableUnit(model: ChartModel): string {
    return msg(str`in ${localizeUnit(model.indicator.unit)}`, { id: 'table.unit' });
  }

  /** Series legend with the same dash and marker as on the canvas. Rankings explain highlight and reference bars. */
  private renderLegend(model: ChartModel): TemplateResult | typeof nothing {
    if (model.categoryKind === 'region' && model.type !== 'stacked') {
      const items: TemplateResult[] = [];
      if (model.highlight && model.categories.some((c) => c.region?.key === model.highlight)) {
        const name = model.categories.find((c) => c.region?.key === model.highlight)!.label;
        items.push(html`<li><span class="swatch highlight" data-highlight></span>${msg(str`hervorgehoben: ${name}`, { id: 'chart.legend-highlight' })}</li>`);
      }
      if (model.categories.some((c) => c.reference)) {
        items.push(html`<li><span class="swatch reference"></span>${msg('schraffiert: Vergleichsregion', { id: 'chart.legend-reference' })}</li>`);
      }
      return items.length ? html`<ul class="legend" part="legend">${items}</ul>` : nothing;
    }
    if (model.series.length < 2) return nothing;
    const line = model.type === 'line';
    return html`<ul class="legend" part="legend">
      ${model.series.map(
        (s, i) => html`<li>
          <svg class="key" viewBox="0 0 28 12" aria-hidden="true" data-series=${i}>
            ${line
              ? svg`<line x1="1" y1="6" x2="27" y2="6" stroke-width=${s.reference ? 2 : 3} stroke-dasharray=${DASHES[i % DASHES.length]!.join(' ') || nothing}></line>${marker(MARKERS[i % MARKERS.length]!)}`
              : svg`<rect x="4" y="1" width="20" height="10"></rect>`}
          </svg>
          ${s.label}${s.reference ? html` <span class="muted">(${msg('Vergleich', { id: 'chart.legend-compare' })})</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    placeTooltip(this.renderRoot, this.tooltip);
    if (this.loadState.status !== 'ready' || !this.model || !this.canvas) return;
    // Measured now rather than waiting a frame for the IntersectionObserver's first report.
    this.nearViewport ||= isNearViewport(this);
    if (!this.nearViewport) return;
    const key = `${this.modelKey}|${this.theme}|${this.mediaVersion}`;
    if (this.chart && this.drawnModel === this.model && this.chart.canvas === this.canvas && this.chartKey === key) {
      this.colorLegend();
      return;
    }
    this.chartKey = key;
    void this.draw(this.model);
  }

  /** Creates the Chart.js chart for a model (replacing the previous one). */
  private async draw(model: ChartModel): Promise<void> {
    let rt: Runtime;
    try {
      rt = await loadRuntime();
    } catch (cause) {
      runtime = undefined; // try again next time
      this.loadState = { status: 'error', error: new DataError('network', { source: 'chart-runtime.js', cause }) };
      return;
    }
    if (model !== this.model || !this.canvas || !this.isConnected) return;
    this.destroyChart();
    const theme = (this.drawnTheme = readTheme(this, this.probe ?? this));
    const locale = this.locale;
    try {
      this.chart = new rt.Chart(
        this.canvas,
        rt.chartConfig(model, theme, {
          intlLocale: locale === 'en' ? 'en-GB' : 'de-DE',
          reducedMotion: this.media[2]!.matches,
          focus: () => this.focusPoint,
          focusColor: getComputedStyle(this).getPropertyValue('--_kd-focus').trim() || theme.highlight,
          onHover: (d, i) => this.showTooltip({ datasetIndex: d, index: i }, false),
          onLeave: () => this.focusPoint || (this.tooltip = undefined),
          onClick: (d, i) => this.selectRegion({ datasetIndex: d, index: i }),
          onDrawn: () => {
            if (this.renderPending && model === this.model) {
              this.renderPending = false;
              this.dispatchRendered();
            }
          },
        }),
      );
      this.drawnModel = model;
      this.colorLegend();
    } catch (cause) {
      console.error('[kreisdossier] <indikator-chart>: drawing failed', cause);
      this.loadState = { status: 'error', error: new DataError('schema', { source: 'chart', cause }) };
    }
  }

  /** Legend keys take the resolved canvas colours (theme, forced colours). */
  private colorLegend(): void {
    const theme = this.drawnTheme;
    if (!theme || !this.model) return;
    this.renderRoot.querySelector<HTMLElement>('[data-highlight]')?.style.setProperty('--key-color', theme.highlight);
    this.renderRoot.querySelectorAll<SVGElement>('svg.key').forEach((key) => {
      const i = Number(key.dataset['series']);
      const color = this.model!.type === 'stacked' ? theme.sequence(i, this.model!.series.length) : theme.series(i, this.model!.series.length);
      key.style.setProperty('--key-color', color);
    });
  }

  private destroyChart(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.drawnModel = undefined;
  }

  /** kd-render waits for the canvas: a render counts as complete once the chart is drawn. */
  protected override dataRendered(): void {
    if (this.chart && this.drawnModel === this.model) this.dispatchRendered();
    else this.renderPending = true;
  }

  private toggleTable = (): void => {
    this.tableView = !this.tableView;
  };

  private downloadCsv = (): void => {
    if (!this.model || !this.store) return;
    withLocale(this.locale, () => download(csvHref(observationsCsv(this.store!, this.model!.observations)), fileName(this.model!, 'csv')));
  };

  private downloadPng = (): void => {
    const model = this.model;
    const theme = this.drawnTheme;
    if (!model || !this.store || !this.canvas || !theme) return;
    withLocale(this.locale, () => {
      const url = chartPng(this.canvas!, {
        title: this.heading || [localize(model.indicator.label), ...model.breakdownLabels].join(', '),
        subtitle: this.subtitle(model),
        footer: sourceLines(this.store!.datasetsOf(model.observations)),
        font: theme.font,
        text: theme.text,
        muted: theme.muted,
        background: theme.background,
      });
      download(url, fileName(model, 'png'));
    });
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    const model = this.model;
    if (!model) return;
    if (event.key === 'Escape') {
      this.clearFocus();
      this.plot?.blur();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.focusPoint) {
      event.preventDefault();
      this.selectRegion(this.focusPoint);
      return;
    }
    const next = nextFocus(model, this.focusPoint, event.key);
    if (!next || next === this.focusPoint) return;
    event.preventDefault(); // arrow keys move through the chart, not the page
    this.focusPoint = next;
    this.showTooltip(next, true);
  };

  private onBlur = (): void => {
    this.clearFocus();
  };

  private clearFocus(): void {
    this.focusPoint = undefined;
    this.tooltip = undefined;
    if (this.chart) {
      this.chart.setActiveElements([]);
      this.chart.update('none');
    }
  }

  /** Tooltip (and, from the keyboard, the live-region announcement) for one point. */
  private showTooltip(p: FocusPoint, announce: boolean): void {
    const text = withLocale(this.locale, () => this.describePoint(p));
    const el = this.chart?.getDatasetMeta(p.datasetIndex).data[p.index] as unknown as { x: number; y: number } | undefined;
    if (this.chart && el) {
      this.chart.setActiveElements(Number.isFinite(el.y) ? [p] : []);
      this.chart.update('none');
      const area = this.chart.chartArea;
      this.tooltip = { x: Number.isFinite(el.x) ? el.x : (area.left + area.right) / 2, y: Number.isFinite(el.y) ? el.y : (area.top + area.bottom) / 2, text };
    }
    if (announce) this.announcement = text;
  }

  /** "Harz, Landkreis, 31.12.2012: 223.094" — what a sighted reader reads off the point. */
  describePoint(p: FocusPoint): string {
    const model = this.model!;
    const series = model.series[p.datasetIndex]!;
    const category = model.categories[p.index]!;
    const point = series.points[p.index]!;
    const o = point.observation;
    // Region first where regions are the categories (rankings, stacked regions), else series first.
    const where = model.categoryKind === 'region' ? `${category.label}, ${series.label}` : `${series.label}, ${category.label}`;
    if (!o) return `${where}: ${msg('nicht in den Daten', { id: 'value.absent' })}`;
    const derived = o.value !== null && point.value !== null;
    const index = derived && model.mode === 'index' ? ` (${msg(str`Index ${formatNumber(point.value!, 1)}`, { id: 'chart.point-index' })})` : '';
    // A share is said first, the official count in brackets, then the status meaning: "12,0 % (1.234 p) (vorläufige Zahl)".
    if (derived && model.mode === 'share') return `${where}: ${formatPercent(point.value!, 1)} (${spokenValue(this.store!, o, model.indicator, ')')}`;
    return `${where}: ${spokenValue(this.store!, o, model.indicator, index)}`;
  }

  /** Click or Enter on a region's bar or line tells linked elements on the page. */
  private selectRegion(p: FocusPoint): void {
    const model = this.model;
    if (!model) return;
    const region = model.categoryKind === 'region' ? model.categories[p.index]?.region : model.series[p.datasetIndex]?.region;
    if (!region) return;
    this.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: region.key, name: region.name } }));
  }
}

/** The legend's marker, drawn like Chart.js draws the series' point style. */
function marker(style: (typeof MARKERS)[number]) {
  switch (style) {
    case 'rect':
      return svg`<rect x="10.5" y="2.5" width="7" height="7"></rect>`;
    case 'triangle':
      return svg`<polygon points="14,1.5 18.5,10 9.5,10"></polygon>`;
    case 'rectRot':
      return svg`<polygon points="14,1 19,6 14,11 9,6"></polygon>`;
    case 'crossRot':
      return svg`<path d="M10.5 2.5 17.5 9.5 M17.5 2.5 10.5 9.5" stroke-width="2"></path>`;
    case 'star':
      return svg`<path d="M14 1.5v9 M9.5 6h9 M10.8 2.8l6.4 6.4 M17.2 2.8l-6.4 6.4" stroke-width="1.5"></path>`;
    default:
      return svg`<circle cx="14" cy="6" r="3.5"></circle>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'indikator-chart': IndikatorChart;
  }
}
