/**
 * A key-figure tile: the official value with unit and period ("berechnet
 * aus: …" under a computed indicator's value), its changes
 * (arrow for the direction, words for the direction and — where the
 * indicator has a polarity — whether that is good news), the reference
 * regions, and the rank in the Land. Colour only repeats what the text says.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { renderComputedNote } from '../base/computed-view.js';
import { printedValue, spokenValue } from '../base/value-view.js';
import type { DataStore } from '../data/data-store.js';
import type { RegionLevel } from '../format/types.js';
import { formatChange, formatNumber, formatPeriod, formatSigned, isPercentUnit } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';
import { isCountUnit, proseValue } from '../i18n/prose.js';
import { accusative, inRegion, proseName } from '../i18n/region-name.js';
import { localize, localizeUnit } from '../i18n/text.js';
import { isChange, type Change, type KeyFigure, type MissingChange, type Rank } from './key-figures.js';

const ARROWS = { up: '▲', down: '▼', same: '▶' } as const;

/** "+1,2 %" (counts), "−0,8 Prozentpunkte" (%), "+0,4 Jahre" (other units). */
function changeAmount(change: Change, figure: Pick<KeyFigure, 'indicator'>): string {
  const { indicator } = figure;
  const decimals = Math.max(indicator.decimals, 1);
  if (change.measure === 'points') {
    const points = formatSigned(change.difference, decimals);
    return msg(str`${points} Prozentpunkte`, { id: 'dossier.points' });
  }
  const signed = formatSigned(change.difference, indicator.decimals);
  if (change.measure === 'percent' && change.relative !== undefined) return `${formatChange(change.relative, 1)} (${signed})`;
  const unit = localizeUnit(indicator.unit);
  return unit && change.measure === 'unit' ? `${signed}\u00a0${unit}` : signed;
}

function assessmentText(change: Change): string {
  if (change.assessment === 'good') return msg('günstige Entwicklung', { id: 'dossier.good' });
  if (change.assessment === 'bad') return msg('ungünstige Entwicklung', { id: 'dossier.bad' });
  return '';
}

function directionText(change: Change): string {
  if (change.direction === 'up') return msg('gestiegen', { id: 'dossier.up' });
  if (change.direction === 'down') return msg('gesunken', { id: 'dossier.down' });
  return msg('unverändert', { id: 'dossier.same' });
}

function renderChange(store: DataStore, figure: KeyFigure, change: Change | MissingChange, label: (period: string) => string): TemplateResult {
  if (!isChange(change)) {
    const status = change.observation?.status;
    const meaning = status ? store.statusInfo(status)?.label : undefined;
    const why = status
      ? msg(str`Wert ${formatPeriod(change.missing)}: ${status}${meaning ? ` (${meaning})` : ''}`, { id: 'dossier.change-missing-status' })
      : msg(str`kein Wert für ${formatPeriod(change.missing)} in den Daten`, { id: 'dossier.change-missing' });
    return html`<li class="change missing">${label(change.missing)}: ${msg('nicht berechenbar', { id: 'dossier.not-computable' })} (${why})</li>`;
  }
  const assessment = assessmentText(change);
  return html`<li class="change ${change.assessment}" part="change change-${change.assessment}">
    <span class="arrow ${change.direction}" aria-hidden="true">${ARROWS[change.direction]}</span>
    <span class="visually-hidden">${directionText(change)}:</span>
    ${change.direction === 'same' ? directionText(change) : changeAmount(change, figure)} ${label(change.from)}${assessment
      ? html` <span class="assessment">(${assessment})</span>`
      : nothing}
  </li>`;
}

/** "von 14 Kreisen", dative plural after "von". */
function levelPlural(level: RegionLevel, n: number): string {
  const count = formatNumber(n);
  switch (level) {
    case 'Land':
      return msg(str`${count} Ländern`, { id: 'dossier.rank-of-laender' });
    case 'Regierungsbezirk':
      return msg(str`${count} Regierungsbezirken`, { id: 'dossier.rank-of-bezirke' });
    case 'Kreis':
      return msg(str`${count} Kreisen und kreisfreien Städten`, { id: 'dossier.rank-of-kreise' });
    case 'Gemeindeverband':
      return msg(str`${count} Gemeindeverbänden`, { id: 'dossier.rank-of-verbaende' });
    default:
      return msg(str`${count} Gemeinden`, { id: 'dossier.rank-of-gemeinden' });
  }
}

