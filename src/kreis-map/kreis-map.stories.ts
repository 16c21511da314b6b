import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  BROKEN_JSON,
  DEMO_DATA,
  GEO,
  GEO_ATTRIBUTION,
  MISSING_FILE,
  UNKNOWN_REGION,
  darkStory,
  elementArgTypes,
  renderElement,
} from '../../stories/controls.js';
import './define.js';
import '../indikator-chart/define.js';

const TAG = 'kreis-map';

// Demo data built from official files (demo/data/) and the BKG boundaries (VG5000, 01.01.2021) in demo/data/geo/.
const HARZ = `${DEMO_DATA}bevoelkerung-gemeinden-harz.json`;
const ARBEITSLOSIGKEIT = `${DEMO_DATA}arbeitslosigkeit-kreise.json`;
const BREITBAND = `${DEMO_DATA}breitband-kreise-2021.json`;
const DICHTE = `${DEMO_DATA}bevoelkerungsdichte-kreise-2018.json`;
const SIEDLUNGSFLAECHE = `${DEMO_DATA}siedlungsflaeche-gemeinden.json`;
const GEO_HARZ = `${GEO}harz-gemeinden-2021.topo.json`;
const GEO_ST = `${GEO}st-kreise-2021.topo.json`;
const GEO_DE = `${GEO}de-kreise-2021.topo.json`;
const GEO_ST_GEMEINDEN = `${GEO}st-gemeinden-2021.topo.json`;
const GEO_DE_GEMEINDEN = `${GEO}de-gemeinden-2021.topo.json`;
const GEO_MISSING = `${GEO}gibt-es-nicht.topo.json`;

const SCHEMES = ['blues', 'greens', 'oranges', 'purples', 'ylgnbu', 'ylorbr', 'viridis', 'cividis', 'puor', 'brbg', 'rdbu', 'prgn'];

const meta: Meta = {
  title: 'Elemente/kreis-map',
  component: TAG,
  args: {
    src: HARZ,
    geo: GEO_HARZ,
    'geo-attribution': GEO_ATTRIBUTION,
    indicator: 'bevoelkerung',
    region: '15085',
    period: '2015-12-31',
    lang: 'de',
  },
  argTypes: elementArgTypes(TAG, {
    src: { control: 'select', options: [HARZ, ARBEITSLOSIGKEIT, DICHTE, BREITBAND, SIEDLUNGSFLAECHE, MISSING_FILE, BROKEN_JSON] },
    geo: { control: 'select', options: [GEO_HARZ, GEO_ST, GEO_DE, GEO_ST_GEMEINDEN, GEO_DE_GEMEINDEN, GEO_MISSING] },
    'key-property': { control: 'select', options: ['', 'ags', 'ars'], labels: { '': '(Standard: ags)' } },
    classes: { control: { type: 'range', min: 1, max: 9, step: 1 } },
    scheme: { control: 'select', options: ['', ...SCHEMES], labels: { '': '(Standard: blues)' } },
  }),
  render: renderElement(TAG),
};
export default meta;

type Story = StoryObj;

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
export const Deutsch: Story = { name: 'Deutsch' };

/** Auf Englisch (`lang="en"`): Oberfläche, Legende, Zahlen- und Datumsformat; Bezeichnungen zweisprachig aus der Datei. */
export const English: Story = { name: 'English', args: { ...sachsenAnhalt, highlight: '15085', lang: 'en' } };

/** `theme="dark"` auf einer dunklen Seite. */
export const Dunkel: Story = { name: 'Dunkel / Dark', args: { ...sachsenAnhalt, highlight: '15085', theme: 'dark' }, ...darkStory };

/**
 * Die 14 Kreise und kreisfreien Städte Sachsen-Anhalts nach der Arbeitslosenquote 2016,
 * der Landkreis Harz hervorgehoben (`highlight="15085"`).
 */
export const SachsenAnhaltKreise: Story = { name: 'Sachsen-Anhalt: Kreise', args: { ...sachsenAnhalt, highlight: '15085' } };

/**
 * Alle 401 Kreise Deutschlands (ohne `region`: alles, was die Grenzdatei enthält) nach der Bevölkerungsdichte
 * am 31.12.2018. Ohne Namen auf der Karte (über 30 Gebiete); die Werte stehen im Tooltip, in der Tabelle
 * und werden mit der Tastatur angesagt.
 */
export const DeutschlandKreise: Story = {
  name: 'Deutschland: Kreise',
  args: { src: DICHTE, geo: GEO_DE, indicator: 'bevoelkerungsdichte', region: undefined, period: '2018-12-31', scheme: 'ylorbr' },
};

/**
 * Gigabit-Anschlüsse privater Haushalte in allen Kreisen, Mitte 2021 (Breitbandatlas). Die Datei führt den Raum
 * Göttingen unter den Schlüsseln von vor der Kreisfusion 2016 (03152, 03156), die Grenzen von 2021 kennen nur 03159:
 * der Landkreis Göttingen ist schraffiert (keine Daten), die Kurzbeschreibung nennt die zwei Gebiete ohne Grenzen.
 */
