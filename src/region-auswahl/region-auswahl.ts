import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { KdElement } from '../base/kd-element.js';
import { DataError } from '../data/data-error.js';
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import type { DataStore } from '../data/data-store.js';
import type { CatalogueSupport } from '../data/catalogue-loader.js';
import { noValues, resolveIndicator, unknownValue, words } from '../data/selection.js';
import { problem } from '../format/problem.js';
import { REGION_LEVELS } from '../format/vocabulary.js';
import type { Region } from '../format/types.js';
import { formatNumber } from '../i18n/format.js';
import { levelName } from '../i18n/level-name.js';
import { search, searchIndex, type SearchEntry, type SearchResult } from './region-search.js';
import { regionAuswahlStyles } from './region-auswahl.styles.js';

/** At most this many options are shown; typing more narrows the list. */
export const MAX_OPTIONS = 50;

/** What the polite live region says about the options. */
function countMessage(result: SearchResult, shown: number): string {
  const total = result.total;
  if (total === 0) return msg('Keine Region gefunden', { id: 'picker.none' });
  if (total === 1) return msg('1 Region gefunden', { id: 'picker.count-one' });
  const n = formatNumber(total);
  if (shown < total) {
    return msg(str`${n} Regionen gefunden, die ersten ${formatNumber(shown)} werden angezeigt`, { id: 'picker.count-limited' });
  }
  return msg(str`${n} Regionen gefunden`, { id: 'picker.count' });
}

interface Candidates {
  store: DataStore;
  indicator: string | undefined;
  level: string | undefined;
  only: string | undefined;
  within: string | undefined;
  index: SearchEntry[];
  keys: Set<string>;
}

/**
 * A region picker: an accessible combobox (ARIA 1.2, editable with list
 * autocomplete) that searches the regions of the data by name or by key,
 * lists them grouped by level (Bund, Land, Kreis, Gemeinde …), and tells
 * linked elements on the page (`<indikator-chart linked>`,
 * `<kreis-map linked>`) which region was chosen.
 *
 * Keyboard: typing filters; Down/Up open the list and move through the
 * options, Alt+Down opens it; Enter chooses the active option; Escape
 * closes the list, a second Escape clears the text. Focus stays in the text
 * field throughout.
 *
 * @tagname region-auswahl
 * @fires kd-region-select - When a reader chooses a region. `detail: { key, name }`.
 * @csspart label - The visible `<label>` of the text field.
 * @csspart hint - The short usage hint under the label.
 * @csspart input - The text field (`role="combobox"`).
 * @csspart popup - The box under the text field holding the list.
 * @csspart listbox - The list of regions (`role="listbox"`).
 * @csspart group-label - The heading of a group of options (the level).
 * @csspart option - One region in the list.
 * @csspart active-option - The option with visual focus (in addition to `option`).
 * @csspart message - "No region found" and "more results" notes.
 * @cssprop --kd-font-family - Font of the element.
 * @cssprop --kd-color-text - Text colour.
 * @cssprop --kd-color-border - Border colour of the list (the text field uses --kd-color-muted, for 3:1 contrast).
 * @cssprop --kd-color-surface - Background of the text field and the list.
 * @cssprop --kd-color-focus - Focus ring and active option colour.
 * @cssprop --kd-picker-max-height - Maximum height of the list before it scrolls (default 18rem).
 */
export class RegionAuswahl extends KdElement {
  static override styles = [...KdElement.styles, regionAuswahlStyles];

  /** Key of the chosen region (AGS/ARS or "DG"); set when the reader chooses one. */
  @property({ reflect: true }) region?: string;

  /** Only regions with data for this indicator id; default: every region in the data. */
  @property({ reflect: true }) indicator?: string;

  /** Only these levels, separated by spaces, e.g. "Kreis Gemeinde" (Bund, Land, Regierungsbezirk, Kreis, Gemeindeverband, Gemeinde). */
  @property({ reflect: true }) level?: string;

  /** Only these regions, keys separated by spaces (e.g. the Kreise and Gemeinden a dossier has current data for). */
  @property({ reflect: true }) regions?: string;

  /** Only this region and those below it (a key prefix), e.g. "15085": the Kreis and its Gemeinden. */
  @property({ reflect: true }) within?: string;

  /** Label of the text field; default "Region wählen" ("Choose a region"). */
  @property({ reflect: true }) heading?: string;

  /** Follows `kd-region-select` events from other elements on the page (shows that region). */
  @property({ type: Boolean, reflect: true }) linked = false;

  /** Whether the list is shown. */
  @state() private open = false;
  /** Text the reader typed; `null`: the field shows the chosen region's name. */
  @state() private typed: string | null = null;
  /** Index (in the shown options) of the option with visual focus; -1: none. */
  @state() private active = -1;

