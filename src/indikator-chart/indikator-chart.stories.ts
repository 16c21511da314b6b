import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { commonArgTypes, darkPage, text } from '../../stories/controls.js';
import './define.js';

interface Args {
  type: 'line' | 'bar' | 'column' | 'stacked' | 'pyramid';
  src?: string;
  /** The `data` property (a document or its JSON text); takes precedence over `src`. */
  data?: unknown;
  indicator?: string;
  region?: string;
  compare?: string;
  period?: string;
  from?: string;
  to?: string;
  mode?: 'absolute' | 'index' | 'share';
  base?: string;
  breakdown?: string;
  dimension?: string;
  highlight?: string;
  heading?: string;
  linked: boolean;
  lang: 'de' | 'en';
  theme?: 'light' | 'dark' | 'auto';
}

// Committed example files (examples/) and the demo data built from official files (demo/data/).
const HARZ = '/examples/bevoelkerung-harz.json';
const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';
const BEVOELKERUNG = '/demo/data/bevoelkerung-kreise.json';
const ARBEITSLOSIGKEIT = '/demo/data/arbeitslosigkeit-kreise.json';
const ALTERSGRUPPEN = '/demo/data/altersgruppen-kreise.json';
const GEBURTEN = '/demo/data/geburten-kreise.json';


const meta: Meta<Args> = {
  title: 'Elemente/indikator-chart',
  component: 'indikator-chart',
  args: { type: 'line', src: HARZ, linked: false, lang: 'de' },
  argTypes: {
    type: { control: 'inline-radio', options: ['line', 'bar', 'column', 'stacked', 'pyramid'] },
    src: {
      control: 'select',
      options: [HARZ, ALQ, BEVOELKERUNG, ARBEITSLOSIGKEIT, ALTERSGRUPPEN, GEBURTEN, '/examples/gibt-es-nicht.json'],
    },
    data: { control: false },
    indicator: text,
    region: text,
    compare: text,
    period: text,
    from: text,
    to: text,
    mode: { control: 'inline-radio', options: [undefined, 'absolute', 'index', 'share'], labels: { undefined: '(automatisch)' } },
    base: text,
    breakdown: text,
    dimension: text,
    highlight: text,
    heading: text,
    ...commonArgTypes,
  },
  render: (a) => html`<indikator-chart
    type=${a.type}
    src=${a.src ?? nothing}
    .data=${a.data}
    indicator=${a.indicator || nothing}
    region=${a.region || nothing}
    compare=${a.compare || nothing}
    period=${a.period || nothing}
    from=${a.from || nothing}
    to=${a.to || nothing}
    mode=${a.mode ?? nothing}
    base=${a.base || nothing}
    breakdown=${a.breakdown || nothing}
    dimension=${a.dimension || nothing}
    highlight=${a.highlight || nothing}
    heading=${a.heading || nothing}
    ?linked=${a.linked}
    lang=${a.lang}
    theme=${a.theme ?? nothing}
  ></indikator-chart>`,
};
export default meta;

type Story = StoryObj<Args>;


/**
 * Landkreis Harz und Sachsen-Anhalt (`compare="parent"`) als Index (31.12.1995 = 100):
 * so wird die Entwicklung vergleichbar, obwohl das Land rund zehnmal so viele Einwohner hat.
 */
export const Linie: Story = { args: { region: '15085', compare: 'parent', mode: 'index' } };

/** Eine Region, amtliche Werte: Einwohnerzahl des Landkreises Harz ab 2008 (nach der Kreisreform). */
export const LinieAbsolut: Story = { args: { src: BEVOELKERUNG, region: '15085', from: '2008-12-31', mode: 'absolute' } };

/**
 * Auf Englisch (`lang="en"`): Oberfläche, Zahlen- und Datumsformat; Bezeichnungen und Einheit kommen
 * englisch aus der Datei, die sie zweisprachig enthält.
 */
export const LinieEnglisch: Story = { args: { region: '15085', compare: 'parent', from: '2008-12-31', lang: 'en' } };

/**
 * Rangfolge der 14 Kreise Sachsen-Anhalts nach der Arbeitslosenquote 2016,
 * der Landkreis Harz hervorgehoben, Deutschland und das Land als Vergleich.
 */
export const Rangfolge: Story = {
  args: {
    type: 'bar',
    src: ARBEITSLOSIGKEIT,
    indicator: 'arbeitslosenquote',
    region: '15',
    period: '2016',
    highlight: '15085',
    compare: 'DG 15',
  },
};

/** Säulen über die Zeit: Lebendgeborene im Landkreis Harz 2008–2015. */
export const Saeulen: Story = { args: { type: 'column', src: GEBURTEN, region: '15085', from: '2008' } };

/** Altersgruppen als Anteile (`mode="share"` ist bei „stacked“ voreingestellt): Harz, Sachsen-Anhalt, Deutschland am 31.12.2015. */
export const Gestapelt: Story = { args: { type: 'stacked', src: ALTERSGRUPPEN, region: '15085 15 DG' } };

/** Alterspyramide des Landkreises Harz am 31.12.2015: Frauen und Männer je Altersgruppe. */
export const Pyramide: Story = { args: { type: 'pyramid', src: ALTERSGRUPPEN, region: '15085' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = {
  args: { src: BEVOELKERUNG, region: '15085', compare: 'parent', from: '2008-12-31', theme: 'dark' },
  decorators: [darkPage],
  parameters: { backgrounds: { disable: true } },
};

/** Eine Gliederung wählen: weibliche Bevölkerung im Landkreis Harz und in Sachsen-Anhalt. */
export const Gliederung: Story = {
  args: { src: BEVOELKERUNG, region: '15085', compare: 'parent', breakdown: 'geschlecht=weiblich', from: '2008-12-31' },
};

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { args: { region: '15099' } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { args: { src: '/examples/gibt-es-nicht.json' } };

/** Kein gültiges JSON (hier über die Eigenschaft `data` als Text übergeben): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = {
  args: { src: undefined, data: '{ "kreisdossier": "1.0", "regions": [ { "key": "15085", } ' },
};

/** Gültiges JSON, das nicht dem Datenformat entspricht (Objekt über `data`): die Probleme werden aufgelistet. */
export const FehlerUngueltigeDaten: Story = {
  args: { src: undefined, data: { kreisdossier: '1.0', regions: 'Harz', observations: [{ value: 'viele' }] } },
};
