import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { commonArgTypes, darkPage, text } from '../../stories/controls.js';
import { DOSSIER_FILES } from '../../demo/baukasten-code.js';
import '../kreisdossier.js';

interface Args {
  src: string;
  region: string;
  topic: string;
  compare?: string;
  within?: string;
  sections?: string;
  navigation: 'full' | 'topics' | 'none';
  linked: boolean;
  lang: 'de' | 'en';
  theme?: 'light' | 'dark' | 'auto';
}

// The Kreisdossier Harz of the demo (the files the embed builder preselects, served from demo/data/).
const HARZ_DOSSIER = DOSSIER_FILES.map((file: string) => `/demo/data/${file}`).join(' ');
/** Without a definition: the dossier lays the topic out from its indicators. */
const ONLY_DATA = '/demo/data/arbeitslosigkeit-kreise.json /demo/data/geo/grenzen-kreise.json';

const TOPICS = ['bevoelkerung', 'gesundheit-pflege', 'bildung', 'arbeitsmarkt-wirtschaft', 'soziale-lage', 'digitalisierung', 'strukturwandel', 'alle'];

const meta: Meta<Args> = {
  title: 'Elemente/themen-dossier',
  component: 'themen-dossier',
  args: { src: HARZ_DOSSIER, region: '15085', topic: 'bevoelkerung', within: '15085', navigation: 'full', linked: false, lang: 'de' },
  argTypes: {
    src: text,
    region: text,
    topic: { control: 'select', options: TOPICS },
    compare: text,
    within: text,
    sections: text,
    navigation: { control: 'inline-radio', options: ['full', 'topics', 'none'] },
    ...commonArgTypes,
  },
  render: (a) => html`<themen-dossier
    src=${a.src}
    region=${a.region}
    topic=${a.topic}
    compare=${a.compare || nothing}
    within=${a.within || nothing}
    sections=${a.sections || nothing}
    navigation=${a.navigation}
    ?linked=${a.linked}
    lang=${a.lang}
    theme=${a.theme ?? nothing}
  ></themen-dossier>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Landkreis Harz, Thema Bevölkerung: Kennzahlen, Diagramme, Karten, Erläuterungen und Quellen aus der Dossier-Definition. */
export const Bevoelkerung: Story = {};

/** Arbeitsmarkt: eine sinkende Arbeitslosenquote ist eine günstige Entwicklung – Pfeil und Text sagen es. */
export const Arbeitsmarkt: Story = { args: { topic: 'arbeitsmarkt-wirtschaft' } };

/** Eine Gemeinde (Wernigerode): eigene Zahlen, der Kreis zum Vergleich, und wo sie keine hat, der Weg zum Kreis. */
export const Gemeinde: Story = { args: { region: '15085370' } };

/** Ein Thema ohne Daten sagt es ehrlich – und welche Statistiken es füllen würden. */
export const ThemaOhneDaten: Story = { args: { topic: 'soziale-lage' } };

/** Nur Daten, keine Definition: Kennzahlen, je Indikator ein Diagramm und eine Karte. */
export const OhneDefinition: Story = { args: { src: ONLY_DATA, topic: 'arbeitsmarkt-wirtschaft', within: '15' } };

/** Eigene Inhalte per Slot und eine eigene Reihenfolge (`sections`). */
export const EigeneInhalte: Story = {
  args: { topic: 'arbeitsmarkt-wirtschaft', sections: 'kennzahlen arbeitslosenquote-karte' },
  render: (a) => html`<themen-dossier src=${a.src} region=${a.region} topic=${a.topic} sections=${a.sections ?? nothing} within=${a.within ?? nothing} lang=${a.lang}>
    <p slot="after-kennzahlen">Eigener Absatz der Redaktion nach den Kennzahlen.</p>
  </themen-dossier>`,
};

export const English: Story = { args: { lang: 'en', topic: 'arbeitsmarkt-wirtschaft' } };


/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { args: { theme: 'dark', topic: 'digitalisierung' }, decorators: [darkPage], parameters: { backgrounds: { disable: true } } };

/** Ein Thema, das es nicht gibt: die Meldung steht im Widget. */
export const FehlerUnbekanntesThema: Story = { args: { topic: 'sport' } };

/** Eine Region, die es in den Daten nicht gibt. */
export const FehlerUnbekannteRegion: Story = { args: { region: '15099' } };
