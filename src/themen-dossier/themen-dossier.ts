import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { attributes, type AttributeValues } from '../base/attributes-directive.js';
import { KdElement } from '../base/kd-element.js';
import { renderGeometrySource, renderSources } from '../base/source-view.js';
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import type { DataStore } from '../data/data-store.js';
import { loadDocument } from '../data/document-cache.js';
import { catalogueSupport, type CatalogueSupport } from '../data/catalogue-loader.js';
import { pause } from '../data/fetch-document.js';
import { unknownValue, words } from '../data/selection.js';
import { TOPICS } from '../format/vocabulary.js';
import type { Dataset, GeometryRef, KreisdossierDocument, Region, Topic } from '../format/types.js';
import { formatDate } from '../i18n/format.js';
import { levelName } from '../i18n/level-name.js';
import { withLocale } from '../i18n/locale.js';
import { accusative, proseName } from '../i18n/region-name.js';
import { computedNote } from '../i18n/computed.js';
import { capitalize } from '../i18n/prose.js';
import { localize } from '../i18n/text.js';
import { ancestorsOf, buildDossierModel, indicatorsWithData, offeredRegions, type DossierModel, type SectionIndicator, type SectionModel, type TopicModel } from './dossier-model.js';
import { introSentences } from './dossier-text.js';
import { headingTag, renderKeyFigure } from './key-figure-view.js';
import { dossierStyles } from './themen-dossier.styles.js';
import { ALL_TOPICS, parseTopic, TOPIC_SLUGS, topicLabel, topicNeeds } from './topics.js';
import { hashFor, readHash, type ViewState } from './url-state.js';

/** Sections in the first render; then SECTIONS_PER_TASK more per task. */
const FIRST_SECTIONS = 2;
const SECTIONS_PER_TASK = 3;

/**
 * Attributes a section's `options` may not set: the dossier owns the data and the region; and no URL of
 * code, boundaries or a basemap comes from data (`maplibre-url` is imported as a script module).
 */
const OWNED_ATTRIBUTES = new Set(['src', 'lang', 'theme', 'linked', 'region', 'indicator', 'highlight', 'geo', 'basemap', 'maplibre-url', 'worker-url']);

/** Only attributes the composed element declares pass; data can never set `onclick` or `style`. */
function allowedOptions(tag: string, options: DossierOptions | undefined): AttributeValues {
  const declared = new Set((customElements.get(tag) as unknown as { observedAttributes?: string[] } | undefined)?.observedAttributes ?? []);
  return Object.fromEntries(Object.entries(options ?? {}).filter(([name]) => declared.has(name) && !OWNED_ATTRIBUTES.has(name)));
}
type DossierOptions = Record<string, string | number | boolean>;

/**
 * A whole topic page for one region: a header with the region and a generated
 * introduction, key-figure tiles (value, change over the last period and five
 * years, Land and Bund for comparison, rank in the Land — with arrows and
 * words that respect the indicator's polarity), the topic's charts and maps
 * (composed `<indikator-chart>`, `<kreis-map>`, `<indikator-tabelle>`), a
 * plain-language "Was bedeutet das?" per indicator, an in-page table of
 * contents and one list of every source and licence on the page.
 *
 * What is shown comes from the dossier definitions in the data
 * (`dossier.topics[].sections`; several files' sections are shown in `src`
 * order); a topic no definition describes gets key figures, a chart and a map
 * per indicator.
 *
 * `src` may name a catalogue (`katalog.json`, see docs/format.md#catalogue) instead of data files: then
 * the dossier fetches only the files of the region and topic shown — the region's own numbers, its Land's
 * and Deutschland's (a Gemeinde's Kreis's), those of its Gemeinden and of its Land's other Kreise for the maps
 * and rankings — and the files a new view adds when the reader switches; every Land, Kreis and Gemeinde of the
 * catalogue can be chosen in the picker. A topic without data says so, and what data it would need.
 *
 * Readers switch region with the built-in picker (`<region-auswahl>`), by
 * choosing a region in a map or ranking on the page, or — with `linked` —
 * anywhere on the page; with `hash`, region and topic live in the URL
 * (`#region=15085&topic=bevoelkerung`), so views can be shared and Back works.
 *
 * @tagname themen-dossier
 * @slot - Your own content after the last section (before the sources list).
 * @slot intro - Replaces the generated introduction.
 * @slot after-{section-id} - Your content at the end of a section, e.g. `<p slot="after-arbeitslosigkeit">…</p>`.
 * @fires kd-render - After every complete render with data. `detail: { element }`.
 * @fires kd-error - When data cannot be shown. `detail: { kind, problems }`.
 * @fires kd-region-select - When a reader chooses a region in the dossier's picker, a map or a ranking (sent by those elements, it leaves the dossier). `detail: { key, name }`.
 * @fires kd-dossier-change - When another region or topic is shown, also the first one. `detail: { region, topic }`: the region's key and the topic's slug (or "alle"), as shown — a defaulted topic included.
 * @csspart dossier - The `<article>` around everything.
 * @csspart header - Region name, introduction, picker and topic navigation.
 * @csspart topics - The topic navigation.
 * @csspart related - With a catalogue: links to similar Kreise (same type and size class in the Land) and neighbouring Kreise.
 * @csspart toc - The in-page table of contents.
 * @csspart section - One section of a topic.
 * @csspart tile - A key-figure tile.
 * @csspart value - The big number of a tile.
 * @csspart change - A change line of a tile (also `change-good`, `change-bad`, `change-neutral`).
 * @csspart explanation - A "Was bedeutet das?" box.
 * @csspart note - A note that the region has no numbers for something.
 * @csspart sources - The sources and licences list.
 * @cssprop --kd-color-good - Colour of a favourable change (default dark green; the text says it too).
 * @cssprop --kd-color-bad - Colour of an unfavourable change (default dark red; the text says it too).
 * @cssprop --kd-color-accent - Colour of the current topic and tile accents.
 * @cssprop --kd-dossier-columns - Minimum tile width (default 15rem).
 * @cssprop --kd-dossier-min-height - Height reserved while the data load and the sections arrive (default 100vh), so the page below does not jump.
 */
