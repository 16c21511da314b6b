import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { BROKEN_JSON, DEMO_DATA, GEO, MISSING_FILE, UNKNOWN_REGION, darkStory, elementArgTypes, renderElement } from '../../stories/controls.js';
import './define.js';
import '../indikator-chart/define.js';
import '../kreis-map/define.js';

const TAG = 'region-auswahl';

// Demo data built from official files (demo/data/).
const HARZ = `${DEMO_DATA}bevoelkerung-gemeinden-harz.json`;
const KREISE = `${DEMO_DATA}bevoelkerung-kreise.json`;
const ARBEITSLOSIGKEIT = `${DEMO_DATA}arbeitslosigkeit-kreise.json`;
const GEO_ST = `${GEO}st-kreise-2021.topo.json`;

const LEVELS = ['Bund', 'Land', 'Regierungsbezirk', 'Kreis', 'Gemeindeverband', 'Gemeinde'];

const meta: Meta = {
  title: 'Elemente/region-auswahl',
  component: TAG,
  args: { src: HARZ, lang: 'de' },
  argTypes: elementArgTypes(TAG, {
    src: { control: 'select', options: [HARZ, KREISE, ARBEITSLOSIGKEIT, MISSING_FILE, BROKEN_JSON] },
    level: { control: 'select', options: ['', ...LEVELS, 'Kreis Gemeinde'], labels: { '': '(alle Ebenen)' } },
  }),
  render: renderElement(TAG),
};
export default meta;

type Story = StoryObj;

/**
 * Landkreis Harz mit seinen 80 Gemeinden (auch den aufgelösten), gruppiert nach Ebene: Pfeil nach unten öffnet
 * die Liste, Tippen sucht nach Name („wernig“, „strobeck“) oder Schlüssel („15085370“), Enter wählt.
 */
export const Deutsch: Story = { name: 'Deutsch' };

/** Auf Englisch (`lang="en"`): Beschriftung, Hinweise, Ebenen und Ansagen. */
export const English: Story = { name: 'English', args: { lang: 'en' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { theme: 'dark', region: '15085' }, ...darkStory };

/** Mit gewählter Region (`region="15085"`): das Feld zeigt ihren Namen, Pfeil nach unten springt zu ihr. */
export const MitAuswahl: Story = { name: 'Mit Auswahl', args: { region: '15085' } };

/** Nur Kreise (`level="Kreis"`) der Kreisdatei Sachsen-Anhalts, einschließlich der Kreise vor den Gebietsreformen. */
export const NurKreise: Story = { name: 'Nur Kreise', args: { src: KREISE, level: 'Kreis', heading: 'Kreis oder kreisfreie Stadt' } };

/** Nur bestimmte Regionen (`regions`): die Stadt Wernigerode, die Stadt Halberstadt und der Landkreis. */
export const NurBestimmteRegionen: Story = { name: 'Nur bestimmte Regionen', args: { regions: '15085 15085370 15085135' } };

/**
 * Mit `linked` folgen Karte und Diagramm der Auswahl (und die Auswahl einem Klick auf der Karte): nur Regionen mit
 * Werten der Arbeitslosenquote (`indicator`) auf Kreisebene werden angeboten.
 */
export const Verknuepft: Story = {
  name: 'Verknüpft mit Karte und Diagramm',
  args: { src: ARBEITSLOSIGKEIT, indicator: 'arbeitslosenquote', level: 'Kreis', region: '15085', linked: true, heading: 'Kreis wählen' },
  render: (args, context) => html`${meta.render!(args, context)}
    <kreis-map
      linked
      src=${ARBEITSLOSIGKEIT}
      geo=${GEO_ST}
      indicator="arbeitslosenquote"
      region="15"
      period="2016"
      highlight="15085"
      lang=${(args.lang as string) || nothing}
      theme=${(args.theme as string) || nothing}
    ></kreis-map>
    <indikator-chart
      linked
      src=${ARBEITSLOSIGKEIT}
      indicator="arbeitslosenquote"
      region="15085"
      compare="15"
      from="2007"
      heading="Arbeitslosenquote im Zeitverlauf"
      lang=${(args.lang as string) || nothing}
      theme=${(args.theme as string) || nothing}
    ></indikator-chart>`,
};

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { name: 'Fehler: Region unbekannt', args: { region: UNKNOWN_REGION } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { name: 'Fehler: Datei fehlt (404)', args: { src: MISSING_FILE } };

/** Die Datei ist kein gültiges JSON (hier eine `data:`-URL mit einem Komma zu viel): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = { name: 'Fehler: ungültiges JSON', args: { src: BROKEN_JSON } };
