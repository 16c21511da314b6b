import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BROKEN_JSON, DEMO_DATA, GEO, MISSING_FILE, UNKNOWN_REGION, darkStory, elementArgTypes, renderElement } from '../../stories/controls.js';
import { DOSSIER_FILES } from '../../demo/baukasten-code.js';
import '../kreisdossier.js';

const TAG = 'themen-dossier';

// The Kreisdossier Harz of the demo (the files the embed builder preselects, served from demo/data/).
const HARZ_DOSSIER = DOSSIER_FILES.map((file: string) => `${DEMO_DATA}${file}`).join(' ');
/** Without a definition: the dossier lays the topic out from its indicators. */
const ONLY_DATA = `${DEMO_DATA}arbeitslosigkeit-kreise.json ${GEO}grenzen-kreise.json`;

const TOPICS = ['bevoelkerung', 'gesundheit-pflege', 'bildung', 'arbeitsmarkt-wirtschaft', 'soziale-lage', 'digitalisierung', 'strukturwandel', 'alle'];

const meta: Meta = {
  title: 'Elemente/themen-dossier',
  component: TAG,
  args: { src: HARZ_DOSSIER, region: '15085', topic: 'bevoelkerung', within: '15085', navigation: 'full', lang: 'de' },
  argTypes: elementArgTypes(TAG, {
    topic: { control: 'select', options: ['', ...TOPICS], labels: { '': '(erstes Thema mit Daten)' } },
    'heading-level': { control: { type: 'range', min: 2, max: 5, step: 1 } },
  }),
  render: renderElement(TAG),
};
export default meta;

type Story = StoryObj;

/** Landkreis Harz, Thema Bevölkerung: Kennzahlen, Diagramme, Karten, Erläuterungen und Quellen aus der Dossier-Definition. */
export const Deutsch: Story = { name: 'Deutsch' };

/** Auf Englisch (`lang="en"`): Oberfläche, Texte, Zahlen und die zweisprachigen Bezeichnungen aus den Dateien. */
export const English: Story = { name: 'English', args: { lang: 'en', topic: 'arbeitsmarkt-wirtschaft' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { theme: 'dark', topic: 'digitalisierung' }, ...darkStory };

/** Arbeitsmarkt: eine sinkende Arbeitslosenquote ist eine günstige Entwicklung – Pfeil und Text sagen es. */
export const Arbeitsmarkt: Story = { name: 'Arbeitsmarkt', args: { topic: 'arbeitsmarkt-wirtschaft' } };

/** Eine Gemeinde (Wernigerode): eigene Zahlen, der Kreis zum Vergleich, und wo sie keine hat, der Weg zum Kreis. */
export const Gemeinde: Story = { name: 'Gemeinde (Wernigerode)', args: { region: '15085370' } };

/** Ein Thema ohne Daten sagt es ehrlich – und welche Statistiken es füllen würden. */
export const ThemaOhneDaten: Story = { name: 'Thema ohne Daten', args: { topic: 'soziale-lage' } };

/** Nur Daten, keine Definition: Kennzahlen, je Indikator ein Diagramm und eine Karte. */
export const OhneDefinition: Story = { name: 'Ohne Dossier-Definition', args: { src: ONLY_DATA, topic: 'arbeitsmarkt-wirtschaft', within: '15' } };

/** Eigene Inhalte per Slot (`slot="after-kennzahlen"`, `slot="intro"`) und eine eigene Reihenfolge (`sections`). */
export const EigeneInhalte: Story = {
  name: 'Eigene Inhalte (Slots)',
  args: { topic: 'arbeitsmarkt-wirtschaft', sections: 'kennzahlen arbeitslosenquote-karte' },
  render: (args) =>
    renderElement(TAG)({
      ...args,
      content: html`<p slot="intro">Einleitung der Redaktion statt der erzeugten.</p>
        <p slot="after-kennzahlen">Eigener Absatz der Redaktion nach den Kennzahlen.</p>`,
    }),
};

/** Ein Thema, das es nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekanntesThema: Story = { name: 'Fehler: Thema unbekannt', args: { topic: 'sport' } };

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { name: 'Fehler: Region unbekannt', args: { region: UNKNOWN_REGION, within: undefined } };

/** Eine der Dateien fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { name: 'Fehler: Datei fehlt (404)', args: { src: `${HARZ_DOSSIER} ${MISSING_FILE}` } };

/** Eine Datei ist kein gültiges JSON (hier eine `data:`-URL mit einem Komma zu viel): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = { name: 'Fehler: ungültiges JSON', args: { src: BROKEN_JSON } };
