import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { commonArgTypes, darkPage, text } from '../../stories/controls.js';
import './define.js';
import '../indikator-chart/define.js';

interface Args {
  src?: string;
  geo?: string;
  geoAttribution?: string;
  keyProperty?: string;
  indicator?: string;
  period?: string;
  region?: string;
  breakdown?: string;
  highlight?: string;
  classes?: number;
  classification?: 'quantile' | 'equal' | 'jenks' | 'ckmeans' | 'breaks';
  breaks?: string;
  scheme?: string;
  heading?: string;
  basemap?: string;
  maplibreUrl?: string;
  workerUrl?: string;
  linked: boolean;
  lang: 'de' | 'en';
  theme?: 'light' | 'dark' | 'auto';
}

// Demo data built from official files (demo/data/) and the BKG boundaries (VG5000, 01.01.2021) in demo/data/geo/.
const HARZ = '/demo/data/bevoelkerung-gemeinden-harz.json';
const ARBEITSLOSIGKEIT = '/demo/data/arbeitslosigkeit-kreise.json';
const BREITBAND = '/demo/data/breitband-kreise-2021.json';
const DICHTE = '/demo/data/bevoelkerungsdichte-kreise-2018.json';
const SIEDLUNGSFLAECHE = '/demo/data/siedlungsflaeche-gemeinden.json';
const GEO_HARZ = '/demo/data/geo/harz-gemeinden-2021.topo.json';
const GEO_ST = '/demo/data/geo/st-kreise-2021.topo.json';
const GEO_DE = '/demo/data/geo/de-kreise-2021.topo.json';
const GEO_ST_GEMEINDEN = '/demo/data/geo/st-gemeinden-2021.topo.json';
const GEO_DE_GEMEINDEN = '/demo/data/geo/de-gemeinden-2021.topo.json';
const GEO_MISSING = '/demo/data/geo/gibt-es-nicht.topo.json';
const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG (2021), Daten verändert (dl-de/by-2-0)';

const SCHEMES = ['blues', 'greens', 'oranges', 'purples', 'ylgnbu', 'ylorbr', 'viridis', 'cividis', 'puor', 'brbg', 'rdbu', 'prgn'];


const meta: Meta<Args> = {
  title: 'Elemente/kreis-map',
  component: 'kreis-map',
  args: {
    src: HARZ,
    geo: GEO_HARZ,
    geoAttribution: GEO_ATTRIBUTION,
    indicator: 'bevoelkerung',
    region: '15085',
    linked: false,
    lang: 'de',
  },
  argTypes: {
    src: { control: 'select', options: [HARZ, ARBEITSLOSIGKEIT, DICHTE, BREITBAND, SIEDLUNGSFLAECHE, '/examples/gibt-es-nicht.json'] },
    geo: { control: 'select', options: [GEO_HARZ, GEO_ST, GEO_DE, GEO_ST_GEMEINDEN, GEO_DE_GEMEINDEN, GEO_MISSING] },
    geoAttribution: text,
    keyProperty: { control: 'inline-radio', options: [undefined, 'ags', 'ars'], labels: { undefined: '(Standard: ags)' } },
    indicator: text,
    period: text,
    region: text,
    breakdown: text,
    highlight: text,
    classes: { control: { type: 'range', min: 1, max: 9, step: 1 } },
    classification: {
      control: 'inline-radio',
      options: [undefined, 'quantile', 'equal', 'jenks', 'breaks'],
      labels: { undefined: '(Standard: quantile)' },
    },
    breaks: text,
    scheme: { control: 'select', options: [undefined, ...SCHEMES], labels: { undefined: '(Standard: blues)' } },
    heading: text,
    basemap: text,
    maplibreUrl: text,
    workerUrl: text,
    ...commonArgTypes,
  },
  render: (a) => html`<kreis-map
    src=${a.src || nothing}
    geo=${a.geo || nothing}
    geo-attribution=${a.geoAttribution || nothing}
    key-property=${a.keyProperty || nothing}
    indicator=${a.indicator || nothing}
    period=${a.period || nothing}
    region=${a.region || nothing}
    breakdown=${a.breakdown || nothing}
    highlight=${a.highlight || nothing}
    classes=${a.classes ?? nothing}
    classification=${a.classification || nothing}
    breaks=${a.breaks || nothing}
    scheme=${a.scheme || nothing}
    heading=${a.heading || nothing}
    basemap=${a.basemap || nothing}
    maplibre-url=${a.maplibreUrl || nothing}
    worker-url=${a.workerUrl || nothing}
    ?linked=${a.linked}
    lang=${a.lang}
    theme=${a.theme ?? nothing}
  ></kreis-map>`,
};
export default meta;

type Story = StoryObj<Args>;


/** Sachsen-Anhalt's 14 Kreise and kreisfreie Städte by their unemployment rate 2016. */
const sachsenAnhalt = {
  src: ARBEITSLOSIGKEIT,
  geo: GEO_ST,
  indicator: 'arbeitslosenquote',
  region: '15',
  period: '2016',
} as const;

/**
 * Die 20 Gemeinden des Landkreises Harz (`region="15085"`) nach ihrer Einwohnerzahl am 31.12.2015,
 * mit Namen auf der Karte (bis 30 Gebiete), Legende, Kurzbeschreibung und Quellen von Daten und Grenzen.
 */
export const HarzGemeinden: Story = { args: { period: '2015-12-31' } };

/**
 * Die 14 Kreise und kreisfreien Städte Sachsen-Anhalts nach der Arbeitslosenquote 2016,
 * der Landkreis Harz hervorgehoben (`highlight="15085"`).
 */
