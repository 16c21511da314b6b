/**
 * What a dossier page shows for one region: per topic, the sections of the
 * dossier definitions in the data (or a default layout from the topic's
 * indicators), each resolved against the data — which indicators exist, what
 * the region (or its sub-regions) has numbers for, and which region a chart or
 * map should show. Rendering only reads this model.
 */
import type { DataStore } from '../data/data-store.js';
import type { Dataset, DossierSection, Indicator, LocalizedText, Region, RegionLevel, Topic } from '../format/types.js';
import { keyFigure, type KeyFigure } from './key-figures.js';

/** A section's indicator the data has, and what can be shown of it for the region. */
export interface SectionIndicator {
  indicator: Indicator;
  /** The region has observations of it. */
  own: boolean;
  /** Its sub-regions have observations (a Kreis with Gemeinde data). */
  below: boolean;
  /** The nearest ancestor with observations, offered when the region has none. */
  ancestorWithData?: Region | undefined;
  figure?: KeyFigure | undefined;
}

export interface SectionModel {
  id: string;
  section: DossierSection;
  source: string;
  indicators: SectionIndicator[];
  /** Indicator ids the section names but no loaded file declares. */
  missing: Array<{ id: string; path: string }>;
}

export interface TopicModel {
  topic: Topic;
  /** From a dossier definition, if any. */
  title?: DossierSection['title'] | undefined;
  intro?: DossierSection['title'] | undefined;
  sections: SectionModel[];
  /** Indicators of the topic the region or its sub-regions have numbers for. */
  withData: Indicator[];
  /** When the region has nothing, the nearest ancestor that has numbers for this topic. */
  ancestorWithData?: Region | undefined;
}

export interface DossierModel {
  region: Region;
  compare: Region[];
  topics: TopicModel[];
  /** The datasets whose numbers the view shows, and the dossier definitions it follows (for the sources list). */
  datasets: { data: Dataset[]; definitions: Dataset[] };
  /** The computed indicators (`computed` in the format) whose numbers the view shows, in order of appearance: the sources list names them. */
  computed: Indicator[];
}

/** Parent chain of a region, nearest first (Kreis → Land → Deutschland). */
export function ancestorsOf(store: DataStore, region: Region): Region[] {
  const chain: Region[] = [];
  const seen = new Set([region.key]);
  let key = region.parent;
  while (key && !seen.has(key)) {
    seen.add(key);
    const parent = store.regions.get(key);
    if (!parent) break;
    chain.push(parent);
    key = parent.parent;
  }
  return chain;
}

function hasOwn(store: DataStore, indicator: Indicator, region: Region): boolean {
  return store.hasData(indicator.id, region.key);
}

function hasBelow(store: DataStore, indicator: Indicator, region: Region): boolean {
  return store.childrenOf(region.key).some((child) => store.hasData(indicator.id, child.key));
}

/** The topic's indicators the region or its sub-regions have numbers for. */
export function indicatorsWithData(store: DataStore, topic: Topic, region: Region): Indicator[] {
  return [...store.indicators.values()].filter((i) => i.topic === topic && (hasOwn(store, i, region) || hasBelow(store, i, region)));
}

/** "Arbeitslosenquote auf der Karte" / "Unemployment rate on the map". */
function onTheMap(label: LocalizedText): LocalizedText {
  const de = typeof label === 'string' ? label : label.de;
  const en = typeof label === 'string' ? label : (label.en ?? label.de);
  return { de: `${de} auf der Karte`, en: `${en} on the map` };
}

/** A layout for a topic no definition describes: key figures, then a chart and a map per indicator. */
function defaultSections(store: DataStore, indicators: Indicator[]): DossierSection[] {
  const sections: DossierSection[] = [{ id: 'kennzahlen', title: { de: 'Kennzahlen', en: 'Key figures' }, element: 'figures', indicators: indicators.map((i) => i.id) }];
  for (const indicator of indicators) {
    const overTime = store.periods(indicator.id).length > 1;
    sections.push({
      id: `${indicator.id}-diagramm`,
      title: indicator.label,
      element: 'chart',
      indicators: [indicator.id],
      ...(overTime ? {} : { options: { type: 'bar' } }),
    });
    // Its own title: two sections (landmarks) named alike cannot be told apart by a screen reader.
    if (store.geometries.length) sections.push({ id: `${indicator.id}-karte`, title: onTheMap(indicator.label), element: 'map', indicators: [indicator.id] });
  }
  return sections;
}

