import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { commonArgTypes, darkPage, text } from '../../stories/controls.js';
import './define.js';
import '../indikator-chart/define.js';
import '../kreis-map/define.js';

interface Args {
  src: string;
  indicator?: string;
  level?: string;
  region?: string;
  heading?: string;
  linked: boolean;
  lang: 'de' | 'en';
  theme?: 'light' | 'dark' | 'auto';
}

// Demo data built from official files (demo/data/).
const HARZ = '/demo/data/bevoelkerung-gemeinden-harz.json';
const KREISE = '/demo/data/bevoelkerung-kreise.json';
const ARBEITSLOSIGKEIT = '/demo/data/arbeitslosigkeit-kreise.json';
const GEO_ST = '/demo/data/geo/st-kreise-2021.topo.json';


const meta: Meta<Args> = {
  title: 'Elemente/region-auswahl',
  component: 'region-auswahl',
  args: { src: HARZ, linked: false, lang: 'de' },
  argTypes: {
    src: { control: 'select', options: [HARZ, KREISE, ARBEITSLOSIGKEIT, '/examples/gibt-es-nicht.json'] },
    indicator: text,
    level: text,
    region: text,
    heading: text,
    ...commonArgTypes,
  },
  render: (a) => html`<region-auswahl
    src=${a.src}
    indicator=${a.indicator || nothing}
    level=${a.level || nothing}
    region=${a.region || nothing}
    heading=${a.heading || nothing}
    ?linked=${a.linked}
    lang=${a.lang}
    theme=${a.theme ?? nothing}
  ></region-auswahl>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Landkreis Harz mit seinen 80 Gemeinden (auch den aufgelösten), gruppiert nach Ebene: Pfeil nach unten öffnet
 * die Liste, Tippen sucht nach Name („wernig“, „strobeck“) oder Schlüssel („15085370“), Enter wählt.
 */
export const HarzGemeinden: Story = {};

/** Mit gewählter Region (`region="15085"`): das Feld zeigt ihren Namen, Pfeil nach unten springt zu ihr. */
export const MitAuswahl: Story = { args: { region: '15085' } };

/** Nur Kreise (`level="Kreis"`) der Kreisdatei Sachsen-Anhalts, einschließlich der Kreise vor den Gebietsreformen. */
export const NurKreise: Story = { args: { src: KREISE, level: 'Kreis', heading: 'Kreis oder kreisfreie Stadt' } };

export const English: Story = { args: { lang: 'en' } };


/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = {
  args: { theme: 'dark', region: '15085' },
  decorators: [darkPage],
  parameters: { backgrounds: { disable: true } },
};

/**
 * Mit `linked` folgen Karte und Diagramm der Auswahl (und die Auswahl einem Klick auf der Karte): nur Regionen mit
 * Werten der Arbeitslosenquote (`indicator`) auf Kreisebene werden angeboten.
 */
export const Verknuepft: Story = {
  args: { src: ARBEITSLOSIGKEIT, indicator: 'arbeitslosenquote', level: 'Kreis', region: '15085', linked: true, heading: 'Kreis wählen' },
  render: (a, context) => html`${meta.render!(a, context)}
    <kreis-map
      linked
      src=${ARBEITSLOSIGKEIT}
      geo=${GEO_ST}
      indicator="arbeitslosenquote"
      region="15"
      period="2016"
      highlight="15085"
      lang=${a.lang}
      theme=${a.theme ?? nothing}
    ></kreis-map>
    <indikator-chart
      linked
      src=${ARBEITSLOSIGKEIT}
      indicator="arbeitslosenquote"
      region="15085"
      compare="15"
      from="2007"
      heading="Arbeitslosenquote im Zeitverlauf"
      lang=${a.lang}
      theme=${a.theme ?? nothing}
    ></indikator-chart>`,
};

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { args: { region: '15099' } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { args: { src: '/examples/gibt-es-nicht.json' } };
