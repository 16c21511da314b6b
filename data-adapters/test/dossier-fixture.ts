/**
 * A small catalogue folder for the `dossier` tests, made from the committed demo files (Sachsen-Anhalt) and
 * BKG boundaries (cut with the project's own `geo` command), laid out the way nationwide data are sharded:
 *
 *   katalog.json
 *   kreise/de/*.json           Deutschland of the Kreis files (as `kreisdossier split` parts them)
 *   kreise/15/*.json           Sachsen-Anhalt with its Kreise
 *   kreise/{03,12,15}/…        the nationwide broadband and density files, split by Land
 *   gemeinden/{15085,15002}/…  Gemeinde files split by Kreis
 *   regionen/gemeinden-KREIS.json   the names of a Kreis's Gemeinden
 *   geo/kreise-LAND.topo.json, geo/gemeinden-KREIS.topo.json
 *   dossiers/harz.json (for 15085), dossiers/standard.json (for every other region)
 *
 * Three Länder (03 Niedersachsen, 12 Brandenburg, 15 Sachsen-Anhalt), so that a test can tell that a dossier
 * takes nothing of another Land. The real numbers stay as published; files are only split.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueInput } from '../../src/format/catalogue-schema.js';
import { validateCatalogue } from '../../src/format/catalogue-validate.js';
import type { KreisdossierDocument } from '../../src/format/types.js';
import { main } from '../cli.js';
import { describeDataFile } from '../dossier/describe.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO = join(ROOT, 'demo/data');

const BKG = '© GeoBasis-DE / BKG (2021), Daten verändert';
const DL_DE = { id: 'dl-de/by-2-0', name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' };

const readDoc = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as KreisdossierDocument;
type Topology = { objects: Record<string, { geometries: Array<{ properties: { ags: string; name: string } }> }> };

function write(dir: string, path: string, content: unknown): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 1)}\n`);
}

/** A data file cut to keys under a prefix ("" for all) and, with `levels`, to those levels. */
function cut(doc: KreisdossierDocument, prefix: string, id: string, levels?: string[]): KreisdossierDocument {
  const level = new Map(doc.regions.map((r) => [r.key, r.level]));
  const keep = (key: string) => key.startsWith(prefix) && (!levels || levels.includes(level.get(key)!));
  const observations = doc.observations.filter((o) => keep(o.region));
  const used = new Set(observations.map((o) => o.region));
  return { ...doc, dataset: { ...doc.dataset, id }, regions: doc.regions.filter((r) => used.has(r.key)), observations };
}

async function geo(input: string, within: string, output: string): Promise<void> {
  const code = await main(['geo', input, '--within', within, '--format', 'topojson', '-o', output], { stdout: () => {}, stderr: () => {} }, { LANG: 'de_DE.UTF-8' });
  if (code !== 0) throw new Error(`geo ${input} --within ${within} failed`);
}

/** Every Kreis file of the demo (Sachsen-Anhalt): all that the Harz dossier definition names. */
export const KREIS_FILES = [
  'altersgruppen-kreise',
  'arbeitslosigkeit-kreise',
  'beschaeftigte-kreise',
  'beschaeftigte-kreise-2025',
  'bevoelkerung-kreise',
  'bevoelkerung-kreise-2024',
  'durchschnittsalter-kreise',
  'einkommen-kreise-2021',
  'geburten-kreise',
  'insolvenzen-kreise-2024',
  'pflege-kreise',
  'schulen-kreise',
  'sterbefaelle-kreise',
];