export class ThemenDossier extends KdElement {
  static override styles = [...KdElement.styles, dossierStyles];

  /** Key (AGS/ARS) of the Kreis or Gemeinde the page is about. */
  @property({ reflect: true }) region?: string;

  /** One of bevoelkerung, gesundheit-pflege, bildung, arbeitsmarkt-wirtschaft, soziale-lage, digitalisierung, strukturwandel (or the German topic name), or "alle"; default: the first topic with data. */
  @property({ reflect: true }) topic?: string;

  /** Reference regions, keys separated by spaces; default: the region's Land and Deutschland (and for a Gemeinde its Kreis). */
  @property({ reflect: true }) compare?: string;

  /** Readers can switch only to this region and those below it (a key prefix), e.g. "15085": the Kreis and its Gemeinden. */
  @property({ reflect: true }) within?: string;

  /** Section ids to show, in this order, separated by spaces; default: every section of the definition. */
  @property({ reflect: true }) sections?: string;

  /** Keeps region and topic in the URL hash (`#region=…&topic=…`): shareable views, and the Back button returns to the previous one. */
  @property({ type: Boolean, reflect: true }) hash = false;

  /** Follows `kd-region-select` events from other elements on the page (a map, a picker, a ranking). */
  @property({ type: Boolean, reflect: true }) linked = false;

  /** "full": region picker and topic navigation (default); "topics": topic navigation only; "none": neither. */
  @property({ reflect: true }) navigation: 'full' | 'topics' | 'none' = 'full';

  /** Level of the dossier's main heading (2–5, default 2); topics and sections follow below it. */
  @property({ type: Number, reflect: true, attribute: 'heading-level' }) headingLevel = 2;

  /** What the polite live region last said (region or topic switched). */
  @state() private announcement = '';