export const DeutschlandBreitband: Story = {
  name: 'Deutschland: Breitband',
  args: { src: BREITBAND, geo: GEO_DE, indicator: 'breitband-1000mbit', region: undefined, period: undefined, scheme: 'ylgnbu' },
};

/** Die 218 Gemeinden Sachsen-Anhalts: Anteil der Siedlungs- und Verkehrsfläche an der Gesamtfläche 2023, Magdeburg hervorgehoben. */
export const SachsenAnhaltGemeinden: Story = {
  name: 'Sachsen-Anhalt: Gemeinden',
  args: { src: SIEDLUNGSFLAECHE, geo: GEO_ST_GEMEINDEN, indicator: 'ai0111', region: '15', period: undefined, highlight: '15003000', scheme: 'oranges' },
};

/**
 * Aus der Grenzdatei aller knapp 11.000 Gemeinden Deutschlands schneidet `region="15085"` die 20 Gemeinden des
 * Landkreises Harz heraus: Anteil der Siedlungs- und Verkehrsfläche 2023.
 */
export const GemeindenAusDeutschlandDatei: Story = {
  name: 'Gemeinden aus der Deutschland-Datei',
  args: { src: SIEDLUNGSFLAECHE, geo: GEO_DE_GEMEINDEN, indicator: 'ai0111', region: '15085', period: undefined, scheme: 'oranges' },
};

/** Quantile (Standard): etwa gleich viele Gemeinden je Klasse. */
export const KlassenQuantile: Story = { name: 'Klassen: Quantile', args: { classification: 'quantile' } };

/** Gleich breite Klassen: bei den sehr ungleich großen Gemeinden landen 13 der 20 in der untersten Klasse. */
export const KlassenGleicheBreite: Story = { name: 'Klassen: gleiche Breite', args: { classification: 'equal' } };

/** Natürliche Brüche (Jenks/ckmeans): Klassengrenzen dort, wo die Werte auseinanderliegen. */
export const KlassenJenks: Story = { name: 'Klassen: natürliche Brüche (Jenks)', args: { classification: 'jenks' } };

/** Eigene Klassengrenzen (`breaks="2500 5000 10000 20000"`): fünf Klassen, vergleichbar über Jahre und Karten. */
export const KlassenEigeneGrenzen: Story = {
  name: 'Klassen: eigene Grenzen',
  args: { classification: 'breaks', breaks: '2500 5000 10000 20000', scheme: 'greens' },
};

/**
 * Ein divergierendes Farbschema (`scheme="puor"`) um den Landeswert: Arbeitslosenquote 2016, Klassen je
 * einen Prozentpunkt um die 9,6 % Sachsen-Anhalts (`breaks="7.6 8.6 10.6 11.6"`); die mittlere Klasse ist neutral.
 */
export const Divergierend: Story = {
  name: 'Divergierendes Farbschema',
  args: {
    ...sachsenAnhalt,
    breaks: '7.6 8.6 10.6 11.6',
    scheme: 'puor',
    heading: 'Arbeitslosenquote 2016 im Vergleich zum Landeswert von 9,6 %',
  },
};

/**
 * Mit `linked` folgt die Karte einer Auswahl an anderer Stelle der Seite (und umgekehrt): ein Klick oder
 * Eingabe auf einem Kreis zeigt dessen Arbeitslosenquote im Diagramm darunter, ein Klick auf eine Linie
 * hebt den Kreis auf der Karte hervor.
 */
export const Verknuepft: Story = {
  name: 'Verknüpft mit einem Diagramm',
  args: { ...sachsenAnhalt, highlight: '15085', linked: true },
  render: (args, context) => html`${meta.render!(args, context)}
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

/**
 * MapLibre kann nicht geladen werden (`maplibre-url="./gibt-es-nicht.mjs"`): Statt der Karte stehen ein
 * Hinweis und die Tabelle da; Legende, Kurzbeschreibung und Quellen bleiben.
 */
export const OhneKartenbibliothek: Story = { name: 'Ohne Kartenbibliothek', args: { 'maplibre-url': './gibt-es-nicht.mjs' } };

/** Eine Region, die die Grenzdatei nicht enthält: die Meldung steht im Widget. */
export const FehlerUnbekannteRegion: Story = { name: 'Fehler: Region unbekannt', args: { region: UNKNOWN_REGION } };

/** Die Datendatei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerDateiFehlt: Story = { name: 'Fehler: Datei fehlt (404)', args: { src: MISSING_FILE } };

/** Die Grenzdatei fehlt auf dem Server (HTTP 404), mit „Erneut versuchen“. */
export const FehlerGrenzdateiFehlt: Story = { name: 'Fehler: Grenzdatei fehlt (404)', args: { geo: GEO_MISSING } };

/** Die Datei ist kein gültiges JSON (hier eine `data:`-URL mit einem Komma zu viel): die Stelle des Fehlers wird genannt. */
export const FehlerUngueltigesJson: Story = { name: 'Fehler: ungültiges JSON', args: { src: BROKEN_JSON } };
