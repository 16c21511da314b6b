/**
 * kreisdossier: embeddable web components for official regional statistics.
 * Importing this module registers every element.
 */
import './indikator-tabelle/define.js';
import './indikator-chart/define.js';
import './kreis-map/define.js';
import './region-auswahl/define.js';
import './themen-dossier/define.js';

export { IndikatorTabelle } from './indikator-tabelle/indikator-tabelle.js';
export { IndikatorChart } from './indikator-chart/indikator-chart.js';
export { KreisMap } from './kreis-map/kreis-map.js';
export { RegionAuswahl } from './region-auswahl/region-auswahl.js';
export { ThemenDossier } from './themen-dossier/themen-dossier.js';
export { KdElement } from './base/kd-element.js';
export { DataStore, type StoredObservation, type ObservationQuery } from './data/data-store.js';
export { DataError, type DataErrorKind, type LocatedProblem } from './data/data-error.js';
export { loadData, type DataSources } from './data/load-data.js';
export { forgetDocument } from './data/document-cache.js';
export * from './format/index.js';