  @query('input') private input?: HTMLInputElement;

  private candidates: Candidates | undefined;
  /** The options of the last render, in order. */
  private shown: Region[] = [];
  private scrollPending = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('kd-region-select', this.onRegionSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('kd-region-select', this.onRegionSelect);
  }

  /** With a catalogue as `src`: the names to search (see `pickerSelection`). */
  protected override catalogueSelection({ catalogue }: LoadedCatalogue, support: CatalogueSupport): CatalogueSelection {
    return support.pickerSelection(catalogue, { within: this.within, level: this.level, region: this.region, indicator: this.indicator, searching: this.searchAll });
  }

  /** The reader opened the list or typed: the Gemeinden are wanted. */
  private searchAll = false;

  /** The options come from the data at hand while more names load (the text field must not be reset). */
  protected override keepContentWhileRefreshing = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const searching = this.open && !this.searchAll;
    if (searching) this.searchAll = true;
    super.willUpdate(changed);
    // Opening the list is internal state, which does not check the selection by itself.
    if (searching) this.checkSelection();
    // A region set from outside (attribute, linked element) is shown in the field.
    if (changed.has('region')) this.typed = null;
    if (changed.has('src') || changed.has('data')) this.close();
  }

  private onRegionSelect = (event: Event): void => {
    if (!this.linked || event.composedPath().includes(this)) return;
    const detail = (event as CustomEvent<{ key?: unknown }>).detail;
    const key = typeof detail?.key === 'string' ? detail.key : '';
    // Regions this picker does not offer leave its choice as it is.
    if (!key || !this.candidates?.keys.has(key)) return;
    this.region = key;
    this.close();
  };

  /** The regions to offer (every region, those with data for `indicator`, on the `level`s); throws for bad attributes. */
  private candidatesOf(store: DataStore): Candidates {
    const c = this.candidates;
    if (c && c.store === store && c.indicator === this.indicator && c.level === this.level && c.only === this.regions && c.within === this.within) return c;
    let regions = [...store.regions.values()];
    const within = this.within?.trim();
    if (within) regions = regions.filter((r) => r.key.startsWith(within) && r.key !== 'DG');
    const only = words(this.regions);
    if (only.length) {
      const offered = new Set(only);
      regions = regions.filter((r) => offered.has(r.key));
    }
    if (this.indicator) {
      const withData = new Set(store.regionsWithData(resolveIndicator(store, this.indicator).id));
      regions = regions.filter((r) => withData.has(r.key));
    }
    const levels = words(this.level);
    if (levels.length) {
      for (const level of levels) {
        if (!(REGION_LEVELS as readonly string[]).includes(level)) {
          const located = { ...problem('level', 'one-of', { value: level, options: REGION_LEVELS.join(', ') }), source: store.sources.join(' ') };
          throw new DataError('unknown-region', { value: level, problems: [located], source: located.source });
        }
      }
      regions = regions.filter((r) => levels.includes(r.level));
    }
    if (regions.length === 0) {
      if (this.indicator && store.regionsWithData(this.indicator).length === 0) throw noValues(store, this.indicator);
      const filter = levels.length ? `[?(${levels.map((l) => `@.level=='${l}'`).join(' || ')})]` : '';
      const located = { ...problem(`$.regions${filter}`, 'min-items'), source: store.sources.join(' ') };
      throw new DataError('empty', { source: located.source, problems: [located] });
    }
    this.candidates = { store, indicator: this.indicator, level: this.level, only: this.regions, within: this.within, index: searchIndex(regions), keys: new Set(regions.map((r) => r.key)) };
    return this.candidates;
  }

  protected override renderData(store: DataStore): TemplateResult {
    const candidates = this.candidatesOf(store);
    const chosen = this.region ? store.regions.get(this.region) : undefined;
    if (this.region && (!chosen || !candidates.keys.has(this.region))) {
      throw unknownValue(store, 'unknown-region', this.region, '$.regions[*].key', [...candidates.keys]);
    }
    const result = search(candidates.index, this.typed ?? '', MAX_OPTIONS, chosen?.key);
    this.shown = result.groups.flatMap((g) => g.regions);
    const expanded = this.open && this.shown.length > 0;
    const activeIndex = expanded && this.active < this.shown.length ? this.active : -1;
    const activeRegion = activeIndex >= 0 ? this.shown[activeIndex] : undefined;
    const label = this.heading || msg('Region wählen', { id: 'picker.label' });
    let index = 0;

    return html`<div class="picker">
      <label for="input" id="label" part="label">${label}</label>
      <span class="hint" id="hint" part="hint">${msg('Name oder Regionalschlüssel eingeben', { id: 'picker.hint' })}</span>
      <div class="field">
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="listbox"
          aria-describedby="hint"
          aria-activedescendant=${activeRegion ? `option-${activeRegion.key}` : nothing}
          .value=${live(this.typed ?? chosen?.name ?? '')}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @click=${this.onInputClick}
          @blur=${this.onBlur}
        />
        <span class="chevron" aria-hidden="true" @mousedown=${this.onChevron}></span>
      </div>
      <div class="popup" part="popup" ?hidden=${!this.open} @mousedown=${keepFocus}>
        <div id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${!expanded}>
          ${expanded
            ? result.groups.map(
                (group) => html`<div role="group" class="group" aria-labelledby="group-${group.level}">
                  <div role="presentation" class="group-label" id="group-${group.level}" part="group-label">${levelName(group.level)}</div>
                  ${group.regions.map((region) => {
                    const i = index++;
                    const isActive = i === activeIndex;
                    return html`<div
                      role="option"
                      id="option-${region.key}"
                      class="option ${isActive ? 'active' : ''} ${region.key === chosen?.key ? 'chosen' : ''}"
                      part=${isActive ? 'option active-option' : 'option'}
                      aria-selected=${isActive ? 'true' : 'false'}
                      @click=${() => this.choose(region)}
                    >
                      <span class="name">${region.name}</span> <span class="key">${region.key}</span>
                    </div>`;
                  })}
                </div>`,
              )
            : nothing}
        </div>
        ${this.open && this.refreshing
          ? html`<p class="message" part="message">${msg('Weitere Regionen werden geladen …', { id: 'picker.loading-more' })}</p>`
          : this.open && this.shown.length === 0
            ? html`<p class="message" part="message">${msg('Keine Region gefunden', { id: 'picker.none' })}</p>`
            : nothing}
        ${expanded && this.shown.length < result.total
          ? html`<p class="message" part="message">${msg('Weitere Treffer: bitte genauer suchen.', { id: 'picker.more' })}</p>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.open ? (this.refreshing ? msg('Weitere Regionen werden geladen …', { id: 'picker.loading-more' }) : countMessage(result, this.shown.length)) : ''}</div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.scrollPending) {
      this.scrollPending = false;
      const option = this.renderRoot.querySelector('.option.active');
      option?.scrollIntoView({ block: 'nearest' });
    }
  }

  private setActive(index: number): void {
    this.active = index;
    this.scrollPending = true;
  }

  private close(): void {
    this.open = false;
    this.active = -1;
  }

  private onInput = (event: Event): void => {
    this.typed = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
  };

  private onInputClick = (): void => {
    if (!this.open) this.open = true;
  };

  private onChevron = (event: MouseEvent): void => {
    event.preventDefault();
    this.input?.focus();
    if (this.open) this.close();
    else this.open = true;
  };

  private onBlur = (): void => {
    this.close();
    this.typed = null; // the field shows the chosen region again
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.isComposing) return; // an input method is still composing the text
    const count = this.shown.length;
    const chosenIndex = this.shown.findIndex((r) => r.key === this.region);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          if (!event.altKey && count) this.setActive(chosenIndex >= 0 ? chosenIndex : 0);
        } else if (count && !event.altKey) this.setActive(this.active < 0 ? 0 : (this.active + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          // Alt+Up: choose the active option (APG), or just close.
          if (this.open && this.active >= 0) this.choose(this.shown[this.active]!);
          else this.close();
          break;
        }
        if (!this.open) {
          this.open = true;
          if (count) this.setActive(chosenIndex >= 0 ? chosenIndex : count - 1);
        } else if (count) this.setActive(this.active <= 0 ? count - 1 : this.active - 1);
        break;
      case 'Enter':
        if (this.open && this.active >= 0 && this.shown[this.active]) {
          event.preventDefault();
          this.choose(this.shown[this.active]!);
        }
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if ((this.input?.value ?? '') !== '') {
          event.preventDefault();
          this.typed = '';
        }
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End':
        // The caret moves in the text (default action); visual focus returns to the field.
        this.active = -1;
        break;
      case 'Tab':
        this.close();
        break;
    }
  };

  /** The reader chose a region: show it, and tell linked elements. */
  private choose(region: Region): void {
    this.region = region.key;
    this.typed = null;
    this.close();
    this.input?.focus();
    this.dispatchEvent(new CustomEvent('kd-region-select', { bubbles: true, composed: true, detail: { key: region.key, name: region.name } }));
  }
}

/** Clicks in the list keep focus in the text field. */
function keepFocus(event: MouseEvent): void {
  event.preventDefault();
}

declare global {
  interface HTMLElementTagNameMap {
    'region-auswahl': RegionAuswahl;
  }
}