/** "3rd" in English; German writes "Rang 3". */
function ordinal(n: number): string {
  if (currentLocale() !== 'en') return String(n);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "Rang 3 von 14 Kreisen … in Sachsen-Anhalt (vom höchsten Wert aus gezählt)". */
function rankText(rank: Rank): string {
  const of = levelPlural(rank.level, rank.of);
  const scope = rank.scope ? ` ${inRegion(rank.scope)}` : '';
  if (rank.position === 1) return msg(str`Höchster Wert von ${of}${scope}`, { id: 'dossier.rank-highest' });
  if (rank.position === rank.of) return msg(str`Niedrigster Wert von ${of}${scope}`, { id: 'dossier.rank-lowest' });
  const fromTop = rank.position <= Math.ceil(rank.of / 2);
  const place = ordinal(fromTop ? rank.position : rank.of - rank.position + 1);
  return fromTop
    ? msg(str`Rang ${place} von ${of}${scope}, vom höchsten Wert aus gezählt`, { id: 'dossier.rank-from-top' })
    : msg(str`Rang ${place} von ${of}${scope}, vom niedrigsten Wert aus gezählt`, { id: 'dossier.rank-from-bottom' });
}

function renderComparisons(store: DataStore, figure: KeyFigure): TemplateResult | typeof nothing {
  if (!figure.comparisons.length) return nothing;
  const { indicator } = figure;
  if (indicator.kind === 'count') {
    // Only references with a computable relative change (an earlier 0 has none): nothing is estimated.
    const changes = figure.comparisons.filter((c) => c.change?.relative !== undefined);
    if (!changes.length) return nothing;
    const own = changes[0]!.change!;
    return html`<li class="compare">
      ${msg(str`Zum Vergleich, Veränderung seit ${formatPeriod(own.from)}:`, { id: 'dossier.compare-change' })}
      ${changes.map((c, i) => html`${i ? ' · ' : ''}${proseName(c.region)} ${formatChange(c.change!.relative!, 1)}`)}
    </li>`;
  }
  return html`<li class="compare">
    ${msg('Zum Vergleich:', { id: 'dossier.compare' })}
    ${figure.comparisons.map((c, i) => html`${i ? ' · ' : ''}${proseName(c.region)} ${spokenValue(store, c.observation!, indicator)}`)}
  </li>`;
}

function renderMainValue(store: DataStore, figure: KeyFigure): TemplateResult {
  const { indicator, latest, spread } = figure;
  const period = formatPeriod(figure.period);
  if (latest) {
    const meaning = latest.status ? store.statusInfo(latest.status)?.label : undefined;
    const unit = localizeUnit(indicator.unit);
    const printed = printedValue(latest, indicator);
    // "%" stays with the number; a longer unit ("Einwohner je km²") goes beside it in small type.
    const value = latest.value !== null && isPercentUnit(unit) ? `${printed}\u00a0${unit}` : printed;
    const beside = latest.value !== null && !isCountUnit(unit) && !isPercentUnit(unit) ? unit : '';
    return html`<p class="value" part="value">${value}${beside ? html` <span class="unit">${beside}</span>` : nothing}</p>
      <p class="period">${msg(str`Stand ${period}`, { id: 'dossier.as-of' })}${meaning ? html` · <span class="status-meaning">${latest.status}: ${meaning}</span>` : nothing}</p>`;
  }
  if (spread) {
    return html`<p class="value spread" part="value">
        ${proseValue(spread.lowest.observation.value!, indicator)} – ${proseValue(spread.highest.observation.value!, indicator)}
      </p>
      <p class="period">${msg(str`Stand ${period}`, { id: 'dossier.as-of' })}</p>
      <p class="spread-note">
        ${msg(str`Für ${accusative(figure.region)} insgesamt liegt kein Wert vor. Die Spanne reicht von ${proseName(spread.lowest.region)} bis ${proseName(spread.highest.region)} (${levelPlural(spread.level, spread.count)} mit Angaben).`, { id: 'dossier.spread' })}
      </p>`;
  }
  return html`<p class="value" part="value">–</p>`;
}

export function renderKeyFigure(store: DataStore, figure: KeyFigure, headingLevel: number, idPrefix: string): TemplateResult {
  const { indicator } = figure;
  const id = `${idPrefix}-${indicator.id}`;
  const heading = html`<span id=${id}>${localize(indicator.label)}</span>`;
  return html`<article class="tile" part="tile" aria-labelledby=${id}>
    ${headingTag(headingLevel, heading, 'tile-title')}
    ${renderMainValue(store, figure)}
    ${renderComputedNote(indicator, 'p')}
    <ul class="facts">
      ${figure.lastPeriod ? renderChange(store, figure, figure.lastPeriod, (p) => msg(str`gegenüber ${formatPeriod(p)}`, { id: 'dossier.vs-last' })) : nothing}
      ${figure.fiveYears ? renderChange(store, figure, figure.fiveYears, (p) => msg(str`in fünf Jahren (seit ${formatPeriod(p)})`, { id: 'dossier.vs-five' })) : nothing}
      ${renderComparisons(store, figure)}
      ${figure.rank ? html`<li class="rank">${rankText(figure.rank)}</li>` : nothing}
    </ul>
  </article>`;
}

/** `<hN>` for N = 2…6 (Lit cannot bind a tag name); beyond 6, a paragraph with role heading. */
export function headingTag(level: number, content: TemplateResult | string, className = ''): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 class=${className}>${content}</h2>`;
    case 3:
      return html`<h3 class=${className}>${content}</h3>`;
    case 4:
      return html`<h4 class=${className}>${content}</h4>`;
    case 5:
      return html`<h5 class=${className}>${content}</h5>`;
    case 6:
      return html`<h6 class=${className}>${content}</h6>`;
    default:
      return html`<p role="heading" aria-level=${level} class=${className}>${content}</p>`;
  }
}
