/**
 * Reads every file a dossier takes, validates it (kreisdossier files with the format's validator, boundary
 * files as TopoJSON or GeoJSON) and collects its attribution and licence as the file states them. A data file
 * pointing at boundaries of its own brings that file along ("companion").
 */
import { dirname } from 'node:path';
import type { Catalogue } from '../../src/format/catalogue-schema.js';
import { CliError, t, type Lang } from '../cli-shared.js';
import { sourcePath } from './layout.js';
import type { Credit } from './readme.js';
import type { Selection } from './select.js';
import { CATALOGUE_FILE, readDocumentFile, readJson } from './source.js';

/** A file to copy: where it is, where it goes inside daten/ (set once the layout is known). */
export interface Copy {
  source: string;
  target: string;
  kind: 'data' | 'geometry' | 'regions' | 'definition' | 'companion';
}

/** `credits[].files` hold source paths here (CATALOGUE_FILE for the catalogue's own region names). */
export function collectFiles(catalogue: Catalogue, selection: Selection, pathOf: (url: string) => string, lang: Lang): { copies: Copy[]; credits: Credit[] } {
  const copies: Copy[] = [];
  const credits: Credit[] = [];
  for (const entry of selection.data) {
    const path = pathOf(entry.url);
    const doc = readDocumentFile(path, lang);
    if (doc.dataset.id !== entry.dataset) {
      throw new CliError(
        t(
          lang,
          `${path}: dataset.id ist „${doc.dataset.id}“, der Katalog nennt „${entry.dataset}“: der Katalog passt nicht zu den Dateien`,
          `${path}: dataset.id is "${doc.dataset.id}", the catalogue says "${entry.dataset}": the catalogue does not match the files`,
        ),
      );
    }
    copies.push({ source: path, target: '', kind: 'data' });
    credits.push({ kind: 'data', attribution: doc.dataset.attribution, license: doc.dataset.license, files: [path] });
    if (doc.geometry) {
      const companion = sourcePath(dirname(path), doc.geometry.url, lang, `${path}: $.geometry.url`);
      checkGeometry(companion, lang);
      copies.push({ source: companion, target: '', kind: 'companion' });
      credits.push({ kind: 'boundaries', attribution: doc.geometry.attribution, ...(doc.geometry.license ? { license: doc.geometry.license } : {}), files: [companion] });
    }
  }
  for (const [kind, list] of [['definition', selection.dossiers], ['regions', selection.regionFiles]] as const) {
    for (const entry of list) {
      const path = pathOf(entry.url);
      const doc = readDocumentFile(path, lang);
      copies.push({ source: path, target: '', kind });
      credits.push({ kind, attribution: doc.dataset.attribution, license: doc.dataset.license, files: [path] });
    }
  }
  if (catalogue.regionsAttribution) {
    credits.push({ kind: 'regions', attribution: catalogue.regionsAttribution, ...(catalogue.regionsLicense ? { license: catalogue.regionsLicense } : {}), files: [CATALOGUE_FILE] });
  }
  for (const entry of selection.geometry) {
    const path = pathOf(entry.url);
    checkGeometry(path, lang);
    copies.push({ source: path, target: '', kind: 'geometry' });
    credits.push({ kind: 'boundaries', attribution: entry.attribution, ...(entry.license ? { license: entry.license } : {}), files: [path] });
  }
  return { copies, credits };
}

/** A boundary file: JSON, and a TopoJSON topology or a GeoJSON feature collection. */
function checkGeometry(path: string, lang: Lang): void {
  const value = readJson(path, lang) as { type?: unknown } | null;
  if (value?.type !== 'Topology' && value?.type !== 'FeatureCollection') {
    throw new CliError(t(lang, `${path}: weder TopoJSON (type „Topology“) noch GeoJSON (type „FeatureCollection“)`, `${path}: neither TopoJSON (type "Topology") nor GeoJSON (type "FeatureCollection")`));
  }
}
