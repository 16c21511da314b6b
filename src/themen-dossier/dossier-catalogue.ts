/**
 * A dossier reading a catalogue: which files one view (a region and its topics) needs, which topics have
 * numbers for a region before their files are fetched, and which regions a reader may switch to — every
 * Land, Kreis and Gemeinde the catalogue knows, not only those of the files loaded so far.
 */
import type { CatalogueSelection, LoadedCatalogue } from '../data/catalogue-data.js';
import type { Catalogue } from '../format/catalogue-schema.js';
import { dossierDataFiles, dossierFor, dossierNeeds, peerIndicators, geometryFilesFor, levelOfKey, regionFilesFor, regionIndex, topicsWithData } from '../format/catalogue-select.js';
import { TOPICS } from '../format/vocabulary.js';
import type { KreisdossierDocument, Topic } from '../format/types.js';
import { ALL_TOPICS, parseTopic } from '../format/topic-slugs.js';

/** The levels a reader can open a page for. */
export const PAGE_LEVELS = ['Land', 'Kreis', 'Gemeinde'] as const;

/** The topics a view shows: the `topic` attribute, else the first topic the catalogue has numbers for. */
export function viewTopics(catalogue: Catalogue, key: string, topic: string | undefined): readonly Topic[] {
  const parsed = parseTopic(topic);
  if (parsed === ALL_TOPICS) return TOPICS;
  if (parsed) return [parsed];
  // An unknown topic value: the render reports it; the files of the first topic are a fair guess meanwhile.
  const withData = topicsWithData(catalogue, key);
  return [TOPICS.find((t) => withData.has(t)) ?? TOPICS[0]];
}

/**
 * The files of one dossier view: its data, the definition written for the region, boundaries, and the region's
 * name. `definition`: that definition's content, when at hand (it narrows what is needed of the other regions).
 */
export function dossierSelection(
  { catalogue }: LoadedCatalogue,
  key: string,
  topic: string | undefined,
  compare: readonly string[],
  definitionDocument?: KreisdossierDocument,
): CatalogueSelection {
  if (!key) return { files: [], geometry: [], regionFiles: [] };
  const topics = viewTopics(catalogue, key, topic);
  const needs = dossierNeeds(catalogue, key, topics, compare, definitionDocument && peerIndicators(definitionDocument, topics));
  const files = dossierDataFiles(catalogue, needs).map((f) => f.url);
  const definition = dossierFor(catalogue, key);
  if (definition) files.push(definition.url);
  const geometry = needs.geometry.flatMap((g) => geometryFilesFor(catalogue, g));
  // A Gemeinde without numbers is still a page (that says so): its name comes from the list of its Land's Gemeinden.
  const regionFiles = regionIndex(catalogue).has(key) ? [] : regionFilesFor(catalogue, levelOfKey(key), key);
  return { files, geometry, regionFiles };
}

/** Whether a reader may open the page of a region: a Land, Kreis or Gemeinde inside `within`. */
export function mayOffer(catalogue: Catalogue, key: string, within: string): boolean {
  if (!key.startsWith(within) || key === 'DG') return false;
  const known = regionIndex(catalogue).get(key);
  if (known) return (PAGE_LEVELS as readonly string[]).includes(known.level);
  return levelOfKey(key) === 'Gemeinde' && regionFilesFor(catalogue, 'Gemeinde', key).length > 0;
}
