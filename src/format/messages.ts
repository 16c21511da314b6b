/**
 * Human-readable reasons for validation problems, in the current locale.
 * Every problem has a stable `code`; the sentence is built from the code and
 * its parameters, so tools can match codes while people read sentences.
 */
import { msg, str } from '@lit/localize';
import { useMessages } from './problem.js';

export type ProblemCode =
  | 'json-syntax'
  | 'missing'
  | 'unknown-property'
  | 'wrong-type'
  | 'one-of'
  | 'empty-text'
  | 'identifier'
  | 'region-key'
  | 'key-prefix'
  | 'catalogue-alone'
  | 'period'
  | 'date'
  | 'date-time'
  | 'http-url'
  | 'file-url'
  | 'localized-text'
  | 'min-items'
  | 'integer'
  | 'min-value'
  | 'max-value'
  | 'finite'
  | 'format-version'
  | 'null-without-status'
  | 'invalid'
  | 'duplicate-key'
  | 'level-key-mismatch'
  | 'parent-is-self'
  | 'unknown-indicator'
  | 'unknown-region'
  | 'unknown-dimension'
  | 'unknown-category'
  | 'breakdown-mismatch'
  | 'unknown-status'
  | 'status-replaces-value'
  | 'status-does-not-explain-null'
  | 'duplicate-observation'
  | 'invalid-date'
  | 'conflict';

export type ProblemParams = Record<string, string | number>;

/** Names of JSON types as people say them. */
function typeName(type: string | number): string {
  switch (type) {
    case 'string':
      return msg('ein Text', { id: 'type.string' });
    case 'number':
      return msg('eine Zahl', { id: 'type.number' });
    case 'boolean':
      return msg('true oder false', { id: 'type.boolean' });
    case 'array':
      return msg('eine Liste […]', { id: 'type.array' });
    case 'object':
      return msg('ein Objekt {…}', { id: 'type.object' });
    case 'null':
      return msg('null', { id: 'type.null' });
    case 'undefined':
      return msg('nichts', { id: 'type.undefined' });
    default:
      return String(type);
  }
}

