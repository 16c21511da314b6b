import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import './define.js';

interface Args {
  src: string;
  indicator?: string;
  region?: string;
  period?: string;
  from?: string;
  to?: string;
  breakdown?: string;
  heading?: string;
  rows: 'auto' | 'period' | 'region';
  lang: 'de' | 'en';
}

const HARZ = '/examples/bevoelkerung-harz.json';
const ALQ = '/examples/arbeitslosenquote-sachsen-anhalt.json';

const meta: Meta<Args> = {
  title: 'Elemente/indikator-tabelle',
  component: 'indikator-tabelle',
  args: { src: HARZ, rows: 'auto', lang: 'de' },
  argTypes: {
    rows: { control: 'inline-radio', options: ['auto', 'period', 'region'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (a) => html`<indikator-tabelle
    src=${a.src}
    indicator=${a.indicator ?? nothing}
    region=${a.region ?? nothing}
    period=${a.period ?? nothing}
    from=${a.from ?? nothing}
    to=${a.to ?? nothing}
    breakdown=${a.breakdown ?? nothing}
    heading=${a.heading ?? nothing}
    rows=${a.rows}
    lang=${a.lang}
  ></indikator-tabelle>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Einwohnerzahl Landkreis Harz und Sachsen-Anhalt 1995–2015, mit „.“ für Stichtage vor der Kreisreform. */
export const Zeitreihe: Story = {};

/** Arbeitslosenquote 2016 in den 14 Kreisen und im Land: Regionen als Zeilen. */
export const Kreisvergleich: Story = { args: { src: ALQ, period: '2016' } };

/** Eine Gliederung wählen: weibliche Bevölkerung. */
export const Gliederung: Story = { args: { region: '15085', breakdown: 'geschlecht=weiblich', from: '2008-12-31' } };

export const English: Story = { args: { lang: 'en', region: '15085 15', from: '2010-12-31' } };

/** Eine Region, die es in den Daten nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { args: { region: '15099' } };

/** Die Datei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { args: { src: '/examples/gibt-es-nicht.json' } };