export async function makeCatalogueFolder(dir: string): Promise<void> {
  const data: Array<{ path: string; doc: KreisdossierDocument }> = [];
  const addData = (path: string, doc: KreisdossierDocument) => {
    write(dir, path, doc);
    data.push({ path, doc });
  };
  for (const name of KREIS_FILES) {
    const doc = readDoc(join(DEMO, `${name}.json`));
    const top = cut(doc, '', `${doc.dataset.id}-de`, ['Bund']);
    if (top.observations.length) addData(`kreise/de/${name}.json`, top);
    addData(`kreise/15/${name}.json`, cut(doc, '15', `${doc.dataset.id}-15`, ['Land', 'Regierungsbezirk', 'Kreis']));
  }
  for (const land of ['03', '12', '15']) {
    addData(`kreise/${land}/breitband.json`, cut(readDoc(join(DEMO, 'breitband-kreise-2021.json')), land, `breitband-2021-${land}`));
    addData(`kreise/${land}/bevoelkerungsdichte.json`, cut(readDoc(join(DEMO, 'bevoelkerungsdichte-kreise-2018.json')), land, `bevoelkerungsdichte-2018-${land}`));
  }
  addData('gemeinden/15085/bevoelkerung.json', cut(readDoc(join(DEMO, 'bevoelkerung-gemeinden-harz.json')), '15085', 'bevoelkerung-gemeinden-15085', ['Gemeinde']));
  for (const kreis of ['15085', '15002']) {
    addData(`gemeinden/${kreis}/siedlungsflaeche.json`, cut(readDoc(join(DEMO, 'siedlungsflaeche-gemeinden.json')), kreis, `siedlungsflaeche-${kreis}`));
  }

  // Boundaries: Sachsen-Anhalt's Kreise and Harz's Gemeinden as the demo has them, the rest cut here.
  mkdirSync(join(dir, 'geo'), { recursive: true });
  copyFileSync(join(DEMO, 'geo/st-kreise-2021.topo.json'), join(dir, 'geo/kreise-15.topo.json'));
  copyFileSync(join(DEMO, 'geo/harz-gemeinden-2021.topo.json'), join(dir, 'geo/gemeinden-15085.topo.json'));
  await geo(join(DEMO, 'geo/st-gemeinden-2021.topo.json'), '15002', join(dir, 'geo/gemeinden-15002.topo.json'));
  await geo(join(DEMO, 'geo/de-kreise-2021.topo.json'), '12', join(dir, 'geo/kreise-12.topo.json'));
  await geo(join(DEMO, 'geo/de-kreise-2021.topo.json'), '03', join(dir, 'geo/kreise-03.topo.json'));
  await geo(join(DEMO, 'geo/de-gemeinden-2021.topo.json'), '12062', join(dir, 'geo/gemeinden-12062.topo.json'));
  const geometry = [
    ['geo/kreise-15.topo.json', 'Kreis', '15'],
    ['geo/kreise-12.topo.json', 'Kreis', '12'],
    ['geo/kreise-03.topo.json', 'Kreis', '03'],
    ['geo/gemeinden-15085.topo.json', 'Gemeinde', '15085'],
    ['geo/gemeinden-15002.topo.json', 'Gemeinde', '15002'],
    ['geo/gemeinden-12062.topo.json', 'Gemeinde', '12062'],
  ].map(([url, level, prefix]) => {
    const bytes = readFileSync(join(dir, url!));
    const topology = JSON.parse(bytes.toString('utf8')) as Topology;
    return { url: url!, format: 'topojson' as const, object: Object.keys(topology.objects)[0]!, keyProperty: 'ags', level: level as 'Kreis', attribution: BKG, license: DL_DE, regions: [prefix!], bytes: bytes.length };
  });

  // Gemeinde names, from the boundaries.
  const regionFiles = ['15085', '15002', '12062'].map((kreis) => {
    const topology = JSON.parse(readFileSync(join(dir, `geo/gemeinden-${kreis}.topo.json`), 'utf8')) as Topology;
    const doc = {
      kreisdossier: '1.0',
      dataset: {
        id: `gemeinden-${kreis}`,
        title: { de: `Gemeinden im Kreis ${kreis}`, en: `Gemeinden in the Kreis ${kreis}` },
        sources: [{ publisher: 'Bundesamt für Kartographie und Geodäsie (BKG)', title: 'Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021' }],
        license: DL_DE,
        attribution: BKG,
        referenceDate: '2021-01-01',
      },
      regions: Object.values(topology.objects)[0]!.geometries.map((g) => ({ key: g.properties.ags, name: g.properties.name, level: 'Gemeinde', parent: kreis })),
      indicators: [],
      observations: [],
    };
    const path = `regionen/gemeinden-${kreis}.json`;
    write(dir, path, doc);
    return { url: path, level: 'Gemeinde' as const, regions: [kreis], bytes: readFileSync(join(dir, path)).length };
  });

  // Dossier definitions: the Harz one for 15085, the same topics as a general one for the rest.
  const harz = readDoc(join(DEMO, 'kreisdossier-harz.json'));
  write(dir, 'dossiers/harz.json', harz);
  write(dir, 'dossiers/standard.json', { ...harz, dataset: { ...harz.dataset, id: 'kreisdossier-standard', attribution: 'Themenauswahl: kreisdossier-Test' } });
  const size = (path: string) => readFileSync(join(dir, path)).length;

  // The regions: Deutschland, three Länder and their Kreise (BKG names); types and neighbours where a test needs them.
  const kreise = (JSON.parse(readFileSync(join(DEMO, 'geo/de-kreise-2021.topo.json'), 'utf8')) as Topology).objects.kreise!.geometries
    .map((g) => g.properties)
    .filter((p) => /^(03|12|15)/.test(p.ags));
  const types: Record<string, string> = { '15085': 'Landkreis', '12062': 'Landkreis', '15002': 'Kreisfreie Stadt' };
  const neighbours: Record<string, string[]> = { '15085': ['03153', '03159', '15083', '15087', '15088', '15089'] };
  const catalogue: CatalogueInput = {
    kreisdossierCatalogue: '1.0',
    title: { de: 'Testkatalog', en: 'Test catalogue' },
    updated: '2026-03-10T12:00:00Z',
    regionsAttribution: BKG,
    regionsLicense: DL_DE,
    regions: [
      { key: 'DG', name: 'Deutschland', level: 'Bund' },
      { key: '03', name: 'Niedersachsen', level: 'Land', parent: 'DG' },
      { key: '12', name: 'Brandenburg', level: 'Land', parent: 'DG' },
      { key: '15', name: 'Sachsen-Anhalt', level: 'Land', parent: 'DG' },
      ...kreise.map((p) => ({ key: p.ags, name: p.name, level: 'Kreis' as const, parent: p.ags.slice(0, 2), ...(types[p.ags] ? { type: types[p.ags] } : {}), ...(neighbours[p.ags] ? { neighbours: neighbours[p.ags] } : {}) })),
    ],
    regionFiles,
    data: data.map(({ path, doc }) => describeDataFile(doc, path, size(path))),
    geometry,
    dossiers: [
      { url: 'dossiers/harz.json', regions: ['15085'], bytes: size('dossiers/harz.json') },
      { url: 'dossiers/standard.json', bytes: size('dossiers/standard.json') },
    ],
    regionChanges: [
      { key: '15357', name: 'Halberstadt', successors: ['15085'], date: '2007-07-01', note: { de: 'Aufgegangen im Landkreis Harz.', en: 'Merged into Landkreis Harz.' } },
      { key: '03152', name: 'Göttingen (alt)', successors: ['03159'], date: '2016-11-01', note: { de: 'Mit Osterode am Harz zum Landkreis Göttingen vereinigt.', en: 'Merged with Osterode am Harz into Landkreis Göttingen.' } },
    ],
  };
  const check = validateCatalogue(catalogue);
  if (!check.valid) throw new Error(`fixture catalogue invalid: ${check.problems.map((p) => `${p.path}: ${p.message.en}`).join('; ')}`);
  write(dir, 'katalog.json', catalogue);
}