/** `path`: the section's JSON path in its file, for the console message about indicators no file has. */
function sectionModel(store: DataStore, section: DossierSection, source: string, path: string, region: Region, compare: Region[], ancestors: Region[]): SectionModel {
  const indicators: SectionIndicator[] = [];
  const missing: SectionModel['missing'] = [];
  section.indicators.forEach((id, k) => {
    const indicator = store.indicators.get(id);
    if (!indicator) {
      missing.push({ id, path: `${path}.indicators[${k}]` });
      return;
    }
    const own = hasOwn(store, indicator, region);
    const below = hasBelow(store, indicator, region);
    const entry: SectionIndicator = { indicator, own, below };
    if (!own && !below) entry.ancestorWithData = ancestors.find((a) => hasOwn(store, indicator, a));
    if (section.element === 'figures' && (own || below)) {
      entry.figure = keyFigure(store, indicator, region, compare.filter((c) => hasOwn(store, indicator, c)));
    }
    indicators.push(entry);
  });
  return { id: section.id, section, source, indicators, missing };
}

/**
 * `offered`: the regions a reader may switch to (`within`); a "see the figures for …" offer names only
 * those ancestors.
 */
export function buildDossierModel(
  store: DataStore,
  region: Region,
  compare: Region[],
  topics: readonly Topic[],
  only: readonly string[],
  offered: Pick<ReadonlySet<string>, 'has'>,
): DossierModel {
  const ancestors = ancestorsOf(store, region).filter((a) => offered.has(a.key));
  const model: DossierModel = { region, compare, topics: [], datasets: { data: [], definitions: [] }, computed: [] };
  for (const topic of topics) {
    const indicators = [...store.indicators.values()].filter((i) => i.topic === topic);
    const definitions = store.dossierTopics.filter((d) => d.topic.topic === topic);
    const seen = new Set<string>();
    let sections: SectionModel[] = [];
    for (const { topic: definition, source, index } of definitions) {
      definition.sections.forEach((section, j) => {
        // The first file's section of an id wins; a page listing two definitions of one section shows it once.
        if (seen.has(section.id)) return;
        seen.add(section.id);
        sections.push(sectionModel(store, section, source, `$.dossier.topics[${index}].sections[${j}]`, region, compare, ancestors));
      });
    }
    if (!definitions.some((d) => d.topic.sections.length) && indicators.length) {
      sections = defaultSections(store, indicators).map((s, j) => sectionModel(store, s, '', `(default)[${j}]`, region, compare, ancestors));
    }
    if (only.length) {
      const byId = new Map(sections.map((s) => [s.id, s]));
      sections = only.map((id) => byId.get(id)).filter((s): s is SectionModel => !!s);
    }
    const withData = indicatorsWithData(store, topic, region);
    const definition = definitions[0]?.topic;
    model.topics.push({
      topic,
      title: definition?.title,
      intro: definition?.intro,
      sections,
      withData,
      ancestorWithData: withData.length ? undefined : ancestors.find((a) => indicators.some((i) => hasOwn(store, i, a))),
    });
  }
  model.datasets = datasetsShown(store, model.topics);
  model.computed = computedShown(model.topics);
  return model;
}

function computedShown(topics: readonly TopicModel[]): Indicator[] {
  const shown = new Set<Indicator>();
  for (const section of topics.flatMap((t) => t.sections)) {
    for (const i of section.indicators) if ((i.own || i.below) && i.indicator.computed) shown.add(i.indicator);
  }
  return [...shown];
}

function datasetsShown(store: DataStore, topics: readonly TopicModel[]): DossierModel['datasets'] {
  const shown = new Set<Dataset>();
  const definitions = new Set<Dataset>();
  for (const section of topics.flatMap((t) => t.sections)) {
    for (const i of section.indicators) if (i.own || i.below) store.datasetsFor(i.indicator.id).forEach((d) => shown.add(d));
    const definition = store.sources.indexOf(section.source);
    if (definition >= 0) definitions.add(store.datasets[definition]!);
  }
  return { data: [...shown], definitions: [...definitions].filter((d) => !shown.has(d)) };
}

/**
 * Regions a reader may switch the dossier to: those with a number in the
 * latest period of some indicator (a Gemeinde dissolved in 2010 is not
 * offered for a dossier of today), at Land level or below, plus Deutschland.
 */
export function offeredRegions(store: DataStore): Region[] {
  const keys = new Set<string>();
  for (const indicator of store.indicators.values()) {
    const byLevel = new Map<RegionLevel, string>();
    const observations = store.observations({ indicator: indicator.id });
    for (const o of observations) {
      const level = store.regions.get(o.region)?.level;
      if (level && o.value !== null && (byLevel.get(level) ?? '') < o.period) byLevel.set(level, o.period);
    }
    for (const o of observations) {
      const level = store.regions.get(o.region)?.level;
      if (level && o.value !== null && byLevel.get(level) === o.period) keys.add(o.region);
    }
  }
  return [...store.regions.values()].filter((r) => keys.has(r.key));
}
