/** The accessible message an element shows instead of its content when data fails. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { DataError } from '../data/data-error.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale } from '../i18n/locale.js';

/** How many problems are listed in the widget; the console gets all of them. */
const SHOWN_PROBLEMS = 5;

export function describeError(error: DataError, timeoutMs: number): string {
  const url = error.source ?? '';
  // "data" (the data property) and "inline #1" (a JSON script) are not files to name.
  const embedded = url === 'data' || url.startsWith('inline');
  switch (error.kind) {
    case 'network':
      return msg(str`Die Datei ${url} konnte nicht geladen werden (keine Verbindung, oder der Server erlaubt den Abruf nicht).`, {
        id: 'error.network',
      });
    case 'http':
      return msg(str`Der Server hat die Datei ${url} nicht geliefert (HTTP-Status ${error.status ?? '?'}).`, { id: 'error.http' });
    case 'timeout':
      return msg(str`Die Datei ${url} kam nicht innerhalb von ${formatNumber(timeoutMs / 1000)} Sekunden an.`, { id: 'error.timeout' });
    case 'json':
      return embedded
        ? msg('Die eingebetteten Daten sind kein gültiges JSON.', { id: 'error.json-embedded' })
        : msg(str`Die Datei ${url} ist keine gültige JSON-Datei.`, { id: 'error.json' });
    case 'schema':
      return embedded
        ? msg('Die eingebetteten Daten entsprechen nicht dem kreisdossier-Format.', { id: 'error.schema-embedded' })
        : msg(str`Die Daten aus ${url} entsprechen nicht dem kreisdossier-Format.`, { id: 'error.schema' });
    case 'conflict':
      return msg('Die angegebenen Dateien widersprechen sich.', { id: 'error.conflict' });
    case 'no-data':
      return msg('Es sind keine Daten angegeben: Attribut „src“, eingebettetes JSON oder Eigenschaft „data“.', { id: 'error.no-data' });
    case 'unknown-indicator':
      if (!error.value) {
        return msg('Die Daten enthalten mehrere Indikatoren: bitte mit dem Attribut „indicator“ einen auswählen.', {
          id: 'error.choose-indicator',
        });
      }
      return msg(str`Den Indikator „${error.value ?? ''}“ gibt es in den Daten nicht.`, { id: 'error.unknown-indicator' });
    case 'unknown-region':
      return msg(str`Die Region „${error.value ?? ''}“ gibt es in den Daten nicht.`, { id: 'error.unknown-region' });
    case 'unknown-period':
      return msg(str`Den Zeitraum „${error.value ?? ''}“ gibt es in den Daten nicht.`, { id: 'error.unknown-period' });
    case 'unknown-breakdown':
      return msg(str`Die Gliederung „${error.value ?? ''}“ gibt es in den Daten nicht.`, { id: 'error.unknown-breakdown' });
    case 'unknown-topic':
      return msg(str`Das Thema „${error.value ?? ''}“ gibt es nicht.`, { id: 'error.unknown-topic' });
    case 'empty':
      return msg('Für diese Auswahl liegen keine Werte vor.', { id: 'error.empty' });
    case 'geometry':
      return msg(str`Die Gebietsgrenzen aus ${url} sind kein GeoJSON/TopoJSON mit Gebietsschlüsseln (Eigenschaft „${error.value ?? 'ags'}“).`, {
        id: 'error.geometry',
      });
  }
}

export function renderError(error: DataError, timeoutMs: number, retry: () => void): TemplateResult {
  const problems = error.problems;
  const lang = currentLocale();
  return html`<div class="alert" role="alert" part="error">
    <p><strong>${msg('Die Daten können nicht angezeigt werden.', { id: 'error.title' })}</strong></p>
    <p>${describeError(error, timeoutMs)}</p>
    ${problems.length
      ? html`<ul>
          ${problems.slice(0, SHOWN_PROBLEMS).map((p) => html`<li><code>${p.path}</code>: ${p.message[lang]}</li>`)}
        </ul>
        ${problems.length > SHOWN_PROBLEMS
          ? html`<p>${msg(str`… und ${problems.length - SHOWN_PROBLEMS} weitere Probleme (siehe Browser-Konsole).`, { id: 'error.more' })}</p>`
          : nothing}`
      : nothing}
    ${error.retryable ? html`<button type="button" part="retry" @click=${retry}>${msg('Erneut versuchen', { id: 'error.retry' })}</button>` : nothing}
  </div>`;
}

/** One console line per problem, naming the element, the file and the JSON path. */
export function warnError(tag: string, error: DataError, timeoutMs: number): void {
  const head = `[kreisdossier] <${tag}>: ${describeError(error, timeoutMs)}`;
  if (error.problems.length === 0) {
    console.warn(head, error.cause ?? '');
    return;
  }
  const lang = currentLocale();
  console.warn(`${head}\n${error.problems.map((p) => `  ${p.source}: ${p.path}: ${p.message[lang]}`).join('\n')}`);
}