/** The sentence for a problem code in the current locale. */
function describeProblem(code: ProblemCode, p: ProblemParams = {}): string {
  switch (code) {
    case 'json-syntax':
      return msg(str`Kein gültiges JSON: ${p.detail}`, { id: 'problem.json-syntax' });
    case 'missing':
      return msg(str`Pflichtangabe „${p.name}“ fehlt.`, { id: 'problem.missing' });
    case 'unknown-property':
      return msg(str`Unbekannte Angabe „${p.name}“ (Tippfehler?). Eigene Angaben gehören unter „extensions“.`, {
        id: 'problem.unknown-property',
      });
    case 'wrong-type':
      return msg(str`Erwartet wird ${typeName(p.expected!)}, gefunden wurde ${typeName(p.received!)}.`, {
        id: 'problem.wrong-type',
      });
    case 'one-of':
      return msg(str`„${p.value}“ ist nicht erlaubt. Erlaubt sind: ${p.options}.`, { id: 'problem.one-of' });
    case 'empty-text':
      return msg('Der Text darf nicht leer sein.', { id: 'problem.empty-text' });
    case 'identifier':
      return msg(str`„${p.value}“ ist keine gültige Kennung (Buchstaben, Ziffern, „.“, „_“ und „-“, ohne Leerzeichen).`, {
        id: 'problem.identifier',
      });
    case 'region-key':
      return msg(
        str`„${p.value}“ ist kein amtlicher Regionalschlüssel (DG, AGS mit 2, 3, 5 oder 8 Ziffern, 9 Ziffern für Gemeindeverbände oder ARS mit 12 Ziffern).`,
        { id: 'problem.region-key' },
      );
    case 'period':
      return msg(str`„${p.value}“ ist kein Zeitraum (Jahr 2015, Monat 2018-06, Stichtag 2015-12-31, Quartal 2015-Q1 oder Schuljahr 2015/16).`, {
        id: 'problem.period',
      });
    case 'date':
      return msg(str`„${p.value}“ ist kein Datum im Format JJJJ-MM-TT.`, { id: 'problem.date' });
    case 'date-time':
      return msg(str`„${p.value}“ ist kein Datum (JJJJ-MM-TT, optional mit Uhrzeit).`, { id: 'problem.date-time' });
    case 'invalid-date':
      return msg(str`Den Tag „${p.value}“ gibt es im Kalender nicht.`, { id: 'problem.invalid-date' });
    case 'http-url':
      return msg(str`„${p.value}“ ist keine Web-Adresse (nur http:// und https:// sind erlaubt).`, { id: 'problem.http-url' });
    case 'file-url':
      return msg(str`„${p.value}“ ist keine Datei-Adresse (relativ oder http:// bzw. https://).`, { id: 'problem.file-url' });
    case 'localized-text':
      return msg('Erwartet wird ein Text oder ein Objekt {"de": "…", "en": "…"}.', { id: 'problem.localized-text' });
    case 'min-items':
      return msg('Die Liste braucht mindestens einen Eintrag.', { id: 'problem.min-items' });
    case 'integer':
      return msg(str`Erwartet wird eine ganze Zahl, gefunden wurde ${p.value}.`, { id: 'problem.integer' });
    case 'min-value':
      return msg(str`Der Wert ${p.value} ist kleiner als das Minimum ${p.limit}.`, { id: 'problem.min-value' });
    case 'max-value':
      return msg(str`Der Wert ${p.value} ist größer als das Maximum ${p.limit}.`, { id: 'problem.max-value' });
    case 'finite':
      return msg('Der Wert muss eine endliche Zahl sein (nicht NaN oder unendlich).', { id: 'problem.finite' });
    case 'format-version':
      return msg(str`Formatversion „${p.value}“ wird nicht unterstützt; diese Version liest 1.x.`, { id: 'problem.format-version' });
    case 'null-without-status':
      return msg(
        'Ein fehlender Wert (null) braucht sein Zeichen unter „status“, z. B. „-“, „.“, „...“, „x“ oder „/“ – sonst wüsste niemand, warum er fehlt.',
        { id: 'problem.null-without-status' },
      );
    case 'duplicate-key':
      return msg(str`„${p.value}“ kommt mehrfach vor (zuerst bei ${p.first}).`, { id: 'problem.duplicate-key' });
    case 'level-key-mismatch':
      return msg(str`Der Schlüssel „${p.value}“ passt nicht zur Ebene „${p.level}“ (erwartet: ${p.expected}).`, {
        id: 'problem.level-key-mismatch',
      });
    case 'catalogue-alone':
      return msg('Ein Katalog (kreisdossierCatalogue) steht allein in src: nicht neben anderen Dateien und nicht in einem Katalog.', { id: 'problem.catalogue-alone' });
    case 'key-prefix':
      return msg(str`„${p.value}“ ist kein Anfang eines Regionalschlüssels (DG oder 2 bis 12 Ziffern, z. B. 15 für Sachsen-Anhalt).`, { id: 'problem.key-prefix' });
    case 'parent-is-self':
      return msg('Eine Region kann nicht ihre eigene übergeordnete Region sein.', { id: 'problem.parent-is-self' });
    case 'unknown-indicator':
      return msg(str`Unbekannter Indikator „${p.value}“.`, { id: 'problem.unknown-indicator' });
    case 'unknown-region':
      return msg(str`Unbekannter Regionalschlüssel „${p.value}“.`, { id: 'problem.unknown-region' });
    case 'unknown-dimension':
      return msg(str`Unbekannte Gliederung „${p.value}“.`, { id: 'problem.unknown-dimension' });
    case 'unknown-category':
      return msg(str`„${p.value}“ ist keine Ausprägung der Gliederung „${p.dimension}“.`, { id: 'problem.unknown-category' });
    case 'breakdown-mismatch':
      return msg(str`Der Indikator ist gegliedert nach ${p.expected}; hier angegeben: ${p.received}.`, {
        id: 'problem.breakdown-mismatch',
      });
    case 'unknown-status':
      return msg(str`Unbekanntes Zeichen „${p.value}“. Eigene Zeichen werden unter „statusSymbols“ mit Erklärung angegeben.`, {
        id: 'problem.unknown-status',
      });
    case 'status-replaces-value':
      return msg(str`Das Zeichen „${p.value}“ steht anstelle eines Wertes; „value“ muss dann null sein.`, {
        id: 'problem.status-replaces-value',
      });
    case 'status-does-not-explain-null':
      return msg(str`Das Zeichen „${p.value}“ erklärt keinen fehlenden Wert; für null ist ein Zeichen wie „-“, „.“ oder „x“ nötig.`, {
        id: 'problem.status-does-not-explain-null',
      });
    case 'duplicate-observation':
      return msg(str`Doppelte Beobachtung: dieselbe Kombination steht schon unter ${p.first}.`, {
        id: 'problem.duplicate-observation',
      });
    case 'conflict':
      return msg(str`Widerspruch zwischen Dateien: ${p.what} ist in ${p.first} anders angegeben.`, { id: 'problem.conflict' });
    case 'invalid':
      return msg('Ungültige Angabe.', { id: 'problem.invalid' });
  }
}

useMessages(describeProblem);