export const SachsenAnhaltKreise: Story = { args: { ...sachsenAnhalt, highlight: '15085' } };

/**
 * Alle 401 Kreise Deutschlands (ohne `region`: alles, was die Grenzdatei enthält) nach der Bevölkerungsdichte
 * am 31.12.2018. Ohne Namen auf der Karte (über 30 Gebiete); die Werte stehen im Tooltip, in der Tabelle
 * und werden mit der Tastatur angesagt.
 */
export const DeutschlandKreise: Story = {
  args: { src: DICHTE, geo: GEO_DE, indicator: 'bevoelkerungsdichte', region: undefined, period: '2018-12-31', scheme: 'ylorbr' },
};

/**
 * Gigabit-Anschlüsse privater Haushalte in allen Kreisen, Mitte 2021 (Breitbandatlas). Die Datei führt den Raum
 * Göttingen unter den Schlüsseln von vor der Kreisfusion 2016 (03152, 03156), die Grenzen von 2021 kennen nur 03159:
 * der Landkreis Göttingen ist schraffiert (keine Daten), die Kurzbeschreibung nennt die zwei Gebiete ohne Grenzen.
 */
export const DeutschlandBreitband: Story = {
  args: { src: BREITBAND, geo: GEO_DE, indicator: 'breitband-1000mbit', region: undefined, scheme: 'ylgnbu' },
};

/** Die 218 Gemeinden Sachsen-Anhalts: Anteil der Siedlungs- und Verkehrsfläche an der Gesamtfläche 2023, Magdeburg hervorgehoben. */
export const SachsenAnhaltGemeinden: Story = {
  args: { src: SIEDLUNGSFLAECHE, geo: GEO_ST_GEMEINDEN, indicator: 'ai0111', region: '15', highlight: '15003000', scheme: 'oranges' },
};

/**
 * Aus der Grenzdatei aller knapp 11.000 Gemeinden Deutschlands schneidet `region="15085"` die 20 Gemeinden des
 * Landkreises Harz heraus: Anteil der Siedlungs- und Verkehrsfläche 2023.
 */
export const GemeindenAusDeutschlandDatei: Story = {
  args: { src: SIEDLUNGSFLAECHE, geo: GEO_DE_GEMEINDEN, indicator: 'ai0111', region: '15085', scheme: 'oranges' },
};

/** Quantile (Standard): etwa gleich viele Gemeinden je Klasse. */
export const KlassenQuantile: Story = { args: { period: '2015-12-31', classification: 'quantile' } };

/** Gleich breite Klassen: bei den sehr ungleich großen Gemeinden landen 13 der 20 in der untersten Klasse. */
export const KlassenGleicheBreite: Story = { args: { period: '2015-12-31', classification: 'equal' } };

/** Natürliche Brüche (Jenks/ckmeans): Klassengrenzen dort, wo die Werte auseinanderliegen. */
export const KlassenJenks: Story = { args: { period: '2015-12-31', classification: 'jenks' } };

/** Eigene Klassengrenzen (`breaks="2500 5000 10000 20000"`): fünf Klassen, vergleichbar über Jahre und Karten. */
export const KlassenEigeneGrenzen: Story = {
  args: { period: '2015-12-31', classification: 'breaks', breaks: '2500 5000 10000 20000', scheme: 'greens' },
};

/**
 * Ein divergierendes Farbschema (`scheme="puor"`) um den Landeswert: Arbeitslosenquote 2016, Klassen je
 * einen Prozentpunkt um die 9,6 % Sachsen-Anhalts (`breaks="7.6 8.6 10.6 11.6"`); die mittlere Klasse ist neutral.
 */
export const Divergierend: Story = {
  args: {
    ...sachsenAnhalt,
    breaks: '7.6 8.6 10.6 11.6',
    scheme: 'puor',
    heading: 'Arbeitslosenquote 2016 im Vergleich zum Landeswert von 9,6 %',
  },
};

/** Auf Englisch (`lang="en"`): Oberfläche, Legende, Zahlen- und Datumsformat; Bezeichnungen zweisprachig aus der Datei. */
export const English: Story = { args: { ...sachsenAnhalt, highlight: '15085', lang: 'en' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = {
  args: { ...sachsenAnhalt, highlight: '15085', theme: 'dark' },
  decorators: [darkPage],
  parameters: { backgrounds: { disable: true } },
};

/**
 * Mit `linked` folgt die Karte einer Auswahl an anderer Stelle der Seite (und umgekehrt): ein Klick oder
 * Eingabe auf einem Kreis zeigt dessen Arbeitslosenquote im Diagramm darunter, ein Klick auf eine Linie
 * hebt den Kreis auf der Karte hervor.
 */
export const Verknuepft: Story = {
  args: { ...sachsenAnhalt, highlight: '15085', linked: true },
  render: (a, context) => html`${meta.render!(a, context)}
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

/**
 * MapLibre kann nicht geladen werden (`maplibre-url="/does-not-exist.mjs"`): Statt der Karte stehen ein
 * Hinweis und die Tabelle da; Legende, Kurzbeschreibung und Quellen bleiben.
 */
export const OhneKartenbibliothek: Story = { args: { period: '2015-12-31', maplibreUrl: '/does-not-exist.mjs' } };

/** Eine Region, die die Grenzdatei nicht enthält: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { args: { region: '15099' } };

/** Die Grenzdatei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerGrenzdateiFehlt: Story = { args: { period: '2015-12-31', geo: GEO_MISSING } };
