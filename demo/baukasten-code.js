// The embed builder's model, without any DOM: the files it offers, which attributes a choice turns into,
// and the HTML snippet as text. baukasten.js drives the form; the tests import this module directly.

/** The bundle a site copies from dist/ (one file, all elements). */
export const BUNDLE_FILE = 'kreisdossier.bundle.js';

/** Folder beside the snippet's base path where the data files go. */
export const DATA_FOLDER = 'daten/';

/** The dossier definition (topics, order); written separately, loaded together with the data files. */
export const DEFINITION_FILE = 'kreisdossier-harz.json';

/** Attribution of every boundary file in demo/data/geo/ (VG5000, 01.01.2021). */
export const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG (2021), Daten verändert (dl-de/by-2-0)';

/** The demo data files (demo/data/*.json), with a human title; sorted by title in the form. */
export const DATA_FILES = [
  { file: 'altersgruppen-kreise.json', title: 'Bevölkerung nach Altersgruppen und Geschlecht – Kreise, 31.12.2015' },
  { file: 'arbeitslosigkeit-kreise.json', title: 'Arbeitslose und Arbeitslosenquote – Kreise, 2001–2016' },
  { file: 'beschaeftigte-kreise.json', title: 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort – Kreise, 2012–2015' },
  { file: 'bevoelkerung-gemeinden-harz.json', title: 'Einwohnerzahl – Gemeinden im Landkreis Harz, 2008–2015' },
  { file: 'bevoelkerung-kreise.json', title: 'Einwohnerzahl – Kreise, 1995–2015' },
  { file: 'bevoelkerung-kreise-2024.json', title: 'Einwohnerzahl – Kreise, 31.12.2024' },
  { file: 'beschaeftigte-kreise-2025.json', title: 'Sozialversicherungspflichtig Beschäftigte am Arbeitsort – Land und Bund, 30.06.2025' },
  { file: 'einkommen-kreise-2021.json', title: 'Steuerpflichtige, Einkünfte und Einkünfte je Steuerpflichtigen (berechnet) – Kreise, 2021' },
  { file: 'insolvenzen-kreise-2024.json', title: 'Unternehmensinsolvenzen – Kreise, 2024' },
  { file: 'bevoelkerungsdichte-kreise-2018.json', title: 'Bevölkerungsdichte – alle 401 Kreise, 31.12.2018' },
  { file: 'breitband-kreise-2021.json', title: 'Breitband- und Glasfaserverfügbarkeit – alle Kreise, Mitte 2021' },
  { file: 'durchschnittsalter-kreise.json', title: 'Durchschnittsalter – Kreise, 31.12.2015' },
  { file: 'geburten-kreise.json', title: 'Lebendgeborene – Kreise, 1995–2015' },
  { file: 'pflege-kreise.json', title: 'Pflegebedürftige – Kreise, 2009–2015' },
  { file: 'schulen-kreise.json', title: 'Allgemeinbildende Schulen und Schüler – Kreise, 2015' },
  { file: 'siedlungsflaeche-gemeinden.json', title: 'Siedlungs- und Verkehrsfläche – Gemeinden, 2023' },
  { file: 'siedlungsflaeche-gemeinden-harz.json', title: 'Siedlungs- und Verkehrsfläche – Gemeinden im Landkreis Harz, 2023' },
  { file: 'sterbefaelle-kreise.json', title: 'Gestorbene – Kreise, 1995–2015' },
];

/** Boundary references for the dossier, one per level (kreisdossier files with a `geometry`, in the data folder's geo/). */
export const DOSSIER_GEO_FILES = [
  { file: 'geo/grenzen-kreise.json', title: 'Gebietsgrenzen der Kreise (Verweis auf st-kreise-2021.topo.json)' },
  { file: 'geo/grenzen-gemeinden.json', title: 'Gebietsgrenzen der Gemeinden (Verweis auf st-gemeinden-2021.topo.json)' },
];

/** What the Kreisdossier Harz loads (paths inside the data folder), preselected for <themen-dossier>. */
export const DOSSIER_FILES = [
  DEFINITION_FILE,
  ...DOSSIER_GEO_FILES.map((f) => f.file),
  ...[
    'bevoelkerung-kreise.json',
    'bevoelkerung-kreise-2024.json',
    'bevoelkerung-gemeinden-harz.json',
    'altersgruppen-kreise.json',
    'durchschnittsalter-kreise.json',
    'geburten-kreise.json',
    'sterbefaelle-kreise.json',
    'bevoelkerungsdichte-kreise-2018.json',
    'pflege-kreise.json',
    'schulen-kreise.json',
    'arbeitslosigkeit-kreise.json',
    'beschaeftigte-kreise.json',
    'beschaeftigte-kreise-2025.json',
    'insolvenzen-kreise-2024.json',
    'einkommen-kreise-2021.json',
    'breitband-kreise-2021.json',
    'siedlungsflaeche-gemeinden-harz.json',
  ],
];

/** The boundary files (demo/data/geo/*.topo.json). */
export const GEO_FILES = [
  { file: 'harz-gemeinden-2021.topo.json', title: 'Die 20 Gemeinden des Landkreises Harz' },
  { file: 'st-gemeinden-2021.topo.json', title: 'Die 218 Gemeinden Sachsen-Anhalts' },
  { file: 'st-kreise-2021.topo.json', title: 'Die 14 Kreise Sachsen-Anhalts' },
  { file: 'de-kreise-2021.topo.json', title: 'Alle 401 Kreise Deutschlands' },
  { file: 'de-gemeinden-2021.topo.json', title: 'Alle 10.997 Gemeinden Deutschlands (2,5 MB)' },
];

/** Topics of <themen-dossier>. */
export const TOPICS = [
  { id: 'alle', title: 'Alle Themen' },
  { id: 'bevoelkerung', title: 'Bevölkerung' },
  { id: 'gesundheit-pflege', title: 'Gesundheit und Pflege' },
  { id: 'bildung', title: 'Bildung' },
  { id: 'arbeitsmarkt-wirtschaft', title: 'Arbeitsmarkt und Wirtschaft' },
  { id: 'soziale-lage', title: 'Soziale Lage' },
  { id: 'digitalisierung', title: 'Digitalisierung' },
  { id: 'strukturwandel', title: 'Strukturwandel' },
];

/** Text that is safe inside an HTML attribute value in double quotes, and inside element content. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The base path as typed, with a trailing slash; empty means "beside the page" (relative URLs). */
export function normalizeBase(base) {
  const trimmed = String(base ?? '').trim();
  if (!trimmed) return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The boundary file that fits a region: Harz / Sachsen-Anhalt / Germany, Gemeinden or Kreise. */
export function suggestGeo(region, gemeinden) {
  const key = String(region ?? '');
  if (gemeinden) {
    if (key.startsWith('15085')) return 'harz-gemeinden-2021.topo.json';
    if (key.startsWith('15')) return 'st-gemeinden-2021.topo.json';
    return 'de-gemeinden-2021.topo.json';
  }
  return key.startsWith('15') ? 'st-kreise-2021.topo.json' : 'de-kreise-2021.topo.json';
}

/**
 * The element's attributes, in a fixed order, for a builder state. `url(kind, file)` turns a data
 * ('data') or boundary ('geo') file name into the URL the element should load. Values are raw text;
 * `true` stands for a boolean attribute. Defaults are left out, so the snippet stays short.
 *
 * @param {Record<string, any>} s
 * @param {(kind: 'data' | 'geo', file: string) => string} url
 * @returns {Array<[string, string | true]>}
 */
export function attributesFor(s, url) {
  /** @type {Array<[string, string | true]>} */
  const attrs = [];
  const add = (name, value) => {
    if (value === true) attrs.push([name, true]);
    else if (value !== undefined && value !== null && value !== false && String(value).trim() !== '') attrs.push([name, String(value).trim()]);
  };
  const words = (text) => String(text ?? '').trim().split(/\s+/).filter(Boolean).join(' ');
  const tag = s.element;

  if (tag === 'themen-dossier') {
    add('src', (s.dossierFiles ?? []).map((f) => url('data', f)).join(' '));
    add('region', s.region);
    add('topic', s.topic);
    add('compare', words(s.dossierCompare));
    if (s.hash) add('hash', true);
    if (s.linked) add('linked', true);
    add('lang', s.lang);
    return attrs;
  }

  if (s.file) add('src', url('data', s.file));
  if (tag === 'kreis-map' && s.geo) {
    add('geo', url('geo', s.geo));
    add('geo-attribution', GEO_ATTRIBUTION);
  }
  add('indicator', s.indicator);
  add('region', s.region);
  if (tag === 'indikator-chart') {
    if (s.type && s.type !== 'line') add('type', s.type);
    add('compare', s.compare);
  }
  if (tag === 'indikator-chart' || tag === 'indikator-tabelle') {
    if (s.time === 'period') add('period', s.period);
    if (s.time === 'range') {
      add('from', s.from);
      add('to', s.to);
    }
  }
  if (tag === 'indikator-chart') add('mode', s.mode);
  if (tag === 'kreis-map') {
    add('period', s.period);
    add('classes', s.classes);
    add('scheme', s.scheme);
  }
  add('heading', s.heading);
  add('lang', s.lang);
  add('theme', s.theme);
  if (s.linked && tag !== 'indikator-tabelle') add('linked', true);
  return attrs;
}

/** One element as HTML text, every attribute value escaped. */
export function elementCode(tag, attrs) {
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(tag)) throw new Error(`not a custom element name: ${tag}`);
  const parts = attrs.map(([name, value]) => {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
    return value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  });
  return `<${tag}${parts.join('')}></${tag}>`;
}

/** URLs of the files as they will lie on the reader's own server. */
export function hostedUrl(base, kind, file) {
  return `${normalizeBase(base)}${DATA_FOLDER}${kind === 'geo' ? 'geo/' : ''}${file}`;
}

/** The complete snippet to paste: one script tag, then the element. */
export function snippet(s) {
  const base = normalizeBase(s.base);
  const attrs = attributesFor(s, (kind, file) => hostedUrl(base, kind, file));
  return `<script type="module" src="${escapeHtml(base + BUNDLE_FILE)}"></script>\n${elementCode(s.element, attrs)}`;
}

/** Which files the reader must put on the server for this snippet (paths as in the snippet). */
export function filesToHost(s) {
  const base = normalizeBase(s.base);
  const files = [
    { path: base + BUNDLE_FILE, note: 'aus dist/ von kreisdossier' },
    { path: `${base}maplibre/`, note: 'der ganze Ordner dist/maplibre/, direkt neben dem Bundle (wird nur für Karten geladen)' },
  ];
  if (s.element === 'themen-dossier') {
    for (const f of s.dossierFiles ?? []) {
      const note = f === DEFINITION_FILE ? 'Dossier-Definition' : f.startsWith('geo/') ? 'Verweis auf Gebietsgrenzen (die .topo.json daneben mit hochladen)' : 'Datendatei';
      files.push({ path: hostedUrl(base, 'data', f), note });
    }
  } else if (s.file) {
    files.push({ path: hostedUrl(base, 'data', s.file), note: 'Datendatei' });
  }
  if (s.element === 'kreis-map' && s.geo) files.push({ path: hostedUrl(base, 'geo', s.geo), note: 'Gebietsgrenzen' });
  return files;
}