  private model: { key: string; store: DataStore; value: DossierModel } | undefined;
  private offered: { store: DataStore; within: string; regions: Region[]; keys: Pick<Set<string>, 'has'> } | undefined;
  private warned = new Set<string>();
  /** A section to scroll to once rendered (from the hash or the table of contents). */
  private pendingSection: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kd-region-select', this.onInnerSelect);
    document.addEventListener('kd-region-select', this.onPageSelect);
    window.addEventListener('hashchange', this.onHashChange);
    if (this.hash) this.applyHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kd-region-select', this.onInnerSelect);
    document.removeEventListener('kd-region-select', this.onPageSelect);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('hash') && this.hash && this.hasUpdated) this.applyHash();
    if (this.hashRegion && this.loadState.status === 'ready') {
      const key = this.hashRegion;
      this.hashRegion = undefined;
      if (this.mayShow(key)) this.region = key;
    }
  }

  /** `kd-render` once every section is on the page, not after each staged part. */
  protected override dataRendered(): void {
    if (this.shownSections >= this.totalSections) this.dispatchRendered();
  }

  /**
   * With a catalogue: the files of the region (or the one the URL hash is about to show) and topic. The
   * definition written for the region is read first: it says which indicators the page shows among the other
   * Kreise (maps, rankings, ranks), so only those are fetched for them.
   */
  protected override catalogueSelection(loaded: LoadedCatalogue, { dossierFor, dossierSelection, mayOffer }: CatalogueSupport): CatalogueSelection | Promise<CatalogueSelection> {
    const key = ((this.hashRegion && mayOffer(loaded.catalogue, this.hashRegion, this.within?.trim() ?? '') ? this.hashRegion : this.region) ?? '').trim();
    const select = (definition?: KreisdossierDocument) => dossierSelection(loaded, key, this.topic, words(this.compare), definition);
    const entry = key ? dossierFor(loaded.catalogue, key) : undefined;
    if (!entry) return select();
    const url = new URL(entry.url, loaded.url).href;
    const known = this.definitions.get(url);
    if (known) return select(known);
    // A definition that cannot be fetched is reported by the load that fetches it again.
    return loadDocument(url, this.timeout).then(
      (definition) => (this.definitions.set(url, definition), select(definition)),
      () => select(),
    );
  }
  /** Dossier definitions read for selections, by URL. */
  private readonly definitions = new Map<string, KreisdossierDocument>();

  private applyHash(): void {
    const state = readHash();
    // Before the data are in, the region waits for `willUpdate` to check it against `within`.
    if (state.region && this.loadState.status !== 'ready') this.hashRegion = state.region;
    else if (state.region && this.mayShow(state.region)) this.region = state.region;
    if (state.topic) this.topic = state.topic;
    if (state.section) this.pendingSection = state.section;
  }

  private onHashChange = (): void => {
    if (this.hash) this.applyHash();
  };

  /** A region chosen inside the dossier: the picker, a map, a ranking. */
  private onInnerSelect = (event: Event): void => {
    this.select(event);
  };

  /** With `linked`, a region chosen anywhere else on the page. */
  private onPageSelect = (event: Event): void => {
    if (this.linked && !event.composedPath().includes(this)) this.select(event);
  };

  private select(event: Event): void {
    const { key, name } = (event as CustomEvent<{ key?: unknown; name?: unknown }>).detail ?? {};
    if (typeof key === 'string' && key !== this.region && this.mayShow(key, typeof name === 'string' ? name : key)) this.navigate({ region: key });
  }

  /**
   * The one gate for every way a reader switches region (picker, map, ranking, page, URL hash): only regions
   * with current data and inside `within`. Anything else is said, not followed. Before the data are in,
   * the render decides (`resolveRegion`).
   */
  private mayShow(key: string, name = key): boolean {
    const s = this.loadState;
    // the regions of the data shown now, with the current `within` (the cache follows both)
    if (s.status !== 'ready' || this.offeredOf(s.store).keys.has(key)) return true;
    this.announcement = withLocale(this.locale, () => msg(str`Zu „${name}“ gibt es in diesem Dossier keine eigene Seite.`, { id: 'dossier.not-offered' }));
    return false;
  }

  /** Goes to another region or topic: through the URL hash (a history entry) when `hash` is set. */
  private navigate(change: ViewState): void {
    const next = { region: change.region ?? this.region, topic: change.topic ?? this.topic };
    if (this.hash) {
      const target = hashFor(next);
      if (target !== location.hash) location.hash = target;
    }
    this.region = next.region;
    this.topic = next.topic;
    this.pendingAnnouncement = true;
  }
  private pendingAnnouncement = false;
  /** A region from the URL hash that arrived before the data (checked against `within` once they are in). */
  private hashRegion: string | undefined;
  /** The view last told to the page with `kd-dossier-change`. */
  private dispatchedView: { region: string; topic: string } | undefined;

  /**
   * Sections rendered so far: the first ones at once, the rest a few per task
   * (a topic composes up to a dozen charts and maps; one long task would keep
   * the page from responding). Reset when another region or topic is shown.
   */
  @state() private shownSections = FIRST_SECTIONS;
  private totalSections = 0;
  private staging = false;
  private stagedModel: DossierModel | undefined;
  /** Sections left to render in the render in progress. */
  private sectionBudget = 0;

  private offeredOf(store: DataStore) {
    const within = this.within?.trim() ?? '';
    if (this.offered?.store !== store || this.offered.within !== within) {
      const catalogue = store.catalogue?.catalogue;
      if (catalogue) {
        const { mayOffer } = catalogueSupport();
        // Every Land, Kreis and Gemeinde of the catalogue, not only those of the files of this view.
        const regions = [...store.regions.values()].filter((r) => mayOffer(catalogue, r.key, within));
        const keys = { has: (key: string) => mayOffer(catalogue, key, within) };
        this.offered = { store, within, regions, keys };
      } else {
        const regions = offeredRegions(store).filter((r) => r.key.startsWith(within));
        this.offered = { store, within, regions, keys: new Set(regions.map((r) => r.key)) };
      }
    }
    return this.offered;
  }

  private resolveRegion(store: DataStore): Region {
    const region = this.region ? store.regions.get(this.region) : undefined;
    // With `within`, a region outside it (an edited URL, say) is as unknown as one the data lack.
    if (!region || (this.within && !this.offeredOf(store).keys.has(region.key))) {
      const offered = this.offeredOf(store).regions;
      throw unknownValue(store, 'unknown-region', this.region ?? '', 'region', offered.filter((r) => r.level === 'Kreis' || r.level === 'Gemeinde').map((r) => r.key).slice(0, 60));
    }
    return region;
  }

  private resolveCompare(store: DataStore, region: Region): Region[] {
    const keys = words(this.compare);
    const catalogue = store.catalogue?.catalogue;
    // From a catalogue, the parents follow from the key (a Gemeinde's Kreis, its Land, Deutschland), also for a region the files lack.
    if (!keys.length && catalogue) return catalogueSupport().ancestorKeys(catalogue, region.key).map((k) => store.regions.get(k)).filter((r): r is Region => !!r);
    if (!keys.length) return ancestorsOf(store, region);
    return keys.map((key) => {
      const found = store.regions.get(key);
      if (!found) throw unknownValue(store, 'unknown-region', key, 'compare', [...store.regions.keys()]);
      return found;
    });
  }

  /** The topic(s) to show: the attribute, else the first topic with numbers for the region. */
  private resolveTopics(store: DataStore, region: Region): readonly Topic[] {
    const parsed = parseTopic(this.topic);
    if (this.topic && !parsed) throw unknownValue(store, 'unknown-topic', this.topic, 'topic', [...Object.values(TOPIC_SLUGS), ALL_TOPICS]);
    if (parsed === ALL_TOPICS) return TOPICS;
    if (parsed) return [parsed];
    // From a catalogue, the topic its files were chosen for (the first the catalogue has numbers for), not a guess
    // from the files at hand, which hold that topic only.
    const catalogue = store.catalogue?.catalogue;
    if (catalogue) return catalogueSupport().viewTopics(catalogue, region.key, undefined);
    const first = TOPICS.find((t) => indicatorsWithData(store, t, region).length);
    return [first ?? TOPICS[0]!];
  }

  private modelOf(store: DataStore, region: Region, compare: Region[], topics: readonly Topic[]): DossierModel {
    const key = JSON.stringify([region.key, compare.map((c) => c.key), topics, this.sections ?? '', this.within ?? '']);
    if (this.model?.store === store && this.model.key === key) return this.model.value;
    const value = buildDossierModel(store, region, compare, topics, words(this.sections), this.offeredOf(store).keys);
    this.model = { key, store, value };
    this.warnMissing(value);
    return value;
  }

  /** A definition naming an indicator no file has: once per path, in the console, for the page author. */
  private warnMissing(model: DossierModel): void {
    for (const section of model.topics.flatMap((t) => t.sections)) {
      for (const m of section.missing) {
        const id = `${section.source}|${m.path}`;
        if (this.warned.has(id)) continue;
        this.warned.add(id);
        console.warn(`[kreisdossier] <themen-dossier>: ${section.source}: ${m.path}: indicator "${m.id}" is in none of the loaded files (${this.src ?? 'data'}).`);
      }
    }
  }

  protected override renderData(store: DataStore): TemplateResult {
    const region = this.resolveRegion(store);
    const compare = this.resolveCompare(store, region);
    const topics = this.resolveTopics(store, region);
    const model = this.modelOf(store, region, compare, topics);
    const level = Math.min(5, Math.max(2, Math.round(this.headingLevel) || 2));
    const single = model.topics.length === 1 ? model.topics[0]! : undefined;
    if (this.pendingAnnouncement) {
      this.pendingAnnouncement = false;
      this.announcement = msg(str`Angezeigt: ${proseName(region)}, ${single ? topicLabel(single.topic) : msg('alle Themen', { id: 'dossier.all-topics' })}`, { id: 'dossier.announce' });
    }
    const datasets = model.datasets;
    if (this.stagedModel !== model) {
      this.stagedModel = model;
      this.shownSections = FIRST_SECTIONS;
    }
    this.totalSections = model.topics.reduce((n, t) => n + (t.withData.length ? t.sections.length : 0), 0);
    this.sectionBudget = this.shownSections;
    const busy = this.shownSections < this.totalSections;

    return html`<article class="dossier" part="dossier" aria-labelledby="dossier-title" aria-busy=${busy ? 'true' : 'false'}>
      <header class="header" part="header">
        <p class="eyebrow">${this.eyebrow(store, region)}</p>
        ${headingTag(level, html`<span id="dossier-title">${single ? html`${topicLabel(single.topic)} <span class="in">– ${proseName(region)}</span>` : proseName(region)}</span>`, 'title')}
        <p class="meta">${this.metaLine(datasets.data)}</p>
        <slot name="intro">
          <p class="intro">
            ${single?.intro ? html`${localize(single.intro)} ` : nothing}${introSentences(store, model).join(' ')}
          </p>
        </slot>
        ${this.renderControls(store, region, topics)}
      </header>
      ${this.renderToc(model, level)}
      ${model.topics.map((t) => this.renderTopic(store, model, t, single ? level : level + 1, !single))}
      <slot></slot>
      ${this.renderSourceList(store, datasets, model, level)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </article>`;
  }

  /** "Landkreis · Sachsen-Anhalt · Regionalschlüssel 15085". */
  private eyebrow(store: DataStore, region: Region): string {
    const land = region.key.length > 2 && /^\d/.test(region.key) ? store.regions.get(region.key.slice(0, 2)) : undefined;
    const kreis = region.level === 'Gemeinde' ? store.regions.get(region.key.slice(0, 5)) : undefined;
    return [levelName(region.level), kreis ? proseName(kreis) : '', land ? proseName(land) : '', msg(str`Regionalschlüssel ${region.key}`, { id: 'dossier.key' })]
      .filter(Boolean)
      .join(' · ');
  }

  private metaLine(datasets: Dataset[]): string {
    const latest = datasets.map((d) => d.referenceDate).sort().at(-1);
    return latest ? msg(str`Datenstand: ${formatDate(latest)} (jüngste Veröffentlichung der verwendeten Statistiken)`, { id: 'dossier.reference-date' }) : '';
  }

  private renderControls(store: DataStore, region: Region, topics: readonly Topic[]): TemplateResult | typeof nothing {
    if (this.navigation === 'none') return nothing;
    const offered = this.offeredOf(store);
    const all = topics.length > 1;
    const current = all ? ALL_TOPICS : TOPIC_SLUGS[topics[0]!];
    const catalogue = store.catalogue;
    // From a catalogue only the topics shown are loaded: the others are judged by what the catalogue lists.
    const listed = catalogue ? catalogueSupport().topicsWithData(catalogue.catalogue, region.key) : undefined;
    const entries: Array<{ slug: string; label: string; empty: boolean }> = [
      ...TOPICS.map((t) => ({
        slug: TOPIC_SLUGS[t],
        label: topicLabel(t),
        empty: listed && !topics.includes(t) ? !listed.has(t) : indicatorsWithData(store, t, region).length === 0,
      })),
      { slug: ALL_TOPICS, label: msg('Alle Themen', { id: 'dossier.all-topics-nav' }), empty: false },
    ];
    return html`<div class="controls">
      ${this.navigation === 'full' && (catalogue || offered.regions.length > 1)
        ? html`<region-auswahl
            class="picker"
            .data=${catalogue ? undefined : store}
            src=${catalogue?.url ?? nothing}
            within=${(catalogue && this.within?.trim()) || nothing}
            level=${catalogue ? catalogueSupport().PAGE_LEVELS.join(' ') : nothing}
            regions=${catalogue ? nothing : offered.regions.map((r) => r.key).join(' ')}
            region=${offered.keys.has(region.key) ? region.key : nothing}
            heading=${msg('Region wählen', { id: 'dossier.picker' })}
            lang=${this.locale}
            theme=${this.theme ?? nothing}
          ></region-auswahl>`
        : nothing}
      <nav class="topics" part="topics" aria-label=${msg('Themen', { id: 'dossier.topics-nav' })}>
        <ul>
          ${entries.map((e) => {
            const label = html`${e.label}${e.empty ? html` <span class="empty-mark">(${msg('keine Daten', { id: 'dossier.no-data-mark' })})</span>` : nothing}`;
            const isCurrent = e.slug === current;
            return html`<li>
              ${this.hash
                ? html`<a href=${hashFor({ region: region.key, topic: e.slug })} aria-current=${isCurrent ? 'page' : nothing} @click=${() => (this.pendingAnnouncement = true)}>${label}</a>`
                : html`<button type="button" aria-pressed=${isCurrent ? 'true' : 'false'} @click=${() => this.navigate({ topic: e.slug })}>${label}</button>`}
            </li>`;
          })}
        </ul>
      </nav>
      ${this.navigation === 'full' && catalogue ? this.renderRelated(catalogue.catalogue, region, offered.keys) : nothing}
    </div>`;
  }

  /** Kreise to look at next: those of the same type and size in the Land, and the neighbours (from the catalogue). */
  private renderRelated(catalogue: LoadedCatalogue['catalogue'], region: Region, offered: Pick<Set<string>, 'has'>): TemplateResult | typeof nothing {
    const { similarRegions, neighbourRegions } = catalogueSupport();
    const similar = similarRegions(catalogue, region.key).filter((r) => offered.has(r.key)).slice(0, 8);
    const neighbours = neighbourRegions(catalogue, region.key).filter((r) => offered.has(r.key));
    if (!similar.length && !neighbours.length) return nothing;
    const link = (r: { key: string; name: string }) =>
      this.hash
        ? html`<a href=${hashFor({ region: r.key, topic: this.topic })} @click=${() => (this.pendingAnnouncement = true)}>${r.name}</a>`
        : html`<button type="button" class="link" @click=${() => this.navigate({ region: r.key })}>${r.name}</button>`;
    const list = (id: string, title: string, regions: readonly { key: string; name: string }[]) =>
      regions.length
        ? html`<p class="related-title" id=${id}>${title}</p>
            <ul class="related-list" aria-labelledby=${id}>
              ${regions.map((r) => html`<li>${link(r)}</li>`)}
            </ul>`
        : nothing;
    return html`<nav class="related" part="related" aria-label=${msg('Andere Kreise ansehen', { id: 'dossier.related' })}>
      ${list('related-similar', msg('Ähnliche Kreise im Land (gleicher Kreistyp, ähnlich viele Einwohner):', { id: 'dossier.similar' }), similar)}
      ${list('related-neighbours', msg('Nachbarkreise:', { id: 'dossier.neighbours' }), neighbours)}
    </nav>`;
  }

  private renderToc(model: DossierModel, level: number): TemplateResult | typeof nothing {
    // A topic without numbers for the region renders no sections: none to link to.
    const linked = (t: TopicModel) => (t.withData.length ? t.sections : []);
    const entries = model.topics.filter((t) => linked(t).length || model.topics.length > 1);
    if (!entries.some((t) => linked(t).length)) return nothing;
    const topic = viewTopic(model);
    const link = (t: TopicModel, s?: SectionModel) => {
      const id = s ? sectionDomId(t.topic, s.id) : topicDomId(t.topic);
      const href = this.hash ? hashFor({ region: model.region.key, topic, section: id }) : `#${id}`;
      return html`<a href=${href} @click=${(e: Event) => this.jump(e, id, href)}>${s ? localize(s.section.title) : topicLabel(t.topic)}</a>`;
    };
    const sourcesHref = this.hash ? hashFor({ region: model.region.key, topic, section: 'quellen' }) : '#quellen';
    const sourcesLink = html`<a href=${sourcesHref} @click=${(e: Event) => this.jump(e, 'quellen', sourcesHref)}>${msg('Quellen und Lizenzen', { id: 'dossier.sources' })}</a>`;
    return html`<nav class="toc" part="toc" aria-labelledby="toc-title">
      ${headingTag(level + 1, html`<span id="toc-title">${msg('Inhalt', { id: 'dossier.toc' })}</span>`, 'toc-title')}
      <ol>
        ${model.topics.length > 1
          ? entries.map((t) => html`<li>${link(t)}${linked(t).length ? html`<ol>${linked(t).map((s) => html`<li>${link(t, s)}</li>`)}</ol>` : nothing}</li>`)
          : linked(entries[0]!).map((s) => html`<li>${link(entries[0]!, s)}</li>`)}
        <li>${sourcesLink}</li>
      </ol>
    </nav>`;
  }

  /** In-page links cannot reach into a shadow root: scroll to and focus the heading ourselves. */
  private jump(event: Event, id: string, href: string): void {
    event.preventDefault();
    if (this.hash && href) history.replaceState(history.state, '', href);
    if (!this.renderRoot.querySelector(`#${CSS.escape(id)}`)) {
      // Not rendered yet (sections arrive a few per task): everything now, then scroll.
      this.pendingSection = id;
      this.shownSections = this.totalSections;
      return;
    }
    this.scrollToSection(id);
  }

  private scrollToSection(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!target) return;
    const heading = target.querySelector<HTMLElement>('.section-title, .topic-title') ?? target;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    heading.focus({ preventScroll: true });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const ready = this.loadState.status === 'ready' && this.stagedModel;
    if (ready && this.shownSections < this.totalSections && !this.staging) {
      this.staging = true;
      void pause().then(() => {
        this.staging = false;
        this.shownSections += SECTIONS_PER_TASK;
      });
    }
    if (this.pendingSection && ready && this.shownSections >= this.totalSections) {
      const id = this.pendingSection;
      this.pendingSection = undefined;
      this.scrollToSection(id);
    }
    // The view actually shown (a defaulted topic as its slug), once per change, only when it could be shown.
    const shown = this.loadState.status === 'ready' ? this.stagedModel : undefined;
    if (shown) {
      const view = { region: shown.region.key, topic: viewTopic(shown) };
      if (view.region !== this.dispatchedView?.region || view.topic !== this.dispatchedView.topic) {
        this.dispatchedView = view;
        this.dispatchEvent(new CustomEvent('kd-dossier-change', { bubbles: true, composed: true, detail: view }));
      }
    }
  }

  private renderTopic(store: DataStore, model: DossierModel, topic: TopicModel, level: number, withHeading: boolean): TemplateResult {
    const explained = new Set<string>();
    const id = topicDomId(topic.topic);
    const content = !topic.withData.length
      ? this.renderEmptyTopic(model, topic)
      : topic.sections.map((s) => (this.sectionBudget-- > 0 ? this.renderSection(store, model, topic, s, level + 1, explained) : nothing));
    return html`<section class="topic" id=${id} aria-labelledby=${withHeading ? `${id}-title` : 'dossier-title'}>
      ${withHeading
        ? html`${headingTag(level, html`<span id="${id}-title">${topic.title ? localize(topic.title) : topicLabel(topic.topic)}</span>`, 'topic-title')}
          ${topic.intro ? html`<p class="topic-intro">${localize(topic.intro)}</p>` : nothing}`
        : nothing}
      ${content}
    </section>`;
  }

  private renderEmptyTopic(model: DossierModel, topic: TopicModel): TemplateResult {
    const label = topicLabel(topic.topic);
    return html`<div class="empty-topic" part="note">
      <p>${msg(str`Zum Thema „${label}“ liegen für ${accusative(model.region)} in den geladenen Daten keine Zahlen vor.`, { id: 'dossier.topic-empty' })}</p>
      ${topic.ancestorWithData ? html`<p>${this.switchButton(topic.ancestorWithData)}</p>` : nothing}
      <p>${msg('Damit dieses Thema gefüllt werden kann, bräuchte es zum Beispiel:', { id: 'dossier.needs' })}</p>
      <ul>
        ${topicNeeds(topic.topic).map((need) => html`<li>${need}</li>`)}
      </ul>
    </div>`;
  }

  private switchButton(region: Region): TemplateResult {
    return html`<button type="button" class="switch" @click=${() => this.navigate({ region: region.key })}>
      ${msg(str`Zahlen für ${proseName(region)} ansehen`, { id: 'dossier.switch' })}
    </button>`;
  }

  private renderSection(store: DataStore, model: DossierModel, topic: TopicModel, section: SectionModel, level: number, explained: Set<string>): TemplateResult {
    const id = sectionDomId(topic.topic, section.id);
    // A computed indicator is explained even without an explanation of its own: what it is computed from.
    const explanations = section.indicators.filter((i) => (i.indicator.explanation || i.indicator.computed) && !explained.has(i.indicator.id) && (i.own || i.below));
    explanations.forEach((i) => explained.add(i.indicator.id));
    return html`<section class="section section-${section.section.element}" part="section" id=${id} aria-labelledby="${id}-title">
      ${headingTag(level, html`<span id="${id}-title">${localize(section.section.title)}</span>`, 'section-title')}
      ${section.section.text ? html`<p class="section-text">${localize(section.section.text)}</p>` : nothing}
      ${section.missing.map(
        (m) => html`<p class="missing" role="alert" part="note">
          ${msg(str`Dieser Abschnitt nennt den Indikator „${m.id}“, den keine der geladenen Dateien enthält.`, { id: 'dossier.missing-indicator' })}
        </p>`,
      )}
      ${this.renderSectionContent(store, model, section, level, id)}
      ${explanations.length
        ? html`<div class="explanation" part="explanation">
            ${headingTag(level + 1, msg('Was bedeutet das?', { id: 'dossier.explain' }), 'explanation-title')}
            ${explanations.map((i) => {
              const computed = computedNote(i.indicator);
              const explanation = localize(i.indicator.explanation);
              return html`<p>
                ${explanations.length > 1 ? html`<strong>${localize(i.indicator.label)}:</strong> ` : nothing}${explanation}${computed
                  ? html`${explanation ? ' ' : ''}<span class="computed">${capitalize(computed)}.</span>`
                  : nothing}
              </p>`;
            })}
          </div>`
        : nothing}
      <slot name="after-${section.id}"></slot>
    </section>`;
  }

  private renderSectionContent(store: DataStore, model: DossierModel, section: SectionModel, level: number, id: string): TemplateResult | TemplateResult[] | typeof nothing {
    const { element, options } = section.section;
    switch (element) {
      case 'text':
        return nothing;
      case 'figures':
        return html`<div class="tiles">
          ${section.indicators.map((i) => (i.figure ? renderKeyFigure(store, i.figure, level + 1, id) : this.renderNoData(model, i)))}
        </div>`;
      case 'chart':
        return section.indicators.map((i) => this.renderChart(store, model, i, options));
      case 'map':
        return section.indicators.map((i) => this.renderMap(store, model, i, options));
      case 'table':
        return section.indicators.map((i) => this.renderTable(store, model, i, options));
    }
  }

  private renderNoData(model: DossierModel, i: SectionIndicator): TemplateResult {
    return html`<p class="no-data" part="note">
      ${msg(str`Für ${accusative(model.region)} liegen zu „${localize(i.indicator.label)}“ keine Zahlen vor.`, { id: 'dossier.indicator-empty' })}
      ${i.ancestorWithData ? this.switchButton(i.ancestorWithData) : nothing}
    </p>`;
  }

  private common(i: SectionIndicator): AttributeValues {
    return { indicator: i.indicator.id, lang: this.locale, theme: this.theme };
  }

  private compareWithData(store: DataStore, model: DossierModel, i: SectionIndicator): string | undefined {
    const keys = model.compare.filter((c) => store.hasData(i.indicator.id, c.key)).map((c) => c.key);
    return keys.length ? keys.join(' ') : undefined;
  }

  private renderChart(store: DataStore, model: DossierModel, i: SectionIndicator, options: DossierOptions | undefined): TemplateResult {
    const passed = allowedOptions('indikator-chart', options);
    const type = String(passed['type'] ?? 'line');
    let attrs: AttributeValues;
    if (i.own) {
      attrs = { region: model.region.key, compare: type === 'pyramid' ? undefined : this.compareWithData(store, model, i), ...passed };
    } else if (i.below && type !== 'pyramid' && type !== 'stacked') {
      // The region has no total of its own, its sub-regions have numbers: their ranking.
      attrs = { ...passed, type: 'bar', region: model.region.key };
    } else {
      return this.renderNoData(model, i);
    }
    return html`<indikator-chart ${attributes({ ...this.common(i), ...attrs })} .data=${store}></indikator-chart>`;
  }

  private renderMap(store: DataStore, model: DossierModel, i: SectionIndicator, options: DossierOptions | undefined): TemplateResult {
    const passed = allowedOptions('kreis-map', options);
    const parent = model.region.parent ? store.regions.get(model.region.parent) : undefined;
    let attrs: AttributeValues | undefined;
    if (i.below) attrs = { region: model.region.key };
    else if (i.own && parent && store.childrenOf(parent.key).some((c) => c.key !== model.region.key && store.hasData(i.indicator.id, c.key))) {
      // No sub-regions with numbers: the region among its neighbours.
      attrs = { region: parent.key, highlight: model.region.key };
    }
    // Without boundaries the map says so itself ($.geometry is missing): "no numbers" would be untrue.
    if (!attrs) return this.renderNoData(model, i);
    return html`<kreis-map ${attributes({ ...this.common(i), ...passed, ...attrs })} .data=${store}></kreis-map>`;
  }

  private renderTable(store: DataStore, model: DossierModel, i: SectionIndicator, options: DossierOptions | undefined): TemplateResult {
    if (!i.own) return this.renderNoData(model, i);
    const compare = this.compareWithData(store, model, i);
    const attrs = { ...this.common(i), region: [model.region.key, compare].filter(Boolean).join(' '), ...allowedOptions('indikator-tabelle', options) };
    return html`<indikator-tabelle ${attributes(attrs)} .data=${store}></indikator-tabelle>`;
  }

  private renderSourceList(store: DataStore, datasets: DossierModel['datasets'], model: DossierModel, level: number): TemplateResult {
    const maps = model.topics.some((t) => t.sections.some((s) => s.section.element === 'map' && s.indicators.some((i) => i.own || i.below)));
    const geometries = maps ? uniqueGeometries(store.geometries) : [];
    return html`<section class="sources" part="sources" id="quellen" aria-labelledby="quellen-title">
      ${headingTag(level + 1, html`<span id="quellen-title">${msg('Quellen und Lizenzen', { id: 'dossier.sources' })}</span>`, 'section-title')}
      ${datasets.data.length
        ? html`<p>
              ${model.computed.length
                ? msg('Alle Zahlen auf dieser Seite stammen aus diesen Veröffentlichungen. Sie werden unverändert wiedergegeben, außer den folgenden, die aus ihnen berechnet sind:', {
                    id: 'dossier.sources-intro-computed',
                  })
                : msg('Alle Zahlen auf dieser Seite stammen aus diesen Veröffentlichungen; sie werden unverändert wiedergegeben.', { id: 'dossier.sources-intro' })}
            </p>
            ${model.computed.length
              ? html`<ul class="computed-list">
                  ${model.computed.map((i) => html`<li><strong>${localize(i.label)}</strong> – ${computedNote(i)}</li>`)}
                </ul>`
              : nothing}
            ${renderSources(datasets.data)}`
        : nothing}
      ${geometries.map(renderGeometrySource)}
      ${datasets.definitions.length
        ? html`<p class="definition-note">${msg('Auswahl der Themen und Erläuterungen:', { id: 'dossier.definition-source' })}</p>
            ${renderSources(datasets.definitions)}`
        : nothing}
    </section>`;
  }
}

function uniqueGeometries(refs: readonly GeometryRef[]): GeometryRef[] {
  const seen = new Set<string>();
  return refs.filter((g) => {
    const id = `${g.attribution}|${g.license?.id ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The `topic` value of what is shown: a slug, or "alle". */
function viewTopic(model: DossierModel): string {
  return model.topics.length === 1 ? TOPIC_SLUGS[model.topics[0]!.topic] : ALL_TOPICS;
}

function topicDomId(topic: Topic): string {
  return `thema-${TOPIC_SLUGS[topic]}`;
}

function sectionDomId(topic: Topic, section: string): string {
  return `${TOPIC_SLUGS[topic]}--${section}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'themen-dossier': ThemenDossier;
  }
}
