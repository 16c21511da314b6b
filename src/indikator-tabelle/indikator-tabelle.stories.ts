import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { BROKEN_JSON, EXAMPLES, MISSING_FILE, UNKNOWN_REGION, darkStory, elementArgTypes, renderElement } from '../../stories/controls.js';
import './define.js';

const TAG = 'indikator-tabelle';

// Committed example files (examples/): Landkreis Harz and Sachsen-Anhalt, Einwohner 1995–2015, and the
// unemployment rate of Sachsen-Anhalt's Kreise 2001–2016.
const HARZ = `${EXAMPLES}bevoelkerung-harz.json`;
const ALQ = `${EXAMPLES}arbeitslosenquote-sachsen-anhalt.json`;

const meta: Meta = {
  title: 'Elemente/indikator-tabelle',
  component: TAG,
  args: { src: HARZ, rows: 'auto', lang: 'de' },
  argTypes: elementArgTypes(TAG, {
    src: { control: 'select', options: [HARZ, ALQ, MISSING_FILE, BROKEN_JSON] },
  }),
  render: renderElement(TAG),
};
export default meta;

type Story = StoryObj;

/** Einwohnerzahl Landkreis Harz und Sachsen-Anhalt 1995–2015, mit „.“ für Stichtage vor der Kreisreform. */
export const Deutsch: Story = { name: 'Deutsch' };

/** Auf Englisch (`lang="en"`): Oberfläche, Zahlen- und Datumsformat; Bezeichnungen und Einheit zweisprachig aus der Datei. */
export const English: Story = { name: 'English', args: { lang: 'en', region: '15085 15', from: '2010-12-31' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { theme: 'dark', region: '15085 15', from: '2008-12-31' }, ...darkStory };

/** Arbeitslosenquote 2016 in den 14 Kreisen und im Land: Regionen als Zeilen. */
export const Kreisvergleich: Story = { name: 'Kreisvergleich', args: { src: ALQ, period: '2016' } };

/** Eine Gliederung wählen: weibliche Bevölkerung. */
export const Gliederung: Story = { name: 'Gliederung', args: { region: '15085', breakdown: 'geschlecht=weiblich', from: '2008-12-31' } };

/**
 * Die Daten im Element statt in einer Datei (`<script type="application/json">`), für Redaktionssysteme, die
 * keine eigenen Dateien erlauben. Hier die Beispieldatei, beim Öffnen der Story geladen und eingebettet.
 */
export const Eingebettet: Story = {
  name: 'Daten: eingebettetes JSON',
  args: { src: undefined, region: '15085', from: '2010-12-31' },
  loaders: [async () => ({ json: await (await fetch(HARZ)).text() })],
  parameters: {
    docs: {
      source: {
        code: `<indikator-tabelle region="15085" from="2010-12-31">
  <script type="application/json">{ "kreisdossier": "1.0", "dataset": { … }, "regions": [ … ], … }</script>
</indikator-tabelle>`,
      },
    },
  },
  render: (args, { loaded }) => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = (loaded as { json: string }).json;
    return renderElement(TAG)({ ...args, content: script });
  },
};

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { name: 'Fehler: Region unbekannt', args: { region: UNKNOWN_REGION } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { name: 'Fehler: Datei fehlt (404)', args: { src: MISSING_FILE } };

/** Die Datei ist kein gültiges JSON (hier eine `data:`-URL mit einem Komma zu viel): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = { name: 'Fehler: ungültiges JSON', args: { src: BROKEN_JSON } };
