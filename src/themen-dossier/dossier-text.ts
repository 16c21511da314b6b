/** The dossier's generated sentences: what kind of region this is, and what the page shows. */
import { msg, str } from '@lit/localize';
import type { DataStore } from '../data/data-store.js';
import type { Region } from '../format/types.js';
import { formatNumber, formatPeriod } from '../i18n/format.js';
import { capitalize } from '../i18n/prose.js';
import { inRegion, nominative, proseName } from '../i18n/region-name.js';
import type { DossierModel } from './dossier-model.js';
import { topicLabel } from './topics.js';

/** "ein Landkreis", "eine kreisfreie Stadt", "eine Stadt", "eine Gemeinde", from the official name and level. */
function kindOf(region: Region): string {
  const name = region.name;
  switch (region.level) {
    case 'Bund':
      return msg('der Bund', { id: 'kind.bund' });
    case 'Land':
      return msg('ein Land', { id: 'kind.land' });
    case 'Regierungsbezirk':
      return msg('ein Regierungsbezirk', { id: 'kind.bezirk' });
    case 'Kreis':
      if (/kreisfreie Stadt|Stadtkreis/i.test(name)) return msg('eine kreisfreie Stadt', { id: 'kind.kreisfreie-stadt' });
      if (/Landkreis/i.test(name)) return msg('ein Landkreis', { id: 'kind.landkreis' });
      return msg('ein Kreis', { id: 'kind.kreis' });
    case 'Gemeindeverband':
      return msg('ein Gemeindeverband', { id: 'kind.verband' });
    case 'Gemeinde':
      return /,\s*Stadt\b/.test(name) ? msg('eine Stadt', { id: 'kind.stadt' }) : msg('eine Gemeinde', { id: 'kind.gemeinde' });
  }
}

/** The latest period with numbers on the page (ISO order sorts Stichtage, years and months together). */
function latestPeriodShown(model: DossierModel): string | undefined {
  return model.topics
    .flatMap((t) => t.sections.flatMap((s) => s.indicators.map((i) => i.figure?.period)))
    .filter((p): p is string => !!p)
    .sort()
    .at(-1);
}

/**
 * "Der Landkreis Harz ist ein Landkreis im Land Sachsen-Anhalt. Diese Seite zeigt
 * 12 Kennzahlen zum Thema Bevölkerung aus der amtlichen Statistik, im Vergleich
 * mit Sachsen-Anhalt und Deutschland."
 */
export function introSentences(store: DataStore, model: DossierModel): string[] {
  const { region } = model;
  const sentences: string[] = [];
  const parent = region.parent ? store.regions.get(region.parent) : undefined;
  const subject = capitalize(nominative(region));
  if (region.level !== 'Bund') {
    const kind = kindOf(region);
    // "Der Landkreis Harz ist ein Landkreis …" says nothing: a name that carries its kind just "liegt" somewhere.
    const named = proseName(region).toLowerCase().includes(kind.split(' ').at(-1)!.toLowerCase());
    const where = parent && parent.level !== 'Bund' ? inRegion(parent) : '';
    if (named && where) sentences.push(msg(str`${subject} liegt ${where} (Regionalschlüssel ${region.key}).`, { id: 'dossier.intro-lies-in' }));
    else if (where) sentences.push(msg(str`${subject} ist ${kind} ${where} (Regionalschlüssel ${region.key}).`, { id: 'dossier.intro-kind-in' }));
    else sentences.push(msg(str`${subject} ist ${kind} (Regionalschlüssel ${region.key}).`, { id: 'dossier.intro-kind' }));
  }
  const count = new Set(model.topics.flatMap((t) => t.withData.map((i) => i.id))).size;
  const topics = model.topics.length === 1 ? topicLabel(model.topics[0]!.topic) : '';
  const compare = model.compare.map(proseName).join(msg(' und ', { id: 'dossier.and' }));
  if (count === 0) {
    sentences.push(msg('Zu diesem Thema liegen für diese Region keine Zahlen vor.', { id: 'dossier.intro-none' }));
  } else {
    const what = topics
      ? msg(str`Diese Seite zeigt ${formatNumber(count)} Kennzahlen zum Thema ${topics} aus der amtlichen Statistik`, { id: 'dossier.intro-topic' })
      : msg(str`Diese Seite zeigt ${formatNumber(count)} Kennzahlen aus der amtlichen Statistik`, { id: 'dossier.intro-all' });
    sentences.push(compare ? msg(str`${what}, im Vergleich mit ${compare}.`, { id: 'dossier.intro-compare' }) : `${what}.`);
    // Computed figures never pass as official: the intro counts those shown, the sources list names their formulas.
    const computed = model.computed.length;
    if (computed === 1) sentences.push(msg('Eine davon ist aus amtlichen Zahlen berechnet (siehe „Quellen und Lizenzen“).', { id: 'dossier.intro-computed-one' }));
    else if (computed > 1) {
      sentences.push(msg(str`${formatNumber(computed)} davon sind aus amtlichen Zahlen berechnet (siehe „Quellen und Lizenzen“).`, { id: 'dossier.intro-computed' }));
    }
  }
  const latest = latestPeriodShown(model);
  if (latest) sentences.push(msg(str`Die neuesten Zahlen beziehen sich auf ${formatPeriod(latest)}.`, { id: 'dossier.intro-latest' }));
  return sentences;
}
