import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { BROKEN_JSON, DEMO_DATA, EXAMPLES, MISSING_FILE, UNKNOWN_REGION, darkStory, elementArgTypes, renderElement } from '../../stories/controls.js';
import './define.js';

const TAG = 'indikator-chart';

// Committed example files (examples/) and the demo data built from official files (demo/data/).
const HARZ = `${EXAMPLES}bevoelkerung-harz.json`;
const ALQ = `${EXAMPLES}arbeitslosenquote-sachsen-anhalt.json`;
const BEVOELKERUNG = `${DEMO_DATA}bevoelkerung-kreise.json`;
const ARBEITSLOSIGKEIT = `${DEMO_DATA}arbeitslosigkeit-kreise.json`;
const ALTERSGRUPPEN = `${DEMO_DATA}altersgruppen-kreise.json`;
const GEBURTEN = `${DEMO_DATA}geburten-kreise.json`;

const meta: Meta = {
  title: 'Elemente/indikator-chart',
  component: TAG,
  args: { type: 'line', src: HARZ, region: '15085', compare: 'parent', lang: 'de' },
  argTypes: elementArgTypes(TAG, {
    src: { control: 'select', options: [HARZ, ALQ, BEVOELKERUNG, ARBEITSLOSIGKEIT, ALTERSGRUPPEN, GEBURTEN, MISSING_FILE, BROKEN_JSON] },
  }),
  render: renderElement(TAG),
};
export default meta;

type Story = StoryObj;

/**
 * Landkreis Harz und Sachsen-Anhalt (`compare="parent"`) als Index (31.12.1995 = 100):
 * so wird die Entwicklung vergleichbar, obwohl das Land rund zehnmal so viele Einwohner hat.
 */
export const Deutsch: Story = { name: 'Deutsch', args: { mode: 'index' } };

/**
 * Auf Englisch (`lang="en"`): Oberfläche, Zahlen- und Datumsformat; Bezeichnungen und Einheit kommen
 * englisch aus der Datei, die sie zweisprachig enthält.
 */
export const English: Story = { name: 'English', args: { from: '2008-12-31', lang: 'en' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { src: BEVOELKERUNG, from: '2008-12-31', theme: 'dark' }, ...darkStory };

/** Eine Region, amtliche Werte: Einwohnerzahl des Landkreises Harz ab 2008 (nach der Kreisreform). */
export const LinieAbsolut: Story = {
  name: 'Linie: absolute Werte',
  args: { src: BEVOELKERUNG, compare: undefined, from: '2008-12-31', mode: 'absolute' },
};

/**
 * Rangfolge der 14 Kreise Sachsen-Anhalts nach der Arbeitslosenquote 2016,
 * der Landkreis Harz hervorgehoben, Deutschland und das Land als Vergleich.
 */
export const Rangfolge: Story = {
  name: 'Rangfolge (Balken)',
  args: { type: 'bar', src: ARBEITSLOSIGKEIT, indicator: 'arbeitslosenquote', region: '15', period: '2016', highlight: '15085', compare: 'DG 15' },
};

/** Säulen über die Zeit: Lebendgeborene im Landkreis Harz 2008–2015. */
export const Saeulen: Story = { name: 'Säulen', args: { type: 'column', src: GEBURTEN, compare: undefined, from: '2008' } };

/** Altersgruppen als Anteile (`mode="share"` ist bei „stacked“ voreingestellt): Harz, Sachsen-Anhalt, Deutschland am 31.12.2015. */
export const Gestapelt: Story = { name: 'Gestapelt (Anteile)', args: { type: 'stacked', src: ALTERSGRUPPEN, region: '15085 15 DG', compare: undefined } };

/** Alterspyramide des Landkreises Harz am 31.12.2015: Frauen und Männer je Altersgruppe. */
export const Pyramide: Story = { name: 'Alterspyramide', args: { type: 'pyramid', src: ALTERSGRUPPEN, compare: undefined } };

/** Eine Gliederung wählen: weibliche Bevölkerung im Landkreis Harz und in Sachsen-Anhalt. */
export const Gliederung: Story = { name: 'Gliederung', args: { src: BEVOELKERUNG, breakdown: 'geschlecht=weiblich', from: '2008-12-31' } };

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { name: 'Fehler: Region unbekannt', args: { region: UNKNOWN_REGION } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { name: 'Fehler: Datei fehlt (404)', args: { src: MISSING_FILE } };

/** Die Datei ist kein gültiges JSON (hier eine `data:`-URL mit einem Komma zu viel): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = { name: 'Fehler: ungültiges JSON', args: { src: BROKEN_JSON } };

/** Gültiges JSON, das nicht dem Datenformat entspricht (ein Objekt in der Eigenschaft `data`): die Probleme werden aufgelistet. */
export const FehlerUngueltigeDaten: Story = {
  name: 'Fehler: Daten nicht im Format',
  args: { src: undefined, data: { kreisdossier: '1.0', regions: 'Harz', observations: [{ value: 'viele' }] } },
};
