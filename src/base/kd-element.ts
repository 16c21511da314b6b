/**
 * Base of every kreisdossier element: gets the data (src / inline JSON /
 * `data` property), shows a reserved-size placeholder while loading and an
 * accessible alert on any failure, renders in the element's language, and
 * never lets an exception reach the host page.
 */
import { msg } from '@lit/localize';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DataError } from '../data/data-error.js';
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import { catalogueSupport, type CatalogueSupport } from '../data/catalogue-loader.js';
import type { DataStore } from '../data/data-store.js';
import { forgetDocument } from '../data/document-cache.js';
import { DEFAULT_TIMEOUT_MS } from '../data/fetch-document.js';
import { loadData } from '../data/load-data.js';
import { loadValidator } from '../data/load-validator.js';
import { isLocaleLoaded, langOf, loadLocale, toLocale, withLocale, type Locale } from '../i18n/locale.js';
import { renderError, warnError } from './error-view.js';
import { sharedStyles } from './shared-styles.js';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; store: DataStore }
  | { status: 'error'; error: DataError };

/** Elements re-render when the page's language changes (one observer for all). */
const connected = new Set<KdElement>();
let langObserver: MutationObserver | undefined;
function watchPageLanguage(): void {
  langObserver ??= new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * @fires kd-render - After every complete render with data. `detail: { element }`.
 * @fires kd-error - When data cannot be shown. `detail: { kind, problems }`.
 * @csspart error - The alert shown when data cannot be shown.
 * @csspart retry - The retry button in the alert (network failures only).
 * @csspart placeholder - The box reserved while data loads.
 * @cssprop --kd-font-family - Font of the element (default: system-ui).
 * @cssprop --kd-font-family-mono - Font of codes and keys in messages (default: ui-monospace).
 * @cssprop --kd-font-size - Base font size (default: medium, the reader's default size).
 * @cssprop --kd-color-text - Text colour (default: inherited from the page).
 * @cssprop --kd-color-background - Background of the element (default: transparent).
 * @cssprop --kd-color-muted - Colour of secondary text and field borders.
 * @cssprop --kd-color-border - Colour of rules and borders.
 * @cssprop --kd-color-grid - Colour of grid lines and light rules.
 * @cssprop --kd-color-surface - Background of fields, buttons and popups.
 * @cssprop --kd-color-placeholder - Background of the box reserved while loading.
 * @cssprop --kd-color-link - Link colour.
 * @cssprop --kd-color-focus - Focus ring colour.
 * @cssprop --kd-color-error - Border colour of the error message.
 * @cssprop --kd-color-error-background - Background of the error message.
 * @cssprop --kd-color-row-hover - Background of a hovered table row.
 * @cssprop --kd-focus-width - Width of the focus ring (default 4px, as KERN).
 * @cssprop --kd-focus-offset - Gap between an element and its focus ring (default 2px).
 * @cssprop --kd-radius - Corner radius of boxes and buttons (default 0.25rem).
 * @cssprop --kd-space-xs - Smallest gap (default 0.25rem; KERN's spacing scale).
 * @cssprop --kd-space-s - Small gap (default 0.5rem).
 * @cssprop --kd-space-m - Default gap and padding (default 1rem).
 * @cssprop --kd-space-xl - Largest gap, between the dossier's blocks and sections (default 2rem).
 * @cssprop --kd-shadow - Shadow of tooltips and the picker's list.
 * @cssprop --kd-min-height - Height reserved while loading (the default fits each element: 12rem for a table, the plot or map height plus caption and summary for charts and maps).
 */
export abstract class KdElement extends LitElement {
  static override styles = [sharedStyles];

  /** URL of a kreisdossier JSON file, or several separated by spaces (combined). */
  @property({ reflect: true }) src?: string;

  /** Data as a JavaScript object (a document, an array of documents, or a `DataStore`); takes precedence over `src` and inline JSON. */
  @property({ attribute: false }) data?: unknown;

  /**
   * Milliseconds to wait for a data file before giving up (default 15000).
   * @type {number}
   */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT_MS;

  /** Language of the element ("de" or "en"); inherited from the nearest ancestor when not set. */
  @property({ reflect: true }) override lang!: string;

  /** Colour scheme: "light" (default), "dark", or "auto" (follows the visitor's `prefers-color-scheme`). */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  @state() protected loadState: LoadState = { status: 'loading' };

  /**
   * With a catalogue as `src`: the files for another view (region, topic …) are on their way. Until they are
   * in, the element keeps showing the last view (a half-filled new one would say "no numbers" for a moment).
   */
  @state() protected refreshing = false;
  /** The last content rendered with data, shown while `refreshing`. */
  private lastContent: TemplateResult | undefined;
  /** The catalogue the data came from, and the selection the current store holds. */
  private selected: { loaded: LoadedCatalogue; key: string } | undefined;

  /** Set by `render()`: whether the last render showed data (then `kd-render` fires). */
  private renderedData = false;
  /** Identity of the last error reported, so re-renders do not warn again. */
  private reportedError: string | undefined;
  private loadToken = 0;
  /** Inline JSON edited by a CMS reloads the data; other light-DOM content (a dossier's slots) does not. */
  private readonly childObserver = new MutationObserver((records) => {
    if (records.some(touchesInlineJson)) this.reload();
  });

  /** The language this element renders in. */
  get locale(): Locale {
    // The property first: during render() a new `lang` is not yet reflected to the attribute.
    return this.lang ? toLocale(this.lang) : langOf(this);
  }

  /** Renders the content once data is ready; throw a DataError for bad attributes. */
  protected abstract renderData(store: DataStore): TemplateResult;

  /**
   * With a catalogue as `src`: the files the current view needs. The default reads `indicator`, `region` and
   * `compare` (the regions' own numbers); elements showing more (a map's sub-regions, a dossier) override it.
   */
  protected catalogueSelection(loaded: LoadedCatalogue, support: CatalogueSupport): CatalogueSelection | Promise<CatalogueSelection> {
    return support.defaultSelection(loaded.catalogue, this as unknown as Partial<Record<'indicator' | 'region' | 'compare', string>>);
  }

  /** Whether the view while `refreshing` is the last content (default) or a normal render with the data at hand. */
  protected keepContentWhileRefreshing = true;

  /** Checks whether the current view needs other catalogue files, and fetches them if so (called on every property change). */
  protected checkSelection(): void {
    const selected = this.selected;
    if (!selected || this.loadState.status === 'loading') return;
    const support = catalogueSupport();
    let selection: CatalogueSelection | Promise<CatalogueSelection>;
    try {
      selection = this.catalogueSelection(selected.loaded, support);
    } catch {
      return; // a bad attribute: the render says what is wrong
    }
    if (!(selection instanceof Promise)) {
      if (support.selectionKey(selection) !== selected.key) this.reload(false, true);
      return;
    }
    // The selection needs a file first (a dossier's definition): the current view stays until it is known.
    const token = ++this.selectionToken;
    this.refreshing = true;
    selection.then(
      (s) => {
        if (token !== this.selectionToken || this.selected !== selected) return;
        if (support.selectionKey(s) !== selected.key) this.reload(false, true);
        else this.refreshing = false;
      },
      () => {
        // It could not be fetched: the load says why.
        if (token === this.selectionToken && this.selected === selected) this.reload(false, true);
      },
    );
  }
  private selectionToken = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchPageLanguage();
    this.childObserver.observe(this, { childList: true, characterData: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.childObserver.disconnect();
    this.loadToken++; // results arriving after removal are dropped
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('data') || changed.has('timeout')) this.reload();
    // Attributes and properties decide what a view shows; internal state (a hover, a staged render) does not.
    else if (this.selected && [...changed.keys()].some((k) => !(this.constructor as typeof LitElement).elementProperties.get(k)?.state)) this.checkSelection();
    // An element switched to English (its own or the page's lang) renders again once the texts are here.
    const locale = this.locale;
    if (!isLocaleLoaded(locale)) void loadLocale(locale).then(() => this.requestUpdate());
  }

  /**
   * Loads the data again (after a failure, or when the inline JSON changed). `keep`: the view changed and
   * needs other catalogue files; the current content stays until they are in.
   */
  reload(bypassHttpCache = false, keep = false): void {
    const token = ++this.loadToken;
    if (keep && this.loadState.status === 'ready') this.refreshing = true;
    else if (this.loadState.status !== 'loading') this.loadState = { status: 'loading' };
    if (!keep) this.selected = undefined;
    const inline = [...this.querySelectorAll(':scope > script[type="application/json"]')].map((s) => s.textContent ?? '');
    let selected: { loaded: LoadedCatalogue; key: string } | undefined;
    const select = async (loaded: LoadedCatalogue, support: CatalogueSupport): Promise<CatalogueSelection> => {
      const selection = await this.catalogueSelection(loaded, support);
      selected = { loaded, key: support.selectionKey(selection) };
      return selection;
    };
    // The language's texts load alongside the data, so an English element never flashes German.
    Promise.all([loadData({ data: this.data, src: this.src ?? null, inline, timeoutMs: this.timeout, reload: bypassHttpCache, select }), loadLocale(this.locale)])
      .then(([store]) => {
        if (token !== this.loadToken) return;
        this.selected = selected;
        this.refreshing = false;
        // One report per store: elements sharing one (a dossier's children, one file shown twice) do not repeat it.
        if (!reportedStores.has(store)) {
          reportedStores.add(store);
          for (const w of store.warnings) console.warn(`[kreisdossier] <${this.localName}>: ${w}`);
        }
        this.loadState = { status: 'ready', store };
      })
      .catch((error: unknown) =>
        // A failure may come before the texts: an English alert (and its console warning) must not start out German,
        // nor name a problem by its code because the validator (which brings the sentences) is still on its way.
        Promise.all([loadLocale(this.locale), loadValidator().catch(() => undefined)]).then(() => {
          if (token !== this.loadToken) return;
          this.refreshing = false;
          this.selected = undefined;
          this.loadState = { status: 'error', error: asDataError(error) };
        }),
      );
  }

  private retry = (): void => {
    for (const url of (this.src ?? '').split(/\s+/).filter(Boolean)) forgetDocument(url);
    this.reload(true);
  };

  protected override render(): TemplateResult {
    return withLocale(this.locale, () => {
      this.renderedData = false;
      const s = this.loadState;
      if (s.status === 'loading') return this.renderPlaceholder();
      if (s.status === 'ready' && this.refreshing && this.keepContentWhileRefreshing && this.lastContent) return this.lastContent;
      let error: DataError;
      if (s.status === 'error') error = s.error;
      else {
        try {
          const content = this.renderData(s.store);
          this.renderedData = true;
          this.lastContent = content;
          return content;
        } catch (e) {
          error = asDataError(e);
        }
      }
      this.lastContent = undefined;
      this.report(error);
      return renderError(error, this.timeout, this.retry);
    });
  }

  protected renderPlaceholder(): TemplateResult {
    return html`<div class="placeholder" part="placeholder" role="status">${this.loadingText()}</div>`;
  }

  /** "Daten werden geladen …" — said only once the element's language is here: an English page never hears it in German. */
  protected loadingText(): string {
    return isLocaleLoaded(this.locale) ? msg('Daten werden geladen …', { id: 'loading' }) : '';
  }

  /** Warns once per distinct error and tells the page. */
  private report(error: DataError): void {
    const identity = `${error.kind}|${error.source ?? ''}|${error.value ?? ''}|${error.problems.length}`;
    if (this.reportedError === identity) return;
    this.reportedError = identity;
    warnError(this.localName, error, this.timeout);
    this.dispatchEvent(new CustomEvent('kd-error', { bubbles: true, composed: true, detail: { kind: error.kind, problems: error.problems } }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.renderedData) {
      this.reportedError = undefined;
      this.dataRendered();
    }
  }

  /** Called after a render with data; elements that finish drawing later (canvas, map) override it. */
  protected dataRendered(): void {
    this.dispatchRendered();
  }

  /** Tells the page a complete render is on screen. */
  protected dispatchRendered(): void {
    this.dispatchEvent(new CustomEvent('kd-render', { bubbles: true, composed: true, detail: { element: this } }));
  }
}

const reportedStores = new WeakSet<DataStore>();

const isInlineJson = (node: Node): boolean => node instanceof HTMLScriptElement && node.type === 'application/json';

/** A mutation of (or inside) an inline `<script type="application/json">` child. */
function touchesInlineJson(record: MutationRecord): boolean {
  const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentNode;
  if (target && isInlineJson(target)) return true;
  return [...record.addedNodes, ...record.removedNodes].some(isInlineJson);
}

/** Anything thrown becomes a DataError; unexpected bugs are still shown, not thrown at the page. */
function asDataError(error: unknown): DataError {
  // Duck-typed: a rejection may come from another copy of the bundle sharing the document cache.
  if (error instanceof Error && error.name === 'DataError' && 'kind' in error) return error as DataError;
  console.error('[kreisdossier] unexpected error', error);
  return new DataError('schema', { cause: error, source: 'data' });
}
